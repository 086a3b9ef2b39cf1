"""ECB+ loader on the real corpus (skipped when ../shared/data/ecbplus is absent)."""

from __future__ import annotations

import pytest

from newsgraph.eval.ecbplus import ENTITY_CLASSES, default_root, load_ecbplus, mention_class

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def topic_one():  # type: ignore[no-untyped-def]
    if not (default_root() / "ECB+").is_dir():
        pytest.skip(f"ECB+ not found under {default_root()}")
    return load_ecbplus(topics=[1])


def test_ecbplus_mention_classes() -> None:
    assert mention_class("HUMAN_PART_PER") == "HUMAN"
    assert mention_class("NON_HUMAN_PART_GENERIC") == "NON_HUMAN"
    assert mention_class("NEG_ACTION_OCCURRENCE") == "NEG_ACTION"
    assert mention_class("LOC_GEO") == "LOC"


def test_ecbplus_loads_topic_with_subtopics_and_gold_clusters(topic_one) -> None:  # type: ignore[no-untyped-def]
    assert {d.subtopic for d in topic_one} == {"ecb", "ecbplus"}
    assert all(d.topic == 1 for d in topic_one)
    mentions = [m for d in topic_one for m in d.mentions]
    assert {m.cls for m in mentions} >= {"ACTION", "HUMAN", "LOC"}
    # Cross-document clusters span documents; validated sentences are a strict subset.
    docs_per_cluster: dict[str, set[str]] = {}
    for m in mentions:
        docs_per_cluster.setdefault(m.cluster, set()).add(m.doc)
    assert max(len(v) for v in docs_per_cluster.values()) > 1
    validated = [m for m in mentions if m.validated]
    assert 0 < len(validated) < len(mentions)


def test_ecbplus_text_offsets_match_tokens(topic_one) -> None:  # type: ignore[no-untyped-def]
    doc = next(d for d in topic_one if d.name == "1_10ecb")
    text, offsets, sentences = doc.text()
    reid = next(m for m in doc.mentions if m.cls in ENTITY_CLASSES and m.text == "Tara Reid")
    start, end = offsets[reid.token_ids[0]][0], offsets[reid.token_ids[-1]][1]
    assert text[start:end] == "Tara Reid"
    assert len(sentences) == len(doc.sentence_numbers())
