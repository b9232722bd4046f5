"""Orchestration: read → (HTML extract | find body) → clean → metadata → dates → tags → write."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from tools.errors import ToolError
from tools.importer import datestage, figures, metadata, metastage, review, tagging
from tools.importer.article import Article
from tools.importer.import_context import (
    Context,
    ImportUnit,
    collect_units,
    file_of,
    review_of,
    skip_imported,
)
from tools.importer.import_lock import import_lock
from tools.importer.inputs import FieldMap, RecordRef, is_export, read_unit
from tools.importer.markdown_out import render
from tools.importer.parallel import analysed, learn_repeats
from tools.importer.read import INPUT_SUFFIXES
from tools.importer.readcache import ReadCache
from tools.importer.repeats import Repeats
from tools.importer.rules import Rule, SiteProfile, find_site, load_common_rules, load_sites
from tools.importer.sidecar import load_sidecar
from tools.importer.stories import sketch_of
from tools.importer.textstage import find_text
from tools.importer.wrapped import unwrap
from tools.importer.write import DurableBatch, write_article
from tools.slugs import Slugger
from tools.vocabulary import load_vocabulary
from tools.withdrawn import Withdrawal

log = logging.getLogger(__name__)
PROGRESS_MIN = 20
BATCH_FILES = 64  # articles made durable together (importer/write.py), then renamed into place


@dataclass
class Options:
    out: Path = Path("content/articles")
    date: str | None = None
    source: str | None = None
    dry_run: bool = False
    force: bool = False
    use_profiles: bool = True
    learn_repeats: bool = True
    new_only: bool = False
    common_rules: tuple[Rule, ...] | None = None  # instead of rules/common.yaml (evaluation)
    fields: FieldMap = field(default_factory=FieldMap)  # exports: --map, --date-format
    jobs: int = 1


@dataclass
class Result:
    path: Path
    status: str  # created | updated | unchanged | withdrawn | error | skipped (WARC records)
    message: str = ""
    article: Article | None = None
    target: Path | None = None
    extra: dict[str, str] = field(default_factory=dict)
    record: str = ""  # which record of an export ("row 7"), else ""
    notes: list[str] = field(default_factory=list)  # seeds copies, kept backups
    review: str = ""  # the article's Review: field (marked for an editor's review)


def collect_inputs(paths: Sequence[Path]) -> list[Path]:
    """Files named, plus raw files (.txt/.html/.htm) and exports (importer/inputs) under folders
    named, sorted, no duplicates."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*"))
                         if p.is_file() and (p.suffix.lower() in INPUT_SUFFIXES or is_export(p))
                         and not p.name.startswith("."))
        elif path.is_file():
            found.append(path)
        else:
            raise ToolError(f"{path}: no such file or folder; check the path")
    return list(dict.fromkeys(found))


def site_rules(site: SiteProfile | None,
               common: tuple[Rule, ...] | None = None) -> tuple[Rule, ...]:
    common = load_common_rules() if common is None else common
    return (*(site.rules if site else ()), *common)


def prepare(path: ImportUnit, options: Options,
            read: Callable[[ImportUnit], Article] = read_unit) -> Article:
    """Read the file (or export record), its sidecar and (HTML) page metadata; pick the site
    profile."""
    article = read(path)
    if not isinstance(path, RecordRef):  # a record's known facts come from its own fields
        article.known.update(load_sidecar(path))
    metastage.gather(article, options.date)  # takes a dump's front matter off its text
    if article.kind == "html":
        from tools.importer.extract_html import (
            extract_html,  # lazy: trafilatura/lxml cost 0.1 s to load
        )

        extract_html(article)
    else:
        article.lines = unwrap(article.text.split("\n"))
    known = article.known
    if options.use_profiles:
        url = known.get("url") or known.get("html_url") or ""
        name = options.source or known.get("source") or ""
        article.site = find_site(load_sites(), url=url, name=name) or _text_site(article)
    return article


def _text_site(article: Article) -> SiteProfile | None:
    """The site profile a dump's text names, found once (the batch pre-pass keeps it)."""
    if article.kind == "text" and not article.text_site:
        article.text_site = (find_site(load_sites(), text=article.text),)
    return article.text_site[0] if article.text_site else None


