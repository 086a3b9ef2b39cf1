"""resolve/events: one ``Event`` per real-world event, with every mention and source."""

from newsgraph.resolve.events.resolve import EventResolver, ResolverOptions

__all__ = ["EventResolver", "ResolverOptions"]
