"""Raw inputs read by the repeated-line pre-pass, kept for the main pass up to a size cap.

Every input is read twice in a batch: once to learn the template lines of its site (that pass
keeps only line hashes, so 100,000 dumps fit in memory) and once to import it. Reading (stat,
bytes, binary check, decoding, normalising) costs ~0.2 ms a dump, a tenth of the per-dump budget
of issue 8, so the pre-pass keeps what it read while the kept text stays under MAX_BYTES of
memory (~35,000 bench dumps of ~7,000 characters); the rest are read again. The cap was 32
million characters (~4,400 bench dumps): at 10,000 dumps more than half were read twice.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tools.importer.article import Article
from tools.importer.inputs import read_unit as read_input

MAX_BYTES = 256 * 2**20  # of kept text, as Python stores it (1, 2 or 4 bytes a character)


class ReadCache:
    """`keep` articles straight from read_input; `take` one back (or read it) exactly once."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._kept: dict[Path, tuple[Article, int]] = {}

    def read(self, path: Path) -> Article:
        """read_input for the pre-pass: the article is also kept while there is room."""
        article = read_input(path)
        size = sys.getsizeof(article.text)
        if self.bytes + size <= self.max_bytes:
            self._kept[path] = (article, size)
            self.bytes += size
        return article

    def take(self, path: Path) -> Article:
        """The kept article (given out once, then forgotten), else read_input."""
        kept = self._kept.pop(path, None)
        if kept is None:
            return read_input(path)
        self.bytes -= kept[1]
        return kept[0]
