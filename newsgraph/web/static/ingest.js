// Poll the ingest status while it runs; the page works without this (reload by hand).
// Only textContent is written: nothing from the server is parsed as HTML.
(function () {
  "use strict";
  var box = document.getElementById("ingest-status");
  if (!box || box.getAttribute("data-state") !== "running") { return; }
  var url = box.getAttribute("data-url");
  var fields = ["state", "seen", "ingested", "present", "failed", "current"];
  function tick() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (!body.ok) { return; }
        var s = body.status;
        if (s.state !== "running") { window.location.reload(); return; }
        fields.forEach(function (name) {
          var el = box.querySelector('[data-field="' + name + '"]');
          if (el) { el.textContent = s[name] === null ? "" : String(s[name]); }
        });
        window.setTimeout(tick, 1000);
      })
      .catch(function () { window.setTimeout(tick, 3000); });
  }
  window.setTimeout(tick, 700);
}());
