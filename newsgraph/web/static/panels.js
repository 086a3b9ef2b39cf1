// Article view, side panels: a link into a folded panel (#evm_… from an event page) opens the
// <details> around its target; an event's trigger in the panel lights its sentence in the text
// (the spans carrying data-evs), where the anchor #ev-<mention> has scrolled. Only classes and
// the open attribute change: nothing is parsed as HTML.
(function () {
  "use strict";
  function reveal(el) {
    for (let d = el && el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
  }
  function lightSentence(mention) {
    document.querySelectorAll("#text .lay.lit-ev, .doc-events li.lit-ev").forEach(function (el) {
      el.classList.remove("lit-ev");
    });
    const q = CSS.escape(mention);
    document.querySelectorAll('#text [data-evs~="' + q + '"], .doc-events li[data-mention="' + q + '"]')
      .forEach(function (el) { el.classList.add("lit-ev"); });
  }
  function follow() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    const target = document.getElementById(id);
    if (!target) return;
    reveal(target);
    if (id.startsWith("ev-")) lightSentence(id.slice(3));
    target.scrollIntoView({ block: "center" });
  }
  document.addEventListener("click", function (e) {
    const a = e.target.closest && e.target.closest("a.ev-sentence");
    if (a) lightSentence(a.dataset.ev);
  });
  window.addEventListener("hashchange", follow);
  document.addEventListener("DOMContentLoaded", follow);
}());
