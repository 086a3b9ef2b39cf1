"""The one schema every stage speaks: plain dataclasses passed down the pipeline.

One module per record family, like FollowTheMoney's one file per schema:

- ``document``  RawDocument, Document, RemovedBlock, Sentence, Mention, AnnotatedDocument
  (read, clean, annotate)
- ``entities``  resolved entities and their mentions (resolve/entities)
- ``events``    PLOVER event mentions and cross-document events (extract/events, resolve/events)
- ``claims``    attributed claims, time expressions, place mentions (extract/claims, nlp)
- ``stories``   document links, stories, signals (resolve/stories, signals)

Every span is ``(doc id, start, end)`` character offsets into ``Document.text``.
"""

from newsgraph.model.claims import *  # noqa: F403
from newsgraph.model.document import *  # noqa: F403
from newsgraph.model.entities import *  # noqa: F403
from newsgraph.model.events import *  # noqa: F403
from newsgraph.model.stories import *  # noqa: F403
