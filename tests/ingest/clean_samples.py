# ruff: noqa: E501  (article paragraphs are single long lines, as scraped)
"""Sample texts of the clean-stage tests: fictional articles with web chrome around them."""

from __future__ import annotations

from newsgraph.model.document import RawDocument

#: An English article as a scraper dumps it: navigation, ads, a share bar, a
#: newsletter pitch, a comment form and an Arabic comment widget around the story.
ARTICLE_EN = """Skip to content

Harbour Gazette: Storm surge floods the old quay at Port Willow

Sunday, March 3, 2024

- Advertisement -

Residents of Port Willow woke on Saturday to find the old quay under half a metre of seawater after a storm surge overtopped the harbour wall during the night.

The town council said the wall, built in 1911, had not been breached since records began, and that engineers would inspect it on Monday before any repairs are agreed.

“We have never seen the water come this far,” said Mara Jensen, who runs a bakery on the quay.

Fishermen moved their boats to the inner basin on Friday evening after the coastguard warned that the tide and the wind would combine around midnight.

Are the defences strong enough?

Council engineer Tomas Reyes told the meeting that the wall was designed for a climate that no longer exists, and that a study of a higher barrier would be ready by the autumn.

Insurance assessors are expected in the town this week, and the council has opened a hall for families whose ground floors were flooded.

To stay up to date with the latest news, sign up for one of our newsletters here.

Share this article:
harbour-storm-photo.jpg
Most popular
Related news
- Advertisement -

Leave a Reply
Your email address will not be published.
Please enter your name here
التعليقات والاراء
اضافة تعليق
"""

#: The body paragraphs of ARTICLE_EN: every one must survive cleaning.
ARTICLE_EN_PARAGRAPHS = [
    "Residents of Port Willow woke on Saturday",
    "The town council said the wall, built in 1911",
    "“We have never seen the water come this far,” said Mara Jensen",
    "Fishermen moved their boats to the inner basin",
    "Council engineer Tomas Reyes told the meeting",
    "Insurance assessors are expected in the town this week",
]

#: Every chrome line of ARTICLE_EN: none may remain in the clean text.
ARTICLE_EN_CHROME = [
    "Skip to content", "- Advertisement -", "sign up for one of our newsletters", "Share this article:",
    "harbour-storm-photo.jpg", "Most popular", "Related news", "Leave a Reply",
    "Your email address will not be published.", "Please enter your name here", "التعليقات", "اضافة تعليق",
]

#: A French article with site chrome in French.
ARTICLE_FR = """Accueil
Actualités
Le conseil municipal de Belrive vote la rénovation de la halle aux grains

Publié le 12 mars 2023

Le conseil municipal de Belrive a voté jeudi soir, à une large majorité, la rénovation de la halle aux grains, fermée au public depuis plus de dix ans pour des raisons de sécurité.

Les travaux, estimés à deux millions d'euros, devraient commencer au printemps et durer dix-huit mois, selon l'adjointe chargée du patrimoine.

« C'est un bâtiment que tous les habitants connaissent et qui mérite de revivre », a-t-elle déclaré à l'issue de la séance.

Source : Le Courrier de Belrive

Partager
Facebook
Twitter
"""


def raw(text: str, path: str = "site/article.txt", fmt: str = "text", **declared) -> RawDocument:
    return RawDocument(data=text.encode("utf-8"), path=path, format=fmt, declared=declared)
