"""Make Pagefind's bundle byte-identical between builds of the same content.

Pagefind 1.5 writes filter values (and the list of filters in its metadata file) in hash-map
order, which changes from run to run, and names each file after a hash of its bytes. This module
sorts those lists, re-encodes the files (gzip without a timestamp, the same `pagefind_dcd` CBOR
framing the browser reads), renames them after their new content and updates the references in
the metadata file and `pagefind-entry.json`. Nothing else in the bundle varies. It works on the
files in memory, before they are written (search_bundle.write_bundle).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import Any

import cbor2

MAGIC = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


class BundleFormatError(RuntimeError):
    """The Pagefind bundle is not in the format this module understands."""


def normalise_files(files: dict[str, bytes]) -> dict[str, bytes]:
    """A bundle's files ({path inside the bundle: bytes}, as Pagefind returns them) with their
    filter lists sorted and the files they touch renamed after their new content."""
    files = dict(files)
    entry = json.loads(_file(files, ENTRY))
    for info in entry["languages"].values():
        info["hash"] = _normalise_meta(files, info["hash"])
    entry["languages"] = dict(sorted(entry["languages"].items()))
    files[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return files


def _normalise_meta(files: dict[str, bytes], meta_hash: str) -> str:
    name = f"pagefind.{meta_hash}.pf_meta"
    meta = _decode(files, name)
    try:
        filters = meta[3]
    except (IndexError, TypeError) as exc:
        raise BundleFormatError(f"{name}: unexpected Pagefind metadata layout") from exc
    for item in filters:
        item[1] = _normalise_filter(files, item[1])
    filters.sort(key=lambda item: item[0])
    return _rewrite(files, name, meta, meta_hash, digits=10, pattern="pagefind.{}.pf_meta")


def _normalise_filter(files: dict[str, bytes], filter_hash: str) -> str:
    name = f"filter/{filter_hash}.pf_filter"
    filter_name, values = _decode(files, name)
    for value in values:
        value[1].sort()
    values.sort(key=lambda value: value[0])
    return _rewrite(files, name, [filter_name, values], filter_hash, digits=7,
                    pattern="filter/{}.pf_filter")


def _file(files: dict[str, bytes], name: str) -> bytes:
    try:
        return files[name]
    except KeyError:
        raise BundleFormatError(f"Pagefind's bundle has no {name}") from None


def _decode(files: dict[str, bytes], name: str) -> Any:
    raw = gzip.decompress(_file(files, name))
    if not raw.startswith(MAGIC):
        raise BundleFormatError(f"{name}: not a Pagefind data file")
    return cbor2.loads(raw[len(MAGIC) :])


def _rewrite(files: dict[str, bytes], name: str, data: Any, old_hash: str, *, digits: int,
             pattern: str) -> str:
    raw = MAGIC + cbor2.dumps(data)
    prefix = old_hash.rsplit("_", 1)[0]
    new_hash = f"{prefix}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    del files[name]
    files[pattern.format(new_hash)] = gzip.compress(raw, compresslevel=9, mtime=0)
    return new_hash
