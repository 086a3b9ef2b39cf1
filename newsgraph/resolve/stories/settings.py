"""Thresholds of document linking and story clustering, each with why it has its value.

Values were set on synthetic copies and ECB+ topics (``newsgraph.bench.stories``),
never on a seed article.
"""

from __future__ import annotations

#: Words per shingle. Five-word shingles are rare enough by chance in news prose that
#: a shared one means copied text, and short enough to survive scattered edits.
SHINGLE_WORDS = 5

#: MinHash permutations: 128 gives a Jaccard estimate within about ±0.09 (1 sd ≈ 1/√128).
MINHASH_PERMUTATIONS = 128

#: LSH candidate threshold on estimated shingle Jaccard. Low on purpose: LSH only
#: proposes candidates; the exact measures below decide. A copy with half its text
#: replaced by boilerplate still has Jaccard ≈ 0.3.
LSH_THRESHOLD = 0.2

#: A verbatim passage must span at least this many words to count as shared: shorter
#: matches are stock phrases ("the prime minister said on").
MIN_SHARED_WORDS = 8

#: Copy: share of the shorter document's words inside shared passages.
COPY_MIN_COVERAGE = 0.5

#: Spin: two sentences are candidates when their embedding cosine reaches this value
#: (low: static embeddings move a lot when half the words are swapped) …
SPIN_SENTENCE_COSINE = 0.60
#: … and when at least this share of their words match in order (they are the same
#: sentence edited, not a paraphrase).
SPIN_SENTENCE_MIN_OVERLAP = 0.5
#: Share of the shorter document's sentences that must align with word swaps.
SPIN_MIN_ALIGNED_SHARE = 0.4
#: A swap is at most this many words on each side (word spinners swap words and
#: short phrases; longer rewrites are paraphrase).
SPIN_MAX_SWAP_WORDS = 3

#: Translation/retelling: sentences align (by meaning only) at this cosine …
TRANSLATION_SENTENCE_COSINE = 0.80
#: … and the link needs this share of the shorter document's sentences aligned,
TRANSLATION_MIN_ALIGNED_SHARE = 0.5
#: … in the same order for this share of the aligned pairs (a translation follows its
#: source sentence by sentence; an independent report orders facts its own way),
TRANSLATION_MIN_IN_ORDER = 0.7
#: this many shared facts (numbers, quotes, names) …
TRANSLATION_MIN_SHARED_FACTS = 3
#: … and a weighted fact overlap (shared / facts of the smaller side) of at least this.
TRANSLATION_MIN_FACT_OVERLAP = 0.3

#: Story clustering: a document joins a story when its similarity to the story reaches
#: this value (weighted title+lead cosine and entity overlap, see ``clusters``).
#: Chosen on ECB+ topics 1–35 (the only labelled story set we have; the benchmark
#: prints the neighbouring thresholds so the sensitivity is visible).
STORY_JOIN_THRESHOLD = 0.40
#: Weight of the embedding cosine (the rest is entity/event overlap).
STORY_EMBEDDING_WEIGHT = 0.6
#: Words of the lead that go with the title into the story embedding.
STORY_LEAD_WORDS = 60
#: Documents further apart in time than this many days are never the same story
#: (a news event is reported within days; anniversaries are new stories).
STORY_WINDOW_DAYS = 14

#: Documents whose embedding cosine is below this are not even compared for
#: spin/translation (cheap prefilter before sentence alignment).
CANDIDATE_MIN_COSINE = 0.55
#: At most this many nearest documents are compared in detail for each new one.
CANDIDATE_TOP_K = 10

#: Documents whose text view and sentence vectors the index keeps in memory (least
#: recently used first out); the rest are read from their records when they are
#: candidates again. ~60 KB per document (words with offsets dominate), so ~60 MB;
#: recent documents are the likeliest candidates of new ones (same news cycle).
RECORD_CACHE_DOCS = 1024
