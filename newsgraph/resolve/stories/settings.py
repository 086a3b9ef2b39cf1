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

# -- across languages (multilingual-e5-small vectors, ``crosslingual``) ---------------
# Tuned on WMT newstest2008–2010 fr/en (``newsgraph bench multilingual --years
# 2008-2010``); 2011–2013 are reported, not tuned on.

#: Words of the lead that go with the title into a document's multilingual vector. A
#: French article and its English translation are each other's nearest neighbour
#: among 320 pairs 99.7 % of the time from the title and 60 words.
ML_LEAD_WORDS = 60
#: Multilingual candidates: the nearest documents by that vector, at most this many …
ML_CANDIDATE_TOP_K = 3
#: … whose cosine reaches this (translations score 0.84–0.97; E5 puts unrelated news
#: around 0.74, so this only drops the clearly unrelated).
ML_CANDIDATE_MIN_COSINE = 0.80
#: A sentence and its translation: E5 cosine at least this.
CROSS_SENTENCE_COSINE = 0.83
#: … and its ratio margin at least this: its cosine over the mean of each side's nearest
#: sentences in the other document (``crosslingual.margin_matrix``) …
CROSS_SENTENCE_MARGIN = 1.03
#: … over this many nearest sentences.
CROSS_MARGIN_NEIGHBOURS = 4
#: A translation aligns at least this share of the shorter document's sentences, in order …
CROSS_MIN_ALIGNED_SHARE = 0.5
#: … and at least this many sentences (a two-line brief is too little to tell).
CROSS_MIN_ALIGNED = 2
#: … and their mean cosine at least this: a translation's aligned sentences average
#: 0.885 or more on the tuning sample (newstest2008–2010, 60 documents), while two
#: three-line briefs on other subjects aligned two lines at 0.856 (title and dateline).
CROSS_MIN_MEAN_COSINE = 0.87
#: When both sides carry at least this many distinct numbers …
CROSS_NUMBERS_CHECKED = 3
#: … at least this share of the smaller side's numbers are found in the other.
CROSS_MIN_NUMBER_OVERLAP = 0.5
#: Sentences of each side that are embedded and aligned: the first this many. A
#: translation follows its original from the top, so the head of both decides; a long
#: article costs no more than a short one (E5 runs ~140 sentences/s on a quiet core,
#: a few per second on this shared machine).
ML_ALIGN_MAX_SENTENCES = 10
#: Documents kept with their multilingual sentence vectors in memory (computed only when
#: a document is a candidate; about 25 sentences × 1.5 KB each).
ML_SENTENCE_CACHE_DOCS = 2048
#: When the first non-English document arrives, the latest this many documents get a
#: multilingual vector (an English-only corpus never pays for one); older documents
#: are not candidates of translations across languages.
ML_BACKFILL_DOCS = 4000
#: Story clustering of documents compared by multilingual vector: the E5 cosine is mapped
#: linearly onto the WordLlama scale so that one join threshold serves both. The anchors
#: are each model's mean title+lead cosine over same-story pairs and over different-topic
#: pairs of 300 ECB+ documents of odd topics 1–35 (the story benchmark's tuning topics):
WL_SAME_STORY = 0.605
WL_OTHER_TOPIC = 0.059
E5_SAME_STORY = 0.910
E5_OTHER_TOPIC = 0.767
