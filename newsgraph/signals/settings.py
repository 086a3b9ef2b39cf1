"""Thresholds of the per-article signals, each with why it has its value.

A flag is a cue for the analyst to look, never a verdict. Thresholds were set so
that fewer than 2% of native English news articles (BBC 2004–05, Reuters-21578)
are flagged — see ``python -m newsgraph.bench.signals`` — never on a seed article.
"""

from __future__ import annotations

#: Boilerplate share (removed characters / all characters) above which an article is
#: flagged as mostly page chrome: a real article's body dominates its page text.
BOILERPLATE_FLAG_SHARE = 0.3

#: Transliteration variants: two spellings of one name whose letter skeletons differ
#: only in vowels/h/y/w (Cheollima/Chollima, Mohammed/Muhammad) or in spacing and
#: hyphens (Kim Jong-nam/Kim Jong Nam). Skeletons shorter than this are too short
#: to tell a variant from a different name.
VARIANT_MIN_LETTERS = 6
#: Letters whose insertion, deletion or substitution marks a transliteration variant.
VARIANT_LETTERS = frozenset("aeiouyhw")

#: A sentence-initial He/She with no person named in this many preceding sentences
#: (nor earlier in its own sentence) has no antecedent: MT often renders an
#: organisation or a newspaper as "she" (Arabic and French gender nouns).
PRONOUN_WINDOW_SENTENCES = 3

#: Unexpected collocations: a bigram of two known words never seen in the reference
#: while independence predicts it at least this many times.
COLLOCATION_MIN_EXPECTED = 1.0
#: A word is "known" when the reference holds it at least this often.
COLLOCATION_MIN_WORD_COUNT = 20

#: Spinning artefacts: a reference collocation must occur this often, with this
#: pointwise mutual information (log2), to count as a fixed expression …
FIXED_MIN_COUNT = 3
FIXED_MIN_PMI = 5.0

#: Machine-translation flag: points per artefact kind present, flagged at
#: ``MT_FLAG_POINTS``. Kinds native news rarely shows (a name spelled two ways, a
#: gendered pronoun for an organisation: 1–5% of held-out BBC/Reuters articles) weigh
#: 2; kinds it shows often (unpaired quotes: a third of BBC articles; unidiomatic word
#: pairs against a sparse reference) weigh 1. So one rare kind plus one more flags;
#: loose quotes plus odd word pairs alone do not.
MT_KIND_POINTS = {"name_variant": 2, "pronoun_no_antecedent": 2, "broken_quote": 1,
                  "unexpected_collocation": 1}
MT_FLAG_POINTS = 3
#: Unexpected collocations count as a kind present only at this many per 100 examined
#: bigrams (the 98th percentile of native articles was 4–6 with a 1.6M-word reference).
MT_FLAG_COLLOCATION_RATE = 5.0

#: Words among the reference's most frequent this many are never counted as swapped
#: (function words, "said": WordNet lists "be" and "have" as synonyms of much).
SPIN_COMMON_WORDS = 200
#: A synonym swap counts only when the text's own pair was expected at least this
#: often by chance: then its absence from native news is evidence.
SPIN_MIN_EXPECTED = 0.5

#: Spinning flag: at least this many improbable substitutions in fixed expressions
#: (native articles showed up to 3 at the 98th percentile: the reference is sparse).
SPIN_FLAG_MIN = 4

#: Attribution: speaker texts that mark an anonymous source (general news usage).
ANONYMOUS_SPEAKERS = (
    "source", "sources", "official", "officials", "insider", "insiders", "person familiar",
    "people familiar", "aide", "aides", "diplomat", "diplomats", "spokesman", "spokeswoman",
    "spokesperson", "analyst", "analysts", "observers", "reports", "witnesses",
)
#: Certainty values (from extract/claims) that count as hedged.
HEDGED_CERTAINTY = ("hedged", "alleged", "reported", "possible", "probable", "uncertain", "denied")
