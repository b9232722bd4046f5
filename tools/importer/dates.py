"""Publication dates: parse Indonesian/English date text and infer a date from the article.

Order of trust: explicit (--date, sidecar) > HTML metadata > a date line in the dump >
inference from weekday + day/month mentions narrowed by dated facts. Never guess silently.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "pebruari": 2, "february": 2, "feb": 2,
    "peb": 2, "maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8, "august": 8,
    "agu": 8, "ags": 8, "agt": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "october": 10, "okt": 10, "oct": 10, "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
WEEKDAYS = {
    "senin": 0, "monday": 0, "selasa": 1, "tuesday": 1, "rabu": 2, "wednesday": 2, "kamis": 3,
    "thursday": 3, "jumat": 4, "jum'at": 4, "jum’at": 4, "friday": 4, "sabtu": 5,
    "saturday": 5, "minggu": 6, "ahad": 6, "sunday": 6,
}
ZONES = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00"}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))
_NUMERIC = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)\b")
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_DMY = re.compile(rf"(?i)(?<!\d)(\d{{1,2}})\s+({_MONTH})\.?,?\s+((?:19|20)\d\d)\b")
_MDY = re.compile(rf"(?i)\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b")
_TIME = re.compile(r"(?i)\b([01]?\d|2[0-3])[:.]([0-5]\d)(?::[0-5]\d)?\s*(WIB|WITA|WIT)\b"
                   r"|\b([01]?\d|2[0-3]):([0-5]\d)\b")
MENTION = re.compile(rf"(?i)\b({_DAY})(?:\s+(?:pagi|siang|sore|malam|dini\s+hari|lalu|ini))?"
                     r"\s*[,(]\s*(\d{1,2})/(\d{1,2})(?:/((?:19|20)?\d\d))?\)?")
_FUTURE = re.compile(r"(?i)\b(akan|dijadwalkan|rencananya|mendatang|besok|will|scheduled)\b")


EARLIEST_YEAR = 1900  # the date patterns read 19xx and 20xx years only


def implausible(when: datetime) -> str | None:
    """Why a parsed publication date cannot be right (None if it can): `tools check` and the
    build refuse dates in the future, and a year before 1900 is a typo in a news archive."""
    if when.year < EARLIEST_YEAR:
        return f"is before {EARLIEST_YEAR}: check the year"
    if when > datetime.now(when.tzinfo) + timedelta(days=1):  # naive: compared as local
        return "is in the future: check the year and the day/month order"
    return None


def named(table: dict[str, T], word: str) -> T:
    """The entry for a name one of the (?i) patterns matched. Python's re also lets ſ match s,
    ı and İ match i, and the Kelvin sign match k, which str.lower() does not map back."""
    key = word.lower()
    if key in table:
        return table[key]
    return next(value for name, value in table.items()
                if re.fullmatch(re.escape(name), word, re.IGNORECASE))


@lru_cache(maxsize=4096)  # body finding asks again for the same lines (scores, barriers, title)
def looks_like_date_line(line: str) -> bool:
    """A short line that is mostly a date (page datelines, headline-list timestamps)."""
    if len(line.split()) > 14:
        return False
    return bool(_NUMERIC.search(line) or _ISO.search(line) or _DMY.search(line)
                or _MDY.search(line) or re.search(r"(?i)\d[:.]\d\d\s*(WIB|WITA|WIT)\b", line))


def parse_date_text(text: str, default_tz: str = "+07:00") -> datetime | None:
    """The first full date (with time and zone when present) in a piece of text."""
    return _parse_date_text(text, default_tz)


@lru_cache(maxsize=4096)  # the importer finds a dump's date line, then parses it again
def _parse_date_text(text: str, default_tz: str) -> datetime | None:
    found = _find_ymd(text)
    if found is None:
        return None
    (year, month, day), end = found
    hour = minute = 0
    tz = default_tz
    time = _TIME.search(text, end) or _TIME.search(text)
    if time:
        hour, minute = int(time.group(1) or time.group(4)), int(time.group(2) or time.group(5))
        if time.group(3):
            tz = named(ZONES, time.group(3))
    try:
        return datetime(year, month, day, hour, minute, tzinfo=tzinfo(tz))
    except ValueError:
        return None


def _find_ymd(text: str) -> tuple[tuple[int, int, int], int] | None:
    hits = []
    for pattern, order in ((_ISO, "ymd"), (_NUMERIC, "dmy"), (_DMY, "dmy"), (_MDY, "mdy")):
        match = pattern.search(text)
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            month = parts["m"]
            month_no = int(month) if month.isdigit() else named(MONTHS, month)
            hits.append((match.start(), (int(parts["y"]), month_no, int(parts["d"])), match.end()))
    if not hits:
        return None
    _, ymd, end = min(hits)
    return ymd, end


def tzinfo(offset: str) -> timezone:
    sign = -1 if offset.startswith("-") else 1
    hours, minutes = offset.lstrip("+-").split(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def parse_iso(value: str, default_tz: str = "+07:00") -> datetime | None:
    """ISO 8601 (date or datetime); a missing zone becomes the site's zone."""
    try:
        parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return parse_date_text(str(value), default_tz)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tzinfo(default_tz))
    return parsed


