"""Orchestration: read → (HTML extract | find body) → clean → metadata → dates → tags → write."""

from __future__ import annotations

import copy
import logging
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from pathlib import Path

import yaml
from tqdm import tqdm

from tools import body as body_stage
from tools import clean, dates, metadata, tagging
from tools.article import Article
from tools.errors import DateError, InputError, ToolError
from tools.existing import already_imported, imported_raw_files
from tools.linefacts import LineFacts
from tools.markdown_out import render
from tools.read import INPUT_SUFFIXES, read_input
from tools.readcache import ReadCache
from tools.repeats import Repeats
from tools.rules import Rule, SiteProfile, find_site, load_common_rules, load_sites
from tools.slugs import Slugger
from tools.vocabulary import load_vocabulary
from tools.write import DurableBatch, write_article

log = logging.getLogger(__name__)
PROGRESS_MIN = 20
BATCH_FILES = 64  # articles made durable together (tools/write.py), then renamed into place
COVER_SHARE = 0.9
TOKEN = re.compile(r"\w+")


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


@dataclass
class Result:
    path: Path
    status: str  # created | updated | unchanged | error
    message: str = ""
    article: Article | None = None
    target: Path | None = None
    extra: dict[str, str] = field(default_factory=dict)


def collect_inputs(paths: Sequence[Path]) -> list[Path]:
    """Files named, plus .txt/.html/.htm files under folders named, sorted, no duplicates."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*"))
                         if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
                         and not p.name.startswith("."))
        elif path.is_file():
            found.append(path)
        else:
            raise ToolError(f"{path}: no such file or folder; check the path")
    return list(dict.fromkeys(found))


def load_sidecar(path: Path) -> dict:
    """Known facts from `<name>.yaml` beside a raw file (url, date, source, title, lang)."""
    sidecar = path.with_suffix(".yaml")
    if not sidecar.exists():
        return {}
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: its sidecar {sidecar.name} is not UTF-8 text; "
                         "re-save it as UTF-8") from exc
    except (yaml.YAMLError, ValueError, RecursionError) as exc:  # ValueError: date 2020-13-45
        problem = " ".join(str(exc).split())  # PyYAML's message spans several lines
        raise InputError(f"{path}: its sidecar {sidecar.name} is not valid YAML ({problem}); "
                         "fix or remove it") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: its sidecar {sidecar.name} should hold `key: value` lines "
                         "(url, date, source, title)")
    return {k: str(v) for k, v in data.items() if v not in (None, "")}


def site_rules(site: SiteProfile | None,
               common: tuple[Rule, ...] | None = None) -> tuple[Rule, ...]:
    common = load_common_rules() if common is None else common
    return (*(site.rules if site else ()), *common)


def prepare(path: Path, options: Options,
            read: Callable[[Path], Article] = read_input) -> Article:
    """Read the file, its sidecar and (HTML) page metadata; pick the site profile."""
    article = read(path)
    article.known.update(load_sidecar(path))
    if article.kind == "html":
        from tools.extract_html import extract_html  # lazy: trafilatura/lxml cost 0.1 s to load

        extract_html(article)
    else:
        article.lines = article.text.split("\n")
    known = article.known
    if options.use_profiles:
        url = known.get("url") or known.get("html_url") or ""
        name = options.source or known.get("source") or ""
        text = article.text if article.kind == "text" else ""
        article.site = find_site(load_sites(), url=url, name=name, text=text)
    return article


def group_of(article: Article) -> str:
    """The batch group whose repeated lines are template junk: the site profile, else (HTML)
    the page's own domain, else one group for all unknown dumps."""
    if article.site:
        return article.site.name
    if article.kind == "html":
        from tools.extract_html import site_key

        return "html:" + site_key(article.known.get("url") or article.known.get("html_url") or "")
    return ""


def text_score(article: Article) -> int:
    """Words in sentence-like paragraphs: how much running text an extraction found."""
    return sum(len(p.split()) for p in article.paragraphs if clean.looks_like_sentence(p))


