"""Which pages of an edited article's bundle Pagefind can be given before Pelican reads anything.

A warm build spends its first seconds reading every article (from the content cache), and only
then knows which pages it will write; a dirty bundle was re-indexed from that point on, so
Pagefind's ~3 ms a page for a 2,000-page year bundle came after the read phase. But the previous
build's search manifest says, for each bundle, its pages in feeding order and the source file
each came from (path, size, mtime). The pages before the first one whose source changed since
are very likely the same pages, in the same order, left as they are on disk; so they can be fed
to Pagefind from disk while Pelican reads.

This is a guess, and search_index checks it once the read phase ends: the bundle's new order
must start with exactly these pages and the incremental writer must be about to skip each of
them with the file it recorded. Otherwise the pages fed early are dropped (BundleStream.discard)
and the bundle is indexed as before; a page fed early and written after all is caught like any
other page read from disk (search_index: `redo`). Either way the bundle's bytes are those of a
full build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Prefeed:
    """The bundle to start early and its first pages, unchanged as far as can be told now."""

    label: str
    pages: list[tuple[str, str, list[int]]]  # (url as planned, page file, its [size, mtime_ns])


def source_entry(save_as: str, source: str) -> list[Any] | None:
    """What the manifest keeps of a page's source: [save_as, source path, size, mtime_ns]."""
    try:
        info = os.stat(source)
    except OSError:
        return None
    return [save_as, source, info.st_size, info.st_mtime_ns]


def changed_sources(bundles: dict[str, Any]) -> dict[str, int] | None:
    """{bundle: position of its first page whose source changed} for the bundles with one;
    None if a bundle's sources were not recorded (an older manifest): then nothing is known."""
    changed = {}
    for label, bundle in bundles.items():
        try:
            pages, sources = bundle["pages"], bundle["sources"]
            if len(pages) != len(sources):
                return None
            first = _first_changed(sources)
        except (KeyError, TypeError, ValueError, IndexError):  # an older manifest, or not ours
            return None
        if first is not None:
            changed[label] = first
    return changed


def plan_prefeed(bundles: dict[str, Any], changed: dict[str, int],
                 output: str) -> Prefeed | None:
    """The bundle with the longest run of pages before its first changed source, if any.

    One bundle only: Pagefind indexes one bundle at a time, and a single edit dirties one."""
    best = max(sorted(changed.items()), key=lambda item: item[1], default=None)
    if best is None or best[1] == 0:
        return None  # nothing changed, or the first page did: nothing to start with
    label, first = best
    pages, sources = bundles[label]["pages"], bundles[label]["sources"]
    return Prefeed(label, [(page[0], os.path.join(output, source[0]), list(page[2:4]))
                           for page, source in zip(pages[:first], sources[:first], strict=True)])


def _first_changed(sources: list[Any]) -> int | None:
    """The position of the first page whose source is gone or has another size or mtime."""
    for number, entry in enumerate(sources):
        if entry is None or source_entry(entry[0], entry[1]) != entry:
            return number
    return None
