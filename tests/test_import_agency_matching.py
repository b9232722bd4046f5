"""The fast agency lookup (every literal in one alternation, needs_context agencies found from
their names) finds exactly the agencies, in the same order, that the plain per-agency search
finds, on corpus text and on mangled text full of names, citing words and odd characters."""

from __future__ import annotations

import random
import re

import pytest

from tools.metadata import (
    AGENCIES_PATH,
    _agency_patterns,
    _literal_index,
    _name_first,
    find_agencies,
    names_in,
    spans_words_and_spaces,
)
from tools.read import read_input

from conftest import ROOT, SHARED

CITING = ["mengutip", "dikutip", "dikutip dari", "melansir", "dilansir", "dilansir dari",
          "menurut", "laporan", "dilaporkan", "kata dia kepada", "seperti dikutip",
          "according to", "told", "reported by", "cited by", "quoted by", "kantor berita",
          "news agency", "Menurut", "MENURUT", "ſeperti dikutip", "kata\u212a\u212a kepada"]
ODD = ["(", ")", " ", "  ", "\n", "\u00a0", "\t", ",", ".", "-", "_", "1", "x", "İ", "ı", "ſ",
       "\u212a", "é", "«", "“", ":", "(ant)", "APBN", "RIAU", "Trending", "ANTARAnews"]


def plain_agencies(text: str) -> list[str]:
    """The plain path: a substring test of every literal, then the whole pattern searched."""
    hits = []
    for name, literals, pattern in _agency_patterns(AGENCIES_PATH):
        if any(literal in text for literal in literals):
            match = pattern.search(text)
            if match:
                hits.append((match.start(), name))
    return [name for _, name in sorted(hits)]


def corpus_texts() -> list[str]:
    paths = sorted((SHARED / "corpus").glob("*/*.txt")) + sorted((SHARED / "corpus").glob(
        "*/*.html")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [read_input(path).text for path in paths]


def literals() -> list[str]:
    return [literal for _, names, _ in _agency_patterns(AGENCIES_PATH) for literal in names]


def mangled(texts: list[str], count: int, seed: int = 13) -> list[str]:
    """Slices of real text with agency names, citing words, brackets and odd characters
    inserted (often next to each other, so citing words meet names), or cased differently."""
    rnd = random.Random(seed)
    names = literals()
    out = []
    for _ in range(count):
        text = rnd.choice(texts)
        start = rnd.randrange(len(text))
        text = text[start: start + rnd.randint(0, 1500)]
        pos = rnd.randint(0, len(text))
        for _ in range(rnd.randint(1, 12)):
            if rnd.random() < 0.3:
                pos = rnd.randint(0, len(text))
            kind = rnd.random()
            piece = (rnd.choice(names) if kind < 0.35 else rnd.choice(CITING) if kind < 0.6
                     else rnd.choice(ODD))
            if kind > 0.75:  # a citing word and a name, as they meet in real text
                piece = rnd.choice(CITING) + rnd.choice([" ", "  ", "\n", "", ","]) + rnd.choice(
                    names)
            elif kind > 0.7:
                piece = "(" + rnd.choice(names) + rnd.choice([")", ")", " )", "x)"])
            if kind > 0.97:
                text = text[:pos] + text[pos:].upper()
                continue
            piece += rnd.choice([" ", " ", " ", "  ", "\n", "", ")", ", "])
            text = text[:pos] + piece + text[pos:]
            pos += len(piece) + rnd.choice([0, 0, 1])  # next piece right after, or one further
        out.append(text)
    return out


@pytest.fixture(scope="module")
def texts() -> list[str]:
    real = corpus_texts()
    crafted = ["menurut Antara", "MENURUT  ANTARA", "(Antara)", "kata dia kepada AP",
               "ſeperti\n dikutip Trend", "(APA) dan menurut AP", "menurut LKBN Antara",
               "dikutip dari kantor berita Antara News (AP)", "x(AP)", "(AP) ", "(APA)",
               "menurut, Antara", "menurut-Antara menurut Antara", "laporanAP", "laporan AP",
               "ITAR-TASS dan TASS", "RIA Novosti", "kata Budi, kepada AP", "told\u00a0APA",
               "according  to\n\nTrend", "(Trend)x (Trend)", "dilansir dari news agency AP"]
    return real + crafted + mangled(real, 4000)


def test_fast_lookup_finds_the_agencies_the_plain_search_finds(texts: list[str]) -> None:
    cited = 0
    for text in texts:
        expected = plain_agencies(text)
        assert find_agencies(text) == expected, text
        cited += bool(set(expected) & {"AP", "Antara", "APA", "Trend"})
    assert cited > 500  # the needs_context agencies are really exercised


def test_names_in_is_the_substring_test_of_every_literal(texts: list[str]) -> None:
    index = _literal_index(AGENCIES_PATH)
    for text in texts + [" ".join(literals()), "".join(literals()), "APAPA", "LKBN AntaraNews"]:
        expected = {name for name, names, _ in _agency_patterns(AGENCIES_PATH)
                    if any(literal in text for literal in names)}
        assert names_in(text, index) == expected, text


def test_the_name_first_path_is_taken_for_todays_citing_pattern() -> None:
    assert set(_name_first(AGENCIES_PATH)) == {"AP", "Antara", "APA", "Trend"}


@pytest.mark.parametrize(("source", "expected"), [
    (r"(?i:menurut|kata\s+\w+\s+kepada)\s+", True),
    (r"according\s+to\s+(?:kantor berita\s+)?", True),
    (r"[\w\s]+", True),
    (r"kata\s+\w+,\s+kepada", False),  # a comma
    (r"per\.", False),
    (r"a.b", False),
    (r"\W", False),
    (r"[^a]", False),
    (r"[a-z]", False),  # ranges are not read; False only makes the plain search run
    (r"menurut\b", False),
    (r"é", False),  # non-ASCII literal: its case-insensitive equals are not checked
    (r"x(?=y)", False),
])
def test_spans_words_and_spaces(source: str, expected: bool) -> None:
    assert spans_words_and_spaces(source) is expected


def test_every_character_a_true_pattern_matches_is_a_word_character_or_space() -> None:
    """The bound `NameFirst` relies on, checked for today's citing words against every code
    point a case-insensitive letter of them may match."""
    from tools.datayaml import load_yaml_text
    from tools.metadata import _CONTEXT_TAIL

    cite = (load_yaml_text(AGENCIES_PATH.read_text(encoding="utf-8")) or {})["citing"]
    pattern = re.compile(rf"(?:{cite}){_CONTEXT_TAIL}")
    assert spans_words_and_spaces(pattern.pattern)
    others = "".join(chr(cp) for cp in range(0x80, 0x110000) if not 0xD800 <= cp <= 0xDFFF)
    for letter in set(re.sub(r"[^a-z]", "", cite.lower())):
        for match in re.finditer(letter, others, re.IGNORECASE):
            assert re.fullmatch(r"\w", match.group(0))
