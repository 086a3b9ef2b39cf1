"""Place linking: gazetteer lookup, disambiguation by context, demonyms."""

from __future__ import annotations

from newsgraph.bench._spacy_adoc import annotate_text
from newsgraph.nlp.places import candidates, link_places


def places_of(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {p.text: (p.name, p.country, p.feature) for p in link_places(annotate_text(text, "t"))}


def test_places_countries_and_cities_with_coordinates() -> None:
    (p, *_) = link_places(annotate_text("The talks were held in Nairobi.", "t"))
    assert (p.name, p.country, p.feature) == ("Nairobi", "KE", "city")
    assert p.lat is not None and abs(p.lat + 1.28) < 0.1


def test_places_ambiguous_name_resolved_by_country_context() -> None:
    assert len({c.country for c in candidates("Perth")}) > 1  # Australia and Scotland at least
    assert places_of("Police in Scotland said a man was arrested in Perth on Sunday.")["Perth"][1] == "GB"
    assert places_of("The miners flew from Sydney to Perth in Australia.")["Perth"][1] == "AU"


def test_places_us_state_versus_country_by_context() -> None:
    assert places_of("Tanks crossed into Georgia from Russia.")["Georgia"][:3] == ("Georgia", "GE", "country")
    assert places_of("Voters in Atlanta, Georgia queued for hours.")["Georgia"][2] == "admin1"


def test_places_country_aliases_and_suffixes() -> None:
    got = places_of("Exports from the U.S. and Britain to Burma rose.")
    assert got["U.S."][1] == "US" and got["Britain"][1] == "GB" and got["Burma"][1] == "MM"
    assert candidates("UAE")[0].country == "AE"
    assert {c.country for c in candidates("Macao SAR")} >= {"MO"}


def test_places_demonyms_link_to_the_country() -> None:
    adoc = annotate_text("Spanish police questioned staff at the North Korean embassy.", "t")
    got = {p.text: (p.country, p.method) for p in link_places(adoc)}
    assert got["Spanish"] == ("ES", "demonym")
    assert got["North Korean"] == ("KP", "demonym")


def test_places_unknown_place_is_unresolved_not_dropped() -> None:
    adoc = annotate_text("The hikers reached Glenquibberloch Pass at dawn.", "t")
    unresolved = [p for p in link_places(adoc) if p.method == "unresolved"]
    assert all(p.geonameid is None for p in unresolved)
