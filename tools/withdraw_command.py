"""The `withdraw` command: take an imported article down so that no rebuild brings it back."""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path

import click

from tools.errors import ToolError
from tools.importer.existing import ArticleIndex, header_lines
from tools.importer.import_context import PROJECT_WITHDRAWN
from tools.importer.seeds import file_sha256, shown
from tools.site_layout import DEFAULTS, Layout, layout_for
from tools.withdrawn import append_entry, new_entry

log = logging.getLogger(__name__)


@click.command("withdraw")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--reason", required=True, help="Why it was withdrawn (kept in the list).")
@click.option("--record", help="With a raw file in seeds/ instead of an article: which record "
              "of an export (e.g. 'row 4').")
@click.option("--keep-file", is_flag=True, help="Only list it; leave the Markdown file.")
def withdraw_command(article: Path, reason: str, record: str | None, keep_file: bool) -> None:
    """Withdraw an imported ARTICLE: list its raw input in tools/data/withdrawn.yaml (with the
    reason), so `make html` and `import` never recreate it, and delete the Markdown file.
    Given a raw file in seeds/ instead (and --record for one record of an export; without it,
    every record), list that input, e.g. a broken row that would otherwise stop every
    `make html`, and delete the articles made from it.

    \b
    Examples:
      python -m tools withdraw content/articles/2020/some-story.md --reason "takedown request"
      python -m tools withdraw seeds/detik.csv --record "row 4" --reason "empty row"

    The raw seed stays in seeds/ unchanged (it is no longer published: only seeds an article
    names are). To bring the article back, delete its entry and run `make html`.
    """
    if article.suffix != ".md":
        layout, values = _raw_input(article, record)
        append_entry(layout.withdrawn, {**values, "reason": reason,
                                        "withdrawn": date.today().isoformat()})
        where = f"{article} {record}" if record else str(article)
        click.echo(f"{where}: listed in {shown(layout.withdrawn)}; imports will skip it")
        for made in _articles_of(layout, values["raw_file"], record):
            if not keep_file:
                made.unlink()
            click.echo(f"{made}: its article, {'kept (--keep-file)' if keep_file else 'deleted'}")
        return
    from tools.checks.header import parse_header

    header = parse_header(header_lines(article))
    values = {item.name: item.value for item in header.fields}
    if not values.get("raw_sha256") and not values.get("raw_file"):
        raise ToolError(f"{article}: names no raw input (no Raw_file or Raw_sha256), so no "
                        "import can bring it back; simply delete the file")
    layout = layout_for(article)
    listing = layout.withdrawn if layout else PROJECT_WITHDRAWN
    append_entry(listing, new_entry(values, article, reason))
    if not keep_file:
        article.unlink()
    done = "listed" if keep_file else "deleted and listed"
    click.echo(f"{article}: {done} in {shown(listing)}; imports will skip its raw input "
               f"({values.get('raw_file') or values.get('raw_sha256')})")


def _raw_input(path: Path, record: str | None) -> tuple[Layout, dict[str, str]]:
    """The site whose seeds folder holds `path`, and the entry naming it (by Raw_file and
    Raw_record: an export record's sha256 is only known once read; a whole file also by its
    sha256)."""
    for folder in path.absolute().parents:
        layout = layout_for(folder / DEFAULTS["PATH"] / "x.md")
        if layout and path.absolute().is_relative_to(layout.seeds.absolute()):
            raw_file = path.absolute().relative_to(layout.seeds.absolute()).as_posix()
            if record:
                _check_record(path, record)
            entry = {"raw_file": raw_file, "raw_record": record or ""}
            if not record:
                entry["raw_sha256"] = file_sha256(path)
            return layout, {k: v for k, v in entry.items() if v}
    raise ToolError(f"{path}: neither an article (.md) nor a raw file in a site's seeds folder; "
                    "give the article's Markdown file")


def _check_record(path: Path, record: str) -> None:
    """A record named as the importer names it, and one the export holds (when the export can
    be listed at all: a broken one is what --record is for)."""
    from tools.importer.inputs import FieldMap, expand, is_export

    if not is_export(path):
        raise ToolError(f"{path}: --record names a record of an export (.csv, .json, .jsonl, "
                        ".warc); this file is one article: leave --record out")
    if not _RECORD.match(record):
        raise ToolError(f"{path}: record {record!r} should be written as the importer names it, "
                        "e.g. 'row 4' (CSV), 'line 3' (JSON Lines), 'item 2' (JSON), "
                        "'record 5' (WARC)")
    try:
        names = [ref.where for ref in expand(path, FieldMap())]
    except ToolError:
        return
    if record not in names:
        held = f"{names[0]} to {names[-1].split()[-1]}" if names else "none"
        raise ToolError(f"{path}: has no {record} (its records: {held}); check the number")


_RECORD = re.compile(r"^(?:row|line|item|record) [1-9]\d*$")


def _articles_of(layout: Layout, raw_file: str, record: str | None) -> list[Path]:
    """The site's articles imported from this raw file (this record of it, when given)."""
    found = []
    for articles in layout.articles:
        index = ArticleIndex(articles)
        found += [path for path, header in index.headers
                  if header.value("raw_file") == raw_file
                  and (not record or header.value("raw_record") == record)]
    return found
