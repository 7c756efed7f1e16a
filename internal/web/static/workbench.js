// The segment editor: keyboard-driven editing that never loses a keystroke. Every edit is kept in
// localStorage until the server has it, autosaved after a pause, and retried while the connection
// is down; a save names the version it was based on, so a colleague's newer save is shown side by
// side instead of being overwritten.
(function () {
  'use strict';
  var root = document.getElementById('segments');
  if (!root) return;
  var M = JSON.parse(document.getElementById('wb-messages').textContent || '{}');
  var base = root.dataset.base, csrf = root.dataset.csrf, edition = root.dataset.edition;
  var editable = root.dataset.editable === 'true';
  var statusEl = document.getElementById('status');
  var rows = Array.prototype.slice.call(root.querySelectorAll('.seg'));
  var undoStack = [];
  var AUTOSAVE_MS = 1200, RETRY_MAX_MS = 30000;

  var store = (function () {
    try { var s = window.localStorage; s.setItem('tilmash:probe', '1'); s.removeItem('tilmash:probe'); return s; }
    catch (e) { return null; }
  })();
  function key(row) { return 'tilmash:' + edition + ':' + row.dataset.seg; }
  function keep(row) { if (store) store.setItem(key(row), JSON.stringify({ text: ta(row).value, base: row.dataset.version })); }
  function forget(row) { if (store) store.removeItem(key(row)); }

  function ta(row) { return row.querySelector('textarea[id^="t-"]'); }
  function say(msg, bad) { statusEl.textContent = msg; statusEl.classList.toggle('bad', !!bad); }
  function rowSay(row, msg, bad) { var el = row.querySelector('.save'); el.textContent = msg; el.classList.toggle('bad', !!bad); }

  function setState(row, state, label) {
    row.dataset.state = state;
    row.className = row.className.replace(/\bst-\w+/, 'st-' + state);
    if (label) row.querySelector('.state').textContent = label;
  }

  // Saving --------------------------------------------------------------------------------------

  function markDirty(row) {
    row._dirty = true;
    keep(row);
    clearTimeout(row._timer);
    row._timer = setTimeout(function () { save(row, false); }, AUTOSAVE_MS);
  }

  function scheduleRetry(row) {
    row._delay = Math.min((row._delay || 1000) * 2, RETRY_MAX_MS);
    clearTimeout(row._retry);
    row._retry = setTimeout(function () { save(row, row._wantConfirm); }, row._delay);
  }

  // save sends the row's text; confirm makes it confirmed. Only one request per row is in flight:
  // a save asked for meanwhile runs when it returns, with the version it brought back.
  function save(row, confirm) {
    if (!editable) return Promise.resolve(false);
    clearTimeout(row._timer);
    row._wantConfirm = !!(confirm || row._wantConfirm);
    if (row._inflight) { row._again = true; return row._inflight; }
    if (row._conflict) return Promise.resolve(false);
    var text = ta(row).value;
    var wantConfirm = row._wantConfirm;
    if (!wantConfirm && !row._dirty) return Promise.resolve(true);
    rowSay(row, M.saving);
    var body = JSON.stringify({ text: text, version: parseInt(row.dataset.version, 10), confirm: wantConfirm });
    row._inflight = fetch(base + '/segments/' + row.dataset.seg, {
      method: 'PUT', credentials: 'same-origin', body: body,
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrf }
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.ok) { applySaved(row, data, text, wantConfirm); return true; }
        var err = data.error || {};
        if (res.status === 409 && err.detail && err.detail.current) { showConflict(row, err.detail.current, text); return false; }
        if (res.status >= 500 || res.status === 429 || res.status === 408) { rowSay(row, M.offline, true); say(M.offline, true); scheduleRetry(row); return false; }
        rowSay(row, err.message || M.failed, true); say(err.message || M.failed, true);
        return false;
      });
    }, function () {
      rowSay(row, M.offline, true); say(M.offline, true); scheduleRetry(row); return false;
    }).then(function (ok) {
      row._inflight = null;
      if (row._again) { row._again = false; if (row._dirty || row._wantConfirm) return save(row, false); }
      return ok;
    });
    return row._inflight;
  }

  function applySaved(row, data, sent, confirmed) {
    row._delay = 0;
    row.dataset.version = data.version;
    if (confirmed) row._wantConfirm = false;
    setState(row, data.state, data.state_label);
    if (ta(row).value === sent) { row._dirty = false; forget(row); } else { keep(row); }
    renderFindings(row, data.findings || []);
    row.dataset.open = data.open_findings;
    var bar = document.getElementById('progress');
    bar.max = data.total; bar.value = data.confirmed; bar.textContent = data.confirmed + '/' + data.total;
    document.getElementById('progress-text').textContent = data.progress_text;
    rowSay(row, M.saved);
    say(data.confirmed === data.total ? M.allConfirmed : M.saved);
    live.soon(); // the line beside the submit button and the findings by check follow at once
  }

  function renderFindings(row, findings) {
    var ul = row.querySelector('.findings');
    ul.textContent = '';
    findings.forEach(function (f) {
      var li = document.createElement('li');
      var blocking = f.severity === 'error';
      li.className = 'finding' + (blocking ? ' blocking' : '') + (f.dismissed ? ' dismissed' : '');
      li.dataset.check = f.check;
      var sev = document.createElement('span');
      sev.className = 'sev'; sev.textContent = blocking ? M.blocking : M.warning;
      li.appendChild(sev);
      li.appendChild(document.createTextNode(' ' + f.message));
      if (f.dismissed) {
        var r = document.createElement('span'); r.className = 'reason'; r.textContent = ' ' + M.dismissed + ': ' + (f.reason || '');
        li.appendChild(r);
      } else if (blocking) {
        li.appendChild(overrideForm(row, f.id));
      }
      ul.appendChild(li);
    });
  }

  function overrideForm(row, id) {
    var form = document.createElement('form');
    form.className = 'override'; form.method = 'post'; form.action = base + '/findings/' + id + '/dismiss';
    [['csrf', csrf], ['segment', row.dataset.seg]].forEach(function (kv) {
      var h = document.createElement('input'); h.type = 'hidden'; h.name = kv[0]; h.value = kv[1]; form.appendChild(h);
    });
    var label = document.createElement('label'); label.htmlFor = 'r-' + id; label.textContent = M.reason;
    var input = document.createElement('input'); input.id = 'r-' + id; input.name = 'reason'; input.required = true; input.maxLength = 2000;
    var btn = document.createElement('button'); btn.type = 'submit'; btn.textContent = M.override;
    form.appendChild(label); form.appendChild(input); form.appendChild(btn);
    return form;
  }

  // Conflicts ----------------------------------------------------------------------------------

  // showConflict puts the colleague's saved text next to ours and lets the translator choose or
  // merge. Until then nothing of this row is sent.
  function showConflict(row, cur, mine) {
    row._conflict = true;
    clearTimeout(row._timer);
    var box = row.querySelector('.conflict');
    box.textContent = '';
    var h = document.createElement('h3'); h.tabIndex = -1; h.textContent = M.conflictTitle + (cur.by ? ' (' + cur.by + ')' : '');
    var t1 = document.createElement('p'); t1.textContent = M.theirs;
    var p1 = document.createElement('pre'); p1.className = 'theirs'; p1.lang = ta(row).lang; p1.textContent = cur.text;
    var t2 = document.createElement('p'); t2.textContent = M.mine;
    var p2 = document.createElement('pre'); p2.className = 'mine'; p2.lang = ta(row).lang; p2.textContent = mine;
    var choices = document.createElement('div'); choices.className = 'choices';
    function choice(cls, label, fn) {
      var b = document.createElement('button'); b.type = 'button'; b.className = cls; b.textContent = label;
      b.addEventListener('click', function () {
        row._conflict = false; box.hidden = true; box.textContent = '';
        row.dataset.version = cur.version;
        fn(); ta(row).focus();
      });
      choices.appendChild(b);
    }
    choice('use-theirs', M.useTheirs, function () {
      ta(row).value = cur.text; row._dirty = false; row._wantConfirm = false; forget(row);
      setState(row, cur.state || 'edited'); rowSay(row, '');
    });
    choice('keep-mine', M.keepMine, function () { ta(row).value = mine; row._dirty = true; keep(row); save(row, false); });
    choice('merge', M.merge, function () { ta(row).value = cur.text + '\n' + mine; markDirty(row); });
    [h, t1, p1, t2, p2, choices].forEach(function (el) { box.appendChild(el); });
    box.hidden = false;
    rowSay(row, M.conflictTitle, true);
    say(M.conflictTitle, true);
    h.focus();
  }

  // Live state --------------------------------------------------------------------------------

  // The page asks every few seconds what changed since the newest save it has seen: colleagues'
  // saves appear in their rows (never over text being edited here: that row's next save meets the
  // conflict instead), and the state, the progress, the line beside the submit button and the
  // findings by check follow. Hidden tabs do not ask; failures wait longer before asking again.
  var live = (function () {
    var url = root.dataset.live, every = parseInt(root.dataset.liveEvery, 10) || 3000;
    var cursor = root.dataset.cursor || '', state = root.dataset.state, timer = null, busy = false, again = false, failures = 0;
    function schedule(ms) { clearTimeout(timer); timer = setTimeout(poll, ms); }
    function poll() {
      if (busy) { again = true; return; }
      if (document.hidden) { schedule(every); return; }
      busy = true;
      fetch(url + '?since=' + encodeURIComponent(cursor), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (res) { if (!res.ok) throw new Error(res.status); return res.json(); })
        .then(function (d) { failures = 0; apply(d); }, function () { failures++; })
        .then(function () {
          busy = false;
          if (again) { again = false; schedule(0); } else schedule(every * Math.min(1 << failures, 10));
        });
    }
    function apply(d) {
      var bar = document.getElementById('progress');
      bar.max = d.total; bar.value = d.confirmed; bar.textContent = d.confirmed + '/' + d.total;
      document.getElementById('progress-text').textContent = d.progress_text;
      var drafted = document.getElementById('drafted');
      drafted.textContent = d.drafted_text; drafted.hidden = !d.drafted_text;
      var hint = document.getElementById('submit-hint');
      if (hint.textContent !== d.submit_hint) hint.textContent = d.submit_hint;
      document.getElementById('ed-state').textContent = d.state_label;
      var full = false;
      if (d.state !== state) {
        state = d.state; root.dataset.state = d.state; full = true;
        setEditable(d.editable);
        say(M.stateChanged + ' ' + d.state_label);
      }
      d.segments.forEach(function (s) {
        var row = document.getElementById('seg-' + s.id);
        if (!row || s.version <= parseInt(row.dataset.version, 10)) return;
        if (row._dirty || row._inflight || row._conflict || row._wantConfirm) return;
        ta(row).value = s.text;
        row.dataset.version = s.version;
        setState(row, s.state, s.state_label);
        renderFindings(row, s.findings);
        row.dataset.open = s.open_findings;
        rowSay(row, s.note);
        row.classList.add('updated');
      });
      renderCheckGroups(d.check_groups);
      applyFilters();
      // After a change of state (the checks ran, the edition came back) every segment is read
      // again: findings may have changed without a save.
      cursor = full ? '' : d.cursor;
      if (full) schedule(0);
    }
    function setEditable(on) {
      editable = on;
      root.dataset.editable = on ? 'true' : 'false';
      rows.forEach(function (r) {
        ta(r).readOnly = !on;
        r.querySelectorAll('button.confirm, button.insert').forEach(function (b) { b.disabled = !on; });
      });
      document.getElementById('submit').disabled = !on;
      document.getElementById('undo').disabled = !on;
    }
    return { start: function () { schedule(every); }, soon: function () { schedule(0); } };
  })();

  // renderCheckGroups shows the open findings by check as the server counted them, each with
  // links to the segments whose findings of that check this page shows. Open groups stay open.
  var checkGroupsShown = null;
  function renderCheckGroups(groups) {
    var box = document.getElementById('check-groups');
    // Rebuilt only when what it shows changed: the page does not move under the pointer.
    var sig = JSON.stringify(groups) + rows.map(function (r) { return r.dataset.open; }).join(',');
    if (sig === checkGroupsShown) return;
    checkGroupsShown = sig;
    var opened = {};
    box.querySelectorAll('details[open]').forEach(function (d) { opened[d.dataset.check] = true; });
    box.textContent = '';
    if (!groups.length) { var p = document.createElement('p'); p.textContent = M.noFindings; box.appendChild(p); return; }
    groups.forEach(function (g) {
      var det = document.createElement('details'); det.className = 'check-group'; det.dataset.check = g.check; det.open = !!opened[g.check];
      var sum = document.createElement('summary'); sum.textContent = g.summary; det.appendChild(sum);
      var p = document.createElement('p'); p.appendChild(document.createTextNode(M.segmentsLabel + ' '));
      rows.forEach(function (row) {
        if (!row.querySelector('.finding[data-check="' + g.check + '"]:not(.dismissed)')) return;
        var a = document.createElement('a'); a.href = '#' + row.id; a.textContent = row.querySelector('.num').textContent;
        p.appendChild(a); p.appendChild(document.createTextNode(' '));
      });
      det.appendChild(p);
      box.appendChild(det);
    });
  }

  // Moving around -------------------------------------------------------------------------------

  function visible(row) { return !row.hidden; }
  function focusRow(row) { if (!row) return; var t = ta(row); t.focus(); row.scrollIntoView({ block: 'center' }); }
  function sibling(row, step) {
    var i = rows.indexOf(row);
    for (var j = i + step; j >= 0 && j < rows.length; j += step) if (visible(rows[j])) return rows[j];
    return null;
  }
  function nextUnconfirmed(row) {
    var i = rows.indexOf(row);
    for (var k = 1; k <= rows.length; k++) {
      var r = rows[(i + k) % rows.length];
      if (r !== row && visible(r) && r.dataset.state !== 'confirmed') return r;
    }
    return null;
  }

  function pushUndo(row) { undoStack.push({ row: row, text: ta(row).value }); if (undoStack.length > 100) undoStack.shift(); }

  function undo() {
    var u = undoStack.pop();
    if (!u) { say(M.nothingToUndo); return; }
    ta(u.row).value = u.text;
    markDirty(u.row);
    focusRow(u.row);
    say(M.undone);
  }

  function confirmAndNext(row) {
    if (!editable || row._conflict) return;
    if (row.dataset.state !== 'confirmed' || row._dirty) pushUndo(row);
    save(row, true);
    var next = nextUnconfirmed(row);
    if (next) focusRow(next); else say(M.allConfirmed);
  }

  function insertSuggestion(row) {
    var chosen = row.querySelector('.sugs input[type=radio]:checked') || row.querySelector('.sugs input[type=radio]');
    if (!chosen || !editable) return;
    var text = chosen.closest('li').querySelector('.sug-text').textContent;
    pushUndo(row);
    ta(row).value = text;
    markDirty(row);
    ta(row).focus();
  }

  // Events --------------------------------------------------------------------------------------

  root.addEventListener('input', function (e) {
    var row = e.target.closest('.seg');
    if (row && e.target === ta(row)) {
      if (!row._dirty && row._before !== undefined) undoStack.push({ row: row, text: row._before });
      markDirty(row);
    }
  });
  root.addEventListener('focusin', function (e) {
    var row = e.target.closest('.seg');
    rows.forEach(function (r) { if (r !== row) r.classList.remove('current'); });
    if (row) { row.classList.add('current'); if (!row._dirty) row._before = ta(row).value; }
  });
  root.addEventListener('focusout', function (e) {
    var row = e.target.closest('.seg');
    if (row && e.target === ta(row) && row._dirty) save(row, false);
  });
  root.addEventListener('click', function (e) {
    var row = e.target.closest('.seg');
    if (!row) return;
    if (e.target.classList.contains('confirm')) { ta(row).focus(); confirmAndNext(row); }
    if (e.target.classList.contains('insert')) {
      var radio = e.target.closest('li').querySelector('input[type=radio]');
      if (radio) radio.checked = true;
      insertSuggestion(row);
    }
  });
  document.addEventListener('keydown', function (e) {
    var row = document.activeElement && document.activeElement.closest && document.activeElement.closest('.seg');
    if (e.ctrlKey && e.altKey && (e.key === 'z' || e.key === 'Z')) { e.preventDefault(); undo(); return; }
    if (!row || !e.ctrlKey || e.altKey) return;
    if (e.key === 'Enter') { e.preventDefault(); confirmAndNext(row); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); focusRow(sibling(row, 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); focusRow(sibling(row, -1)); }
    else if (e.key === 'i' || e.key === 'I') { e.preventDefault(); insertSuggestion(row); }
  });
  document.getElementById('undo').addEventListener('click', undo);

  // Each segment's comment form is made when its comments are opened: 300 forms in the page
  // would make it slower to load for nothing.
  root.addEventListener('toggle', function (e) {
    var det = e.target;
    if (!det.classList || !det.classList.contains('comments') || !det.open || det.querySelector('form')) return;
    var row = det.closest('.seg');
    var form = document.getElementById('comment-form').content.firstElementChild.cloneNode(true);
    form.action = base + '/segments/' + row.dataset.seg + '/comments';
    var id = 'c-' + row.dataset.seg;
    form.querySelector('label').htmlFor = id;
    form.querySelector('textarea').id = id;
    det.appendChild(form);
    form.querySelector('textarea').focus();
  }, true);

  // Comments are posted without leaving the page.
  root.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.classList.contains('comment')) return;
    e.preventDefault();
    var box = form.querySelector('textarea');
    fetch(form.action, {
      method: 'POST', credentials: 'same-origin', body: JSON.stringify({ body: box.value }),
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrf }
    }).then(function (res) {
      return res.json().then(function (c) {
        if (!res.ok) { say((c.error && c.error.message) || M.failed, true); return; }
        var li = document.createElement('li');
        var b = document.createElement('b'); b.textContent = c.author;
        var s = document.createElement('small'); s.textContent = c.when;
        li.appendChild(b); li.appendChild(document.createTextNode(' ')); li.appendChild(s);
        li.appendChild(document.createTextNode(' ' + c.body));
        form.parentNode.querySelector('ul').appendChild(li);
        box.value = '';
      });
    }, function () { say(M.offline, true); });
  });

  // Filters -------------------------------------------------------------------------------------

  var fUnconfirmed = document.getElementById('f-unconfirmed');
  var fFindings = document.getElementById('f-findings');
  var fSearch = document.getElementById('f-search');
  function applyFilters() {
    var q = fSearch.value.trim().toLowerCase();
    rows.forEach(function (row) {
      var show = (!fUnconfirmed.checked || row.dataset.state !== 'confirmed') &&
        (!fFindings.checked || parseInt(row.dataset.open || '0', 10) > 0) &&
        (!q || row.querySelector('.src p').textContent.toLowerCase().indexOf(q) >= 0 || ta(row).value.toLowerCase().indexOf(q) >= 0);
      row.hidden = !show;
    });
  }
  [fUnconfirmed, fFindings].forEach(function (el) { el.addEventListener('change', applyFilters); });
  fSearch.addEventListener('input', applyFilters);

  // Submitting waits for the edits still on their way.
  var submitForm = document.querySelector('.ed-submit');
  submitForm.addEventListener('submit', function (e) {
    var pending = rows.filter(function (r) { return r._dirty || r._inflight || r._wantConfirm; });
    if (!pending.length) return;
    e.preventDefault();
    Promise.all(pending.map(function (r) { return save(r, false); })).then(function (oks) {
      if (oks.every(Boolean)) submitForm.submit();
    });
  });

  window.addEventListener('online', function () {
    rows.forEach(function (r) { if (r._dirty || r._wantConfirm) { r._delay = 0; save(r, false); } });
  });
  window.addEventListener('beforeunload', function (e) {
    if (rows.some(function (r) { return r._dirty || r._inflight; })) { e.preventDefault(); e.returnValue = M.unsaved; }
  });

  // Restore edits that never reached the server (a crash, a closed tab, a lost connection).
  var restored = 0;
  rows.forEach(function (row) {
    if (!store) return;
    var raw = store.getItem(key(row));
    if (!raw) return;
    var d;
    try { d = JSON.parse(raw); } catch (e) { forget(row); return; }
    if (d.text === ta(row).value) { forget(row); return; }
    restored++;
    if (String(d.base) === row.dataset.version) { ta(row).value = d.text; markDirty(row); }
    else showConflict(row, { text: ta(row).value, version: parseInt(row.dataset.version, 10), by: '', state: row.dataset.state }, d.text);
  });
  if (restored) say(M.restored);
  live.start();
})();
