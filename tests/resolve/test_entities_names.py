"""Name normalisation: possessives, titles, hyphen/space variants, romanisation keys, acronyms."""

from __future__ import annotations

from newsgraph.resolve.entities.names import acronym, parse_name, strip_possessive, variant_key


def test_names_possessive_and_punctuation_stripped() -> None:
    assert strip_possessive("North Korea’s") == "North Korea"
    assert strip_possessive("Reuters'") == "Reuters"
    assert parse_name("the Federal Reserve's").tokens == ("federal", "reserve")


def test_names_title_gives_gender_and_is_dropped() -> None:
    p = parse_name("Mrs. Thatcher")
    assert p.tokens == ("thatcher",)
    assert p.gender == "f"
    assert parse_name("President Lula da Silva").tokens == ("lula", "da", "silva")


def test_names_hyphen_and_space_variants_share_compact_form() -> None:
    forms = {parse_name(s).compact for s in ("Lee Hye-jin", "Lee Hye Jin", "LEE HYE-JIN", "Lee Hyejin")}
    assert forms == {"leehyejin"}


def test_names_romanisation_variants_share_a_key_but_namesakes_do_not() -> None:
    assert variant_key("gaddafi") == variant_key("qadhafi") == variant_key("kadafi")
    assert variant_key("tchaikovsky") == variant_key("chaikovskiy")
    assert variant_key(parse_name("Kim Jong-un").compact) != variant_key(parse_name("Kim Jong-il").compact)


def test_names_acronyms() -> None:
    assert acronym("National Election Commission") == "nec"
    assert acronym("Bank of England") == "be"
    assert parse_name("U.N.").acronym_form
    assert parse_name("NATO").acronym_form
    assert not parse_name("Nato Smith").acronym_form
