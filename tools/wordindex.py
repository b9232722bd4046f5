"""Find whole-word alias matches by looking up the word at each word start, not by running one
giant alternation regex over every character (that scan was a quarter of the importer's time).

Exactness: the old regex `(?<!\\w)(?:a1|a2|...)(?!\\w)` (aliases longest first) can only match at
the start of a `\\w+` run, and the alias's first word must equal that run letter for letter under
the regex's own case rules. So the aliases are bucketed by their first word, folded the way `re`
folds case (simple lowercase plus its extra equivalences such as ı/i, ſ/s), and at each word start
only that bucket's alternation (same order, same pattern) is tried with `match`. Matches are
non-overlapping and leftmost, as `finditer` gave them.
"""

from __future__ import annotations

import re
from _sre import unicode_tolower
from collections.abc import Iterable, Iterator
from re._casefix import _EXTRA_CASES  # the equivalences re.IGNORECASE adds to lowercasing

_WORD = re.compile(r"\w+")


def _fold(word: str) -> str:
    """The word with each letter replaced by the smallest letter re.IGNORECASE equates it with
    (for ASCII that is plain lowercase: the extra equivalents are all non-ASCII)."""
    if word.isascii():
        return word.lower()
    out = []
    for char in word:
        low = unicode_tolower(ord(char))
        out.append(chr(min((low, *_EXTRA_CASES.get(low, ())))))
    return "".join(out)


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
        return _fold(word) if self.ignore_case else word

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Leftmost non-overlapping alias matches, like the full alternation's finditer."""
        end = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < end:
                continue
            pattern = self._buckets.get(self._key(word.group(0)))
            if pattern is None:
                continue
            match = pattern.match(text, start)
            if match:
                end = match.end()
                yield match
