"""The API's schemas, the store's summaries and the pages' rows are made from the
``newsgraph.model`` records (issue 16, item 3): a field added to a record is in its schema
without a second edit, and a schema written by hand again that misses one fails here."""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field

import pytest
from pydantic import BaseModel

from newsgraph.api import schemas
from newsgraph.api.derive import schema
from newsgraph.api.views.claims import SpeakerRef
from newsgraph.api.views.document import CLAIM_NOT_SHOWN, ClaimRow, DocumentContext
from newsgraph.api.views.documents import DocumentRow
from newsgraph.api.views.entities import (
    EditRow,
    EntityEventRow,
    EntityListRow,
    EntityMentionRow,
    EntityRef,
    EvidenceRow,
    LinkedEntity,
)
from newsgraph.api.views.network import NetworkNode
from newsgraph.api.views.search import EntityMatch, EventMatch, HitView
from newsgraph.api.views.stories import StoryContext, StoryEventRow
from newsgraph.model import (
    DOCUMENT_SUMMARY,
    ENTITY_REF,
    EVENT_SUMMARY,
    AnnotatedDocument,
    Claim,
    Document,
    Edit,
    Entity,
    EntityMention,
    Event,
    Link,
    Mention,
    MergeEvidence,
    RemovedBlock,
    Sentence,
    Span,
    Story,
)
from newsgraph.model.projection import project
from newsgraph.store import SearchHit

#: Each schema or page row that shows a whole record, and the record fields it leaves out on purpose.
WHOLE: list[tuple[type, type, set[str]]] = [
    (Document, schemas.DocumentModel, set()),
    # ``title_mentions`` (the tagger's, before linking) are shown linked, as ``title_entities``;
    # ``title_heads`` (the title's head nouns, a parse detail) likewise once linked.
    (AnnotatedDocument, schemas.DocumentModel, {"document", "reason", "doc", "references", "chains", "quotations",
                                                "governments", "prepared", "title_mentions", "title_heads"}),
    (Mention, schemas.MentionModel, set()),
    (RemovedBlock, schemas.RemovedBlockModel, set()),
    (Sentence, schemas.SentenceModel, set()),
    (Span, schemas.TextSpanModel, set()),
    (Entity, schemas.EntityDetailModel, set()),
    # ``mentions`` point into the text: a title's are the entity's ``title_mentions``.
    (EntityMention, schemas.EntityMentionModel, {"entity", "field"}),
    (MergeEvidence, schemas.MergeEvidenceModel, {"entity"}),
    (Edit, schemas.EditModel, set()),
    (Story, schemas.StoryModel, set()),
    (Link, schemas.LinkModel, {"evidence"}),
    # ``joined`` is given on each report (EventMentionModel), not as a map on the event.
    (Event, schemas.EventModel, {"place", "date_start", "date_end", "publishers", "joined"}),
    (Claim, schemas.ClaimModel, {*CLAIM_NOT_SHOWN, "rule"}),
    (Claim, ClaimRow, set(CLAIM_NOT_SHOWN)),
    (EntityMention, EntityMentionRow, {"entity", "rule"}),
    (MergeEvidence, EvidenceRow, {"entity"}),
    (Edit, EditRow, set()),
    (Document, DocumentContext, set()),
    (Story, StoryContext, {"documents"}),
]


def _names(shown: type) -> set[str]:
    if issubclass(shown, BaseModel):
        return set(shown.model_fields)
    return {f.name for f in dataclasses.fields(shown)}


@pytest.mark.parametrize(("record", "shown", "left_out"), WHOLE,
                         ids=[f"{r.__name__}-{m.__name__}" for r, m, _ in WHOLE])
def test_every_field_of_a_record_is_in_its_schema_and_row(record: type, shown: type, left_out: set[str]):
    missing = {f.name for f in dataclasses.fields(record)} - left_out - _names(shown)
    assert not missing, f"{shown.__name__} lacks {record.__name__} fields {sorted(missing)}"


