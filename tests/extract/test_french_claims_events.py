"""French claims and events (issue 18): « » quotes and their speaker, reporting verbs,
"selon", negated cues as denials, PLOVER events with actor and target from the French
parse — on French text the tests write."""

from __future__ import annotations

from newsgraph.extract.claims import extract_claims
from newsgraph.extract.events import extract_events
from newsgraph.model import Document
from newsgraph.nlp.annotate import annotate


def _french(text: str):
    return next(annotate([Document(id="fr", path="fr", text=text, language="fr", published="2017-03-16")]))


def _claims(text: str):
    return {c.content.text: c for c in extract_claims(_french(text))}


def test_a_quote_in_guillemets_takes_the_speaker_of_the_cue_after_it():
    claims = _claims("« Nous ne céderons jamais face à la violence », a affirmé Marie Leclerc devant la presse.")
    claim = claims["Nous ne céderons jamais face à la violence"]
    assert claim.speaker is not None and claim.speaker.text == "Marie Leclerc"
    assert claim.speaker_kind == "named" and claim.quote_type == "direct"
    assert claim.cue is not None and claim.cue.text == "a affirmé" and claim.certainty == "asserted"


def test_a_quote_in_curly_marks_after_a_colon_takes_the_cue_before_it():
    claims = _claims("Paul Martin a déclaré : “Cette décision est une erreur grave pour notre pays.”")
    claim = claims["Cette décision est une erreur grave pour notre pays."]
    assert claim.speaker is not None and claim.speaker.text == "Paul Martin"


def test_reported_speech_and_selon():
    claims = _claims("Le maire a déclaré que la police avait arrêté trois suspects. "
                     "Selon le porte-parole du gouvernement, les négociations reprendront lundi.")
    said = claims["la police avait arrêté trois suspects"]
    assert said.speaker is not None and said.speaker.text == "Le maire" and said.quote_type == "indirect"
    according = claims["les négociations reprendront lundi"]
    assert according.quote_type == "according_to"
    assert according.speaker is not None and according.speaker.text == "le porte-parole du gouvernement"


def test_a_negated_french_cue_is_a_denial_and_a_conditional_is_hedged():
    claims = _claims("L'armée n'a pas confirmé que des soldats avaient été tués. "
                     "D'après des sources proches du dossier, l'accord serait signé lundi.")
    denied = claims["des soldats avaient été tués"]
    assert denied.certainty == "denied" and denied.cue is not None and denied.cue.text == "n'a pas confirmé"
    hedged = claims["l'accord serait signé lundi"]
    assert hedged.certainty == "hedged" and hedged.hedge is not None and hedged.hedge.text == "serait"


def test_a_french_event_has_its_actor_and_target_active_and_passive():
    events = extract_events(_french("La police a arrêté mardi trois suspects à Lyon. "
                                    "Les Américains ont été attaqués par l'armée nord-coréenne."))
    by_trigger = {e.trigger.text: e for e in events}
    arrest = by_trigger["arrêté"]
    assert (arrest.type, arrest.mode) == ("COERCE", "arrest")
    assert [a.text for a in arrest.actors] == ["La police"] and [t.text for t in arrest.targets] == ["trois suspects"]
    # Thursday 16 March 2017's "mardi" is the 14th; the place is the one "à" names
    assert arrest.date is not None and (arrest.date.start, arrest.date.precision) == ("2017-03-14", "day")
    assert arrest.place is not None and arrest.place.name == "Lyon"
    attack = by_trigger["attaqués"]
    assert attack.type == "ASSAULT"
    assert [a.text for a in attack.actors] == ["l'armée nord-coréenne"]
    assert [t.text for t in attack.targets] == ["Les Américains"]


def test_a_french_word_in_its_other_sense_is_no_event():
    events = extract_events(_french("Le gouvernement a arrêté le projet de loi. "
                                    "Le tribunal a condamné Jean Dupont à cinq ans de prison."))
    assert [e.lemma for e in events] == ["condamner"]
    assert (events[0].type, events[0].mode) == ("COERCE", "arrest")  # a prison sentence


def test_an_inverted_pronoun_is_the_speaker_and_a_cue_without_subject_does_not_break():
    claims = _claims("« Nous aurons bientôt des informations sur l'accident », a-t-il déclaré. "
                     "Il a été annoncé que le vol reprendrait demain.")
    quoted = claims["Nous aurons bientôt des informations sur l'accident"]
    assert quoted.speaker is not None and quoted.speaker.text == "il" and quoted.speaker_kind == "pronoun"
    assert "not resolved" in quoted.rule  # French pronouns are not resolved to a name


def test_d_apres_as_adapted_from_is_no_attribution():
    claims = _claims("Le spectacle d'ouverture, d'après le roman de Victor Hugo, sera joué en juillet.")
    assert not any(c.quote_type == "according_to" for c in claims.values())
