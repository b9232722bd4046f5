"""The `withdraw` command: take an imported article down so that no rebuild brings it back."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from tools.errors import ToolError
from tools.existing import header_lines
from tools.import_context import PROJECT_WITHDRAWN
from tools.site_layout import layout_for
from tools.withdrawn import append_entry, new_entry

log = logging.getLogger(__name__)


@click.command("withdraw")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--reason", required=True, help="Why it was withdrawn (kept in the list).")
@click.option("--keep-file", is_flag=True, help="Only list it; leave the Markdown file.")
def withdraw_command(article: Path, reason: str, keep_file: bool) -> None:
    """Withdraw an imported ARTICLE: list its raw input in tools/data/withdrawn.yaml (with the
    reason), so `make html` and `import` never recreate it, and delete the Markdown file.

    \b
    Example:
      python -m tools withdraw content/articles/2020/some-story.md --reason "takedown request"

    The raw seed stays in seeds/ unchanged (it is no longer published: only seeds an article
    names are). To bring the article back, delete its entry and run `make html`.
    """
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
