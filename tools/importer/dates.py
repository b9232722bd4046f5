"""Publication dates: whether one is plausible, and inferring one from the article's weekday +
day/month mentions (Indonesian news style: "Jumat (23/10)"); dates as text states them are
read by tools/importer/datetext.py.

Order of trust: explicit (--date, sidecar) > HTML metadata > a date line in the dump >
inference from weekday + day/month mentions narrowed by dated facts. Never guess silently.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import TypeVar

T = TypeVar("T")

WEEKDAYS = {
    "senin": 0, "monday": 0, "selasa": 1, "tuesday": 1, "rabu": 2, "wednesday": 2, "kamis": 3,
    "thursday": 3, "jumat": 4, "jum'at": 4, "jum’at": 4, "friday": 4, "sabtu": 5,
    "saturday": 5, "minggu": 6, "ahad": 6, "sunday": 6,
}
_DAY = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))
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


def tzinfo(offset: str) -> timezone:
    sign = -1 if offset.startswith("-") else 1
    hours, minutes = offset.lstrip("+-").split(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


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
        raise DateError(f"{name}: no date found in the text")
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
        raise DateError(f"{name}: cannot infer the year from {listed} (candidate years: "
                        f"{options})")
    year = possible.pop()
    past = [m for m in found if not m[5]] or found
    chosen = max(past, key=lambda m: (m[3], m[2]))
    evidence = f"{listed} -> {year}" + (f" ({'; '.join(used)})" if used else "")
    return date(year, chosen[3], chosen[2]), evidence
