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
  var maxMissing = parseInt(form.getAttribute('data-max-missing') || '0', 10);

  // Marks an unanswered statement in words and with an icon, as the server does after a refused
  // submission; an answered one loses its mark.
  function mark(fieldset, missing) {
    var id = fieldset.id + '-missing';
    var note = document.getElementById(id);
    fieldset.classList.toggle('missing', missing);
    if (missing && !note) {
      note = document.createElement('p');
      note.className = 'item-missing';
      note.id = id;
      var icon = document.createElement('span');
      icon.className = 'icon';
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = '\u26a0';
      note.appendChild(icon);
      note.appendChild(document.createTextNode(' Not answered yet'));
      fieldset.querySelector('legend').insertAdjacentElement('afterend', note);
      fieldset.setAttribute('aria-describedby', id);
    } else if (!missing && note) {
      note.parentNode.removeChild(note);
      fieldset.removeAttribute('aria-describedby');
    }
  }

  // Before sending, says which statements are still unanswered when more are left than allowed;
  // the server checks the same (and the limit per part) in any case.
  function unansweredBeforeSubmit() {
    var missing = [];
    var items = form.querySelectorAll('fieldset.item');
    for (var i = 0; i < items.length; i++) {
      var answered = items[i].querySelector('input[type=radio]:checked') !== null;
      if (!answered) {
        missing.push(items[i]);
      }
    }
    if (missing.length <= maxMissing) {
      return false;
    }
    for (var j = 0; j < items.length; j++) {
      mark(items[j], missing.indexOf(items[j]) >= 0);
    }
    var old = document.getElementById('submit-problem');
    if (old) {
      old.parentNode.removeChild(old);
    }
    var panel = document.createElement('div');
    panel.className = 'panel error';
    panel.id = 'submit-problem';
    panel.setAttribute('role', 'alert');
    panel.setAttribute('tabindex', '-1');
    var intro = document.createElement('p');
    intro.textContent = (missing.length === 1 ? '1 statement is' : missing.length + ' statements are') +
      ' still unanswered; you may leave at most ' + maxMissing + ' unanswered. Your answers so far' +
      ' are saved.';
    panel.appendChild(intro);
    var list = document.createElement('ul');
    list.className = 'unanswered-list';
    list.id = 'unanswered';
    missing.forEach(function (fieldset) {
      var number = fieldset.id.replace('item-', '');
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '#' + fieldset.id;
      a.textContent = 'Statement ' + number;
      li.appendChild(a);
      list.appendChild(li);
    });
    panel.appendChild(list);
    form.insertBefore(panel, form.firstChild);
    panel.focus();
    return true;
  }

  var problem = document.getElementById('submit-problem');
  if (problem) {
    problem.focus();
  }

  form.addEventListener('submit', function (event) {
    if (event.submitter === submit && unansweredBeforeSubmit()) {
      event.preventDefault();
      return;
    }
    if (event.submitter === submit) {
      // One submission is enough; the server would treat a second one as the same anyway.
      window.setTimeout(function () { submit.disabled = true; }, 0);
    }
  });
})();
