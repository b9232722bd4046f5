"""Scraper exports as inputs: every row of a CSV, object of a JSON array or JSON Lines file, or
page of a WARC file becomes one article, with its own provenance (the export's Raw_file, the
record's `Raw_record` and the sha256 of the record's own bytes).

An export is listed once (`expand`), keeping only where each record starts and ends, and each
record is read again when it is imported (`read_unit`), so a large export never sits in memory.
The fields of a table come from a mapping (`--map title=judul,url=tautan,...`, or `map:` in the
export's `<name>.yaml` sidecar), else from columns named like the fields.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tools.errors import InputError
from tools.importer.article import Article
from tools.importer.frontmatter import KEYS

TABLE_SUFFIXES = (".csv", ".json", ".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
EXPORT_SUFFIXES = TABLE_SUFFIXES + WARC_SUFFIXES
FIELDS = ("title", "body", "date", "url", "source", "lang", "author", "editor")
# columns that hold the text when no mapping names one (news-please writes `maintext`)
BODY_COLUMNS = ("body", "text", "content", "maintext", "article", "isi", "isi_berita")


@dataclass(frozen=True)
class FieldMap:
    """Which column (CSV) or key (JSON; `meta.title` for a key inside a key) holds each
    field; `date_format`: strptime format of the date column when it cannot be told from its
    values."""

    columns: tuple[tuple[str, str], ...] = ()  # (field, column)
    date_format: str = ""

    def column(self, name: str) -> str | None:
        return dict(self.columns).get(name)

    def pick(self, header: list[str] | None) -> FieldMap:
        """Mapped columns, plus columns named like an unmapped field: its name, or a name
        front matter uses for it (`headline`, `published`, `authors`, `judul`, ...)."""
        chosen = dict(self.columns)
        named = {column.casefold(): column for column in header or ()}
        for name in FIELDS:
            if name not in chosen:
                aliases = BODY_COLUMNS if name == "body" else \
                    (name, *(key for key, field in KEYS.items() if field == name))
                found = [named[a] for a in aliases if a in named]
                if found:
                    chosen[name] = found[0]
        return FieldMap(tuple(sorted(chosen.items())), self.date_format)


def parse_map(text: str) -> FieldMap:
    """`title=judul,url=tautan,date=tanggal,body=isi_berita` → FieldMap (ToolError if odd)."""
    pairs = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, sep, column = (s.strip() for s in item.partition("="))
        if not sep or not column or name not in FIELDS:
            raise InputError(f"--map {text!r}: {item!r} should be FIELD=COLUMN with FIELD one of "
                             f"{', '.join(FIELDS)}")
        pairs.append((name, column))
    return FieldMap(tuple(sorted(pairs)))


@dataclass(frozen=True, slots=True)
class RecordRef:
    """One record of an export: where its bytes are, and how to read them. Only these are
    kept for a whole export (~220 bytes a record, measured on 100,000 CSV rows)."""

    path: Path
    where: str  # "row 7", "line 3", "item 5", "record 2"
    start: int  # byte offsets of the record in the file
    end: int
    fields: FieldMap = field(default=FieldMap(), compare=False)
    encoding: str = "utf-8"  # of the whole export (tools.importer.inputs.tables.export_encoding)
    date_order: str = ""  # "dmy" or "mdy" when the export's dates are d/m/y or m/d/y
    delimiter: str = ","  # of a CSV export's cells (tools.importer.inputs.tables.delimiter_of)

    @property
    def name(self) -> str:
        return self.path.name

    def __str__(self) -> str:
        return f"{self.path} {self.where}"


def is_export(path: Path) -> bool:
    return path.name.lower().endswith(EXPORT_SUFFIXES)


def sidecar_fields(path: Path, given: FieldMap) -> FieldMap:
    """`given` (--map, --date-format), completed by `map:` and `date_format:` from the export's
    `<name>.yaml` sidecar, so `make import` reads an export in seeds/ the same way."""
    sidecar = path.with_suffix(".yaml")
    if given.columns and given.date_format or not sidecar.is_file():
        return given
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problem = " ".join(str(exc).split())
        raise InputError(f"{path}: its sidecar {sidecar.name} cannot be read ({problem}); "
                         "fix or remove it") from exc
    mapping = data.get("map") if isinstance(data, dict) else None
    columns = given.columns
    if not columns and mapping is not None:
        if not isinstance(mapping, dict):
            raise InputError(f"{sidecar}: `map:` should hold `field: column` lines")
        columns = parse_map(",".join(f"{k}={v}" for k, v in mapping.items())).columns
    date_format = given.date_format or str(data.get("date_format") or "") \
        if isinstance(data, dict) else given.date_format
    return FieldMap(columns, date_format)


def save_mapping(seed: Path, fields: FieldMap, dry_run: bool = False) -> str:
    """Write the mapping an export was imported with as the sidecar of its seed (when it has
    none), so `make import` reads it the same way; a note saying so, else ""."""
    sidecar = seed.with_suffix(".yaml")
    if not (fields.columns or fields.date_format) or sidecar.exists():
        return ""
    data: dict[str, object] = {"map": dict(fields.columns)} if fields.columns else {}
    if fields.date_format:
        data["date_format"] = fields.date_format
    if not dry_run:
        from tools.importer.write import atomic_write

        atomic_write(sidecar, yaml.safe_dump(data, allow_unicode=True, sort_keys=True))
    verb = "would be saved" if dry_run else "saved"
    from tools.importer.seeds import shown

    return f"the export's field mapping {verb} as {shown(sidecar)}, for later imports of the seed"


def expand(path: Path, fields: FieldMap,
           left_out: Counter[str] | None = None) -> Iterator[RecordRef]:
    """The records of one export, in file order (InputError for a missing mapped column);
    `left_out` counts a WARC file's records that hold no page, by why."""
    fields = sidecar_fields(path, fields)
    if path.name.lower().endswith(WARC_SUFFIXES):
        from tools.importer.inputs.warc import warc_records

        return warc_records(path, left_out)
    from tools.importer.inputs.tables import table_records

    return table_records(path, fields)


def read_unit(unit: Path | RecordRef) -> Article:
    """A raw file (tools.importer.read) or one record of an export, as an Article."""
    if isinstance(unit, RecordRef):
        if unit.path.name.lower().endswith(WARC_SUFFIXES):
            from tools.importer.inputs.warc import read_warc_record

            return read_warc_record(unit)
        from tools.importer.inputs.tables import read_table_record

        return read_table_record(unit)
    from tools.importer.read import read_input

    return read_input(unit)
