"""Every imported raw file lives in the site's seeds folder, byte for byte, so its article's
provenance link (Raw_file, published under output/raw/) works wherever the file came from.

A file already in the seeds folder keeps its path there (`sub/story.txt` for a subfolder, so two
`story.txt` in different subfolders stay two seeds). A file from anywhere else is copied in once,
verbatim; a different file already holding its name is never overwritten: the copy gets the
first 8 hex digits of its sha256 appended to its stem, and the importer says so. A symlink in the
seeds folder that points outside it is refused: the site would publish whatever it points to.
"""

from __future__ import annotations

import filecmp
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from tools.errors import InputError


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class SeedKeeper:
    """Gives each raw input its Raw_file (its path in the seeds folder), copying it in when it
    lives elsewhere. `seeds` None: no site (a staging folder), Raw_file is the file's name."""

    def __init__(self, seeds: Path | None, dry_run: bool = False) -> None:
        self.seeds = seeds
        self.dry_run = dry_run
        self._done: dict[Path, str] = {}  # input -> Raw_file
        self._pending: dict[Path, tuple[Path, str]] = {}  # input -> (copy to make, note)

    def place(self, path: Path) -> str:
        """The Raw_file of one raw input; InputError for a
        symlink out of the seeds folder. The copy is made by `commit`, once the article is
        ready to be written (a refused input leaves no seed behind)."""
        if self.seeds is None:
            return path.name
        key = path.absolute()
        if key not in self._done:
            self._done[key] = self._place(path)
        return self._done[key]

    def _place(self, path: Path) -> str:
        seeds = self.seeds.absolute()
        if path.absolute().is_relative_to(seeds):
            real, real_seeds = path.resolve(), seeds.resolve()
            if not real.is_relative_to(real_seeds):
                raise InputError(f"{path}: a symlink to {real}, outside {self.seeds}; the site "
                                 "would publish that file: copy the file itself into the "
                                 "seeds folder")
            relative = real.relative_to(real_seeds)
            if any(part.startswith(".") for part in relative.parts):
                raise InputError(f"{path}: hidden files and folders in {self.seeds} are not "
                                 "published; rename it without the leading dot")
            return relative.as_posix()
        return self._copy_in(path)

    def _copy_in(self, path: Path) -> str:
        """Copy an outside file into the seeds folder under a name no other file holds."""
        name = path.name
        target = self.seeds / name
        if target.exists() and not filecmp.cmp(path, target, shallow=False):
            stem, dot, suffix = name.partition(".")
            name = f"{stem}-{file_sha256(path)[:8]}{dot}{suffix}"
            target = self.seeds / name
            if target.exists() and filecmp.cmp(path, target, shallow=False):
                return name
            clash = f" ({shown(self.seeds / path.name)} is a different file)"
        elif target.exists():
            return name  # the same bytes are already there
        else:
            clash = ""
        verb = "would be copied" if self.dry_run else "copied"
        self._pending[path.absolute()] = (target, f"raw file {verb} to {shown(target)}{clash} "
                                                  "so its provenance link works")
        return name

    def commit(self, path: Path) -> str:
        """Make the copy `place` planned for `path` (once; nothing in a dry run); the note
        saying so, or "" when there was nothing to copy."""
        target, note = self._pending.pop(path.absolute(), (None, ""))
        if target is not None and not self.dry_run:
            copy_verbatim(path, target)
        return note


def shown(path: Path) -> Path:
    """A path as the editor would type it: relative to the current folder when inside it."""
    try:
        return path.absolute().relative_to(Path.cwd())
    except ValueError:
        return path


def copy_verbatim(source: Path, target: Path) -> None:
    """Copy bytes to a temp file beside `target`, fsync, rename: never half a seed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as handle:
            shutil.copyfileobj(handle, out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
