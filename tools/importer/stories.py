"""At import: an article that copies a story the archive already holds gets `Cluster:`.

The value is the slug of the copy found (or that copy's own `Cluster:`), so the build groups
them even before it compares texts, and an editor sees and can correct the grouping in the
header (docs/editing.md). Copies from the same outlet are not recorded: that is an update or a
duplicate, which `python -m tools check` reports. The comparison is tools/syndication.py, the
one the build uses; the archive's articles are sketched once per run, only when an article is
about to be written. Memory stays small: the index holds 16 values an article, and a sketch is
kept packed (this run's articles) or read again from its file when a candidate needs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tools.checks.header import Header
from tools.importer.article import Article
from tools.syndication import Sketch, SketchIndex, pack, sketch, unpack

NOT_A_COPY = {"none", "-"}


@dataclass
class Stories:
    """The stories of the archive's articles (their headers, as existing.ArticleIndex read them)
    and of this run's."""

    archive: list[tuple[Path, Header]] = field(default_factory=list)
    _index: SketchIndex | None = None
    _keys: list[tuple[str, str, str]] = field(default_factory=list)  # slug, cluster, source

    def cluster_of(self, article: Article, item: Sketch | None = None) -> str:
        """The `Cluster:` value for `article`: "" when no other outlet's article is a copy.
        `item`: the article's `sketch_of`, when the caller has it."""
        index = self._loaded()
        for number, _ in index.similar(item or sketch_of(article)):
            slug, cluster, source = self._keys[number]
            if slug != article.slug and source.casefold() != (article.source or "").casefold():
                return cluster or slug
        return ""

    def remember(self, article: Article, cluster: str, item: Sketch | None = None) -> None:
        """Index an article this run wrote, so later inputs of the run can copy it."""
        if cluster.casefold() not in NOT_A_COPY:
            item = item or sketch_of(article)
            self._loaded().add(item, pack(item))
            self._keys.append((article.slug, cluster, article.source or ""))

    def _loaded(self) -> SketchIndex:
        if self._index is None:
            self._index = SketchIndex(load=_load)
            for path, header in self.archive:
                self._add_file(path, header)
        return self._index

    def _add_file(self, path: Path, header: Header) -> None:
        cluster, slug = header.value("cluster"), header.value("slug")
        if cluster.casefold() in NOT_A_COPY or not slug:
            return
        assert self._index is not None
        self._index.add(sketch(_read(path)[1]), path)
        self._keys.append((slug, cluster, header.value("source")))


def sketch_of(article: Article) -> Sketch:
    """The article's body as tools/syndication.py compares it (computed once an article)."""
    return sketch("\n".join(article.paragraphs))


def _read(path: Path) -> tuple[str, str]:
    try:
        header, _, body = path.read_text(encoding="utf-8-sig").partition("\n\n")
    except (OSError, UnicodeDecodeError):
        return "", ""  # `python -m tools check` reports unreadable articles
    return header, body


def _load(ref: Path | tuple[int, bytes]) -> tuple[int, tuple[int, ...]]:
    return sketch(_read(ref)[1]) if isinstance(ref, Path) else unpack(ref)
