"""Unnamed referents: a participant one article describes and refers back to but never names
is one entity of that article (``resolve/entities/unnamed``), linked only where the text
makes it clear, never joined across articles nor with a named entity, stored and exported
with ``named: false``, and read as the event argument or speaker its pronouns stand for."""

from __future__ import annotations

from pathlib import Path

from event_coref_helpers import export_article
from exported import exported

from newsgraph.extract.claims import extract_claims
from newsgraph.model import Document
from newsgraph.nlp.annotate import annotate
from newsgraph.pipeline import ingest
from newsgraph.resolve.entities.settings import ResolverOptions
from newsgraph.resolve.entities.unnamed import UNNAMED_REASON, fullest_description
from newsgraph.resolve.entities.within import chain_document
from newsgraph.store import Store


def _unnamed(text: str) -> list[list[tuple[str, str, str]]]:
    adoc = next(annotate([Document(id="d", path="d.txt", text=text)]))
    extract_claims(adoc)
    return [[(m.text, m.kind, m.rule) for m in c.mentions] for c in chain_document(adoc)
            if c.unresolved == UNNAMED_REASON]


def test_a_woman_found_dead_and_she_are_one_unnamed_entity():
    chains = _unnamed("A 45-year-old woman was found dead at a house on Monday. Police said she had been "
                      "attacked.")
    assert [("A 45-year-old woman", "nominal", "introduced"), ("she", "pronoun", "only-candidate")] in chains


def test_a_gunman_the_gunman_and_he_are_one_unnamed_entity():
    chains = _unnamed("A gunman opened fire at a school on Tuesday. The gunman, who was 17, killed three "
                      "students. He was later arrested.")
    # the gunman is one entity; the students he killed, described once, another
    assert len(chains) == 2 and [("three students", "nominal", "participant")] in chains
    kinds = {(t, k, r) for t, k, r in chains[0]}
    assert {("A gunman", "nominal", "introduced"), ("The gunman", "nominal", "same-description"),
            ("He", "pronoun", "only-candidate")} <= kinds


def test_two_women_in_reach_leave_she_unlinked():
    chains = _unnamed("A woman and a second woman were seen near the station on Friday. Police said she "
                      "was injured.")
    assert not any(t == "she" for c in chains for t, _, _ in c)


def test_a_lone_description_the_text_reports_acting_is_a_participant():
    assert _unnamed("A man walked along the river on Sunday morning. The weather was fine.") == [
        [("A man", "nominal", "participant")]]
    chains = _unnamed("The shooting of a teenager by police sparked riots in the city on Saturday.")
    assert [("a teenager", "nominal", "participant")] in chains
    assert [("police", "nominal", "participant")] in chains


def test_a_lone_description_is_no_entity_with_the_option_off():
    adoc = next(annotate([Document(id="d", path="d.txt", text="A man walked along the river on Sunday.")]))
    chains = chain_document(adoc, ResolverOptions(unnamed_lone=False))
    assert not [c for c in chains if c.unresolved == UNNAMED_REASON]


def test_a_description_of_no_one_in_particular_is_no_participant():
    # a bare plural of people, a generic singular under a modal or in the present
    assert _unnamed("Hackers could take over a computer if a user opens a page. Officials say browsers "
                    "are safe.") == []


def test_the_lead_description_of_the_person_named_next_is_no_new_participant():
    chains = _unnamed("A 59-year-old woman died on Friday. Jane Doe was hit by a car near her home.")
    assert not any(t == "A 59-year-old woman" for c in chains for t, _, _ in c)


def test_a_description_beside_a_name_is_no_new_participant():
    chains = _unnamed("A restoration company called Heritage Properties bought the building in 1997. "
                      "Mark Smith, a local teacher, bought it in 2001.")
    assert not any(r == "participant" for c in chains for _, _, r in c)


def test_a_named_person_in_reach_leaves_he_to_the_name():
    chains = _unnamed("A gunman opened fire on Tuesday. John Smith, a teacher, said he heard the shots.")
    assert not any(t == "he" for c in chains for t, _, _ in c)


def test_a_more_general_description_refers_back():
    chains = _unnamed("A gunman opened fire at a school on Tuesday. Police said the killer had fled.")
    assert chains and ("the killer", "nominal", "hypernym") in chains[0]


def test_the_display_name_is_the_fullest_description():
    assert fullest_description(["The woman", "A 45-year-old woman", "the woman"]) == "a 45-year-old woman"


