"""Links between documents: duplicates, copies, spins, translations (resolve/stories)."""

from __future__ import annotations

from stories_texts import (
    BOILERPLATE_BOTTOM,
    BOILERPLATE_TOP,
    ELECTION,
    FLOOD,
    FLOOD_SPUN,
    OTHER_FLOOD,
    doc,
)

from newsgraph.resolve.stories import StoryIndex, as_view, compare_copy, link_documents, shared_passages


def _kinds(links):
    return {frozenset((lk.a, lk.b)): lk for lk in links}


def test_stories_exact_duplicate_despite_whitespace_and_case():
    a = doc("a", FLOOD)
    b = doc("b", "\n  " + FLOOD.replace("Tuesday", "TUESDAY").replace("\n\n", "\n\n\n") + "  ")
    link = compare_copy(as_view(a), as_view(b))
    assert link is not None and link.kind == "duplicate" and link.score == 1.0


def test_stories_copy_with_boilerplate_is_linked_as_copy_with_shared_passage():
    index = StoryIndex()
    wrapped = BOILERPLATE_TOP + FLOOD + BOILERPLATE_BOTTOM
    links = link_documents([doc("orig", FLOOD), doc("aggr", wrapped)], index)
    link = _kinds(links)[frozenset(("orig", "aggr"))]
    assert link.kind == "copy"
    assert (link.a, link.b) == ("orig", "aggr")
    p = link.evidence[0]
    # the shared passage is the article body, located in both texts
    assert FLOOD[p.a_start:p.a_end].startswith("Floodwaters swept")
    assert wrapped[p.b_start:p.b_end] == FLOOD[p.a_start:p.a_end]
    assert "Subscribe" not in wrapped[p.b_start:p.b_end]


def test_stories_reordered_paragraphs_with_one_deleted_is_a_copy():
    paras = FLOOD.split("\n\n")
    edited = "\n\n".join([paras[3], paras[0], paras[2], paras[1], paras[5]])
    link = compare_copy(as_view(doc("a", FLOOD)), as_view(doc("b", edited)))
    assert link is not None and link.kind == "copy"
    assert len(shared_passages(as_view(doc("a", FLOOD)), as_view(doc("b", edited)))) >= 4


def test_stories_spun_article_is_linked_as_spin_with_aligned_sentence_swaps():
    index = StoryIndex()
    links = link_documents([doc("orig", FLOOD), doc("spun", FLOOD_SPUN)], index)
    link = _kinds(links)[frozenset(("orig", "spun"))]
    assert link.kind == "spin"
    assert all(p.kind == "substituted" for p in link.evidence)
    swaps = {s for p in link.evidence for s in p.swaps}
    assert ("residents", "inhabitants") in swaps
    assert ("declared", "announced") in swaps
    # each evidence pair is a sentence of the original aligned with its spun twin
    first = link.evidence[0]
    assert FLOOD[first.a_start:first.a_end].startswith("Floodwaters swept")
    assert FLOOD_SPUN[first.b_start:first.b_end].startswith("Floodwaters swept")


def test_stories_spun_single_paragraph_is_a_spin():
    orig = FLOOD.split("\n\n")[3]
    spun = FLOOD_SPUN.split("\n\n")[3]
    links = link_documents([doc("p1", orig), doc("p2", spun)], StoryIndex())
    link = _kinds(links)[frozenset(("p1", "p2"))]
    assert link.kind == "spin" and link.evidence and link.evidence[0].swaps


def test_stories_unrelated_articles_on_the_same_topic_are_not_linked():
    index = StoryIndex()
    links = link_documents([doc("flood", FLOOD, "River floods Marlow Bridge", published="2024-03-05"),
                            doc("slide", OTHER_FLOOD, "Landslides in Kestrel Valley", published="2024-03-05"),
                            doc("vote", ELECTION, "Civic Alliance wins", published="2024-03-05")], index)
    assert links == []
    assert len({index.story_of(d) for d in ("flood", "slide", "vote")}) == 3


def test_stories_adding_the_same_document_twice_is_a_no_op():
    index = StoryIndex()
    link_documents([doc("a", FLOOD)], index)
    assert link_documents([doc("a", FLOOD)], index) == []


def test_stories_independent_report_of_the_same_event_is_same_story_not_a_copy():
    from stories_texts import FLOOD_OTHER_REPORT

    index = StoryIndex()
    links = link_documents([doc("a", FLOOD, "River floods Marlow Bridge", published="2024-03-05"),
                            doc("b", FLOOD_OTHER_REPORT, "Residents flee Marlow Bridge flood",
                                published="2024-03-05")], index)
    assert [(lk.a, lk.b, lk.kind) for lk in links] == [("a", "b", "same_story")]


def test_stories_sentence_by_sentence_retelling_is_linked_as_translation():
    from stories_texts import FLOOD_RETOLD

    links = link_documents([doc("src", FLOOD, "River floods Marlow Bridge", published="2024-03-05"),
                            doc("mt", FLOOD_RETOLD, "Flood in Marlow Bridge", published="2024-03-06")],
                           StoryIndex())
    link = _kinds(links)[frozenset(("src", "mt"))]
    assert link.kind == "translation"
    kinds = {p.kind for p in link.evidence}
    assert {"aligned", "number", "quote"} <= kinds
    # the shared numbers are shown in both texts
    nums = {(FLOOD[p.a_start:p.a_end], FLOOD_RETOLD[p.b_start:p.b_end])
            for p in link.evidence if p.kind == "number"}
    assert ("1,200", "1,200") in nums and ("2007", "2007") in nums


def test_stories_nearest_documents_are_a_full_sort_cut_to_k_with_ties_in_arrival_order():
    import numpy as np

    from newsgraph.resolve.stories.links import _nearest

    rng = np.random.default_rng(7)
    for _ in range(500):
        cos = rng.integers(-3, 4, size=int(rng.integers(1, 40))).astype(np.float32) / 3
        assert list(_nearest(cos, 10)) == list(np.argsort(-cos, kind="stable")[:10])


def test_stories_vector_matrix_grows_row_by_row_and_survives_pickling():
    import pickle

    import numpy as np

    index = StoryIndex()
    texts = [FLOOD, ELECTION, OTHER_FLOOD, FLOOD_SPUN]
    for n, text in enumerate(texts):
        index.add([doc(f"d{n}", text)])
        assert np.array_equal(index._matrix_now(), np.stack(index._doc_vecs))
    again = pickle.loads(pickle.dumps(index))
    assert again._matrix is None
    assert np.array_equal(again._matrix_now(), np.stack(index._doc_vecs))


def test_stories_links_of_a_document_are_its_links_in_order_and_survive_pickling():
    import pickle

    index = StoryIndex()
    wrapped = BOILERPLATE_TOP + FLOOD + BOILERPLATE_BOTTOM
    for n, text in enumerate([FLOOD, wrapped, FLOOD_SPUN, ELECTION, OTHER_FLOOD, FLOOD]):
        index.add([doc(f"d{n}", text)])
    assert len(index.links) >= 3
    again = pickle.loads(pickle.dumps(index))
    for d in (f"d{n}" for n in range(6)):
        scanned = [lk for lk in index.links if d in (lk.a, lk.b)]
        assert index.links_of(d) == scanned
        assert again.links_of(d) == scanned
    assert index.links_of("never-added") == []
