"""Checks that an article will be published the way the archive promises: from a folder
Pelican reads, with a provenance link that works, and not one the editors withdrew.

`make html` stops at an article whose Raw_file is not in the seeds folder (the raw-seeds plugin
warns, and the build treats warnings as fatal), and Pelican silently skips an article outside
ARTICLE_PATHS; both are reported here first, with the file and line to fix.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path, PurePosixPath

from tools.checks import Findings
from tools.checks.header import Header
from tools.errors import ToolError
from tools.site_layout import Layout, layout_for
from tools.withdrawn import WithdrawnList


def check_provenance(path: Path, header: Header, out: Findings) -> None:
    """Location, Raw_file and withdrawal problems of one article."""
    layout = _layout(path.absolute().parent)
    if layout is None:
        return  # a staging folder or fixture outside any site: nothing is published from it
    inside_content = path.absolute().is_relative_to(layout.content.absolute())
    if inside_content and not layout.publishes(path) and not _is_page(path, layout):
        wanted = layout.articles[0].relative_to(layout.root)
        out.error(1, f"Pelican never publishes an article here (it reads articles only from "
                  f"{wanted}/, ARTICLE_PATHS in pelicanconf.py)",
                  f"move it to {wanted}/YYYY/")
    raw = header.first("raw_file")
    if raw and raw.value:
        problem = _raw_problem(raw.value, layout)
        if problem:
            seeds = layout.seeds.relative_to(layout.root)
            out.error(raw.line, f"Raw_file {raw.value!r} {problem}, so `make html` stops at "
                      "this article",
                      f"put the raw file in {seeds}/ (the importer copies it there itself) "
                      "or correct the name")
    _withdrawn(header, layout, out)


@lru_cache(maxsize=256)
def _layout(folder: Path) -> Layout | None:  # one lookup per folder, not per article
    return layout_for(folder / "x.md")


def _is_page(path: Path, layout: Layout) -> bool:
    return any(path.absolute().is_relative_to(p.absolute()) for p in layout.pages)


def _raw_problem(value: str, layout: Layout) -> str:
    """Why a Raw_file does not name a publishable seed ("" when it does)."""
    relative = PurePosixPath(value)
    if relative.is_absolute() or ".." in relative.parts or "\\" in value:
        return "must be a path inside the seeds folder"
    if any(part.startswith(".") for part in relative.parts):
        return "is a hidden file, which is never published"
    seed = layout.seeds / relative
    if seed.is_symlink() or any(p.is_symlink() for p in seed.parents
                                if p.is_relative_to(layout.seeds)):
        return "is a symlink, which is never published (it could point anywhere)"
    if not seed.is_file():
        return f"is not in {layout.seeds.relative_to(layout.root)}/"
    return ""


def _withdrawn(header: Header, layout: Layout, out: Findings) -> None:
    listing = _withdrawn_list(layout.withdrawn, _mtime(layout.withdrawn))
    entry = listing.match(header.value("raw_file"), header.value("raw_record"),
                          header.value("raw_sha256").lower())
    if entry:
        item = header.first("raw_sha256") or header.first("raw_file")
        out.error(item.line if item else 1,
                  f"this article was withdrawn ({entry.reason or 'no reason given'}) but is "
                  f"still in the archive",
                  f"delete the file, or remove its entry from {layout.withdrawn.name} to "
                  "publish it again")


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=4)
def _withdrawn_list(path: Path, mtime: float) -> WithdrawnList:  # mtime: reload when edited
    """The list, or an empty one when it is broken (the importer refuses it with its file and
    entry; the checker's YAML check reports broken syntax)."""
    try:
        return WithdrawnList(path if mtime else None)
    except ToolError:
        return WithdrawnList(None)
