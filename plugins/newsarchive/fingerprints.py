"""Fingerprints for the incremental build: what each written page's bytes can depend on.

Few and explicit, so a reviewer can check them against the templates:

- **global**: settings (minus the few that only say where caches live), theme files, plugin
  code, `tools/data/` and the vocabulary, library versions, the output folder. Any change
  here and every page is rendered again.
- **card** of an article: what a listing, a related list, prev/next or a translation link
  shows of it (url, save_as, lang, title, date, summary, tags, category, source, status).
- **full** digest of an article: its card plus its source file byte for byte (what the reader,
  the sanitiser and the plugin derive from it — body, metadata, tags by kind, reading time,
  JSON-LD — is a function of those bytes and of the global inputs), its path and its raw-seed
  link. Links to other articles are left to the pages, which fingerprint those articles' cards.
- **call keys** (incremental_writer.call_key): an article page is its full digest plus the cards
  of its related/prev/next/translations; a paginated listing is the cards of all its articles
  and its listing object; a period page is its articles' cards and its year's coverage; a feed
  is the full digests of its items. Other pages (tags, archives, search, sources, 404, static
  pages) are few and always rendered.

Everything is hashed through `encode`, which turns values into stable JSON (no memory addresses,
no hash order), so the same inputs give the same digest in any process.
"""

from __future__ import annotations

import dataclasses
import hashlib
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

from .dates import published_iso
from .presentation import body_as_read

# Settings that say where caches live or whether to use them: they change no output byte.
IGNORED_SETTINGS = frozenset({
    "CACHE_CONTENT", "LOAD_CONTENT_CACHE", "CACHE_PATH", "GZIP_CACHE", "CHECK_MODIFIED_METHOD",
    "CONTENT_CACHING_LAYER", "NEWSARCHIVE_INCREMENTAL", "NEWSARCHIVE_PELICAN_FIXES",
    # How the build uses the machine, never what it writes (tests prove the bytes equal).
    "PAGEFIND_QUEUE_MB",
})
# Libraries whose code shapes the output.
LIBRARIES = ("pelican", "jinja2", "markdown", "feedgenerator", "markupsafe", "babel", "nh3",
             "pagefind", "pagefind_bin", "python-slugify", "PyYAML")
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_LINK_MARK = re.compile(r"[{|]\w+[|}]")  # Pelican's {filename}-style intra-site link syntax


def digest(value: Any) -> str:
    """sha256 (hex) of the stable form of `value`."""
    return hashlib.sha256(repr(encode(value)).encode("utf-8", "surrogatepass")).hexdigest()