def mentions(text: str) -> list[tuple[str, int, int, int, int | None, bool]]:
    """Weekday + day/month mentions: (text, weekday, day, month, year or None, future?)."""
    found = []
    for match in MENTION.finditer(text):
        day, month = int(match.group(2)), int(match.group(3))
        year = match.group(4)
        year_no = (2000 + int(year) if len(year) == 2 else int(year)) if year else None
        try:  # no such day (31/2, 29/2/2021): not a date mention
            date(year_no or 2000, month, day)
        except ValueError:
            continue
        before = text[max(0, match.start() - 60): match.start()]
        future = bool(_FUTURE.search(before))
        weekday = named(WEEKDAYS, match.group(1))
        found.append((match.group(0).rstrip(",").strip(), weekday, day, month, year_no, future))
    return found


def candidate_years(weekday: int, day: int, month: int, years: range) -> set[int]:
    """Years in which day/month falls on that weekday."""
    hits = set()
    for year in years:
        try:
            if date(year, month, day).weekday() == weekday:
                hits.add(year)
        except ValueError:
            continue
    return hits


def infer_date(text: str, facts: list, name: str, years: range | None = None) -> tuple[date, str]:
    """Infer a date from weekday + day/month mentions, narrowed by dated facts.

    Raises DateError listing the candidate years when more than one remains."""
    from tools.errors import DateError

    years = years or range(1990, date.today().year + 1)
    found = mentions(text)
    if not found:
        raise DateError(f"{name}: no date found in the text; pass --date YYYY-MM-DD or add "
                        "`date:` to a sidecar YAML file beside it")
    with_year = [m for m in found if m[4]]
    if with_year:
        latest = max(with_year, key=lambda m: (m[4], m[3], m[2]))
        return date(latest[4], latest[3], latest[2]), latest[0]
    possible = set(years)
    for _text, weekday, day, month, _year, _future in found:
        possible &= candidate_years(weekday, day, month, years)
    used = []
    for entity, fact in facts:
        kept = {y for y in possible if all(fact.holds_on(date(y, m[3], m[2])) for m in found)}
        if kept != possible and kept:
            used.append(f"{entity}: {fact.role} {fact.start or ''}..{fact.end or ''}")
            possible = kept
    listed = "; ".join(m[0] for m in found)
    if len(possible) != 1:
        options = ", ".join(str(y) for y in sorted(possible)) or "none"
        raise DateError(f"{name}: cannot infer the year from {listed} (candidate years: {options});"
                        " pass --date YYYY-MM-DD or add `date:` to a sidecar YAML file")
    year = possible.pop()
    past = [m for m in found if not m[5]] or found
    chosen = max(past, key=lambda m: (m[3], m[2]))
    evidence = f"{listed} -> {year}" + (f" ({'; '.join(used)})" if used else "")
    return date(year, chosen[3], chosen[2]), evidence
