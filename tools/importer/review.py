"""Nothing lost without a word: count what an import removed, and mark for review
(`Status: draft` with a `Review:` reason) an article whose removed share of running text is
unusually high, whose title or date rests on weak evidence (tools/importer/metastage.py adds those
reasons), or whose body disagrees strongly with trafilatura's reading of the same page."""

from __future__ import annotations

import re
from collections import Counter

from tools.importer.article import Article
from tools.importer.clean import (
    DUPLICATE,
    LEARNED,
    READ_ALSO_LIST,
    TEASER_LINK,
    looks_like_sentence,
)
from tools.importer.lines import UNSPACED, line_key
from tools.importer.metadata_data import metadata_data

TOKEN = re.compile(r"\w+")
# What cleaning takes out of the text found (not the page around it, not the title).
INSIDE = {TEASER_LINK, LEARNED, DUPLICATE, READ_ALSO_LIST}


def removed_counts(article: Article) -> tuple[int, int, int]:
    """(lines, words, words in sentence-like lines) removed from the input."""
    lines = words = prose = 0
    for item in article.removed:
        count = len(item.line.split())
        lines += 1
        words += count
        if item.rule != "title" and looks_like_sentence(item.line, count):
            prose += count
    return lines, words, prose


def token_f1(got: str, want: str) -> float:
    """Bag-of-words F1 of two texts (lowercase word tokens)."""
    have = Counter(TOKEN.findall(got.casefold()))
    need = Counter(TOKEN.findall(want.casefold()))
    common = sum((have & need).values())
    if not common:
        return 0.0
    precision, recall = common / sum(have.values()), common / sum(need.values())
    return 2 * precision * recall / (precision + recall)


def content_words(text: str, shortest: int = 4) -> set[str]:
    """Casefolded words of `shortest` letters or more (every character of an unspaced script)."""
    folded = text.casefold()
    if not UNSPACED.search(folded):  # most texts: one pass
        return {word for word in TOKEN.findall(folded) if len(word) >= shortest}
    words: set[str] = set()
    for word in TOKEN.findall(folded):
        if UNSPACED.search(word):
            words.update(UNSPACED.findall(word))
        elif len(word) >= shortest:
            words.add(word)
    return words


def unrelated_title(article: Article, least: int = 2) -> bool:
    """A dump's title that shares no word with the text found: a headline is about its
    article, so the body finder (or the title finder) took the wrong part of the page."""
    title = content_words(article.title)
    if len(title) < least:
        return False
    text = "\n".join(article.paragraphs).casefold()
    words = content_words(text) if UNSPACED.search(text) else set(TOKEN.findall(text))
    return not title & words  # (the title's words are long ones: the short ones cannot meet)


def navigation_kept(article: Article) -> int:
    """Short lines of the text found that the page also shows outside it (a menu shown in
    the header and again in the footer): an article's own lines are not repeated so."""
    outside = {line_key(item.line) for item in article.removed if item.rule == "outside-body"}
    return sum(line_key(line) in outside for line in article.paragraphs
               if not looks_like_sentence(line))


def mark(article: Article) -> None:
    """Add the body-level review reasons and set the status when there is any reason."""
    limits = metadata_data().get("review", {})
    _, _, prose = removed_counts(article)
    kept = article.words
    share = prose / (prose + kept) if prose + kept else 0.0
    if prose >= limits.get("removed_prose_words", 150) and \
            share >= limits.get("removed_prose_share", 0.6):
        article.review.append(f"{share:.0%} of the running text was removed ({prose} words "
                              f"kept out, {kept} kept); run the import with --explain to see "
                              "what went")
    if article.kind == "text" and unrelated_title(article, limits.get("title_words", 2)):
        article.review.append("the title shares no word with the text found: one of them "
                              "is another part of the page; compare with the page")
    shown = navigation_kept(article) if article.kind == "text" else 0
    if shown >= limits.get("navigation_lines", 10) and \
            shown >= limits.get("navigation_share", 0.3) * len(article.paragraphs):
        article.review.append(f"{shown} of the {len(article.paragraphs)} paragraphs kept are "
                              "shown again outside the text (a menu?); compare with the page")
    inside = sum(item.rule in INSIDE for item in article.removed) if article.kind == "text" \
        else 0
    if inside >= limits.get("inside_removed_lines", 30) and \
            inside > limits.get("inside_removed_share", 1.5) * len(article.paragraphs):
        article.review.append(f"{inside} lines were taken out of the text found as teasers or "
                              f"repeats ({len(article.paragraphs)} paragraphs kept): the text "
                              "may be another part of the page; compare with the page")
    reference = article.reference_text
    if article.kind == "html" and len(reference.split()) >= limits.get("reference_words", 80):
        score = token_f1("\n".join(article.paragraphs), reference)
        if score < limits.get("min_reference_f1", 0.5):
            article.review.append(f"the text found differs from trafilatura's reading of the "
                                  f"page (word overlap F1 {score:.2f}); compare with the page")
    if article.review:
        article.status = "draft"
