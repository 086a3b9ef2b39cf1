"""The NER benchmark's reading and scoring (``newsgraph.bench.ner``), on a CoNLL file the test
writes: documents become text with gold spans on the right characters, IOB1 and IOB2 both
read, and scoring is exact span and type."""

from __future__ import annotations

from pathlib import Path

from newsgraph.bench.ner import LABEL_MAP, gold_entities, load_conll, score

CONLL = """-DOCSTART- -X- -X- O

Talks NNS B-NP O
in IN B-PP O
the DT B-NP O
U.S. NNP I-NP B-LOC
, , O O
Mira NNP B-NP B-PER
Dostan NNP I-NP I-PER
said VBD B-VP O
. . O O

-DOCSTART- -X- -X- O

Port NNP B-NP B-ORG
Anselm NNP I-NP I-ORG
Authority NNP I-NP I-ORG
's POS B-NP O
Italian JJ I-NP B-MISC
staff NN I-NP O
"""


def test_documents_become_text_with_gold_spans(tmp_path: Path) -> None:
    path = tmp_path / "valid.txt"
    path.write_text(CONLL, encoding="utf-8")
    first, second = load_conll(path)
    assert first.text == "Talks in the U.S., Mira Dostan said."
    assert [first.text[a:b] + "/" + t for a, b, t in first.gold] == ["U.S./LOC", "Mira Dostan/PER"]
    assert second.text == "Port Anselm Authority's Italian staff"
    assert [second.text[a:b] for a, b, _ in second.gold] == ["Port Anselm Authority", "Italian"]
    assert len(load_conll(path, limit=1)) == 1


def test_iob1_tags_start_an_entity_with_I_and_split_on_B() -> None:
    offsets = [(0, 1), (2, 3), (4, 5), (6, 7)]
    assert gold_entities(["I-PER", "I-PER", "B-PER", "O"], offsets) == [(0, 3, "PER"), (4, 5, "PER")]
    assert gold_entities(["B-LOC", "I-ORG", "O", "I-MISC"], offsets) == [
        (0, 1, "LOC"), (2, 3, "ORG"), (6, 7, "MISC")]


def test_scores_are_exact_span_and_type() -> None:
    gold = [[(0, 4, "LOC"), (6, 17, "PER")]]
    pred = [[(0, 3, "LOC"), (6, 17, "PER"), (20, 25, "ORG")]]  # "U.S" is a miss, not half a hit
    s = score(gold, pred)
    assert (s["all"]["tp"], s["all"]["pred"], s["all"]["gold"]) == (1, 3, 2)
    assert s["types"]["PER"]["f1"] == 1.0 and s["types"]["LOC"]["f1"] == 0.0
    assert score(gold, [[(0, 4, "ORG")]], typed=False)["all"]["tp"] == 1
    assert LABEL_MAP["GPE"] == "LOC" and LABEL_MAP["NORP"] == "MISC" and "DATE" not in LABEL_MAP
