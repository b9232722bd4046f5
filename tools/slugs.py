"""Stable, unique ASCII slugs: the title slug, plus a suffix from the raw file's hash when a
different raw file already owns that slug (deterministic whatever the import order)."""

from __future__ import annotations

import re
from pathlib import Path

from slugify import slugify

from tools.article import Article

MAX_LENGTH = 80
_FIELD = re.compile(r"^(Raw_file|Raw_sha256): *(.+)$", re.MULTILINE)


def title_slug(title: str) -> str:
    return slugify(title, max_length=MAX_LENGTH, word_boundary=True) or "artikel"


class Slugger:
    """Knows which raw file owns each slug in the output folder and in this run."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.owners: dict[str, tuple[str, str]] = {}

    def _owner(self, slug: str) -> tuple[str, str] | None:
        if slug in self.owners:
            return self.owners[slug]
        for path in sorted(self.out.glob(f"*/{slug}.md")):
            head = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
            fields = dict(_FIELD.findall(head))
            return fields.get("Raw_file", ""), fields.get("Raw_sha256", "")
        return None

    def assign(self, article: Article) -> None:
        """Set article.slug, suffixed with the raw hash if another raw file owns the slug."""
        slug = title_slug(article.known.get("slug") or article.title)
        owner = self._owner(slug)
        if owner and article.raw_sha256 not in owner and article.raw_name not in owner:
            slug = f"{slug}-{article.raw_sha256[:8]}"
        article.slug = slug

    def claim(self, article: Article) -> None:
        self.owners[article.slug] = (article.raw_name, article.raw_sha256)
