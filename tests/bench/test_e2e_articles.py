"""The end-to-end benchmark's article files and alignment (``newsgraph.bench.e2e``), on tokens
the test writes: detokenised text keeps every token's offsets, and a cleaned text that drops
a line and alters another still maps the tokens it kept."""

from __future__ import annotations

from newsgraph.bench.e2e import align, build_article, detokenize, token_spans
from newsgraph.eval.ecbplus import EcbDocument, EcbToken


def _tokens(sentences: list[str]) -> list[EcbToken]:
    out, t_id = [], 1
    for n, s in enumerate(sentences):
        for k, w in enumerate(s.split(" ")):
            out.append(EcbToken(t_id, n, k, w))
            t_id += 1
    return out


def test_detokenize_attaches_punctuation_quotes_and_split_words() -> None:
    toks = _tokens(['`` We are fine , \'\' the court - mandated spokesman said at 1 : 32 , Kim ’ s aide .'])
    text, spans = detokenize(toks)
    assert text == '"We are fine," the court-mandated spokesman said at 1:32, Kim’s aide.'
    for tok, (s, e) in zip(toks, spans, strict=True):
        assert text[s:e] == {"``": '"', "''": '"'}.get(tok.text, tok.text)


def test_dash_kept_apart_when_the_tokenizer_kept_hyphenated_words() -> None:
    text, _ = detokenize(_tokens(["a while - at least"]), split_hyphens=False)
    assert text == "a while - at least"


def test_article_has_title_line_and_paragraphs_without_the_url() -> None:
    doc = EcbDocument("9_1ecbplus", 9, "ecbplus",
                      _tokens(["http : / / example . org / story", "Storm floods the valley",
                               "Rain fell for days .", "Roads closed ."]))
    art = build_article(doc)
    assert art.text == "Storm floods the valley\n\nRain fell for days.\n\nRoads closed.\n"
    assert art.title_sentence == 1 and 0 not in art.sentences


def test_alignment_survives_dropped_and_altered_lines() -> None:
    doc = EcbDocument("9_2ecb", 9, "ecb", _tokens(["Rain fell for days .", "Share this story",
                                                   "Roads closed near the river ."]))
    art = build_article(doc)
    # The cleaner dropped the share line and changed a word's spelling in the last one.
    clean = "Rain fell for days.\n\nRoads c1osed near the river."
    spans = token_spans(art, align(art.text, art.paragraphs, clean))
    words = {t.t_id: t.text for t in doc.tokens}
    kept = {words[t]: clean[s:e] for t, (s, e) in spans.items()}
    assert kept["Rain"] == "Rain" and kept["river"] == "river"
    assert "Share" not in kept


def test_replay_overrides_are_typed_resolver_options() -> None:
    import argparse

    import pytest

    from newsgraph.bench.e2e import _overrides

    ap = argparse.ArgumentParser()
    assert _overrides(["undated_pairs=True", "threshold=0.4", "max_candidates=10"], ap) == {
        "undated_pairs": True, "threshold": 0.4, "max_candidates": 10}
    with pytest.raises(SystemExit):
        _overrides(["no_such_option=1"], ap)
