"""Entity resolution: within-document name coreference and incremental cross-document
resolution into canonical entities with aliases, honouring analyst edits.

Modules: ``names`` (normalisation, honorifics, romanisation variants), ``within``
(document chains), ``blocking`` (candidate keys), ``scoring`` (evidence), ``resolver``
(the incremental resolver and its JSON state), ``lexical`` (related description nouns),
``edits`` (building analyst edits),
``settings`` (every threshold).
"""

from newsgraph.resolve.entities import edits
from newsgraph.resolve.entities.resolver import Resolver, ResolverState
from newsgraph.resolve.entities.settings import ResolverOptions
from newsgraph.resolve.entities.within import Chain, ChainMention, chain_document

__all__ = ["Chain", "ChainMention", "Resolver", "ResolverOptions", "ResolverState", "chain_document", "edits"]
