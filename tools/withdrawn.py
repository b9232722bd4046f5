"""Withdrawn articles: taken down by the editors, never brought back by an import.

Deleting an article is not enough: `make html` imports every seed that no article names yet, so
the seed would come back on the next build. tools/data/withdrawn.yaml lists what was withdrawn,
one entry per article, naming its raw input (Raw_sha256, and Raw_file/Raw_record) and the
reason; the importer skips those inputs and says so, and `tools check` reports an article that
is in the list. `python -m tools withdraw ARTICLE --reason ...` adds the entry and removes the
article; the seed itself stays untouched in seeds/ (raw inputs are never changed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from tools.errors import ToolError

HEADER = """\
# Withdrawn articles: the importer never recreates these (docs/editing.md, "Withdrawing an
# article"). Add entries with `python -m tools withdraw ARTICLE --reason "..."`. Deleting an
# entry lets the next `make html` import the article again.
"""


@dataclass(frozen=True)
class Withdrawal:
    raw_sha256: str
    raw_file: str
    raw_record: str
    reason: str


class WithdrawnList:
    """The entries of one withdrawn.yaml (none when the file does not exist)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: list[Withdrawal] = []
        if path is not None and path.is_file():
            self.entries = _load(path)
        self._by_sha = {e.raw_sha256: e for e in self.entries if e.raw_sha256}
        self._by_name = {(e.raw_file, e.raw_record): e for e in self.entries if e.raw_file}

    def match(self, raw_file: str, record: str, sha: str) -> Withdrawal | None:
        """The entry of this input: by its bytes, by its file and record, or (a record of an
        export withdrawn whole) by its file."""
        return self._by_sha.get(sha) or self._by_name.get((raw_file, record)) or (
            self._by_name.get((raw_file, "")) if record else None)


def _load(path: Path) -> list[Withdrawal]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problem = " ".join(str(exc).split())
        raise ToolError(f"{path}: cannot read the list of withdrawn articles ({problem}); "
                        "fix the file") from exc
    if not isinstance(data, list):
        raise ToolError(f"{path}: should be a list of entries (- raw_sha256: ... reason: ...)")
    entries = []
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict) or not (item.get("raw_sha256") or item.get("raw_file")):
            raise ToolError(f"{path}: entry {number} names no raw_sha256 or raw_file")
        entries.append(Withdrawal(str(item.get("raw_sha256") or "").lower(),
                                  str(item.get("raw_file") or ""),
                                  str(item.get("raw_record") or ""),
                                  str(item.get("reason") or "")))
    return entries


def append_entry(path: Path, entry: dict[str, str]) -> None:
    """Add one entry at the end of the list, keeping what editors wrote (comments included)."""
    from tools.importer.write import atomic_write

    old = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    if path.is_file() and not _load(path):  # refuses a broken file; an empty `[]` goes
        old = "".join(line for line in old.splitlines(keepends=True) if line.strip() != "[]")
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, old + ("" if old.endswith("\n") else "\n") + block)


def new_entry(header: dict[str, str], article: Path, reason: str) -> dict[str, str]:
    """The list entry for an article's header (lowercase keys)."""
    entry = {"raw_sha256": header.get("raw_sha256", ""), "raw_file": header.get("raw_file", ""),
             "raw_record": header.get("raw_record", ""), "title": header.get("title", ""),
             "article": str(article), "reason": reason, "withdrawn": date.today().isoformat()}
    return {k: v for k, v in entry.items() if v}
