"""The reference of native news and the spinning signal built on it, and the reference the
ingest grows from the user's own corpus (texts written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model.document import Document
from newsgraph.nlp.wordnet import wordnet
from newsgraph.pipeline import ingest
from newsgraph.settings import Options
from newsgraph.signals import CollocationModel, spinning
from newsgraph.signals import settings as signal_settings
from newsgraph.signals.spinning import _zipf, near_spelling, substitutions

needs_wordnet = pytest.mark.skipif(wordnet() is None,
                                   reason="WordNet (Debian package wordnet-base) is not installed")
try:
    import wordfreq  # noqa: F401  (general-English word frequencies)
    HAVE_WORDFREQ = True
except ImportError:
    HAVE_WORDFREQ = False
# a twenty-sentence reference cannot show that "arrested" is commoner than "apprehended"
needs_wordfreq = pytest.mark.skipif(not HAVE_WORDFREQ, reason="wordfreq is not installed")

# A few dozen native sentences: the reference a test builds.
NATIVE = [
    "Shares closed at a record high on Thursday as investors bought bank stocks.",
    "The index hit a record high after the central bank cut interest rates.",
    "Oil prices rose to a record high because of fears over supply.",
    "Gold traded near a record high in London on Friday.",
    "The currency fell from its record high against the dollar.",
    "Profits reached a record high last year, the company said.",
    "House prices are at a record high in the capital.",
    "The stock market set a record high for the third day.",
    "Exports climbed to a record high in March, official figures showed.",
    "Unemployment fell while wages reached a record high.",
    "Police arrested two men after the attack on the embassy.",
    "The minister said the government would raise taxes next year.",
    "Officials said the talks would resume in Geneva next week.",
    "The company said it would cut jobs at the plant.",
    "Inflation fell to two percent in January, the lowest for a decade.",
    "The president met the prime minister at the summit in Paris.",
    "Rescue workers searched the rubble for survivors on Sunday.",
    "The court ruled that the law breached human rights.",
    "Voters went to the polls in the general election on Thursday.",
    "The bank raised interest rates for the second time this year.",
]
SPUN = "Shares closed at a memorialise high on Thursday as investors bought bank stocks."


def test_reference_counts_add_remove_and_round_trip():
    ref = CollocationModel.from_texts(NATIVE)
    assert ref.pair("record", "high") == 10 and ref.docs == len(NATIVE)
    words = ref.total
    ref.add_text("A record high again.")
    assert ref.pair("record", "high") == 11
    ref.remove_text("A record high again.")
    assert ref.pair("record", "high") == 10 and ref.total == words
    back = CollocationModel.from_bytes(ref.to_bytes())
    assert back.bigrams == ref.bigrams and back.unigrams == ref.unigrams and back.docs == ref.docs


def test_reference_leave_one_out_view_does_not_count_the_article_itself():
    ref = CollocationModel.from_texts([*NATIVE, "The rogue trader lost a fortune."])
    view = ref.excluding("The rogue trader lost a fortune.")
    assert ref.pair("rogue", "trader") == 1 and view.pair("rogue", "trader") == 0
    assert view.pair("record", "high") == 10  # the rest of the counts stay
    assert ref.pair("rogue", "trader") == 1  # the model itself is untouched


@needs_wordnet
def test_spinning_flags_a_rare_synonym_where_native_news_has_a_fixed_phrase():
    ref = CollocationModel.from_texts(NATIVE)
    found = substitutions(SPUN, ref)
    assert [e.text for e in found] == ["memorialise"]
    assert "a record high" in found[0].note  # the substitution is the evidence
    # the native sentence it came from is not flagged, nor are the other native sentences
    assert substitutions(NATIVE[0], ref.excluding(NATIVE[0])) == []


@needs_wordnet
def test_spinning_flags_a_near_spelling_of_a_wordnet_compound():
    ref = CollocationModel.from_texts(NATIVE)
    found = substitutions("Officials called it a rouge state that ignored its neighbours.", ref)
    assert any(e.text == "rouge state" and "rogue state" in e.note for e in found)
    assert substitutions("Officials called it a rogue state that ignored its neighbours.", ref) == []


def test_near_spelling_is_not_inflection():
    assert near_spelling("rouge", "rogue")
    assert not near_spelling("office", "officer")
    assert not near_spelling("state", "states")
    assert not near_spelling("cat", "cut")  # too short to tell


@needs_wordnet
def test_spinning_signal_flag_needs_several_swaps():
    ref = CollocationModel.from_texts(NATIVE)
    # "commemorate" for "record": an everyday word out of context, one swap
    text = SPUN.replace("memorialise", "commemorate")
    sig = spinning(Document(id="s", path="s", text=text), ref)
    assert sig.value is not None and sig.details["instances"] == 1
    assert not sig.flagged  # one swap is a cue in the evidence, not enough to flag
    # "memorialise" is rare in general English too: in a sentence it weighs as two swaps
    rare = spinning(Document(id="s", path="s", text=SPUN), ref)
    assert rare.details["instances"] == 1
    assert rare.flagged == (_zipf("memorialise") is not None)


A = """Port strike closes harbour

Dock workers at the harbour of Port Anselm walked out on Monday, and the port authority said ships were diverted to other harbours.
The union said the strike would last until the port authority agreed to talks. Shares in shipping companies fell to a record low.
"""
B = """Harbour talks collapse

