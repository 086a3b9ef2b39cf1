// Claims on the article page: hovering a claim in the list lights up its speaker, cue and
// content in the text, and hovering claim text lights up its list entries. Only classes
// are toggled: nothing is parsed as HTML. The page works without this (anchors link them).
(function () {
  "use strict";
  function parts(id) {
    var q = CSS.escape(id);
    return document.querySelectorAll('[data-claims~="' + q + '"], [data-speaker-of~="' + q +
      '"], [data-cue-of~="' + q + '"], li[data-claim="' + q + '"]');
  }
  function light(ids, on) {
    ids.forEach(function (id) {
      parts(id).forEach(function (el) { el.classList.toggle("lit", on); });
    });
  }
  function ids(el) {
    var out = [];
    ["data-claim", "data-claims", "data-speaker-of", "data-cue-of"].forEach(function (name) {
      var v = el.getAttribute(name);
      if (v) { out = out.concat(v.split(" ")); }
    });
    return out;
  }
  document.querySelectorAll("li[data-claim], #text [data-claims], #text [data-speaker-of]")
    .forEach(function (el) {
      el.addEventListener("mouseenter", function () { light(ids(el), true); });
      el.addEventListener("mouseleave", function () { light(ids(el), false); });
    });
}());
