// The newsroom's pages follow the editions while they are open. The page carries a stamp of what
// it shows; every few seconds it asks the live answer for the stamp now and, when it differs,
// reads the page again and puts its live parts (marked data-live-part) in place, keeping what the
// editor has ticked or typed in them and where the focus was. Hidden tabs do not ask; failures
// wait longer before asking again.
(function () {
  'use strict';
  var el = document.getElementById('nr-live');
  if (!el || !window.fetch || !window.DOMParser) return;
  var url = el.dataset.live, stamp = el.dataset.stamp, every = parseInt(el.dataset.liveEvery, 10) || 3000;
  var status = document.getElementById('nr-live-status');
  var failures = 0, timer = null;

  function later() { clearTimeout(timer); timer = setTimeout(poll, every * Math.min(1 << failures, 10)); }

  function poll() {
    if (document.hidden) { later(); return; }
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (res) { if (!res.ok) throw new Error(res.status); return res.json(); })
      .then(function (d) { failures = 0; if (d.stamp !== stamp) return refresh(d.stamp); })
      .catch(function () { failures++; })
      .then(later);
  }

  function refresh(next) {
    return fetch(location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (res) { if (!res.ok) throw new Error(res.status); return res.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var active = document.activeElement && document.activeElement.id;
        document.querySelectorAll('[data-live-part]').forEach(function (old) {
          var fresh = doc.getElementById(old.id);
          if (!fresh) return;
          fresh = document.importNode(fresh, true);
          keepInputs(old, fresh);
          old.replaceWith(fresh);
        });
        var mark = doc.getElementById('nr-live');
        stamp = mark ? mark.dataset.stamp : next;
        if (active && document.getElementById(active)) document.getElementById(active).focus();
        status.textContent = '';
        status.textContent = el.dataset.updated;
        document.dispatchEvent(new CustomEvent('tilmash:live'));
      });
  }

  // keepInputs carries what the editor set in the old part's fields over to the new part's.
  function keepInputs(old, fresh) {
    old.querySelectorAll('input[id], select[id], textarea[id]').forEach(function (o) {
      if (o.type === 'hidden') return;
      var n = fresh.querySelector('#' + CSS.escape(o.id));
      if (!n || n.disabled) return;
      if (o.type === 'checkbox' || o.type === 'radio') n.checked = o.checked; else n.value = o.value;
    });
  }

  later();
})();
