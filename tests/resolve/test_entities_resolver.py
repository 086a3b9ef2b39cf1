"""Cross-document resolution: transliterations need context, namesakes stay apart,
types are reconciled, and adding documents is incremental."""

from __future__ import annotations

from entity_docs import hand_doc

from newsgraph.resolve.entities import Resolver

GADDAFI_1 = (
    "Libyan leader Muammar Gaddafi addressed crowds in Tripoli on Sunday, vowing to crush the rebels in "
    "Benghazi. Gaddafi said NATO air strikes would fail."
)
GADDAFI_2 = (
    "Rebels in Benghazi said forces loyal to Moammar Qadhafi shelled the city overnight. Qadhafi's troops "
    "advanced from Tripoli as NATO jets circled."
)
FOOTBALLER = (
    "Mouammar Kadhafi scored twice as Real Madrid beat Valencia in the Spanish league on Saturday, and the "
    "striker thanked the fans at the Bernabeu."
)
KIM_UN = (
    "North Korean leader Kim Jong-un inspected a missile launch near Pyongyang, state media said. "
    "Kim Jong-un praised the scientists."
)
KIM_IL = (
    "The late Kim Jong-il ruled North Korea from Pyongyang until 2011, state media recalled. "
    "Kim Jong-il's missile programme expanded under his rule."
)
KIM_UN_SPACED = (
    "Pyongyang hosted a parade on Saturday, and Kim Jong Un watched missile units pass, state media said."
)


def _entity_with(resolver: Resolver, alias: str):  # type: ignore[no-untyped-def]
    found = [e for e in resolver.entities() if alias in e.aliases]
    assert len(found) == 1, f"{alias!r} in {len(found)} entities"
    return found[0]


def test_resolver_transliteration_variants_merge_with_supporting_context(make_doc) -> None:
    resolver = Resolver()
    resolver.add([make_doc(GADDAFI_1, "g1"), make_doc(GADDAFI_2, "g2"), make_doc(FOOTBALLER, "g3")])
    leader = _entity_with(resolver, "Muammar Gaddafi")
    assert {"Moammar Qadhafi", "Qadhafi", "Gaddafi"} <= set(leader.aliases)
    assert leader.documents == ["g1", "g2"]
    why = [ev for ev in leader.evidence if ev.kind == "variant"]
    assert why and why[0].cooccurrence_score > 0 and any(s.startswith("name:") for s in why[0].shared)
    # The same spelling family in an unrelated story (no shared context) stays apart.
    footballer = _entity_with(resolver, "Mouammar Kadhafi")
    assert footballer.id != leader.id


def test_resolver_variant_without_context_is_not_merged(make_doc) -> None:
    resolver = Resolver()
    resolver.add([make_doc(GADDAFI_1, "g1"), make_doc(FOOTBALLER, "g3")])
    assert _entity_with(resolver, "Muammar Gaddafi").id != _entity_with(resolver, "Mouammar Kadhafi").id


def test_resolver_namesakes_stay_apart_and_spacing_variants_merge(make_doc) -> None:
    resolver = Resolver()
    resolver.add([make_doc(KIM_UN, "k1"), make_doc(KIM_IL, "k2"), make_doc(KIM_UN_SPACED, "k3")])
    un = _entity_with(resolver, "Kim Jong-un")
    il = _entity_with(resolver, "Kim Jong-il")
    assert un.id != il.id  # shared context (Pyongyang, missiles, state media) is not enough
    assert "Kim Jong Un" in un.aliases
    assert un.type == "PERSON"


def test_resolver_bare_surname_elsewhere_is_not_given_to_one_of_several(make_doc) -> None:
    resolver = Resolver()
    bare = "Kim visited a missile factory near Pyongyang, state media said, and praised the workers."
    resolver.add([make_doc(KIM_UN, "k1"), make_doc(KIM_IL, "k2"), make_doc(bare, "k4")])
    kim = [m for e in resolver.entities() for m in e.mentions if m.doc == "k4" and m.text == "Kim"]
    assert kim
    owner = resolver.entity(kim[0].entity)
    assert owner is not None and owner.aliases == {"Kim": 1}


def test_resolver_reconciles_inconsistent_types_by_majority() -> None:
    text = (
        "Fighters of Volkhovia seized the bridge. Volkhovia later released a statement. "
        "Residents said Volkhovia controls the road."
    )
    doc = hand_doc(text, "t1", [("Volkhovia", "PERSON")])
    doc.mentions[2].label = "GPE"
    resolver = Resolver()
    resolver.add([doc])
    entity = _entity_with(resolver, "Volkhovia")
    assert entity.type == "PERSON"
    assert entity.type_confidence == round(2 / 3, 3)
    assert entity.type_votes == {"PERSON": 2, "GPE": 1}


def test_resolver_incremental_add_matches_batch_and_reingest_is_noop(make_doc) -> None:
    docs = [make_doc(GADDAFI_1, "g1"), make_doc(GADDAFI_2, "g2")]
    step = Resolver()
    first = step.add(docs[:1])
    leader_id = _entity_with(step, "Muammar Gaddafi").id
    assert any(c.kind == "created" and c.entity == leader_id for c in first)
    second = step.add(docs[1:])
    assert any(c.kind == "extended" and c.entity == leader_id for c in second)
    assert step.add(docs[:1]) == []  # same document again: nothing to do
    batch = Resolver()
    batch.add(docs)
    assert sorted((e.id, tuple(sorted(e.aliases))) for e in batch.entities()) == sorted(
        (e.id, tuple(sorted(e.aliases))) for e in step.entities()
    )
    assert _entity_with(step, "Qadhafi").id == leader_id


