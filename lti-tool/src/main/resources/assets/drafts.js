// Saves what a student writes in a practice answer or a reflection as a draft while they type, one
// request after another, and says so quietly ("Draft saved 14:02"). When the Rapport session has
// ended (the save answers 401 or 403), the text is kept in this browser instead, under the step's
// key and nothing else, and put back into the box after the next launch, with a note; it leaves the
// browser again as soon as Rapport has saved it. Without JavaScript the form's button still saves.
(function () {
  'use strict';
  var field = document.querySelector('textarea[data-draft-url]');
  if (!field) {
    return;
  }
  var form = field.form;
  var status = document.getElementById('draft-status');
  var restored = document.getElementById('draft-restored');
  var url = field.getAttribute('data-draft-url');
  var key = 'rapport-draft:' + field.getAttribute('data-draft-key');
  var WAIT_MS = 1200;
  var timer = null;
  var queue = Promise.resolve();
  var saved = field.value;
  var ended = false;
  var submitting = false;

  function keep(text) {
    try {
      window.localStorage.setItem(key, text);
      return true;
    } catch (e) {
      return false;
    }
  }

  function kept() {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function forget() {
    try {
      window.localStorage.removeItem(key);
    } catch (e) {
      // Storage is blocked: there is nothing to remove.
    }
  }

  function same(a, b) {
    return a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();
  }

  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function say(text) {
    status.textContent = text;
  }

  function sessionEnded(text) {
    ended = true;
    var inBrowser = keep(text);
    status.setAttribute('data-state', 'ended');
    say(inBrowser
      ? 'Your session has ended, so this draft could not be saved in Rapport. It is kept in this ' +
        'browser: open the activity again from your LMS course and it will be put back here.'
      : 'Your session has ended, so this draft could not be saved. Copy your text somewhere safe, ' +
        'then open the activity again from your LMS course.');
  }

  function send(text, keepalive) {
    if (ended) {
      keep(text);
      return Promise.resolve();
    }
    say('Saving draft…');
    return fetch(url, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json'},
      body: 'text=' + encodeURIComponent(text),
      credentials: 'omit',
      keepalive: keepalive === true
    }).then(function (response) {
      if (response.status === 401 || response.status === 403) {
        sessionEnded(text);
        return;
      }
      return response.json().then(function (json) {
        if (!response.ok) {
          say(json.error);
          return;
        }
        saved = text;
        var stored = kept();
        if (stored !== null && same(stored, text)) {
          forget();
        }
        if (json.kept) {
          var at = new Date(json.savedAt);
          say('Draft saved ' + two(at.getHours()) + ':' + two(at.getMinutes()));
          status.setAttribute('data-state', 'saved');
        } else {
          say('');
          status.setAttribute('data-state', 'none');
        }
      });
    }).catch(function () {
      say('Your draft could not be saved just now. It is still on this page and will be saved ' +
        'when you type again.');
    });
  }

  function saveNow(keepalive) {
    if (timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
    var text = field.value;
    if (ended) {
      keep(text);
      return;
    }
    if (text === saved) {
      return;
    }
    queue = queue.then(function () { return send(text, keepalive); });
  }

  field.addEventListener('input', function () {
    if (ended) {
      keep(field.value);
      return;
    }
    if (timer !== null) {
      window.clearTimeout(timer);
    }
    timer = window.setTimeout(function () { saveNow(false); }, WAIT_MS);
  });
  field.addEventListener('blur', function () { saveNow(false); });
  window.addEventListener('pagehide', function () {
    if (submitting) {
      return;
    }
    // A short text can still go as the page closes; a long one waits in the browser.
    if (field.value !== saved && encodeURIComponent(field.value).length > 60000) {
      keep(field.value);
      return;
    }
    saveNow(true);
  });

  form.addEventListener('submit', function () {
    submitting = true;
    if (timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
    // Should the submission be refused because the session ended, the text waits here for the
    // next launch; the page after a successful submission shows the same text and lets it go.
    keep(field.value);
  });

  var stored = kept();
  if (stored !== null) {
    if (same(stored, field.value)) {
      forget();
    } else {
      field.value = stored;
      restored.hidden = false;
      restored.focus();
      saveNow(false);
    }
  }
})();
