"""Tags and agencies are found in any case and script the vocabulary lists, as whole words, the
longest alias first, and agencies in the order the text first cites them."""

from __future__ import annotations

from tools.importer.metadata import find_agencies
from tools.importer.tagging import find_entities
from tools.vocabulary import load_vocabulary


def test_aliases_match_in_any_case_and_script() -> None:
    found = find_entities("RUSIA menolak. Россия и Հայաստան; russian federation", load_vocabulary())
    assert found["Rusia"] == 3 and found["Armenia"] == 1


def test_a_turkic_dotted_capital_i_matches_in_any_case() -> None:
    vocab = load_vocabulary()
    for text in ("Prezident İlham Əliyev bəyan edib.", "İLHAM ƏLİYEV", "ilham əliyev dedi"):
        assert find_entities(text, vocab) == {"Ilham Aliyev": 1}, text


def test_the_longest_alias_at_a_place_wins_and_matches_do_not_overlap() -> None:
    found = find_entities("Federasi Rusia dan Amerika Serikat", load_vocabulary())
    assert found["Rusia"] == 1 and found["Amerika Serikat"] == 1


def test_agencies_come_in_the_order_the_text_cites_them() -> None:
    text = "Menurut Antara, pasukan mundur (AFP). Reuters melaporkan hal sama, kata AP."
    assert find_agencies(text) == ["Antara", "AFP", "Reuters"]  # bare "AP" needs a citing word


def test_an_ambiguous_agency_name_counts_after_a_citing_word() -> None:
    assert find_agencies("according to AP, the talks ended") == ["AP"]
    assert find_agencies("the AP exam results") == []
