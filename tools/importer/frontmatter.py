"""YAML front matter at the top of a text dump (`title:`, `date: 2020-09-27-19-55-27`, `url:`,
`source:` ...), as scrapers and static-site exports write it: metadata, never body text.

Two forms: a block between `---` lines, or bare `key: value` lines at the very top whose keys
are metadata keys (so a body that opens with "Note: ..." is not taken for front matter), blank
lines between them allowed, as Jina Reader writes its header (`URL Source:`, `Published Time:`,
closed by `Markdown Content:`).
"""

from __future__ import annotations

import re

import yaml

from tools.importer.signals import Evidence

KEYS = {  # front-matter key (casefolded) -> field
    "title": "title", "headline": "title", "judul": "title",
    "date": "date", "published": "date", "published_at": "date", "publish_date": "date",
    "datepublished": "date", "tanggal": "date", "pubdate": "date", "date_publish": "date",
    "url": "url", "link": "url", "source_url": "url", "canonical": "url", "tautan": "url",
    "source": "source", "site": "source", "site_name": "source", "publisher": "source",
    "sumber": "source", "source_domain": "source",
    "author": "author", "authors": "author", "byline": "author", "penulis": "author",
    "editor": "editor", "lang": "lang", "language": "lang", "bahasa": "lang",
    "url source": "url", "published time": "date",
    "markdown content": "",  # the end of Jina Reader's header
}
_BARE = re.compile(r"^([A-Za-z_][\w -]{0,30}?)\s*:\s*(.*)$")
MAX_LINES = 60


def split_front_matter(text: str) -> tuple[list[Evidence], str, int]:
    """(the front matter's evidence, the text after it, how many lines it took); no front
    matter: ([], text, 0)."""
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start < len(lines) and lines[start].strip() == "---":
        for end in range(start + 1, min(len(lines), start + MAX_LINES)):
            if lines[end].strip() in ("---", "..."):
                found = _yaml_block("\n".join(lines[start + 1: end]))
                if found:
                    return found, "\n".join(lines[end + 1:]), end + 1
                break
        return [], text, 0
    end = start
    pairs: list[tuple[str, str]] = []
    while end < len(lines) and end - start < MAX_LINES:
        line = lines[end].strip()
        match = _BARE.match(line)
        if line and (not match or match.group(1).casefold() not in KEYS):
            break
        end += 1
        if match:
            pairs.append((match.group(1), match.group(2).strip().strip("'\"")))
            if not KEYS[match.group(1).casefold()]:
                break
    fields = {KEYS[key.casefold()] for key, _ in pairs}
    if not fields & {"title", "date"} or len(pairs) < 2:
        return [], text, 0
    return _evidence(pairs), "\n".join(lines[end:]), end


def _yaml_block(block: str) -> list[Evidence]:
    try:
        data = yaml.load(block, Loader=yaml.BaseLoader)  # every value a string: dates as written
    except yaml.YAMLError:
        return []
    if not isinstance(data, dict):
        return []
    pairs = []
    for key, value in data.items():
        values = value if isinstance(value, list) else [value]
        pairs.extend((str(key), str(v)) for v in values if isinstance(v, str))
    found = _evidence(pairs)
    return found if any(e.field in {"title", "date"} for e in found) else []


def _evidence(pairs: list[tuple[str, str]]) -> list[Evidence]:
    return [Evidence(KEYS[key.casefold()], " ".join(value.split()), f"front matter `{key}:`")
            for key, value in pairs if KEYS.get(key.casefold()) and value.strip()]
