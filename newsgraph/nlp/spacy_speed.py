"""Cheaper ways for two spaCy components to reach the annotations they always set.

Owns nothing of what a parse says: after ``speed_up`` every token's tag, part of speech,
morphology, lemma and dependency label are exactly what the stock pipeline gives (tested
on texts the tests write, and checked array for array on news corpora). It changes how two
rule components get there, because on news text they cost about a sixth of spaCy's time
(``newsgraph bench throughput``, issue 16; per article on BBC News: attribute ruler ~7 ms,
lemmatizer ~2–5 ms, of ~62 ms for the whole parse):

- **attribute ruler.** Its ``Matcher`` tries each of its rules (179 in ``en_core_web_sm``)
  at each token and evaluates their ``IN`` / ``REGEX`` predicates in Python, though nearly
  every rule names one word or one fine tag ("VBD" → this part of speech and morphology;
  "was" tagged VBD → lemma "be"). Each such rule is now indexed on that value, so a token
  meets only the rules its own tag, word or label can satisfy (one dictionary look-up per
  attribute), and the few rules with no equality test are evaluated over the document's
  token arrays; a pattern of any other form (quantifiers, other attributes) stays with a
  matcher of its own. The match list handed to the stock ``set_annotations`` is the one
  the full matcher gives — the same ``(rule, key, start, end)`` tuples in the same sorted
  order, so later rules still win.
- **rule lemmatizer.** spaCy's ``rule_lemmatize`` caches an answer only when it went
  through the suffix rules, so the commonest tokens (singular nouns, base verbs, proper
  nouns, punctuation) are worked out again at each occurrence. Its answer depends on the
  token's text, part of speech and morphology alone — its own cache key — so every answer
  is kept under that key here, the words a document repeats are looked up once, and the
  lemmas are written back in one array. A new word's suffix rules test each candidate
  form against the lemma index, a list of words per part of speech: the lists answer
  ``in`` from a set.

A pipeline whose components are not the stock factories (or a lemmatizer not in rule
mode, or one set to overwrite) is left as it is. A sped-up component pickles (or copies)
as the stock one it was: the same annotations, at the stock speed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["speed_up"]


def speed_up(nlp: Any) -> Any:
    """Swap in the cheaper matching and lemma look-up on ``nlp``'s attribute ruler and
    lemmatizer where they are spaCy's stock ones; returns ``nlp``."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.lang.fr.lemmatizer import FrenchLemmatizer
    from spacy.pipeline import AttributeRuler, Lemmatizer

    # Lemmatizers whose rule lemma is read from the token's text, part of speech and
    # morphology alone (their code read; another language's may look further).
    pure = (Lemmatizer, EnglishLemmatizer, FrenchLemmatizer)
    for _, pipe in getattr(nlp, "pipeline", ()):  # anything else is not a spaCy pipeline
        if type(pipe) is AttributeRuler and not hasattr(pipe, "_newsgraph_anchors"):
            _indexed_ruler(pipe)
        elif (type(pipe) in pure and pipe.mode == "rule" and not pipe.overwrite
              and not hasattr(pipe, "_newsgraph_lemmas")):
            _cached_lemmatizer(pipe)
    return nlp


#: What ``speed_up`` adds to a component: left out when it is pickled.
_ADDED = frozenset({"match", "set_annotations", "__reduce_ex__", "_newsgraph_anchors",
                    "_newsgraph_lemmas"})


def _reduce(pipe: Any, stock: type, protocol: int) -> Any:
    """Pickle (or copy) a sped-up component as the stock one it was — its closures do not
    pickle —: a copy of the same annotations at the stock speed."""
    plain = stock.__new__(stock)
    # Its state as it stands (a bound method in it still names the component: the pickler
    # memoised it as the object it is writing, so it comes back bound to the copy).
    plain.__dict__.update({k: v for k, v in pipe.__dict__.items() if k not in _ADDED})
    return plain.__reduce_ex__(protocol)


#: Token attributes a compiled pattern may test: read with ``Doc.to_array``, compared as
#: the matcher compares them (string ids, or 0/1 for a flag).
_ARRAY_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "IS_SPACE", "IS_PUNCT", "IS_ALPHA",
                          "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER"})
#: Cap on the regular-expression answers kept per pattern (one per distinct word).
_REGEX_MEMO = 200_000
#: Cap on the lemmas kept (one per distinct word, part of speech and morphology: 12,124 after
#: 300 BBC articles): bounded so a long ingest's memory stays flat (~40 MB at most).
_LEMMA_MEMO = 200_000


