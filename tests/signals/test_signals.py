"""Per-article signals and publisher profiles (newsgraph.signals), on texts written here."""

from __future__ import annotations

import re

import pytest

from newsgraph.model.document import AnnotatedDocument, Document, Mention, RemovedBlock, Sentence
from newsgraph.model.stories import AlignedPassage, Link
from newsgraph.nlp.wordnet import wordnet
from newsgraph.signals import (
    CollocationModel,
    article_signals,
    attribution,
    boilerplate_share,
    corroboration,
    machine_translation,
    publisher_profiles,
    republication,
    signals_dict,
    spinning,
)
from newsgraph.signals import settings as signal_settings
from newsgraph.signals.machine_translation import broken_quotes, name_variants
from newsgraph.signals.spinning import substitutions

NATIVE = """The government said the rogue state had tested another missile. Officials called it a rogue state that ignored its neighbours.
Analysts said the secretive regime was short of cash. The secretive regime denied the report.
A rogue state with nuclear weapons worries the region, the minister said. The police arrested two men on Monday.
The minister said the police would investigate. Two men were arrested by police after the attack on Monday.
Police fired tear gas at the crowd. The attack killed three people, police said. The government condemned the attack and said the men would face trial."""

MT_TEXT = """The Cheollima group attacked the embassy in broad daylight, the newspaper reported.

The attack was planned by the Chollima group for weeks, according to the Spanish newspaper El Diario.

She noted that the attackers stole computers and phones before fleeing.

Officials said the group "wanted to expose the regime. The embassy has not commented."""


def _doc(text: str, **kw) -> Document:
    return Document(id=kw.pop("id", "d1"), path="x.txt", text=text, **kw)


def test_signals_republication_when_article_credits_another_outlet():
    text = "The Harbour Gazette reports:\n\nThe city council approved a new budget on Monday."
    sig = republication(_doc(text, attributed_to=["The Harbour Gazette"]))
    assert sig.flagged and sig.value == 1.0
    assert "credits The Harbour Gazette" in sig.explanation
    assert sig.evidence[0].text == "The Harbour Gazette"
    assert "fake" not in sig.explanation.lower()


def test_signals_republication_when_article_is_a_later_copy():
    d = _doc("Body of the copied article with enough words.", id="b")
    link = Link("a", "b", "copy", 0.9, [AlignedPassage(0, 10, 0, 10, "shared")])
    sig = republication(d, [link])
    assert sig.flagged and sig.details["copy_of"] == ["a"]
    # the earlier document of the pair is not a republication
    assert not republication(_doc("x", id="a"), [link]).flagged


def test_signals_original_article_is_not_a_republication():
    sig = republication(_doc("The council approved a budget."))
    assert not sig.flagged and sig.value == 0.0


def test_signals_boilerplate_share_counts_removed_blocks():
    d = _doc("A" * 300, removed=[RemovedBlock("Share on Facebook", "share-bar"),
                                  RemovedBlock("x" * 283, "advertisement")])
    sig = boilerplate_share(d)
    assert sig.value == 0.5 and sig.flagged
    assert sig.details["blocks"] == {"share-bar": 1, "advertisement": 1}


def test_signals_name_variants_find_transliterations_not_different_people():
    text = ("Kim Jong-nam met Kim Jong Nam's friends. Kim Jong-un and Kim Jong-il ruled. "
            "The Cheollima group and the Chollima group.")
    found = {e.text for e in name_variants(text)}
    assert {"Kim Jong-nam", "Kim Jong Nam", "Cheollima", "Chollima"} <= {f.split(" group")[0] for f in found}
    assert not any("Jong-un" in f or "Jong-il" in f for f in found)


def test_signals_broken_quotes_honour_multi_paragraph_convention():
    ok = "He said: “The first part goes on.\n\n“And the second part ends here.”\n\nThen he left."
    assert broken_quotes(ok) == []
    broken = "He said the group “wanted to expose it.\n\nThe embassy has not commented.”"
    notes = [e.note for e in broken_quotes(broken)]
    assert any("never closed" in n for n in notes) and any("never opened" in n for n in notes)


