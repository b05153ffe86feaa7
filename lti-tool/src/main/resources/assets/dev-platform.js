// The test platform's side of LTI platform storage: answers lti.capabilities, lti.put_data and
// lti.get_data from the Rapport frame, keeping values in memory for this page.
(function () {
  "use strict";
  var page = document.getElementById("main");
  var toolOrigin = page.dataset.toolOrigin.replace(/\/$/, "");
  var store = {};
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== toolOrigin || !data || typeof data !== "object") { return; }
    var reply = { message_id: data.message_id };
    if (data.subject === "lti.capabilities") {
      reply.subject = "lti.capabilities.response";
      reply.supported_messages = [
        { subject: "lti.capabilities" }, { subject: "lti.put_data" }, { subject: "lti.get_data" }
      ];
    } else if (data.subject === "lti.put_data") {
      store[data.key] = data.value;
      reply.subject = "lti.put_data.response";
      reply.key = data.key;
      reply.value = data.value;
    } else if (data.subject === "lti.get_data") {
      reply.subject = "lti.get_data.response";
      reply.key = data.key;
      if (Object.prototype.hasOwnProperty.call(store, data.key)) {
        reply.value = store[data.key];
      } else {
        reply.error = { code: "bad_request", message: "No value stored under " + data.key };
      }
    } else {
      return;
    }
    event.source.postMessage(reply, event.origin);
  });
})();
