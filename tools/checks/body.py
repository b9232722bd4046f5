"""Checks on an article's body: raw HTML that must not reach readers, and the links it makes.

Links are found line by line (fenced code blocks skipped); what would run in a browser is judged
on the rendered HTML (tools.checks.rendered), so escaped text is not mistaken for code.
"""

from __future__ import annotations

import re

from tools.checks import Findings
from tools.checks.rendered import rendered_problems, source_line

# The body `tools new` writes into a stub: a published article must not still say it.
PLACEHOLDER = "Write the article here, in paragraphs separated by an empty line."
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


def check_raw_html(text: str, body: list[tuple[int, str]], out: Findings) -> None:
    """Scripts, frames, embeds, event handlers and script links in what the file renders to:
    they would run in every reader's browser. (Escaped or quoted in code, they are text.)"""
    seen = set()
    for kind, detail in rendered_problems(text):
        if (kind, detail) in seen:
            continue
        seen.add((kind, detail))
        line = source_line(body, kind, detail)
        if kind == "tag":
            out.error(line, f"raw HTML <{detail}> in the body",
                      "delete it: embedded code, frames and forms are not allowed in articles; "
                      "link to the page instead, e.g. [video](https://...)")
        elif kind == "handler":
            out.error(line, f"raw HTML with an event handler ({detail}=) in the body",
                      "delete the on...= attribute, or write the text in plain Markdown")
        else:
            out.error(line, f"a {detail}: link in the body", "link to an https:// page instead")


def links(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line number, target) of every Markdown or HTML link and image in the body."""
    found = []
    for number, line in body:
        if "](" not in line and "]:" not in line and "=" not in line:
            continue
        for regex in (INLINE_LINK_RE, REFERENCE_RE, HTML_LINK_RE):
            found.extend((number, m.group(1)) for m in regex.finditer(line))
    return found
