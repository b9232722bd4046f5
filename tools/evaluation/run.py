"""One development page through the importer, and through trafilatura as the reference.

Every page is imported as a dry run without site profiles, without learned repeats and with
its own site's single-site rule patterns left out (tools/evaluation/loso.py). A page refused
for want of a date is imported again with the date supplied, as an editor would with
`--date`: the refusal is counted (and its date as wrong), and its body, title and language
are scored as that import gives them. Pages run in worker processes
(`--jobs`), each returning plain numbers.
"""

from __future__ import annotations

import logging
import multiprocessing
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tools.errors import DateError, ToolError
from tools.evaluation import loso
from tools.evaluation.pages import Page
from tools.evaluation.scoring import normalise_expected, overlap, same_title, truth_day
from tools.importer.rules import Rule, load_common_rules

FALLBACK_DATE = "2020-01-01"  # supplied when a refused page's ground truth has no date


@dataclass
class Outcome:
    """The scores of one page as one input kind."""

    stem: str
    set: str
    language: str
    kind: str
    precision: float = 0.0
    recall: float = 0.0
    raw_precision: float = 0.0  # against the expected body as given (dateline, editor code kept)
    raw_recall: float = 0.0
    title_ok: bool | None = None  # None: no title in the ground truth (a refusal: False,
    # unless for want of a date only: then as found with the date supplied)
    date_ok: bool | None = None  # None: no date in the ground truth (a refusal: False)
    lang_ok: bool | None = None  # None: refused, or the ground truth gives no language
    title: str = ""  # what we found (for --save: expected beside got)
    want_title: str = ""
    date: str = ""
    want_date: str = ""
    lang: str = ""
    refusal: str = ""  # why the importer refused the page ("" when it imported it)
    review: bool = False  # written as a draft with a `Review:` reason
    ref_precision: float = 0.0  # trafilatura on the page's HTML
    ref_recall: float = 0.0
    seconds: float = 0.0


def refusal_reason(exc: ToolError) -> str:
    """A short name for why an input was refused, for counting."""
    message = str(exc).lower()
    if isinstance(exc, DateError):
        return "no date"
    for reason in ("no title", "no article text", "no html"):
        if reason in message:
            return reason
    return "other"


def supplied_date(page: Page) -> str:
    day = truth_day(page.date)
    return day.isoformat() if day else FALLBACK_DATE


def import_page(page: Page, kind: str, rules: tuple[Rule, ...], date: str | None = None,
                use_profiles: bool = False) -> tuple[object, float]:
    """The imported Article (dry run) and the seconds it took."""
    from tools.importer.pipeline import Options, prepare, process
    from tools.importer.repeats import Repeats
    from tools.slugs import Slugger

    started = time.process_time()
    options = Options(dry_run=True, use_profiles=use_profiles, common_rules=rules, date=date)
    article = prepare(page.input(kind), options)
    with tempfile.TemporaryDirectory() as tmp:
        process(article, options, Repeats(), Slugger(Path(tmp)))
    return article, time.process_time() - started


def score_ours(page: Page, kind: str, rules: tuple[Rule, ...],
               use_profiles: bool = False) -> Outcome:
    """Import the page as `kind` and compare body, title, date and language with the ground
    truth (site profiles only for the corpus's own quality floor). A refused page gets no
    title, date or language: where the ground truth has one, that counts as wrong."""
    out = Outcome(page.stem, page.set, page.language, kind, want_title=page.title,
                  want_date=page.date)
    out.title_ok = False if page.title else None
    out.date_ok = False if page.date else None
    try:
        article, out.seconds = import_page(page, kind, rules, use_profiles=use_profiles)
    except ToolError as exc:
        out.refusal = refusal_reason(exc)
        if out.refusal != "no date":
            return out
        try:
            article, out.seconds = import_page(page, kind, rules, supplied_date(page),
                                               use_profiles)
        except ToolError:
            return out
        _score_article(out, page, article, date=False)
        return out
    out.review = bool(getattr(article, "review", None))
    _score_article(out, page, article, date=True)
    return out


def _score_article(out: Outcome, page: Page, article: object, date: bool) -> None:
    """Body, title, language (and, unless it was supplied, date) of an imported page."""
    body = "\n".join(article.paragraphs)  # type: ignore[attr-defined]
    out.precision, out.recall = overlap(body, normalise_expected(page.body))
    out.raw_precision, out.raw_recall = overlap(body, page.body)
    out.title, out.lang = article.title, article.lang  # type: ignore[attr-defined]
    if page.title:
        out.title_ok = same_title(out.title, page.title, page.site,
                                  article.source)  # type: ignore[attr-defined]
    if page.language != "und":
        out.lang_ok = out.lang == page.language
    when = article.date if date else None  # type: ignore[attr-defined]
    out.date = when.isoformat() if when else ""
    if page.date and date:
        out.date_ok = when is not None and when.date() == truth_day(page.date)


def reference_text(html: str) -> str:
    """What trafilatura, used as a newcomer would (its defaults, no comments), extracts."""
    import lxml_html_clean  # noqa: F401  (trafilatura needs it explicitly with lxml 6)
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


# Worker state, set once per process by `_init`.
_RULES: tuple[Rule, ...] = ()
_DROPPED: dict[str, set[loso.PatternKey]] = {}


def _init(dropped: dict[str, set[loso.PatternKey]]) -> None:
    global _RULES, _DROPPED
    _RULES, _DROPPED = load_common_rules(), dropped
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def score_page(job: tuple[Page, tuple[str, ...], bool]) -> list[Outcome]:
    """Every chosen kind of one page, each with trafilatura's score on the page's HTML."""
    page, kinds, reference = job
    from tools.importer.read import read_input

    rules = loso.rules_without(_RULES, _DROPPED.get(page.site, set()))
    ref = (0.0, 0.0)
    if reference:
        text = reference_text(read_input(page.input("html")).text)
        ref = overlap(text, normalise_expected(page.body))
    outcomes = []
    for kind in kinds:
        out = score_ours(page, kind, rules)
        out.ref_precision, out.ref_recall = ref
        outcomes.append(out)
    return outcomes


def run(pages: list[Page], every: list[Page], kinds: tuple[str, ...], jobs: int = 1,
        reference: bool = True, cache: bool = True) -> Iterator[Outcome]:
    """Outcomes of `pages` (leave-site-out against the patterns' sites over `every` page;
    `cache`: keep which patterns each page matches in cache/eval/)."""
    context = multiprocessing.get_context("fork")
    with context.Pool(max(jobs, 1)) as pool:
        sites = loso.pattern_sites(every, load_common_rules(),
                                   lambda f, todo: pool.imap_unordered(f, todo, chunksize=8),
                                   loso.CACHE_DIR if cache else None)
    dropped = loso.single_site_patterns(sites)
    with context.Pool(max(jobs, 1), initializer=_init, initargs=(dropped,)) as pool:
        for outcomes in pool.imap(score_page, [(p, kinds, reference) for p in pages]):
            yield from outcomes
