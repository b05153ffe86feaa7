// Saves each answer of the self-assessment as a draft the moment it changes, one request after
// another so that a later answer never arrives before an earlier one. Without JavaScript the
// "Save draft" button does the same for the whole page.
(function () {
  var form = document.getElementById('assessment-form');
  if (!form) {
    return;
  }
  var status = document.getElementById('draft-status');
  var draftUrl = form.getAttribute('data-draft');
  var wave = form.querySelector('input[name=wave]').value;
  var queue = Promise.resolve();

  function save(name, value) {
    var body = 'wave=' + encodeURIComponent(wave) + '&' + encodeURIComponent(name) + '=' +
      encodeURIComponent(value);
    return fetch(draftUrl, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json'},
      body: body,
      credentials: 'omit'
    }).then(function (response) {
      return response.json().then(function (json) {
        if (response.ok) {
          status.textContent = 'Draft saved: ' + json.answered + ' of ' + json.items +
            (json.items === 1 ? ' statement' : ' statements') + ' answered.';
          status.setAttribute('data-saved', String(json.answered));
        } else {
          status.textContent = json.error;
        }
      });
    }).catch(function () {
      status.textContent = 'Your last answer could not be saved just now. It is still on this page; ' +
        'use "Save draft" to try again.';
    });
  }

  form.addEventListener('change', function (event) {
    var input = event.target;
    if (!input || input.type !== 'radio') {
      return;
    }
    status.textContent = 'Saving…';
    queue = queue.then(function () { return save(input.name, input.value); });
  });

  var submit = document.getElementById('submit-answers');
  form.addEventListener('submit', function (event) {
    if (event.submitter === submit) {
      // One submission is enough; the server would treat a second one as the same anyway.
      window.setTimeout(function () { submit.disabled = true; }, 0);
    }
  });
})();
