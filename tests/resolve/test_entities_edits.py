"""Analyst edits are statements: they bind on every run, survive a state round-trip
(what the store persists) and later documents respect them."""

from __future__ import annotations

import pytest
from entity_docs import hand_doc

from newsgraph.model.entities import Edit
from newsgraph.resolve.entities import Resolver, ResolverState, edits
from newsgraph.resolve.entities.edits import EntityEditError

LIBYA_1 = "Muammar Gaddafi spoke in Tripoli about the rebels in Benghazi. Gaddafi said NATO would fail."
LIBYA_2 = (
    "Rebels in Benghazi said troops of Moammar Qadhafi shelled the port. Tripoli denied it; NATO jets flew."
)
FOOTBALL = "Mouammar Kadhafi scored twice for Real Madrid against Valencia in the league at the Bernabeu."
LIBYA_3 = "In Tripoli, Mouammar Kadhafi told NATO envoys that Benghazi rebels would be crushed."
SPANS = [
    ("Muammar Gaddafi", "PERSON"),
    ("Gaddafi", "PERSON"),
    ("Moammar Qadhafi", "PERSON"),
    ("Mouammar Kadhafi", "PERSON"),
    ("Tripoli", "GPE"),
    ("Benghazi", "GPE"),
    ("NATO", "ORG"),
    ("Real Madrid", "ORG"),
    ("Valencia", "ORG"),
    ("Bernabeu", "FAC"),
    ("Brother Leader", "PERSON"),
]


def _doc(text: str, ident: str):  # type: ignore[no-untyped-def]
    return hand_doc(text, ident, SPANS)


def _owner(resolver: Resolver, doc: str, text: str) -> str:
    ids = {m.entity for e in resolver.entities() for m in e.mentions if m.doc == doc and m.text == text}
    assert len(ids) == 1
    return ids.pop()


def _roundtrip(resolver: Resolver) -> Resolver:
    return Resolver.from_state(ResolverState.from_json(resolver.state().to_json()))


def test_edits_split_survives_rerun_and_state_roundtrip() -> None:
    resolver = Resolver()
    resolver.add([_doc(LIBYA_1, "d1"), _doc(LIBYA_2, "d2")])
    leader = _owner(resolver, "d1", "Muammar Gaddafi")
    assert _owner(resolver, "d2", "Moammar Qadhafi") == leader
    moved = [m.key for m in resolver.entity(leader).mentions if m.doc == "d2"]
    resolver.apply(edits.split(resolver, leader, moved, author="analyst"))
    assert _owner(resolver, "d2", "Moammar Qadhafi") != _owner(resolver, "d1", "Muammar Gaddafi")
    again = _roundtrip(resolver)
    assert _owner(again, "d2", "Moammar Qadhafi") != _owner(again, "d1", "Muammar Gaddafi")
    # Entity ids are reproduced by the replay.
    assert sorted(e.id for e in again.entities()) == sorted(e.id for e in resolver.entities())


def test_edits_merge_rename_and_alias_persist_and_bind_later_documents() -> None:
    resolver = Resolver()
    resolver.add([_doc(LIBYA_1, "d1"), _doc(FOOTBALL, "d3")])
    leader, other = _owner(resolver, "d1", "Muammar Gaddafi"), _owner(resolver, "d3", "Mouammar Kadhafi")
    assert leader != other
    resolver.apply(edits.merge(resolver, leader, other))
    merged = _owner(resolver, "d1", "Muammar Gaddafi")
    resolver.apply(edits.rename(resolver, merged, "Muammar al-Gaddafi"))
    resolver.apply(edits.add_alias(resolver, merged, "Brother Leader"))
    again = _roundtrip(resolver)
    entity = again.entity(_owner(again, "d1", "Muammar Gaddafi"))
    assert entity.name == "Muammar al-Gaddafi"
    assert _owner(again, "d3", "Mouammar Kadhafi") == entity.id
    assert entity.aliases.get("Brother Leader") == 0
    # A later document naming the entity only by the analyst's alias is matched to it.
    again.add([_doc("The Brother Leader addressed Tripoli and warned NATO and the Benghazi rebels.", "d9")])
    assert _owner(again, "d9", "Brother Leader") == entity.id


