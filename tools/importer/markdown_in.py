"""Dumps written in Markdown, as scraping services and tools write pages (Jina Reader,
Firecrawl, crawl4ai, `trafilatura --markdown`): the markup becomes the text a reader of the page
sees, so the body finder weighs the same lines as in any other dump and the article does not
show `**`, `[text](url)` or `###` as text.

Only a text that shows Markdown on several lines is converted; a plain dump's asterisks and
brackets stay as they are.
"""

from __future__ import annotations

import re

MIN_LINES = 3  # lines with Markdown markup before a dump is read as Markdown
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$", re.M)
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,})\s*$", re.M)  # setext heading, or a rule
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*\\])\*(?![\w*])"
                       r"|(?<![\w\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s_\\])_(?!\w)")
_QUOTE = re.compile(r"^>\s?", re.M)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_CODE_SPAN = re.compile(r"`+([^`\n]*)`+")  # split() keeps the code between the backticks
# Markup a plain dump hardly shows: a link or an image with its address, a `##` heading (a
# lone `#` opens hashtags and shell comments too), strong emphasis, a `===` underline
_MARKUP_LINE = re.compile(r"\]\((?:https?:|/|#|mailto:)[^)\s]*\)|^#{2,6}\s+\S|\*\*\S[^*\n]*\*\*"
                          r"|^={3,}\s*$", re.M)


def looks_like_markdown(text: str) -> bool:
    """Markup on several lines, one of them at least a link, an image or a heading."""
    found = _MARKUP_LINE.findall(text, 0, 200_000)
    return len(found) >= MIN_LINES and any(not m.startswith("**") for m in found)


def markdown_text(text: str) -> str:
    """The text without its Markdown markup: images gone, links as their words, headings and
    emphasis as plain text, setext underlines and rules as blank lines, escapes undone; code
    (fenced blocks, `spans`) as written, without its fences and backticks."""
    lines, fenced = [], False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        lines.append(line if fenced else "".join(
            part if odd else _plain(part) for odd, part in
            ((i % 2, piece) for i, piece in enumerate(_CODE_SPAN.split(line)))))
    return "\n".join(lines)


def _plain(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub(r"\1", text)
    text = _UNDERLINE.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = _QUOTE.sub("", text)
    return _ESCAPE.sub(r"\1", text)
