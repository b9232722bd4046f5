"""What one import run knows besides the inputs themselves: the site it writes for, where each
raw input lives in the seeds folder, which articles already exist (and where an editor moved
them), and which were withdrawn. Kept apart from the stages (tools/importer/pipeline.py), which only
turn one input into Markdown.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tools.errors import ToolError
from tools.importer.article import Article
from tools.importer.existing import ArticleIndex
from tools.importer.inputs import (
    FieldMap,
    RecordRef,
    expand,
    is_export,
    read_unit,
    save_mapping,
)
from tools.importer.seeds import SeedKeeper
from tools.importer.sidecar import keep_sidecar
from tools.importer.stories import Stories
from tools.site_layout import Layout, check_out_folder
from tools.withdrawn import Withdrawal, WithdrawnList

log = logging.getLogger(__name__)
ImportUnit = Path | RecordRef
PROJECT_WITHDRAWN = Path(__file__).resolve().parents[1] / "data" / "withdrawn.yaml"
_REVIEW = re.compile(r"^Review: *(.*)$", re.MULTILINE)


@dataclass
class Context:
    """Seeds, existing articles and withdrawals of one run (all empty for a bare call)."""

    keeper: SeedKeeper = field(default_factory=lambda: SeedKeeper(None))
    index: ArticleIndex | None = None
    withdrawn: WithdrawnList = field(default_factory=lambda: WithdrawnList(None))
    layout: Layout | None = None
    stories: Stories = field(default_factory=Stories)  # copies of one story (stories.py)

    @classmethod
    def for_run(cls, out: Path, dry_run: bool) -> Context:
        """The context of an import into `out` (ToolError for a folder Pelican never reads)."""
        layout = check_out_folder(out)
        if layout is None:
            log.info("%s is not inside a site's content folder: raw files keep their names, "
                     "and Pelican publishes these articles only once they are moved there", out)
        seeds = layout.seeds if layout else None
        withdrawn = layout.withdrawn if layout and layout.withdrawn.exists() else PROJECT_WITHDRAWN
        index = ArticleIndex(out)
        return cls(SeedKeeper(seeds, dry_run), index, WithdrawnList(withdrawn), layout,
                   Stories(index.headers))

    def raw_file_of(self, unit: ImportUnit) -> str:
        """The Raw_file of the file behind a unit (its copy into seeds is made by
        `keep_seed`)."""
        return self.keeper.place(file_of(unit))

    def placed(self, units: list[ImportUnit],
               ) -> tuple[list[ImportUnit], list[tuple[Path, str]]]:
        """The units whose raw file may be a seed, and (path, message) for the others (a
        symlink out of the seeds folder), before anything is read."""
        kept: list[ImportUnit] = []
        failures: list[tuple[Path, str]] = []
        refused: set[Path] = set()
        for unit in units:
            try:
                self.raw_file_of(unit)
            except ToolError as exc:
                if file_of(unit) not in refused:
                    failures.append((file_of(unit), str(exc)))
                    refused.add(file_of(unit))
                continue
            kept.append(unit)
        return kept, failures

    def listed_withdrawn(self, units: list[ImportUnit],
                         ) -> tuple[list[ImportUnit], list[tuple[ImportUnit, Withdrawal]]]:
        """The units not withdrawn by name (Raw_file and Raw_record: checked before reading, so
        a withdrawn broken record is never read), and the withdrawn ones with their entries.
        Inputs withdrawn by sha256 only are found once read (`withdrawal`)."""
        kept, withdrawn = [], []
        for unit in units:
            entry = self.withdrawn.match(self.raw_file_of(unit), getattr(unit, "where", ""), "")
            if entry:
                withdrawn.append((unit, entry))
            else:
                kept.append(unit)
        return kept, withdrawn

    def keep_seed(self, unit: ImportUnit, stated: dict[str, str] | None = None) -> list[str]:
        """Copy the unit's raw file into the seeds folder if it is not there yet, with what it
        was read with as its sidecar (an export's mapping; a file's own sidecar, or the
        `stated` options); notes saying what was written."""
        notes = [note] if (note := self.keeper.commit(file_of(unit))) else []
        if self.keeper.seeds is None:
            return notes
        seed = self.keeper.seeds / self.raw_file_of(unit)
        if isinstance(unit, RecordRef):
            saved = save_mapping(seed, unit.fields, self.keeper.dry_run)
        else:
            saved = keep_sidecar(unit, seed, stated or {}, self.keeper.dry_run)
        return notes + ([saved] if saved else [])

    def withdrawal(self, article: Article) -> Withdrawal | None:
        return self.withdrawn.match(article.raw_name, article.record, article.raw_sha256)

    def twin(self, article: Article) -> tuple[str, Path] | None:
        """(which input, its article) when another input with this one's very bytes has its
        article already: a second copy adds nothing (importing both would hand the article from
        one to the other on every run). The copy is another seed, or another record of the same
        export (a page a crawl fetched twice, or a later crawl found unchanged)."""
        if self.index is None:
            return None
        found = self.index.by_sha.get(article.raw_sha256)
        raw = self.index.origins[found][0] if found else None
        if found is None or not raw:
            return None
        if raw == article.raw_name:
            if not article.record or self.index.by_name.get((raw, article.record)) == found:
                return None
        elif self.keeper.seeds is None or not (self.keeper.seeds / raw).is_file():
            return None
        record = next((record for (name, record), path in self.index.by_name.items()
                       if path == found and name == raw), "")
        return f"the seed {raw}{' ' + record if record else ''}", found

    def target(self, article: Article, planned: Path) -> Path:
        """Where the article goes: where an editor moved it if it exists, else `planned`."""
        if self.index is None:
            return planned
        found = self.index.find(article.raw_name, article.record, article.raw_sha256)
        if found is not None and found != planned and found.exists():
            log.info("%s: updating %s, where its article now is", article.path, found)
            return found
        return planned

    def remember(self, article: Article, target: Path) -> None:
        if self.index is not None:
            self.index.add(target, article.raw_name, article.record, article.raw_sha256)


def file_of(unit: ImportUnit) -> Path:
    return unit.path if isinstance(unit, RecordRef) else unit


def review_of(text: str) -> str:
    """The `Review:` header field of rendered Markdown ("" when not marked for review)."""
    head = text.split("\n\n", 1)[0]
    match = _REVIEW.search(head)
    return match.group(1).strip() if match else ""


def collect_units(files: Sequence[Path], fields: FieldMap,
                  ) -> tuple[list[ImportUnit], list[tuple[Path, str]], list[tuple[Path, str]]]:
    """Each raw file, and each record of each export; exports that cannot be listed (a mapped
    column missing, not a WARC file) as (path, message) failures; and for each WARC file whose
    records are not all pages, (path, what was left out)."""
    units: list[ImportUnit] = []
    failures: list[tuple[Path, str]] = []
    left_out: list[tuple[Path, str]] = []
    for path in files:
        if not is_export(path):
            units.append(path)
            continue
        why: Counter[str] = Counter()
        try:
            refs = list(expand(path, fields, why))
        except ToolError as exc:
            failures.append((path, str(exc)))
            continue
        except OSError as exc:
            failures.append((path, f"{path}: cannot read ({exc.strerror})"))
            continue
        units.extend(refs)
        if why:
            counts = ", ".join(f"{n} {reason}" for reason, n in why.most_common())
            left_out.append((path, f"{why.total()} of {why.total() + len(refs)} records hold "
                                   f"no article ({counts}): left out"))
    return units, failures, left_out


def skip_imported(units: list[ImportUnit], context: Context) -> list[ImportUnit]:
    """Leave out inputs an article already comes from (by Raw_file + Raw_record or sha256), and
    records already decided by their bytes (a copy of an imported page, withdrawn by sha256):
    their notes are no news on the next build."""
    index = context.index
    if index is None:
        return units
    seeds = context.keeper.seeds
    fresh = []
    for unit in units:
        if isinstance(unit, RecordRef):
            name = _in_seeds(unit.path, seeds)
            if name is not None and index.find(name, unit.where):
                continue
            if _decided_by_bytes(unit, context):
                continue
        elif index.has_file(unit, _in_seeds(unit, seeds)):
            continue
        fresh.append(unit)
    if len(fresh) < len(units):
        log.info("%d raw inputs already imported; skipped", len(units) - len(fresh))
    return fresh


def _decided_by_bytes(unit: RecordRef, context: Context) -> bool:
    """True when an article already holds this record's bytes, or they are withdrawn. Its
    bytes are known only once read (cheap: the stages after reading do not run); a record that
    cannot be read is kept, for the import to say why."""
    try:
        sha = read_unit(unit).raw_sha256
    except (ToolError, OSError, ValueError):
        return False
    if not sha:
        return False
    imported = context.index is not None and sha in context.index.by_sha
    return imported or context.withdrawn.match("", "", sha) is not None


def _in_seeds(path: Path, seeds: Path | None) -> str | None:
    """The Raw_file a file in the seeds folder has (its name when there is no seeds folder);
    None for a file elsewhere (it is found by its sha256 instead)."""
    if seeds is None:
        return path.name
    try:
        return path.absolute().relative_to(seeds.absolute()).as_posix()
    except ValueError:
        return None
