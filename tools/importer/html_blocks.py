"""Trafilatura's extracted tree as the article's blocks: paragraphs, subheads and tables.

trafilatura returns the main content as an XML tree (`p`, `head`, `list`/`item`, `quote`,
`table`/`row`/`cell`, `lb` line breaks). Reading that tree rather than its plain-text output
keeps what the text loses: which lines are subheads and where a table's cells are, so a
table stays a table instead of a run of one-word lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# Elements that start a new line inside a paragraph-level element.
_BREAKING = {"lb", "p", "item", "list", "quote", "code", "head", "table", "row"}
_CONTAINERS = {"list", "quote", "div", "body", "main", "section", "article"}
SENTENCE_END = tuple('.!?:;"”’)…。！？')
LAYOUT_CELL_WORDS = 40  # a cell this long holds running text: the table is page layout


@dataclass(frozen=True)
class Block:
    """One block of the extracted article: kind `p`, `heading` or `table` (`rows` of cells)."""

    kind: str
    text: str
    rows: tuple[tuple[str, ...], ...] = ()


def lines_of(element: Any) -> list[str]:
    """The element's text, broken at line breaks and nested blocks, whitespace-normalised."""
    parts: list[str] = []

    def collect(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            breaking = child.tag in _BREAKING
            if breaking:
                parts.append("\n")
            if child.tag != "graphic":
                collect(child)
            if breaking:
                parts.append("\n")
            if child.tail:
                parts.append(child.tail)

    collect(element)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]
    return _rejoined(lines)


def _rejoined(lines: list[str]) -> list[str]:
    """Lines a single break split inside a sentence (`the way` / `you do.`), joined again: a
    line that does not end a sentence followed by one that starts in lower case."""
    out: list[str] = []
    for line in lines:
        if out and not out[-1].endswith(SENTENCE_END) and line[:1].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def table_blocks(table: Any) -> list[Block]:
    """A data table as one table block; a layout table (one column, one row, or cells of
    running text) as the paragraphs of its cells."""
    rows = [tuple(" ".join(lines_of(cell)) for cell in row.iterfind("cell"))
            for row in table.iterfind("row")]
    rows = [row for row in rows if any(row)]
    width = max((len(row) for row in rows), default=0)
    cells = [cell for row in rows for cell in row if cell]
    if width < 2 or len(rows) < 2 or any(len(c.split()) > LAYOUT_CELL_WORDS for c in cells):
        return [Block("p", line) for cell in table.iter("cell") for line in lines_of(cell)]
    rows = [row + ("",) * (width - len(row)) for row in rows]
    text = "\n".join(" | ".join(cell for cell in row if cell) for row in rows)
    return [Block("table", text, tuple(rows))]


def blocks_of(body: Any) -> list[Block]:
    """The article's blocks in page order (trafilatura's `body` element; None gives none)."""
    return [] if body is None else list(_walk(body))


def _walk(node: Any) -> Iterator[Block]:
    if node.text and node.text.strip() and node.tag in _CONTAINERS:
        yield Block("p", " ".join(node.text.split()))
    for child in node:
        if child.tag == "table":
            yield from table_blocks(child)
        elif child.tag == "head":
            text = " ".join(lines_of(child))
            if text:
                yield Block("heading", text)
        elif child.tag in _CONTAINERS and any(c.tag in _BREAKING for c in child):
            yield from _walk(child)
        elif child.tag != "graphic":
            yield from (Block("p", line) for line in lines_of(child))
        if child.tail and child.tail.strip() and node.tag in _CONTAINERS:
            yield Block("p", " ".join(child.tail.split()))


_WORD = re.compile(r"\w+")
INLINE_WINDOW = 8  # default-mode blocks searched ahead for a precision block's whole version
INLINE_GROWTH = 1.5  # the whole version has at most this many times the words (plus two)


def with_inline_text(narrow: list[Block], wide: list[Block]) -> list[Block]:
    """Precision mode's blocks, each paragraph replaced by the default mode's version of it
    when that holds all its words and a few more: precision mode deletes inline elements it
    takes for link boxes (`<span class="link">` inside a sentence), leaving holes in the
    text, while it is right about which paragraphs are the article's."""
    out, start = [], 0
    for block in narrow:
        whole = _whole_version(block, wide, start) if block.kind == "p" else None
        if whole is None:
            out.append(block)
            continue
        out.append(wide[whole])
        start = whole + 1
    return out


def _whole_version(block: Block, wide: list[Block], start: int) -> int | None:
    words = set(_WORD.findall(block.text))
    count = len(block.text.split())
    for index in range(start, min(start + INLINE_WINDOW, len(wide))):
        other = wide[index]
        if other.kind != "p":
            continue
        if other.text == block.text:
            return index
        if words <= set(_WORD.findall(other.text)) and \
                len(other.text.split()) <= INLINE_GROWTH * count + 2:
            return index
    return None
