"""Dates as pages state them, in any of the archive's languages: `Published 10:02 AM EST Nov
19, 2019`, `Diperbarui 20 Okt 2020 10:00 WIB`, `19 ноября 2019, 14:30`, `21.dez.2018 às 12h55`,
`2020-09-27-19-55-27`.

Month names come from Babel's CLDR data for the languages in tools/data/languages.yaml, English
and the `date_languages` of tools/data/metadata.yaml (with the spellings CLDR lacks listed
there under `month_names`), never from a hand-written table in code; time-zone abbreviations
from tools/data/metadata.yaml.
A stated zone is kept; without one the caller's default zone is used, and with no default the
time stays naive (the zone is unknown: nothing is assumed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import NamedTuple

from tools.importer.metadata_data import metadata_data

_YEAR = r"((?:19|20)\d\d)"
# A short word a language puts between day, month and year: "1 de diciembre de 2017".
_PARTICLE = r"(?:[^\W\d]{1,3}\s+)?"
# A page copied as text runs neighbouring elements together: `By Jane DoeMar 5, 2025`,
# `October 17, 20236:01 PM ET`. A month name may start where a capital follows a small letter,
# and a year may run into a clock.
_WORD_START = r"(?:(?<!\w)|(?-i:(?<=[a-z])(?=[A-Z])))"
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}:\d\d(?!\d)))"


class Stated(NamedTuple):
    """A date found in a piece of text, and how much of it the text gave."""

    when: datetime
    text: str  # the matched date text
    zone: str  # the zone as stated ("EST", "+04:00"), "" when none was


@lru_cache(maxsize=1)
def archive_languages() -> tuple[str, ...]:
    """English first, then the languages of tools/data/languages.yaml."""
    from tools.checks.known import load_languages
    from tools.importer.metadata_data import METADATA_PATH

    codes = load_languages(METADATA_PATH.parent / "languages.yaml")
    return tuple(dict.fromkeys(["en", *codes]))


@lru_cache(maxsize=1)
def date_languages() -> tuple[str, ...]:
    """The languages whose month names dates are read in: the archive's, then the others
    tools/data/metadata.yaml lists (pages and sources quote them)."""
    return tuple(dict.fromkeys([*archive_languages(),
                                *metadata_data().get("date_languages", [])]))


@lru_cache(maxsize=16)
def month_names(langs: tuple[str, ...]) -> dict[str, int]:
    """Casefolded month names and abbreviations (format and stand-alone forms) -> 1..12; a
    name two languages give different months keeps the first language's."""
    from babel import Locale, UnknownLocaleError

    table: dict[str, int] = {}
    for lang in langs:
        try:
            months = Locale.parse(lang).months
        except (UnknownLocaleError, ValueError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    key = name.casefold().rstrip(".")
                    if len(key) >= 3 and not key.isdigit():
                        table.setdefault(key, number)
    for name, number in metadata_data().get("month_names", {}).items():
        table.setdefault(str(name).casefold(), int(number))
    return table


class Patterns(NamedTuple):
    name_dmy: re.Pattern[str]
    name_mdy: re.Pattern[str]
    name_ymd: re.Pattern[str]


def _month_alternation(langs: tuple[str, ...]) -> str:
    """The languages' month names as one alternation, longest first (`Sept` before `Sep`)."""
    return "|".join(re.escape(n) for n in sorted(month_names(langs), key=len, reverse=True))


@lru_cache(maxsize=16)
def _patterns(langs: tuple[str, ...]) -> Patterns:
    month = rf"{_WORD_START}({_month_alternation(langs)})(?!\w)\.?"
    return Patterns(
        re.compile(rf"(?i)(?<!\d)(\d{{1,2}})(?:(?:st|nd|rd|th|-?го|\.)?\s+{_PARTICLE}|[.-])"
                   rf"{month}(?:,?\s+{_PARTICLE}|(?<=\.)|-){_YEAR}{_YEAR_END}"),
        re.compile(rf"(?i){month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}{_YEAR_END}"),
        re.compile(rf"(?i)(?<!\d){_YEAR}(?:\s*{_YEAR_WORD})?[\s.,]+{month}\s+(\d{{1,2}})(?!\d)"),
    )


# the word for "year" some languages write after it (Armenian `2024 թ. մարտի 12`, Russian
# `2024 г.`, Georgian `2024 წლის`)
_YEAR_WORD = r"(?:թ|г|წლის)\.?"
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?"
                  r"(?:\.\d+)?|-(\d\d)-(\d\d)(?:-(\d\d))?)?\s*(Z|[+-]\d\d:?\d\d)?(?![\d-])")
