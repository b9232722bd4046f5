"""Put one Pagefind bundle on disk, check it, and tell whether a bundle on disk is still whole.

Bundles nest: the primary bundle lives at `pagefind/` and the others under `pagefind/shards/`, so
clearing a bundle must spare the folders that hold other bundles.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

from .reproducible import ENTRY, normalise_files
from .search_service import SearchIndexError

logger = logging.getLogger(__name__)


def write_bundle(bundle: Path, files: dict[str, bytes], expected_pages: int,
                 spare: set[str]) -> dict[str, list[int]]:
    """Make the bundle's files those of `files` once normalised, check them, and return their
    stat prints. A file already on disk with the same bytes is left as it is: Pagefind names
    most files after their content, so re-indexing a 2,000-page bundle after one edit changes a
    few dozen of its ~2,200 files, and rewriting the others cost 0.3-2 s of disk work.

    `spare` names the bundle's subfolders that belong to other bundles (kept as they are).
    """
    files = normalise_files(files)  # byte-identical bundles between builds (reproducible.py)
    _check_folder(bundle)
    bundle.mkdir(parents=True, exist_ok=True)
    on_disk = _own_files(bundle, spare)
    for relative in on_disk.keys() - files.keys():
        on_disk[relative].unlink()
    _prune(bundle, spare)
    for relative, data in sorted(files.items()):
        target = bundle / relative
        if relative in on_disk and _holds(target, data):
            continue
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    problem = bundle_problem(bundle, expected_pages)
    if problem is not None:
        raise SearchIndexError(f"Pagefind wrote an incomplete bundle {bundle}: {problem}")
    return file_prints(bundle, spare)


def _check_folder(bundle: Path) -> None:
    if not bundle.is_dir() and (bundle.exists() or bundle.is_symlink()):
        raise SearchIndexError(
            f"{bundle} is a file where the Pagefind bundle folder should be: remove it"
        )


def _own_files(bundle: Path, spare: set[str]) -> dict[str, Path]:
    """{path inside the bundle: path} of the bundle's own regular files (not under `spare`)."""
    own = {}
    for top in bundle.iterdir():
        if top.name in spare and top.is_dir() and not top.is_symlink():
            continue
        for path in [top, *top.rglob("*")] if top.is_dir() and not top.is_symlink() else [top]:
            if path.is_file() and not path.is_symlink():
                own[path.relative_to(bundle).as_posix()] = path
    return own


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _prune(folder: Path, spare: set[str]) -> None:
    """Remove symlinks and the folders left empty under `folder` (but not `spare` ones)."""
    for child in folder.iterdir():
        if child.is_symlink():
            child.unlink()
        elif child.is_dir() and child.name not in spare:
            _prune(child, set())
            if not any(child.iterdir()):
                child.rmdir()


def clear_bundle(bundle: Path, spare: set[str]) -> None:
    """Remove the bundle's own files and folders; keep the subfolders in `spare`."""
    _check_folder(bundle)
    if not bundle.is_dir():
        return
    for child in bundle.iterdir():
        if child.name in spare and child.is_dir() and not child.is_symlink():
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def file_prints(bundle: Path, spare: set[str]) -> dict[str, list[int]]:
    """{path inside the bundle: [size, mtime_ns]} of the bundle's own files."""
    prints = {}
    for relative, path in sorted(_own_files(bundle, spare).items()):
        stat = path.stat()
        prints[relative] = [stat.st_size, stat.st_mtime_ns]
    return prints


def prints_match(bundle: Path, prints: dict[str, list[int]]) -> bool:
    """True if every file recorded for the bundle is still there, same size and mtime."""
    if not prints or ENTRY not in prints:
        return False
    for relative, (size, mtime) in prints.items():
        try:
            stat = (bundle / relative).stat()
        except OSError:
            return False
        if stat.st_size != size or stat.st_mtime_ns != mtime:
            return False
    return True


def bundle_problem(bundle: Path, expected_pages: int) -> str | None:
    """Why the written bundle is unusable, or None: entry file, metadata files, page count."""
    try:
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        languages = entry["languages"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"{ENTRY} unreadable: {exc}"
    for lang, info in languages.items():
        if not (bundle / f"pagefind.{info['hash']}.pf_meta").is_file():
            return f"metadata of language {lang!r} missing"
    pages = sum(info.get("page_count", 0) for info in languages.values())
    if pages != expected_pages:
        return f"{pages} pages indexed, {expected_pages} expected"
    return None


def spare_folders(path: str, paths: list[str]) -> set[str]:
    """The first folder names, under `path`, of the other bundles nested in it."""
    return {other[len(path) + 1:].split("/", 1)[0] for other in paths
            if other != path and other.startswith(path + "/")}


def remove_unplanned(root: Path, output: Path, planned: set[str]) -> None:
    """Delete the bundles under `root` (labels relative to `output`) that are not `planned`."""
    paths = sorted(planned)
    for entry in sorted(root.rglob(ENTRY), reverse=True):
        folder = entry.parent
        label = folder.relative_to(output).as_posix()
        if label in planned:
            continue
        clear_bundle(folder, spare_folders(label, paths))
        logger.info("Pagefind bundle %s removed: no longer planned", folder)
        while folder != output and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
