"""The plugin's own files under Pelican's CACHE_PATH (build manifests): read leniently, since a
missing or broken one only means more work, and written atomically with the importer's
`atomic_write`, so a build never reads half a manifest."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from tools.write import atomic_write

logger = logging.getLogger(__name__)


def read_cache_json(path: Path, unreadable: str) -> Any:
    """The file's JSON value; None if it is missing, or unreadable (logged with `unreadable`,
    a %-format taking the path and the error)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        logger.warning(unreadable, path, exc)
        return None


def write_cache_json(path: Path, value: Any, **dumps: Any) -> None:
    """Replace the file with `value` as JSON (keys sorted) in one atomic step."""
    atomic_write(path, json.dumps(value, sort_keys=True, **dumps))
