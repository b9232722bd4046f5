"""Find whole-word alias matches by looking up the word at each word start, not by running one
giant alternation regex over every character (that scan was a quarter of the importer's time).

Exactness: the old regex `(?<!\\w)(?:a1|a2|...)(?!\\w)` (aliases longest first) can only match at
the start of a `\\w+` run, and the alias's first word must equal that run letter for letter under
the regex's own case rules. So the aliases are bucketed by their first word, folded the way `re`
folds case (simple lowercase plus its extra equivalences such as ı/i, ſ/s), and at each word start
only that bucket's alternation (same order, same pattern) is tried with `match`. Matches are
non-overlapping and leftmost, as `finditer` gave them.

Finding the word starts whose word has a bucket was itself one Python step per word (~1,300 a
dump). `TextWords` does it at C speed instead: the text is folded as a whole (`fold_text`: same
length, each character folded as `_fold` folds it), split into words once, their offsets summed
with `accumulate`, and `compress` keeps the words that are bucket keys; only those (a few dozen)
reach Python. `tests/test_import_tag_matching.py` checks the result against the per-word loop.
"""

from __future__ import annotations

import re
from _sre import unicode_tolower
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, compress
from re._casefix import _EXTRA_CASES  # the equivalences re.IGNORECASE adds to lowercasing

_WORD = re.compile(r"\w+")
_TOKENS = re.compile(r"(\w+)")
# str.lower() lowercases as `unicode_tolower` does, except İ (two characters, "i̇") and the
# context rule for a final sigma; then each lowercase letter goes to the smallest letter re
# equates it with, as `_fold` does (σ and ς both to ς, so the sigma rule does not matter).
_SMALLEST = {low: min((low, *extra)) for low, extra in _EXTRA_CASES.items()}
_TO_SMALLEST = {low: small for low, small in _SMALLEST.items() if small != low}
_NEEDS_SMALLEST = re.compile("[" + "".join(re.escape(chr(c)) for c in _TO_SMALLEST) + "]")
# Folding changes whether a character is a word character only for the Greek iotas (to U+0345,
# a combining mark); a text holding one is matched by the per-word loop instead.
_NOT_WORD_AFTER_FOLD = "\u0345"


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


def fold_text(text: str) -> str:
    """`_fold` of every character of text at once (the same length as text)."""
    if text.isascii():
        return text.lower()
    low = text.replace("İ", "i").lower()
    return low.translate(_TO_SMALLEST) if _NEEDS_SMALLEST.search(low) else low


@dataclass(frozen=True)
class TextWords:
    """A text's `\\w+` runs, folded, with their start offsets: computed once per text and
    shared by the matchers that look words up in it."""

    text: str
    folded: list[str]
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> TextWords | None:
        """The text's words, or None when folding would move a word boundary (Greek iota)."""
        folded = fold_text(text)
        if _NOT_WORD_AFTER_FOLD in folded:
            return None
        tokens = _TOKENS.split(folded)  # separator, word, separator, ..., separator
        return cls(text, tokens[1::2], list(accumulate(map(len, tokens[:-1]), initial=0))[1::2])


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
        self._flags = re.IGNORECASE if ignore_case else 0
        # compiled when a text first holds the key: most of the ~500 never occur in a run
        self._sources = {key: alternation(words) for key, words in buckets.items()}
        self._buckets: dict[str, re.Pattern[str]] = {}
        self._folded_keys = frozenset(map(fold_text, self._sources))

    def _bucket(self, key: str) -> re.Pattern[str] | None:
        """The alternation of the aliases whose first word folds to `key`, or None."""
        pattern = self._buckets.get(key)
        if pattern is None and key in self._sources:
            pattern = self._buckets[key] = re.compile(self._sources[key], self._flags)
        return pattern

    def _key(self, word: str) -> str:
        return _fold(word) if self.ignore_case else word

    def finditer(self, text: str, words: TextWords | None = None) -> Iterator[re.Match[str]]:
        """Leftmost non-overlapping alias matches, like the full alternation's finditer.
        `words`: TextWords.of(text), when the caller has it."""
        if words is None or words.text is not text:
            words = TextWords.of(text)
        if words is None:
            yield from self.finditer_per_word(text)
            return
        keyed = map(self._folded_keys.__contains__, words.folded)
        end = 0
        for start, word in compress(zip(words.starts, words.folded, strict=True), keyed):
            if start < end:
                continue
            key = word if self.ignore_case else text[start: start + len(word)]
            match = self._match_at(key, text, start)
            if match:
                end = match.end()
                yield match

    def finditer_per_word(self, text: str) -> Iterator[re.Match[str]]:
        """The same matches, found by looking up every word in turn (the reference)."""
        end = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < end:
                continue
            match = self._match_at(self._key(word.group(0)), text, start)
            if match:
                end = match.end()
                yield match

    def _match_at(self, key: str, text: str, start: int) -> re.Match[str] | None:
        """The alias of bucket `key` that matches at `start`, if any."""
        pattern = self._bucket(key)
        return pattern.match(text, start) if pattern is not None else None
