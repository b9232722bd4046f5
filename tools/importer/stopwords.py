"""Stop words of the page's language, from jusText's stoplists (Wikipedia-derived, ~100
languages, shipped with the jusText package that trafilatura already depends on).

The share of a line's words that are stop words tells running prose from names, labels and
menus in any script. The language is the one whose stoplist covers most words of the page:
no language is assumed, and a page in a language without a loaded list gets no stop-word
evidence (an empty set) rather than a wrong list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

# ISO 639-1 code -> jusText stoplist: the archive's languages (tools/data/languages.yaml) and
# other languages its readers' sources and the development pages are written in.
STOPLISTS = {
    "id": "Indonesian", "ms": "Malay", "en": "English", "ru": "Russian", "az": "Azerbaijani",
    "hy": "Armenian", "ka": "Georgian", "tr": "Turkish", "fa": "Persian", "uk": "Ukrainian",
    "ar": "Arabic", "fr": "French", "es": "Spanish", "de": "German", "pt": "Portuguese",
    "cs": "Czech", "it": "Italian", "nl": "Dutch",
}
MIN_COVER = 0.15  # share of a page's words a stoplist must cover to count as its language
_WORD = re.compile(r"\w+")


@cache
def _lists() -> dict[str, frozenset[str]]:
    import justext  # lazy: only text dumps need it

    return {code: frozenset(justext.get_stoplist(name)) for code, name in STOPLISTS.items()}


@cache
def _languages_of() -> dict[str, tuple[str, ...]]:
    """Each stop word with the languages whose list holds it."""
    index: dict[str, list[str]] = {}
    for code, stop in _lists().items():
        for word in stop:
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def words_of(line: str) -> list[str]:
    return _WORD.findall(line.lower())


def page_stopwords(words: Iterable[str]) -> frozenset[str]:
    """The stoplist of the language whose stop words make up most of the page's `words`
    (lowercased, as `words_of` gives them), or an empty set when none covers MIN_COVER."""
    counts = Counter(words)
    total = sum(counts.values())
    if not total:
        return frozenset()
    cover: Counter[str] = Counter()
    index = _languages_of()
    for word, count in counts.items():
        for code in index.get(word, ()):
            cover[code] += count
    if not cover:
        return frozenset()
    best = max(cover, key=lambda code: cover[code])
    return _lists()[best] if cover[best] >= MIN_COVER * total else frozenset()


def density(words: list[str], stop: frozenset[str]) -> float:
    """Share of the words that are stop words (1.0 when there is no list: no evidence)."""
    if not stop:
        return 1.0
    return sum(word in stop for word in words) / len(words) if words else 0.0
