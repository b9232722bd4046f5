"""The project's rules as a cleaning and metadata layer on what trafilatura extracts.

trafilatura finds the article in the page; its blocks then pass the same generic rules as a
text dump (read-also lines, datelines, editor codes, agency credits, widgets: rules/*.yaml),
the lines the batch learned as template junk, and the page's teaser links. Subheads and
tables belong to the article: they keep their form (`article.structure`) and are exempt from
the duplicate test that catches captions repeating the lead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from tools.errors import InputError
from tools.importer import clean, datetext
from tools.importer.article import Article
from tools.importer.extract_html import resegment
from tools.importer.html_blocks import Block
from tools.importer.lines import line_key, word_count
from tools.importer.rules import Rule

DATE_LINE_WORDS = 10
LEAD_LINES = 2  # lead paragraphs recovered from the page before the extract's first one
LEAD_WORDS = 20
REPEAT_WORDS = 20  # a repeated line up to this long that ends no sentence is a label, kept
LABEL_NOT_AFTER = (".", "!", "?", "。", "！", "？")
LEAD_SCAN = 40  # page lines searched back for them (a page may set blank lines between)
STRAY_WORDS = 6  # a line this short that ends no sentence, before or after the text
HEADER_LINES = 8  # page lines after the title searched for credit lines (authors, editor)


def html_text(article: Article, rules: Sequence[Rule], learned: Callable[[str], bool]) -> None:
    """Title, paragraphs and structure of an HTML article from its extracted blocks."""
    explicit = article.known.get("title", "")
    title = explicit or article.known.get("html_title") or _first_heading(article.blocks) \
        or headline_line(article.page_lines, rules)
    if not title.strip():
        from tools.importer.metastage import missing_title

        raise InputError(missing_title(article))
    article.title = " ".join(title.split())
    _page_header(article, rules)
    blocks = recover_lead(split_glued(article.blocks, article.page_lines), article.page_lines)
    teaser = page_teasers(article, blocks)
    paragraphs = clean_blocks(article, blocks, rules, learned, teaser)
    if is_gallery(article, paragraphs, rules):  # a photo gallery: its captions are the text
        article.removed.clear()
        article.structure.clear()
        paragraphs = clean_blocks(article, blocks, [r for r in rules if not r.gallery],
                                  learned, teaser)
    if not paragraphs:
        raise InputError(f"{article.path}: no article text found after cleaning; "
                         "check the file (run with --explain to see what was removed)")
    article.paragraphs = paragraphs


def is_gallery(article: Article, paragraphs: Sequence[str], rules: Sequence[Rule]) -> bool:
    """A photo page: no running text is left but the captions the `gallery` rules removed
    (a gallery's page furniture, such as view counts and durations, may be all that is left)."""
    if any(clean.looks_like_sentence(p) for p in paragraphs):
        return False
    captions = {rule.id for rule in rules if rule.gallery}
    return not paragraphs or any(item.rule in captions and clean.looks_like_sentence(item.line)
                                 for item in article.removed)


def recover_lead(blocks: list[Block], page_lines: list[str]) -> list[Block]:
    """The lead paragraphs trafilatura sometimes leaves out (a lead full of links, or set off
    by a dateline): running-text lines that stand on the page right before the extract's
    first paragraph, up to LEAD_LINES of them."""
    first = next((b.text for b in blocks if b.kind == "p"), None)
    if first is None or first not in page_lines:
        return blocks
    index = page_lines.index(first)
    have = {b.text for b in blocks}
    lead: list[Block] = []
    before = [line for line in page_lines[max(0, index - LEAD_SCAN): index] if line.strip()]
    for line in reversed(before[-LEAD_LINES:]):  # blank lines between paragraphs do not count
        if len(lead) == LEAD_LINES or line in have or len(line.split()) < LEAD_WORDS \
                or not clean.looks_like_sentence(line):
            break
        lead.insert(0, Block("p", line))
    if not lead:
        return blocks
    at = next(i for i, b in enumerate(blocks) if b.kind == "p")
    return [*blocks[:at], *lead, *blocks[at:]]


def page_teasers(article: Article, blocks: Sequence[Block]) -> Callable[[str], bool]:
    """Headline-like lines that link to other articles: shown elsewhere on the page too (more
    often than the extracted article itself shows them: a list the article repeats is its
    own), or a block whose whole text is one link."""
    elsewhere = Counter(map(line_key, article.page_lines))
    elsewhere.subtract(line_key(block.text) for block in blocks)
    links = article.link_lines

    def is_teaser(line: str) -> bool:
        words = len(line.split())
        if words < 3 or not clean.looks_like_headline(line, words):
            return False
        return elsewhere[line_key(line)] >= 1 or line_key(line) in links

    return is_teaser


def _first_heading(blocks: Sequence[Block]) -> str:
    return next((b.text for b in blocks if b.kind == "heading"), "")


def headline_line(page_lines: list[str], rules: Sequence[Rule]) -> str:
    """For a page with no title signal at all (no <title>, og:title, JSON-LD headline or
    heading; old pages often set the headline in bold): the headline-like line just before
    the text, found in the page read as a dump by the body finder. No signal confirms it, so
    the metadata stage marks the article for review."""
    from tools.importer import body as body_stage
    from tools.importer.linefacts import LineFacts

    return body_stage.find_body(LineFacts.of(page_lines, rules)).title


def _page_header(article: Article, rules: Sequence[Rule]) -> None:
    """Where the title stands on the page (for the date line near it), and the credit lines
    just below it (authors, editor), which trafilatura usually leaves out."""
    wanted = article.title.casefold()
    for index, line in enumerate(article.page_lines):
        if line_key(line) == wanted:
            article.title_index = index
            clean.harvest_meta(article, article.page_lines[index + 1: index + HEADER_LINES],
                               rules)
            return


def split_glued(blocks: Sequence[Block], page_lines: list[str]) -> list[Block]:
    """Paragraph blocks that glue a page region into one line, split at the page's lines
    (resegment runs once over every paragraph block: it indexes the page's lines first)."""
    texts = [block.text for block in blocks if block.kind == "p"]
    parts = iter(resegment(texts, page_lines, keep_origin=True))
    out: list[Block] = []
    for block in blocks:
        if block.kind != "p":
            out.append(block)
            continue
        out.extend(Block("p", line) for line in next(parts))
    return out


def clean_blocks(article: Article, blocks: Sequence[Block], rules: Sequence[Rule],
                 learned: Callable[[str], bool], teaser: Callable[[str], bool]) -> list[str]:
    """The rules on each block in order (a rule's `end` cuts the rest, `drop-block` the
    headline-like lines after it); then duplicates among the plain paragraphs."""
    kept: list[str] = []
    in_block = False
    title = article.title.casefold()
    for index, block in enumerate(blocks):
        if block.kind == "table":
            kept.extend(clean_table(article, block, rules))
            in_block = False
            continue
        line = block.text
        if _is_metadata(article, line, title):
            continue
        first = clean.first_match(line, rules)
        if first is None and (in_block and clean.looks_like_headline(line)):
            article.remove(line, clean.READ_ALSO_LIST)
            continue
        in_block = False
        if first is None and (learned(line) or teaser(line)):
            article.remove(line, clean.LEARNED if learned(line) else clean.TEASER_LINK)
            continue
        if first is not None and first.action == "end" and not _ends_text(kept, blocks[index + 1:]):
            article.remove(line, first.id)  # a share bar above the text, not below it
            continue
        text, action = clean.apply_line(article, line, rules, first, opening=clean.opens(kept))
        if action == "end":
            for rest in blocks[index + 1:]:
                article.remove(rest.text, "after-end")
            break
        in_block = action == "drop-block"
        if text:
            kept.append(text)
            if block.kind == "heading":
                article.structure[text] = ("heading",)
    return _without_duplicates(article, kept)


def _is_metadata(article: Article, line: str, title: str) -> bool:
    """The headline again, or a date line (kept as a date signal): removed from the text."""
    if is_title_variant(line, title):
        article.remove(line, "title")
        return True
    if is_date_line(line):
        article.remove(line, "date-line")
        article.signals.setdefault("date", []).append((line, "date line above the text"))
        return True
    return False


def _prose_words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts if clean.looks_like_sentence(t))


