"""`import --jobs N`: the per-input work of a batch on N processes, with the same output as one.

Reading and every stage that depends on one input alone (pipeline.prepare and analyse)
run in worker processes; what depends on the run as a whole (slugs, Raw_file, withdrawals,
writing) stays in the main process, which takes the workers' results in input order. So the
articles, their slugs and the report are identical for any N. Inputs are handed out in small
chunks and results are taken as they come, so memory does not grow with the batch: a worker
sends back the finished record without the page text and line lists it no longer needs.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from typing import Any

from tools.errors import ToolError
from tools.importer.article import Article
from tools.importer.import_context import ImportUnit
from tools.importer.repeats import Repeats
from tools.importer.rules import load_sites

CHUNK = 8  # inputs a worker takes at a time: few enough to keep every core busy to the end
_state: dict[str, Any] = {}  # per worker: the run's options and learned repeats


def _start(options: Any, repeats: Repeats | None) -> None:
    _state["options"], _state["repeats"] = options, repeats


def _group_lines(unit: ImportUnit) -> tuple[str, list[str]] | str:
    """The pre-pass for one input, or the message of the error that stops it."""
    from tools.importer.pipeline import _group_lines as group_lines

    try:
        group, lines = group_lines(unit, _state["options"])
    except ToolError as exc:
        return str(exc)
    return group, lines


def _analyse(unit: ImportUnit) -> tuple[Article | None, Exception | None]:
    from tools.importer.pipeline import analyse, prepare

    try:
        article = prepare(unit, _state["options"])
        analyse(article, _state["options"], _state["repeats"])
    except (ToolError, OSError) as exc:
        return None, exc
    return slim(article), None


def slim(article: Article) -> Article:
    """What the main process needs of an analysed article: no text, no lines; the site
    profile by name (its compiled rules stay in the worker)."""
    article.text, article.lines, article.page_lines, article.link_lines = "", [], [], set()
    article.site = article.site.name if article.site else None
    return article


def _restore(article: Article) -> Article:
    if article.site:
        article.site = next((s for s in load_sites() if s.name == article.site), None)
    return article


def _pool(jobs: int, options: Any, repeats: Repeats | None) -> Any:
    """Forked workers: they share the parent's str hash seed, which the learned repeats
    (line hashes) depend on, and its loaded rules, vocabulary and HTML libraries (imported
    here once, not once per worker and pool)."""
    import tools.importer.extract_html  # noqa: F401
    from tools.importer.rules import load_common_rules
    from tools.vocabulary import load_vocabulary

    load_sites(), load_common_rules(), load_vocabulary()
    return multiprocessing.get_context("fork").Pool(jobs, _start, (options, repeats))


def learn_repeats(inputs: Sequence[ImportUnit], options: Any, jobs: int) -> Repeats:
    """Repeats.learn with the inputs read on `jobs` processes."""
    def read(result: tuple[str, list[str]] | str) -> tuple[str, list[str]]:
        if isinstance(result, str):
            raise ToolError(result)
        return result

    with _pool(jobs, options, None) as pool:
        return Repeats.learn(pool.imap(_group_lines, inputs, CHUNK), read)


def analysed(inputs: Sequence[ImportUnit], options: Any, repeats: Repeats,
             jobs: int) -> Iterator[tuple[ImportUnit, Article | None, Exception | None]]:
    """(input, analysed article or None, the error that stopped it) in input order."""
    with _pool(jobs, options, repeats) as pool:
        for unit, (article, error) in zip(inputs, pool.imap(_analyse, inputs, CHUNK),
                                          strict=True):
            yield unit, (_restore(article) if article else None), error
