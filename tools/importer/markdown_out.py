"""Render an Article as Markdown with a Pelican `Key: value` header.

Body text is escaped so that it renders as the same text: nothing in a news paragraph may turn
into a heading, list, quote, code block, emphasis, link or raw HTML.
"""

from __future__ import annotations

import re
from typing import Any

from tools.figures import format_figures
from tools.importer.article import Article
from tools.importer.review import removed_counts

HEADER_ORDER = ("Title", "Status", "Review", "Date", "Slug", "Lang", "Category", "Tags",
                "Summary", "Authors", "Editor", "Source", "Source_url", "Agencies", "Cluster",
                "Figures", "Words", "Removed", "Raw_file", "Raw_record", "Raw_sha256",
                "Raw_encoding", "Date_method", "Date_evidence")
_INLINE = re.compile(r"([\\`*_\[\]{}])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_BLOCK_START = re.compile(r"^(\s*)([#>+-]|\d+[.)](?=\s|$))")


def escape_markdown(text: str) -> str:
    """Escape one paragraph (a single line) so Markdown renders it literally."""
    return _escape_block_start(escape_inline(text))


def escape_inline(text: str) -> str:
    """Escape emphasis, links, code, entities and tags in one line (not its start: a table
    cell cannot start a list or heading)."""
    text = " ".join(text.split())
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    return _TAG.sub("&lt;", text)


def header_value(value: object) -> str:
    """One-line header value (Pelican reads one key per line)."""
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    return " ".join(str(value).split())


def header_fields(article: Article, words: int | None = None) -> dict[str, object]:
    """The header keys of docs/architecture.md, in order; empty optional keys omitted.
    `words`: article.words, when the caller has counted it."""
    assert article.date is not None
    lines, removed_words, _ = removed_counts(article)
    fields: dict[str, object] = {
        "Title": article.title, "Status": article.status, "Review": "; ".join(article.review),
        "Removed": f"{lines} lines, {removed_words} words" if lines else "",
        "Date": article.date.isoformat(), "Slug": article.slug,
        "Lang": article.lang, "Category": article.category, "Tags": article.tags,
        "Summary": article.summary, "Authors": article.authors, "Editor": article.editor,
        "Source": article.source, "Source_url": article.source_url,
        "Agencies": article.agencies, "Cluster": article.cluster,
        "Figures": format_figures(article.figures),
        "Words": article.words if words is None else words,
        "Raw_file": article.raw_name, "Raw_record": article.record,
        "Raw_sha256": article.raw_sha256,
        "Raw_encoding": "" if article.encoding in ("utf-8", "ascii") else article.encoding,
        "Date_method": article.date_method, "Date_evidence": article.date_evidence,
    }
    return {k: fields[k] for k in HEADER_ORDER if fields[k] not in ("", [], None)}


# Every character that escape_markdown's substitutions act on (`&` and `<` only before some
# text): a body without any is left as it is, but for the start of each paragraph.
_SPECIAL = re.compile(r"[\\`*_\[\]{}&<]")


def escape_body(paragraphs: list[str],
                structure: dict[str, tuple[Any, ...]] | None = None) -> tuple[str, int]:
    """The paragraphs escaped (escape_markdown) and joined by blank lines, and their word
    count (article.words). The substitutions run only when the body holds a character they
    act on; the block-start test only for a paragraph that starts with one of its markers.
    `structure` (article.structure) names the subheads and tables among the paragraphs."""
    if structure:
        return _structured_body(paragraphs, structure)
    spaced = [" ".join(p.split()) for p in paragraphs]  # what escape_markdown starts with
    words = sum(p.count(" ") + 1 for p in spaced if p)  # one space between words now
    body = "\n\n".join(spaced)
    if _SPECIAL.search(body):
        return "\n\n".join(map(escape_markdown, spaced)), words
    if any(p[:1] in "#>+-" or p[:1].isdecimal() for p in spaced):
        return "\n\n".join(map(_escape_block_start, spaced)), words
    return body, words


def _structured_body(paragraphs: list[str],
                     structure: dict[str, tuple[Any, ...]]) -> tuple[str, int]:
    """Subheads as `##` headings, tables as Markdown tables, other paragraphs escaped."""
    out, words = [], 0
    for paragraph in paragraphs:
        form = structure.get(paragraph, ("",))
        if form[0] == "table":
            out.append(markdown_table(form[1]))
            words += sum(len(cell.split()) for row in form[1] for cell in row)
            continue
        text = escape_markdown(paragraph)
        out.append(f"## {text}" if form[0] == "heading" else text)
        words += len(paragraph.split())
    return "\n\n".join(out), words


def markdown_table(rows: tuple[tuple[str, ...], ...]) -> str:
    """Rows of cells as a Markdown table, the first row as its header."""
    def line(row: tuple[str, ...]) -> str:
        return "| " + " | ".join(escape_inline(cell).replace("|", "\\|") for cell in row) + " |"

    rule = "| " + " | ".join("---" for _ in rows[0]) + " |"
    return "\n".join([line(rows[0]), rule, *map(line, rows[1:])])


def _escape_block_start(text: str) -> str:
    match = _BLOCK_START.match(text)
    if match:
        marker = match.group(2)
        escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
        text = escaped + text[match.end():]
    return text


def render(article: Article) -> str:
    """Header, blank line, one escaped paragraph per block; no Import_sha256 (write adds it)."""
    body, words = escape_body(article.paragraphs, article.structure)
    header = "\n".join(f"{k}: {header_value(v)}"
                       for k, v in header_fields(article, words).items())
    return f"{header}\n\n{body}\n"
