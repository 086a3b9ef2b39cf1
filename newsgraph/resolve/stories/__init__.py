"""Story clustering and links between documents (duplicate, copy, spin, translation, same_story).

Public surface: ``StoryIndex`` (incremental: add documents as they are ingested),
``link_documents``, the per-document records it keeps text views and sentence vectors
in (``DocumentRecords``: ``MemoryRecords`` here, the store's through the corpus job),
and the pairwise comparers for callers that hold two documents.
"""

from newsgraph.resolve.stories._text import DocView, as_view, normalise
from newsgraph.resolve.stories.clusters import StoryClusterer
from newsgraph.resolve.stories.duplicates import DuplicateIndex, compare_copy, shared_passages
from newsgraph.resolve.stories.links import StoryIndex, document_vectors, link_documents
from newsgraph.resolve.stories.records import DocRecord, DocumentRecords, MemoryRecords
from newsgraph.resolve.stories.spin import compare_spin
from newsgraph.resolve.stories.translation import compare_translation

__all__ = [
    "DocRecord", "DocView", "DocumentRecords", "DuplicateIndex", "MemoryRecords",
    "StoryClusterer", "StoryIndex", "as_view", "compare_copy",
    "compare_spin", "compare_translation", "document_vectors", "link_documents", "normalise",
    "shared_passages",
]
