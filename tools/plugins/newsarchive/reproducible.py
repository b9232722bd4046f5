"""Make Pagefind's bundle byte-identical between builds of the same content.

Pagefind 1.5 writes filter values (and the list of filters in its metadata file) in hash-map
order, which changes from run to run, and names each file after a hash of its bytes. This module
sorts those lists, re-encodes the files (gzip without a timestamp, the same `pagefind_dcd` CBOR
framing the browser reads), renames them after their new content and updates the references in
the metadata file and `pagefind-entry.json`. Nothing else in the bundle varies.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import cbor2

logger = logging.getLogger(__name__)

MAGIC = b"pagefind_dcd"


class BundleFormatError(RuntimeError):
    """The Pagefind bundle is not in the format this module understands."""


def normalise_output(pelican: Any) -> None:
    """`finalized` handler: normalise every Pagefind bundle under the output folder."""
    for entry in sorted(Path(pelican.output_path).rglob("pagefind-entry.json")):
        normalise_bundle(entry.parent)


def normalise_bundle(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for info in entry["languages"].values():
        info["hash"] = _normalise_meta(bundle, info["hash"])
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _normalise_meta(bundle: Path, meta_hash: str) -> str:
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _decode(meta_path)
    try:
        filters = meta[3]
    except (IndexError, TypeError) as exc:
        raise BundleFormatError(f"{meta_path}: unexpected Pagefind metadata layout") from exc
    for item in filters:
        item[1] = _normalise_filter(bundle / "filter", item[1])
    filters.sort(key=lambda item: item[0])
    return _rewrite(meta_path, meta, meta_hash, digits=10, pattern="pagefind.{}.pf_meta")


def _normalise_filter(folder: Path, filter_hash: str) -> str:
    path = folder / f"{filter_hash}.pf_filter"
    name, values = _decode(path)
    for value in values:
        value[1].sort()
    values.sort(key=lambda value: value[0])
    return _rewrite(path, [name, values], filter_hash, digits=7, pattern="{}.pf_filter")


def _decode(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(MAGIC):
        raise BundleFormatError(f"{path}: not a Pagefind data file")
    return cbor2.loads(raw[len(MAGIC) :])


def _rewrite(path: Path, data: Any, old_hash: str, *, digits: int, pattern: str) -> str:
    raw = MAGIC + cbor2.dumps(data)
    prefix = old_hash.rsplit("_", 1)[0]
    new_hash = f"{prefix}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    target = path.with_name(pattern.format(new_hash))
    target.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    if target != path:
        path.unlink()
    return new_hash
