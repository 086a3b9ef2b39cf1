"""extract/events: PLOVER event mentions with their evidence.

``extract_events(adoc)`` turns an ``AnnotatedDocument`` (with its spaCy parse)
into ``EventMention`` records: type and mode from the trigger lexicon, actors
and targets from the parse, the event's own place and date, and flags.
"""

from newsgraph.extract.events.extract import extract_events, main_event

__all__ = ["extract_events", "main_event"]
