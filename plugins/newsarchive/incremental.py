"""Incremental builds: render only the pages an edit can have changed (issue 8).

On when the content cache is (`make html`: CACHE_CONTENT and LOAD_CONTENT_CACHE), or when
`NEWSARCHIVE_INCREMENTAL` is true; `NEWSARCHIVE_INCREMENTAL = False` forces a full build.

The manifest (`CACHE_PATH/incremental.json`, format and writing: cachefile.py) records, for
every `write_file`/`write_feed` call of the last successful build, the key it was rendered from
and the size and mtime of the files it wrote (incremental_writer.py), plus the digest of that
build's inputs (fingerprints.global_parts). While a build runs, the manifest on disk claims no
page current (it only lists the files earlier builds wrote), so a failed or interrupted build is
followed by a full one. At the end of a successful build (the last `finalized` handler) the new
manifest is written atomically, and files an earlier build wrote that this one did not (a
deleted article, a changed slug or date, a tag gone) are removed with the folders they leave
empty — so an incremental build equals a full build into a fresh folder, file list included.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from . import cachefile, raw_seeds
from .fingerprints import changed_parts, digest, global_parts
from .incremental_writer import BuildState, IncrementalWriter, current_state, set_state

logger = logging.getLogger(__name__)

MANIFEST_NAME = "incremental.json"
_build: dict[str, Any] = {}


class ManifestError(RuntimeError):
    """The incremental-build manifest could not be written."""


def enabled(settings: dict[str, Any]) -> bool:
    """NEWSARCHIVE_INCREMENTAL when set, else on exactly when the content cache is."""
    choice = settings.get("NEWSARCHIVE_INCREMENTAL")
    if choice is None:
        choice = bool(settings.get("CACHE_CONTENT")) and bool(settings.get("LOAD_CONTENT_CACHE"))
    return bool(choice)


def dependency_files(settings: dict[str, Any]) -> list[Path]:
    """Files outside content/ that every page can depend on: theme, plugins, data files, and
    the project modules the plugin imports (the vocabulary loader and what it uses)."""
    import tools.vocabulary

    tools_dir = Path(tools.vocabulary.__file__).resolve().parent
    modules = [Path(m.__file__) for name, m in sorted(sys.modules.items())
               if name.startswith("tools.")
               and getattr(m, "__file__", None)]
    paths = [Path(settings["THEME"]), tools_dir / "data", *modules]
    paths += [Path(p) for p in settings.get("PLUGIN_PATHS") or ()]
    if settings.get("NEWSARCHIVE_VOCABULARY"):
        paths.append(Path(settings["NEWSARCHIVE_VOCABULARY"]))
    return [p.resolve() for p in paths]


def manifest_path(settings: dict[str, Any]) -> Path:
    return cachefile.cache_folder(settings) / MANIFEST_NAME


def start(pelican: Any) -> None:
    """`initialized`: load the last manifest, then mark it as claiming nothing until the end.

    The last build's pages are reused only if it finished with the same inputs (settings,
    theme, plugin code, data, library versions, output folder); so is Pelican's content cache."""
    _build.clear()
    set_state(None)
    settings = pelican.settings
    if not enabled(settings):
        return
    path = manifest_path(settings)
    output = str(Path(pelican.output_path).resolve())
    parts = global_parts(settings, output, dependency_files(settings))
    inputs_key = digest(parts)
    old = cachefile.load(path) or {}
    earlier = set(old.get("files", [])) if old.get("output") == output else set()
    if old.get("output") != output and any(Path(output).glob("*")):
        # no record of what the last build wrote here: pages it wrote that are no longer
        # made would stay forever, so the folder starts empty (as DELETE_OUTPUT_DIRECTORY)
        logger.info("Incremental build: no record of %s's pages (cache/ deleted or damaged): "
                    "emptying it first", output)
        pelican.delete_outputdir = True
    previous = old.get("calls", {}) if old.get("inputs") == inputs_key else {}
    if old.get("inputs") != inputs_key or settings.get("DELETE_OUTPUT_DIRECTORY"):
        previous = {}
        settings["LOAD_CONTENT_CACHE"] = False  # Pelican's cache is of other inputs
        if old:
            why = changed_parts(old.get("parts") or {}, parts) or [
                "the last build did not finish"]
            logger.info("Incremental build: reading and rendering everything (changed since "
                        "the last build: %s)", ", ".join(why[:8]) + (" ..." if len(why) > 8
                                                                    else ""))
    _save(path, {"output": output, "inputs": None, "parts": old.get("parts"), "calls": {},
                 "files": sorted(earlier)})
    _build.update(path=path, output=output, inputs=inputs_key, parts=parts, earlier=earlier)
    set_state(BuildState(output, previous))


def get_writer(pelican: Any) -> type:
    """`get_writer`: the plugin's writer (it skips pages only while an incremental build runs)."""
    return IncrementalWriter


def finish(pelican: Any) -> None:
    """`finalized` (connected last): remove stale outputs, then write the new manifest."""
    state = current_state()
    if state is None or not _build:
        return
    output = Path(_build["output"])
    now = state.files() | set(raw_seeds._published)  # raw seeds copied by this build
    removed = 0
    for relpath in sorted(_build["earlier"] - now):
        removed += _remove(output, relpath)
    _save(_build["path"], {"output": _build["output"], "inputs": _build["inputs"],
                           "parts": _build["parts"], "calls": state.written,
                           "files": sorted(now)})
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


def _save(path: Path, data: dict[str, Any]) -> None:
    try:
        cachefile.save(path, data)
    except OSError as exc:
        raise ManifestError(f"cannot write the incremental-build manifest {path}: {exc}; "
                            "check that CACHE_PATH is writable") from exc
