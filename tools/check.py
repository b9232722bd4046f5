"""`python -m tools check`: validate articles, pages and data files; report every problem at once.

One pass over the files and no Pelican build, so it can run before every `make html` on a large
archive; Markdown is rendered only for a body that may hold web code (tools/checks/rendered.py).
Problems print as `path:line: error|warning: message. Hint: ...`; any error makes the exit status
1, warnings do not.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import click

from tools.checks import ERROR, WARNING, Findings, Problem
from tools.checks.archive import Entry, broken_links, duplicates
from tools.checks.eventsfile import check_events_file
from tools.checks.figures import check_figures_file
from tools.checks.files import check_file
from tools.checks.known import DATA_DIR, Known, load_known
from tools.checks.outletfile import check_outlets_file
from tools.checks.rulefiles import check_agencies_file, check_rules_file, check_site_file
from tools.checks.vocabfile import check_languages_file, check_vocabulary_file
from tools.checks.yamlnodes import compose
from tools.errors import ToolError, one_line
from tools.importer.write import TEMP_GLOB
from tools.vocabulary import Vocabulary, load_vocabulary

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
CONTENT_DIR = ROOT / "content"
MARKDOWN = {".md", ".markdown", ".mkd", ".mdown"}


def run_check(paths: list[Path], content: Path = CONTENT_DIR, data: Path = DATA_DIR,
              known: Known | None = None, against_content: bool = True,
              ) -> tuple[list[Problem], int]:
    """All problems of the files under `paths` (sorted) and how many files were checked.

    Every article and page under `content` is indexed so duplicates and links are judged
    against the whole archive, but only problems in the checked files are returned. With
    `against_content=False` the checked files are judged against each other only (links still
    resolve in `content`).
    """
    known = known or load_known(data)
    content = content.resolve()
    checked = set(_expand(paths))
    archive = set(_expand([content])) if against_content else set()
    problems: list[Problem] = []
    entries: list[Entry] = []
    for path in sorted(checked | archive):
        if path.suffix in MARKDOWN:
            found, entry = check_file(path, _kind(path, content), known, full=path in checked)
            problems += found
            entries += [entry] if entry else []
        elif path in checked:
            problems += _check_other(path, content, data)
    problems += _data_sets(checked, data)
    tags = set(known.vocabulary.by_name) if known.vocabulary else set()
    problems += duplicates(entries) + broken_links(entries, content, tags)
    found = {p for p in problems if p.path in checked} | set(_leftovers(paths))
    return sorted(found), len(checked)


def _expand(paths: list[Path]) -> list[Path]:
    """Files under `paths`, absolute (resolved once per argument, not per file)."""
    files: list[Path] = []
    for path in (p.resolve() for p in paths):
        if path.is_dir():
            files += [p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)]
        elif path.exists():
            files.append(path)
    return files


def outside(paths: list[Path], content: Path) -> bool:
    """True when every path lies outside `content` (a staging folder, a fixture, a copy)."""
    return bool(paths) and not any(_inside(path, content) or _inside(content, path)
                                   for path in paths)


def _leftovers(paths: list[Path]) -> list[Problem]:
    """Temp files a killed import left beside its articles (the build never sees them)."""
    found = []
    for path in (p.resolve() for p in paths):
        for leftover in sorted(path.rglob(TEMP_GLOB)) if path.is_dir() else []:
            found.append(Problem(leftover, 1, WARNING, "an interrupted import left this "
                                 "temporary file (the article itself is the old or the new "
                                 "version, never half of one)",
                                 "delete it when no import is running"))
    return found


def _hidden(path: Path, base: Path) -> bool:
    parts = path.relative_to(base).parts
    return any(p.startswith(".") or p == "__pycache__" for p in parts)


def _kind(path: Path, content: Path) -> str:
    try:
        parts = path.relative_to(content).parts
    except ValueError:
        parts = path.parts
    return "page" if "pages" in parts[:-1] else "article"


def _check_other(path: Path, content: Path, data: Path) -> list[Problem]:
    """Data files by name; anything else Pelican would silently skip."""
    out = Findings(path)
    if path.suffix.lower() in MARKDOWN and _inside(path, content):
        out.error(1, f"Pelican reads only lowercase {path.suffix.lower()} files, so this one "
                  "is never published", f"rename it to {path.stem}{path.suffix.lower()}")
        return list(out)
    if path.suffix in {".yaml", ".yml"}:
        if path.name == "vocabulary.yaml":
            check_vocabulary_file(path, out)
        elif path.name == "languages.yaml":
            check_languages_file(path, out)
        elif path.name == "agencies.yaml":
            check_agencies_file(path, out)
        elif path.name == "outlets.yaml":
            check_outlets_file(path, out)
        elif path.name == "events.yaml":
            check_events_file(path, out, _vocabulary(data))
        elif path.name == "figures.yaml":
            check_figures_file(path, out)
        elif path.parent.name not in {"sites", "rules"}:
            compose(path, out)
    elif _inside(path, content):
        out.warning(1, f"Pelican ignores {path.suffix or 'extension-less'} files here",
                    "articles are Markdown files named <slug>.md")
    return list(out)


def _vocabulary(data: Path) -> Vocabulary | None:
    """The vocabulary events are checked against (None when it cannot be read: its own check
    reports why)."""
    try:
        return load_vocabulary(data / "vocabulary.yaml")
    except ToolError:
        return None


def _data_sets(checked: set[Path], data: Path) -> list[Problem]:
    """Site profiles and rule files are checked as a set: names and rule ids are unique."""
    folders = [(data / name).resolve() for name in ("rules", "sites")]
    if not any(path.is_relative_to(folder) for path in checked for folder in folders):
        return []  # no rule or site file checked: skip parsing them all (0.3 s a run)
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    seen_names: dict[str, str] = {}
    for folder in ("rules", "sites"):
        for path in sorted(p.resolve() for p in (data / folder).glob("*.y*ml")):
            out = Findings(path)
            if folder == "rules":
                check_rules_file(path, out, seen_ids)
            else:
                check_site_file(path, out, seen_names, seen_ids)
            problems += out
    return [p for p in problems if p.path in checked]


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


HELP_EPILOG = """\b
Examples:
  python -m tools check                      # all of content/ and tools/data/
  python -m tools check content/articles/2020/armenia-dan-azerbaijan.md
  make check                                 # the same as the first line

