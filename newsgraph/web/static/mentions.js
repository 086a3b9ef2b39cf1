// Article view: the toggles that show linked descriptions and pronouns in the text.
// Pronouns start hidden (the class show-pronoun on #text shows them), descriptions start
// shown (hide-description hides them); mentions.css reads the classes.
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("text");
  if (!text) return;
  for (const box of document.querySelectorAll("#mention-toggles input[data-kind]")) {
    const kind = box.dataset.kind;
    const sync = () => {
      if (kind === "pronoun") text.classList.toggle("show-pronoun", box.checked);
      else text.classList.toggle("hide-" + kind, !box.checked);
    };
    box.addEventListener("change", sync);
    sync();
  }
});
