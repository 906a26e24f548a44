// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Apps register small enhancers here, e.g. the cookie banner's fetch submit.
  window.site = window.site || { enhancers: [] };
  document.addEventListener("DOMContentLoaded", function () {
    window.site.enhancers.forEach(function (enhance) { enhance(document); });
  });
})();