def test_edits_merge_keeps_the_id_of_the_entity_chosen_to_survive() -> None:
    resolver = Resolver()
    resolver.add([_doc(LIBYA_1, "d1"), _doc(FOOTBALL, "d3")])
    older, newer = _owner(resolver, "d1", "Muammar Gaddafi"), _owner(resolver, "d3", "Mouammar Kadhafi")
    # Merged from the newer entity's page: the newer one survives, id, name and all.
    resolver.apply(edits.merge(resolver, newer, older))
    assert _owner(resolver, "d1", "Muammar Gaddafi") == newer == _owner(resolver, "d3", "Mouammar Kadhafi")
    assert resolver.entity(newer).name == "Mouammar Kadhafi"
    assert older not in {e.id for e in resolver.entities()}
    # The same on a replay from the stored state, and for a later document of either name.
    again = _roundtrip(resolver)
    assert _owner(again, "d1", "Muammar Gaddafi") == newer
    again.add([_doc(LIBYA_3, "d4")])
    assert _owner(again, "d4", "Mouammar Kadhafi") == newer
    # Chosen the other way round, the older one survives.
    other = Resolver()
    other.add([_doc(LIBYA_1, "d1"), _doc(FOOTBALL, "d3")])
    other.apply(edits.merge(other, older, newer))
    assert _owner(other, "d3", "Mouammar Kadhafi") == older
    assert other.entity(older).name == "Muammar Gaddafi"


def test_edits_distinct_is_respected_by_later_documents() -> None:
    resolver = Resolver()
    resolver.add([_doc(LIBYA_1, "d1"), _doc(FOOTBALL, "d3")])
    leader, player = _owner(resolver, "d1", "Muammar Gaddafi"), _owner(resolver, "d3", "Mouammar Kadhafi")
    resolver.apply(edits.distinct(resolver, leader, player, note="the footballer is someone else"))
    again = _roundtrip(resolver)
    again.add([_doc(LIBYA_3, "d4")])  # a spelling of both, in the leader's context
    assert _owner(again, "d1", "Muammar Gaddafi") != _owner(again, "d3", "Mouammar Kadhafi")
    assert _owner(again, "d4", "Mouammar Kadhafi") in {
        _owner(again, "d1", "Muammar Gaddafi"),
        _owner(again, "d3", "Mouammar Kadhafi"),
    }


def test_edits_alias_remove_moves_mentions_out_and_keeps_them_out() -> None:
    resolver = Resolver()
    resolver.add([_doc(LIBYA_1, "d1"), _doc(LIBYA_2, "d2")])
    leader = _owner(resolver, "d1", "Muammar Gaddafi")
    resolver.apply(edits.remove_alias(resolver, leader, "Moammar Qadhafi"))
    again = _roundtrip(resolver)
    assert "Moammar Qadhafi" not in again.entity(_owner(again, "d1", "Muammar Gaddafi")).aliases
    again.add([_doc("Moammar Qadhafi spoke again in Tripoli about NATO and Benghazi.", "d5")])
    assert _owner(again, "d5", "Moammar Qadhafi") != _owner(again, "d1", "Muammar Gaddafi")


def test_edits_bad_input_is_a_clear_error() -> None:
    resolver = Resolver()
    resolver.add([_doc(LIBYA_1, "d1")])
    leader = _owner(resolver, "d1", "Muammar Gaddafi")
    with pytest.raises(EntityEditError) as err:
        edits.merge(resolver, leader, leader)
    assert err.value.code == "E601"
    with pytest.raises(EntityEditError):
        edits.remove_alias(resolver, leader, "Nobody")
    with pytest.raises(ValueError):
        Edit("explode")
    # Re-applying the same statement is a no-op (content-hashed id).
    edit = edits.rename(resolver, leader, "M. Gaddafi")
    resolver.apply(edit)
    resolver.apply(edits.rename(resolver, leader, "M. Gaddafi"))
    assert len(resolver.edits) == 1


def _entities(resolver: Resolver) -> list:
    return [(e.id, e.name, sorted(e.aliases), [m.key for m in e.mentions]) for e in resolver.entities()]


def test_edits_released_chains_are_read_back_for_a_replay() -> None:
    """A caller that saved the chains releases them (their context leaves memory); an edit
    replays from what it saved and ends where a resolver holding every chain ends."""
    docs = [(LIBYA_1, "d1"), (LIBYA_2, "d2"), (FOOTBALL, "d3")]
    whole, light = Resolver(), Resolver()
    for r in (whole, light):
        r.add([_doc(t, i) for t, i in docs])
    saved = dict(light.chains_of(["d1", "d2", "d3"]))
    assert any(c["context"] for chains in saved.values() for c in chains)
    light.release(["d1", "d2"], saved.get)
    assert light.state().docs == whole.state().docs  # read back where released
    assert _entities(light) == _entities(whole)
    leader = _owner(whole, "d1", "Muammar Gaddafi")
    moved = [m.key for m in whole.entity(leader).mentions if m.doc == "d2"]
    for r in (whole, light):
        r.apply(edits.split(r, leader, moved, author="analyst"))
        r.add([_doc(LIBYA_3, "d4")])
    assert _entities(light) == _entities(whole)
    assert light.state().docs == whole.state().docs