def find_text(article: Article, rules: Sequence[Rule], repeats: Repeats) -> Article:
    """Title and body. HTML: the page read as a text dump when that finds the same article as
    trafilatura (90 % of its words: the dump sees the widgets around the text, trafilatura
    sometimes loses the first or last paragraphs or keeps a comment disclaimer) or clearly more
    running text (trafilatura sometimes picks a teaser list); else trafilatura's text."""
    if article.kind == "text":
        return extract_text(article, article.lines, rules, repeats)
    first = extract_text(copy.deepcopy(article), article.lines, rules, repeats)
    try:
        second = extract_text(copy.deepcopy(article), article.page_lines, rules, repeats)
    except InputError:
        return first
    more = text_score(second) - text_score(first)
    if more > 0.5 * text_score(first) or covers(second, first):
        return second
    return first


def covers(wide: Article, narrow: Article, share: float = COVER_SHARE) -> bool:
    """Whether `wide` holds (nearly) every word of `narrow`: both found the same article."""
    have = Counter(TOKEN.findall("\n".join(wide.paragraphs).casefold()))
    need = Counter(TOKEN.findall("\n".join(narrow.paragraphs).casefold()))
    total = sum(need.values())
    return total > 0 and sum((need & have).values()) >= share * total


def extract_text(article: Article, lines: list[str], rules: Sequence[Rule],
                 repeats: Repeats) -> Article:
    """Find title and body in lines (a dump or extracted text) and clean them. Every line's
    facts (rule, date, stop words, repeats) are found once, in `LineFacts`."""
    facts = LineFacts.of(lines, rules, repeats.junk.get(group_of(article)) or frozenset())
    explicit = article.known.get("title", "")
    hint = explicit or article.known.get("html_title") or ""
    span = body_stage.find_body(facts, hint)
    article.title = explicit or span.title or hint
    article.title_index = span.title_index
    article.facts = facts
    outside = chain(range(span.start), range(span.end, len(lines))) \
        if span.start < span.end else range(len(lines))
    for index in outside:
        if facts.words[index]:  # nonblank
            article.remove(lines[index], "title" if index == span.title_index else
                           "outside-body")
    clean.harvest_meta(article, facts, (span.title_index or 0) + 1, span.start)
    if not article.title.strip():
        raise InputError(f"{article.path}: no title found; add a sidecar "
                         f"{article.path.with_suffix('.yaml').name} with `title:`")
    article.title = " ".join(article.title.split())
    teased = article.page_lines or article.lines
    teaser = clean.page_teasers(teased, article.link_lines,
                                facts.keys if teased is lines else None)
    paragraphs = clean.clean_lines(article, facts, span.start, span.end, teaser)
    if not paragraphs:  # a photo gallery: its captions are the text
        article.removed.clear()
        paragraphs = clean.clean_lines(article, facts, span.start, span.end, teaser,
                                       captions=True)
    if paragraphs and paragraphs[0].casefold() == article.title.casefold():
        article.remove(paragraphs.pop(0), "title")
    article.paragraphs = paragraphs
    if not paragraphs:
        raise InputError(f"{article.path}: no article text found after cleaning; "
                         "check the file (run with --explain to see what was removed)")
    return article


def resolve_date(article: Article, options: Options) -> None:
    """explicit > html-meta > dateline in the dump > inferred (or refuse)."""
    tz = article.site.timezone if article.site else "+07:00"
    explicit = options.date or article.known.get("date")
    if explicit:
        parsed = dates.parse_iso(explicit, tz)
        problem = "is not YYYY-MM-DD" if parsed is None else dates.implausible(parsed)
        if problem:
            raise DateError(f"{article.path}: date {explicit!r} {problem}")
        article.date, article.date_method = parsed, "explicit"
        return
    if article.known.get("html_date"):
        parsed = dates.parse_iso(article.known["html_date"], tz)
        if parsed and not dates.implausible(parsed):  # else: a broken page, read on
            article.date, article.date_method = parsed, "html-meta"
            return
    line = date_line(article)
    if line:
        article.date = dates.parse_date_text(line, tz)
        article.date_method, article.date_evidence = "dateline", line
        return
    text = "\n".join(article.paragraphs)
    facts = tagging.applicable_facts(text, load_vocabulary())
    day, evidence = dates.infer_date(text, facts, str(article.path))
    article.date = datetime.combine(day, datetime.min.time(), dates.tzinfo(tz))
    article.date_method, article.date_evidence = "inferred", evidence