_CJK = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d\d)(?!\d)")
_YMD_NUMERIC = re.compile(r"(?<!\d)((?:19|20)\d\d)([/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_TIME = re.compile(r"(?i)(?<![\d:.])([01]?\d|2[0-3])[:.h]([0-5]\d)(?::([0-5]\d))?(?![.:/-]?\d)"
                   r"(?:\s*([ap])\.?\s?m\.?(?!\w))?")  # not a date's `13.03.2024`
_OFFSET = re.compile(r"(?i)(?:\b(?:GMT|UTC)\s*)?([+-])(\d{1,2})(?::?(\d\d))?(?!\d)")
_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_CLOCK_ZONE = re.compile(r"(?<![\d:])\d{1,2}[:.]\d\d\s*\(?([^\W\d_]{1,5})(?!\w)")
_ZONE_WORD = re.compile(r"(?<![\w+-])([^\W\d_]{1,5})(?![\w])")


def tzinfo_of(offset: str) -> timezone:
    """`+04:00` or `-0500` as a fixed zone."""
    sign = -1 if offset.startswith("-") else 1
    digits = offset.lstrip("+-").replace(":", "")
    hours, minutes = int(digits[:-2] or 0), int(digits[-2:])
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_stated(text: str, langs: tuple[str, ...] = (), default_tz: str = "",
                 month_first: bool = False) -> Stated | None:
    """The first full date in `text` with its time and zone when stated. `month_first`:
    read an ambiguous 11/10/2019 as November 10 (US English), else as 11 October."""
    langs = tuple(dict.fromkeys([*date_languages(), *langs]))
    found = _find_day(text, langs, month_first)
    if found is None:
        return None
    (year, month, day), match, clock = found
    zone = ""
    hour = minute = second = 0
    if clock is None:  # the clock nearest the date, after it or before it
        end = match.end()
        after = _TIME.search(text[end:])  # sliced: a clock run into the year (`20194:29 AM`)
        before = next(reversed([*_TIME.finditer(text, 0, match.start())]), None)
        time = min(filter(None, (after, before)), default=None,
                   key=lambda t: t.start() if t is after else match.start() - t.end())
        clock = _clock(time) if time else None
        zone_from = None if time is None else time.end() + (end if time is after else 0)
    else:
        zone_from = match.end()
    if clock:
        hour, minute, second = clock
    if zone_from is not None:
        zone = _zone(text, zone_from, match)
    offset = _offset(zone) if zone else default_tz
    try:
        when = datetime(year, month, day, hour, minute, second,
                        tzinfo=tzinfo_of(offset) if offset else None)
    except ValueError:
        return None
    return Stated(when, match.group(0).strip(), zone)


def words_beside_dates(line: str) -> int:
    """The words of a line that are no part of a date or a clock it states: `November 19, 2019
    | 4:20am | Updated November 19, 2019 | 9:32pm` has one."""
    rest = line
    while (stated := parse_stated(rest)) is not None and stated.text:
        rest = rest.replace(stated.text, " ", 1)
    return sum(1 for word in _TIME.sub(" ", rest).split() if any(map(str.isalnum, word)))


@lru_cache(maxsize=4)
def _day_first(langs: tuple[str, ...]) -> re.Pattern[str]:
    month = rf"(?:{_month_alternation(langs)})(?!\w)\.?"
    return re.compile(rf"(?i)^\W{{0,2}}(?:\d{{1,2}}(?:st|nd|rd|th|\.)?\s+{_PARTICLE}{month}"
                      rf"|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?![\d:])")


def opens_with_day(line: str) -> bool:
    """Whether a line opens with a day of a month (`June 9 -- ...`, `27 September: ...`), as
    the items of a schedule or a timeline do."""
    return _day_first(date_languages()).match(line) is not None


