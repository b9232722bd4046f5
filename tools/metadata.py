"""Metadata from the cleaned text: agencies cited and summary (the language: tools/language.py).

Datelines, editor codes and credit lines are captured by data rules in clean.py; this module
handles what needs the whole body. Agency mentions stay in the body and are also recorded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any, NamedTuple

from tools.article import Article
from tools.datayaml import load_yaml_text
from tools.firstchar import REPEATS, with_first_char_lookahead
from tools.rules import compile_pattern

AGENCIES_PATH = Path(__file__).resolve().parent / "data" / "agencies.yaml"
SUMMARY_CHARS = 300


# Between a citing word and the agency's name: "mengutip kantor berita AP".
_CONTEXT_TAIL = r"\s+(?:kantor berita\s+|news agency\s+)?"


@lru_cache(maxsize=2)
def _agency_doc(path: Path) -> dict[str, Any]:
    return load_yaml_text(path.read_text(encoding="utf-8")) or {}


def _literals(item: dict[str, Any]) -> tuple[str, ...]:
    return (item["name"], *item.get("aliases", []))


def _bounded(literals: tuple[str, ...]) -> str:
    """Any of the literals as a whole word."""
    words = "|".join(re.escape(a) for a in literals)
    return rf"(?<!\w)(?:{words})(?!\w)"


@lru_cache(maxsize=2)
def _agency_patterns(path: Path) -> tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]:
    """(name, literal names and aliases, pattern): every pattern needs one literal verbatim."""
    doc = _agency_doc(path)
    triples = []
    cite = doc.get("citing", "")
    if cite:
        compile_pattern(cite, f"{path}: citing")  # refuses a broken or hours-long pattern
    for item in doc.get("agencies", []):
        literals = _literals(item)
        pattern = _bounded(literals)
        if item.get("needs_context"):
            pattern = rf"(?:{cite}){_CONTEXT_TAIL}{pattern}|\({pattern}\)"
        # the citing alternation is case-insensitive: the lookahead spares `search` from
        # entering each of its branches at every position (tools/firstchar.py)
        triples.append((item["name"], literals, with_first_char_lookahead(re.compile(pattern))))
    return tuple(triples)


class NameFirst(NamedTuple):
    """A needs_context pattern taken apart so that its earliest match can be found from the
    agency's names: `search` of the whole pattern tries the case-insensitive citing
    alternation wherever a citing word may start (0.5 ms on a dump that names Antara), while
    the names are literals found at C speed and occur a few times a dump."""

    names: re.Pattern[str]  # zero-width, at every position where a name starts (bounded)
    paren: re.Pattern[str]  # `(name)`, matched at the "(" before a name
    cited: re.Pattern[str]  # citing words and spaces ending exactly at `endpos`


_NOT_WORD_OR_SPACE = re.compile(r"[^\w\s]")


@lru_cache(maxsize=2)
def _name_first(path: Path) -> dict[str, NameFirst]:
    """The name-first finder of each needs_context agency, keyed by name; empty when the
    citing pattern could match a character other than a word character or a space (then the
    text before a name could not be bounded at the last such character, so the plain search
    runs)."""
    doc = _agency_doc(path)
    cite = doc.get("citing", "")
    if not spans_words_and_spaces(f"(?:{cite}){_CONTEXT_TAIL}"):
        return {}
    cited = with_first_char_lookahead(re.compile(rf"(?:{cite}){_CONTEXT_TAIL}\Z"))
    finders = {}
    for item in doc.get("agencies", []):
        if item.get("needs_context"):
            bounded = _bounded(_literals(item))
            finders[item["name"]] = NameFirst(re.compile(rf"(?=(?:{bounded}))"),
                                              re.compile(rf"\({bounded}\)"), cited)
    return finders


def spans_words_and_spaces(source: str) -> bool:
    """Whether every match of the pattern holds only word characters and white space (`\\w`,
    `\\s`), read from its parsed form; anything this does not know answers False. Literals
    must be ASCII letters, digits or white space, whose case-insensitive equals (`ſ`, `ı`,
    `İ`, the Kelvin sign) are word characters too."""
    return _only_words_and_spaces(list(sre_parse.parse(source)))


def _only_words_and_spaces(items: list[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op is sre.LITERAL:
            char = chr(av)
            if not (char.isascii() and (char.isalnum() or char.isspace())):
                return False
        elif op is sre.IN:
            for kind, value in av:
                if kind is sre.CATEGORY:
                    if value not in (sre.CATEGORY_WORD, sre.CATEGORY_SPACE):
                        return False
                elif not _only_words_and_spaces([(kind, value)]):
                    return False
        elif op in REPEATS:
            if not _only_words_and_spaces(list(av[2])):
                return False
        elif op is sre.SUBPATTERN:
            if not _only_words_and_spaces(list(av[3])):
                return False
        elif op is sre.BRANCH:
            if not all(_only_words_and_spaces(list(branch)) for branch in av[1]):
                return False
        else:
            return False
    return True


def _earliest_cited(finder: NameFirst, text: str) -> int | None:
    """Where the earliest match of the agency's needs_context pattern starts, or None. A match
    is `(name)` or citing words and spaces ending where a name starts, so each name hit p
    gives the "(" at p - 1 and the leftmost start of the citing words within the run of word
    characters and spaces that ends at p; those runs start no earlier as p grows."""
    best = None
    backwards = None
    length = len(text)
    for hit in finder.names.finditer(text):
        p = hit.start()
        if backwards is None:
            backwards = text[::-1]  # the last non-word, non-space character before p, at C speed
        other = _NOT_WORD_OR_SPACE.search(backwards, length - p)
        run_start = length - other.start() if other else 0
        if best is not None and min(run_start, p - 1) >= best:
            break
        if p and finder.paren.match(text, p - 1):
            best = p - 1 if best is None else min(best, p - 1)
        cited = finder.cited.search(text, run_start, p)
        if cited:
            best = cited.start() if best is None else min(best, cited.start())
    return best


class LiteralIndex(NamedTuple):
    """Every agency literal (name or alias) in one alternation, to tell which agencies a text
    names in one C-level scan instead of a substring search per literal (~50 a dump)."""

    any_literal: re.Pattern[str]
    by_first_char: dict[str, tuple[str, ...]]  # literals by their first character
    owners: dict[str, frozenset[str]]  # literal -> names of the agencies that list it


@lru_cache(maxsize=2)
def _literal_index(path: Path) -> LiteralIndex:
    owners: dict[str, set[str]] = {}
    for name, literals, _ in _agency_patterns(path):
        for literal in literals:
            owners.setdefault(literal, set()).add(name)
    by_first: dict[str, list[str]] = {}
    for literal in owners:
        by_first.setdefault(literal[:1], []).append(literal)
    any_literal = re.compile("|".join(re.escape(literal) for literal in sorted(owners)))
    return LiteralIndex(any_literal, {c: tuple(ls) for c, ls in by_first.items()},
                        {literal: frozenset(names) for literal, names in owners.items()})


def names_in(text: str, index: LiteralIndex) -> set[str]:
    """Agencies one of whose literals occurs in the text as a substring (the same set as
    `any(literal in text ...)` per agency). `finditer` reports non-overlapping matches only; a
    literal that starts inside a reported match (or at its start, as another alternative) is
    found by testing every literal at each of its positions; any other occurrence is itself
    reported, since `finditer` resumes where a match ends."""
    found: set[str] = set()
    by_first = index.by_first_char
    for match in index.any_literal.finditer(text):
        for at in range(match.start(), match.end()):
            for literal in by_first.get(text[at], ()):
                if text.startswith(literal, at):
                    found |= index.owners[literal]
    return found


def find_agencies(text: str) -> list[str]:
    """Agencies cited in the text, in order of first mention. The regex only runs when one of
    the agency's names occurs as a substring (a cheap test that most agencies fail, `names_in`;
    the patterns are case-sensitive, so a missing literal means no match); a needs_context one
    is found from its names (`NameFirst`)."""
    hits = []
    name_first = _name_first(AGENCIES_PATH)
    named = names_in(text, _literal_index(AGENCIES_PATH))
    for name, _, pattern in _agency_patterns(AGENCIES_PATH):
        if name not in named:
            continue
        finder = name_first.get(name)
        if finder is not None:
            start = _earliest_cited(finder, text)
            if start is not None:
                hits.append((start, name))
            continue
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
    """Agencies and summary once the body is final (the language: tools/metastage.py)."""
    body = "\n".join(article.paragraphs)
    for name in find_agencies(body):
        if name not in article.agencies and name.casefold() != article.source.casefold():
            article.agencies.append(name)
    if article.paragraphs:
        article.summary = summarise(article.paragraphs[0])
