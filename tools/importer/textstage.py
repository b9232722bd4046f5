"""The text stage: title and body of one input, cleaned by the rules.

A dump's lines go through the body finder (`body.py`) and the line cleaner (`clean.py`); an HTML
page's extracted blocks through `html_body.py`. Both read every line's facts once (`LineFacts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from tools.errors import InputError
from tools.importer import body as body_stage
from tools.importer import clean, metastage
from tools.importer.article import Article
from tools.importer.linefacts import LineFacts
from tools.importer.page_reading import fill_gap
from tools.importer.repeats import Repeats, folded
from tools.importer.rules import Rule

CREDIT_TAIL = 8  # lines after the body searched for credit lines (`Editor: <name>`)


def group_of(article: Article) -> str:
    """The batch group whose repeated lines are template junk: the site profile, else (HTML)
    the page's own domain, else one group for all unknown dumps."""
    if article.site:
        return article.site.name
    if article.kind == "html":
        from tools.importer.extract_html import site_key

        return "html:" + site_key(article.known.get("url") or article.known.get("html_url") or "")
    return ""


def find_text(article: Article, rules: Sequence[Rule], repeats: Repeats) -> None:
    """Title and body: a dump's by the body finder; an HTML page's from what trafilatura
    extracts, cleaned by the same rules (tools/importer/html_body.py)."""
    if article.kind == "text":
        extract_text(article, rules, repeats)
        return
    from tools.importer.html_body import html_text

    texts = [block.text for block in article.blocks]
    junk = repeats.junk.get(group_of(article)) or set()
    learned = {text for text, key in zip(texts, folded(texts), strict=True)
               if hash(key) in junk}.__contains__
    html_text(article, rules, learned)
    fill_gap(article, rules, repeats)


def extract_text(article: Article, rules: Sequence[Rule], repeats: Repeats) -> None:
    """Find title and body in a dump's lines and clean them. Every line's facts (rule, date
    line, stop words, repeats) are found once, in `LineFacts`."""
    lines = article.lines
    facts = LineFacts.of(lines, rules, repeats.junk.get(group_of(article)) or frozenset())
    explicit = article.known.get("title", "")
    hint = explicit or article.known.get("html_title") or ""
    span = body_stage.find_body(facts, hint)
    article.title = explicit or span.title or hint
    article.title_index = span.title_index
    outside = chain(range(span.start), range(span.end, len(lines))) \
        if span.start < span.end else range(len(lines))
    for index in outside:
        if facts.words[index]:  # nonblank
            article.remove(lines[index], "title" if index == span.title_index else
                           "outside-body")
    for start, end in (((span.title_index or 0) + 1, span.start),  # header, credits after
                       (span.end, span.end + CREDIT_TAIL)):
        clean.harvest_meta(article, lines[start:end], rules, facts.rule[start:end])
    if not article.title.strip():
        raise InputError(metastage.missing_title(article))
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