Talks between the union and the port authority collapsed on Tuesday. The union said its members would stay out until wages rose.
Shipping companies said the strike had cost them millions. The port authority said it was ready for new talks with the union.
"""
C = """Strike spreads to second port

The strike spread to a second port on Wednesday, the union said. The port authority called it a rouge state of affairs and asked the government to help.
"""


def _signal(store, doc_id: str, name: str):
    row = store.conn.execute("SELECT value, data FROM signals WHERE subject = ? AND name = ?",
                             (doc_id, name)).fetchone()
    return row


def test_ingest_grows_a_reference_and_measures_spinning_once_it_is_large_enough(
        tmp_path: Path, store, monkeypatch):
    monkeypatch.setattr(signal_settings, "REFERENCE_MIN_WORDS", 60)
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(A)
    (first / "b.txt").write_text(B)
    (second / "c.txt").write_text(C)

    ingest([first], store, Options())
    ids = [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY rowid")]
    assert len(ids) == 2
    # the first batch was scored against an empty reference, then counted; once the counts
    # passed the threshold its documents got their signal, each without its own counts
    for doc_id in ids:
        value, _ = _signal(store, doc_id, "spinning")
        assert value is not None
    stage = store.conn.execute("SELECT data FROM resolver_state WHERE stage = 'reference'").fetchone()
    assert stage is not None and CollocationModel.from_bytes(stage[0]).pair("port", "authority") >= 4

    ingest([second], store, Options())
    (c_id,) = [r[0] for r in store.conn.execute("SELECT id FROM documents WHERE path LIKE '%c.txt'")]
    value, data = _signal(store, c_id, "spinning")
    assert value is not None and value > 0
    if wordnet() is not None:
        assert "rogue state" in data and "rouge state" in data


def test_ingest_spinning_is_not_measured_below_the_threshold_without_the_packaged_default(
        tmp_path: Path, store, monkeypatch):
    import newsgraph.signals.native_reference as native

    monkeypatch.setattr(native, "packaged_bigrams", lambda: None)
    monkeypatch.setattr(signal_settings, "REFERENCE_MIN_WORDS", 10_000_000)
    (tmp_path / "a.txt").write_text(A)
    ingest([tmp_path], store, Options())
    (doc_id,) = [r[0] for r in store.conn.execute("SELECT id FROM documents")]
    value, data = _signal(store, doc_id, "spinning")
    assert value is None and "Not measured" in data


def test_a_store_without_reference_counts_its_documents_and_catches_them_up(
        tmp_path: Path, store, monkeypatch):
    from newsgraph.resolve_job import CorpusResolver

    monkeypatch.setattr(signal_settings, "REFERENCE_MIN_WORDS", 10_000_000)
    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(B)
    ingest([tmp_path], store, Options())
    # a store written before the reference existed
    store.conn.execute("DELETE FROM resolver_state WHERE stage LIKE 'reference%'")
    store.conn.commit()
    resolver = CorpusResolver(store)
    assert resolver.signals.reference.docs == 2 and len(resolver.signals._reference_pending) == 2
    monkeypatch.setattr(signal_settings, "REFERENCE_MIN_WORDS", 60)
    resolver.signals._reference_catch_up()
    resolver.commit()
    values = [r[0] for r in store.conn.execute("SELECT value FROM signals WHERE name = 'spinning'")]
    assert len(values) == 2 and all(v is not None for v in values)
    assert not resolver.signals._reference_pending


SPUN_PARAGRAPH = ("Shares closed at a memorialise high on Thursday as investors bought bank stocks. "
                  "Police apprehended two men after the attack on the embassy. "
                  "The minister said the regime would raise taxes next twelvemonth.")


@needs_wordnet
@needs_wordfreq
def test_spun_paragraph_is_flagged_with_each_swap_as_evidence_and_native_text_is_not(monkeypatch):
    # a reference of twenty sentences attests each phrase once or twice
    monkeypatch.setattr(signal_settings, "SPIN_CONTEXT_MIN_COUNT", 1)
    ref = CollocationModel.from_texts(NATIVE)
    sig = spinning(Document(id="s", path="s", text=SPUN_PARAGRAPH), ref)
    assert sig.flagged
    shown = {e.text: e.note for e in sig.evidence}
    assert {"memorialise", "apprehended", "twelvemonth"} <= set(shown)
    assert "“Police arrested two”" in shown["apprehended"]
    for sentence in NATIVE:  # each native sentence against the others
        assert not spinning(Document(id="n", path="n", text=sentence), ref.excluding(sentence)).flagged


@needs_wordnet
@needs_wordfreq
def test_machine_translation_counts_unidiomatic_words_as_a_kind(monkeypatch):
    from newsgraph.signals import machine_translation

    monkeypatch.setattr(signal_settings, "SPIN_CONTEXT_MIN_COUNT", 1)
    ref = CollocationModel.from_texts(NATIVE)
    text = SPUN_PARAGRAPH + " The Cheollima group denied it. A Chollima group spokesman said so."
    sig = machine_translation(Document(id="m", path="m", text=text), ref)
    assert "unidiomatic_word" in sig.details["kinds_present"]
    assert "name_variant" in sig.details["kinds_present"]
    assert sig.flagged  # a name spelled two ways plus unidiomatic word choice
    native = machine_translation(Document(id="n", path="n", text=NATIVE[0]), ref.excluding(NATIVE[0]))
    assert not native.flagged and native.details["counts"]["unidiomatic_word"] == 0
