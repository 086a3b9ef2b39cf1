"""Attributed claims: who says what, through which cue, how sure (see ``extract``)."""

from newsgraph.extract.claims.extract import extract_claims

__all__ = ["extract_claims"]
