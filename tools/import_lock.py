"""One import at a time into a folder: two imports writing the same articles at once would
decide slugs and overwrite each other without either noticing.

The lock is an advisory `flock` on `<out>/.import.lock`, which holds the holder's process id
for the message. The kernel drops the lock when its process ends, however it ends, so a killed
import never leaves the folder locked (the file itself may stay; it means nothing unlocked).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from tools.errors import ToolError

LOCK_NAME = ".import.lock"


@contextlib.contextmanager
def import_lock(out: Path, enabled: bool = True) -> Iterator[None]:
    """Hold the folder's import lock for the block; ToolError when another import holds it."""
    if not enabled:
        yield
        return
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
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