def test_unnamed_entities_are_exported_unnamed_and_never_joined_across_documents(tmp_path: Path):
    text = ("Shooting at a school\n\nA gunman opened fire at a school in Ohio on Tuesday. The gunman, who "
            "was 17, killed three students. He was later arrested.\n")
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(text.replace("Ohio", "Ohio" if name == "a" else "Texas"))
    with Store(tmp_path / "s.db") as store:
        ingest([tmp_path], store)
        records = exported(store)
    unnamed = [r for r in records if r["kind"] == "entity" and r["named"] is False]
    assert all(len({m["doc"] for m in ent["mentions"]}) == 1 for ent in unnamed)  # never across articles
    gunmen = [r for r in unnamed if r["name"] == "a gunman"]
    assert len(gunmen) == 2  # one per article
    for ent in gunmen:
        assert ent["aliases"] == []
        assert {m["kind"] for m in ent["mentions"]} == {"description", "pronoun"}
        assert all(m["rule"] for m in ent["mentions"])
    assert all(r["named"] for r in records if r["kind"] == "entity" and r["name"] in ("Ohio", "Texas"))


def test_a_pronoun_event_actor_reads_as_the_unnamed_entity(tmp_path: Path, store: Store):
    records = export_article(tmp_path, store, (
        "Shooting at a bank in the city centre\n\n"
        "A gunman entered a bank in the city centre on Monday morning, carrying a rifle and a bag.\n\n"
        "He shot a guard at the entrance before fleeing in a car, witnesses told reporters.\n"))
    unnamed = [r for r in records if r["kind"] == "entity" and r["named"] is False]
    assert unnamed, records
    ids = {r["id"] for r in unnamed}
    assault = [r for r in records if r["kind"] == "event" and r["type"] == "ASSAULT"]
    assert assault and any(a in ids for a in assault[0]["actors"])


def test_the_entity_list_keeps_unnamed_entities_apart(tmp_path: Path, store: Store):
    from newsgraph.api.views.entities import entities_view

    export_article(tmp_path, store, (
        "Shooting at a school\n\nA gunman opened fire at a school in Ohio on Tuesday. The gunman, who "
        "was 17, killed three students. He was later arrested.\n"))
    named = entities_view(store)
    assert all(e.name != "a gunman" for e in named.entities) and named.unnamed_count == 2
    unnamed = entities_view(store, unnamed=True)
    assert [e.name for e in unnamed.entities] == ["a gunman", "three students"]  # most mentioned first


def test_the_entity_page_and_the_article_show_an_unnamed_entity(tmp_path: Path):
    from fastapi.testclient import TestClient

    from newsgraph.api.app import create_app

    db = tmp_path / "s.db"
    with Store(db) as store:
        records = export_article(tmp_path, store, (
            "Shooting at a school\n\nA gunman opened fire at a school in Ohio on Tuesday. The gunman, who "
            "was 17, killed three students. He was later arrested.\n"))
    ent = next(r for r in records if r["kind"] == "entity" and r["named"] is False and r["name"] == "a gunman")
    doc = ent["mentions"][0]["doc"]
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        assert "a gunman" not in client.get("/entities").text
        listed = client.get("/entities?unnamed=1")
        assert listed.status_code == 200 and "a gunman" in listed.text
        page = client.get(f"/entities/{ent['id']}")
        assert page.status_code == 200 and "The gunman" in page.text
        data = client.get(f"/entities/{ent['id']}.json").json()
        assert data["name"] == "a gunman"
        article = client.get(f"/documents/{doc}")
        assert article.status_code == 200 and ent["id"] in article.text
        api = client.get("/api/entities?unnamed=true").json()
        assert [e["name"] for e in api["entities"]] == ["a gunman", "three students"]


def test_they_continues_the_description_that_governs_its_clause():
    chains = _unnamed("Police arrested two men on Monday. The men said they were innocent.")
    assert [("two men", "nominal", "introduced"), ("The men", "nominal", "same-description"),
            ("they", "pronoun", "subject")] in chains


def test_a_counted_or_ranked_description_does_not_refer_back_to_another():
    chains = _unnamed("Klitschko knocked Thompson down in the sixth round. Thompson was hurt early in the "
                      "fifth round.")
    assert chains == []
    chains = _unnamed("Reporters waited in the media room on Sunday. Later the coach spoke in the locker room.")
    assert chains == []
    chains = _unnamed("Gray did not have a gun, witnesses said. The gun was found by detectives later.")
    assert not any(t == "a gun" for c in chains for t, _, _ in c)


_SHOOTING = ("Shooting at an embassy in the city centre\n\n"
             "A gunman entered the Varennian embassy in the city centre on Monday morning, carrying a rifle.\n\n"
             "He shot Ahmed Farouk at the entrance before fleeing in a car, witnesses told reporters.\n")