def encode(value: Any, depth: int = 0) -> Any:
    """Plain tuples, strings and numbers that are the same in every process for the same data
    (sets and dicts sorted, objects by their fields, no memory addresses)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if depth > 12:
        raise RecursionError("value nested too deep to fingerprint")
    depth += 1
    if isinstance(value, list | tuple):
        return (type(value).__name__, *(encode(v, depth) for v in value))
    if isinstance(value, dict):
        return ("dict", *_sorted([(encode(k, depth), encode(v, depth))
                                  for k, v in value.items()]))
    if isinstance(value, datetime | date | time):
        return ("dt", value.isoformat())
    if isinstance(value, Content):
        # A reference only: pages that show another article fingerprint its card themselves.
        return ("content", type(value).__name__, getattr(value, "save_as", None),
                getattr(value, "source_path", None))
    if isinstance(value, URLWrapper):
        # Tags, categories, authors, sources are named: what plugins add to them (a tag's kind
        # and aliases) comes from the vocabulary, which the global fingerprint covers.
        return ("wrapper", type(value).__name__, value.name, value.slug)
    if isinstance(value, set | frozenset):
        return ("set", *_sorted([encode(v, depth) for v in value]))
    if isinstance(value, re.Pattern):
        return ("re", value.pattern, value.flags)
    if isinstance(value, FunctionType):
        return ("function", value.__module__, value.__qualname__, _code_digest(value.__code__))
    if isinstance(value, type | ModuleType):
        return ("name", getattr(value, "__module__", ""),
                getattr(value, "__qualname__", value.__name__))
    if dataclasses.is_dataclass(value):
        return ("dataclass", type(value).__qualname__,
                encode({f.name: getattr(value, f.name) for f in dataclasses.fields(value)},
                       depth))
    return ("repr", type(value).__qualname__, _ADDRESS.sub("", repr(value)))


def _sorted(items: list[Any]) -> list[Any]:
    try:
        return sorted(items)
    except TypeError:  # mixed types: order by their text form, which is total
        return sorted(items, key=repr)


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


def global_parts(settings: dict[str, Any], output_path: str,
                 files: list[Path]) -> dict[str, Any]:
    """Everything every page can depend on, by part; any change means a full build."""
    kept = {k: v for k, v in settings.items() if k not in IGNORED_SETTINGS}
    return {
        "settings": {k: digest(v) for k, v in kept.items()},
        "output": str(Path(output_path).resolve()),
        "files": dict(files_digest(files)),
        "versions": library_versions(),
    }


def changed_parts(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Names of the settings, files and versions that differ (for the log: why a full build)."""
    changed = []
    for part in ("settings", "files", "versions"):
        before, after = old.get(part) or {}, new.get(part) or {}
        changed += [f"{part}:{k}" for k in sorted(before.keys() | after.keys())
                    if before.get(k) != after.get(k)]
    if old.get("output") != new.get("output"):
        changed.append("output folder")
    return changed


class ArticleDigests:
    """Card and full digests per article, computed once per build (articles do not change
    while pages are written)."""

    def __init__(self, source_hashes: dict[str, str] | None = None) -> None:
        self._cards: dict[int, str] = {}
        self._full: dict[int, str] = {}
        self._sources = {} if source_hashes is None else source_hashes  # path -> sha256
        self._keep: list[Any] = []  # keeps ids valid while the build runs

    def card(self, article: Any) -> str | None:
        """What other pages show of an article: listings, related lists, prev/next."""
        if article is None:
            return None
        key = id(article)
        if key not in self._cards:
            self._keep.append(article)
            metadata = getattr(article, "metadata", {}) or {}
            source = getattr(article, "source_page", None)
            category = getattr(article, "category", None)
            fields = (
                article.url, article.save_as, article.lang, article.title,
                article.date.isoformat(), published_iso(article), getattr(article, "status", None),
                str(metadata.get("summary") or ""),
                tuple((t.name, t.slug) for t in getattr(article, "tags", None) or ()),
                (category.name, category.slug) if category is not None else None,
                (source.name, source.slug) if source is not None else None,
            )
            self._cards[key] = sha256_text(repr(fields))
        return self._cards[key]

    def full(self, article: Any) -> str:
        """Everything its own page and its feed entries show: the card, the source file byte
        for byte (body and header; what the reader, the sanitiser and the plugin derive from it
        depends only on it and on the global fingerprint), where it lives, and the raw-seed link
        (which depends on the seeds folder). Links to other articles are the pages' business."""
        key = id(article)
        if key not in self._full:
            self._keep.append(article)
            body = body_as_read(article)
            # Intra-site links are resolved at render time: hash the resolved body too.
            resolved = article.get_content("") if _LINK_MARK.search(body) else None
            fields = (
                self.card(article), article.source_path,
                getattr(article, "relative_source_path", None),
                self._source_hash(article.source_path), getattr(article, "raw_url", None),
                getattr(article, "template", None), resolved,
            )
            self._full[key] = sha256_text(repr(fields))
        return self._full[key]

    def _source_hash(self, path: str) -> str:
        if path not in self._sources:
            self._sources[path] = _file_hash(Path(path))
        return self._sources[path]


def sha256_text(text: str) -> str:
    """sha256 (hex) of a text, lone surrogates included (file names may carry them)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
