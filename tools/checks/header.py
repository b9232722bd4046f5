"""Read an article's `Key: value` header exactly the way Pelican's Markdown `meta` extension does.

The checker must see what Pelican will see (including what Pelican silently drops) and say on
which line, so this mirrors markdown/extensions/meta.py instead of rendering the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The same expressions as markdown.extensions.meta (Python-Markdown 3.x).
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")


@dataclass
class Field:
    """One header line: the key as written, Pelican's lowercased key, the value and its line."""

    key: str
    name: str
    value: str
    line: int
    more: list[tuple[int, str]] = field(default_factory=list)  # continuation lines


@dataclass
class Header:
    """The parsed header, where the body starts, and the non-blank line that ended it, if any."""

    fields: list[Field]
    body_start: int  # 0-based index into lines of the first body line
    stopper: tuple[int, str] | None = None  # a non-blank line that ended the header early

    def first(self, name: str) -> Field | None:
        for item in self.fields:
            if item.name == name:
                return item
        return None

    def value(self, name: str) -> str:
        item = self.first(name)
        return item.value if item else ""


def parse_header(lines: list[str]) -> Header:
    """Split `lines` (without line ends) into header fields and body, as the meta extension does."""
    fields: list[Field] = []
    index = 1 if lines and BEGIN_RE.match(lines[0]) else 0
    while index < len(lines):
        line = lines[index]
        if line.strip() == "" or END_RE.match(line):
            return Header(fields, index + 1)
        match = META_RE.match(line)
        if match:
            key = match.group("key").strip()
            fields.append(Field(key, key.lower(), match.group("value").strip(), index + 1))
        else:
            more = META_MORE_RE.match(line)
            if not (more and fields):
                return Header(fields, index, stopper=(index + 1, line))
            fields[-1].more.append((index + 1, more.group("value").strip()))
        index += 1
    return Header(fields, index)
