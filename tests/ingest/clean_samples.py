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


def _page(*blocks: str) -> str:
    return "\n".join(blocks) + "\n"


_NAV = "\n".join(["Home", "News", "Sport", "Business", "Culture", "Weather", "Search"])
_FOOTER = "\n".join(["About us", "Contact us", "Privacy policy", "Terms of use",
                     "© 2024 The Valley Courier. All rights reserved."])

#: A full-page text of a fictional article with a list between two paragraphs: its
#: items are name-and-number lines with few stop words that, alone, read like chrome.
ARTICLE_WITH_LIST = _page(
    "Library extends opening hours from April | The Valley Courier",
    _NAV,
    "Library extends opening hours from April",
    "By Dana Holt",
    "The town library will open seven days a week from the first of April, the council announced on Tuesday, after a survey found that most residents could only visit in the evening.",
    "The library board approved the new timetable and the spending that goes with it unanimously:",
    "Evening staff: 2 part-time librarians, 20 hours weekly, grade 4 pay scale, £18,400 yearly",
    "Heating, lighting, cleaning: seven-day opening, April 2024 – March 2025, £6,250",
    "Children's corner: new shelving, 1,200 picture books, 40 beanbags, £4,900",
    "Public computers: 12 laptops, 3 printers, faster broadband, Wi-Fi upgrade, £7,300",
    "The longer hours will be paid for by a grant from the county arts fund, and the two librarians will be hired before the spring to staff the evening shifts.",
    "Head librarian Amir Patel said the reading room had been full every Saturday since the autumn and that the change was overdue for families who work during the day.",
    "Most read",
    "Storm damage closes the coast road",
    "Council approves new bus routes",
    _FOOTER,
)
ARTICLE_WITH_LIST_ITEMS = [
    "Evening staff: 2 part-time librarians, 20 hours weekly, grade 4 pay scale, £18,400 yearly",
    "Heating, lighting, cleaning: seven-day opening, April 2024 – March 2025, £6,250",
    "Children's corner: new shelving, 1,200 picture books, 40 beanbags, £4,900",
    "Public computers: 12 laptops, 3 printers, faster broadband, Wi-Fi upgrade, £7,300"]

#: An article followed by a reader-comment thread whose comments are prose: each
#: comment carries the same header lines (name, "N hours ago", "Rating: N votes").
ARTICLE_WITH_COMMENTS = _page(
    "Bridge repairs to close river crossing for a month | The Valley Courier",
    _NAV,
    "Bridge repairs to close river crossing for a month",
    "The old stone bridge over the river will close to traffic for four weeks from Monday while engineers replace the worn bearings that were found during an inspection last year.",
    "Drivers will be sent on a diversion through the industrial estate, which the county says will add about ten minutes to a journey across town at the busiest times of the day.",
    "Pedestrians and cyclists will still be able to cross on a temporary footbridge that the contractor has built beside the main span, the county engineer told reporters.",
    "Comments",
    "riverside_resident",
    "3 hours ago",
    "I cross that bridge twice a day to get to work and nobody asked us whether a month in the summer would have been better than a month in the middle of the school term.",
    "When the council wants our money for the car park it writes to every house in the street, but when it closes the only bridge in town we have to read about it in the paper.",
    "Rating: 12 votes",
    "jt1987",
    "5 hours ago",
    "The diversion through the estate is already jammed every morning, so I cannot imagine how bad it will be once all the bridge traffic is sent the same way as well.",
    "If the county had put a set of temporary lights at the roundabout it would have helped, but as far as I can see they have not even thought about the junction at all.",
    "Rating: 8 votes",
    "oldtowner",
    "6 hours ago",
    "They said the same thing about the repairs ten years ago and those took three months in the end, so I would not believe the four week estimate for one minute.",
    "My advice to anyone who has to cross the river every day is to buy a bicycle now, before the shops in town sell out of them once the bridge closes on Monday.",
    "Rating: 5 votes",
    _FOOTER,
)
ARTICLE_WITH_COMMENTS_BODY = ["The old stone bridge over the river will close", "Drivers will be sent on a diversion",
                              "Pedestrians and cyclists will still be able to cross"]
