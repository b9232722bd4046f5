"""Whole-word alias matching: aliases are tried only where their first word starts in the text
(one giant alternation over every character of the text was a quarter of the importer's time,
and one alternation per bucket scanning the whole text was still a fifth).

Aliases are bucketed by their first `\\w+` word (casefolded when matching ignores case); each
bucket is one whole-word alternation, longest alias first. At each word of the text, the bucket
keyed by that word is tried there; matches are merged leftmost first, without overlaps. When
case matters, the words that key a bucket are found by one regular expression of those words
(a search the regex engine runs on its own), not by looking at every word of the text.
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
        # case-sensitive keys as one whole-word alternation: it matches exactly the words of
        # the text that key a bucket (ignoring case, such a search is slower than the loop)
        self._words = _WORD if ignore_case else re.compile(alternation(buckets))

    def _key(self, word: str) -> str:
        return word.casefold() if self.ignore_case else word

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Leftmost non-overlapping alias matches (at one start, the longest alias)."""
        found: list[re.Match[str]] = []
        ends: dict[str, int] = {}  # per bucket, where its last match ended (no overlaps)
        buckets, fold = self._buckets, self.ignore_case
        for word in self._words.finditer(text):  # runs once a word: kept lean
            key = word.group()
            if fold:
                key = key.casefold()
            bucket = buckets.get(key)
            if bucket is None or word.start() < ends.get(key, 0):
                continue
            match = bucket.match(text, word.start())
            if match:
                found.append(match)
                ends[key] = match.end()
        return _leftmost(found)


def _leftmost(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """Matches sorted by start (longest first at one start), overlapping ones dropped."""
    found.sort(key=lambda m: (m.start(), -m.end()))
    kept: list[re.Match[str]] = []
    end = 0
    for match in found:
        if match.start() >= end:
            kept.append(match)
            end = match.end()
    return kept