def test_graphs_leave_unnamed_entities_out_unless_asked(tmp_path: Path):
    from fastapi.testclient import TestClient

    from newsgraph.api.app import create_app
    from newsgraph.export.graph import build_graph

    db = tmp_path / "s.db"
    with Store(db) as store:
        records = export_article(tmp_path, store, _SHOOTING)
    unnamed = {r["id"] for r in records if r["kind"] == "entity" and r["named"] is False}
    assert unnamed, records
    assault = [r for r in records if r["kind"] == "event" and r["type"] == "ASSAULT"]
    assert assault and unnamed & set(assault[0]["actors"])  # the gunman acts: an edge when drawn
    assert not unnamed & set(build_graph(records).nodes)
    assert unnamed <= set(build_graph(records, unnamed=True).nodes)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        for graph in ("events", "comention"):
            drawn = client.get(f"/network.json?graph={graph}").json()["nodes"]
            assert not {n["id"] for n in drawn} & unnamed, graph
            asked = {n["id"] for n in client.get(f"/network.json?graph={graph}&unnamed=1").json()["nodes"]}
            assert unnamed <= asked, graph
        # The named entities stay: the co-mention graph still draws Farouk.
        assert any(n["name"] == "Ahmed Farouk" for n in client.get("/network.json?graph=comention").json()["nodes"])


def _all_chains(text: str) -> list[list[tuple[str, str, str]]]:
    adoc = next(annotate([Document(id="d", path="d.txt", text=text)]))
    extract_claims(adoc)
    return [[(m.text, m.kind, m.rule) for m in c.mentions] for c in chain_document(adoc)]


def test_a_described_person_the_text_names_with_a_naming_verb_is_that_person():
    chains = _all_chains("A 45-year-old woman was found dead at a house in Leeds on Monday. Police said she had "
                         "been attacked. Police named her as Jane Doe, a teacher.")
    doe = next(c for c in chains if ("Jane Doe", "name", "") in c)
    assert {("A 45-year-old woman", "nominal", "named-as"), ("she", "pronoun", "only-candidate"),
            ("her", "pronoun", "named-as")} <= set(doe)
    assert not any(t == "A 45-year-old woman" for c in chains if c is not doe for t, _, _ in c)
    chains = _all_chains("A man was stabbed outside a pub in Hull on Saturday. The victim has been identified "
                         "as John Smith, 32.")
    assert ("The victim", "nominal", "named-as") in next(c for c in chains if ("John Smith", "name", "") in c)


def test_naming_someone_as_a_role_or_naming_a_named_person_merges_nothing():
    chains = _all_chains("A gunman opened fire at a school on Tuesday. The gunman was later arrested. The school "
                         "named its head teacher as acting principal.")
    assert any(("A gunman", "nominal", "introduced") in c for c in chains)
    chains = _all_chains("Arsenal named Patrick Vieira as captain on Friday. A fan said he was delighted.")
    vieira = next(c for c in chains if ("Patrick Vieira", "name", "") in c)
    assert not any(r == "named-as" for _, _, r in vieira)


def test_event_resolution_reads_a_participant_described_once_by_its_words(tmp_path: Path, store: Store):
    from newsgraph.store.resolution import MentionIndex

    records = export_article(tmp_path, store, (
        "Arrest after a shooting in the city centre\n\n"
        "A gunman opened fire at a school on Tuesday. The gunman, who was 17, was later arrested by "
        "police.\n"))
    unnamed = {r["name"]: r for r in records if r["kind"] == "entity" and r["named"] is False}
    police = unnamed["police"]["mentions"][0]
    assert police["rule"] == "participant"
    gunman = next(m for m in unnamed["a gunman"]["mentions"] if m["rule"] == "same-description")
    lookup = MentionIndex(store)
    # one mention and its words: nothing an entity id adds to telling two reports apart
    assert lookup(police["doc"], police["start"], police["end"]) is None
    assert lookup(gunman["doc"], gunman["start"], gunman["end"]) == unnamed["a gunman"]["id"]


def test_a_pronoun_opening_its_sentence_continues_the_description_subject_before():
    chains = _unnamed("The firm's creditors have been trying to agree a deal for several weeks. They took control "
                      "of the company in January. They had threatened to delist the company.")
    assert [("The firm's creditors", "nominal", "introduced"), ("They", "pronoun", "subject"),
            ("They", "pronoun", "subject")] in chains
    chains = _unnamed("From next month anyone will have the power to demand information. But an all-party "
                      "committee said it was not confident many would be ready. It blamed the department for a "
                      "lack of leadership.")
    assert [("an all-party committee", "nominal", "introduced"), ("It", "pronoun", "subject")] in chains


def test_no_continuation_from_a_definite_description_or_two_subjects():
    # "The car" is most often a thing the text names: left to the named linker.
    chains = _unnamed("The car, unveiled at the Geneva motor show, is meant to compete in the luxury market. "
                      "It will not be sold in the US.")
    assert not any(t == "It" for c in chains for t, _, _ in c)
    chains = _unnamed("The ministers and the union leaders met on Monday. They agreed a deal.")
    assert not any(t == "They" for c in chains for t, _, _ in c)
