"""Evaluation: coreference metrics and loaders for the public gold sets in ../shared/data."""
