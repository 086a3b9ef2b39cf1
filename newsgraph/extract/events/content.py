"""What a verbal act says, asks, promises or charges: the content words of its complement.

A verbal act (PLOVER's verbal quad categories: an accusation, a demand, a pledge, a
rejection, an agreement, talks) is known by who performed it and on whom — and by what it
is about. "Howard accused Blair of squabbling" and "Howard accused Blair of giving with one
hand and taking with the other" are two accusations by one accuser of one person, told in
one campaign; "Kennedy pledged higher tax on top earners" and "Kennedy pledged a maternity
income guarantee" are two pledges. The resolver keeps two such reports apart when the
contents they give share no word (``resolve/events/occurrence``, "other content").

This module reads the content from the parse, as lemmas (so "lying" meets "lie", "taxes"
"tax"): the clause or phrase the trigger governs —

- a verb's clausal complement ("pledged *to cut taxes*", "said *that* …": ``xcomp``,
  ``ccomp``) and the object of its content preposition ("accused Blair *of lying*",
  "criticised him *for the delay*", "called *for sanctions*", "talks *on trade*");
- a verb's direct object when it names no one ("dismissed *the Budget*", "rejected *the
  plan*"; "accused *Blair*" names the one accused, a participant compared by other checks);
- a noun's complement ("accusations *of bias*", "a pledge *to scrap fees*", "the call *for
  talks*", "the demand *that* …").

Only content words count (nouns, names, verbs, adjectives; no dates, figures or stop words):
what is compared is the topic, not its wording. A report with no complement ("the
accusation", "he denied it") gives no content and conflicts with none.
"""

from __future__ import annotations

from typing import Any

from newsgraph.extract.events.agency import kind_of

__all__ = ["CONTENT_PREPS", "VERBAL_CONTENT_TYPES", "content_of"]

Token = Any  # spacy.tokens.Token

#: PLOVER's verbal quad categories: acts identified by what they say as well as by who
#: says it to whom.
VERBAL_CONTENT_TYPES: frozenset[str] = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})

#: Prepositions whose object is what a verbal act is about ("accused of", "blamed for",
#: "a row over", "talks about / on"). "to", "with" and "against" name the other party.
CONTENT_PREPS: frozenset[str] = frozenset({"of", "for", "over", "about", "on"})

_CLAUSES = frozenset({"xcomp", "ccomp"})
_NOUN_CLAUSES = frozenset({"acl", "ccomp", "xcomp"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
#: Entity types that date or count the act rather than say what it is about.
_NOT_CONTENT = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
#: Argument classes (``agency.kind_of``) that name a participant, not a topic.
_PARTICIPANTS = frozenset({"agent", "authority", "crowd"})


def _complement_clause(verb: Token) -> bool:
    """A noun's clause that says what it is about: infinitival ("a pledge *to* scrap fees")
    or a "that" clause ("the demand *that* …"); a participle only describes the act
    ("talks *held* in Geneva")."""
    return any((c.dep_ == "aux" and c.lower_ == "to")
               or (c.dep_ == "mark" and c.lower_ in ("that", "whether")) for c in verb.children)


def content_of(trigger: Token, ev_type: str) -> list[str]:
    """The lemmas of what the verbal act at ``trigger`` is about, sorted; [] when the act is
    not verbal or the parse gives it no complement."""
    if ev_type not in VERBAL_CONTENT_TYPES:
        return []
    heads: list[Token] = []
    for c in trigger.children:
        noun_clause = trigger.pos_ != "VERB" and c.dep_ in _NOUN_CLAUSES and _complement_clause(c)
        if c.dep_ in _CLAUSES or noun_clause:
            heads.append(c)
        elif c.dep_ == "prep" and c.lower_ in CONTENT_PREPS:
            heads.extend(o for o in c.children if o.dep_ in ("pobj", "pcomp"))
        elif (c.dep_ == "dobj" and trigger.pos_ == "VERB" and c.pos_ in ("NOUN", "ADJ", "VERB")
              and not c.ent_type_ and kind_of(c) not in _PARTICIPANTS):
            heads.append(c)
    words: set[str] = set()
    for head in heads:
        for t in head.subtree:
            if (t.pos_ in _CONTENT_POS and t.is_alpha and not t.is_stop and len(t.text) > 2
                    and t.ent_type_ not in _NOT_CONTENT and t.i != trigger.i):
                words.add(t.lemma_.lower())
    return sorted(words)
