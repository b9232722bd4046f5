"""What the previous build put in each Pagefind bundle, so that unchanged bundles are kept.

Per bundle: the (url, sha256 of the page HTML as indexed) of its pages in the order they were
fed (the order decides the bundle's bytes), and the size and mtime of each file it wrote (so a
bundle deleted, cut short or edited on disk is rebuilt). Stored under Pelican's `CACHE_PATH`,
outside the published output, one file per output folder (test builds into different folders
never share one). The file is removed when a build starts using it and written again only when
the build's index is complete, so a build that fails half-way leaves no manifest and the next
build re-indexes everything. Format and atomic writing: cachefile.py.
"""

from __future__ import annotations

import hashlib
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pagefind import service

from . import cachefile


def manifest_key() -> str:
    """The Pagefind that wrote the bundles: package versions and binary path.

    Not the binary's mtime: the benchmark starts Pagefind through a wrapper script it writes
    afresh for every build, which would make every bundle look stale.
    """
    versions = []
    for package in ("pagefind", "pagefind_bin"):
        try:
            versions.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            versions.append(f"{package} -")
    return "|".join([*versions, str(service.get_executable())])

def manifest_path(cache_path: str | Path, output: Path) -> Path:
    name = hashlib.sha256(os.fsencode(os.path.abspath(output))).hexdigest()[:20]
    return Path(cache_path) / "search-index" / f"{name}.json"

def take_manifest(path: Path) -> dict[str, Any]:
    """The previous build's bundles ({} if none or unusable); the file is removed."""
    bundles = cachefile.load(path, manifest_key())
    path.unlink(missing_ok=True)
    return bundles if isinstance(bundles, dict) else {}

def save_manifest(path: Path, bundles: dict[str, Any]) -> None:
    """Write the manifest atomically (a half-written one would be read as unusable anyway)."""
    cachefile.save(path, bundles, manifest_key())
