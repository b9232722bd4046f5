"""Publish the raw seed of every article beside the site, so readers can see the source text.

Only seeds named by an article's `Raw_file` are copied, from RAW_SEEDS_PATH (relative to the
folder holding the content PATH) to output/raw/, keeping their subfolders (`Raw_file:
2020/story.txt` is published as raw/2020/story.txt). Symlinks are never published: one
pointing outside the seeds folder would publish any file of the machine. Originals are only
read. HTML seeds are published with a `.txt` suffix: a scraped page must never run as a page
of this site. A gzipped seed keeps its name: it is downloaded, not shown.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

RAW_OUTPUT = "raw"
_published: dict[str, Path] = {}


def seeds_folder(settings: dict[str, Any]) -> Path:
    """RAW_SEEDS_PATH, relative to the parent of the content folder when not absolute."""
    folder = Path(settings.get("RAW_SEEDS_PATH") or "seeds")
    return folder if folder.is_absolute() else Path(settings["PATH"]).parent / folder


def published_name(raw_name: str) -> str:
    """The file name under output/raw/: `.txt` kept, anything else gets `.txt` appended, but
    a gzipped seed (`crawl.warc.gz`), which a browser would show as garbage text: it is a
    download, never a page."""
    return raw_name if raw_name.endswith((".txt", ".gz")) else raw_name + ".txt"


def seed_files(folder: Path) -> set[str]:
    """Relative paths (`name`, `sub/name`) of the regular files under the seeds folder, from
    directory listings alone (no stat per file). Symlinks are left out, so a link pointing
    outside the folder is never published; so are hidden files and folders."""
    found: set[str] = set()
    if not folder.is_dir():
        return found
    pending = [(folder, "")]
    while pending:
        current, prefix = pending.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.name.startswith(".") or entry.is_symlink():
                    continue
                if entry.is_dir(follow_symlinks=False):
                    pending.append((Path(entry.path), f"{prefix}{entry.name}/"))
                elif entry.is_file(follow_symlinks=False):
                    found.add(prefix + entry.name)
    return found


def collect(generator: Any) -> None:
    """Set `raw_url` on articles whose Raw_file exists in the seeds folder (None otherwise)."""
    _published.clear()
    folder = seeds_folder(generator.settings)
    available = seed_files(folder)
    missing = []
    for draft in [*generator.drafts, *generator.drafts_translations]:
        draft.raw_url = None  # drafts are previews: their seeds are published once they are
    # Hidden articles are published (unlisted): their seeds are too.
    for article in [*generator.articles, *generator.translations, *generator.hidden_articles,
                    *generator.hidden_translations]:
        article.raw_url = None
        name = (article.metadata.get("raw_file") or "").strip()
        if not name:
            continue
        if name not in available or name.startswith("."):
            missing.append(f"{article.source_path}: {name}")
            continue
        target = f"{RAW_OUTPUT}/{published_name(name)}"
        _published[target] = folder / name
        article.raw_url = target
    if missing:  # one warning, not one per article: a bulk mistake should not flood the log
        logger.warning("%d articles name a Raw_file that is not in %s (no raw link shown), "
                       "e.g. %s", len(missing), folder, "; ".join(missing[:3]))


def publish(pelican: Any) -> None:
    """Copy the collected seeds to output/raw/ (skipping copies already up to date)."""
    output = Path(pelican.output_path)
    for target, source in sorted(_published.items()):
        destination = output / target
        stat = source.stat()
        if destination.is_file():
            existing = destination.stat()
            if existing.st_size == stat.st_size and existing.st_mtime == stat.st_mtime:
                continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        # The bytes and the mtime (the up-to-date test above), not copy2's permissions and
        # extended attributes: a third of the time on 10,000 seeds.
        shutil.copyfile(source, destination)
        os.utime(destination, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    if _published:
        logger.info("Published %d raw seeds to %s", len(_published), output / RAW_OUTPUT)
