"""Every threshold of entity resolution in one place, each with why it has its value.

Values were set on the odd-numbered ECB+ topics (dev) and checked on the even ones
(held out); ``python -m newsgraph.bench.entities`` prints both. From the fifth round
on, both halves of topics 1–35 were development (the even half had been read after
every earlier round; ECB+'s test topics 36–45 are not in ``../shared/data``): a rule
was kept only when neither half lost more than 0.1 CoNLL F1 and the two gained
together. None was set on the seed articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ResolverOptions"]


@dataclass(slots=True)
class ResolverOptions:
    # --- within a document -------------------------------------------------------
    #: A bare surname/given name picks among several full-name candidates only when the
    #: best candidate's cue score beats the runner-up by this margin; otherwise it stays
    #: unresolved (with a reason) rather than go to a coin flip.
    partial_margin: float = 0.25
    #: Sentences back a candidate counts as "recent" for a bare name or a pronoun.
    recency_window: int = 3
    #: Link he/she/his/her… to the most recent compatible person chain (only matters
    #: when mentions include pronouns, as ECB+ gold mentions do; NER never emits them).
    resolve_pronouns: bool = True
    #: they/them/their may also point to a plural description of people ("the guards").
    plural_people: bool = True
    #: it/its/they prefer the most recent subject (this or the previous sentence) over
    #: the nearest noun ("Microsoft issued a patch for a flaw in its browser").
    pronoun_subject_groups: tuple[str, ...] = ("nonperson", "plural")
    #: Sentences back a pronoun looks for its antecedent (0 = same sentence).
    pronoun_window: int = 5
    #: A relative pronoun whose clause the parse hangs on no mention joins the mention it
    #: directly follows ("North Carolina (10-0), which"; ``within.ChainBuilder._adjacent_chain``).
    #: Measured on ECB+ dev, topics 1, 5, …, 33 / 3, 7, …, 35: within topics 80.09 → 80.44
    #: / 76.71 → 76.87, whole corpus 78.66 → 79.01 / 76.96 → 77.11.
    relative_adjacent: bool = True
    #: ... and any relative pronoun only a chain its animacy fits: "who" a person or a
    #: body of people, "which" no person, "where" a place — also where the parse attached
    #: it (no change on ECB+ dev beyond the adjacency rule's own check).
    relative_animacy: bool = True
    #: A plain object pronoun is never the subject of its own verb ("the driver struck
    #: her"; Binding Theory Principle B), and the person-description fallback respects the
    #: sex a description is marked with ("her" is not "the man"). Measured together (dev
    #: halves as above): within topics 80.22 → 80.44 / 76.87 unchanged, whole corpus 78.77
    #: → 79.01 / 77.11 unchanged — no mention of the second half is affected; of the 21
    #: mentions of the first half whose chain changes, none loses a right partner.
    pronoun_coarguments: bool = True
    pronoun_fallback_gender: bool = True
    #: With no named antecedent in reach, a pronoun continues a recent chain of the same pronoun.
    pronoun_chains: bool = True
    #: With no named person in reach, he/she may refer to a singular person description.
    pronoun_nominal_fallback: bool = True
    pronoun_nominal_window: int = 1
    #: Also chain the pronouns and definite descriptions the annotator found in the text
    #: (``AnnotatedDocument.references``), keeping only the links the text makes clear
    #: (``referring``). Off, only the mentions handed in are chained.
    referring_mentions: bool = True
    #: ... and build the participants the text describes and refers back to but never
    #: names ("A gunman … The gunman … He"), each a closed entity of its document
    #: (``unnamed``); with ``unnamed_things``, made objects too ("a car … the car").
    unnamed_referents: bool = True
    unnamed_things: bool = True
    #: ... and a person or body described once that the text singles out ("a judge
    #: sentenced …", "killed a woman", "police"), an unnamed entity of one mention (rule
    #: ``participant``); off, a description nothing refers back to is left out.
    unnamed_lone: bool = True
    #: Link the names the model finds in the document's title (``AnnotatedDocument
    #: .title_mentions``) to the text's chains by name, a name only the title has a chain
    #: of its own (``headline``); off, titles hold no mention.
    headline_mentions: bool = True
    #: ... and find in the title the text's names the tagger did not find there (a name
    #: of exactly one chain of the text, written in the title: ``headline._text_names``).
    headline_text_names: bool = True
    #: ... and link a head noun of the title to the one chain of the text described with
    #: that noun, in the same number ("Driver" of "Woman Killed, Driver Charged" and the
    #: text's "the driver": ``headline._text_descriptions``).
    headline_descriptions: bool = True
    #: Link a common-noun mention to an earlier one with the same head lemma.
    link_nominals: bool = True
    #: ... only when both agree in number and the later one is not introduced as new
    #: ("a prison", "another facility", "9 points").
    nominal_agreement: bool = True
    #: ... or, failing that, to the earlier one whose head is most related, at least this
    #: much (``lexical.head_similarity``: WordNet synonym or wordllama cosine); 0 = off
    #: (measured on ECB+ dev: whole corpus 76.6 → 76.8, within topics unchanged at 77.5).
    within_related_heads: float = 0.5
    #: Link a description ("the actress", "the company") to the document's most
    #: mentioned name of the same type — news keeps its protagonist in focus.
    link_descriptions: bool = True
    descriptions_definite_only: bool = True
    #: Type groups (``scoring.TYPE_GROUPS``, facilities apart from places) whose descriptions
    #: go to the most mentioned name: people, organisations, places and facilities are kept
    #: in focus by name ("the actress", "the company", "the clinic"); a definite "thing"
    #: ("the patch", "the flaw") is rarely the named product the article is about
    #: (measured: ECB+ dev 74.5 → 74.6, the catch-all merge of a browser with its flaws gone).
    #: Places left out: "the nation", "the scene", "into the air" went to the most
    #: mentioned city or street 12 times in 17 on ECB+ dev (dev CoNLL 76.6 → 76.9).
    description_groups: tuple[str, ...] = ("person", "org", "facility")
    #: Link a noun in apposition to a name, or used as its title ("actress Lindsay Lohan").
    link_appositions: bool = False  # measured neutral-to-negative on ECB+ dev (71.7 → 71.6)
    #: Link a description chain to the one name the document describes with its head noun
    #: (title noun, apposition or copula: "inmate Arcade Comeaux" → "the inmate").
    link_described: bool = True
    #: When the description fits several described names, the strictly most mentioned wins.
    described_salience_tiebreak: bool = False  # measured neutral on ECB+ dev (75.7 either way)
    #: At the end of a document, a sex-marked description still alone ("a woman") joins
    #: the one named person the text marks with that sex (measured: ECB+ dev +0.2; the
    #: same rule without a sex cue, "the driver" → the most mentioned person, cost 0.2).
    late_gendered_descriptions: bool = True
    #: A lead's singular person description, a subject without a definite article in the
    #: first ``lede_sentences`` + 1 sentences ("An alleged mafia boss hanged himself"), still
    #: alone at the end, joins the one person named first within ``lede_window`` sentences
    #: after it (``within.ChainBuilder._lede_descriptions``). Measured as ``absorb_bare_names``:
    #: within topics 79.16 → 79.15 / 74.87 → 75.03, whole corpus 78.21 → 78.20 / 73.95 → 74.14.
    #: Without the subject-in-a-later-sentence condition it took the victim for the culprit
    #: ("An arsonist set fire to Sarah Palin's church"): odd topics 79.15 → 78.9.
    lede_descriptions: bool = True
    lede_sentences: int = 1
    lede_window: int = 2
    #: A shorter multi-word name before the one longer name holding its words joins it.
    late_subsets: bool = True
    #: A one-word loose transliteration of a name introduced earlier in the document joins
    #: it when it is the only candidate and types reconcile (``within._late_skeletons``).
    within_skeletons: bool = True
    #: A place name that says where it lies ("Wasilla, Alaska", "the Stiles Unit in
    #: Beaumont, Texas") is matched by its first part (``within._place_core``). Measured
    #: (dev halves as above): within topics 80.32 → 80.44 / 76.48 → 76.87, whole corpus
    #: 78.75 → 79.01 / 76.77 → 77.11.
    place_cores: bool = True
    #: Typos within a document: edit distance on the compact name and minimum length.
    typo_distance: int = 1
    typo_min_length: int = 6

    # --- context vectors --------------------------------------------------------
    #: Terms kept per chain / per entity (bounded so work per comparison is constant).
    chain_terms: int = 40
    entity_terms: int = 80
    #: Weight of document-wide terms relative to the mention's own sentences.
    doc_term_weight: float = 1.0

    # --- blocking ---------------------------------------------------------------
    #: Only the most recent entities under one blocking key are examined: keeps the
    #: candidate set bounded (sub-quadratic) even for keys like a common surname.
    block_cap: int = 60
    #: Candidates scored per chain: the best-ranked by shared blocking keys
    #: (``BlockIndex.lookup``). Bounds the work per chain by a small constant even while
    #: postings are far from ``block_cap`` (None: score every candidate). Measured on
    #: ECB+ dev: no change from None down to 12; BBC News 500 → 2000 articles resolve
    #: 1.6× faster than with 60 (``newsgraph bench entities --no-ecb --no-seeds``).
    score_cap: int | None = 12
    #: MinHash LSH over character 3-grams of names (datasketch): permutations, Jaccard.
    lsh_perm: int = 32
    lsh_threshold: float = 0.5
    #: Consonant-skeleton keys (``names.consonant_skeleton``) for loose transliterations.
    skeleton_keys: bool = True
    #: A one-word country or international-organisation name (``nlp.crosslingual_names`` tables)
    #: joins the same name typed alike without context support: reports in two languages
    #: share few context words (WMT newstest 2008–2010 fr/en: "Afghanistan" / "Afghanistan"
    #: left apart 8 times in 655 place pairs).
    gazetteer_names: bool = True
    #: Shortest compact name worth a character n-gram / phonetic key.
    fuzzy_min_length: int = 5

    # --- cross-document decision ------------------------------------------------
    #: Final score = name_weight * name + (1 - name_weight) * support, where support is
    #: the stronger of context cosine and shared co-occurring entities.
    name_weight: float = 0.6
    #: Minimum support (context or shared co-occurrence) each kind of name match needs:
    #: an exact multi-word name needs none, a single word, a spelling variant or a partial
    #: name needs evidence beyond the string — the "supporting context" rule.
    min_support: dict[str, float] = field(
        default_factory=lambda: {
            "exact": 0.0,
            "exact_single": 0.12,
            "acronym": 0.08,
            "subset": 0.08,
            "variant": 0.15,
            "typo": 0.15,
            "partial": 0.25,
            # A consonant-skeleton match ("Velmora" ~ "Vellamora Harbour Guard") is the
            # weakest name evidence: it needs clear context or shared rare entities.
            "skeleton": 0.6,
            "nominal": 0.20,
            # A description whose head is only related to the entity's ("the convict" ~
            # "the inmate", ``lexical``): the weaker name evidence needs more context.
            "synonym": 0.30,
            "pronoun": 1.01,  # pronoun-only chains never link across documents
        }
    )
    #: A consonant-skeleton match between differently typed names (the sm model types a
    #: transliterated name as it pleases) needs this many shared rare co-occurring
    #: entities: two shared names is common among unrelated reports of one beat
    #: ("Grace" ~ "Gael Garcia Bernal" in two film-festival stories).
    skeleton_shared_across_types: int = 3
    #: ... and, whatever the types, this much context similarity besides: shared entities
    #: alone join unrelated names of one beat ("Hattersley" ~ "Lib Dem Treasury" in two
    #: politics reports). BBC News 2,000 articles: name clashes 882 → 837; ECB+ dev unchanged.
    skeleton_min_context: float = 0.15
    #: Merge two entities when a new chain is acceptable to both (and no document names
    #: both), at or above this score: incremental clustering otherwise keeps early splits.
    bridge_merges: bool = True
    bridge_min_score: float = 0.0
    #: An entity known only by a bare word that a full-name chain also accepts (as a
    #: partial name, with its support) joins the full name's entity when no other full
    #: name holds the word (``Resolver._absorb_bare``). Measured with this session's other
    #: rules on (ECB+ topics 1–35, odd / even halves): off → on, within topics 79.05 →
    #: 79.15 / 74.71 → 75.03, whole corpus 78.20 → 78.20 / 74.09 → 74.14.
    absorb_bare_names: bool = True
    #: A description chain ("the coach") may join an entity this document already feeds
    #: ("Jim O'Brien") when other documents taught that the entity is described so.
    nominal_rejoin: bool = True
    #: A named chain that its document also describes ("Buckley … the climber") absorbs
    #: the description-only entity of that noun from other documents — even one fed by a
    #: document that failed to link its own "the climber" to "Buckley" (measured: requiring
    #: disjoint documents cost 0.8 CoNLL F1 on ECB+ dev).
    description_bridges: bool = True
    #: A one-word name that is a common noun ("the Navy", "the Senate") also counts as a
    #: description head, so "the navy" in a report that does not capitalise it matches;
    #: never a person's name ("Teen" in a headline). Measured as ``absorb_bare_names``:
    #: within topics 78.87 → 79.15 / 74.96 → 75.03, whole corpus 78.06 → 78.20 / 74.03 → 74.14.
    name_heads: bool = True
    #: Descriptions also match entities described with a related head noun (WordNet
    #: synonym, or wordllama cosine at least ``related_heads``; ``lexical``). Measured on
    #: ECB+ dev: 77.4 → 77.5 within topics, 76.6 → 76.8 whole corpus; 0.45–0.55 alike,
    #: 0.35–0.4 merge related-but-different things ("prison" ~ "inmate").
    synonym_heads: bool = True
    related_heads: float = 0.5
    #: A description counted in every mention ("20 points", "the tenth point") does not
    #: join an entity whose descriptions carry other numbers, nor an uncounted one an
    #: entity only ever counted (``resolver._count_clash``; measured on ECB+ dev: 77.1 →
    #: 77.5 within topics, 76.4 → 76.8 whole corpus; 13 scores of one game had become one).
    counted_descriptions: bool = True
    #: Subtracted from the score when types are incompatible with confidence.
    type_penalty: float = 0.15
    #: A co-occurring entity counts fully when it appears in at most this share of
    #: documents (rare shared company is evidence; "U.S." is not).
    cooc_rare_share: float = 0.05
    #: Shared rare co-occurring entities for full co-occurrence support.
    cooc_full: float = 2.0
    #: What a shared co-occurring entity that is *not* rare counts for (0: nothing).
    cooc_common_weight: float = 0.0
    #: Name-match kinds that never bridge two entities (``Resolver._bridge``), and that
    #: need one type on both sides. A related head noun across types is relatedness, not
    #: synonymy ("prison" ~ "inmate"): "synonym" is typed (measured on ECB+ dev, topics
    #: 1, 5, …, 33 / 3, 7, …, 35: within topics 80.15 → 80.15 / 76.22 → 76.47, whole
    #: corpus 78.65 → 78.65 / 77.11 → 77.10; four topics better, none worse).
    loose_kinds: tuple[str, ...] = ("partial", "exact_single", "nominal", "synonym", "acronym", "skeleton")
    typed_kinds: tuple[str, ...] = ("typo", "partial", "subset", "acronym", "synonym")
    #: A one-word name that is a WordNet common noun closing this many different
    #: multi-word names seen so far ("Group": "Vestey Group", "HVB Group", …) is a kind of
    #: thing, not a partial name of an organisation or place; and a leading part that
    #: opens this many different names ("BBC Radio": "BBC Radio 4", "BBC Radio Scotland",
    #: …) is a family's name, matched as loosely as a partial one (``Resolver._family_name``;
    #: BBC News 2,000 articles: name clashes 821 → 754, ECB+ dev unchanged). 0: off.
    generic_head_names: int = 3
    #: An acronym does not join two names spelled out differently for it
    #: (``scoring.conflicting_expansions``).
    acronym_expansions: bool = True
    #: Whether one word of a country, city or region name whose other words only qualify
    #: it may stand for it across documents (off: "Guinea" is not "Equatorial Guinea", "Asia"
    #: not "South East Asia"; ``resolver._qualified_place``).
    place_partials: bool = False

