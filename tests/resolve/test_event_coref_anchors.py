"""Across articles, two reports are one event only with positive evidence of one occurrence
(resolve/events/anchors): the same wording, a named participant, alike sentences, the same
day, or alike articles.  Alike words in one story are not enough.

Every text here is written for the test (invented names where they could be mistaken for
real ones)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from itertools import combinations
from pathlib import Path

from event_coref_helpers import ingest_articles

from newsgraph.extract.events import extract_events
from newsgraph.resolve.events import EventResolver, ResolverOptions
from newsgraph.resolve.events.anchors import (
    GENERIC_SIMILARITY,
    LEAD_SIMILARITY,
    NEWS_SIMILARITY,
    NO_ANCHOR,
    Report,
    anchor,
    content_words,
    cosine,
    document_vector,
    figures,
)
from newsgraph.store import Store


def _resolve(annotate_one, texts: dict[str, str], options: ResolverOptions | None = None,
             types: tuple[str, ...] = ()) -> tuple[EventResolver, dict[str, list]]:
    """Every article's events, resolved as if one story held them all (the caller's story:
    the story gate lets everything through, so only the anchors decide)."""
    r = EventResolver(options=options)
    found: dict[str, list] = {}
    for doc, text in texts.items():
        ms = [m for m in extract_events(annotate_one(text, doc, None)) if not types or m.type in types]
        for m in ms:
            r.add(m, story="one story", context=text)
        found[doc] = ms
    return r, found


CRITICS = {
    "tunnel": "The Green Alliance criticised the harbour tunnel plan on Tuesday, saying it would cost too much.",
    "essay": "Most philosophers have criticised the essay on free will by Tomas Lendvai, calling it muddled.",
}


def test_two_criticisms_with_nothing_in_common_stay_two_events_in_one_story(annotate_one):
    r, found = _resolve(annotate_one, CRITICS, types=("ACCUSE",))
    tunnel, essay = found["tunnel"][0], found["essay"][0]
    assert r.event_of(tunnel.id) != r.event_of(essay.id)
    assert r.explanations[essay.id].startswith(f"new event (best {NO_ANCHOR}")
    # Not anchored is no evidence of a relation either: no related link.
    assert all(not e.related for e in r.events)
    # Without the anchors, one story and one word made them one event (unless what each
    # criticised is compared: a tunnel plan and an essay, ``content_apart``).
    r, found = _resolve(annotate_one, CRITICS, ResolverOptions(anchors=False, content_apart=False),
                        types=("ACCUSE",))
    assert r.event_of(found["tunnel"][0].id) == r.event_of(found["essay"][0].id)


# Two states each say "it" expelled one ambassador: two acts, each by its speaker.
EXPULSIONS = {
    "corlin": "Ostrava said it had expelled the Velmar ambassador after the border incident on Tuesday.",
    "aldane": "Tarnovia said it had expelled the Velmar ambassador after the border incident on Tuesday.",
}


def test_two_states_expelling_one_ambassador_are_two_acts(annotate_one):
    # "it" acts in reported speech: the speaker is who acts, and two named actors are two acts.
    r, found = _resolve(annotate_one, EXPULSIONS, types=("SANCTION",))
    one, other = found["corlin"][0], found["aldane"][0]
    assert r.event_of(one.id) != r.event_of(other.id)
    # The same company, the same words: alike enough to show side by side, with why.
    related = {x["event"]: x["reason"] for e in r.events for x in e.related}
    assert related.get(r.event_of(one.id)) == "other actor"
    r, found = _resolve(annotate_one, EXPULSIONS, ResolverOptions(speaker_as_actor=False), types=("SANCTION",))
    assert r.event_of(found["corlin"][0].id) == r.event_of(found["aldane"][0].id)


def test_a_later_offer_for_another_company_in_the_same_article_is_another_act(annotate_one):
    text = ("Velmar Group said on Monday it had started a tender offer for Ostrava Glass at 40 dollars a "
            "share. The offer expires in April. Last year, Brenner Holdings offered to acquire Tarnow Paper "
            "for 90 million dollars but withdrew its bid.")
    r, found = _resolve(annotate_one, {"bid": text}, types=("AGREE",))
    offers = {m.trigger.text: m for m in found["bid"]}
    assert r.event_of(offers["offer"].id) != r.event_of(offers["offered"].id)
    assert "another act of the same article" in r.explanations[offers["offered"].id]
    r, found = _resolve(annotate_one, {"bid": text}, ResolverOptions(participants_within=False), types=("AGREE",))
    offers = {m.trigger.text: m for m in found["bid"]}
    assert r.event_of(offers["offer"].id) == r.event_of(offers["offered"].id)


_ingest = ingest_articles  # each article its own file, ingested in order; the export by kind


def _joined(recs: dict[str, list[dict]]) -> set[tuple[str, str]]:
    names = {d["id"]: Path(d["path"]).stem for d in recs["document"]}
    pairs: set[tuple[str, str]] = set()
    for ev in recs.get("event", []):
        pairs |= set(combinations(sorted({names[m["doc"]] for m in ev["mentions"]}), 2))
    return pairs


ARRESTED = """Ostrel Front leader arrested in Tarvik

