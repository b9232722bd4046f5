"""The metadata stage: gather every signal of an input (importer/signals.py, front matter,
sidecar, options), then decide title, outlet, language and authors with
tools/importer/decide.py, refusing, with what was missing, an input without a title. The date
has its own stage (tools/importer/datestage.py)."""

from __future__ import annotations

from collections.abc import Sequence

from tools.importer import clean, decide, frontmatter, headline, language, titles
from tools.importer.article import Article
from tools.importer.datestage import DATE_LINE_WORDS
from tools.importer.datetext import archive_languages, parse_stated
from tools.importer.lines import line_key
from tools.importer.sidecar import how_to_state
from tools.importer.signals import Evidence, html_signals, url_signals

SIDECAR_FIELDS = ("title", "date", "url", "source", "lang", "author", "editor")
GIVEN = ("sidecar", "export field", "front matter")  # stated for this input: always used


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
    """Authors and editor stated for this input (sidecar, export field, front matter) win;
    then credit lines found in the text; else the page's JSON-LD or <meta> authors."""
    editors = [e.value for e in decide.of(article, "editor")]
    given_editor = [e.value for e in decide.of(article, "editor") if e.origin.startswith(GIVEN)]
    if given_editor or editors and not article.editor:
        article.editor = (given_editor or editors)[0]
    given = [e for e in decide.of(article, "author") if e.origin.startswith(GIVEN)]
    if given:
        article.authors = list(dict.fromkeys(
            name for e in given for name in clean.split_names(e.value)))[:5]
        origins = sorted({e.origin for e in given})
    elif article.authors:
        decide.note(article, f"authors from credit lines: {', '.join(article.authors)}")
        return
    else:
        found = decide.of(article, "author")
        article.authors = list(dict.fromkeys(e.value for e in found
                                             if len(e.value.split()) <= 6))[:5]
        origins = sorted({e.origin for e in found})
    if article.authors:
        decide.note(article, f"authors from {', '.join(origins)}: {', '.join(article.authors)}")


def missing_title(article: Article) -> str:
    """The refusal for an input without a title, naming what was looked for."""
    if article.kind == "text":
        looked = "no front matter `title:` and no headline-like line before the text"
    else:
        looked = "the page has no <title>, og:title, JSON-LD headline or <h1>"
    return f"{article.path}: no title found: {looked}; " \
        f"{how_to_state(article.path, article.record, 'title')}"
