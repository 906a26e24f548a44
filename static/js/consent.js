// Cookie banner, progressive enhancement: the form works without this file (POST, then
// redirect back). With it, the same form posts with fetch, the banner is replaced by the
// confirmation without a reload, and focus moves to that confirmation.
(function () {
  "use strict";

  function confirmation(data) {
    var box = document.createElement("div");
    box.className = "consent-banner__confirmation";
    box.setAttribute("tabindex", "-1");
    box.setAttribute("data-consent-confirmation", "");
    var p = document.createElement("p");
    p.appendChild(document.createTextNode(data.message + " "));
    var link = document.createElement("a");
    link.href = data.change_url;
    link.textContent = data.change_text;
    p.appendChild(link);
    p.appendChild(document.createTextNode("."));
    box.appendChild(p);
    return box;
  }

  function enhance(form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData) { return; }
      event.preventDefault();
      var body = new FormData(form);
      var submitter = event.submitter;
      if (submitter && submitter.name) { body.append(submitter.name, submitter.value); }
      // form.action would be the buttons named "action", not the attribute.
      fetch(form.getAttribute("action"), {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
      }).then(function (response) {
        if (!response.ok) { throw new Error("consent not saved: " + response.status); }
        return response.json();
      }).then(function (data) {
        var body = form.closest("[data-consent-body]");
        var box = confirmation(data);
        var title = body.querySelector("#consent-banner-title");
        body.replaceChildren(title, box);
        box.focus();
      }).catch(function () {
        // Fall back to the plain form post, which always works.
        if (submitter && submitter.name) {
          var hidden = document.createElement("input");
          hidden.type = "hidden";
          hidden.name = submitter.name;
          hidden.value = submitter.value;
          form.appendChild(hidden);
        }
        form.submit();
      });
    });
  }

  document.querySelectorAll("[data-consent-form]").forEach(enhance);
})();
