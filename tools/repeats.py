"""Learn template lines from the batch: lines that repeat verbatim across several articles of
one source are menus, footers and widgets. Only 8-byte line hashes are kept in memory.

Short lines count after 2 files; short sentences after 3 (two articles on one story may share
a quote or a background sentence); long lines after max(3, 60 % of the group's files).

A line's key is the hash of its whitespace-normalised, casefolded text (`folded`): Python's
64-bit string hash, which C computes once per string; the keys live only for one run. A text
dump's lines are already normalised (`read.normalise`), so the whole text is casefolded at once
(`DumpLines`; casefolding maps each character on its own and never makes or removes a newline).
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, repeat
from operator import add
from pathlib import Path

from tools.clean import looks_like_sentence
from tools.errors import ToolError

log = logging.getLogger(__name__)

LONG_LINE_WORDS = 20
LONG_LINE_SHARE = 0.6
SENTENCE_FILES = 3  # a short sentence two articles share may be a quote or background line


class DumpLines(list[str]):
    """A text dump's lines as `read.normalise` leaves them (no leading, trailing or repeated
    white space), with the text they were split from."""

    def __init__(self, text: str) -> None:
        super().__init__(text.split("\n"))
        self.text = text


def folded(lines: Sequence[str]) -> list[str]:
    """Each line whitespace-normalised and casefolded ("" for a blank line)."""
    if isinstance(lines, DumpLines):
        return lines.text.casefold().split("\n")
    return [" ".join(line.split()).casefold() for line in lines]


def word_counts(lines: Sequence[str]) -> list[int]:
    """Each line's `len(line.split())`."""
    if isinstance(lines, DumpLines):  # normalised: spaces + 1, or 0 for a blank line
        return list(map(add, map(str.count, lines, repeat(" ")), map(bool, lines)))
    return [len(line.split()) for line in lines]


def line_key(line: str) -> int:
    return hash(" ".join(line.split()).casefold())


def junk_lines(lines: Sequence[str], folded_lines: Sequence[str],
               keys: set[int] | frozenset[int] | None) -> set[str]:
    """The lines whose key (the hash of their `folded` text) is in `keys`."""
    if not keys:
        return set()
    return set(compress(lines, map(keys.__contains__, map(hash, folded_lines))))


class Repeats:
    """Per source group: hashes of lines seen in enough files to count as template junk."""

    def __init__(self) -> None:
        self.junk: dict[str, set[int]] = {}

    def is_junk(self, group: str, line: str) -> bool:
        return line_key(line) in self.junk.get(group, ())

    @classmethod
    def learn(cls, paths: Iterable[Path],
              read_lines: Callable[[Path], tuple[str, list[str]]]) -> Repeats:
        """Pre-pass: read_lines(path) -> (group, lines); unreadable files are skipped here
        (the main pass reports them)."""
        counts: dict[str, Counter[int]] = defaultdict(Counter)
        longs: dict[str, set[int]] = defaultdict(set)
        sentences: dict[str, set[int]] = defaultdict(set)
        files: Counter[str] = Counter()
        seen: set[bytes] = set()
        for path in paths:
            try:
                group, lines = read_lines(path)
            except ToolError:
                continue
            text = lines.text if isinstance(lines, DumpLines) else "\n".join(lines)
            copy = hashlib.blake2b(text.encode(errors="replace") + group.encode(
                errors="replace"), digest_size=16).digest()
            if copy in seen:  # one article saved twice: its lines are not a site template
                continue
            seen.add(copy)
            files[group] += 1
            keys = list(map(hash, folded(lines)))
            words = word_counts(lines)
            group_longs, group_sentences = longs[group], sentences[group]
            for line, key, count in zip(lines, keys, words, strict=True):
                if count >= LONG_LINE_WORDS:
                    group_longs.add(key)
                elif looks_like_sentence(line, count):
                    group_sentences.add(key)
            counts[group].update(set(compress(keys, words)))  # nonblank lines
        learned = cls()
        for group, counter in counts.items():
            floor_long = max(3, LONG_LINE_SHARE * files[group])
            learned.junk[group] = {
                k for k, n in counter.items()
                if n >= (floor_long if k in longs[group] else
                         SENTENCE_FILES if k in sentences[group] else 2)}
            log.debug("group %r: %d files, %d template lines", group, files[group],
                      len(learned.junk[group]))
        return learned
