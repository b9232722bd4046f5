"""nh3's output kept across builds: the digest of a body as the reader made it -> its clean HTML.

A warm rebuild (`make html` after one edit) sanitises every body again although almost all are
the bodies of the last build: ~1.1 s of its read phase at 10,000 articles. The memo maps the
sha256 of the raw body HTML to what nh3 made of it, so it is exactly the function: a body whose
digest is in the memo was sanitised by this very sanitiser, and no Markdown can produce a body
whose digest names another body's clean HTML. The file starts with a fingerprint of the
sanitiser (sanitize.py's bytes, nh3's version, the allow-lists): another sanitiser ignores it.

Most bodies come out of nh3 unchanged, so an entry stores only that fact (40 bytes); a body nh3
changed stores its clean HTML. The file is `CACHE_PATH/sanitized.bin`, used only when Pelican's
content cache is on (CACHE_CONTENT and LOAD_CONTENT_CACHE, as `make html` runs it). A build
appends what it sanitised anew; the file is written again (atomically, sorted, only the bodies
this build used) when it is missing, unreadable or from another sanitiser, or when more than a
quarter of its entries went unused. Every record carries a CRC: a torn append or a damaged file
is noticed on loading, ignored (logged at info level) and replaced, never a crash.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

FILE_NAME = "sanitized.bin"
MAGIC = b"newsarchive sanitised bodies 1\n"
_HEAD = struct.Struct("<32sI")  # digest of the raw body, length of the clean body (or _SAME)
_CRC = struct.Struct("<I")
_SAME = 0xFFFFFFFF  # nh3 returned the body unchanged: nothing stored but the digest


def enabled(settings: dict[str, Any]) -> bool:
    """On exactly when Pelican's content cache is (`make html`)."""
    return bool(settings.get("CACHE_CONTENT")) and bool(settings.get("LOAD_CONTENT_CACHE"))


def memo_path(settings: dict[str, Any]) -> Path:
    return Path(settings.get("CACHE_PATH") or "cache") / FILE_NAME


def digest(html: str) -> bytes:
    return hashlib.sha256(html.encode("utf-8", "surrogatepass")).digest()


def _record(key: bytes, stored: str | None) -> bytes:
    """One entry: the digest, the clean body's length and bytes (none when unchanged), a CRC."""
    if stored is None:
        head, payload = _HEAD.pack(key, _SAME), b""
    else:
        payload = stored.encode("utf-8")
        head = _HEAD.pack(key, len(payload))
    return head + payload + _CRC.pack(zlib.crc32(payload, zlib.crc32(head)))


def parse(data: bytes, fingerprint: str) -> dict[bytes, str | None] | None:
    """The entries of a memo file (None: the body came out unchanged); None when the file is
    from another sanitiser or damaged anywhere."""
    header = MAGIC + fingerprint.encode("ascii") + b"\n"
    if not data.startswith(header):
        return None
    entries: dict[bytes, str | None] = {}
    view = memoryview(data)
    offset, end = len(header), len(data)
    try:
        while offset < end:
            key, length = _HEAD.unpack_from(view, offset)
            head_end = offset + _HEAD.size
            size = 0 if length == _SAME else length
            payload = view[head_end:head_end + size]
            (crc,) = _CRC.unpack_from(view, head_end + size)
            expected = zlib.crc32(payload, zlib.crc32(view[offset:head_end]))
            if len(payload) != size or crc != expected:
                return None
            entries[key] = None if length == _SAME else str(payload, "utf-8")
            offset = head_end + size + _CRC.size
    except (struct.error, UnicodeDecodeError):
        return None
    return entries


class SanitisedMemo:
    """One build's view of the memo file: lookups, and what to write back at the end."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.records: dict[bytes, bytes] = {}  # appended this build, digest -> record
        self.used: set[bytes] = set()  # the digests of every body of this build
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            data = None
        except OSError as exc:
            logger.info("Sanitised bodies: unreadable memo %s (%s); sanitising again", path, exc)
            data = None
        loaded = parse(data, fingerprint) if data is not None else None
        if data is not None and loaded is None:
            logger.info("Sanitised bodies: memo %s is damaged or from another sanitiser; "
                        "sanitising again", path)
        self.rewrite = loaded is None
        self.entries: dict[bytes, str | None] = loaded or {}

    def clean(self, html: str, sanitise: Callable[[str], str]) -> str:
        """`sanitise(html)`, from the memo when it holds this very body."""
        key = digest(html)
        self.used.add(key)
        if key in self.entries:
            stored = self.entries[key]
            return html if stored is None else stored
        clean = sanitise(html)
        stored = self.entries[key] = None if clean == html else clean
        self.records[key] = _record(key, stored)
        return clean

    def save(self) -> None:
        """Append this build's new entries, or write the file again when it must or when more
        than a quarter of its entries are no longer used."""
        unused = len(self.entries) - len(self.used)
        try:
            if self.rewrite or unused > len(self.entries) // 4:
                self._write_all()
            elif self.records:
                with self.path.open("ab") as handle:
                    handle.write(b"".join(self.records.values()))
        except OSError as exc:  # the memo only saves time: a build never fails for it
            logger.info("Sanitised bodies: could not write %s (%s)", self.path, exc)
        self.records.clear()

    def _write_all(self) -> None:
        parts = [MAGIC + self.fingerprint.encode("ascii") + b"\n"]
        parts += [_record(key, self.entries[key]) for key in sorted(self.used)]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                   dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(b"".join(parts))
            os.chmod(tmp, 0o644)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
