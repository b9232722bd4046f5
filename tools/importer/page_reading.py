"""The article's sections that trafilatura left out between paragraphs it kept, from the page.

trafilatura drops what a page hides until clicked (an accordion's `display:none` sections) and
sometimes a run of cards in the middle of an article, while keeping the paragraphs before and
after. When the page shows much running text there, its text is read by the dump path
(`textstage.extract_text`, which decides each block on its own evidence), and the paragraphs
that reading finds between two consecutive paragraphs trafilatura kept are inserted there.
Nothing is added before the first or after the last: that is where comments and teasers stand,
which trafilatura rightly leaves out (a sign-up box inside the article comes in with the rest).
"""

from __future__ import annotations

from collections.abc import Sequence

from tools.errors import InputError
from tools.importer.article import Article
from tools.importer.clean import looks_like_sentence
from tools.importer.lines import line_key
from tools.importer.repeats import Repeats
from tools.importer.rules import Rule

GAP_WORDS = 150  # running text the page shows inside the kept span that trafilatura left out
GAP_SHARE = 0.3  # ... and as a share of what it kept


def gap_words(article: Article) -> int:
    """Words of running text the page shows between the first and the last paragraph
    trafilatura kept, in lines it did not keep."""
    kept = {line_key(p) for p in article.paragraphs}
    at = [i for i, line in enumerate(article.page_lines) if line_key(line) in kept]
    if len(at) < 2:
        return 0
    return sum(len(line.split()) for line in article.page_lines[at[0] + 1:at[-1]]
               if line_key(line) not in kept and looks_like_sentence(line))


def fill_gap(article: Article, rules: Sequence[Rule], repeats: Repeats) -> bool:
    """Insert the page reading's paragraphs where trafilatura left a gap of running text;
    whether it did."""
    gap = gap_words(article)
    if gap < max(GAP_WORDS, GAP_SHARE * article.words):
        return False
    page = _read_as_dump(article, rules, repeats)
    filled = _filled(article.paragraphs, page.paragraphs) if page else article.paragraphs
    if len(filled) == len(article.paragraphs):
        return False
    from tools.importer.decide import note

    added = set(filled) - set(article.paragraphs)
    note(article, f"{sum(len(p.split()) for p in added)} words of running text inside the "
         "article that trafilatura left out, taken from the page read as a dump")
    article.paragraphs = filled
    article.structure.update({p: s for p, s in page.structure.items() if p in added})
    return True


def _filled(kept: list[str], read: list[str]) -> list[str]:
    """trafilatura's paragraphs, with the page reading's paragraphs that stand between two
    consecutive ones of them inserted there."""
    at = {}
    for index, paragraph in enumerate(read):
        at.setdefault(line_key(paragraph), index)
    known = {line_key(p) for p in kept}
    filled: list[str] = []
    for paragraph, following in zip(kept, [*kept[1:], None], strict=True):
        filled.append(paragraph)
        start, end = at.get(line_key(paragraph)), at.get(line_key(following or ""))
        if start is None or end is None or start >= end:
            continue
        filled += [p for p in read[start + 1:end] if line_key(p) not in known]
    return filled


def _read_as_dump(article: Article, rules: Sequence[Rule], repeats: Repeats) -> Article | None:
    from tools.importer.textstage import extract_text

    page = Article(path=article.path, kind="text", text="\n".join(article.page_lines),
                   lines=list(article.page_lines), link_lines=article.link_lines,
                   known={"title": article.title} if article.title else {})
    try:
        extract_text(page, rules, repeats)
    except InputError:
        return None
    return page
