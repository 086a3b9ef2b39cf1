"""A French article, its English translation and an unrelated French article — fictional,
written for these tests — stored from JSON records, with the ``translation`` link between
the first two written through the store (the cross-language linker is built elsewhere).
Shared by the API tests and the browser test."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FRENCH_TITLE = "Les manifestants de Brisvik attaquaient la mairie, selon la police"
FRENCH_SENTENCES = [
    "Des centaines de manifestants attaquaient mardi la mairie de Brisvik, une ville imaginaire du nord.",
    "« Nous ne reculerons pas », a déclaré Lena Marsk, porte-parole du collectif <b>Vent du Nord</b>.",
    "La police a interpellé douze personnes et fermé le port pendant trois jours.",
    "Le maire, Tomas Ferrin, a annoncé une réunion publique pour vendredi prochain.",
    "Les habitants réclament depuis des mois la réouverture de la ligne de ferry vers Kellmar.",
]
ENGLISH_TITLE = "Brisvik protesters stormed the town hall, police say"
ENGLISH_SENTENCES = [
    "Hundreds of protesters stormed the town hall of Brisvik, a fictional northern town, on Tuesday.",
    '"We will not back down," said Lena Marsk, a spokeswoman for the Vent du Nord collective.',
    "Police arrested twelve people and closed the harbour for three days.",
    "The mayor, Tomas Ferrin, announced a public meeting for next Friday.",
    "Residents have for months demanded that the ferry line to Kellmar be reopened.",
]
OTHER_FRENCH_TITLE = "La récolte des pommes commence dans la vallée de Kellmar"
OTHER_FRENCH = (
    "La récolte des pommes a commencé lundi dans les vergers de la vallée de Kellmar, une région "
    "imaginaire. Les producteurs espèrent une saison meilleure que l'an dernier, quand la grêle avait "
    "abîmé la moitié des fruits. Les coopératives embauchent des saisonniers jusqu'à la fin du mois."
)


@dataclass(slots=True)
class Multilingual:
    db: Path
    french: str
    english: str
    other: str


def build(folder: Path) -> Multilingual:
    """The store, with the translation link and its aligned sentences."""
    from api_articles import store_of_records

    from newsgraph.model.stories import AlignedPassage, Link
    from newsgraph.store import Store
    from newsgraph.store.story_queries import put_link

    records = [
        {"title": FRENCH_TITLE, "publisher": "Le Courrier de Brisvik", "published": "2024-04-02",
         "text": " ".join(FRENCH_SENTENCES)},
        {"title": ENGLISH_TITLE, "publisher": "Brisvik Courier", "published": "2024-04-03",
         "text": " ".join(ENGLISH_SENTENCES)},
        {"title": OTHER_FRENCH_TITLE, "publisher": "Le Courrier de Brisvik", "published": "2024-09-10",
         "text": OTHER_FRENCH},
    ]
    db = store_of_records(folder, records)
    with Store(db) as store:
        ids = {r["title"]: r["id"] for r in store.conn.execute("SELECT id, title FROM documents")}
        texts = {r["id"]: r["text"] for r in store.conn.execute("SELECT id, text FROM documents")}
        fr, en = ids[FRENCH_TITLE], ids[ENGLISH_TITLE]
        passages = []
        for f, e in zip(FRENCH_SENTENCES, ENGLISH_SENTENCES, strict=True):
            a, b = texts[fr].find(f), texts[en].find(e)
            assert a >= 0 and b >= 0, "a sentence is not in the stored text"
            passages.append(AlignedPassage(a, a + len(f), b, b + len(e), "aligned", 0.9))
        with store.transaction():
            put_link(store, Link(fr, en, "translation", 0.93, passages, {"aligned_share": 1.0}))
    return Multilingual(db, fr, en, ids[OTHER_FRENCH_TITLE])