def test_signals_pronoun_without_person_antecedent_is_an_artefact():
    text = MT_TEXT
    sents = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, "ORG")
                for n in ("Cheollima", "Chollima", "El Diario")]
    ann = AnnotatedDocument(_doc(text), sents, mentions)
    sig = machine_translation(ann)
    kinds = sig.details["counts"]
    assert kinds["pronoun_no_antecedent"] == 1
    assert kinds["name_variant"] >= 1 and kinds["broken_quote"] >= 1
    assert sig.flagged
    assert any(e.text.startswith("She noted") for e in sig.evidence)


def test_signals_pronoun_with_person_antecedent_is_fine():
    text = "Mayor Ana Ruiz opened the bridge. She said it cost 4 million."
    ann = AnnotatedDocument(_doc(text), [Sentence(0, 33), Sentence(34, len(text))],
                            [Mention(6, 14, "Ana Ruiz", "PERSON")])
    assert machine_translation(ann).details["counts"]["pronoun_no_antecedent"] == 0


def test_signals_clean_native_text_is_not_flagged():
    ref = CollocationModel.from_texts([NATIVE])
    sig = machine_translation(_doc(NATIVE.split("\n")[0]), ref)
    assert not sig.flagged
    assert not spinning(_doc(NATIVE), ref).flagged


def test_signals_spinning_finds_swapped_words_in_fixed_expressions():
    ref = CollocationModel.from_texts([NATIVE] * 3)
    spun = ("Officials said the rouge state had tested a missile. A rouge state with nuclear "
            "weapons worries the region.")
    sig = spinning(_doc(spun), ref)
    notes = " ".join(e.note for e in sig.evidence)
    assert "rouge state" in notes and "rogue state" in notes
    assert sig.details["instances"] == 2
    assert sig.flagged == (signal_settings.SPIN_FLAG_MIN <= 2)


@pytest.mark.skipif(wordnet() is None, reason="WordNet (Debian package wordnet-base) is not installed")
def test_signals_spinning_uses_wordnet_synonyms():
    ref = CollocationModel.from_texts([NATIVE] * 3)
    # a reference this small cannot show "rip" is common: drop the expected-count guard
    found = substitutions("Police fired rip gas at protesters.", ref, min_expected=0.0)
    assert any("tear gas" in e.note and e.text == "rip gas" for e in found)


def test_signals_spinning_without_reference_is_not_measured():
    sig = spinning(_doc("text"), None)
    assert sig.value is None and "Not measured" in sig.explanation


def test_signals_attribution_profile_from_supplied_claims():
    text = "A source said the deal was off. Minister Ana Ruiz said talks would resume."
    claims = [
        {"speaker": None, "speaker_text": "A source", "certainty": "reported", "start": 0, "end": 31},
        {"speaker": "e1", "speaker_text": "Minister Ana Ruiz", "certainty": "asserted", "start": 32, "end": 74},
    ]
    sig = attribution(_doc(text), claims)
    assert sig.value == 0.5
    assert sig.details["anonymous"] == 1 and sig.details["hedged"] == 1
    assert sig.evidence[0].text.startswith("A source")


def test_signals_corroboration_counts_independent_publishers_only():
    pubs = {"a": "Wire A", "b": "Paper B", "c": "Aggregator", "d": "Wire A", "e": "Paper E"}
    events = {"a": {"ev1"}, "b": {"ev1", "ev2"}, "c": {"ev1"}, "d": {"ev1"}, "e": {"ev9"}}
    links = [Link("a", "c", "copy", 0.95)]
    sig = corroboration(_doc("x", id="a", publisher="Wire A"), pubs, events, links)
    # Paper B reports ev1; the aggregator's copy and Wire A itself do not count
    assert sig.value == 1.0 and list(sig.details["publishers"]) == ["Paper B"]


def test_signals_article_signals_and_publisher_profiles():
    d1 = _doc("The council approved a budget.", id="o1", publisher="Gazette")
    d2 = _doc("The council approved a budget.", id="c1", publisher="Aggregator",
              attributed_to=["Gazette"])
    sigs = article_signals(d1) + article_signals(d2)
    assert {s.name for s in sigs} >= {"boilerplate_share", "machine_translation", "spinning",
                                      "attribution", "republication", "corroboration"}
    assert signals_dict(article_signals(d2))["republication"]["flagged"] is True
    profiles = {p.publisher: p for p in publisher_profiles([d1, d2], [], sigs)}
    assert profiles["Aggregator"].copies == 1 and profiles["Aggregator"].credited_sources == {"Gazette": 1}
    assert profiles["Gazette"].originals == 1