def is_date_line(line: str) -> bool:
    """Whether a line states a date (page datelines, teaser timestamps): a full date in any of
    the date languages, or a clock with a stated zone (`10.00 WIB`). The caller judges its
    length."""
    if _HAS_YEAR.search(line) and _find_day(line, date_languages(), False) is not None:
        return True
    return any(zone_name(zone.group(1)) for zone in _CLOCK_ZONE.finditer(line))


def _clock(time: re.Match[str]) -> tuple[int, int, int] | None:
    hour, minute = int(time.group(1)), int(time.group(2))
    second = int(time.group(3) or 0)
    half = (time.group(4) or "").lower()
    if half:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour, minute, second


def _zone(text: str, start: int, date_match: re.Match[str]) -> str:
    """A zone stated right after the time (or after an ISO date's own time)."""
    iso_zone = date_match.re is _ISO and date_match.group(10)
    if iso_zone:
        return iso_zone
    near = text[start: start + 16]
    offset = _OFFSET.match(near.lstrip(" ()"))
    if offset and (near.lstrip(" ()")[:3].upper() in {"GMT", "UTC"} or ":" in offset.group(0)
                   or len(offset.group(0)) >= 5):
        return offset.group(0)
    word = _ZONE_WORD.search(near)
    if word and not near[: word.start()].strip(" ,()"):
        return zone_name(word.group(1))
    return ""


def zone_name(word: str) -> str:
    """The zone a word names (`EST`; `МСК` or `(мск)`: a Cyrillic one in any case), or ""."""
    key = word if word.isupper() else word.upper() if not word.isascii() else ""
    return key if key in metadata_data().get("timezones", {}) else ""


def _offset(zone: str) -> str:
    """`EST` -> `-05:00`; `GMT+4` -> `+04:00`; `+0400` -> `+04:00`."""
    zones = metadata_data().get("timezones", {})
    if zone in zones:
        return zones[zone]
    match = _OFFSET.search(zone)
    if match is None:
        return "+00:00"
    sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
    return f"{sign}{hours:02d}:{minutes:02d}"


def _find_day(text: str, langs: tuple[str, ...], month_first: bool):
    """((year, month, day), match, clock or None) of the earliest date in the text."""
    names = month_names(langs)
    patterns = _patterns(langs)
    hits = []
    for match in _ISO.finditer(text):
        clock = None
        if match.group(4):
            clock = (int(match.group(4)), int(match.group(5)), int(match.group(6) or 0))
        elif match.group(7):  # 2020-09-27-19-55-27 (scrapers' file-name style)
            clock = (int(match.group(7)), int(match.group(8)), int(match.group(9) or 0))
        ymd = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
        hits.append((match.start(), ymd, match, clock))
        break
    for pattern, order in ((patterns.name_dmy, "dmy"), (patterns.name_mdy, "mdy"),
                           (patterns.name_ymd, "ymd"), (_CJK, "ymd")):
        match = pattern.search(text)
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            month = parts["m"]
            number = int(month) if month.isdigit() else names[month.casefold().rstrip(".")]
            hits.append((match.start(), (int(parts["y"]), number, int(parts["d"])), match, None))
    hits.extend(_numeric(text, month_first))
    valid = [hit for hit in hits if _valid(hit[1])]
    if not valid:
        return None
    _, ymd, match, clock = min(valid, key=lambda hit: hit[0])
    return ymd, match, clock


def _numeric(text: str, month_first: bool) -> list:
    hits = []
    match = _NUMERIC.search(text)
    if match:
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        day, month = (second, first) if (month_first and second <= 31) or first > 12 \
            else (first, second)
        if month > 12:
            day, month = month, day
        hits.append((match.start(), (year, month, day), match, None))
    match = _YMD_NUMERIC.search(text)
    if match:
        ymd = (int(match.group(1)), int(match.group(3)), int(match.group(4)))
        hits.append((match.start(), ymd, match, None))
    return hits


def numeric_order(lines: Iterable[str]) -> str:
    """"dmy" or "mdy" when the text's numeric dates settle which number is the day (one over
    12), "" when none does or they disagree."""
    seen = set()
    for line in lines:
        for match in _NUMERIC.finditer(line):
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second:
                seen.add("dmy")
            elif second > 12 >= first:
                seen.add("mdy")
    return seen.pop() if len(seen) == 1 else ""


def _valid(ymd: tuple[int, int, int]) -> bool:
    try:
        datetime(*ymd)
    except ValueError:
        return False
    return True
