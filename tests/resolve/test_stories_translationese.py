"""How a translation reads (resolve/stories/translationese.py), on texts the tests write."""

from __future__ import annotations

from multilingual_texts import EN_FIRE, EN_FIRE_CALQUED, FR_FIRE

from newsgraph.resolve.stories.translationese import (
    names,
    other_words,
    pair_parts,
    read_pair,
    shared_name_cue,
    text_cues,
)

EN = EN_FIRE.replace("Translated from the French.", "")


def test_the_french_original_reads_as_the_original_either_way_round():
    one = read_pair(FR_FIRE, "fr", EN_FIRE_CALQUED, "en")
    other = read_pair(EN_FIRE_CALQUED, "en", FR_FIRE, "fr")
    assert one.side == "a" and other.side == "b"
    assert abs(one.score + other.score) < 1e-9
    assert "reads as the original" in one.reason


def test_no_side_when_the_cues_disagree():
    # the careful translation runs long and keeps French names, but its wording reads no
    # more translated than the French: not clear enough to say
    r = read_pair(FR_FIRE, "fr", EN, "en")
    assert r.parts[0] > 0 and r.parts[2] > 0 and r.parts[1] < 0
    assert r.side is None and r.reason.startswith("unknown: how the texts read is not clear")


def test_no_reading_without_norms_for_a_language():
    r = read_pair(FR_FIRE, "fr", EN, "it")
    assert r.side is None and "no norms" in r.reason
    assert read_pair(FR_FIRE, None, EN, "en").side is None
    assert read_pair(FR_FIRE, "fr", FR_FIRE, "fr").reason.startswith("one language")


def test_the_longer_side_reads_as_the_translation():
    cues_fr, cues_en = text_cues(FR_FIRE, "fr"), text_cues(EN, "en")
    # the English of a French text runs about as long as the French: longer than English
    # usually runs beside French, so the length part points to the French as original
    length, _, _ = pair_parts(cues_fr, "fr", 0.0, cues_en, "en", 0.0, 0.0)
    assert length > 0
    padded = text_cues(EN + "\n\n" + EN, "en")
    assert pair_parts(cues_fr, "fr", 0.0, padded, "en", 0.0, 0.0)[0] > length


def test_untranslated_words_of_the_other_language_are_counted():
    calqued = "The préfecture said the mairie would open the salle des fêtes to the evacuated families."
    plain = "The regional authorities said the town hall would open a hall to the evacuated families."
    assert other_words(calqued, "en", "fr") > 0.1
    assert other_words(plain, "en", "fr") == 0.0


def test_names_both_keep_say_where_they_are_at_home():
    fr = "Le ministre Jacques Marchand a rencontré François Bayrou à Quimper, selon la presse."
    en = "Minister Jacques Marchand met François Bayrou in Quimper, the press reported."
    assert {"Jacques", "Marchand", "François", "Bayrou", "Quimper"} <= names(fr) & names(en)
    assert shared_name_cue(fr, "fr", en, "en") > 1.0
    assert shared_name_cue(en, "en", fr, "fr") < -1.0
    assert "Le" not in names(fr) and "Minister" not in names(en)  # sentence openers are no names
