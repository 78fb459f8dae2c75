// Spectrumflow dashboard: fetches the page again and swaps its <main> in place, as often as the
// page asks (<main data-refresh-ms>): often while runs are going, seldom when none is, never for a
// run that has ended. Plain script served by the starter; nothing is loaded from elsewhere.
(function () {
  'use strict';

  var state = document.getElementById('refresh-state');

  function delay() {
    var main = document.querySelector('main');
    return main ? Number(main.getAttribute('data-refresh-ms')) || 0 : 0;
  }

  function show(text, stale) {
    if (state) {
      state.textContent = text;
      state.className = stale ? 'stale' : '';
    }
  }

  function schedule() {
    var ms = delay();
    if (ms > 0) {
      show('updates every ' + Math.round(ms / 100) / 10 + ' s', false);
      window.setTimeout(refresh, ms);
    } else {
      show('', false);
    }
  }

  function refresh() {
    if (document.hidden) {
      // a tab nobody looks at asks nothing; it catches up when shown again
      document.addEventListener('visibilitychange', refresh, { once: true });
      return;
    }
    fetch(window.location.href, { headers: { Accept: 'text/html' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the starter answered ' + response.status);
        }
        return response.text();
      })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, 'text/html');
        var main = next.querySelector('main');
        if (main) {
          document.querySelector('main').replaceWith(document.adoptNode(main));
        }
        var generated = next.getElementById('generated');
        var current = document.getElementById('generated');
        if (generated && current) {
          current.textContent = generated.textContent;
        }
        schedule();
      })
      .catch(function (error) {
        show('not updated: ' + error.message, true);
        window.setTimeout(refresh, Math.max(delay(), 5000));
      });
  }

  schedule();
})();
