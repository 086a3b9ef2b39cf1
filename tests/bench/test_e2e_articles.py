"""The end-to-end benchmark's article files and alignment (``newsgraph.bench.e2e``), on tokens
the test writes: detokenised text keeps every token's offsets, and a cleaned text that drops
a line and alters another still maps the tokens it kept."""

from __future__ import annotations

from newsgraph.bench.e2e import align, build_article, detokenize, token_spans
from newsgraph.eval.ecbplus import EcbDocument, EcbMention, EcbToken


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


def _mention(doc: EcbDocument, m_id: str, cls: str, words: list[str], cluster: str) -> EcbMention:
    toks = [t for t in doc.tokens if t.text in words]
    return EcbMention(doc.name, doc.topic, doc.subtopic, m_id, cls, cls, [t.t_id for t in toks],
                      toks[0].sentence, " ".join(t.text for t in toks), cluster, True)


def test_nested_tokens_are_a_location_whole_and_the_words_before_a_participants_head() -> None:
    """ECB+ marks a participant's head and a location whole, and nothing inside either
    (guidelines §2.2.1): "US" of "the US soldiers", "his" of "his brother", "Maine" of
    "Portland, Maine" are inside a gold mention's extent; the subject "Police" is not."""
    from newsgraph.bench.e2e import nested_tokens

    doc = EcbDocument("9_3ecb", 9, "ecb", _tokens(["Police said the US soldiers met his brother in Portland , Maine ."]))
    gold = [_mention(doc, "1", "HUMAN", ["soldiers"], "a"), _mention(doc, "2", "HUMAN", ["brother"], "b"),
            _mention(doc, "3", "LOC", ["Portland", ",", "Maine"], "c")]
    words = {t.t_id: t.text for t in doc.tokens}
    nested = {words[t] for t in nested_tokens([doc], gold)["9_3ecb"]}
    assert {"US", "his", "Portland", "Maine", "soldiers", "brother"} <= nested
    assert not nested & {"Police", "said", "met", "in"}


def test_entity_errors_list_unmatched_exports_and_missed_gold_with_their_sentence() -> None:
    from newsgraph.bench.e2e import _entity_errors

    doc = EcbDocument("9_4ecb", 9, "ecb", _tokens(["Smith met Jones in Rome ."]))
    gold = [_mention(doc, "1", "HUMAN", ["Smith"], "a"), _mention(doc, "2", "HUMAN", ["Jones"], "b")]
    records = [{"kind": "entity", "id": "e1", "name": "Smith", "type": "PERSON",
                "mentions": [{"doc": "d1", "start": 0, "end": 5, "text": "Smith", "kind": "name"}]},
               {"kind": "entity", "id": "e2", "name": "Rome", "type": "GPE",
                "mentions": [{"doc": "d1", "start": 19, "end": 23, "text": "Rome", "kind": "name"}]}]
    pred = [(("e1", "d1", 0, 5, 0), "9_4ecb", [1]), (("e2", "d1", 19, 23, 0), "9_4ecb", [5])]
    errors = _entity_errors(records, pred, {pred[0][0]: gold[0]}, gold, {"9_4ecb": doc}, {}, {})
    assert [(r["text"], r["type"], r["sentence"]) for r in errors["false_positives"]] == [
        ("Rome", "GPE", "Smith met Jones in Rome .")]
    assert [r["text"] for r in errors["missed"]] == ["Jones"]


def test_an_apposition_is_inside_the_markable_of_the_name_it_describes() -> None:
    """"David Cameron, the Prime Minister of Britain": the guidelines mark the most specific
    part (the name); the appositive is inside that bigger markable."""
    from newsgraph.bench.e2e import nested_tokens

    doc = EcbDocument("9_5ecb", 9, "ecb", _tokens(["David Cameron , the Prime Minister of Britain , met voters ."]))
    gold = [_mention(doc, "1", "HUMAN", ["David", "Cameron"], "a")]
    words = {t.t_id: t.text for t in doc.tokens}
    nested = {words[t] for t in nested_tokens([doc], gold)["9_5ecb"]}
    assert {"Prime", "Minister", "Britain"} <= nested
    assert not nested & {"met", "voters"}
