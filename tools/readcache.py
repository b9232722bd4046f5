"""Raw inputs read by the repeated-line pre-pass, kept for the main pass up to a size cap.

Every input is read twice in a batch: once to learn the template lines of its site (that pass
keeps only line hashes, so 100,000 dumps fit in memory) and once to import it. Reading (stat,
bytes, binary check, decoding, normalising) costs ~0.2 ms a dump, a tenth of the per-dump budget
of issue 8, so the pre-pass keeps what it read while the kept text stays under MAX_CHARS (a few
thousand dumps, a few dozen MB); the rest are read again.
"""

from __future__ import annotations

from pathlib import Path

from tools.article import Article
from tools.read import read_input

MAX_CHARS = 32_000_000  # at most 128 MB even for 4-byte characters


class ReadCache:
    """`keep` articles straight from read_input; `take` one back (or read it) exactly once."""

    def __init__(self, max_chars: int = MAX_CHARS) -> None:
        self.max_chars = max_chars
        self.chars = 0
        self._kept: dict[Path, Article] = {}

    def read(self, path: Path) -> Article:
        """read_input for the pre-pass: the article is also kept while there is room."""
        article = read_input(path)
        if self.chars + len(article.text) <= self.max_chars:
            self._kept[path] = article
            self.chars += len(article.text)
        return article

    def take(self, path: Path) -> Article:
        """The kept article (given out once, then forgotten), else read_input."""
        article = self._kept.pop(path, None)
        if article is None:
            return read_input(path)
        self.chars -= len(article.text)
        return article
