"""Incremental builds: render only the pages an edit can have changed (issue 8).

On when the content cache is (`make html`: CACHE_CONTENT and LOAD_CONTENT_CACHE), or when
`NEWSARCHIVE_INCREMENTAL` is true; `NEWSARCHIVE_INCREMENTAL = False` forces a full build.

The manifest (`CACHE_PATH/incremental.json`) records, for every file the last successful build
wrote through the Writer, the key it was rendered from and its size and mtime, plus the global
fingerprint of that build (fingerprints.py). While a build runs, the manifest on disk claims
no page current (it only lists the files earlier builds wrote), so a failed or interrupted build
is followed by a full one. At the end of a successful build (the last `finalized` handler) the
new manifest is written atomically, and files an earlier build wrote that this one did not (a
deleted article, a changed slug or date, a tag gone) are removed with the folders they leave
empty — so an incremental build equals a full build into a fresh folder, file list included.
"""

from __future__ import annotations

import logging
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

from . import raw_seeds
from .cachefile import read_cache_json, write_cache_json
from .fingerprints import changed_parts, digest, global_parts
from .incremental_writer import BuildState, IncrementalWriter, current_state, set_state

logger = logging.getLogger(__name__)

MANIFEST_NAME = "incremental.json"
FORMAT = 1
PELICAN_VERSION = "4.12.0"  # incremental_writer follows this version's Writer

_build: dict[str, Any] = {}


class ManifestError(RuntimeError):
    """The incremental-build manifest could not be written."""


def enabled(settings: dict[str, Any]) -> bool:
    """NEWSARCHIVE_INCREMENTAL when set, else on exactly when the content cache is."""
    choice = settings.get("NEWSARCHIVE_INCREMENTAL")
    if choice is None:
        choice = bool(settings.get("CACHE_CONTENT")) and bool(settings.get("LOAD_CONTENT_CACHE"))
    return bool(choice) and version("pelican") == PELICAN_VERSION


def dependency_files(settings: dict[str, Any]) -> list[Path]:
    """Files outside content/ that every page can depend on: theme, plugins, data files, and
    the project modules the plugin imports (the vocabulary loader and what it uses)."""
    import tools.vocabulary

    tools_dir = Path(tools.vocabulary.__file__).resolve().parent
    modules = [Path(m.__file__) for name, m in sorted(sys.modules.items())
               if name.startswith("tools.") and not name.startswith("tools.plugins")
               and getattr(m, "__file__", None)]
    paths = [Path(settings["THEME"]), tools_dir / "data", *modules]
    paths += [Path(p) for p in settings.get("PLUGIN_PATHS") or ()]
    if settings.get("NEWSARCHIVE_VOCABULARY"):
        paths.append(Path(settings["NEWSARCHIVE_VOCABULARY"]))
    return [p.resolve() for p in paths]


def manifest_path(settings: dict[str, Any]) -> Path:
    return Path(settings.get("CACHE_PATH") or "cache") / MANIFEST_NAME


def start(pelican: Any) -> None:
    """`initialized`: load the last manifest, then mark it as claiming nothing until the end."""
    _build.clear()
    set_state(None)
    settings = pelican.settings
    if not enabled(settings):
        return
    path = manifest_path(settings)
    output = str(Path(pelican.output_path).resolve())
    parts = global_parts(settings, pelican.output_path, dependency_files(settings))
    fingerprint = digest(parts)
    old = _load(path)
    previous: dict[str, list[Any]] = {}
    earlier: set[str] = set()
    if old.get("output") == output:
        earlier = set(old.get("files", {})) | set(old.get("earlier", []))
        if old.get("global") == fingerprint and not settings.get("DELETE_OUTPUT_DIRECTORY"):
            previous = old.get("files", {})
    if old and not previous:
        why = changed_parts(old.get("parts") or {}, parts) or ["the last build did not finish"]
        logger.info("Incremental build: rendering every page (changed since the last build: "
                    "%s)", ", ".join(why[:8]) + (" ..." if len(why) > 8 else ""))
    _save(path, {"format": FORMAT, "output": output, "global": None, "parts": parts, "files": {},
                 "earlier": sorted(earlier)})
    _build.update(path=path, output=output, fingerprint=fingerprint, parts=parts,
                  earlier=earlier)
    set_state(BuildState(previous))


def get_writer(pelican: Any) -> type | None:
    """`get_writer`: the skipping writer while an incremental build runs."""
    return IncrementalWriter if current_state() is not None else None


def finish(pelican: Any) -> None:
    """`finalized` (connected last): remove stale outputs, then write the new manifest."""
    state = current_state()
    if state is None or not _build:
        return
    output = Path(_build["output"])
    extra = set(raw_seeds._published)  # raw seeds copied by this build (output/raw/...)
    now = set(state.written) | extra
    removed = 0
    for relpath in sorted(_build["earlier"] - now):
        removed += _remove(output, relpath)
    _save(_build["path"], {"format": FORMAT, "output": _build["output"],
                           "global": _build["fingerprint"], "parts": _build["parts"],
                           "files": state.written,
                           "earlier": sorted(extra)})
    logger.info("Incremental build: %d pages rendered, %d unchanged and kept, %d stale "
                "files removed", state.rendered, state.skipped, removed)
    set_state(None)
    _build.clear()


def _remove(output: Path, relpath: str) -> int:
    path = (output / relpath).resolve()
    if output not in path.parents or not path.is_file():
        return 0
    path.unlink()
    folder = path.parent
    while folder != output and output in folder.parents:
        try:
            folder.rmdir()  # only when empty
        except OSError:
            break
        folder = folder.parent
    return 1


def _load(path: Path) -> dict[str, Any]:
    data = read_cache_json(path, "Incremental build: unreadable manifest %s (%s); "
                           "rendering every page")
    return data if isinstance(data, dict) and data.get("format") == FORMAT else {}


def _save(path: Path, data: dict[str, Any]) -> None:
    try:
        write_cache_json(path, data, separators=(",", ":"))
    except OSError as exc:
        raise ManifestError(f"cannot write the incremental-build manifest {path}: {exc}; "
                            "check that CACHE_PATH is writable") from exc
