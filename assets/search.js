// Search as you type, for senate-kb's pages. Without this script the search box is a plain
// GET form and every page works; with it, each pause in typing asks the server for the
// search page of what is typed (/search?q=…: the same page a shared link opens, the last
// word taken as a prefix there), puts its results in place of the page's content and keeps
// the address in step with history.replaceState. No framework, no build step, nothing
// inline: the pages' Content-Security-Policy forbids inline scripts.
(function () {
  'use strict';
  var form = document.querySelector('form[data-live-search]');
  if (!form || !window.fetch || !window.DOMParser || !window.history.replaceState) {
    return;
  }
  var input = form.querySelector('input[name="q"]');
  var status = document.getElementById('status');
  var WAIT_MS = 150;
  var timer = 0;
  var asked = 0;
  var pending = null;

  // The address of what is typed: the search page, or the start page when nothing is.
  function address() {
    var lang = form.querySelector('input[name="lang"]').value;
    var q = input.value;
    if (!q.trim()) {
      return '/?lang=' + encodeURIComponent(lang);
    }
    return '/search?q=' + encodeURIComponent(q) + '&lang=' + encodeURIComponent(lang);
  }

  // Puts the fetched page's parts in place of this one's: the content, the language switch
  // (its links keep the query) and the title. The search box stays, with the caret.
  function show(html, url) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    ['main', 'switch'].forEach(function (id) {
      var fresh = page.getElementById(id);
      var old = document.getElementById(id);
      if (fresh && old) {
        old.replaceWith(document.importNode(fresh, true));
      }
    });
    document.title = page.title;
    window.history.replaceState(null, '', url);
    var count = page.getElementById('count');
    var notice = page.querySelector('.notice');
    status.textContent = count ? count.textContent : notice ? notice.textContent : '';
  }

  function ask() {
    var url = address();
    var mine = ++asked;
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    fetch(url, { signal: pending.signal, headers: { Accept: 'text/html' } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        // An answer to an earlier question, come late, is dropped.
        if (mine === asked) {
          show(html, url);
        }
      })
      .catch(function () { /* aborted or offline: the form still works */ });
  }

  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, WAIT_MS);
  });
})();
