"""Metadata from the cleaned text: agencies cited and summary (the language: importer/language.py).

Datelines, editor codes and credit lines are captured by data rules in clean.py; this module
handles what needs the whole body. Agency mentions stay in the body and are also recorded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from tools.datayaml import load_yaml_text
from tools.importer.article import Article
from tools.importer.rules import compile_pattern

AGENCIES_PATH = Path(__file__).resolve().parents[1] / "data" / "agencies.yaml"
SUMMARY_CHARS = 300


# Between a citing word and the agency's name: "mengutip kantor berita AP".
_CONTEXT_TAIL = r"\s+(?:kantor berita\s+|news agency\s+)?"
# Before an ambiguous name in a dateline: the dateline's own punctuation.
_CREDIT_BEFORE = r"(?:(?<=[-–—.,:/(])|(?<=[-–—.,:/(]\s))"


@lru_cache(maxsize=2)
def _agency_doc(path: Path) -> dict[str, Any]:
    return load_yaml_text(path.read_text(encoding="utf-8")) or {}


def _literals(item: dict[str, Any]) -> tuple[str, ...]:
    return (item["name"], *item.get("aliases", []), *item.get("context_aliases", []))


def agency_names(path: Path = AGENCIES_PATH) -> tuple[str, ...]:
    """Every name and alias of agencies.yaml (the `{agency}` of a rule pattern)."""
    return tuple(name for item in _agency_doc(path).get("agencies", []) for name in _literals(item))


def _bounded(literals: tuple[str, ...]) -> str:
    """Any of the literals as a whole word."""
    words = "|".join(re.escape(a) for a in literals)
    return rf"(?<!\w)(?:{words})(?!\w)"


@lru_cache(maxsize=4)
def _agency_patterns(path: Path, credit: bool = False
                     ) -> tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]:
    """(name, literal names and aliases, pattern): every pattern needs one literal verbatim.
    `credit`: the text is a dateline, where an ambiguous name also counts set off by its
    punctuation at the end."""
    doc = _agency_doc(path)
    triples = []
    cite = doc.get("citing", "")
    if cite:
        compile_pattern(cite, f"{path}: citing")  # refuses a broken or hours-long pattern
    for item in doc.get("agencies", []):
        plain = (item["name"], *item.get("aliases", []))
        contextual = tuple(item.get("context_aliases", []))
        if item.get("needs_context"):
            plain, contextual = (), plain + contextual
        parts = [_bounded(plain)] if plain else []
        if contextual:
            own = _bounded(contextual)
            parts += [rf"(?:{cite}){_CONTEXT_TAIL}{own}", rf"\({own}\)"]
            if credit:  # set off at the dateline's end: `Bakı. 12 mart. APA`, `(Antara/...)`
                parts.append(rf"{_CREDIT_BEFORE}{own}(?=[/)]|[.:]?$)")
        triples.append((item["name"], plain + contextual, re.compile("|".join(parts))))
    return tuple(triples)


def find_agencies(text: str, credit: bool = False) -> list[str]:
    """Agencies cited in the text, in order of first mention. An agency's pattern runs only
    when one of its names occurs in the text (the patterns are case-sensitive). `credit`: the
    text is one dateline (`_agency_patterns`)."""
    hits = []
    for name, literals, pattern in _agency_patterns(AGENCIES_PATH, credit):
        if any(literal in text for literal in literals):
            match = pattern.search(text)
            if match:
                hits.append((match.start(), name))
    return [name for _, name in sorted(hits)]


def summarise(paragraph: str, limit: int = SUMMARY_CHARS) -> str:
    """First paragraph as plain text, cut at a word boundary."""
    text = " ".join(paragraph.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–—")
    return cut + " …"


def fill_metadata(article: Article) -> None:
    """Agencies and summary once the body is final (the language: tools/importer/metastage.py)."""
    body = "\n".join(article.paragraphs)
    credited = [name for line in article.datelines  # taken off the text (rule `dateline`)
                for name in find_agencies(line, credit=True)]
    for name in [*credited, *find_agencies(body)]:
        if name not in article.agencies and name.casefold() != article.source.casefold():
            article.agencies.append(name)
    if article.paragraphs:
        article.summary = summarise(article.paragraphs[0])
