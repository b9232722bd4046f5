"""Metadata from the cleaned text: agencies cited, language, summary.

Datelines, editor codes and credit lines are captured by data rules in clean.py; this module
handles what needs the whole body. Agency mentions stay in the body and are also recorded.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from tools.article import Article
from tools.datayaml import load_yaml_text


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


AGENCIES_PATH = Path(__file__).resolve().parent / "data" / "agencies.yaml"
SUMMARY_CHARS = 300
# Frequent function words; restricting candidates to id/en avoids the id/Malay confusion of
# general-purpose detectors.
STOPWORDS = {
    "id": _words("yang dan di ke dari ini itu dengan untuk pada tidak akan juga dalam adalah oleh "
              "bahwa telah sudah karena atau bisa kata saat namun masih lebih para tersebut "
              "mereka kami kita ada dia ia hingga sebagai menjadi secara setelah"),
    "en": _words("the and of to in is that for was with on as by it at from his her be are "
              "this have has an were which said not but they their will would been had who "
              "its also after"),
}


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
    for item in doc.get("agencies", []):
        literals = _literals(item)
        pattern = _bounded(literals)
        if item.get("needs_context"):
            pattern = rf"(?:{cite}){_CONTEXT_TAIL}{pattern}|\({pattern}\)"
        triples.append((item["name"], literals, re.compile(pattern)))
    return tuple(triples)


def find_agencies(text: str) -> list[str]:
    """Agencies cited in the text, in order of first mention. An agency's pattern runs only
    when one of its names occurs in the text (the patterns are case-sensitive)."""
    hits = []
    for name, literals, pattern in _agency_patterns(AGENCIES_PATH):
        if any(literal in text for literal in literals):
            match = pattern.search(text)
            if match:
                hits.append((match.start(), name))
    return [name for _, name in sorted(hits)]


# `[a-z]+` runs at C speed: every byte of the lowercased UTF-8 text but a-z becomes a space
# (a non-ASCII character's bytes are all >= 0x80), so `split` gives the runs `re.findall` gave.
_ONLY_A_TO_Z = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))
_STOPWORD_BYTES = {lang: frozenset(w.encode() for w in words) for lang, words in STOPWORDS.items()}
_ANY_STOPWORD = frozenset().union(*_STOPWORD_BYTES.values())


def detect_language(text: str, default: str = "id") -> str:
    """id or en by function-word counts (candidates restricted on purpose)."""
    runs = text.lower().encode("utf-8", "surrogatepass").translate(_ONLY_A_TO_Z).split()
    words = Counter(filter(_ANY_STOPWORD.__contains__, runs))  # counted at C speed
    counts = {lang: sum(words[w] for w in stop) for lang, stop in _STOPWORD_BYTES.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] > 0 else default


def summarise(paragraph: str, limit: int = SUMMARY_CHARS) -> str:
    """First paragraph as plain text, cut at a word boundary."""
    text = " ".join(paragraph.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–—")
    return cut + " …"


def fill_metadata(article: Article) -> None:
    """Agencies, language and summary once the body is final."""
    body = "\n".join(article.paragraphs)
    for name in find_agencies(body):
        if name not in article.agencies and name.casefold() != article.source.casefold():
            article.agencies.append(name)
    article.lang = article.known.get("lang") or detect_language(" ".join([article.title, body]))
    if article.paragraphs:
        article.summary = summarise(article.paragraphs[0])
