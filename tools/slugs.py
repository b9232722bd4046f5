"""Stable, unique ASCII slugs: the title slug, plus a suffix from the raw file's hash when a
different raw file already owns that slug (deterministic whatever the import order)."""

from __future__ import annotations

from pathlib import Path

from slugify import slugify
from unidecode import unidecode

from tools.importer.article import Article
from tools.importer.existing import ArticleIndex

MAX_LENGTH = 80


# an apostrophe joins the letters around it (`don't` -> `dont`), typed straight or curly, or
# as a transliteration writes it; Azerbaijani schwa is `e` (`Əliyev` -> `eliyev`)
REPLACEMENTS = [["'", ""], ["\u2019", ""], ["\u02bc", ""], ["`", ""], ["ə", "e"], ["Ə", "E"]]


def title_slug(title: str) -> str:
    """The title's slug, cut after the last whole word that fits MAX_LENGTH. The title is
    transliterated first, so the apostrophes a transliteration writes (Georgian ejectives
    `sak'art'velo`, the Russian soft sign) join letters like typed ones instead of splitting
    the word."""
    for old, new in REPLACEMENTS:
        title = title.replace(old, new)
    slug = slugify(unidecode(title), replacements=REPLACEMENTS)
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_LENGTH + 1] \
            else slug[:MAX_LENGTH]
    return slug or "artikel"


class Slugger:
    """Which raw file owns each slug: the articles already in the output folder (under their
    file name and their `Slug:`, which an editor may have changed), then this run's own."""

    def __init__(self, out: Path, index: ArticleIndex | None = None) -> None:
        self.owners: dict[str, tuple[str, str]] = {}
        index = index if index is not None else ArticleIndex(out)
        for path, owner in index.origins.items():
            for slug in (path.stem, index.slugs[path]):
                if slug:
                    self.owners.setdefault(slug, owner)

    def assign(self, article: Article) -> None:
        """Set article.slug, suffixed with the raw hash if another raw file (or an article
        written by hand) owns the slug."""
        slug = title_slug(article.known.get("slug") or article.title)
        owner = self.owners.get(slug)
        # the records of one export share its Raw_file: only their own hashes tell them apart
        same_file = bool(owner) and not article.record and article.raw_name in owner
        if owner and article.raw_sha256 not in owner and not same_file:
            slug = f"{slug}-{article.raw_sha256[:8]}"
        article.slug = slug

    def claim(self, article: Article) -> None:
        self.owners[article.slug] = (article.raw_name, article.raw_sha256)