def process(article: Article, options: Options, repeats: Repeats, slugger: Slugger) -> str:
    """Run every stage after reading; returns the Markdown text (without Import_sha256)."""
    analyse(article, options, repeats)
    slugger.assign(article)
    return render(article)


def analyse(article: Article, options: Options, repeats: Repeats) -> None:
    """Every stage after reading that depends on this input alone (no slug, no Markdown): the
    part of an import that worker processes can run (tools/importer/parallel.py)."""
    rules = site_rules(article.site, options.common_rules)
    find_text(article, rules, repeats)
    metastage.decide_source(article, options.source)
    metastage.decide_title(article, article.page_lines or article.lines)
    metastage.decide_authors(article)
    metadata.fill_metadata(article)
    metastage.decide_language(article)
    datestage.resolve_date(article)
    review.mark(article)
    tagging.tag_article(article, load_vocabulary())
    figures.extract(article)


def import_paths(paths: Sequence[Path], options: Options) -> Iterator[Result]:
    """Import every input (each record of an export is one); one Result per input (errors do
    not stop the batch). Holds the output folder's import lock while it runs."""
    files = collect_inputs(paths)
    with import_lock(options.out, enabled=not options.dry_run):
        context = Context.for_run(options.out, options.dry_run)  # existing articles, under lock
        units, failures, left_out = collect_units(files, options.fields)
        units, refused = context.placed(units)
        yield from (Result(path, "error", message) for path, message in failures + refused)
        units, withdrawn = context.listed_withdrawn(units)
        if not options.new_only:  # --new-only (every build): withdrawn is nothing new
            yield from (Result(path, "skipped", message) for path, message in left_out)
            yield from (withdrawn_result(unit, entry) for unit, entry in withdrawn)
        if options.new_only:
            units = skip_imported(units, context)
        yield from _import_units(units, options, context)


def _import_units(inputs: list[ImportUnit], options: Options,
                  context: Context) -> Iterator[Result]:
    parallel = options.jobs > 1 and len(inputs) >= 2 * options.jobs
    repeats, cache = Repeats(), ReadCache()
    if options.learn_repeats and len(inputs) > 1:
        repeats = learn_repeats(inputs, options, options.jobs) if parallel else \
            Repeats.learn(inputs, lambda p: _group_lines(p, options, cache.read))
    slugger = Slugger(options.out, context.index)
    show = len(inputs) >= PROGRESS_MIN or (sys.stderr.isatty() and len(inputs) > 1)
    batch = None if options.dry_run or len(inputs) < 2 else DurableBatch()
    held: list[Result] = []  # reported once their articles are in place
    work = analysed(inputs, options, repeats, options.jobs) if parallel else \
        ((unit, None, None) for unit in inputs)
    try:
        for path, article, error in tqdm(work, total=len(inputs), disable=not show,
                                         unit="input", file=sys.stderr):
            if article is not None:
                held.append(finish_one(path, article, options, slugger, batch, context))
            elif error is not None:
                held.append(failed(path, error, context=context))
            else:
                held.append(import_one(path, options, repeats, slugger, cache.take, batch,
                                       context))
            if batch is None or len(batch) >= BATCH_FILES:
                yield from settle(batch, held)
                held = []
        yield from settle(batch, held)
    finally:
        if batch is not None:
            batch.discard()  # interrupted: no temp file left behind


def settle(batch: DurableBatch | None, held: list[Result]) -> list[Result]:
    """Commit the batch; an input whose article could not be put in place becomes an error."""
    if batch is None:
        return held
    lost, error = batch.commit()
    if error is None:
        return held
    return [Result(r.path, "error", f"{r.path}: cannot read or write ({error.strerror})",
                   r.article, record=r.record) if r.target in lost and r.status != "error"
            else r for r in held]