def _ends_text(kept: list[str], rest: Sequence[Block]) -> bool:
    """Whether a widget line (share bar, comments) ends the article: more running text stands
    before it than after it. trafilatura's extract can hold a share bar or a comment link
    above or inside the text."""
    return _prose_words(kept) > _prose_words(b.text for b in rest if b.kind == "p")


def clean_table(article: Article, block: Block, rules: Sequence[Rule]) -> list[str]:
    """A table without the rows the rules remove (a credit table: `Penulis | : <name>`); a
    table left with fewer than two rows is not a table any more."""
    rows = []
    for row in block.rows:
        text, _action = clean.apply_line(article, " ".join(c for c in row if c), rules)
        if text:
            rows.append(row)
    if len(rows) < 2:
        return [" ".join(c for c in row if c) for row in rows]
    text = "\n".join(" | ".join(c for c in row if c) for row in rows)
    article.structure[text] = ("table", tuple(rows))
    return [text]


def is_date_line(line: str) -> bool:
    """A short line that is only a date (`Published 10:02 AM EST Nov 19, 2019`), as pages
    show above the text and beside teaser headlines: metadata, not body."""
    words = len(line.split())
    return (words <= DATE_LINE_WORDS and not line.endswith(".")
            and datetext.parse_stated(line) is not None)


