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


class TextWords:
    """A text's `\\w+` runs, folded: computed once per text and shared by the matchers that
    look words up in it. `keyed` gives the runs that are keys of a matcher, with their offsets.

    Fast path (`spaced`): the folded text with every non-word character turned into a space at
    C speed (`str.translate` of an ASCII string; the few distinct non-ASCII characters of a
    text first `str.replace`d, a word character by `_`, any other by a space). One regex over
    it, the matcher's ASCII keys as a trie between spaces (`KeySet.pattern`), reports each run
    that is a key, and only those reach Python (a few dozen of ~650 runs). A run holding `_`
    for a non-ASCII letter equals no key as long as no key holds `_` (else the split below is
    used); keys with a non-ASCII letter are looked for with `str.find` in the folded text when
    it holds their first non-ASCII letter. A text with many distinct non-ASCII characters is
    split into every run with its offset instead (`folded`, `starts`)."""

    __slots__ = ("text", "_folded_text", "_spaced", "_non_ascii", "_runs")

    def __init__(self, text: str, folded_text: str) -> None:
        self.text = text
        self._folded_text = folded_text
        self._spaced: str | None = None  # " " + folded text, non-word characters as spaces + " "
        self._non_ascii: frozenset[str] = frozenset()  # distinct non-ASCII folded characters
        self._runs: tuple[list[str], list[int]] | None = None
        non_ascii = frozenset(_NON_ASCII.findall(folded_text)) if not text.isascii() else None
        if non_ascii is None:
            self._spaced = " " + folded_text.translate(_ASCII_NOT_WORD) + " "
        elif len(non_ascii) <= MAX_REPLACED:
            spaced = folded_text
            for char in non_ascii:
                spaced = spaced.replace(char, "_" if char.isalnum() else " ")
            self._spaced = " " + spaced.translate(_ASCII_NOT_WORD) + " "
            self._non_ascii = non_ascii

    @classmethod
    def of(cls, text: str) -> TextWords | None:
        """The text's words, or None when folding would move a word boundary (Greek iota)."""
        folded = fold_text(text)
        if _NOT_WORD_AFTER_FOLD in folded:
            return None
        return cls(text, folded)

    def _split(self) -> tuple[list[str], list[int]]:
        if self._runs is None:
            tokens = _TOKENS.split(self._folded_text)  # separator, word, ..., separator
            starts = list(accumulate(map(len, tokens[:-1]), initial=0))[1::2]
            self._runs = (tokens[1::2], starts)
        return self._runs

    @property
    def folded(self) -> list[str]:
        """Every `\\w+` run of the text, folded."""
        return self._split()[0]

    @property
    def starts(self) -> list[int]:
        """Where each run starts."""
        return self._split()[1]

    def keyed(self, keys: KeySet) -> list[tuple[int, str]]:
        """(start, folded run) of every run that is one of the keys, in text order."""
        spaced = self._spaced
        if spaced is None or (keys.has_underscore and self._non_ascii):
            keyed = map(keys.all.__contains__, self.folded)
            return list(compress(zip(self.starts, self.folded, strict=True), keyed))
        # a match starts at the space before the run: spaced[p] stands for text[p - 1]
        hits = [(match.start(), match.group(1)) for match in keys.pattern.finditer(spaced)]
        more = [(at, key) for char in self._non_ascii for key in keys.by_non_ascii.get(char, ())
                for at in _whole_runs(self._folded_text, key)]
        if more:
            hits += more
            hits.sort()
        return hits


MAX_REPLACED = 12  # distinct non-ASCII characters replaced one by one; more: split instead
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_NOT_WORD = str.maketrans({c: " " for c in map(chr, range(128))
                                 if not (c.isalnum() or c == "_")})


def _whole_runs(folded: str, key: str) -> Iterator[int]:
    """Where `key` occurs in `folded` as a whole `\\w+` run."""
    at = folded.find(key)
    while at >= 0:
        end = at + len(key)
        if (at == 0 or not _is_word(folded[at - 1])) and (
                end == len(folded) or not _is_word(folded[end])):
            yield at
        at = folded.find(key, at + 1)


def _is_word(char: str) -> bool:
    """`\\w` of re (Unicode): alphanumeric or `_`."""
    return char.isalnum() or char == "_"


def trie(words: Iterable[str]) -> str:
    """A regex matching exactly the given strings (escaped), as a trie of alternations: the
    engine tests a few first characters at each position instead of every word."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + (")?" if "" in node else ")")

    return emit(root)


@dataclass(frozen=True)
class KeySet:
    """A matcher's bucket keys (folded), arranged for `TextWords.keyed`."""

    all: frozenset[str]
    pattern: re.Pattern[str]  # " key" for an ASCII key between spaces (group 1: the key)
    by_non_ascii: dict[str, tuple[str, ...]]  # keys with a non-ASCII letter, by the first one
    has_underscore: bool

    @classmethod
    def of(cls, keys: Iterable[str]) -> KeySet:
        keys = frozenset(keys)
        by_char: dict[str, list[str]] = {}
        for key in sorted(keys):
            first = next((c for c in key if not c.isascii()), None)
            if first is not None:
                by_char.setdefault(first, []).append(key)
        ascii_keys = [k for k in keys if k.isascii()]
        pattern = re.compile(f" ({trie(ascii_keys)})(?= )" if ascii_keys else "(?!)")
        return cls(keys, pattern, {c: tuple(ks) for c, ks in by_char.items()},
                   any("_" in k for k in keys))


def _rarest_word(alias: str) -> str:
    """A word of the alias that a text is unlikely to hold verbatim: the one with the most
    capitals, then the longest (any part of the alias would do for correctness)."""
    return max(_WORD.findall(alias), key=lambda w: (sum(c.isupper() for c in w), len(w)))


def _least_words(words: Iterable[str]) -> frozenset[str]:
    """The words that hold none of the others: a text holds one of `words` if and only if it
    holds one of these."""
    words = set(words)
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def alternation(words: Iterable[str]) -> str:
    """Whole-word alternation, longest alias first (ties alphabetical)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return r"(?<!\w)(?:" + "|".join(re.escape(w) for w in ordered) + r")(?!\w)"


class WordIndex:
    """Whole-word matcher for a set of aliases, each starting with a word character."""

    def __init__(self, aliases: Iterable[str], ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        aliases = set(aliases)
        buckets: dict[str, list[str]] = {}
        for alias in aliases:
            first = _WORD.match(alias)
            if first is None:
                raise ValueError(f"alias {alias!r} must start with a word character")
            buckets.setdefault(self._key(first.group(0)), []).append(alias)
        self._flags = re.IGNORECASE if ignore_case else 0
        # compiled when a text first holds the key: most of the ~500 never occur in a run
        self._sources = {key: alternation(words) for key, words in buckets.items()}
        self._buckets: dict[str, re.Pattern[str]] = {}
        self._keys = KeySet.of(map(fold_text, self._sources))
        # case-sensitive: no alias can match a text that holds none of these (one word of each;
        # a word holding another is left out), searched for as one alternation
        self._needed = None if ignore_case else _least_words(map(_rarest_word, aliases))
        self._any_needed = re.compile("|".join(map(re.escape, sorted(self._needed)))) \
            if self._needed else None

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
        if self._needed is not None and (self._any_needed is None
                                         or not self._any_needed.search(text)):
            return
        if words is None or words.text is not text:
            words = TextWords.of(text)
        if words is None:
            yield from self.finditer_per_word(text)
            return
        end = 0
        for start, word in words.keyed(self._keys):
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
