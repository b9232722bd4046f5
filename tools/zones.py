"""Time-zone names an article's `Date:` may state (`19:55 WIB`), from tools/data/metadata.yaml:
the importer writes them, the checker and the site read them (dateutil knows only UTC); and a
`Date:` value read as Pelican reads it, with those zones."""

from __future__ import annotations

from datetime import datetime, tzinfo
from functools import cache
from pathlib import Path

from tools.datayaml import load_yaml_text

METADATA_PATH = Path(__file__).resolve().parent / "data" / "metadata.yaml"


@cache
def named_zones() -> dict[str, tzinfo]:
    """Zone names -> their offsets (`WIB: "+07:00"`)."""
    data = load_yaml_text(METADATA_PATH.read_text(encoding="utf-8")) or {}
    return {name: datetime.strptime(offset, "%z").tzinfo
            for name, offset in data.get("timezones", {}).items()}


def zone_named(name: str | None, _offset: int | None = None) -> tzinfo | None:
    """dateutil's `tzinfos` callback: the zone a name states, or None (no zone)."""
    return named_zones().get(name or "")


def read_date(value: str) -> datetime | None:
    """A `Date:` value as Pelican reads it (ISO 8601, else dateutil with `_` as a space), with
    the offset of a zone it names by a word (`WIB`); None when it cannot be read."""
    try:
        return datetime.fromisoformat(value.strip())  # the usual case, 50x faster than dateutil
    except ValueError:
        pass
    import dateutil.parser  # only for dates written otherwise

    text = " ".join(value.replace("_", " ").split())
    if not text:
        return None
    try:
        return dateutil.parser.parse(text, default=datetime(2000, 1, 1), tzinfos=zone_named)
    except (TypeError, ValueError, OverflowError):
        return None
