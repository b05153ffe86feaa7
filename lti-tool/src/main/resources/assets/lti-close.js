// LTI Dynamic Registration 1.0 §3.7: tell the LMS window that registration is complete.
(function () {
  "use strict";
  var target = window.opener || (window.parent !== window ? window.parent : null);
  if (target) { target.postMessage({ subject: "org.imsglobal.lti.close" }, "*"); }
})();