#: Each list, reference or hit that shows a record by its summary fields.
SUMMARIES: list[tuple[tuple[str, ...], type, type]] = [
    *((DOCUMENT_SUMMARY, Document, c) for c in (schemas.DocumentSummary, schemas.SearchHitModel, SearchHit,
                                                DocumentRow, HitView)),
    *((ENTITY_REF, Entity, c) for c in (schemas.SpeakerEntityModel, schemas.CooccurringModel,
                                        schemas.EntitySummaryModel, SpeakerRef, EntityRef, LinkedEntity,
                                        NetworkNode, EntityMatch, EntityListRow)),
    *((EVENT_SUMMARY, Event, c) for c in (schemas.EntityEventModel, schemas.StoryEventModel, EntityEventRow,
                                          StoryEventRow, EventMatch)),
]


@pytest.mark.parametrize(("names", "record", "summary"), SUMMARIES, ids=[c.__name__ for _, _, c in SUMMARIES])
def test_every_summary_shows_the_summary_fields_typed_as_the_record(names: tuple[str, ...], record: type,
                                                                      summary: type):
    assert set(names) <= _names(summary)
    hints = typing.get_type_hints(record)
    if issubclass(summary, BaseModel):
        shown = {n: summary.model_fields[n].annotation for n in names}
    else:  # a projected row, or a summary still declared by hand (the store's SearchHit)
        shown = {n: t for n, t in typing.get_type_hints(summary).items() if n in names}
    assert shown == {n: hints[n] for n in names}


@dataclass(slots=True)
class _Part:
    start: int
    end: int


@dataclass(slots=True)
class _Record:
    """A record as the model declares them, with one field added."""

    id: str
    parts: list[_Part] = field(default_factory=list)
    note: str | None = None
    added: dict[str, float] = field(default_factory=dict)


def test_a_field_added_to_a_record_is_in_the_derived_schema_and_row():
    part = schema("PartModel", _Part)
    model = schema("RecordModel", _Record, nested={_Part: part}, fields={"url": (str, ...)},
                   describe={"note": "A note."})
    assert list(model.model_fields) == ["id", "parts", "note", "added", "url"]
    js = model.model_json_schema()
    assert js["properties"]["parts"]["items"] == {"$ref": "#/$defs/PartModel"}
    assert js["properties"]["note"]["description"] == "A note."
    assert set(js["required"]) == {"id", "parts", "note", "added", "url"}  # an answer carries every field
    out = model.model_validate({"id": "r1", "parts": [{"start": 0, "end": 2}], "note": None,
                                "added": {"x": 1.0}, "url": "/r/r1"})
    assert out.model_dump()["added"] == {"x": 1.0}
    row = project("RecordRow", _Record, omit=("parts",), extra=[("url", str)])
    assert [f.name for f in dataclasses.fields(row)] == ["id", "note", "added", "url"]
    assert dataclasses.asdict(row(id="r1", note=None, added={}, url="/r/r1"))["added"] == {}


def test_a_nested_record_needs_its_schema_and_names_must_exist():
    with pytest.raises(TypeError, match="_Part"):
        schema("RecordModel", _Record)
    with pytest.raises(ValueError, match="no field nope"):
        schema("RecordModel", _Record, ("id", "nope"))
    with pytest.raises(ValueError, match="nope"):
        schema("PartModel", _Part, describe={"nope": "?"})
    with pytest.raises(ValueError, match="no field nope"):
        project("PartRow", _Part, ("nope",))


def test_a_signal_row_shows_its_record_and_the_evidence_in_context():
    from newsgraph.api.views.document import signal_rows

    text = "The minister said the plan was fair. Critics disagreed."
    stored = {"subject": "d1", "name": "hedging", "value": 0.5, "explanation": "Share of hedged claims.",
              "flagged": True, "subject_kind": "document", "details": {"claims": 2},
              "evidence": [{"start": 4, "end": 12, "text": "minister", "note": "a hedge"}]}
    row = signal_rows(text, [stored, {"name": "copy", "value": None, "explanation": "", "evidence": []}])[0]
    assert (row.name, row.value, row.value_text, row.flagged, row.measured) == ("hedging", 0.5, "0.50", True, True)
    assert row.details == {"claims": 2} and row.explanation == "Share of hedged claims."
    ev = row.evidence[0]
    assert (ev.start, ev.end, ev.text, ev.note) == (4, 12, "minister", "a hedge")
    assert ev.before == "The " and ev.after.startswith(" said the plan")
