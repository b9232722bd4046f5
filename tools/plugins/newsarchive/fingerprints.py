"""Fingerprints for the incremental build: what each written page's bytes can depend on.

Few and explicit, so a reviewer can check them against the templates:

- **global**: settings (minus the few that only say where caches live), theme files, plugin
  code, `tools/data/` and the vocabulary, library versions, the output folder. Any change
  here and every page is rendered again.
- **card** of an article: what a listing, a related list, prev/next or a translation link
  shows of it (url, save_as, lang, title, date, summary, tags, category, source, status).
- **full** digest of an article: its card plus its body and every attribute the reader and the
  plugin set on it (metadata, tags by kind, reading time, JSON-LD, raw link, ...), except the
  links to other articles, which pages fingerprint by those articles' cards.
- **page keys** (incremental_writer.page_key): an article page is its full digest plus the cards
  of its related/prev/next/translations; a listing page is its slice of cards, its pagination
  and its listing object; a period page is its articles' cards and its year's coverage; a feed
  is the full digests of its items. Other pages (tags, archives, search, sources, 404, static
  pages) are few and always rendered.

Everything is hashed through `encode`, which turns values into stable JSON (no memory addresses,
no hash order), so the same inputs give the same digest in any process.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import marshal
import re
import sys
from collections.abc import Iterable
from datetime import date, datetime, time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import CodeType, FunctionType, ModuleType
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

# Settings that say where caches live or whether to use them: they change no output byte.
IGNORED_SETTINGS = frozenset({
    "CACHE_CONTENT", "LOAD_CONTENT_CACHE", "CACHE_PATH", "GZIP_CACHE", "CHECK_MODIFIED_METHOD",
    "CONTENT_CACHING_LAYER", "NEWSARCHIVE_INCREMENTAL",
})
# Libraries whose code shapes the output.
LIBRARIES = ("pelican", "jinja2", "markdown", "feedgenerator", "markupsafe", "babel", "nh3",
             "pagefind", "python-slugify", "PyYAML")
# Article attributes that are links to other articles (fingerprinted by their cards where a page
# shows them), the shared settings/context, and caches derived from attributes already hashed.
_NOT_OWN = frozenset({
    "settings", "_context", "related_articles", "newer_article", "older_article",
    "translations", "_newsarchive_urls",
})
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_LINK_MARK = re.compile(r"[{|]\w+[|}]")  # Pelican's {filename}-style intra-site link syntax


def digest(value: Any) -> str:
    """sha256 (hex) of the stable JSON form of `value`."""
    text = json.dumps(encode(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode(value: Any, depth: int = 0) -> Any:
    """A JSON-able form of `value` that is the same in every process for the same data."""
    if depth > 12:
        raise RecursionError("value nested too deep to fingerprint")
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date | time):
        return ["dt", value.isoformat()]
    if isinstance(value, Content):
        # A reference only: pages that show another article fingerprint its card themselves.
        return ["content", type(value).__name__, getattr(value, "save_as", None),
                getattr(value, "source_path", None)]
    if isinstance(value, URLWrapper):
        attrs = {k: v for k, v in vars(value).items() if k != "settings"}
        return ["wrapper", type(value).__name__, value.name, value.slug,
                encode(attrs, depth + 1)]
    if isinstance(value, dict):
        return ["dict", sorted(([encode(k, depth + 1), encode(v, depth + 1)]
                                for k, v in value.items()), key=_order)]
    if isinstance(value, list | tuple):
        return [type(value).__name__, [encode(v, depth + 1) for v in value]]
    if isinstance(value, set | frozenset):
        return ["set", sorted((encode(v, depth + 1) for v in value), key=_order)]
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, value.flags]
    if isinstance(value, FunctionType):
        return ["function", value.__module__, value.__qualname__, _code_digest(value.__code__)]
    if isinstance(value, type | ModuleType):
        return ["name", getattr(value, "__module__", ""), getattr(value, "__qualname__",
                                                                   value.__name__)]
    if dataclasses.is_dataclass(value):
        return ["dataclass", type(value).__qualname__,
                encode({f.name: getattr(value, f.name) for f in dataclasses.fields(value)},
                       depth + 1)]
    return ["repr", type(value).__qualname__, _ADDRESS.sub("", repr(value))]


def _order(item: Any) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _code_digest(code: CodeType) -> str:
    return hashlib.sha256(marshal.dumps(code)).hexdigest()


def files_digest(paths: Iterable[Path]) -> list[list[str]]:
    """[relative path, sha256] of every file under each path (a file or a folder), sorted."""
    found = []
    for root in paths:
        root = Path(root)
        if root.is_file():
            found.append([str(root), _file_hash(root)])
            continue
        if not root.is_dir():
            found.append([str(root), "missing"])
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                found.append([str(path.relative_to(root.parent)), _file_hash(path)])
    return found


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def library_versions() -> dict[str, str]:
    versions = {"python": sys.version}
    for name in LIBRARIES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "absent"
    return versions


def global_fingerprint(settings: dict[str, Any], output_path: str, files: list[Path]) -> str:
    """Digest of everything every page can depend on; any change means a full build."""
    kept = {k: v for k, v in settings.items() if k not in IGNORED_SETTINGS}
    return digest({
        "settings": kept,
        "output": str(Path(output_path).resolve()),
        "files": files_digest(files),
        "versions": library_versions(),
    })


class ArticleDigests:
    """Card and full digests per article, computed once per build (articles do not change
    while pages are written)."""

    def __init__(self) -> None:
        self._cards: dict[int, str] = {}
        self._full: dict[int, str] = {}
        self._keep: list[Any] = []  # keeps ids valid while the build runs

    def card(self, article: Any) -> str | None:
        if article is None:
            return None
        key = id(article)
        if key not in self._cards:
            self._keep.append(article)
            metadata = getattr(article, "metadata", {}) or {}
            self._cards[key] = digest([
                getattr(article, "url", None), getattr(article, "save_as", None),
                getattr(article, "lang", None), getattr(article, "title", None),
                getattr(article, "date", None), getattr(article, "status", None),
                metadata.get("summary"), getattr(article, "tags", None),
                getattr(article, "category", None), getattr(article, "source_page", None),
            ])
        return self._cards[key]

    def full(self, article: Any) -> str:
        key = id(article)
        if key not in self._full:
            self._keep.append(article)
            own = {k: v for k, v in vars(article).items() if k not in _NOT_OWN}
            body = own.get("_content") or ""
            # Intra-site links are resolved at render time: hash the resolved body too.
            resolved = article.get_content("") if _LINK_MARK.search(body) else None
            self._full[key] = digest([self.card(article), own, resolved,
                                      getattr(article, "url", None),
                                      getattr(article, "save_as", None)])
        return self._full[key]
