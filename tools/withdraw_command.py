"""The `withdraw` command: take an imported article down so that no rebuild brings it back."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import click

from tools.errors import ToolError
from tools.importer.existing import header_lines
from tools.importer.import_context import PROJECT_WITHDRAWN
from tools.importer.seeds import file_sha256
from tools.site_layout import DEFAULTS, layout_for
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
    Given a raw file in seeds/ instead (and --record for one record of an export), list that
    input, e.g. a broken row that would otherwise stop every `make html`.

    \b
    Examples:
      python -m tools withdraw content/articles/2020/some-story.md --reason "takedown request"
      python -m tools withdraw seeds/detik.csv --record "row 4" --reason "empty row"

    The raw seed stays in seeds/ unchanged (it is no longer published: only seeds an article
    names are). To bring the article back, delete its entry and run `make html`.
    """
    if article.suffix != ".md":
        listing, values = _raw_input(article, record)
        append_entry(listing, {**values, "reason": reason,
                               "withdrawn": date.today().isoformat()})
        click.echo(f"{article}{' ' + record if record else ''}: listed in {listing}; imports "
                   "will skip it")
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
    click.echo(f"{article}: {done} in {listing}; imports will skip its raw input "
               f"({values.get('raw_file') or values.get('raw_sha256')})")


def _raw_input(path: Path, record: str | None) -> tuple[Path, dict[str, str]]:
    """The withdrawn list of the site whose seeds folder holds `path`, and the entry naming
    it (by Raw_file and Raw_record: an export record's sha256 is only known once read)."""
    for folder in path.absolute().parents:
        layout = layout_for(folder / DEFAULTS["PATH"] / "x.md")
        if layout and path.absolute().is_relative_to(layout.seeds.absolute()):
            raw_file = path.absolute().relative_to(layout.seeds.absolute()).as_posix()
            entry = {"raw_file": raw_file, "raw_record": record or ""}
            if not record:
                entry["raw_sha256"] = file_sha256(path)
            return layout.withdrawn, {k: v for k, v in entry.items() if v}
    raise ToolError(f"{path}: neither an article (.md) nor a raw file in a site's seeds folder; "
                    "give the article's Markdown file")