Police in Tarvik arrested Marek Vaidla, the leader of the Ostrel Front, on Monday, the interior ministry said.
"""

HELD = """Ostrel Front leader held

Marek Vaidla, who leads the Ostrel Front, was arrested by police in Tarvik on Monday, his lawyer said.
"""


def test_two_reports_of_one_named_arrest_are_one_event_with_two_sources(tmp_path: Path, store: Store) -> None:
    dated = "Published: 4 June 2024\n\n"
    recs = _ingest(tmp_path, store, arrested=dated + ARRESTED, held=dated + HELD)
    assert ("arrested", "held") in _joined(recs)
    arrest = next(e for e in recs["event"] if len({m["doc"] for m in e["mentions"]}) == 2)
    assert arrest["type"] == "COERCE" and len(arrest["sources"]) == 2


# -- anchors, report against report ----------------------------------------------------------
def _report(doc: str, sentence: str, trigger: str, *, participants: tuple[str, ...] = (),
            actors: tuple[str, ...] = (), day: dt.date | None = None, published: dt.date | None = None,
            lead: bool = False, generic: bool = False) -> Report:
    return Report(doc, frozenset(participants) | frozenset(actors), frozenset(actors), frozenset(),
                  content_words(sentence, trigger), figures(sentence), day, published, None, lead, day,
                  generic)


def test_a_wire_template_repeated_with_other_figures_is_another_occurrence():
    a = _report("a", "The navy seized 12 fishing boats off the coast of Varenna after a chase.", "seized")
    b = _report("b", "The navy seized 30 fishing boats off the coast of Varenna after a chase.", "seized")
    same = _report("c", "The navy seized 12 fishing boats off the coast of Varenna after a long chase.", "seized")
    assert anchor(a, b, verbal=False) is None
    assert anchor(a, same, verbal=False) == "alike sentences"


def test_a_body_acting_twice_is_not_tied_by_itself_a_person_is():
    # "the Varennese missile attack on the tanker" / "the fresh Varennese assault": a state
    # acts many times; the actor alone does not make the two one attack.
    state = ("id:varenna",)
    tanker = _report("a", "The Varennese missile attack on the tanker set it ablaze.", "attack", actors=state)
    front = _report("b", "Heavy losses were inflicted in the fresh Varennese attack.", "attack", actors=state)
    tanker, front = (dataclasses.replace(r, bodies=frozenset(state)) for r in (tanker, front))
    assert anchor(tanker, front, verbal=False) is None
    assert anchor(tanker, front, verbal=False, actor_alone=True).startswith("shared participant")
    # One named person resigning, told by two outlets: the person ties the two.
    minister = ("id:dunmore",)
    a = _report("a", "Mr Dunmore resigned as home secretary on Wednesday night.", "resigned", actors=minister)
    b = _report("b", "Dunmore resigned after an inquiry into his conduct.", "resigned", actors=minister)
    assert anchor(a, b, verbal=False).startswith("shared participant")


def test_a_verbal_act_needs_a_named_participant_other_than_its_actor():
    said = "The bank said it had invited offers from the discount houses."
    bank = ("id:bank",)
    one = _report("a", said, "invited", actors=bank)
    # The same actor, sentences alike only in part: an agency's offers of one week are many.
    other = _report("b", "The bank said it had invited the discount houses to use its borrowing facilities "
                    "at noon.", "invited", actors=bank)
    assert anchor(one, other, verbal=True, similarity=0.9) is None
    # Someone else named on both sides (the one acted on): one act.
    houses = ("id:houses",)
    assert anchor(_report("a", said, "invited", actors=bank, participants=houses),
                  _report("b", said + " Dealers agreed.", "invited", actors=bank, participants=houses),
                  verbal=True).startswith("shared participant")
    # Who acted unknown on one side ("its adoption would warn Japan" / "the EC warned
    # Japan"): the one acted on does not tell that one actor acted.
    assert anchor(_report("a", said, "invited", actors=bank, participants=houses),
                  _report("b", "Offers were invited from the discount houses.", "invited",
                          participants=houses), verbal=True) is None
    # Two named actors, none in common: two acts, however alike the rest.
    assert anchor(_report("a", said, "invited", actors=bank, participants=houses),
                  _report("b", said, "invited", actors=("id:treasury",), participants=houses),
                  verbal=True, similarity=0.9) is None


def test_a_verbal_act_two_much_alike_articles_open_with_is_one_act():
    day = dt.date(2024, 3, 4)
    council = ("id:rubber council",)
    a = _report("a", "Council delegates in Geneva agreed on a new rubber accord on Saturday.", "agreed", lead=True,
                published=day, actors=council)
    b = _report("b", "Producers and consumers agreed on the rubber accord, delegates said.", "agreed",
                lead=True, published=day, actors=council)
    assert "lead of alike articles" in anchor(a, b, verbal=True, similarity=LEAD_SIMILARITY + 0.1)
    assert anchor(a, b, verbal=True, similarity=LEAD_SIMILARITY - 0.1) is None
    # Who agreed unknown on one side: alike articles do not say it was one agreement (two
    # companies' agreements, two shareholder meetings in articles alike as wholes).
    anyone = _report("b", "Producers and consumers agreed on the rubber accord, delegates said.", "agreed",
                     lead=True, published=day)
    assert anchor(a, anyone, verbal=True, similarity=0.9) is None
    later = _report("b", "Producers and consumers agreed on the rubber accord.", "agreed",
                    lead=True, published=day + dt.timedelta(days=2), actors=council)
    assert anchor(a, later, verbal=True, similarity=0.9) is None  # other days: other agreements


def test_alike_articles_anchor_a_material_act_with_a_shared_word_and_a_generic_one_only_when_much_alike():
    day = dt.date(2024, 3, 4)
    a = _report("a", "Rioters burned cars in the old town of Varenna overnight.", "burned", published=day)
    b = _report("b", "Youths burned cars near the Varenna station before dawn.", "burned", published=day)
    assert anchor(a, b, verbal=False, similarity=NEWS_SIMILARITY + 0.05).startswith("same news")
    assert anchor(a, b, verbal=False, similarity=NEWS_SIMILARITY - 0.05) is None
    # One article undated, or both: not known to be one news cycle (alike undated articles
    # are often two weeks of one beat: two players pulling out of two tournaments).
    undated = _report("b", "Youths burned cars near the Varenna station before dawn.", "burned")
    assert anchor(a, undated, verbal=False, similarity=0.9) is None
    assert anchor(dataclasses.replace(a, published=None), undated, verbal=False, similarity=0.9) is None
    assert anchor(dataclasses.replace(a, published=None), undated, verbal=False, similarity=0.9,
                  undated_news="any").startswith("same news")
    generic_a = _report("a", "Attacks on browsers grew in Varenna this winter.", "attacks", generic=True,
                        published=day)
    generic_b = _report("b", "Security firms in Varenna counted more attacks on browsers.", "attacks",
                        generic=True, published=day)
    assert anchor(generic_a, generic_b, verbal=False, similarity=GENERIC_SIMILARITY - 0.1) is None
    assert anchor(generic_a, generic_b, verbal=False, similarity=GENERIC_SIMILARITY + 0.1) is not None


def test_alike_articles_tie_a_bare_report_only_when_both_open_with_it_or_tell_it_alike():
    # A week of one war in two alike dated articles: "the attack" names no one, no day and no
    # spot; the cycle holds several attacks, so article likeness alone does not say which.
    day = dt.date(2024, 3, 4)
    options = ResolverOptions()
    words = options.bare_news_words
    assert words > 0
    raid = _report("a", "Varennese gunboats attacked a tanker near the Ostrel terminal on Friday.", "attacked",
                   published=day, participants=("id:varenna",), day=day)
    bare = _report("b", "Officials said the attack on the tanker had raised insurance rates.", "attack",
                   published=day + dt.timedelta(days=1))
    sim = NEWS_SIMILARITY + 0.2
    assert anchor(raid, bare, verbal=False, similarity=sim).startswith("same news")  # the old rule
    assert anchor(raid, bare, verbal=False, similarity=sim, bare_news_words=words) is None
    # Both articles open with the act: it is their news.
    assert anchor(dataclasses.replace(raid, lead=True), dataclasses.replace(bare, lead=True), verbal=False,
                  similarity=sim, bare_news_words=words).startswith("same news")
    # The two sentences tell it alike (enough content words in common).
    told = _report("b", "Gunboats attacked a tanker near the Ostrel terminal, officials said on Saturday.",
                   "attacked", published=day + dt.timedelta(days=1))
    assert len(raid.words & told.words) >= words
    assert anchor(raid, told, verbal=False, similarity=sim, bare_news_words=words) is not None
    # Both reports name who or when: the occurrence checks have compared them; likeness ties them.
    dated = dataclasses.replace(bare, when=day + dt.timedelta(days=1), day=day + dt.timedelta(days=1))
    assert anchor(raid, dated, verbal=False, similarity=sim, bare_news_words=words).startswith("same news")


def test_document_vectors_read_two_reports_of_one_news_alike_whatever_the_corpus():
    quake = document_vector(
        "A strong earthquake struck the Varennian town of Oskaro on Tuesday. Rescue teams in Oskaro "
        "searched collapsed houses and the civil defence office counted forty injured.")
    again = document_vector(
        "Rescuers searched the rubble in Oskaro after Tuesday's earthquake, the Varennian civil defence "
        "office said, with forty people injured.")
    budget = document_vector(
        "The Tessaly parliament passed the budget on Tuesday after a long debate over pension reform "
        "and the tax on fuel.")
    assert cosine(quake, again) > NEWS_SIMILARITY * 2
    assert cosine(quake, budget) < NEWS_SIMILARITY


# Two undated articles of one political beat, alike as wholes: each mentions, further down,
# a withdrawal by "the party" — two withdrawals (of two parties, from two things), not one.
BEAT = {
    "velmar": ("The Velmar Party will miss the vote on the tram plan, its leader said. "
               "The plan was drafted by the Tarn planning office in November. "
               "Its cost has doubled since then, and the line would cross the old town twice. "
               "Shop owners on the route have written to the mayor to ask for a delay. "
               "A decision on the contract is expected before the summer. "
               "Earlier the party had to pull out of the coalition talks in Velmar."),
    "green": ("The Green Party is a doubt for the vote on the tram plan, its leader said. "
              "The plan was drafted by the Tarn planning office, critics say. "
              "Its cost has risen by half, and the depot would take a park by the river. "
              "Residents near the depot have asked the mayor for a public hearing. "
              "The contract is due to be signed in the spring. "
              "Earlier the party had to pull out of a regional election in Corlin."),
}


def test_alike_undated_articles_do_not_join_what_they_report_further_down(annotate_one):
    r, found = _resolve(annotate_one, BEAT, types=("RETREAT",))
    velmar, green = found["velmar"][0], found["green"][0]
    assert r.event_of(velmar.id) != r.event_of(green.id)
    # Taken as one news cycle (undated articles alike as wholes), they were one event.
    r, found = _resolve(annotate_one, BEAT, ResolverOptions(undated_news="any", bare_news_words=0),
                        types=("RETREAT",))
    assert r.event_of(found["velmar"][0].id) == r.event_of(found["green"][0].id)


def test_acts_told_in_the_plural_are_not_the_one_told_in_the_singular(annotate_one):
    text = ("Velmar's navy shelled an oil platform of Tarnovia on Monday. Officials in Corlin said "
            "the attack was a reply to Tarnovian missile attacks on tankers in the strait. The attack "
            "destroyed the platform.")
    r, found = _resolve(annotate_one, {"gulf": text}, types=("ASSAULT",))
    attacks = [m for m in found["gulf"] if m.trigger.text.lower().startswith("attack")]
    one = [m for m in attacks if m.trigger.text.lower() == "attack"]
    many = [m for m in attacks if m.trigger.text.lower() == "attacks"]
    assert one and many
    assert all(r.event_of(m.id) != r.event_of(x.id) for m in many for x in one)
    r, found = _resolve(annotate_one, {"gulf": text}, ResolverOptions(number_apart=False, answers_apart=""),
                        types=("ASSAULT",))
    events = {r.event_of(m.id) for m in found["gulf"] if m.trigger.text.lower().startswith("attack")}
    assert len(events) == 1  # without the checks, one article's attacks were one event


def test_the_act_named_with_no_one_is_the_one_told_last_before_it(annotate_one):
    text = ("A Velmar attack on an oil platform of Tarnovia came on Monday. Officials in Corlin "
            "said the attack was limited. Days before, Tarnovia had launched an attack on a "
            "Velmar tanker. Shipping firms said the attack had raised insurance rates.")
    r, found = _resolve(annotate_one, {"gulf": text}, types=("ASSAULT",))
    platform, first, tanker, second = [m for m in found["gulf"] if m.trigger.text == "attack"]
    assert r.event_of(platform.id) != r.event_of(tanker.id)
    assert r.event_of(first.id) == r.event_of(platform.id)
    assert r.event_of(second.id) == r.event_of(tanker.id)


# Two undated articles, alike as wholes, each telling further down of the shooting at one
# named airport: the spot ties them, where no date can.
SPOT = {
    "exile": ("Exiles from Tarnovia met in Corlin on Sunday to plan a government in exile. "
              "Their leader said the group would write to the United Nations next month. "
              "The meeting was called after the envoy's family asked for protection. "
              "Members said the talks would go on through the spring and the summer. "
              "A second meeting is planned for the autumn in a city not yet chosen. "
              "The envoy was shot dead at Velmar Central Airport, the group said."),
    "family": ("The family of the Tarnovian envoy asked Corlin for protection on Sunday. "
               "His son said the family had left the capital and feared for their lives. "
               "Exiles from Tarnovia said they would write to the United Nations. "
               "The son said his father had received threats for many months. "
               "The family now lives in a flat near the harbour, neighbours said. "
               "Two gunmen shot the envoy at Velmar Central Airport in the spring, his son said."),
}


def test_one_act_at_one_named_spot_in_alike_undated_articles_is_one_event(annotate_one):
    r, found = _resolve(annotate_one, SPOT, types=("ASSAULT",))
    a = [m for m in found["exile"] if m.trigger.text == "shot"]
    b = [m for m in found["family"] if m.trigger.text == "shot"]
    assert a and b and a[0].place and b[0].place
    assert r.event_of(a[0].id) == r.event_of(b[0].id)
    assert "same spot" in r.explanations[b[0].id]
    r, found = _resolve(annotate_one, SPOT, ResolverOptions(spot_anchor=False), types=("ASSAULT",))
    pois = [m for doc in found.values() for m in doc if m.trigger.text == "shot"]
    assert r.event_of(pois[0].id) != r.event_of(pois[1].id)


RETALIATION = {
    "navy": ("The retaliatory attack on the Ostrel oil platform was mounted on Monday by the Velmar navy. "
             "Officials in Corlin said the raid came in retaliation for a Tarnovian missile attack on a "
             "tanker last Friday."),
    "tanker": ("The missile attack on the tanker Sea Lark in Velmar waters set the ship ablaze on Friday. "
               "Velmar's navy shelled the Ostrel platform in response to the attack."),
}


def test_an_act_and_the_act_it_answers_are_two_events(annotate_one):
    def roles(found: dict[str, list]) -> tuple[object, object, object]:
        navy, tanker = found["navy"], found["tanker"]
        answer = next(m for m in navy if m.sentence.text.startswith("The retaliatory"))
        answered = next(m for m in navy if m.sentence.text.startswith("Officials") and m.trigger.text == "attack")
        return answer, answered, next(m for m in tanker if m.sentence.text.startswith("The missile attack"))

    r, found = _resolve(annotate_one, RETALIATION, types=("ASSAULT",))
    answer, answered, told = roles(found)
    assert r.event_of(answered.id) != r.event_of(answer.id)
    assert r.explanations[answered.id].startswith("new event (best an act and its answer")
    # The missile attack the other article tells is the one answered, not the answer.
    assert r.event_of(told.id) == r.event_of(answered.id)
    # Switched off, the answered attack joins the answer of its own article (with the check
    # on what each act was done to off too: "a tanker" and "the oil platform" tell them apart).
    off, found = _resolve(annotate_one, RETALIATION, ResolverOptions(answers_apart="", thing_targets=False),
                          types=("ASSAULT",))
    answer, answered, _ = roles(found)
    assert off.event_of(answered.id) == off.event_of(answer.id)


def test_the_attack_told_after_an_answer_is_the_answer_not_the_act_answered(annotate_one):
    # The lead tells the raid and, inside "in retaliation for", the attack it answered; a later
    # bare "the attack" is the raid, though the answered attack was told last.
    text = ("The Velmar attack on an oil platform of Tarnovia on Monday came in retaliation for a "
            "Tarnovian missile attack on a tanker. Asked how he felt about the attack, the Corlin "
            "envoy said he understood it.")

    def mentions(found: dict[str, list]) -> tuple[object, object, object]:
        attacks = [m for m in found["gulf"] if m.trigger.text == "attack"]
        lead = [m for m in attacks if m.sentence.start == 0]
        bare = next(m for m in attacks if m.sentence.start > 0)
        return lead[0], lead[1], bare

    r, found = _resolve(annotate_one, {"gulf": text}, types=("ASSAULT",))
    raid, answered, bare = mentions(found)
    assert r.event_of(raid.id) != r.event_of(answered.id)
    assert r.event_of(bare.id) == r.event_of(raid.id)
    off, found = _resolve(annotate_one, {"gulf": text}, ResolverOptions(answered_no_antecedent=False),
                          types=("ASSAULT",))
    raid, answered, bare = mentions(found)
    assert off.event_of(bare.id) == off.event_of(answered.id)