def test_signals_attribution_reads_claim_records_of_the_claims_stage():
    from newsgraph.model.claims import Claim, ClaimSpan

    text = "Officials said the plant would close. He said it may reopen. Ana Ruiz said jobs were safe."

    def span(s: str) -> ClaimSpan:
        i = text.index(s)
        return ClaimSpan(i, i + len(s), s)

    def claim(speaker: str, kind: str, content: str, certainty: str, ref: str | None = None) -> Claim:
        return Claim(id=content[:5], doc="d1", content=span(content), speaker=span(speaker), speaker_kind=kind,
                     cue=None, certainty=certainty, quote_type="indirect", sentence=span(content), rule="t",
                     confidence=1.0, speaker_ref=span(ref) if ref else None)

    claims = [claim("Officials", "anonymous", "the plant would close", "asserted"),
              claim("He", "pronoun", "it may reopen", "hedged", ref="Ana Ruiz"),
              claim("Ana Ruiz", "named", "jobs were safe", "asserted")]
    sig = attribution(_doc(text), claims)
    assert sig.value == round(2 / 3, 3)
    assert sig.details["anonymous"] == 1 and sig.details["hedged"] == 1
    assert {e.text for e in sig.evidence} == {"the plant would close", "it may reopen"}


def test_signals_loose_quotes_alone_are_not_flagged_as_translation():
    text = 'The mayor said "the budget is fine.\n\nThe council met on Monday and approved it."'
    sig = machine_translation(_doc(text))
    assert sig.details["counts"]["broken_quote"] >= 1
    assert not sig.flagged


@pytest.mark.parametrize("pairwise_max", [0, 1_000])
def test_signals_name_variant_pairs_are_those_of_a_comparison_of_every_pair(monkeypatch, pairwise_max):
    """Issue 14 item 3: every pair of names was compared (27 s on a 500,000-character text);
    the deletion index (past ``_PAIRWISE_MAX`` names) and the edit-distance matrix (up to
    it) must find exactly the pairs the full comparison accepts."""
    import importlib
    import random
    from itertools import combinations

    mt = importlib.import_module("newsgraph.signals.machine_translation")  # the module, not the function
    monkeypatch.setattr(mt, "_PAIRWISE_MAX", pairwise_max)

    rng = random.Random(14)
    base = ["kimjongnam", "cheollima", "pyongyang", "gaddafi", "mohammed", "tchonsam", "liberation"]
    names = set()
    for _ in range(400):
        word = list(rng.choice(base))
        for _ in range(rng.randint(0, 3)):  # a few random edits
            i = rng.randrange(len(word))
            op = rng.choice("rid")
            if op == "r":
                word[i] = rng.choice("aeiouyjk")
            elif op == "i":
                word.insert(i, rng.choice("aeiouh"))
            elif len(word) > 3:
                del word[i]
        names.add("".join(word).capitalize())
    names = [*sorted(names), "K" * 60, "K" * 61 + "a"]  # long ones take the other path
    skeletons = [mt._skeleton(n) for n in names]
    expected = [(i, j) for i, j in combinations(range(len(names)), 2) if mt._is_variant(names[i], names[j])]
    found = [(i, j) for i, j in mt._close_pairs(skeletons) if mt._is_variant(names[i], names[j])]
    assert found == expected and len(expected) > 20


@pytest.mark.skipif(wordnet() is None, reason="WordNet (Debian package wordnet-base) is not installed")
def test_signals_spinning_rare_synonym_weighs_as_two_swaps():
    pytest.importorskip("wordfreq")
    ref = CollocationModel.from_texts(["Shares hit a record high on Monday as traders bought the stock. "] * 12)
    # "memorialise" is a WordNet synonym of "record" that general English hardly uses:
    # alone in a short text it is as strong as two ordinary swaps
    rare = spinning(_doc("Shares hit a memorialise high on Monday."), ref)
    assert rare.details["distinct"] == 1 and rare.details["strong"] == 1
    assert rare.flagged == (signal_settings.SPIN_FLAG_SHORT_MIN <= 2)
    assert "strong" in rare.explanation
    # "commemorate" is out of context the same way but an everyday word: one swap, no flag
    common = spinning(_doc("Shares hit a commemorate high on Monday."), ref)
    assert common.details["distinct"] == 1 and common.details["strong"] == 0
    assert not common.flagged


