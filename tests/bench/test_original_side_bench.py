"""The original-side benchmark's scoring (newsgraph/bench/original_side.py) on versions the
test writes: per direction, stated and right; sibling pairs given a side counted apart."""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.bench.original_side import Version, score
from newsgraph.resolve.stories.translationese import other_words, text_cues

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "resolve"))
from multilingual_texts import EN_FIRE_CALQUED as EN  # noqa: E402
from multilingual_texts import FR_FIRE  # noqa: E402


def _version(docid: str, origlang: str, lang: str, text: str, other: str) -> Version:
    return Version("t", docid, origlang, lang, text, text_cues(text, lang), {other: other_words(text, lang, other)})


def test_directions_and_siblings_are_scored_apart():
    docs = [
        [_version("1", "fr", "fr", FR_FIRE, "en"), _version("1", "fr", "en", EN, "fr")],  # French original
        [_version("2", "de", "fr", FR_FIRE, "en"), _version("2", "de", "en", EN, "fr")],  # both translate German
    ]
    res = score(docs)
    assert res["directions"] == {"fr→en": {"pairs": 1, "stated": 1, "right": 1}}
    # the same texts told to be two translations of a German original: the reading still
    # names the French, which counts as a sibling pair wrongly given a side
    assert res["siblings"] == {"en–fr": {"pairs": 1, "stated": 1}}
