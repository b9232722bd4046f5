"""Dates as scrapers write them into exports: ISO 8601, `10/21/2025 20:43` (month first, as
US-made tools write), `21/10/2025 20:43` or `21-10-2025` (day first), with optional seconds and
AM/PM, a Unix timestamp, or as the site shows them, with a month name in any of the archive's
languages and a stated zone (`Senin, 21 Okt 2025 20:43 WIB`, read as a page's date line is).

Whether `10/11/2025` is 11 October or 10 November cannot be told from one value, but a scraper
writes a whole column in one format: any value with a first number over 12 settles day-first,
any with a second number over 12 settles month-first. A column that never settles it needs
`--date-format` (a strptime format such as `%m/%d/%Y %H:%M`); the importer never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from tools.importer.datetext import parse_stated

NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
                     r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$")
EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$")


class ExportDateError(ValueError):
    """A date value that cannot be read without guessing; the message says why."""


def column_order(values: Iterable[str]) -> str:
    """"dmy", "mdy", "" (no numeric dates, or never settled) or "mixed" for a whole column."""
    seen = set()
    for value in values:
        match = NUMERIC.match(value.strip())
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            if first > 12:
                seen.add("dmy")
            elif second > 12:
                seen.add("mdy")
    if len(seen) > 1:
        return "mixed"
    return seen.pop() if seen else ""


def parse_export_date(value: str, order: str = "", date_format: str = "") -> str:
    """The value as an ISO 8601 date-time (no zone unless it states one)."""
    value = " ".join(value.split())
    if date_format:
        try:
            return datetime.strptime(value, date_format).isoformat()
        except ValueError as exc:
            raise ExportDateError(f"date {value!r} does not match --date-format "
                                  f"{date_format!r}") from exc
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    if EPOCH.match(value):
        return datetime.fromtimestamp(float(value), tz=UTC).isoformat()
    match = NUMERIC.match(value)
    stated = None if match else parse_stated(value)
    if stated is not None:
        return stated.when.isoformat()
    if not match:
        raise ExportDateError(f"date {value!r} is in no format the importer knows; give "
                              "--date-format, e.g. '%d %B %Y %H:%M'")
    return _numeric(value, match, order)


def two_ways(value: str) -> tuple[int, int, int] | None:
    """(first, second, year) of a numeric date that reads as two days (`10/11/2025`)."""
    match = NUMERIC.match(" ".join(value.split()))
    if match is None:
        return None
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    return (first, second, year) if first <= 12 and second <= 12 and first != second else None


def _numeric(value: str, match: re.Match[str], order: str) -> str:
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if order == "mixed":
        raise ExportDateError(f"date {value!r}: the column mixes day-first and month-first "
                              "dates; give --date-format")
    if order not in ("dmy", "mdy"):
        if two_ways(value):
            raise ExportDateError(f"date {value!r} can be read as day {first} month {second} "
                                  f"or month {first} day {second}, and no date of the column "
                                  "tells which; give --date-format '%d/%m/%Y %H:%M' or "
                                  "'%m/%d/%Y %H:%M'")
        order = "dmy" if first > 12 or first == second else "mdy"
    day, month = (first, second) if order == "dmy" else (second, first)
    hour, minute, sec = (int(match.group(i) or 0) for i in (4, 5, 6))
    meridian = (match.group(7) or "").lower()
    if meridian:
        hour = hour % 12 + (12 if meridian == "pm" else 0)
    try:
        return datetime(year, month, day, hour, minute, sec).isoformat()
    except ValueError as exc:
        raise ExportDateError(f"date {value!r} is no calendar date ({exc})") from exc
