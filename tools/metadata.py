"""Metadata from the cleaned text: agencies cited, language, summary.

Datelines, editor codes and credit lines are captured by data rules in clean.py; this module
handles what needs the whole body. Agency mentions stay in the body and are also recorded.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from tools.article import Article
from tools.datayaml import load_yaml_text
from tools.firstchar import with_first_char_lookahead


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


@lru_cache(maxsize=2)
def load_agencies(path: Path = AGENCIES_PATH) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(name, pattern) pairs; ambiguous names only count next to a citing verb."""
    return tuple((name, pattern) for name, _, pattern in _agency_patterns(path))


@lru_cache(maxsize=2)
def _agency_patterns(path: Path) -> tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]:
    """(name, literal names and aliases, pattern): every pattern needs one literal verbatim."""
    doc = load_yaml_text(path.read_text(encoding="utf-8")) or {}
    triples = []
    cite = doc.get("citing", "")
    for item in doc.get("agencies", []):
        literals = (item["name"], *item.get("aliases", []))
        words = "|".join(re.escape(a) for a in literals)
        pattern = rf"(?<!\w)(?:{words})(?!\w)"
        if item.get("needs_context"):
            pattern = rf"(?:{cite})\s+(?:kantor berita\s+|news agency\s+)?{pattern}|\({pattern}\)"
        # the citing alternation is case-insensitive: the lookahead spares `search` from
        # entering each of its branches at every position (tools/firstchar.py)
        triples.append((item["name"], literals, with_first_char_lookahead(re.compile(pattern))))
    return tuple(triples)


def find_agencies(text: str) -> list[str]:
    """Agencies cited in the text, in order of first mention. The regex only runs when one of
    the agency's names occurs as a substring (a cheap test that most agencies fail; the
    patterns are case-sensitive, so a missing literal means no match)."""
    hits = []
    for name, literals, pattern in _agency_patterns(AGENCIES_PATH):
        if not any(literal in text for literal in literals):
            continue
        match = pattern.search(text)
        if match:
            hits.append((match.start(), name))
    return [name for _, name in sorted(hits)]


def detect_language(text: str, default: str = "id") -> str:
    """id or en by function-word counts (candidates restricted on purpose)."""
    words = Counter(re.findall(r"[a-z]+", text.lower()))  # counted at C speed
    counts = {lang: sum(words[w] for w in stop) for lang, stop in STOPWORDS.items()}
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
