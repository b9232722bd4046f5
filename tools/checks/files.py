"""Check one article or page file: read it, parse its header, run the per-file checks.

Returns the file's problems and the `Entry` other files may link to or collide with.
"""

from __future__ import annotations

import re
from pathlib import Path

from tools.checks import Findings
from tools.checks.archive import Entry
from tools.checks.body import PLACEHOLDER, body_lines, check_raw_html, links
from tools.checks.fields import SLUG_RE, check_header, check_page_header, parse_date
from tools.checks.figures import check_figures
from tools.checks.header import Header, parse_header
from tools.checks.known import Known
from tools.checks.names import check_names
from tools.checks.provenance import check_provenance

YEAR_DIR_RE = re.compile(r"^\d{4}$")
PROJECT_CONTENT = Path(__file__).resolve().parents[2] / "content"


def read_lines(path: Path, out: Findings) -> list[str] | None:
    """The file's lines as Pelican reads them (UTF-8, BOM dropped), or None if unreadable."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        line = exc.object[:exc.start].count(b"\n") + 1
        out.error(line, f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                  "save the file as UTF-8 in your editor")
        return None
    except OSError as exc:
        out.error(1, f"cannot read the file ({exc.strerror})", "check the file's permissions")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_file(path: Path, kind: str, known: Known,
               full: bool = True) -> tuple[Findings, Entry | None]:
    """Problems of one Markdown file (only the index entry when `full` is False)."""
    out = Findings(path)
    lines = read_lines(path, out)
    if lines is None:
        return out, None
    header = parse_header(lines)
    entry = make_entry(path, kind, header)
    if not full:
        return out, entry
    if kind == "article":
        check_header(header, out, known)
        check_names(header, out, known)
        check_figures(header, out)
        _placement(path, header, entry, out)
        _synthetic(path, header, out)
        if not entry.draft:
            _unfinished(lines, header, out)
        check_provenance(path, header, out)
    else:
        check_page_header(header, out)
    body = body_lines(lines, header.body_start)
    check_raw_html("\n".join(lines), body, out)
    entry.links = links(body)
    return out, entry


def make_entry(path: Path, kind: str, header: Header) -> Entry:
    """The slug, title and URL Pelican will give this file (slug from the title when absent)."""
    from pelican.utils import slugify

    title = header.first("title")
    slug_field = header.first("slug")
    slug = slug_field.value if slug_field and slug_field.value else ""
    if not slug and title and title.value:
        slug = slugify(title.value, regex_subs=SLUG_SUBS)
    entry = Entry(path=path, kind=kind, slug=slug, title=title.value if title else "",
                  title_line=title.line if title else 1,
                  slug_line=slug_field.line if slug_field else (title.line if title else 1),
                  draft=header.value("status").strip().lower() == "draft")
    raw = header.first("raw_sha256")
    if raw and raw.value:
        entry.raw = (raw.line, raw.value)
    entry.source = header.value("source").strip()
    cluster = header.first("cluster")
    if cluster and cluster.value.strip():
        entry.cluster = (cluster.line, cluster.value.strip())
    date = parse_date(header.value("date")) if kind == "article" else None
    if kind == "page" and slug:
        entry.url = f"{slug}/"
    elif date and slug:
        entry.url = f"{date:%Y}/{date:%m}/{slug}/"
    return entry


# Pelican's default SLUG_REGEX_SUBSTITUTIONS.
SLUG_SUBS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


def _placement(path: Path, header: Header, entry: Entry, out: Findings) -> None:
    """content/articles/YYYY/<slug>.md: the file name and folder follow the header."""
    slug = header.first("slug")
    if slug and SLUG_RE.match(slug.value) and path.stem != slug.value:
        out.warning(slug.line, f"the file is named {path.name} but its slug is {slug.value!r}",
                    f"rename the file to {slug.value}.md so it is easy to find")
    date = parse_date(header.value("date"))
    if date and YEAR_DIR_RE.match(path.parent.name) and path.parent.name != f"{date:%Y}":
        item = header.first("date")
        out.warning(item.line if item else 1, f"dated {date:%Y} but kept in {path.parent.name}/",
                    f"move it to content/articles/{date:%Y}/")


def _synthetic(path: Path, header: Header, out: Findings) -> None:
    """Generated test and benchmark articles must never reach the real archive."""
    item = header.first("synthetic")
    if item and item.value.strip().lower() == "true" and PROJECT_CONTENT in path.resolve().parents:
        out.error(item.line, "a synthetic (generated) article in content/",
                  "synthetic articles belong in tests/fixtures or bench/, never in content/")


# A header list `tools new` leaves empty for the editor to fill in or delete (an empty
# `Tags:` in a published article means the stub was never finished).
STUB_LISTS = ("tags",)


def _unfinished(lines: list[str], header: Header, out: Findings) -> None:
    """A published article that still carries the `tools new` stub's placeholders."""
    status = header.first("status")
    why = (f"it is published (`Status: {status.value}`)" if status
           else "it has no `Status: draft`, so it is published")
    for name in STUB_LISTS:
        item = header.first(name)
        if item is not None and not item.value and not header.stopper:
            out.error(item.line, f"`{item.key}:` is empty and {why}",
                      "fill it in (docs/editing.md, section 2) or delete the line")
    for number in range(header.body_start, len(lines)):
        if PLACEHOLDER in lines[number]:
            out.error(number + 1, f"the placeholder text of `tools new` is still here and {why}",
                      "write the article in its place, or set `Status: draft` until it is done")
            break
    if not any(line.strip() for line in lines[header.body_start:]):
        out.error(len(lines), f"the article has no text and {why}",
                  "write the article below the header, or set `Status: draft`")
