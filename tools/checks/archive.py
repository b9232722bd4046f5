"""Checks across the whole archive: duplicate slugs and titles, internal links that go nowhere.

Works on small `Entry` records collected during the single pass over the files.
"""

from __future__ import annotations

import os
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tools.checks import ERROR, WARNING, Problem, closest, shown_path

# Site-relative URL prefixes that exist on every build (docs/architecture.md#urls).
FIXED_URLS = {"", "archives/", "tags/", "categories/", "search/"}
FREE_PREFIXES = ("feeds/", "pagefind/", "theme/", "seeds/", "tag/", "category/", "source/")


@dataclass
class Entry:
    """What other files may refer to: one article or page."""

    path: Path
    kind: str  # "article" or "page"
    slug: str
    title: str
    title_line: int
    slug_line: int
    url: str = ""  # site-relative, e.g. "2020/10/slug/"
    draft: bool = False
    raw: tuple[int, str] = (0, "")  # line and value of Raw_sha256 (imported articles)
    source: str = ""  # the outlet (`Source:`): one title in two outlets is one story, syndicated
    cluster: tuple[int, str] = (0, "")  # line and value of `Cluster:` (docs/editing.md)
    links: list[tuple[int, str]] = field(default_factory=list)


def duplicates(entries: list[Entry]) -> list[Problem]:
    """Two articles with one slug overwrite each other; two with one title from one outlet are
    likely one story imported twice (from two outlets, they are copies of a syndicated story:
    the site groups them, plugins/newsarchive/syndication.py)."""
    problems: list[Problem] = []
    by_slug: dict[str, list[Entry]] = defaultdict(list)
    by_title: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.slug:
            by_slug[(entry.kind, entry.slug)].append(entry)
        if entry.title and entry.kind == "article":
            by_title[" ".join(entry.title.casefold().split())].append(entry)
    for group in by_slug.values():
        for entry in group[1:] if len(group) > 1 else []:
            owner = shown_path(group[0].path)
            problems.append(Problem(entry.path, entry.slug_line, ERROR,
                                    f"slug {entry.slug!r} is already used by {owner}",
                                    "give one of them a different `Slug:` (and file name)"))
        if len(group) > 1:
            first, other = group[0], group[1]
            problems.append(Problem(first.path, first.slug_line, ERROR,
                                    f"slug {first.slug!r} is also used by {shown_path(other.path)}",
                                    "give one of them a different `Slug:` (and file name)"))
    for group in by_title.values():
        for entry in group if len(group) > 1 else []:
            other = next((e for e in group if e is not entry
                          and e.source.casefold() == entry.source.casefold()), None)
            if other is not None:
                problems.append(Problem(
                    entry.path, entry.title_line, WARNING,
                    f"the same title as {shown_path(other.path)}, from the same outlet",
                    "if it is the same story imported twice, delete one file"))
    return problems + _same_raw(entries) + _clusters(entries)


def _clusters(entries: list[Entry]) -> list[Problem]:
    """A `Cluster:` value groups articles with the article of that slug or with each other:
    one that names nothing groups nothing (usually a mistyped slug)."""
    slugs = {e.slug for e in entries if e.kind == "article"}
    values = defaultdict(list)
    for entry in entries:
        if entry.cluster[1]:
            values[entry.cluster[1]].append(entry)
    problems = []
    for value, group in values.items():
        if value.casefold() in {"none", "-"} or value in slugs or len(group) > 1:
            continue
        guesses = closest(value, {s.casefold(): s for s in slugs}, n=1)
        problems.append(Problem(group[0].path, group[0].cluster[0], WARNING,
                                f"`Cluster: {value}` names no article and no other article "
                                "gives it", (f"did you mean {guesses[0]}? " if guesses else "")
                                + "give the slug of a copy of the story, or `none`"))
    return problems


def _same_raw(entries: list[Entry]) -> list[Problem]:
    """One raw file imported into two articles: usually a renamed file or a changed Slug."""
    by_raw: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.raw[1]:
            by_raw[entry.raw[1]].append(entry)
    problems = []
    for group in by_raw.values():
        for index, entry in enumerate(group if len(group) > 1 else []):
            other = group[1] if index == 0 else group[0]
            problems.append(Problem(entry.path, entry.raw[0], ERROR,
                                    f"imported from the same raw file as {shown_path(other.path)}",
                                    "keep the corrected file and delete the other one"))
    return problems


def broken_links(entries: list[Entry], content: Path, tags: set[str]) -> list[Problem]:
    """Every `{filename}`, `{static}`, `{tag}` or site-relative link must lead somewhere."""
    urls = set(FIXED_URLS)
    drafts = {e.path for e in entries if e.draft}
    for entry in entries:
        if entry.url and not entry.draft:
            urls.add(entry.url)
            parts = entry.url.split("/")
            if entry.kind == "article":
                urls.update({f"{parts[0]}/", f"{parts[0]}/{parts[1]}/"})
    shown = {u.casefold(): "/" + u for u in urls if u}
    problems: list[Problem] = []
    for entry in entries:
        for line, target in entry.links:
            problem = _resolve(entry, line, target, content, urls, drafts, tags, shown)
            if problem:
                problems.append(problem)
    return problems


def _resolve(entry: Entry, line: int, target: str, content: Path, urls: set[str],
             drafts: set[Path], tags: set[str], shown: dict[str, str]) -> Problem | None:
    bare = target.split("#", 1)[0].split("?", 1)[0]
    for marker in ("{filename}", "{static}", "{attach}", "|filename|", "|static|", "|attach|"):
        if bare.startswith(marker):
            return _file_link(entry, line, bare[len(marker):], content, drafts)
    if bare.startswith(("{tag}", "|tag|")):
        name = bare[5:]
        if tags and name not in tags:
            return Problem(entry.path, line, ERROR, f"link to unknown tag {name!r}",
                           "use a canonical name from tools/data/vocabulary.yaml")
        return None
    if not bare.startswith("/") or bare.startswith("//"):
        return None  # external, relative or in-page: not ours to resolve
    url = bare.lstrip("/").removesuffix("index.html")
    if url and not url.endswith("/") and "." not in posixpath.basename(url):
        url += "/"
    if url in urls or url.startswith(FREE_PREFIXES):
        return None
    guesses = closest(url, shown, n=1, cutoff=0.85)
    hint = f"did you mean {guesses[0]}? " if guesses else ""
    return Problem(entry.path, line, ERROR, f"link to {target} leads to no page of the site",
                   hint + "link articles as [text]({filename}/articles/YYYY/slug.md)")


def _file_link(entry: Entry, line: int, relative: str, content: Path,
               drafts: set[Path]) -> Problem | None:
    base = content if relative.startswith("/") else entry.path.parent
    target = Path(os.path.normpath(base / relative.lstrip("/")))
    if not target.is_file():
        return Problem(entry.path, line, ERROR, f"link to {relative} : no such file in content/",
                       "the path is relative to this file, or to content/ when it starts with /, "
                       "e.g. {filename}/articles/2020/slug.md")
    if target in drafts:
        return Problem(entry.path, line, WARNING, f"link to {relative}, which is a draft",
                       "the link will be broken on the published site until it is published")
    return None
