"""The `eval` command: options, then the tables of tools/evaluation/report.py."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import click

from tools.evaluation import report
from tools.evaluation.pages import DEFAULT_DIRS, KINDS, load_folder, select
from tools.evaluation.run import run


@click.command("eval")
@click.option("--corpus", "dirs", type=click.Path(path_type=Path, file_okay=False), multiple=True,
              help="Corpus folder with html/ and raw_text/ (repeatable; default: "
                   "../shared/corpus and ../shared/devcorpus).")
@click.option("--set", "sets", multiple=True, help="Only pages of this set (repeatable).")
@click.option("--language", "languages", multiple=True,
              help="Only pages in this language (repeatable).")
@click.option("--kind", "kinds", type=click.Choice(sorted(KINDS)), multiple=True,
              help="Only this input kind (default: both).")
@click.option("--limit", type=int, default=0, help="At most N pages, spread over the sets.")
@click.option("--jobs", type=int, default=min(2, os.cpu_count() or 1), show_default=True,
              help="Worker processes.")
@click.option("--no-reference", is_flag=True, help="Skip trafilatura's scores (faster).")
@click.option("--worst", type=int, default=0,
              help="Also list the N pages where we trail trafilatura most.")
@click.option("--no-cache", is_flag=True,
              help="Do not keep which rule patterns each page matches in cache/eval/.")
@click.option("--save", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write every page's scores to this file (JSON Lines).")
def eval_command(dirs: tuple[Path, ...], sets: tuple[str, ...], languages: tuple[str, ...],
                 kinds: tuple[str, ...], limit: int, jobs: int, no_reference: bool,
                 worst: int, no_cache: bool, save: Path | None) -> None:
    """Score body, title and date extraction on the development pages, leave-site-out and
    without site profiles, beside trafilatura on the same pages."""
    every = [page for folder in dirs or DEFAULT_DIRS for page in load_folder(folder)]
    pages = select(every, sets, languages, limit)
    kinds = kinds or ("html", "raw_text")
    outcomes = list(run(pages, every, kinds, jobs, reference=not no_reference,
                        cache=not no_cache))
    for kind in kinds:
        click.echo("\n".join(report.kind_report(kind, outcomes)) + "\n")
    if save:
        save.write_text("".join(json.dumps(dataclasses.asdict(o)) + "\n" for o in outcomes),
                        "utf-8")
    if worst:
        click.echo("\n".join(report.worst(outcomes, worst)))