\b
Each problem is one line you can click in most editors:
  content/articles/2020/foo.md:7: error: unknown tag 'Karabak'. Hint: did you mean
  'Nagorno-Karabakh' (alias 'Karabakh')? ...

Files inside content/ are judged against the whole archive (duplicate slugs, titles and raw
files, links). Files outside it, e.g. a folder of freshly imported articles, are judged against
each other only; add --content content/ to also compare them with the archive before you move
them in.

The exit status is 1 when there is at least one error; warnings are shown but do not fail.
The article format is explained in docs/editing.md."""


@click.command("check", epilog=HELP_EPILOG)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--content", "content", type=click.Path(file_okay=False, path_type=Path),
              default=CONTENT_DIR, show_default="content/",
              help="The archive that slugs, titles and links are checked against (given "
              "explicitly, also for PATHS outside it).")
@click.option("--data", "data", type=click.Path(file_okay=False, path_type=Path),
              default=DATA_DIR, show_default="tools/data/",
              help="Where vocabulary.yaml, languages.yaml, sites/ and rules/ live.")
@click.option("--errors-only", is_flag=True, help="Do not print warnings.")
def check_command(paths: tuple[Path, ...], content: Path, data: Path, errors_only: bool) -> None:
    """Check articles, pages and data files, and report every problem with its line.

    Without PATHS, checks every file in content/ and tools/data/.
    """
    started = time.perf_counter()
    targets = list(paths) or [content, data]
    source = click.get_current_context().get_parameter_source("content")
    explicit = source is not click.core.ParameterSource.DEFAULT
    problems, count = run_check(targets, content=content, data=data,
                                against_content=explicit or not outside(targets, content))
    errors = sum(p.severity == ERROR for p in problems)
    for problem in problems:
        if problem.severity == ERROR or not errors_only:
            click.echo(one_line(problem.format(root=Path.cwd())))
    warnings = len(problems) - errors
    seconds = time.perf_counter() - started
    click.echo(f"{count} file{'s' * (count != 1)} checked in {seconds:.1f} s: "
               f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}",
               err=True)
    if errors:
        raise SystemExit(1)