def _climber_documents(make_doc):
    """A report that only describes a climber (its "climber" tagged as a person) and one that
    names him: a description entity the name's document joins."""
    import re

    from newsgraph.model.document import Mention

    nameless = make_doc(
        "A climber fell to his death on Mount Cook in New Zealand on Tuesday. Rescuers said the climber "
        "slipped on ice near the summit ridge while descending with two companions.",
        "climb1",
    )
    for m in re.finditer(r"climber", nameless.document.text):
        sentence = max(i for i, s in enumerate(nameless.sentences) if s.start <= m.start())
        nameless.mentions.append(Mention(m.start(), m.end(), "climber", "PERSON", sentence))
    nameless.mentions.sort(key=lambda m: m.start)
    named = make_doc(
        "British climber Robert Buckley died on Mount Cook in New Zealand after he slipped on ice near the "
        "summit ridge, rescuers said. Buckley was descending with two companions.",
        "climb2",
    )
    return nameless, named


def test_resolver_description_entity_joins_the_name_another_document_describes(make_doc) -> None:
    nameless, named = _climber_documents(make_doc)
    resolver = Resolver()
    resolver.add([nameless, named])
    buckley = _entity_with(resolver, "Robert Buckley")
    assert {m.text for m in buckley.mentions} >= {"climber", "Robert Buckley", "Buckley"}
    assert any(ev.kind == "bridge" and "climber" in ev.reason for ev in buckley.evidence)


def test_resolver_state_without_description_fields_still_loads(make_doc) -> None:
    """States written before chains carried ``descriptors``/``core`` replay unchanged."""
    import json

    from newsgraph.resolve.entities import ResolverState

    resolver = Resolver()
    resolver.add([make_doc(KIM_UN, "old1"), make_doc(KIM_UN_SPACED, "old2")])
    data = json.loads(resolver.state().to_json())
    for _, chains in data["docs"]:
        for chain in chains:
            for mention in chain["mentions"]:
                mention.pop("descriptors")
                mention.pop("core")
    again = Resolver.from_state(ResolverState.from_json(json.dumps(data)))
    assert sorted(e.name for e in again.entities()) == sorted(e.name for e in resolver.entities())


def test_an_entity_holding_only_its_latest_explanations_is_the_same_entity() -> None:
    """``keep_evidence``: the records list the latest merge explanations, the count stays
    every one, and every decision is the one a resolver keeping all of them makes."""
    docs = [hand_doc(f"Orvalis Freight said on day {i} that Orvalis Freight would expand in "
                     f"Tarnovia. Orvalis Freight chief Pell Aram{i} spoke.", f"d{i}",
                     [("Orvalis Freight", "ORG"), ("Tarnovia", "GPE"), (f"Pell Aram{i}", "PERSON")])
            for i in range(12)]
    whole, kept = Resolver(), Resolver()
    kept.keep_evidence(2)
    whole.add(docs)
    kept.add(docs)
    a, b = _entity_with(whole, "Orvalis Freight"), _entity_with(kept, "Orvalis Freight")
    assert len(a.evidence) == 11 and whole.evidence_total(a.id) == 11
    assert 2 <= len(b.evidence) <= 4 and kept.evidence_total(b.id) == 11
    assert b.evidence == a.evidence[-len(b.evidence):]
    strip = [(e.id, e.name, e.aliases, e.mentions, e.documents) for e in whole.entities()]
    assert [(e.id, e.name, e.aliases, e.mentions, e.documents) for e in kept.entities()] == strip


def test_a_resolver_that_dropped_released_chains_builds_the_same_records(make_doc) -> None:
    """Chains released and dropped from memory (their mentions already written by the
    caller) still count in their entity's record: a bridge into an entity whose chains
    left memory gives the record a resolver holding every chain gives — the rewrite lists
    only the mentions still held, and counts all of them — and the whole record reads the
    dropped chains back."""
    from dataclasses import replace


    nameless, named = _climber_documents(make_doc)
    whole = Resolver()
    whole.add([nameless, named])
    light = Resolver()
    light.add([nameless])
    saved = dict(light.chains_of(["climb1"]))
    light.release(["climb1"], saved.get)
    light.add([named])
    buckley = _entity_with(whole, "Robert Buckley")
    assert {m.doc for m in buckley.mentions} == {"climb1", "climb2"}  # the bridge joined them
    rewrite = light.entity_rewrite(buckley.id)
    assert rewrite is not None
    record, count = rewrite
    assert count == len(buckley.mentions)
    assert record.mentions == [m for m in buckley.mentions if m.doc == "climb2"]
    bare = {"mentions": [], "title_mentions": []}
    assert replace(record, **bare) == replace(buckley, **bare)
    assert light.entity(buckley.id) == buckley  # read back whole
    assert light.entities() == whole.entities()