def is_title_variant(line: str, title: str) -> bool:
    """The headline again, alone or with a short label (`In Picture: <title>`)."""
    folded = line.casefold()
    return folded == title or (title in folded and len(line.split()) <= len(title.split()) + 3)


def _without_duplicates(article: Article, paragraphs: list[str]) -> list[str]:
    """clean.drop_duplicates on the plain sentences and running paragraphs (a page that carries
    its text twice, a caption repeating the lead), then the stray short lines around the text.
    A line of up to REPEAT_WORDS words that ends no sentence and recurs inside trafilatura's
    extract is the article's own (`Pros:` under each product, table cells, code lines)."""
    def label(paragraph: str) -> bool:
        return paragraph in article.structure or (
            word_count(paragraph) <= REPEAT_WORDS
            and not paragraph.rstrip("\"”’')").endswith(LABEL_NOT_AFTER))

    survivors = {id(p) for p in clean.drop_duplicates(article, [p for p in paragraphs
                                                                if not label(p)])}
    return _trimmed(article, [p for p in paragraphs if id(p) in survivors or label(p)])


def _stray(article: Article, paragraph: str) -> bool:
    """A short plain line that is no sentence (a kicker, a label, a contact or index link)."""
    return (paragraph not in article.structure and word_count(paragraph) <= STRAY_WORDS
            and not paragraph.endswith(clean.SENTENCE_END))


def _trimmed(article: Article, paragraphs: list[str]) -> list[str]:
    """Without the stray short lines at the very start and end, before the first and after
    the last sentence: the text runs between them, page furniture stands around it."""
    prose = [i for i, p in enumerate(paragraphs) if clean.looks_like_sentence(p)]
    if not prose:
        return paragraphs
    start, end = 0, len(paragraphs)
    while start < prose[0] and _stray(article, paragraphs[start]):
        start += 1
    while end > prose[-1] + 1 and _stray(article, paragraphs[end - 1]):
        end -= 1
    for paragraph in paragraphs[:start] + paragraphs[end:]:
        article.remove(paragraph, "stray-line")
    return paragraphs[start:end]
