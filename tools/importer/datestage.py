"""The date stage: the publication date from the strongest signal (tools/importer/decide.py),
date lines found on the page, else inference from weekday mentions; a refusal that names the
missing evidence when none gives one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from urllib.parse import urlsplit

from tools.errors import DateError
from tools.importer import dates, decide, tagging
from tools.importer.article import Article
from tools.importer.datetext import numeric_order, parse_stated, words_beside_dates
from tools.importer.inputs.export_dates import two_ways
from tools.importer.lines import line_key
from tools.importer.metadata_data import metadata_data
from tools.importer.sidecar import how_to_state
from tools.importer.signals import Evidence, htmldate_signal
from tools.vocabulary import load_vocabulary

DATE_LINE_WORDS = 20
WORDED_LINE_WORDS = 30  # a line opened by "Published"/"By" may name authors and categories too
DATE_ONLY_EXTRA = 5  # words beside its dates and clocks on a line that is "a date standing alone"
_YEAR = re.compile(r"(?:19|20)\d\d")
SCAN_LINES = 400  # lines searched for "Published ..." wherever the headline is


def date_lines(article: Article) -> list[Evidence]:
    """Short lines that state a date, best first: one starting with a publication word
    ("Published", "Posted on"...), a byline with its date ("By Jane Doe on March 12, 2026") or
    one near the headline, one starting with an update word ("Updated", "Diperbarui"...),
    then the first line that is little more than a date (a page's own date line when the
    headline was not found)."""
    data = metadata_data()
    published = _word_pattern(tuple(data.get("published_words", [])))
    updated = _word_pattern(tuple(data.get("updated_words", [])))
    byline = _word_pattern(tuple(data.get("byline_words", [])))
    lines = article.lines if article.kind == "text" else article.page_lines
    index = article.title_index if article.kind == "text" else _shown_at(lines, article.title)
    near = set()
    if index is not None:
        near = set(range(max(0, index - 6), min(len(lines), index + 13)))
    found: list[tuple[int, int, Evidence]] = []
    for number in sorted(near | set(range(min(len(lines), SCAN_LINES)))):
        line = lines[number]
        words = len(line.split())
        if words > WORDED_LINE_WORDS or not _YEAR.search(line):
            continue
        word = "published" if published.match(line) else "updated" if updated.match(line) \
            else "byline" if byline.match(line) else ""
        if not word and words > DATE_LINE_WORDS:
            continue
        stated = parse_stated(line, (article.lang,))
        if stated is None:
            continue
        word = word or ("near title" if number in near else "")
        if word == "byline" and number not in near:
            word = "byline away from the headline"  # weak: check it
        if not word and words_beside_dates(line) > DATE_ONLY_EXTRA:
            continue
        rank = {"published": 0, "byline": 1, "near title": 1, "updated": 2,
                "byline away from the headline": 2, "": 3}[word]
        origin = f"date line ({word})" if word else "lone date line (the first on the page)"
        found.append((rank, number, Evidence("date", line.strip(), origin)))
    found.sort(key=lambda item: item[:2])
    return [e for _, _, e in found[:3]]


def _shown_at(lines: Sequence[str], title: str) -> int | None:
    """Where the title stands as a line of its own in the page, if it does."""
    key = line_key(title)
    return next((i for i, line in enumerate(lines) if key and line_key(line) == key), None)


@lru_cache(maxsize=8)  # built once a run from metadata.yaml's word lists
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)^\W{{0,3}}(?:{alternatives})(?!\w)" if alternatives else r"(?!)")


def resolve_date(article: Article) -> None:
    """The publication date from the strongest signal; inference from weekday mentions when
    no signal gives one; else a refusal that names the missing evidence."""
    article.evidence += [e for e in date_lines(article) if e not in article.evidence]
    if article.kind == "html" and not _has_page_date(article):
        article.evidence += htmldate_signal(article.text)
    tz = article.site.timezone if article.site else ""
    _check_explicit(article, tz)
    parsed = decide.stated_dates(article, (article.lang,), tz, _month_first(article))
    read = {item for item, _ in parsed}
    problems = [f"{e.origin} {e.value!r} is not a date" for e in decide.of(article, "date")
                if e not in read]
    for item, stated in list(parsed):
        problem = dates.implausible(stated.when)
        if problem:
            problems.append(f"{item.origin} {stated.when.date()} {problem}")
            parsed.remove((item, stated))
    chosen = decide.choose_date(article, parsed)
    if chosen is not None:
        article.date, article.date_method, evidence, weak = chosen
        if article.date_method != "explicit":
            article.date_evidence = evidence
        if weak:
            article.review.append(f"the date rests on weak evidence ({evidence}); check it")
        return
    _infer(article, tz, problems)


def _month_first(article: Article) -> bool:
    """Whether an ambiguous numeric date (`03.05.2024`) puts the month first: as the page's
    other numeric dates settle it, else as its site's country writes (a country's own domain
    other than .us: day first), else as US English does."""
    order = numeric_order(article.page_lines or article.lines)
    if order:
        return order == "mdy"
    urls = [e.value for e in decide.of(article, "url")]
    host = (urlsplit(urls[0]).hostname or "") if urls else ""
    country = host.rsplit(".", 1)[-1]
    if len(country) == 2 and country.isalpha():
        return country == "us"
    return article.lang == "en"


def _check_explicit(article: Article, tz: str) -> None:
    """A date given by --date, a sidecar or an export field must be a plausible date: else
    the import is refused (it would break `tools check` and the build)."""
    for item in decide.of(article, "date"):
        if not item.origin.startswith(("--date", "sidecar", "export field")):
            continue
        ambiguous = two_ways(item.value)
        if ambiguous:
            first, second, year = ambiguous
            raise DateError(f"{article.path}: date {item.value!r} ({item.origin}) could be "
                            f"{year}-{second:02}-{first:02} or {year}-{first:02}-{second:02}; "
                            "write it as YYYY-MM-DD")
        try:
            when = datetime.fromisoformat(item.value.strip().replace("Z", "+00:00"))
        except ValueError:
            stated = parse_stated(item.value, (), tz)
            when = stated.when if stated else None
        problem = "is not YYYY-MM-DD" if when is None else dates.implausible(when)
        if problem:
            raise DateError(f"{article.path}: date {item.value!r} {problem}")


def _has_page_date(article: Article) -> bool:
    return any(e.field == "date" and not e.origin.startswith(("URL", "lone date line"))
               for e in article.evidence)


def _infer(article: Article, tz: str, problems: list[str]) -> None:
    text = "\n".join(article.paragraphs)
    facts = tagging.applicable_facts(text, load_vocabulary())
    try:
        day, evidence = dates.infer_date(text, facts, str(article.path))
    except DateError as exc:
        found = str(exc) if "no date found" not in str(exc) else \
            f"{article.path}: no date found: {missing_dates(article, problems)}"
        raise DateError(f"{found}; {how_to_state(article.path, article.record, 'date')}") \
            from exc
    zone = dates.tzinfo(tz) if tz else None
    article.date = datetime.combine(day, datetime.min.time(), zone)
    article.date_method, article.date_evidence = "inferred", evidence
    decide.note(article, f"date inferred from weekday mentions: {evidence}")


def missing_dates(article: Article, problems: list[str]) -> str:
    """What was looked for and not found, in plain words."""
    if article.kind == "text":
        parts = ["the text has no front matter `date:`", "no date line near its headline",
                 "no \"Published ...\" line or dated byline"]
    else:
        parts = ["the page has no JSON-LD datePublished", "no published-time <meta>",
                 "no <time datetime>", "no date line", "htmldate found none"]
    parts.append("no date in its URL" if decide.of(article, "url") else "no URL to read one from")
    parts.append("no weekday mention such as `Senin (20/10)` to infer it from")
    return ", ".join(parts) + (f" (found but not usable: {'; '.join(problems)})"
                               if problems else "")