class _Test:
    """One attribute test of one pattern token, as the matcher reads it: equal to an id (a
    string value, or 0/1 for a flag), in or not in a set of ids, or (REGEX) a search in the
    attribute's string."""

    __slots__ = ("column", "ids", "kind", "memo", "value")

    def __init__(self, column: int, kind: str, value: Any) -> None:
        self.column, self.kind, self.value = column, kind, value
        self.ids = np.array(sorted(value), dtype=np.uint64) if kind in ("in", "not_in") else None
        self.memo: dict[int, bool] = {}

    def holds(self, v: int, strings: Any) -> bool:
        kind = self.kind
        if kind == "eq":
            return v == self.value
        if kind == "in":
            return v in self.value
        if kind == "not_in":
            return v not in self.value
        return self._search(v, strings)

    def mask(self, column: np.ndarray, strings: Any) -> np.ndarray:
        if self.kind == "eq":
            return column == self.value
        if self.kind == "in":
            return np.isin(column, self.ids)
        if self.kind == "not_in":
            return ~np.isin(column, self.ids)
        return np.isin(column, [v for v in np.unique(column).tolist() if self._search(v, strings)])

    def _search(self, v: int, strings: Any) -> bool:
        memo = self.memo  # asked once per distinct word, not per token
        hit = memo.get(v)
        if hit is None:
            if len(memo) > _REGEX_MEMO:
                memo.clear()
            hit = memo[v] = bool(self.value.search(strings[v]))
        return hit


def _compile(pattern: list[dict[str, Any]], columns: dict[str, int]) -> list[list[_Test]] | None:
    """A pattern as tests per token (``columns`` numbers the attributes read), or None when it
    holds anything but plain tokens with string/flag values and IN / NOT_IN / REGEX on the
    attributes of ``_ARRAY_ATTRS`` (the matcher keeps it)."""
    import re

    from spacy.strings import get_string_id

    out: list[list[_Test]] = []
    for spec in pattern:
        tests: list[_Test] = []
        for attr, value in spec.items():
            if not isinstance(attr, str) or attr.upper() not in _ARRAY_ATTRS:
                return None
            column = columns.setdefault(attr.upper(), len(columns))
            if isinstance(value, bool):
                tests.append(_Test(column, "eq", int(value)))
            elif isinstance(value, str):
                tests.append(_Test(column, "eq", get_string_id(value)))
            elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
                op, values = next(iter(value.items()))
                if not all(isinstance(v, str) for v in values):
                    return None
                tests.append(_Test(column, "in" if op == "IN" else "not_in",
                                   frozenset(get_string_id(v) for v in values)))
            elif isinstance(value, dict) and len(value) == 1 and isinstance(value.get("REGEX"), str):
                tests.append(_Test(column, "regex", re.compile(value["REGEX"])))
            else:
                return None
        if not tests:
            return None
        out.append(tests)
    return out or None


#: Attributes an equality test is indexed on, most selective first.
_ANCHOR_ORDER = ("ORTH", "LOWER", "NORM", "TAG", "DEP")


