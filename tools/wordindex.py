"""Whole-word alias matching: only the aliases whose first word occurs in a text are searched
for (one giant alternation over every character of the text was a quarter of the importer's
time).

Aliases are bucketed by their first `\\w+` word (casefolded when matching ignores case); each
bucket is one whole-word alternation, longest alias first. Only the buckets whose key is a word
of the text search it; their matches are merged leftmost first, without overlaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"\w+")


def alternation(words: Iterable[str]) -> str:
    """Whole-word alternation, longest alias first (ties alphabetical)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return r"(?<!\w)(?:" + "|".join(re.escape(w) for w in ordered) + r")(?!\w)"


class WordIndex:
    """Whole-word matcher for a set of aliases, each starting with a word character."""

    def __init__(self, aliases: Iterable[str], ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        buckets: dict[str, list[str]] = {}
        for alias in set(aliases):
            first = _WORD.match(alias)
            if first is None:
                raise ValueError(f"alias {alias!r} must start with a word character")
            buckets.setdefault(self._key(first.group(0)), []).append(alias)
        flags = re.IGNORECASE if ignore_case else 0
        self._buckets = {key: re.compile(alternation(words), flags)
                         for key, words in buckets.items()}

    def _key(self, word: str) -> str:
        return word.casefold() if self.ignore_case else word

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Leftmost non-overlapping alias matches (at one start, the longest alias)."""
        words = _WORD.findall(text)
        keys = set(map(str.casefold, words) if self.ignore_case else words)
        found = [match for key in keys if key in self._buckets
                 for match in self._buckets[key].finditer(text)]
        found.sort(key=lambda m: (m.start(), -m.end()))
        kept, end = [], 0
        for match in found:
            if match.start() >= end:
                kept.append(match)
                end = match.end()
        return kept
