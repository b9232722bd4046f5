"""Attributed figures are taken from report sentences only where the shape is certain: measured
on labelled Indonesian and English sentences (tests/fixtures/figures/sentences.yaml), most of
them numbers that are not a party's casualty figures."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from tools.errors import RuleError
from tools.figures import Figure, parse_entry
from tools.importer.figures import FIGURES_PATH, compile_language, find_figures

from conftest import FIXTURES

SENTENCES = FIXTURES / "figures" / "sentences.yaml"
AS_OF = "2020-10-10"


def labelled(lang: str) -> list[tuple[str, set[Figure]]]:
    doc = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    return [(case["text"], {parse_entry(f"{entry} | {AS_OF}") for entry in case["figures"]})
            for case in doc[lang]]


def scores(lang: str) -> tuple[float, float, int, int]:
    """Precision and recall over every sentence, and how many sentences hold no figure."""
    found = expected = right = 0
    for text, truth in labelled(lang):
        got = set(find_figures(text, lang, AS_OF))
        found += len(got)
        expected += len(truth)
        right += len(got & truth)
    negatives = sum(not truth for _, truth in labelled(lang))
    return right / found, right / expected, negatives, len(labelled(lang))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_figures_are_extracted_with_precision_of_at_least_0_9(lang: str) -> None:
    precision, recall, negatives, total = scores(lang)
    print(f"{lang}: precision {precision:.2f}, recall {recall:.2f} "
          f"({total} sentences, {negatives} without a figure)")
    assert negatives >= total // 2, "the fixture must hold many numbers that are not figures"
    assert precision >= 0.9
    assert recall >= 0.5  # the shapes must still find most reports


def test_a_report_sentence_gives_who_what_whom_how_many_and_when() -> None:
    text = "Yerevan melaporkan 772 tentara Armenia dan 36 warga sipil tewas sejak 27 September."
    assert [f.entry() for f in find_figures(text, "id", AS_OF)] == [
        "Yerevan | killed | soldiers (Armenia) | 772 | 2020-10-10",
        "Yerevan | killed | civilians | 36 | 2020-10-10",
    ]


def test_a_language_without_patterns_gives_no_figures() -> None:
    assert find_figures("Yerevan melaporkan 772 tentara tewas.", "ru", AS_OF) == []


def test_an_unknown_category_in_the_patterns_names_the_file() -> None:
    with pytest.raises(RuleError, match="figures.yaml.*category 'dead'"):
        compile_language({"outcomes": {"dead": ["tewas"]}}, Path(FIGURES_PATH))


@pytest.mark.parametrize("text", [
    "Yerevan melaporkan " + "5 tentara Armenia, " * 3000 + "tewas",
    "5 soldiers, " * 3000 + "killed, Baku said",
    "Menurut Baku, " + "5 tentara, " * 3000 + "tewas",
])
def test_a_long_list_that_is_no_figure_is_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    assert find_figures(text, "id" if "tentara" in text else "en", AS_OF) == []
    assert time.perf_counter() - started < 5  # 39 s before the list length was bounded
