// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Apps register small enhancers here, e.g. the cookie banner's fetch submit.
  window.site = window.site || { enhancers: [] };
  // A form that came back with errors: move focus to the list of problems, so a screen
  // reader reads it first and the next Tab goes to the first field at fault (GOV.UK's
  // error summary pattern). The summary has tabindex="-1" for this.
  window.site.enhancers.push(function (root) {
    var summary = root.querySelector(".error-summary[tabindex]");
    if (summary) {
      summary.focus();
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    window.site.enhancers.forEach(function (enhance) { enhance(document); });
  });
})();
