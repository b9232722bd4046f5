"""Whole-word alias matching: at each word of a text, only the aliases that start with that
word are tried (one giant alternation over every character of the text was a quarter of the
importer's time).

Aliases are bucketed by their first `\\w+` word (casefolded when matching ignores case); each
bucket is one alternation, longest alias first, tried with `match` where a text word equals the
bucket's key. Matches are leftmost and do not overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

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

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Leftmost non-overlapping alias matches."""
        words = _WORD.findall(text)
        keys = set(map(str.casefold, words) if self.ignore_case else words)
        if keys.isdisjoint(self._buckets):
            return  # the usual case for most buckets: one C-speed scan, no Python per word
        end = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < end:
                continue
            pattern = self._buckets.get(self._key(word.group(0)))
            match = pattern.match(text, start) if pattern is not None else None
            if match:
                end = match.end()
                yield match
