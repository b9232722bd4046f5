"""The one record passed from stage to stage of the import pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any


@dataclass
class Removed:
    """A line taken out of the body, with the id of the rule that removed it (for --explain)."""

    line: str
    rule: str


@dataclass
class Article:
    """Everything known about one raw input as it moves through the stages."""

    path: Path
    raw_sha256: str = ""  # of the file, or of the record's own bytes (tools/importer/inputs)
    record: str = ""  # which record of an export ("row 7", "line 3", "record 2"), else ""
    raw_file: str = ""  # Raw_file: the seed's path in the seeds folder (tools/importer/seeds.py)
    kind: str = "text"  # "text" (plain-text dump) or "html" (saved page)
    encoding: str = "utf-8"
    text: str = ""  # decoded, whitespace-normalised input
    lines: list[str] = field(default_factory=list)  # candidate lines (blank = paragraph break)
    page_lines: list[str] = field(default_factory=list)  # HTML: the page as a text dump
    link_lines: set[str] = field(default_factory=set)  # HTML: blocks whose whole text is a link
    known: dict[str, Any] = field(default_factory=dict)  # --date/--source, sidecar, HTML metadata
    # HTML: what the page says about each field, in the order found: field -> [(value, evidence)]
    # (evidence: the meta tag, JSON-LD key or extractor that gave it)
    signals: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    blocks: list[Any] = field(default_factory=list)  # HTML: html_blocks.Block, page order
    # paragraphs that are not plain text: paragraph -> ("heading",) or ("table", rows)
    structure: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    site: Any = None  # tools.importer.rules.SiteProfile or None
    text_site: tuple[Any, ...] = ()  # (profile or None,): the site a dump's text names, once found
    title: str = ""
    title_index: int | None = None
    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    date: datetime | None = None
    date_method: str = ""
    date_evidence: str = ""
    lang: str = ""
    authors: list[str] = field(default_factory=list)
    editor: str = ""
    source: str = ""
    source_url: str = ""
    agencies: list[str] = field(default_factory=list)
    cluster: str = ""  # another outlet's copy of the story (tools/importer/stories.py)
    datelines: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    figures: list[Any] = field(default_factory=list)  # tools.figures.Figure (importer/figures.py)
    category: str = ""
    summary: str = ""
    slug: str = ""
    # metadata signals and decisions (importer/signals.py, importer/decide.py), review marking
    evidence: list[Any] = field(default_factory=list)  # tools.importer.signals.Evidence
    decisions: list[str] = field(default_factory=list)  # --explain: what won and why
    review: list[str] = field(default_factory=list)  # reasons an editor must check it
    status: str = ""  # "draft" when review reasons were found
    front_matter_lines: int = 0  # lines of front matter taken off the top of a dump
    reference_text: str = ""  # HTML: trafilatura's text of the page, to compare the body with

    @property
    def raw_name(self) -> str:
        return self.raw_file or self.path.name

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def remove(self, line: str, rule: str) -> None:
        """Record a removed non-blank line so --explain can show it."""
        if line.strip():
            self.removed.append(Removed(line.strip(), rule))