def test_signals_spinning_misspelt_fixed_expression_is_not_weighed_as_rare():
    ref = CollocationModel.from_texts([NATIVE] * 3)
    sig = spinning(_doc("Officials said the rouge state had tested a missile."), ref)
    # "rouge state" spans two words: a broken fixed expression counts once however rare
    assert sig.details["instances"] == 1 and sig.details["strong"] == 0


@pytest.mark.skipif(wordnet() is None, reason="WordNet (Debian package wordnet-base) is not installed")
def test_signals_spinning_broken_everyday_phrase_weighs_as_two_swaps():
    # "a record high" written 130 times: an everyday phrase of this reference, so an
    # everyday word ("commemorate") out of context there is strong evidence on its own
    ref = CollocationModel.from_texts(["Shares hit a record high on Monday as traders bought the stock. "] * 130)
    sig = spinning(_doc("Shares hit a commemorate high on Monday."), ref)
    assert sig.details["distinct"] == 1 and sig.details["strong"] == 1
    assert sig.flagged == (signal_settings.SPIN_FLAG_SHORT_MIN <= 2)


@pytest.mark.skipif(wordnet() is None, reason="WordNet (Debian package wordnet-base) is not installed")
def test_signals_stored_swap_evidence_is_span_text_and_note_only():
    pytest.importorskip("wordfreq")
    from dataclasses import asdict

    ref = CollocationModel.from_texts(["Shares hit a record high on Monday as traders bought the stock. "] * 12)
    doc = _doc("Shares hit a memorialise high on Monday.")
    swaps = substitutions(doc.text, ref)
    assert swaps and hasattr(swaps[0], "support")  # the weight the flag reads …
    for sig in (spinning(doc, ref, swaps=swaps), machine_translation(doc, ref, swaps=swaps)):
        stored = asdict(sig)["evidence"]
        # … is not kept in the stored record: the note says how often native usage has the phrase
        assert stored and all(set(e) == {"start", "end", "text", "note"} for e in stored)
        assert stored[0]["text"] == "memorialise" and "native usage says “a record high” (24×)" in stored[0]["note"]


def test_signals_spinning_everyday_word_a_letter_from_a_fixed_expression_is_no_typo():
    pytest.importorskip("wordfreq")
    from newsgraph.signals.spinning import near_spelling

    # "fight" is as everyday a word as "right": "legal fight" is no misspelt "legal right" …
    assert not near_spelling("fight", "right")
    # … while "rouge" (rarer than the word it misspells) is still read as a misspelling
    assert near_spelling("rouge", "rogue")
    ref = CollocationModel.from_texts(["The court upheld his legal right to appeal. "] * 12)
    assert not substitutions("The family began a legal fight over the will.", ref)


@pytest.mark.skipif(wordnet() is None, reason="WordNet (Debian package wordnet-base) is not installed")
def test_signals_spinning_british_spelling_is_no_rare_synonym():
    pytest.importorskip("wordfreq")
    from newsgraph.signals.spinning import spellings

    assert spellings("harbouring") == {"harbouring", "harboring"}
    assert "amortization" in spellings("amortisation") and "centre" in spellings("centre")
    # general English writes "amortization" ten times as often, but it is the same word
    ref = CollocationModel.from_texts(["The bank said the amortization of goodwill cut profit. "] * 20)
    assert not substitutions("The bank said the amortisation of goodwill cut profit.", ref)


@pytest.mark.skipif(wordnet() is None, reason="WordNet (Debian package wordnet-base) is not installed")
def test_signals_spinning_rare_word_needs_less_context_and_then_counts_once():
    pytest.importorskip("wordfreq")
    # "a record high" twice only: too thin to call an everyday word out of context …
    ref = CollocationModel.from_texts(["Shares hit a record high on Monday as traders bought the stock. "] * 2)
    assert not substitutions("Shares hit a commemorate high on Monday.", ref)
    # … but enough for a word general English hardly uses ("memorialise"), weighed as one swap
    rare = spinning(_doc("Shares hit a memorialise high on Monday."), ref)
    assert rare.details["distinct"] == 1 and rare.details["strong"] == 0 and not rare.flagged
