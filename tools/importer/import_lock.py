"""One import at a time into a folder: two imports writing the same articles at once would
decide slugs and overwrite each other without either noticing.

The lock is an advisory `flock` on a file in the system's temp folder named after the output
folder's real path (nothing is added to the archive itself, which editors and Pelican read);
it holds the holder's process id for the message. The kernel drops the lock when its process
ends, however it ends, so a killed import never leaves the folder locked (the file may stay;
unlocked, it means nothing).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tools.errors import ToolError


def lock_path(out: Path) -> Path:
    """The lock file of one output folder (the same for every spelling of its path)."""
    key = hashlib.sha256(os.fsencode(out.resolve())).hexdigest()[:20]
    return Path(tempfile.gettempdir()) / f"newsarchive-import-{key}.lock"


@contextlib.contextmanager
def import_lock(out: Path, enabled: bool = True) -> Iterator[None]:
    """Hold the folder's import lock for the block; ToolError when another import holds it."""
    if not enabled:
        yield
        return
    fd = os.open(lock_path(out), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise ToolError(f"{out}: another import is running (pid {holder}) into this "
                            "folder; wait for it to finish, then run this one again") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock
