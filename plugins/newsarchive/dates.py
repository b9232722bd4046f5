"""An article's date is published with a UTC offset only when its source stated one.

The importer writes `Date: 2020-09-27T19:55:00` (no zone) when a page gave none, and Pelican
reads such a date in TIMEZONE (Asia/Jakarta) so that every article sorts on one clock; URLs and
archives use the wall-clock date, which that reading keeps. Printing it as `+07:00`, though,
would claim that an Azerbaijani or English report was dated in Jakarta. So the reader notes
whether the `Date:` stated a zone (`date_has_zone`), and `published_iso` — the one helper behind
the templates' `published_iso` filter, the JSON-LD and the open data — prints a date without one
as written: `2020-09-27T19:55:00`, or `2020-09-27` for a day without a time (both valid
`<time datetime>` values and schema.org dates).

A zone stated as a word Pelican cannot read (`19:55 WIB`: dateutil knows only UTC) takes its
offset from tools/data/metadata.yaml, as the importer's do; an unknown word states no zone.

Feeds keep Pelican's reading of a date without a zone (the site's TIMEZONE): Atom (RFC 4287
§3.3) requires an offset on every date, and RFC 3339's `-00:00` means "UTC known, local offset
unknown", which is not our case either. There the dates order entries for feed readers, on the
same clock as the site's own order.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from tools import zones

ZONE_FLAG = "date_has_zone"  # metadata key, so also the article attribute Pelican sets


def read_date(value: Any, parsed: Any) -> Any:
    """Pelican's reading of a `Date:` value, given the offset of a zone it names by a word
    Pelican ignores (`WIB`), so that a stated zone is never taken for no zone."""
    if not isinstance(parsed, datetime) or parsed.tzinfo is not None or not isinstance(value, str):
        return parsed
    named = zones.read_date(value)  # as pelican.utils.get_date reads it, with a named zone
    return parsed.replace(tzinfo=named.tzinfo) if named and named.tzinfo else parsed


def note_zone(metadata: dict[str, Any]) -> dict[str, Any]:
    """Record on the reader's metadata whether the date stated a zone (Pelican then localises
    a date without one, and the difference is lost)."""
    if isinstance(metadata.get("date"), datetime):
        metadata[ZONE_FLAG] = metadata["date"].tzinfo is not None
    return metadata


def published_iso(article: Any) -> str:
    """The article's date in ISO 8601 for readers and machines: with its offset when the source
    stated a zone, else as written (no offset; the day alone when no time was given)."""
    when = article.date
    if getattr(article, ZONE_FLAG, True):
        return when.isoformat()
    written = when.replace(tzinfo=None)
    return written.date().isoformat() if written.time() == time() else written.isoformat()
