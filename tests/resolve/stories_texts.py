"""Texts the story and signal tests run on (written for these tests; fictional events)."""

from __future__ import annotations

from newsgraph.model.document import Document

FLOOD = """Floodwaters swept through the river town of Marlow Bridge on Tuesday, forcing more than 1,200 residents from their homes after three days of heavy rain.

The regional fire service said crews had rescued 46 people from rooftops and cars by late afternoon, and that two elderly residents were taken to hospital with hypothermia.

"We have never seen the river rise this fast," said fire chief Helen Okafor, who has served in the district for 22 years. "The water came up almost a metre in an hour."

Mayor Daniel Reyes declared a local emergency and opened the town hall and two schools as shelters. He said the council would ask the national government for emergency funds to repair the main bridge, which was closed after engineers found cracks in its supports.

Forecasters at the national weather office warned that a further 40 millimetres of rain could fall overnight, and urged people living near the river to move valuables upstairs and follow evacuation orders.

Local businesses along the high street were flooded to a depth of half a metre. The owner of a bakery said she had lost stock worth several thousand pounds and did not know when she could reopen.

The town last flooded in 2007, when the river burst its banks after a storm and damaged more than 300 homes."""

BOILERPLATE_TOP = """Subscribe to our newsletter for the latest headlines
Share on Facebook | Share on Twitter | Email this article
"""
BOILERPLATE_BOTTOM = """
Advertisement
Comments are closed. Read our community guidelines before posting.
Copyright 2024 Example Aggregator Network. All rights reserved.
Related: Ten gadgets you need this summer | Celebrity news roundup"""

# The FLOOD story after a word spinner: same sentences, words swapped for synonyms.
FLOOD_SPUN = """Floodwaters swept through the river town of Marlow Bridge on Tuesday, compelling more than 1,200 inhabitants from their dwellings after three days of intense rain.

The regional fire service stated crews had saved 46 people from rooftops and automobiles by late afternoon, and that two aged residents were taken to infirmary with hypothermia.

"We have never seen the river climb this quick," said fire chief Helen Okafor, who has served in the district for 22 years. "The water came up nearly a metre in an hour."

Mayor Daniel Reyes announced a local emergency and opened the town hall and two schools as refuges. He said the council would request the national government for emergency funds to mend the main bridge, which was shut after engineers found cracks in its supports.

Forecasters at the national weather office cautioned that a further 40 millimetres of rain could fall overnight, and urged people dwelling near the river to move valuables upstairs and obey evacuation orders.

Local businesses along the high street were inundated to a depth of half a metre. The proprietor of a bakery said she had lost stock worth several thousand pounds and did not know when she could reopen.

The town last flooded in 2007, when the river burst its banks after a tempest and harmed more than 300 homes."""

# Same topic (a flood), a different event, place and people.
OTHER_FLOOD = """Heavy monsoon rains caused landslides in the hill district of Kestrel Valley on Saturday, blocking the main highway and cutting power to several villages.

Police said no deaths had been reported, but 15 families were moved to a community centre as a precaution while engineers inspected damaged retaining walls.

Transport officials expected the highway to reopen by Monday once bulldozers had cleared the mud. Farmers in the valley said the rain had flattened rice fields just weeks before the harvest.

The district administrator, Priya Lal, said emergency teams were on standby and asked tourists to postpone trips until the weather improved."""

# A different event on another subject altogether.
ELECTION = """Voters in the northern province of Halden elected a new regional assembly on Sunday, with the centre-left Civic Alliance winning 41 of the 80 seats, according to official results.

Turnout was 63 percent, the electoral commission said, up from 58 percent at the previous election four years ago. Alliance leader Tomas Berg promised to raise spending on rural hospitals and rail links.

The conservative Heritage Party, which had governed the province for a decade, won 27 seats. Its leader conceded defeat late on Sunday night and said the party would be a constructive opposition.

Observers from a European monitoring group said the vote had been orderly, although they noted long queues at some polling stations in the capital."""

# A second report of the FLOOD event by another outlet: different wording, same facts.
FLOOD_OTHER_REPORT = """More than a thousand people fled Marlow Bridge after the river flooded the town on Tuesday following days of rain.

Rescuers pulled dozens of residents from cars and rooftops, fire chief Helen Okafor said, adding that the river had risen faster than she had ever seen.

Mayor Daniel Reyes declared an emergency, opened shelters in schools and closed the cracked main bridge. The town will seek government money for repairs."""


def doc(id: str, text: str, title: str = "", publisher: str | None = None,
        published: str | None = None, attributed_to: list[str] | None = None) -> Document:
    return Document(id=id, path=f"{id}.txt", text=text, title=title, publisher=publisher,
                    published=published, attributed_to=attributed_to or [])

# FLOOD retold sentence by sentence in other words, as a machine translation back
# into English would: same numbers, names, quotes (reworded) and order.
FLOOD_RETOLD = """On Tuesday the waters of the flood invaded the river town of Marlow Bridge and obliged over 1,200 inhabitants to abandon their houses, after three days of strong rains.

According to the fire service of the region, the teams saved 46 persons from the roofs and from vehicles until the late afternoon, and two old inhabitants were transported to the hospital with hypothermia.

"Never have we seen the river climb so quickly," declared the chief of the firemen Helen Okafor, who works in the district since 22 years. "The water went up nearly one metre in one hour."

The mayor Daniel Reyes proclaimed a local state of emergency and transformed the town hall and two schools into shelters. According to him the council will demand funds of emergency from the national government for repairing the principal bridge, closed after the engineers discovered fissures in its pillars.

The meteorologists of the national office of weather announced that 40 millimetres more of rain could fall during the night, and they asked the people who live close to the river to carry their valuable objects upstairs and to respect the orders of evacuation.

The shops along the high street were flooded until half a metre of depth. The owner of a bakery declared to have lost merchandise of a value of several thousand pounds, without knowing when she can open again.

The last flood of the town dates from 2007, when the river overflowed after a storm and damaged more than 300 houses."""
