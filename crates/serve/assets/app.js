// Concord's web app works without this script. It adds two things:
// 1. Dropping files onto a file field (the field's label area takes them).
// 2. On the drafting page, the wording of each choice is refreshed as the form changes,
//    by asking the server for the page again and swapping in its previews and errors.
(function () {
  'use strict';

  function dropZones() {
    document.querySelectorAll('[data-drop]').forEach(function (zone) {
      var input = zone.querySelector('input[type="file"]');
      if (!input) { return; }
      ['dragenter', 'dragover'].forEach(function (type) {
        zone.addEventListener(type, function (e) {
          e.preventDefault();
          zone.classList.add('over');
        });
      });
      ['dragleave', 'drop'].forEach(function (type) {
        zone.addEventListener(type, function () { zone.classList.remove('over'); });
      });
      zone.addEventListener('drop', function (e) {
        e.preventDefault();
        var files = e.dataTransfer && e.dataTransfer.files;
        if (!files || files.length === 0) { return; }
        var dt = new DataTransfer();
        var n = input.multiple ? files.length : 1;
        for (var i = 0; i < n; i++) { dt.items.add(files[i]); }
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    });
  }

  function livePreview() {
    var form = document.querySelector('form[data-live]');
    if (!form || !window.fetch || !window.DOMParser) { return; }
    form.querySelectorAll('[data-hide-live]').forEach(function (b) { b.hidden = true; });
    var timer = null;
    var seq = 0;
    function refresh(whole) {
      var data = new FormData(form);
      data.set('action', 'preview');
      var mine = ++seq;
      fetch(form.getAttribute('action'), { method: 'POST', body: data, credentials: 'same-origin' })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          if (mine !== seq) { return; }
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var fresh = doc.querySelector('form[data-live]');
          if (!fresh) { return; }
          if (whole) {
            // Another kind of council: other roles, so the whole form is new; keep focus.
            var focused = document.activeElement && document.activeElement.id;
            form.innerHTML = fresh.innerHTML;
            form.querySelectorAll('[data-hide-live]').forEach(function (b) { b.hidden = true; });
            var notice = doc.querySelector('.notice');
            var old = document.querySelector('.notice');
            if (notice && !old) { form.parentNode.insertBefore(notice, form.parentNode.querySelector('.lead')); }
            if (focused && document.getElementById(focused)) { document.getElementById(focused).focus(); }
            return;
          }
          form.querySelectorAll('[data-preview]').forEach(function (p) {
            var q = doc.getElementById(p.id);
            if (q && q.innerHTML !== p.innerHTML) { p.innerHTML = q.innerHTML; }
          });
        })
        .catch(function () { /* the buttons still work */ });
    }
    form.addEventListener('change', function (e) {
      var whole = e.target && e.target.hasAttribute('data-resets');
      clearTimeout(timer);
      timer = setTimeout(function () { refresh(whole); }, whole ? 0 : 250);
    });
  }

  function focusErrors() {
    var summary = document.querySelector('[data-focus]');
    if (summary) { summary.focus(); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    dropZones();
    livePreview();
    focusErrors();
  });
})();