def date_line(article: Article) -> str:
    """The date line nearest after the title in a dump (or just before it), from the line
    facts of the text the title was found in."""
    facts = article.facts
    if article.title_index is None or facts is None:
        return ""
    index = article.title_index
    words = facts.words
    after = [i for i in range(index + 1, min(index + 12, len(words))) if words[i]][:6]
    before = [i for i in range(max(0, index - 6), index) if words[i]][-2:][::-1]
    for i in after + before:
        if facts.date_of(i) is not None:
            return facts.lines[i]
    return ""


def process(article: Article, options: Options, repeats: Repeats, slugger: Slugger) -> str:
    """Run every stage after reading; returns the Markdown text (without Import_sha256)."""
    rules = site_rules(article.site, options.common_rules)
    found = find_text(article, rules, repeats)
    article.__dict__.update(found.__dict__)
    known = article.known
    article.source = (options.source or known.get("source")
                      or (article.site.name if article.site else "")
                      or known.get("html_source") or "")
    article.source_url = known.get("url") or known.get("html_url") or ""
    metadata.fill_metadata(article)
    resolve_date(article, options)
    tagging.tag_article(article, load_vocabulary())
    slugger.assign(article)
    return render(article)


def import_paths(paths: Sequence[Path], options: Options) -> Iterator[Result]:
    """Import every input; one Result per input (errors do not stop the batch)."""
    inputs = collect_inputs(paths)
    if options.new_only:
        inputs = skip_imported(inputs, options.out)
    repeats, cache = Repeats(), ReadCache()
    if options.learn_repeats and len(inputs) > 1:
        repeats = Repeats.learn(inputs, lambda p: _group_lines(p, options, cache.read))
    slugger = Slugger(options.out)
    show = len(inputs) >= PROGRESS_MIN or (sys.stderr.isatty() and len(inputs) > 1)
    batch = None if options.dry_run or len(inputs) < 2 else DurableBatch()
    held: list[Result] = []  # reported once their articles are in place
    try:
        for path in tqdm(inputs, disable=not show, unit="file", file=sys.stderr):
            held.append(import_one(path, options, repeats, slugger, cache.take, batch))
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
    failed, error = batch.commit()
    if error is None:
        return held
    return [Result(r.path, "error", f"{r.path}: cannot read or write ({error.strerror})",
                   r.article) if r.target in failed and r.status != "error" else r
            for r in held]


def skip_imported(inputs: list[Path], out: Path) -> list[Path]:
    """Leave out raw files that an article under `out` already names (by name or sha256)."""
    names, digests = imported_raw_files(out)
    fresh = [path for path in inputs if not already_imported(path, names, digests)]
    if len(fresh) < len(inputs):
        log.info("%d raw files already imported; skipped", len(inputs) - len(fresh))
    return fresh


def import_one(path: Path, options: Options, repeats: Repeats, slugger: Slugger,
               read: Callable[[Path], Article] = read_input,
               batch: DurableBatch | None = None) -> Result:
    """One input, written at once (or through `batch`: in place when the batch commits)."""
    article = None
    try:
        article = prepare(path, options, read)
        text = process(article, options, repeats, slugger)
        assert article.date is not None
        target = options.out / f"{article.date.year:04d}" / f"{article.slug}.md"
        status = write_article(target, text, force=options.force, dry_run=options.dry_run,
                               batch=batch)
        slugger.claim(article)
        return Result(path, status, article=article, target=target)
    except ToolError as exc:
        return Result(path, "error", str(exc), article=article)
    except OSError as exc:
        return Result(path, "error", f"{path}: cannot read or write ({exc.strerror})", article)


def _group_lines(path: Path, options: Options,
                 read: Callable[[Path], Article] = read_input) -> tuple[str, list[str]]:
    """For the repeated-line pre-pass: a dump's lines, or an HTML page read as a dump, and the
    group they belong to (as `group_of` will name it in the main pass)."""
    article = read(path)
    if article.kind == "html":
        from tools.extract_html import page_lines_and_url, site_key

        lines, url = page_lines_and_url(article.text)
        url = load_sidecar(path).get("url") or url
        site = find_site(load_sites(), url=url) if options.use_profiles and url else None
        return (site.name if site else "html:" + site_key(url)), lines
    site = find_site(load_sites(), text=article.text) if options.use_profiles else None
    return (site.name if site else ""), article.text.split("\n")