ARTICLE_WITH_COMMENTS_THREAD = ["I cross that bridge twice a day", "The diversion through the estate",
                                "They said the same thing", "hours ago", "Rating:"]

#: An article whose body is interrupted by an inline advertisement and a
#: "read also" widget, with a sidebar of teasers after it.
ARTICLE_SPLIT_BY_AD = _page(
    "Harvest festival returns after three years | The Valley Courier",
    _NAV,
    "Harvest festival returns after three years",
    "The harvest festival will return to the market square in September for the first time in three years, the organisers said, with more stalls than ever before and a parade on the Sunday.",
    "Local farms will sell produce from forty stalls, and the brass band that led the last parade has agreed to play again, according to the festival committee chair, Rosa Lind.",
    "Advertisement",
    "Shop the autumn sale",
    "Up to 50% off",
    "Ad choices",
    "Read also",
    "Council approves new bus routes",
    "Storm damage closes the coast road",
    "The committee said it had raised most of the money for the event from local businesses, and that a small entry fee would be charged for the first time to cover the cost of security.",
    "Volunteers are still needed to run the children's tent and to help with parking, and anyone who wants to take part can sign up at the town hall before the end of August.",
    "Organisers expect about five thousand visitors over the weekend if the weather is kind.",
    "Most popular",
    "Council approves new bus routes after two-hour debate",
    "Storm damage closes the coast road for the weekend",
    _FOOTER,
)
ARTICLE_SPLIT_BY_AD_BODY = ["The harvest festival will return", "Local farms will sell produce",
                            "The committee said it had raised", "Volunteers are still needed",
                            "Organisers expect about five thousand visitors"]
ARTICLE_SPLIT_BY_AD_CHROME = ["Advertisement", "Shop the autumn sale", "Up to 50% off", "Read also",
                              "Most popular", "Council approves new bus routes"]

#: An article with a results table rendered one cell per line, and a "most read"
#: ranking (numbers 1, 2, 3…) after it.
ARTICLE_WITH_TABLE = _page(
    "Valley league: Rovers stay top after narrow win | The Valley Courier",
    _NAV,
    "Valley league: Rovers stay top after narrow win",
    "Rovers kept their place at the top of the valley league on Saturday with a narrow win over the Millers, who had not lost at home since the start of the season.",
    "Team", "Played", "Points",
    "Rovers", "12", "29",
    "Millers", "12", "26",
    "Harriers", "11", "21",
    "Athletic", "12", "17",
    "The Harriers can close the gap to five points if they win their game in hand next week, while Athletic need to win their remaining fixtures to avoid the play-offs.",
    "Most read",
    "1", "Storm damage closes the coast road",
    "2", "Council approves new bus routes",
    "3", "Library extends opening hours",
    _FOOTER,
)

#: A page whose header shows a ticker of other stories (paragraph-long teasers)
#: that it repeats in the sidebar; the article itself sits under its headline.
ARTICLE_WITH_TICKER = _page(
    "Ferry timetable changes for the winter | The Valley Courier",
    "Latest",
    "Council approves new bus routes after a long debate: the county board backed the plan by four votes to one on Wednesday evening after residents spoke for and against it.",
    "Storm damage closes the coast road: engineers say the road will stay shut for the weekend while they check the sea wall, which was hit by waves during the night.",
    "Ferry timetable changes for the winter",
    "The island ferry will run every two hours instead of every hour from November, the operator said on Monday, blaming the cost of fuel and a shortage of crew for the winter season.",
    "Islanders said the change would make it harder to get to the hospital on the mainland, and the community council has asked for a meeting with the operator this week.",
    "The operator said the hourly service would return in April and that extra sailings would be added for the Christmas holidays.",
    "Elsewhere",
    "Council approves new bus routes after a long debate: the county board backed the plan by four votes to one on Wednesday evening after residents spoke for and against it.",
    "Storm damage closes the coast road: engineers say the road will stay shut for the weekend while they check the sea wall, which was hit by waves during the night.",
    _FOOTER,
)
