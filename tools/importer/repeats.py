"""Learn template lines from the batch: lines that repeat verbatim across several articles of
one source are menus, footers and widgets. Only 8-byte line hashes are kept in memory.

Short lines count after 2 files; short sentences after 3 (two articles on one story may share
a quote or a background sentence); long lines after max(3, 60 % of the group's files).

A line's key is the hash of its whitespace-normalised, casefolded text (`folded`): Python's
64-bit string hash; the keys live only for one run.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import compress
from pathlib import Path

from tools.errors import ToolError
from tools.importer.clean import looks_like_sentence
from tools.importer.lines import line_key

log = logging.getLogger(__name__)

LONG_LINE_WORDS = 20
LONG_LINE_SHARE = 0.6
SENTENCE_FILES = 3  # a short sentence two articles share may be a quote or background line


def folded(lines: Sequence[str]) -> list[str]:
    """Each line whitespace-normalised and casefolded ("" for a blank line): the key
    `tools.importer.linefacts.LineFacts` gives the same line."""
    return list(map(line_key, lines))


class Repeats:
    """Per source group: hashes of lines seen in enough files to count as template junk."""

    def __init__(self) -> None:
        self.junk: dict[str, set[int]] = {}

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
            text = "\n".join(lines)
            copy = hashlib.blake2b(text.encode(errors="replace") + group.encode(
                errors="replace"), digest_size=16).digest()
            if copy in seen:  # one article saved twice: its lines are not a site template
                continue
            seen.add(copy)
            files[group] += 1
            keys = list(map(hash, folded(lines)))
            words = [len(line.split()) for line in lines]
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
