"""Tags and agencies are found in any case and script the vocabulary lists, as whole words, the
longest alias first (in a language that declines names, with their case endings), and
agencies in the order the text first cites them."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import_dump_blocks import DUMPS, import_dump

from tools.importer.metadata import find_agencies
from tools.importer.tagging import find_entities
from tools.vocabulary import load_vocabulary
from tools.wordindex import Inflection, WordIndex


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


def test_a_word_of_an_alias_matches_its_case_endings_in_a_declining_language() -> None:
    index = WordIndex(["Нагорный Карабах", "Армения", "Путин", "Шуша"], ignore_case=True,
                      inflection=Inflection(keep=4, ending=3, vowels="аеиоуыйя"))
    text = "В Нагорном Карабахе и Армении; Путиным, на пути; Шуша, Шушинский"
    assert index.findall(text) == ["Нагорный Карабах", "Армения", "Путин", "Шуша"]


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("ru", "Министры Азербайджана и Армении в Нагорном Карабахе, у Путина",
     {"Azerbaijan", "Armenia", "Nagorno-Karabakh", "Vladimir Putin"}),
    ("az", "Azərbaycanın Qarabağda əməliyyatı; Bakıda, Şuşanın azad edilməsi",
     {"Azerbaijan", "Nagorno-Karabakh", "Baku", "Shusha"}),
    ("hy", "Հայաստանի և Ադրբեջանի միջև, Արցախում", {"Armenia", "Azerbaijan", "Nagorno-Karabakh"}),
    ("ka", "საქართველოს მთავრობა, სამხრეთ ოსეთში", {"Georgia", "Ossetia Selatan"}),
])
def test_declined_names_are_tagged_in_the_archives_source_languages(
        lang: str, text: str, names: set[str]) -> None:
    vocab = load_vocabulary()
    assert set(find_entities(text, vocab, lang)) == names
    assert not set(find_entities(text, vocab, "id")) >= names  # whole words only: misses some


def test_a_short_alias_that_is_a_common_word_is_not_inflected() -> None:
    found = find_entities("Дом горит, бардак на пути к миру. Goris yolu.", load_vocabulary(), "ru")
    assert not {"Gori", "Barda", "Vladimir Putin"} & set(found)


def test_a_topic_whose_stem_is_another_word_matches_only_its_own_forms() -> None:
    vocab = load_vocabulary()
    assert "Pemilu" not in find_entities("Это был трудный выбор для выбора пути.", vocab, "ru")
    assert find_entities("Выборы в Армении: итоги выборов.", vocab, "ru")["Pemilu"] == 2


@pytest.mark.parametrize(("lang", "text", "absent", "present"), [
    ("ru", "Гуманитарного груза и грузовик прибыли в Грузии.", "", "Georgia"),
    ("ru", "Гуманитарного груза и грузовики прибыли.", "Georgia", ""),
    ("az", "Bu gün gənc diplomatlar və gənclər Gəncədə görüşdü.", "", "Ganja"),
    ("az", "Bu gün gənc diplomatlar və gənclər görüşdü.", "Ganja", ""),
    ("tr", "Bu bakış açısıyla, bakım çalışmaları ve zarif bir dil.", "Baku", ""),
])
def test_a_word_that_only_starts_like_a_declined_name_is_no_mention_of_it(
        lang: str, text: str, absent: str, present: str) -> None:
    """Names keep their capital when declined; the common words their stems spell do not."""
    found = set(find_entities(text, load_vocabulary(), lang))
    assert absent not in found and (not present or present in found), found
    assert "Mohammad Javad Zarif" not in found


def test_a_russian_dump_is_tagged_and_filed_under_its_conflict(tmp_path: Path) -> None:
    lines = (DUMPS / "russian_inflected_names.txt").read_text(encoding="utf-8").split("\n")
    article = import_dump(tmp_path, lines)
    assert article.lang == "ru"
    assert {"Armenia", "Azerbaijan", "Nagorno-Karabakh"} <= set(article.tags)
    assert article.category == "Nagorno-Karabakh"