def _indexed_ruler(ruler: Any) -> None:
    """Match ``ruler``'s rules by dictionary look-ups of each token's attributes: a pattern
    with an equality test (a tag, a word, a label) is indexed on it and only the tokens that
    pass it are tested further; a pattern without one is tested with array operations; any
    other pattern stays with a matcher of its own."""
    from spacy.attrs import IDS
    from spacy.matcher import Matcher
    from spacy.tokens._retokenize import set_token_attrs

    strings = ruler.vocab.strings
    columns: dict[str, int] = {}
    Pattern = tuple[int, int, list[list[_Test]]]  # rule (attribute id), match key, tests
    # anchors[column][value] → (rule, key, offset of the anchored token, width, other tests)
    anchors: dict[int, dict[Any, list[tuple[int, int, int, int, tuple[tuple[int, _Test], ...]]]]] = {}
    unanchored: list[Pattern] = []
    rest = Matcher(ruler.vocab, validate=False)
    for attr_id, rule in enumerate(ruler.patterns):  # in rule order: the position is the id
        key = strings.add(str(attr_id))  # the match id the stock ruler gives this rule
        plain = [_compile(p, columns) for p in rule["patterns"]]
        if any(c is None for c in plain):
            rest.add(str(attr_id), rule["patterns"])
            continue
        for tests in plain:
            assert tests is not None
            pattern = (attr_id, key, tests)
            eqs = [(offset, t) for offset, spec in enumerate(tests) for t in spec if t.kind == "eq"]
            rank = {columns[a]: r for r, a in enumerate(_ANCHOR_ORDER) if a in columns}
            if not eqs:
                unanchored.append(pattern)
                continue
            offset, test = min(eqs, key=lambda e: (rank.get(e[1].column, len(rank)), e[0]))
            others = tuple((k, t) for k, spec in enumerate(tests) for t in spec if t is not test)
            anchors.setdefault(test.column, {}).setdefault(test.value, []).append(
                (attr_id, key, offset, len(tests), others))
    ids = [IDS[a] for a in columns]
    ruler._newsgraph_anchors = anchors

    def match(doc: Any) -> list[tuple[int, int, int, int]]:
        matches: list[tuple[int, int, int, int]] = []
        if len(rest):
            matches = [(int(strings[m_id]), m_id, s, e)
                       for m_id, s, e in rest(doc, allow_missing=True, as_spans=False)]
        n = len(doc)
        if not n or not ids:
            matches.sort()
            return matches
        arr = doc.to_array(ids).reshape(n, len(ids))
        rows = arr.tolist()  # a pattern's other tests read single values
        for column, index in anchors.items():
            get = index.get
            for i, v in enumerate(arr[:, column].tolist()):
                found = get(v)
                if found is None:
                    continue
                for attr_id, key, offset, width, others in found:
                    start = i - offset
                    if start < 0 or start + width > n:
                        continue
                    if not others or all(t.holds(rows[start + k][t.column], strings) for k, t in others):
                        matches.append((attr_id, key, start, start + width))
        for attr_id, key, tests in unanchored:
            width = len(tests)
            if width > n:
                continue
            hit = np.ones(n - width + 1, dtype=bool)
            for k, spec in enumerate(tests):
                for t in spec:
                    hit &= t.mask(arr[:, t.column], strings)[k:k + n - width + 1]
            matches.extend((attr_id, key, s, s + width) for s in np.flatnonzero(hit).tolist())
        matches.sort()
        return matches

    ruler.match = match
    stock_set = ruler.set_annotations
    attrs, indices = ruler.attrs, ruler.indices

    def set_annotations(doc: Any, matches: list[tuple[int, int, int, int]]) -> None:
        # The stock loop, less a Span built per match to find its token.
        n = len(doc)
        for attr_id, _key, start, end in matches:
            index = indices[attr_id]
            at = (start if index >= 0 else end) + index
            if not start <= at < end or at >= n:
                return stock_set(doc, matches)  # its error names the pattern
        for attr_id, _key, start, end in matches:
            index = indices[attr_id]
            set_token_attrs(doc[(start if index >= 0 else end) + index], attrs[attr_id])
        return None

    ruler.set_annotations = set_annotations
    ruler.__reduce_ex__ = lambda protocol: _reduce(ruler, type(ruler), protocol)


class _WordList(list):  # type: ignore[type-arg]
    """A lemma index's word list that answers ``in`` from a set: spaCy's rule lemmatizer
    asks ``form in index`` of lists of up to 66,000 words, a scan each time (~170 µs per
    new word). Still the same list for every other use."""

    __slots__ = ("_members",)

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._members = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._members


def _cached_lemmatizer(lemmatizer: Any) -> None:
    """Keep every rule lemma under its (text, part of speech, morphology) key, write a
    document's lemmas in one array, and let the lemma index answer membership from sets."""
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    if lemmatizer.lookups.has_table("lemma_index"):
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos, words in list(index.items()):
            if type(words) is list and all(isinstance(w, str) for w in words):
                index[pos] = _WordList(words)
    strings = lemmatizer.vocab.strings
    lemmas: dict[tuple[int, int, int], int] = {}
    stock = type(lemmatizer)
    stock_call = stock.__call__

    def call(self: Any, doc: Any) -> Any:
        if self is not lemmatizer or not lemmatizer._validated:
            return stock_call(self, doc)  # validates its tables, as it would
        try:
            arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
            out = arr[:, 3].copy()
            todo = np.flatnonzero(out == 0)
            if not len(todo):
                return doc
            rows = arr[todo, :3].tolist()
            for j, (orth, pos, morph) in zip(todo.tolist(), rows, strict=True):
                key = (orth, pos, morph)
                lemma = lemmas.get(key)
                if lemma is None:
                    if len(lemmas) >= _LEMMA_MEMO:
                        lemmas.clear()
                    lemma = lemmas[key] = strings.add(lemmatizer.lemmatize(doc[j])[0])
                out[j] = lemma
            doc.from_array([LEMMA], out.reshape(-1, 1))
            return doc
        except Exception as e:
            lemmatizer.get_error_handler()(lemmatizer.name, lemmatizer, [doc], e)

    # A pipe is called through its type (``Pipe.pipe`` runs ``self(doc)``): the instance
    # gets a subclass of its own class whose only change is ``__call__``.
    lemmatizer.__class__ = type(stock.__name__, (stock,), {
        "__call__": call, "__module__": __name__,
        "__reduce_ex__": lambda self, protocol: _reduce(self, stock, protocol)})
    lemmatizer._newsgraph_lemmas = lemmas
