"""The `import` command: raw inputs → Markdown articles."""

from __future__ import annotations

from pathlib import Path

import click

from tools.errors import one_line
from tools.pipeline import Options, Result, import_paths
from tools.review import review_lines


def explain(result: Result) -> None:
    """Every decision on one input: each signal for title, date, language and source (which
    won and why the others lost), why it needs review, and every removed line with its rule."""
    if result.article is None:
        return
    click.echo(f"# {one_line(str(result.path))}")
    for line in result.article.decisions:
        click.echo(f"  {one_line(line)}" if line.startswith("  ") else f"  * {one_line(line)}")
    for reason in result.article.review:
        click.echo(f"  ! review: {one_line(reason)}")
    for removed in result.article.removed:
        click.echo(f"  - [{removed.rule}] {one_line(removed.line)}")


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=Path("content/articles"),
              show_default=True, help="Folder for the articles (written to <out>/YYYY/<slug>.md).")
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Publication date (overrides all).")
@click.option("--source", help="Source (news site) name, overrides inference.")
@click.option("--dry-run", is_flag=True, help="Do everything except writing files.")
@click.option("--explain", "explain_", is_flag=True, help="Print every removed line and its rule.")
@click.option("--force", is_flag=True, help="Overwrite articles that editors have changed.")
@click.option("--new-only", is_flag=True,
              help="Skip raw files that an article already names (Raw_file or Raw_sha256).")
@click.option("--no-profiles", is_flag=True, help="Ignore site profiles (generic rules only).")
def import_command(paths: tuple[Path, ...], out: Path, date_: str | None, source: str | None,
                   dry_run: bool, explain_: bool, force: bool, new_only: bool,
                   no_profiles: bool) -> None:
    """Import raw .txt dumps and .html pages (files or folders) as Markdown articles.

    \b
    Examples:
      python -m tools import seeds/                      every raw file in seeds/
      python -m tools import seeds/new.txt --explain     show each removed line and its rule
      python -m tools import page.html --date 2020-10-23 --source Kompas
      python -m tools import seeds/ --new-only           only files no article names yet

    A `<name>.yaml` beside a raw file (url, date, source, title) overrides inference.
    Articles an editor has changed are never overwritten unless --force is given.
    """
    options = Options(out=out, date=date_, source=source, dry_run=dry_run, force=force,
                      use_profiles=not no_profiles, new_only=new_only)
    failed = 0
    results = []
    for result in import_paths(list(paths), options):
        results.append(result)
        if explain_:
            explain(result)
        if result.status == "error":
            failed += 1
            click.echo(f"error: {one_line(result.message)}", err=True)
        else:
            verb = f"would be {result.status}" if dry_run and result.status != "unchanged" \
                else result.status
            click.echo(f"{one_line(str(result.target))}: {verb}")
    for line in review_lines(results):
        click.echo(f"review: {one_line(line)}", err=True)
    if failed:
        raise SystemExit(1)
