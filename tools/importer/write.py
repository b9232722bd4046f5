"""Write Markdown atomically and never overwrite an editor's changes without --force.

The writer stores `Import_sha256`: the sha256 of the file as written, computed without that line.
If an existing file no longer matches its own Import_sha256, an editor changed it.

A batch import writes through a `DurableBatch`: each article goes to its temp file at once, and
every few dozen articles one durability barrier covers all the temp files before they are renamed
over their articles. A rename is safe once the new text is on disk, which is what the barrier
guarantees for every temp file of the batch, just as one `fsync` per file did: a crash at any
moment still leaves each article old or new, never half written (only leftover temp files, which
`tools check` lists). On Linux ≥ 5.8 the barrier is one `syncfs` per file system (it reports
write-back errors such as a full disk since 5.8, those after its fd was opened: the fd is opened
before the batch's first temp file); elsewhere it is an `fsync` per temp file.
An `fsync` costs ~0.3-1 ms of CPU on the bench machine (a journal commit each); one `syncfs` per
batch costs about as much as a single one.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tools.errors import EditedFileError

KEY = "Import_sha256"
_LINE = re.compile(rf"^{KEY}: *([0-9a-f]{{64}})\n", re.MULTILINE)


def content_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal(text: str) -> str:
    """Add the Import_sha256 line as the last header line."""
    head, sep, body = text.partition("\n\n")
    return f"{head}\n{KEY}: {content_sha(text)}{sep}{body}"


def unseal(text: str) -> tuple[str, str | None]:
    """Split a written file into (text without the Import_sha256 line, stored sha or None)."""
    head, sep, body = text.partition("\n\n")
    match = _LINE.search(head + "\n")
    if not match:
        return text, None
    head = (head + "\n")[: match.start()] + (head + "\n")[match.end():]
    return head.rstrip("\n") + sep + body, match.group(1)


def edited_by_person(existing: str) -> bool:
    """True when the file changed since the importer wrote it (or carries no seal)."""
    text, stored = unseal(existing)
    return stored is None or content_sha(text) != stored


def write_article(path: Path, text: str, force: bool = False, dry_run: bool = False,
                  batch: DurableBatch | None = None, notes: list[str] | None = None,
                  backups: Path | None = None) -> str:
    """Write sealed Markdown (through `batch` when given: in place once it commits); returns
    'created', 'updated' or 'unchanged'. An editor's version that --force replaces is first
    copied into `backups` (default: `.import-backups` beside the year folder), noted in `notes`."""
    sealed = seal(text)
    status = "created"
    existing = batch.pending_bytes(path) if batch is not None else None
    if existing is None and path.exists():
        existing = path.read_bytes()
    if existing is not None:
        if existing == sealed.encode("utf-8"):
            return "unchanged"
        # "replace": an editor may have saved it in another encoding; then the seal fails
        if edited_by_person(existing.decode("utf-8", errors="replace")):
            if not force:
                raise EditedFileError(f"{path}: edited since import; use --force to overwrite "
                                      "it (the edited version is kept as a backup), or leave "
                                      "this input out to keep the edited article as it is")
            kept = keep_backup(path, existing, backups, dry_run)
            if notes is not None:
                verb = "would be kept" if dry_run else "kept"
                notes.append(f"the editor's version of {path} {verb} as {kept}")
        status = "updated"
    if not dry_run:
        if batch is not None:
            batch.add(path, sealed)
        else:
            atomic_write(path, sealed)
    return status


BACKUPS = ".import-backups"


def keep_backup(path: Path, data: bytes, backups: Path | None = None,
                dry_run: bool = False) -> Path:
    """Copy an editor's version about to be replaced to `<backups>/<name>.<n>` (n = 1, 2, ...;
    never a `.md` name, so Pelican does not publish the copy); its path."""
    folder = backups if backups is not None else path.parent.parent / BACKUPS / path.parent.name
    number = 1
    while (folder / f"{path.name}.{number}").exists():
        number += 1
    target = folder / f"{path.name}.{number}"
    if not dry_run:  # the bytes as they were, whatever encoding the editor saved them in
        os.replace(_write_temp(target, data, fsync=True), target)
    return target


# The hidden temp file an article is written to before it replaces the article
# (`.name.md.xxxx.tmp`); `tools check` lists the ones a killed import left.
TEMP_GLOB = ".*.md.*.tmp"


def _write_temp(path: Path, data: bytes, fsync: bool, make_folder: bool = True) -> str:
    """`data` in a new temp file beside `path` (removed again if writing fails); its path.
    `make_folder`: create the folder first (a batch does that once per folder)."""
    if make_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            view = memoryview(data)
            while view:  # os.write may write less than asked
                view = view[os.write(fd, view):]
            if fsync:
                os.fsync(fd)
            os.fchmod(fd, 0o644)
        finally:
            os.close(fd)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def atomic_write(path: Path, text: str) -> None:
    """Temp file in the same folder, fsync, os.replace: readers never see half a file."""
    tmp = _write_temp(path, text.encode("utf-8"), fsync=True)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class DurableBatch:
    """Articles written to temp files now, made durable together by `commit`, then renamed
    into place in the order they were added (see the module docstring)."""

    def __init__(self) -> None:
        self._pending: dict[Path, tuple[str, bytes]] = {}  # article -> (temp file, its bytes)
        self._folders: dict[int, int] = {}  # file system (st_dev) -> fd of a folder on it
        self._ready: set[Path] = set()  # folders made and watched for this batch

    def __len__(self) -> int:
        return len(self._pending)

    def pending_bytes(self, path: Path) -> bytes | None:
        """What `path` will hold once the batch commits (None: not in this batch)."""
        entry = self._pending.get(path)
        return entry[1] if entry else None

    def add(self, path: Path, text: str) -> None:
        data = text.encode("utf-8")
        if path.parent not in self._ready:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._watch(path.parent)
            self._ready.add(path.parent)
        tmp = _write_temp(path, data, fsync=False, make_folder=False)
        if path in self._pending:  # written twice in one batch: the later text wins
            Path(self._pending.pop(path)[0]).unlink(missing_ok=True)
        self._pending[path] = (tmp, data)

    def _watch(self, folder: Path) -> None:
        """Open a folder of each file system before the batch writes into it: syncfs reports
        the write-back errors that happen after its fd was opened, so the fd must be older
        than the temp files (an error in between would otherwise go unseen)."""
        if _LIBC_SYNCFS is None:
            return
        device = os.stat(folder).st_dev
        if device not in self._folders:
            self._folders[device] = os.open(folder, os.O_RDONLY)

    def commit(self) -> tuple[set[Path], OSError | None]:
        """Make every temp file durable, then rename each over its article. Returns the
        articles not written and the error that stopped them (their temp files are removed)."""
        done: set[Path] = set()
        try:
            make_durable([tmp for tmp, _ in self._pending.values()], list(self._folders.values()))
            for path, (tmp, _) in self._pending.items():
                os.replace(tmp, path)
                done.add(path)
        except OSError as exc:
            return set(self._pending) - done, exc
        finally:
            self.discard(keep=done)
        return set(), None

    def discard(self, keep: Iterable[Path] = ()) -> None:
        """Forget the batch, removing the temp files of articles not in `keep`."""
        kept = set(keep)
        for path, (tmp, _) in self._pending.items():
            if path not in kept:
                Path(tmp).unlink(missing_ok=True)
        self._pending.clear()
        self._ready.clear()
        for fd in self._folders.values():
            os.close(fd)
        self._folders.clear()


def make_durable(paths: Iterable[str], folder_fds: Iterable[int] = ()) -> None:
    """Every file's data on disk: one syncfs per file system (`folder_fds`, one fd per file
    system opened before the files were written) where it reports write-back errors, else an
    fsync per file."""
    folder_fds = list(folder_fds)
    if _LIBC_SYNCFS is None or not folder_fds:
        for path in paths:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        return
    for fd in folder_fds:
        syncfs(fd)


def syncfs(fd: int) -> None:
    """syncfs(2) on the file system holding fd; OSError on failure."""
    assert _LIBC_SYNCFS is not None
    if _LIBC_SYNCFS(fd) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def _libc_syncfs() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    """libc's syncfs on Linux 5.8 or later (earlier kernels do not report write-back errors
    through it), else None."""
    if sys.platform != "linux":
        return None
    try:
        release = tuple(int(part) for part in os.uname().release.split(".")[:2])
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (ValueError, OSError, AttributeError):
        return None
    if release < (5, 8):
        return None
    function.argtypes = [ctypes.c_int]
    return function


_LIBC_SYNCFS = _libc_syncfs()
