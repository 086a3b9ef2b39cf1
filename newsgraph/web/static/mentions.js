// Article view: the toggles of what the text marks. Classes on #text, read by mentions.css:
// names and linked descriptions start marked (hide-names / hide-description turn them off),
// pronouns, claims, event sentences, dates and places start plain (show-pronoun, show-claims,
// show-events, show-times, show-places turn them on). A choice made on one article is kept
// for the next (localStorage; the page reads well without it).
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("text");
  if (!text) return;
  const ON_BY_DEFAULT = new Set(["names", "description"]);
  const store = (() => { try { return window.localStorage; } catch (e) { return null; } })();
  for (const box of document.querySelectorAll("#mention-toggles input[data-kind], #mention-toggles input[data-layer]")) {
    const name = box.dataset.kind || box.dataset.layer;
    const key = "newsgraph.marks." + name;
    const kept = store ? store.getItem(key) : null;
    if (kept !== null) box.checked = kept === "1";
    const sync = () => {
      if (ON_BY_DEFAULT.has(name)) text.classList.toggle("hide-" + name, !box.checked);
      else text.classList.toggle("show-" + name, box.checked);
    };
    box.addEventListener("change", () => {
      sync();
      if (store) store.setItem(key, box.checked ? "1" : "0");
    });
    sync();
  }
});
