"""The build's cache files: where they live, their format, how they are written and invalidated.

Modelled on Pelican's own cache (pelican/cache.py, FileDataCacher): each file lives under
CACHE_PATH, is only an accelerator (a missing, damaged or outdated one means more work, never a
wrong page or a failed build) and is replaced whole. The plugin keeps three:

- `incremental.json` (incremental.py): each page's key and file print; all of it is dropped when
  the build's inputs change (settings, theme, plugin code, data files, library versions, output
  folder: fingerprints.global_parts) or the last build did not finish;
- `search-index/<output>.json` (search_manifest.py): each Pagefind bundle's pages and files;
  dropped when Pagefind's version or binary changes, a bundle when any page or file differs;
- `related.json` (related.py): the related-articles ranking, keyed on its inputs (the tag sets
  in date order, the settings, related.py itself).

Every file is JSON `{"format": FORMAT, "key": ..., "data": ...}`, written atomically (a temporary
file in the same folder, then `os.replace`), so a build never reads half a file; one with another
`format` or `key` is ignored. Raise `FORMAT` when the layout of any of them changes.

Pelican's own content cache (the reader's output, already sanitised: sanitize.py) is trusted only
after a build with the same `inputs_key` finished (incremental.py turns LOAD_CONTENT_CACHE off
otherwise), since Pelican itself does not notice a changed sanitiser or Markdown setting.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

FORMAT = 2


def cache_folder(settings: dict[str, Any]) -> Path:
    return Path(settings.get("CACHE_PATH") or "cache")


def load(path: Path, key: str | None = None) -> Any:
    """The file's data if it has this FORMAT (and `key`, unless None); else None."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        logger.info("Cache file %s unreadable (%s): doing the work again", path, exc)
        return None
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        return None
    if key is not None and value.get("key") != key:
        return None
    return value.get("data")


def save(path: Path, data: Any, key: str | None = None) -> None:
    """Replace the file with `data` in one atomic step (raises OSError)."""
    text = json.dumps({"format": FORMAT, "key": key, "data": data}, sort_keys=True,
                      separators=(",", ":"))
    atomic_write(path, text)


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and `os.replace`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
