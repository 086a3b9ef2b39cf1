"""The multilingual benchmark's scoring (newsgraph/bench/multilingual.py) on the store rows
(``store.bench_queries.TranslationRows``) the test writes: true pairs, original and sibling
pairs apart, original side, story B³ and one-language stories."""

from __future__ import annotations

from newsgraph.bench.multilingual import Article, score
from newsgraph.store.bench_queries import TranslationRows


def _rows(links: list[tuple[str, str, str | None]], stories: dict[str, list[str]],
          langs: dict[str, str]) -> TranslationRows:
    return TranslationRows([(d, f"/tmp/x/{d}.txt", lang) for d, lang in langs.items()],
                           [(a, b, {"original": o}) for a, b, o in links],
                           [(s, d) for s, ds in stories.items() for d in ds])


def test_scores_original_and_sibling_pairs_apart_and_counts_one_language_stories():
    arts = [
        Article("f1.txt", "", "fr", "t/1", "fr"), Article("e1.txt", "", "en", "t/1", "fr"),  # original pair
        Article("f2.txt", "", "fr", "t/2", "de"), Article("e2.txt", "", "en", "t/2", "de"),  # siblings
        Article("f3.txt", "", "fr", "t/3", "en"), Article("e3.txt", "", "en", "t/3", "en"),  # missed
        Article("u1.txt", "", "fr", "u1"), Article("u2.txt", "", "fr", "u2"),  # unrelated French
    ]
    langs = {a.name[:-4]: a.lang for a in arts}
    stored = _rows([("f1", "e1", "f1"), ("f2", "e2", None), ("f3", "u1", None)],
                 {"s1": ["f1", "e1"], "s2": ["f2", "e2"], "s3": ["f3"], "s4": ["e3"], "s5": ["u1", "u2"]}, langs)
    res = score(arts, stored)
    rows = {(r["langs"], r["pairs"]): r for r in res["links"]}
    assert (rows[("en–fr", "original")]["tp"], rows[("en–fr", "original")]["fn"]) == (1, 1)
    assert rows[("en–fr", "sibling")]["tp"] == 1
    assert rows[("en–fr", "all")]["fp"] == 0
    assert rows[("fr–fr", "all")]["fp"] == 1  # f3–u1 links two different French articles
    assert res["original_side"] == {"right": 1, "sibling, no original said": 1}
    assert res["stories_mixed_one_language"] == 1 and res["largest_mixed_one_language"] == 2
    assert res["wmt_groups_whole"] == 2 and res["wmt_groups"] == 3
