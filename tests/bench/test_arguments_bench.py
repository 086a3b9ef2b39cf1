"""The arguments bench's halves: development (odd file numbers) and held out (even)."""

from pathlib import Path

from newsgraph.bench.arguments import bare_pronoun, in_half


def test_halves_split_by_file_number() -> None:
    assert in_half(Path("business/001.txt"), "odd")
    assert not in_half(Path("business/001.txt"), "even")
    assert in_half(Path("sport/120.txt"), "even")
    assert in_half(Path("sport/120.txt"), None)
    assert not in_half(Path("README.txt"), "odd")


def test_bare_pronoun() -> None:
    assert bare_pronoun("It")
    assert bare_pronoun("“we”")
    assert not bare_pronoun("the company")


def test_the_judged_residue_holds_at_least_100_cases() -> None:
    from newsgraph.bench.arguments import judged_residue

    counts = judged_residue()
    assert sum(counts.values()) >= 100
    assert {"pleonastic", "named-unlinked", "quotation-first-person"} <= set(counts)


def test_the_judged_links_are_forty_with_a_reason_for_each_wrong_one() -> None:
    import json
    from pathlib import Path

    from newsgraph.bench.arguments import judged_links

    assert sum(judged_links().values()) == 40
    path = Path(__file__).parents[2] / "newsgraph" / "bench" / "data" / "pronoun_links_odd.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert all(r["right"] or r.get("reason") for r in rows)
    assert sum(judged_links("pronoun_links_dropped_odd.jsonl").values()) == 36


def test_the_third_rounds_judgements_give_a_reason_for_each_wrong_one() -> None:
    import json

    from newsgraph.bench.arguments import judged_links

    data = Path(__file__).parents[2] / "newsgraph" / "bench" / "data"
    assert sum(judged_links("pronoun_links_pn17_odd.jsonl").values()) == 40
    assert sum(judged_links("speakers_pn17_odd.jsonl").values()) == 30
    assert sum(judged_links("pronoun_links_dropped_pn17_odd.jsonl").values()) == 71
    for name in ("pronoun_links_pn17_odd.jsonl", "speakers_pn17_odd.jsonl"):
        rows = [json.loads(line) for line in (data / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        assert all(r["right"] or r.get("reason") for r in rows)
        assert all(r["file"].count("/") == 1 for r in rows)  # ids and offsets, no article text


def test_the_eighth_rounds_judgements_cover_every_change_with_a_reason() -> None:
    import json

    from newsgraph.bench.arguments import judged_by_change

    data = Path(__file__).parents[2] / "newsgraph" / "bench" / "data"
    for name in ("pronoun_links_pro24_odd.jsonl", "pronoun_links_dropped_pro24_odd.jsonl",
                 "we_named_speakers_pro24_odd.jsonl"):
        rows = [json.loads(line) for line in (data / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        assert rows and all(r.get("reason") and r.get("change") for r in rows)
        assert all(r["file"].count("/") == 1 and r["start"] < r["end"] for r in rows)
    # The kept rules' new links were all right by hand; the dropped rule's were not.
    found = judged_by_change("pronoun_links_pro24_odd.jsonl")
    assert found[("embedded-subject", "wrong")] == 0 and found[("continued-description", "wrong")] == 0
    assert judged_by_change("we_named_speakers_pro24_odd.jsonl")[("we-named-speaker", "wrong")] > 0
