"""tools/data/metadata.yaml, loaded once: time zones, date-line words, language pairs,
review thresholds (data an editor can change without touching the code)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from tools.datayaml import load_yaml_text

METADATA_PATH = Path(__file__).resolve().parents[1] / "data" / "metadata.yaml"


@lru_cache(maxsize=1)
def metadata_data() -> dict[str, Any]:
    return load_yaml_text(METADATA_PATH.read_text(encoding="utf-8")) or {}
