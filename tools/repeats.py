"""Learn template lines from the batch: lines that repeat verbatim across several articles of
one source are menus, footers and widgets. Only 8-byte line hashes are kept in memory.

Short lines count after 2 files; short sentences after 3 (two articles on one story may share
a quote or a background sentence); long lines after max(3, 60 % of the group's files)."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from tools.clean import SENTENCE_END
from tools.errors import ToolError

log = logging.getLogger(__name__)

LONG_LINE_WORDS = 20
LONG_LINE_SHARE = 0.6
SENTENCE_FILES = 3  # a short sentence two articles share may be a quote or background line


def words_key(words: list[str]) -> bytes:
    """The key of a line already split into words (line_key's, for the pre-pass)."""
    return hashlib.blake2b(" ".join(words).casefold().encode(), digest_size=8).digest()


def line_key(line: str) -> bytes:
    return words_key(line.split())


class Repeats:
    """Per source group: hashes of lines seen in enough files to count as template junk."""

    def __init__(self) -> None:
        self.junk: dict[str, set[bytes]] = {}

    def is_junk(self, group: str, line: str) -> bool:
        return line_key(line) in self.junk.get(group, ())

    @classmethod
    def learn(cls, paths: Iterable[Path],
              read_lines: Callable[[Path], tuple[str, list[str]]]) -> Repeats:
        """Pre-pass: read_lines(path) -> (group, lines); unreadable files are skipped here
        (the main pass reports them)."""
        counts: dict[str, Counter[bytes]] = defaultdict(Counter)
        longs: dict[str, set[bytes]] = defaultdict(set)
        sentences: dict[str, set[bytes]] = defaultdict(set)
        files: Counter[str] = Counter()
        seen: set[bytes] = set()
        for path in paths:
            try:
                group, lines = read_lines(path)
            except ToolError:
                continue
            copy = hashlib.blake2b("\n".join(lines).encode(errors="replace") + group.encode(
                errors="replace"), digest_size=16).digest()
            if copy in seen:  # one article saved twice: its lines are not a site template
                continue
            seen.add(copy)
            files[group] += 1
            keys = set()
            group_longs, group_sentences = longs[group], sentences[group]
            for line in lines:  # looks_like_sentence inlined: ~50 lines a file
                words = line.split()
                if not words:
                    continue
                key = words_key(words)
                keys.add(key)
                if len(words) >= LONG_LINE_WORDS:
                    group_longs.add(key)
                elif len(words) >= 8 and line.endswith(SENTENCE_END):
                    group_sentences.add(key)
            counts[group].update(keys)
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
