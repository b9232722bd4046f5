"""Checks on an article's header: required fields, dates, keys Pelican ignores, quoting, status.

Tag, category, source and language checks live in `tools.checks.names`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from tools.checks import Findings, closest
from tools.checks.header import Field, Header
from tools.checks.known import SITE_TIMEZONE, Known
from tools.outputpaths import reserved
from tools.zones import read_date

# docs/architecture.md's header schema plus the keys Pelican itself understands.
SCHEMA_KEYS = {
    "title", "date", "slug", "lang", "category", "tags", "summary", "authors", "editor", "source",
    "source_url", "agencies", "figures", "words", "raw_file", "raw_record", "raw_sha256",
    "raw_encoding", "date_method", "date_evidence",
    "status", "synthetic", "import_sha256", "review", "removed", "cluster",
}
PELICAN_KEYS = {"modified", "author", "template", "save_as", "url", "translation"}
KNOWN_KEYS = SCHEMA_KEYS | PELICAN_KEYS
SHOWN_KEYS = {k.casefold(): k.capitalize() for k in KNOWN_KEYS}
STATUSES = {"published", "draft", "hidden"}
THEME_TEMPLATES = Path(__file__).resolve().parents[2] / "theme" / "templates"
DATE_METHODS = {"explicit", "front-matter", "html-meta", "dateline", "url", "htmldate",
                "inferred"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QUOTED_RE = re.compile(r"""^(["']).*\1$""")
YAML_LIST_RE = re.compile(r"^\[.*\]$")
LOOKS_LIKE_KEY_RE = re.compile(r"^\s*[A-Za-z][A-Za-z0-9 _-]{0,30}\s*:\s")
# Control characters (tab aside) and noncharacters: invisible in an editor, invalid in HTML and
# XML, so a title or tag carrying one breaks the feeds and shows as a box on the site.
CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def check_header(header: Header, out: Findings, known: Known) -> None:
    """Report every header problem of one article into `out`."""
    check_page_header(header, out)
    _date(header.first("date"), out, known.today, required=True)
    _date(header.first("modified"), out, known.today, required=False)
    _enumerations(header, out)
    summary = header.first("summary")
    if summary and not summary.value:
        out.warning(summary.line, "`Summary:` is empty",
                    "write one or two plain sentences, or delete the line to show the first "
                    "words of the text instead")


def check_page_header(header: Header, out: Findings) -> None:
    """Pages (About, How to search) need a title; dates, tags and sources do not apply."""
    _structure(header, out)
    for item in header.fields:
        _key(item, out)
        _quoting(item, out)
        _invisible(item, out)
    _title(header, out)
    _output_paths(header, out)
    _template(header, out)


def _template(header: Header, out: Findings) -> None:
    """`Template:` names a page template of the theme, or the build stops at this article."""
    item = header.first("template")
    if item and not (THEME_TEMPLATES / f"{item.value}.html").is_file():
        known = sorted(p.stem for p in THEME_TEMPLATES.glob("*.html"))
        out.error(item.line, f"`Template: {item.value}` is not a template of the theme",
                  f"delete the line (articles use `article`); the theme has {', '.join(known)}")


def _output_paths(header: Header, out: Findings) -> None:
    """`Save_as:`/`Url:` may not take a file the site generates (tools/outputpaths.py)."""
    for name in ("save_as", "url"):
        item = header.first(name)
        why = reserved(item.value, name) if item else None
        if item and why:
            out.error(item.line, f"`{item.key}: {item.value}` {why}: the build would overwrite "
                      "or shadow it", "delete the line: articles get their address from "
                      "`Date` and `Slug`, pages from `Slug`")


def _structure(header: Header, out: Findings) -> None:
    seen: dict[str, int] = {}
    for item in header.fields:
        if item.name in seen:
            out.error(item.line, f"`{item.key}:` is given twice (first on line {seen[item.name]})",
                      "keep one line per key; Pelican uses the first or makes a list of both")
        seen.setdefault(item.name, item.line)
        if item.more:
            line, _ = item.more[0]
            out.error(line, f"this indented line continues `{item.key}:` on the line above",
                      "write the whole value on one line after the key "
                      "(YAML lists are not understood: `Tags: Armenia, Azerbaijan`)")
    if header.stopper:
        line, text = header.stopper
        key, _, value = text.strip().partition(" ")
        if key.casefold() in KNOWN_KEYS and value.strip() \
                and not value.split(maxsplit=1)[0].endswith(":"):  # (`Source url:`: below)
            out.error(line, f"{text.strip()!r} has no colon after `{key}`, so the header ends "
                      "here and the lines from here on are read as body text",
                      f"write `{key}: {value.strip()}`")
        elif LOOKS_LIKE_KEY_RE.match(text) or text.lstrip().startswith("- "):
            out.error(line, f"the header ends before this line, so Pelican reads {text.strip()!r} "
                      "as body text", "key names have no spaces or accents (`Source_url:`, not "
                      "`Source url:`) and lists go on one line (`Tags: A, B`)")
        else:
            out.error(line, "no blank line between the header and the body: Pelican reads "
                      "the text only while no line of it looks like `Word: ...`, and drops "
                      "any that does", "leave one empty line after the last `Key: value` line")


# An "unknown key" whose value is a sentence is body text the header swallowed.
PROSE_WORDS = 6


def _key(item: Field, out: Findings) -> None:
    if item.name in KNOWN_KEYS:
        return
    if len(item.value.split()) >= PROSE_WORDS:
        snippet = " ".join(item.value.split()[:PROSE_WORDS])
        out.error(item.line, f"this line is read as a header field `{item.key}:`, so its text "
                  f"'{snippet} ...' is not shown on the site",
                  "if it is the first paragraph, put one empty line between the header and it")
        return
    guess = closest(item.name, SHOWN_KEYS, n=1)
    if guess:
        out.error(item.line, f"unknown key `{item.key}:` (Pelican keeps it but nothing uses it)",
                  f"did you mean `{guess[0]}:`? The fields are listed in docs/editing.md")
    else:
        out.warning(item.line, f"unknown key `{item.key}:` is ignored by the site",
                    "delete the line, or see docs/editing.md for the fields the site uses")


def _quoting(item: Field, out: Findings) -> None:
    value = item.value
    if item.name in {"tags", "authors", "agencies"} and YAML_LIST_RE.match(value):
        out.error(item.line, f"`{item.key}:` is written as a YAML list {value}",
                  f"Pelican keeps the brackets; write `{item.key}: "
                  f"{value.strip('[]').replace(chr(34), '').replace(chr(39), '')}`")
    elif QUOTED_RE.match(value) and len(value) >= 2:
        hint = f"Pelican keeps the quotes as part of the value; write `{item.key}: {value[1:-1]}`"
        if item.name in {"title", "summary"}:
            out.warning(item.line, f"`{item.key}:` is wholly in quotes", hint
                        + " (keep them only if the headline itself is a quotation)")
        else:
            out.error(item.line, f"`{item.key}:` value is in quotes", hint)


def _invisible(item: Field, out: Findings) -> None:
    found = CONTROL_RE.search(item.value)
    if found:
        out.error(item.line, f"`{item.key}:` contains the invisible control character "
                  f"U+{ord(found.group()):04X}", "retype the value (it was probably pasted "
                  "from another program); feeds and pages cannot carry it")


def _title(header: Header, out: Findings) -> None:
    item = header.first("title")
    if item is None:
        line = header.stopper[0] if header.stopper else 1
        out.error(line, "the article has no `Title:`",
                  "start the file with `Title: <headline>`; see the example in docs/editing.md")
    elif not item.value:
        out.error(item.line, "`Title:` is empty", "write the headline after `Title: `")


def _date(item: Field | None, out: Findings, today: date, required: bool) -> None:
    if item is None:
        if required:
            out.error(1, "the article has no `Date:`",
                      "add a line `Date: 2020-10-23` (ISO 8601; a time and zone after it "
                      "when the source states them: 2020-10-23T10:00:00+04:00)")
        return
    if _ambiguous(item, out):
        return
    parsed = parse_date(item.value)
    if parsed is None:
        out.error(item.line, f"`{item.key}:` {item.value!r} is not a date" if item.value
                  else f"`{item.key}:` is empty",
                  "write it as 2020-10-23 or 2020-10-23T10:00:00+04:00 (ISO 8601; a zone "
                  "only when the source states one)")
        return
    local = parsed if parsed.tzinfo else parsed.replace(tzinfo=ZoneInfo(SITE_TIMEZONE))
    if not _is_iso(item.value):  # the zone only when it states one (WIB: +07:00)
        iso = parsed.date().isoformat() if parsed.time() == time() and not parsed.tzinfo \
            else parsed.isoformat()
        out.warning(item.line, f"`{item.key}:` {item.value!r} is not in ISO 8601 form",
                    f"write it as {iso}")
    try:
        day = local.astimezone(ZoneInfo(SITE_TIMEZONE)).date()
    except OverflowError:  # 0001-01-01T00:00+14:00: before year 1 in Jakarta
        out.error(item.line, f"`{item.key}:` {item.value!r} is outside the years 1 to 9999",
                  "check the year; dates are YYYY-MM-DD")
        return
    if day > today:
        out.error(item.line, f"`{item.key}:` {day.isoformat()} is in the future "
                  f"(today is {today.isoformat()} in {SITE_TIMEZONE})",
                  "check the year and the day/month order; dates are YYYY-MM-DD")


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# 10/11/2020, 10-11-2020, 10.11.20: day and month are both <= 12, so the order is a guess.
NUMERIC_DATE_RE = re.compile(r"^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b")


def ambiguous_readings(value: str) -> tuple[date, date] | None:
    """Day-first and month-first readings of a numeric date when both are real, different days.

    Pelican (dateutil) reads `10/11/2020` month first, as 11 October; an Indonesian editor
    means 10 November. Neither reading is safe to publish without asking.
    """
    match = NUMERIC_DATE_RE.match(value)
    if not match:
        return None
    a, b, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    year += 2000 if year < 100 else 0
    if a == b:
        return None
    try:
        return date(year, b, a), date(year, a, b)  # day first (Indonesian), month first (US)
    except ValueError:
        return None


def _ambiguous(item: Field, out: Findings) -> bool:
    """Report a day/month-order guess with both readings spelled out; True if reported."""
    readings = ambiguous_readings(item.value)
    if readings:
        first, second = readings
        out.error(item.line, f"`{item.key}:` {item.value.strip()!r} could be "
                  f"{_spoken(first)} or {_spoken(second)}",
                  f"write {first.isoformat()} or {second.isoformat()} (YYYY-MM-DD); the site "
                  f"would read it as {_spoken(parse_date(item.value) or second)}")
    return readings is not None


def _spoken(day: date | datetime) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@lru_cache(maxsize=4096)
def parse_date(value: str) -> datetime | None:
    """The date Pelican would read, or None if Pelican would fail (tools/zones.py)."""
    return read_date(value)


def _is_iso(value: str) -> bool:
    try:
        datetime.fromisoformat(value.strip())
    except ValueError:
        return False
    return True


def _enumerations(header: Header, out: Findings) -> None:
    status = header.first("status")
    if status and status.value.strip().lower() not in STATUSES:
        out.error(status.line, f"`Status:` {status.value!r} is not a status Pelican knows",
                  "use `draft` (preview only) or `published`, or delete the line")
    review = header.first("review")
    if review and review.value and (status is None or status.value.strip().lower() != "draft"):
        out.warning(review.line, "`Review:` is still there but the article is not a draft",
                    "once you have checked what it says, delete the `Review:` line")
    method = header.first("date_method")
    if method and method.value not in DATE_METHODS:
        out.error(method.line, f"`Date_method:` {method.value!r} is not one of "
                  f"{', '.join(sorted(DATE_METHODS))}", "write `explicit` for a date you checked")
    slug = header.first("slug")
    if slug and not SLUG_RE.match(slug.value) and not QUOTED_RE.match(slug.value):
        out.error(slug.line, f"`Slug:` {slug.value!r} is not lowercase ASCII words joined by "
                  "hyphens", "e.g. `Slug: armenia-dan-azerbaijan-bertemu`")
