"""Stable, unique ASCII slugs: the title slug, plus a suffix from the raw file's hash when a
different raw file already owns that slug (deterministic whatever the import order)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from slugify import slugify

from tools.importer.article import Article

MAX_LENGTH = 80
_FIELD = re.compile(r"^(Raw_file|Raw_sha256): *(.+)$", re.MULTILINE)


def title_slug(title: str) -> str:
    return slugify(title, max_length=MAX_LENGTH, word_boundary=True) or "artikel"


class Slugger:
    """Knows which raw file owns each slug in the output folder and in this run.

    The output folder's year folders are listed once, at the first lookup: a slug whose file
    is in none of them (most are, in a fresh folder) is not looked for on disk again, which
    saves a glob per article. Files that appear later are this run's own articles, and the
    importer `claim`s each before it looks up the next slug; a slug listed then is looked up
    on disk as before."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.owners: dict[str, tuple[str, str]] = {}
        self._listed: frozenset[str] | None = None  # file names in out/*/ at the first lookup
        self._listing_failed = False

    def _maybe_on_disk(self, name: str) -> bool:
        """False when no folder of the output folder held `name` at the first lookup."""
        if self._listed is None and not self._listing_failed:
            try:
                self._listed = _names_in_subfolders(self.out)
            except OSError:
                self._listing_failed = True  # look every slug up on disk
        return self._listed is None or name in self._listed

    def _owner(self, slug: str) -> tuple[str, str] | None:
        if slug in self.owners:
            return self.owners[slug]
        if not self._maybe_on_disk(f"{slug}.md"):
            return None
        for path in sorted(self.out.glob(f"*/{slug}.md")):
            head = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
            fields = dict(_FIELD.findall(head))
            return fields.get("Raw_file", ""), fields.get("Raw_sha256", "")
        return None

    def assign(self, article: Article) -> None:
        """Set article.slug, suffixed with the raw hash if another raw file owns the slug."""
        slug = title_slug(article.known.get("slug") or article.title)
        owner = self._owner(slug)
        # the records of one export share its Raw_file: only their own hashes tell them apart
        same_file = bool(owner) and not article.record and article.raw_name in owner
        if owner and article.raw_sha256 not in owner and not same_file:
            slug = f"{slug}-{article.raw_sha256[:8]}"
        article.slug = slug

    def claim(self, article: Article) -> None:
        self.owners[article.slug] = (article.raw_name, article.raw_sha256)


def _names_in_subfolders(out: Path) -> frozenset[str]:
    """The names of the entries of every folder in `out` (none when `out` does not exist)."""
    names: set[str] = set()
    try:
        with os.scandir(out) as listing:
            folders = list(listing)
    except (FileNotFoundError, NotADirectoryError):
        return frozenset()
    for folder in folders:
        if folder.is_dir():  # follows a symlink, as glob's "*/" does
            with os.scandir(folder.path) as entries:
                names.update(entry.name for entry in entries)
    return frozenset(names)
