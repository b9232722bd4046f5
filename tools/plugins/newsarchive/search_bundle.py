"""Put one Pagefind bundle on disk, check it, and tell whether a bundle on disk is still whole.

Bundles nest: the primary bundle lives at `pagefind/` and the others under `pagefind/shards/`, so
clearing a bundle must spare the folders that hold other bundles.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .reproducible import normalise_bundle
from .search_service import SearchIndexError

ENTRY = "pagefind-entry.json"


def write_bundle(bundle: Path, files: dict[str, bytes], expected_pages: int,
                 spare: set[str]) -> dict[str, list[int]]:
    """Replace the bundle's files by `files`, normalise and check them; return their stat prints.

    `spare` names the bundle's subfolders that belong to other bundles (kept as they are).
    """
    clear_bundle(bundle, spare)
    bundle.mkdir(parents=True, exist_ok=True)
    for relative, data in sorted(files.items()):
        target = bundle / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    normalise_bundle(bundle)  # byte-identical bundles between builds (reproducible.py)
    problem = bundle_problem(bundle, expected_pages)
    if problem is not None:
        raise SearchIndexError(f"Pagefind wrote an incomplete bundle {bundle}: {problem}")
    return file_prints(bundle, spare)


def clear_bundle(bundle: Path, spare: set[str]) -> None:
    """Remove the bundle's own files and folders; keep the subfolders in `spare`."""
    if not bundle.is_dir():
        if bundle.exists() or bundle.is_symlink():
            raise SearchIndexError(
                f"{bundle} is a file where the Pagefind bundle folder should be: remove it"
            )
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
    for path in sorted(bundle.rglob("*")):
        relative = path.relative_to(bundle)
        if relative.parts[0] in spare or not path.is_file():
            continue
        stat = path.stat()
        prints[relative.as_posix()] = [stat.st_size, stat.st_mtime_ns]
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
