"""The metadata stage: gather every signal of an input (importer/signals.py, front matter, date
lines, sidecar, options), then decide title, outlet, language and date with tools/importer/decide.py
and refuse, naming what was missing, when a date or title cannot be found."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache

from tools.errors import DateError
from tools.importer import dates, decide, frontmatter, headline, language, tagging, titles
from tools.importer.article import Article
from tools.importer.datetext import archive_languages, parse_stated, words_beside_dates
from tools.importer.lines import line_key
from tools.importer.metadata_data import metadata_data
from tools.importer.signals import Evidence, html_signals, htmldate_signal, url_signals
from tools.vocabulary import load_vocabulary

SIDECAR_FIELDS = ("title", "date", "url", "source", "lang", "author", "editor")
GIVEN = ("sidecar", "export field", "front matter")  # stated for this input: always used
DATE_LINE_WORDS = 20
WORDED_LINE_WORDS = 30  # a line opened by "Published"/"By" may name authors and categories too
DATE_ONLY_EXTRA = 5  # words beside its dates and clocks on a line that is "a date standing alone"
_YEAR = re.compile(r"(?:19|20)\d\d")
SCAN_LINES = 400  # lines searched for "Published ..." wherever the headline is


def gather(article: Article, option_date: str | None = None) -> None:
    """Signals known before the text is found: --date, the sidecar, a dump's front matter
    (taken out of the text), a page's metadata, the date in the URL."""
    known = article.known
    found: list[Evidence] = []
    if option_date:
        found.append(Evidence("date", option_date, "--date"))
    given = "export field" if article.record else "sidecar"
    found += [Evidence(f, str(known[f]), given) for f in SIDECAR_FIELDS if known.get(f)]
    if article.kind == "text":
        front, rest, taken = frontmatter.split_front_matter(article.text)
        if taken:
            article.text = rest
            article.front_matter_lines = taken
            found += front
            decide.note(article, f"front matter: the first {taken} lines are metadata, not text")
    else:
        found += html_signals(article.text)
    urls = [e.value for e in found if e.field == "url"]
    if urls:
        found += [e for e in url_signals(urls[0]) if e not in found]
    article.evidence = found
    for item in found:  # the body finder's title hint and the URL, as before
        if item.origin.startswith("front matter") and item.field in ("title", "url"):
            known.setdefault(item.field, item.value)


def site_names(article: Article) -> list[str]:
    names = [e.value for e in decide.of(article, "source")]
    if article.site:
        names.append(article.site.name)
    url = article.source_url or ""
    if url:
        from tools.importer.extract_html import site_key

        key = site_key(url)
        names += [key, key.split(".")[0]]
    return [n for n in names if n]


def decide_source(article: Article, option_source: str | None) -> None:
    """The outlet: --source, sidecar, front matter, site profile, og:site_name, JSON-LD
    publisher, the URL's domain (never navigation text)."""
    urls = [e.value for e in decide.of(article, "url")]
    article.source_url = article.known.get("url") or (urls[0] if urls else "") \
        or article.known.get("html_url", "")
    candidates = [Evidence("source", option_source, "--source")] if option_source else []
    candidates += [e for e in decide.of(article, "source")
                   if e.origin.startswith(GIVEN)]
    if article.site:
        candidates.append(Evidence("source", article.site.name, "site profile"))
    candidates += [e for e in decide.of(article, "source") if e not in candidates]
    if article.source_url:
        from tools.importer.extract_html import site_key

        if site_key(article.source_url):
            candidates.append(Evidence("source", site_key(article.source_url), "URL domain"))
    if not candidates:
        decide.note(article, "source: none (no --source, site profile, og:site_name, publisher "
                    "or URL)")
        return
    article.source = candidates[0].value
    decide.note(article, f"source from {candidates[0].origin}: {article.source!r}")
    for other in candidates[1:]:
        decide.note(article, f"  source not from {other.origin}: {other.value!r}")


