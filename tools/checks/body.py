"""Checks on an article's body: raw HTML that must not reach readers, and the links it makes.

The body is scanned line by line (no Markdown rendering) so the check stays fast on a large
archive; fenced code blocks are skipped.
"""

from __future__ import annotations

import re

from tools.checks import Findings

DANGEROUS_TAG_RE = re.compile(r"<\s*(script|iframe|object|embed|form|style|meta|base)\b", re.I)
EVENT_HANDLER_RE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
JS_URL_RE = re.compile(r"(?:\]\(|href\s*=\s*[\"']?)\s*javascript:", re.I)
FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
INLINE_LINK_RE = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HTML_LINK_RE = re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.I)


def body_lines(lines: list[str], start: int) -> list[tuple[int, str]]:
    """(line number, text) of the body outside fenced code blocks."""
    kept, fenced = [], False
    for index in range(start, len(lines)):
        line = lines[index]
        if FENCE_RE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            kept.append((index + 1, line))
    return kept


def check_raw_html(body: list[tuple[int, str]], out: Findings) -> None:
    """Scripts, frames, embeds and event handlers would run in every reader's browser."""
    for number, line in body:
        if "<" not in line and "javascript:" not in line.lower():
            continue
        tag = DANGEROUS_TAG_RE.search(line)
        if tag:
            out.error(number, f"raw HTML <{tag.group(1).lower()}> in the body",
                      "delete it: embedded code, frames and forms are not allowed in articles; "
                      "link to the page instead, e.g. [video](https://...)")
        elif EVENT_HANDLER_RE.search(line):
            out.error(number, "raw HTML with an event handler (on...=) in the body",
                      "delete the on...= attribute, or write the text in plain Markdown")
        elif JS_URL_RE.search(line):
            out.error(number, "a javascript: link in the body", "link to an https:// page instead")


def links(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line number, target) of every Markdown or HTML link and image in the body."""
    found = []
    for number, line in body:
        if "](" not in line and "]:" not in line and "=" not in line:
            continue
        for regex in (INLINE_LINK_RE, REFERENCE_RE, HTML_LINK_RE):
            found.extend((number, m.group(1)) for m in regex.finditer(line))
    return found
