"""The `import` command: raw inputs → Markdown articles."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import click

from tools.errors import one_line
from tools.importer.inputs import FieldMap, is_export, parse_map
from tools.importer.pipeline import Options, Result, import_paths


def explain(result: Result) -> None:
    """Every decision on one input: each signal for title, date, language and source (which
    won and why the others lost), why it needs review, and every removed line with its rule."""
    if result.article is None:
        return
    click.echo(f"# {one_line(str(result.path))}{' ' + result.record if result.record else ''}")
    article = result.article
    click.echo(f"  encoding: {article.encoding}")
    for line in article.decisions:
        click.echo(f"  {one_line(line)}" if line.startswith("  ") else f"  * {one_line(line)}")
    for reason in article.review:
        click.echo(f"  ! review: {one_line(reason)}")
    for removed in result.article.removed:
        click.echo(f"  - [{removed.rule}] {one_line(removed.line)}")


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=Path("content/articles"),
              show_default=True, help="Folder for the articles (written to <out>/YYYY/<slug>.md).")
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Publication date (overrides all).")
@click.option("--source", help="Source (news site) name, overrides inference.")
@click.option("--map", "map_", metavar="FIELD=COLUMN,...",
              help="CSV/JSON exports: which column or key holds each field (title, body, "
              "date, url, source, lang, author, editor; meta.title: a key inside a key), e.g. "
              "title=judul,url=tautan,date=tanggal,body=isi_berita.")
@click.option("--date-format", metavar="FORMAT",
              help="Exports: strptime format of the date column, e.g. '%m/%d/%Y %H:%M'.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes to use (0: one per core); the output is the same for any number.")
@click.option("--dry-run", is_flag=True, help="Do everything except writing files.")
@click.option("--explain", "explain_", is_flag=True, help="Print every removed line and its rule.")
@click.option("--force", is_flag=True, help="Overwrite articles that editors have changed "
              "(their version is kept as a backup copy, and the importer says where).")
@click.option("--new-only", is_flag=True,
              help="Skip raw inputs that an article already comes from (Raw_file, Raw_record "
              "or Raw_sha256).")
@click.option("--no-profiles", is_flag=True, help="Ignore site profiles (generic rules only).")
def import_command(paths: tuple[Path, ...], out: Path, date_: str | None, source: str | None,
                   map_: str | None, date_format: str | None, jobs: int, dry_run: bool,
                   explain_: bool, force: bool, new_only: bool, no_profiles: bool) -> None:
    """Import raw .txt dumps, .html (.mhtml) pages and scraper exports (.csv, .json, .jsonl,
    .warc; files or folders) as Markdown articles.

    \b
    Examples:
      python -m tools import seeds/                      every raw file in seeds/
      python -m tools import seeds/new.txt --explain     show each removed line and its rule
      python -m tools import page.html --date 2020-10-23 --source Kompas
      python -m tools import seeds/ --new-only           only inputs no article comes from yet
      python -m tools import detik.csv --map title=judul,url=tautan,date=tanggal,body=isi_berita
      python -m tools import crawl.warc.gz --jobs 0      one article per page, every core

    A `<name>.yaml` beside a raw file (url, date, source, title) overrides inference; beside an
    export it may hold `map:` and `date_format:` instead of the options. A raw file from
    outside seeds/ is copied there verbatim, so the article's provenance link works.
    Articles an editor has changed are never overwritten unless --force is given.
    """
    fields = export_fields(map_, date_format)
    options = Options(out=out, date=date_, source=source, dry_run=dry_run, force=force,
                      use_profiles=not no_profiles, new_only=new_only, fields=fields,
                      jobs=jobs or (os.cpu_count() or 1))
    totals: Counter[str] = Counter()
    review: list[Result] = []
    for result in import_paths(list(paths), options):
        report(result, explain_, dry_run)
        totals[result.status] += 1
        if result.review and result.status != "error":
            review.append(result)
    if new_only and not totals:
        click.echo("nothing new to import: every raw input already has an article", err=True)
    elif len(paths) > 1 or any(p.is_dir() or is_export(p) for p in paths) or review:
        summary(totals, review, dry_run)  # a batch; one file's line says it all
    if totals["error"]:
        raise SystemExit(1)


def export_fields(map_: str | None, date_format: str | None) -> FieldMap:
    """--map and --date-format (an export's sidecar supplies what they leave out)."""
    fields = parse_map(map_) if map_ else FieldMap()
    return FieldMap(fields.columns, date_format or "")


def report(result: Result, explain_: bool, dry_run: bool) -> None:
    """One line per input (errors on stderr), its notes, and --explain's detail."""
    if explain_:
        explain(result)
    name = one_line(str(result.target or result.path))
    where = f" {result.record}" if result.record and result.target is None else ""
    if result.status == "error":
        click.echo(f"error: {one_line(result.message)}", err=True)
    elif result.status in ("withdrawn", "skipped"):
        click.echo(f"{one_line(str(result.path))}{where}: {one_line(result.message)}")
    else:
        verb = f"would be {result.status}" if dry_run and result.status != "unchanged" \
            else result.status
        click.echo(f"{name}: {verb}")
    for note in result.notes:
        click.echo(f"  note: {one_line(note)}")


def summary(totals: Counter[str], review: list[Result], dry_run: bool) -> None:
    """The articles marked for review first (an editor should read them), then the totals."""
    if review:
        click.echo(f"{len(review)} marked for review (Status: draft until an editor checks):",
                   err=True)
        for result in review:
            click.echo(f"  {one_line(str(result.target))}: {one_line(result.review)}", err=True)
    prefix = "dry run, " if dry_run else ""
    parts = [f"{totals[k]} {label}" for k, label in TOTALS]
    click.echo(f"{prefix}{', '.join(parts)}, {len(review)} marked for review", err=True)


TOTALS = (("created", "created"), ("updated", "updated"), ("unchanged", "unchanged"),
          ("error", "refused"), ("withdrawn", "withdrawn (skipped)"))
