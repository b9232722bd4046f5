"""Whole-word alias matching over a vocabulary's hundreds of aliases, in a few regex scans.

Aliases are bucketed by the start of their first `\\w+` word; each bucket is one alternation,
longest alias first. The words of the text are collected in one pass, and only the buckets
keyed by one of them search the text: a text names a handful of the vocabulary's first words.
A bucket's pattern starts with a literal (no look-behind, no case-insensitive flag), so the
regex engine skips ahead to its candidates; ignoring case, it searches the lowercased text.
On the bench dumps, one alternation of every first word, or a case-insensitive scan per
bucket, were 3 and 5 times slower.

`Inflection` lets each word of an alias match its inflected forms, for languages that decline
names with suffixes (Карабах, Карабахе; Qarabağ, Qarabağda; Արցախ, Արցախում).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import NamedTuple

_WORD = re.compile(r"\w+")
_PARTS = re.compile(r"(\w+)|(\W+)")


class Alias(NamedTuple):
    """An alias with its own pattern, which tells which alias of a bucket matched."""

    alias: str
    pattern: re.Pattern[str]


class Inflection(NamedTuple):
    """A word of `keep` letters or more also matches a word that starts with it less its
    final vowels (`vowels`: the letters a declined word may lose; never fewer than `keep`
    letters left) and is at most `ending` letters longer: армения -> армении, нагорный ->
    нагорного, карабах -> карабахе, путин -> путина (never пути). Shorter words match only
    as written."""

    keep: int
    ending: int
    vowels: str

    def key(self, word: str) -> str:
        return word[:self.keep]

    def pattern(self, word: str) -> str:
        if len(word) < self.keep:
            return re.escape(word)
        stem = word.rstrip(self.vowels)
        stem = word[:max(self.keep, len(stem))]
        return re.escape(stem) + rf"\w{{0,{len(word) - len(stem) + self.ending}}}"


def fold(text: str) -> str:
    """Lowercase keeping every character's position, so a match in the folded text is one in
    the text: U+0130 (Turkish and Azerbaijani dotted capital I, "İlham") would lowercase to
    `i` plus a combining dot, so it becomes a plain `i`."""
    return text.replace("\u0130", "i").lower()


def _is_word_char(char: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


class WordIndex:
    """Whole-word matcher for a set of aliases, each starting with a word character."""

    def __init__(self, aliases: Iterable[str], ignore_case: bool,
                 inflection: Inflection | None = None,
                 capitalised: Collection[str] = ()) -> None:
        """`capitalised`: aliases written with a capital (names); with `inflection`, a form
        matched in the text must not open with a small letter (`груза` is cargo, not Грузия;
        `bakış` a look, not Bakı)."""
        self.ignore_case, self.inflection = ignore_case, inflection
        self.capitalised = frozenset(capitalised) if inflection else frozenset()
        buckets: dict[str, list[str]] = {}
        for alias in dict.fromkeys(aliases):
            first = _WORD.match(alias)
            if first is None:
                raise ValueError(f"alias {alias!r} must start with a word character")
            buckets.setdefault(self._key(self._fold(first.group(0))), []).append(alias)
        self._buckets = {key: self._bucket(words) for key, words in buckets.items()}

    def _fold(self, text: str) -> str:
        return fold(text) if self.ignore_case else text

    def _key(self, word: str) -> str:
        return self.inflection.key(word) if self.inflection else word

    def _bucket(self, aliases: list[str]) -> tuple[re.Pattern[str], list[Alias]]:
        """One alternation of the aliases, longest first; and each alias with its own pattern,
        in the same order, to tell which one matched (a capturing group per alias would cost
        the engine its skip-ahead, 35 times slower)."""
        ordered = [(alias, self._pattern(alias) + r"(?!\w)")
                   for alias in sorted(aliases, key=lambda a: (-len(a), a))]
        return (re.compile("|".join(pattern for _, pattern in ordered)),
                [Alias(alias, re.compile(pattern)) for alias, pattern in ordered])

    def _pattern(self, alias: str) -> str:
        folded = self._fold(alias)
        if self.inflection is None:
            return re.escape(folded)
        return "".join(self.inflection.pattern(word) if word else re.escape(other)
                       for word, other in _PARTS.findall(folded))

    def findall(self, text: str) -> list[str]:
        """The aliases the text mentions, in its order: whole words, without overlaps (at
        one start, the longest alias)."""
        keyed = self._fold(text)  # the same length as text, so positions carry over
        words = set(map(self._key, _WORD.findall(keyed))) if self.inflection \
            else set(_WORD.findall(keyed))
        found: list[tuple[int, int, str]] = []
        for key in words.intersection(self._buckets):
            (pattern, aliases), pos = self._buckets[key], 0
            while match := pattern.search(keyed, pos):
                start = match.start()
                if start and _is_word_char(keyed[start - 1]):  # inside a longer word
                    pos = start + 1
                    continue
                alias = aliases[0].alias if len(aliases) == 1 else next(
                    a.alias for a in aliases if a.pattern.match(keyed, start))
                pos = match.end()
                if alias in self.capitalised and text[start].islower():
                    continue  # a declined name keeps its capital
                found.append((start, match.end(), alias))
        return [alias for _, _, alias in _leftmost(found)]


def _leftmost(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Matches sorted by start (longest first at one start), overlapping ones dropped."""
    found.sort(key=lambda item: (item[0], -item[1]))
    kept: list[tuple[int, int, str]] = []
    end = 0
    for item in found:
        if item[0] >= end:
            kept.append(item)
            end = item[1]
    return kept
