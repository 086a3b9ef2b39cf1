// Entity name suggestions on the edit forms: typing two or more letters into a field marked
// data-suggest asks /api/entities for matching names and aliases and offers them in the
// field's <datalist> as "Name [E…]" (the server reads the id; a plain name works too).
// Options are built with textContent: nothing from the store is parsed as HTML.
(function () {
  "use strict";
  var ID = /\[E[0-9a-f]{16}\]/;
  function fill(list, entities, exclude) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    entities.forEach(function (e) {
      if (e.id === exclude) { return; }
      var opt = document.createElement("option");
      opt.value = e.name + " [" + e.id + "]";
      opt.textContent = e.type + " · " + e.mention_count + " mention" + (e.mention_count === 1 ? "" : "s");
      list.appendChild(opt);
    });
  }
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var exclude = input.getAttribute("data-exclude");
    var timer = null;
    var asked = "";
    if (!list) { return; }
    input.addEventListener("input", function () {
      var text = input.value.trim();
      if (timer) { clearTimeout(timer); }
      if (text.length < 2 || ID.test(text) || text === asked) { return; }
      timer = setTimeout(function () {
        asked = text;
        fetch("/api/entities?limit=10&name=" + encodeURIComponent(text), {headers: {Accept: "application/json"}})
          .then(function (r) { return r.ok ? r.json() : {entities: []}; })
          .then(function (body) { if (input.value.trim() === text) { fill(list, body.entities || [], exclude); } })
          .catch(function () { /* suggestions are optional: the form still takes a typed name */ });
      }, 150);
    });
  });
}());
