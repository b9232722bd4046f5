"""Write Markdown atomically and never overwrite an editor's changes without --force.

The writer stores `Import_sha256`: the sha256 of the file as written, computed without that line.
If an existing file no longer matches its own Import_sha256, an editor changed it.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
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


def write_article(path: Path, text: str, force: bool = False, dry_run: bool = False) -> str:
    """Write sealed Markdown; returns 'created', 'updated' or 'unchanged'."""
    sealed = seal(text)
    status = "created"
    if path.exists():
        existing = path.read_bytes()
        if existing == sealed.encode("utf-8"):
            return "unchanged"
        # "replace": an editor may have saved it in another encoding; then the seal fails
        if edited_by_person(existing.decode("utf-8", errors="replace")) and not force:
            raise EditedFileError(f"{path}: edited since import; use --force to overwrite, "
                                  "or edit/rename the file to keep both")
        status = "updated"
    if not dry_run:
        atomic_write(path, sealed)
    return status


def atomic_write(path: Path, text: str) -> None:
    """Temp file in the same folder, fsync, os.replace: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
