// Starting an article: a file can be dropped on its box, and the form is sent with
// XMLHttpRequest so that a large file shows its upload progress. Without script the form is an
// ordinary multipart form and works the same.
(function () {
  'use strict';
  var form = document.getElementById('compose-form');
  if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
  var file = document.getElementById('cp-file');
  var drop = document.getElementById('cp-drop');
  if (drop && file) {
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('cp-over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('cp-over'); });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      drop.classList.remove('cp-over');
      if (e.dataTransfer && e.dataTransfer.files.length) { file.files = e.dataTransfer.files; }
    });
  }
  var line = document.getElementById('cp-progress-line');
  var bar = document.getElementById('cp-progress');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (ev) {
      if (ev.lengthComputable && bar) { bar.max = ev.total; bar.value = ev.loaded; }
    });
    xhr.addEventListener('load', function () {
      // The answer is the next page (the preview, or this form with the reason): show it.
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener('error', function () { form.submit(); });
    if (line) { line.hidden = false; }
    form.querySelector('button[type=submit]').disabled = true;
    xhr.send(new FormData(form));
  });
}());