def import_one(path: ImportUnit, options: Options, repeats: Repeats, slugger: Slugger,
               read: Callable[[ImportUnit], Article] = read_unit,
               batch: DurableBatch | None = None, context: Context | None = None) -> Result:
    """One input, written at once (or through `batch`: in place when the batch commits)."""
    try:
        article = prepare(path, options, read)
        analyse(article, options, repeats)
    except (ToolError, OSError) as exc:
        return failed(path, exc, context=context)
    return finish_one(path, article, options, slugger, batch, context)


def failed(path: ImportUnit, exc: Exception, article: Article | None = None,
           context: Context | None = None) -> Result:
    """The Result of an input a stage refused (ToolError) or could not read or write."""
    file, record = file_of(path), getattr(path, "where", "")
    if isinstance(exc, ToolError):
        message = _located(str(exc), file, record)
    else:
        message = f"{path}: cannot read or write ({getattr(exc, 'strerror', exc)})"
    seeds = context.keeper.seeds if context else None
    if record and seeds and file.absolute().is_relative_to(seeds.absolute()):
        # a seed is never edited: its record is left out instead
        message += (f" (to import the export without it: python -m tools withdraw {file} "
                    f"--record \"{record}\" --reason \"...\")")
    return Result(file, "error", message, article, record=record)


def finish_one(path: ImportUnit, article: Article, options: Options, slugger: Slugger,
               batch: DurableBatch | None = None, context: Context | None = None) -> Result:
    """The part of an import that depends on the whole run, in input order: Raw_file in the
    seeds folder, withdrawal, slug, Markdown, where the article goes, writing."""
    context = context or Context()
    file, record = file_of(path), getattr(path, "where", "")
    try:
        article.raw_file = context.raw_file_of(path)
        withdrawn = context.withdrawal(article)
        if withdrawn:
            return withdrawn_result(path, withdrawn, article)
        twin = context.twin(article)
        if twin is not None:
            return Result(file, "unchanged", article=article, target=twin[1], record=record,
                          notes=[f"the same bytes as {twin[0]}, already imported: left out"])
        slugger.assign(article)
        shape = sketch_of(article)
        article.cluster = context.stories.cluster_of(article, shape)
        text = render(article)
        assert article.date is not None
        target = context.target(article, options.out / f"{article.date.year:04d}"
                                / f"{article.slug}.md")
        backups: list[str] = []
        status = write_article(target, text, force=options.force, dry_run=options.dry_run,
                               batch=batch, notes=backups)
        stated = {"date": options.date or "", "source": options.source or ""}
        notes = context.keep_seed(path, stated) + backups  # a refused input leaves no seed
        slugger.claim(article)
        context.remember(article, target)
        context.stories.remember(article, article.cluster, shape)
        return Result(file, status, article=article, target=target, record=record, notes=notes,
                      review=review_of(text))
    except (ToolError, OSError) as exc:
        return failed(path, exc, article, context)


def withdrawn_result(path: ImportUnit, entry: Withdrawal,
                     article: Article | None = None) -> Result:
    return Result(file_of(path), "withdrawn", f"withdrawn ({entry.reason or 'no reason given'}); "
                  "tools/data/withdrawn.yaml keeps it out", article,
                  record=getattr(path, "where", ""))


def _located(message: str, file: Path, record: str) -> str:
    """A stage's message names the file; for an export record it must name the record too."""
    prefix = f"{file}:"
    if record and message.startswith(prefix):
        return f"{file} {record}:{message[len(prefix):]}"
    return message


def _group_lines(path: ImportUnit, options: Options,
                 read: Callable[[ImportUnit], Article] = read_unit) -> tuple[str, list[str]]:
    """For the repeated-line pre-pass: a dump's lines, or an HTML page read as a dump, and the
    group they belong to (as `group_of` will name it in the main pass)."""
    article = read(path)
    if article.kind == "html":
        from tools.importer.extract_html import page_lines_and_url, site_key

        lines, url = page_lines_and_url(article.text)
        url = (article.known.get("url") if isinstance(path, RecordRef)
               else load_sidecar(path).get("url")) or url
        site = find_site(load_sites(), url=url) if options.use_profiles and url else None
        return (site.name if site else "html:" + site_key(url)), lines
    site = _text_site(article) if options.use_profiles else None
    return (site.name if site else ""), unwrap(article.text.split("\n"))
