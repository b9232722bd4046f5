"""Join hard-wrapped paragraphs of a text dump back into one line each.

Plain-text pages (RFCs, mailing-list posts, `<pre>` blocks, e-mails saved as text) break every
paragraph at a fixed width. Read line by line, such a paragraph looks like a column of short
headline-like lines, and the body finder would treat it as a menu. A greedy line wrapper leaves
its evidence: every line but a block's last is close to the width, the next line's first word
would not have fitted after it, lines go on mid-sentence, and the last one ends a sentence. A
block (lines between blank lines) with that evidence is one paragraph; a menu or a list of
headlines, whose next item would have fitted or which starts each item anew, is left alone.
Nothing here depends on the language or the script.
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_WIDTH = 50  # narrower columns are lists and menus, not wrapped prose
MIN_FILL = 0.6  # a wrapped line (not the block's last) fills at least this share of the width
PARAGRAPH_END = (".", "!", "?", "…", "։", "。", "！", "？", "؟", "।")
MIN_WRAPPED = 0.8  # share of a block's lines (all but the last) that must show wrapping
MIN_LOWER = 0.3  # share of a wrapped block's cased lines that go on a sentence


def _wraps(line: str, following: str, width: int) -> bool:
    """Whether a greedy wrapper at `width` would have broken `line` before `following`."""
    first = following.split(maxsplit=1)[0] if following.strip() else ""
    return bool(first) and len(line) >= MIN_FILL * width and len(line) + 1 + len(first) > width


def _is_wrapped(block: Sequence[str], width: int) -> bool:
    """Most lines wrapped, and the last one closing a sentence, as a paragraph ends (a list of
    headlines or links of similar length does not)."""
    tested = list(zip(block, block[1:], strict=False))
    hits = sum(_wraps(a, b, width) for a, b in tested)
    return bool(tested) and hits >= MIN_WRAPPED * len(tested) and len(block[-1]) <= width \
        and block[-1].rstrip("\"'”’)»").endswith(PARAGRAPH_END) and _mid_sentence(block[1:])


def _mid_sentence(lines: Sequence[str]) -> bool:
    """In a script with letter case, some lines go on a sentence (a lowercase first letter),
    as wrapped prose does and a list of capitalised headlines does not; without case, no
    evidence either way."""
    cased = [line.lstrip()[:1] for line in lines if line.lstrip()[:1].isupper()
             or line.lstrip()[:1].islower()]
    return not cased or sum(first.islower() for first in cased) >= MIN_LOWER * len(cased)


def _blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of nonblank lines."""
    runs, start = [], None
    for index, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = index
        elif not line.strip() and start is not None:
            runs.append((start, index))
            start = None
    return runs


def page_width(lines: Sequence[str]) -> int:
    """The wrapping width of the page: the widest line of its blocks of three or more lines
    that show wrapping at their own width, or 0 when no block does."""
    widths = []
    for start, end in _blocks(lines):
        block = lines[start:end]
        width = max(map(len, block))
        if end - start >= 3 and width >= MIN_WIDTH and _is_wrapped(block, width):
            widths.append(width)
    return max(widths, default=0)


def unwrap(lines: list[str]) -> list[str]:
    """The lines with each hard-wrapped paragraph joined into one line (blank lines kept, so a
    paragraph still ends where it ended). Returns `lines` itself when nothing was wrapped."""
    width = page_width(lines)
    if not width:
        return lines
    out: list[str] = []
    previous = 0
    for start, end in _blocks(lines):
        out.extend(lines[previous:start])
        block = lines[start:end]
        if end - start >= 2 and max(map(len, block)) <= width and _is_wrapped(block, width):
            out.append(" ".join(line.strip() for line in block))
        else:
            out.extend(block)
        previous = end
    out.extend(lines[previous:])
    return out
