"""Which raw inputs already have an article, and where that article is now.

`make html` imports new seeds on every build (`import --new-only`). Re-importing every seed would
be idempotent but would stop the build as soon as an editor corrected an imported article (the
importer refuses to overwrite an edited file), so the build imports only raw inputs no article
names yet. An article is found by its provenance (Raw_file + Raw_record, or Raw_sha256), never by
its path: an editor may move it to the year folder its corrected date belongs to, and the next
import must update it there instead of writing a second copy.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from tools.importer.read import MAX_BYTES

_FIELD = re.compile(r"^(Raw_file|Raw_record|Raw_sha256|Slug) *: *(.*)$", re.MULTILINE | re.I)


def header_lines(path: Path) -> list[str]:
    lines = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                break
            lines.append(line.rstrip("\n"))
    return lines


class ArticleIndex:
    """The articles under one folder by provenance: (Raw_file, Raw_record) and Raw_sha256.

    The folder is walked once per import; `headers` keeps every article's header for the other
    stage that needs the archive (stories.py, copies of one story)."""

    def __init__(self, out: Path) -> None:
        from tools.checks.header import Header, parse_header  # the checker's parser only

        self.by_name: dict[tuple[str, str], Path] = {}
        self.by_sha: dict[str, Path] = {}
        self.origins: dict[Path, tuple[str, str]] = {}  # article -> (Raw_file, Raw_sha256)
        self.slugs: dict[Path, str] = {}  # article -> its Slug: line
        self.headers: list[tuple[Path, Header]] = []
        for path in sorted(out.rglob("*.md")) if out.is_dir() else []:
            if any(part.startswith(".") for part in path.relative_to(out).parts):
                continue
            lines = header_lines(path)
            self.headers.append((path, parse_header(lines)))
            # read leniently: an editor's slip higher up the header (a line broken in two)
            # must not hide where the article came from
            found = _FIELD.findall("\n".join(lines))
            fields = {key.casefold(): value.strip() for key, value in reversed(found)}
            self.slugs[path] = fields.get("slug", "")
            self.add(path, fields.get("raw_file", ""), fields.get("raw_record", ""),
                     fields.get("raw_sha256", "").lower())

    def add(self, path: Path, raw_file: str, record: str, sha: str) -> None:
        self.origins.setdefault(path, (raw_file, sha))
        if raw_file:
            self.by_name.setdefault((raw_file, record), path)
        if sha:
            self.by_sha.setdefault(sha, path)

    def find(self, raw_file: str, record: str, sha: str = "") -> Path | None:
        """The article imported from this raw input: same bytes first, else same name."""
        return self.by_sha.get(sha) or self.by_name.get((raw_file, record))

    def has_file(self, path: Path, raw_file: str | None) -> bool:
        """True when an article names this raw file, or holds its exact bytes."""
        if raw_file is not None and (raw_file, "") in self.by_name:
            return True
        try:
            if path.stat().st_size > MAX_BYTES:
                return False  # never read a huge file to hash it; the import refuses it
            return hashlib.sha256(path.read_bytes()).hexdigest() in self.by_sha
        except OSError:
            return False  # the import itself will report the unreadable file

