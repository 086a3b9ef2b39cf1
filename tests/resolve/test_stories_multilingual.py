"""Translations and stories across languages (resolve/stories: crosslingual, original,
the multilingual side of StoryIndex and StoryClusterer)."""

from __future__ import annotations

from multilingual_texts import EN_FIRE, EN_FIRE_CALQUED, FR_FIRE, FR_FIRE_OTHER, FR_UNRELATED, fr_doc

from newsgraph.resolve.stories import StoryIndex, as_view
from newsgraph.resolve.stories.crosslingual import align_monotone, number_keys
from newsgraph.resolve.stories.original import credit_language, original_side


def _by_pair(links):
    return {frozenset((lk.a, lk.b)): lk for lk in links}


def test_french_original_and_english_translation_linked_with_aligned_sentences():
    index = StoryIndex()
    index.add([fr_doc("fr", FR_FIRE), fr_doc("en", EN_FIRE, "en")])
    link = _by_pair(index.links)[frozenset(("fr", "en"))]
    assert link.kind == "translation"
    aligned = [p for p in link.evidence if p.kind == "aligned"]
    assert len(aligned) >= 6
    # each aligned pair is a French sentence and the English sentence translating it
    pairs = {(FR_FIRE[p.a_start:p.a_end][:20], EN_FIRE[p.b_start:p.b_end][:20]) for p in aligned}
    assert ("Trois ouvriers ont é", "Three workers were s") in pairs
    assert ("Le maire, Paul Deniz", "The mayor, Paul Deni") in pairs
    numbers = {FR_FIRE[p.a_start:p.a_end] for p in link.evidence if p.kind == "number"}
    assert {"340", "85", "2015", "210"} <= numbers
    assert any(p.kind == "quote" for p in link.evidence)  # « … » aligned with "…"
    # the English version says it is translated from French: the French is the original
    assert link.original == "fr" and "credited" in (link.original_reason or "")
    # … and the two are one story
    assert index.story_of("fr") == index.story_of("en")


def test_translation_found_in_either_arrival_order_and_original_read_from_the_texts():
    index = StoryIndex()
    index.add([fr_doc("en", EN_FIRE_CALQUED, "en"), fr_doc("fr", FR_FIRE)])
    link = _by_pair(index.links)[frozenset(("fr", "en"))]
    assert link.kind == "translation"
    # no credit line, no dates: the English runs longer than English does beside French,
    # keeps French words, and the names both keep are at home in French
    assert link.original == "fr" and (link.original_reason or "").startswith("how the texts read")


def test_original_unknown_when_no_cue_shows_it():
    en = EN_FIRE.replace("Translated from the French.", "")
    # no credit line, no dates, and no norms of how text of an undetected language reads
    side, reason = original_side(as_view(fr_doc("x", FR_FIRE, None)), as_view(fr_doc("en", en, "en")))
    assert side is None and reason.startswith("unknown") and "no norms" in reason


def test_two_french_articles_on_one_topic_are_not_translations():
    index = StoryIndex()
    index.add([fr_doc("a", FR_FIRE), fr_doc("b", FR_FIRE_OTHER)])
    assert all(lk.kind != "translation" for lk in index.links)


def test_unrelated_french_articles_are_not_put_in_one_story():
    index = StoryIndex()
    docs = [fr_doc(f"u{k}", t) for k, t in enumerate(FR_UNRELATED)] + [fr_doc("fire", FR_FIRE)]
    index.add(docs)
    stories = {index.story_of(d.id) for d in docs}
    assert len(stories) == len(docs)


def test_english_articles_cluster_as_before_when_french_arrives_later():
    index = StoryIndex()
    index.add([fr_doc("en", EN_FIRE, "en")])
    index.add([fr_doc(f"u{k}", t) for k, t in enumerate(FR_UNRELATED[:2])] + [fr_doc("fr", FR_FIRE)])
    # the English document got its multilingual vector when French arrived, so the
    # French original finds it
    assert _by_pair(index.links)[frozenset(("fr", "en"))].kind == "translation"
    assert index.story_of("fr") == index.story_of("en") != index.story_of("u0")


def test_monotone_alignment_keeps_order_and_skips_gaps():
    import numpy as np

    a = np.eye(4, dtype=np.float32)
    b = np.stack([a[0], a[2], a[1], a[3]])  # b swaps the middle two
    got = align_monotone(a, b, 0.5)
    assert got[0][:2] == (0, 0) and got[-1][:2] == (3, 3)
    assert len(got) == 3  # only one of the crossed pairs can stay in order


def test_numbers_have_one_key_across_languages():
    fr = number_keys("13 000 habitants, une hausse de 2,6 % et 1.500 euros en 2015")
    en = number_keys("13,000 residents, a 2.6% rise and 1,500 euros in 2015")
    assert set(fr) == set(en) == {"13000", "2.6", "1500", "2015"}


def test_credit_lines_and_dates_say_which_is_the_original():
    assert credit_language("Traduit de l'anglais par Marie Dupont.\n\nLe texte…") == "en"
    assert credit_language("Aus dem Englischen übersetzt von Jan Berg.") == "en"
    assert credit_language("Traducido del francés por Ana Gil.") == "fr"
    assert credit_language("The minister said the deal was translated into law.") is None
    fr = as_view(fr_doc("fr", FR_FIRE, published="2024-03-14"))
    en = as_view(fr_doc("en", "A fire.", "en", published="2024-03-15"))
    assert original_side(fr, en)[0] == "fr"
    de = as_view(fr_doc("de", "Ein Feuer. Aus dem Spanischen übersetzt.", "de"))
    side, why = original_side(en, de)
    assert side is None and "third" in why