def decide_language(article: Article) -> None:
    explicit = next((e.value for e in decide.of(article, "lang")
                     if e.origin.startswith(GIVEN)), "")
    declared = [(e.value, e.origin) for e in decide.of(article, "lang")
                if not e.origin.startswith(GIVEN)]
    text = " ".join([article.title, *article.paragraphs])
    guess, notes = language.choose_language(text, explicit, declared)
    if guess is None or guess.origin != "text" and not explicit:  # too little text found
        page = " ".join(article.page_lines or article.lines)
        whole = language.identify(page, guess.code if guess else "")
        if whole is not None:
            guess = whole._replace(origin="the whole page", detail=whole.detail
                                   + "; the text found is too short to identify")
    article.lang = guess.code if guess else "und"
    decide.note(article, f"language {article.lang} from {guess.origin}: {guess.detail}"
                if guess else "language unknown: text too short and the page declares none")
    for line in notes:
        decide.note(article, "  " + line)
    if article.lang not in archive_languages():
        article.review.append(f"the text reads as language {article.lang!r}, which "
                              "tools/data/languages.yaml does not list; add it there or "
                              "correct `Lang:`")


def decide_title(article: Article, shown: Sequence[str]) -> None:
    if article.kind == "text" and not article.known.get("title"):
        headline.retitle_dump(article)
    title, weak = titles.choose_title(article, decide.of(article, "title"), shown,
                                      site_names(article), article.title, _anchored(article))
    if weak and article.kind == "html":
        title, weak = headline.page_headline(article, title)
    if title:
        article.title = title
        _drop_leading_title(article)
    if weak:
        article.review.append("the title rests on weak evidence (no page title signal "
                              "confirms it); check it")


def _drop_leading_title(article: Article) -> None:
    """The text may open with the headline chosen here rather than the one the body was
    cleaned with (trafilatura's recall mode keeps the page's <h1>): it is the title, not text."""
    first = article.paragraphs[0] if len(article.paragraphs) > 1 else ""
    if line_key(first) == article.title.casefold():
        article.remove(article.paragraphs.pop(0), "title")


def _anchored(article: Article) -> bool:
    """Whether a dump's headline line stands where a headline stands: first in the text, or
    right above the date line."""
    if article.kind != "text" or article.title_index is None:
        return False
    lines = article.lines
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if nonblank and nonblank[0] == article.title_index:
        return True
    after = [i for i in nonblank if i > article.title_index][:2]
    return any(len(lines[i].split()) <= DATE_LINE_WORDS and parse_stated(lines[i]) is not None
               for i in after)


def decide_authors(article: Article) -> None:
    """Credit lines found in the text win; else the page's JSON-LD or <meta> authors (and an
    editor named in the sidecar or front matter)."""
    editors = [e.value for e in decide.of(article, "editor")]
    if editors and not article.editor:
        article.editor = editors[0]
    if article.authors:
        decide.note(article, f"authors from credit lines: {', '.join(article.authors)}")
        return
    names = list(dict.fromkeys(e.value for e in decide.of(article, "author")
                               if len(e.value.split()) <= 6))
    if names:
        article.authors = names[:5]
        origins = sorted({e.origin for e in decide.of(article, "author")})
        decide.note(article, f"authors from {', '.join(origins)}: {', '.join(article.authors)}")


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
    parsed = decide.stated_dates(article, (article.lang,), tz, article.lang == "en")
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


def _check_explicit(article: Article, tz: str) -> None:
    """A date given by --date, a sidecar or an export field must be a plausible date: else
    the import is refused (it would break `tools check` and the build)."""
    for item in decide.of(article, "date"):
        if not item.origin.startswith(("--date", "sidecar", "export field")):
            continue
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
        if "no date found" not in str(exc):
            raise
        raise DateError(f"{article.path}: no date found: {missing_dates(article, problems)}; "
                        "pass --date YYYY-MM-DD or add `date:` to a sidecar "
                        f"{article.path.with_suffix('.yaml').name}") from exc
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


def missing_title(article: Article) -> str:
    """The refusal for an input without a title, naming what was looked for."""
    sidecar = article.path.with_suffix(".yaml").name
    if article.kind == "text":
        looked = "no front matter `title:` and no headline-like line before the text"
    else:
        looked = "the page has no <title>, og:title, JSON-LD headline or <h1>"
    return f"{article.path}: no title found: {looked}; add a sidecar {sidecar} with `title:`"
