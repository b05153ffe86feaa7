// LTI platform storage (1EdTech "LTI Client Side postMessages"): keeps the OIDC state in the
// platform's frame when the browser blocks cookies in the LMS iframe.
(function () {
  "use strict";
  var box = document.getElementById("lti-storage");
  if (!box) { return; }
  var status = document.getElementById("lti-status");
  var mode = box.dataset.mode;
  var targetName = box.dataset.target;
  var origin = box.dataset.origin;
  var state = box.dataset.state;
  var host = window.opener || window.parent;
  var frame = host;
  if (targetName && targetName !== "_parent") {
    try { frame = host.frames[targetName] || host; } catch (e) { frame = host; }
  }
  var pending = {};
  var counter = 0;

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !event.data || typeof event.data !== "object") { return; }
    var handler = pending[event.data.message_id];
    if (handler) {
      delete pending[event.data.message_id];
      handler(event.data);
    }
  });

  function send(message, onAnswer) {
    var id = "rapport-" + Date.now() + "-" + (counter++);
    message.message_id = id;
    pending[id] = onAnswer;
    frame.postMessage(message, origin);
  }

  function say(text) { if (status) { status.textContent = text; } }

  if (mode === "put") {
    var redirect = box.dataset.redirect;
    var remaining = 2;
    var go = function () { window.location.replace(redirect); };
    var timer = window.setTimeout(go, 2500);
    var done = function () {
      remaining -= 1;
      if (remaining === 0) { window.clearTimeout(timer); go(); }
    };
    send({ subject: "lti.put_data", key: "state_" + state, value: state }, done);
    send({ subject: "lti.put_data", key: "nonce_" + box.dataset.nonce, value: box.dataset.nonce }, done);
  } else if (mode === "get") {
    var form = document.getElementById("lti-relaunch");
    var failed = window.setTimeout(function () {
      say("Your LMS did not confirm this launch. Open the activity again from your course; if your browser blocks cookies in the LMS frame, allow them for this site or open the activity in a new window.");
    }, 4000);
    send({ subject: "lti.get_data", key: "state_" + state }, function (answer) {
      window.clearTimeout(failed);
      if (answer.error || answer.value !== state) {
        say("Your LMS could not confirm this launch. Open the activity again from your course.");
        return;
      }
      form.elements.stored_state.value = answer.value;
      form.submit();
    });
  }
})();
