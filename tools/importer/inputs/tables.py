"""CSV and JSON exports: one article per row (CSV, header in row 1, rows counted as a
spreadsheet shows them; cells split by commas, or by the semicolons, tabs or bars the header
row uses), per non-blank line (JSON Lines, one object a line) or per object of a JSON array
(`item N`, as Scrapy's `-o items.json` writes).

A record's Raw_sha256 is the sha256 of its own bytes as they stand in the file (the row's
line or lines, the JSON line or object, without the line break), so anyone can find and verify
it there.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path

from tools.errors import InputError
from tools.importer.article import Article
from tools.importer.inputs import FieldMap, RecordRef
from tools.importer.inputs.export_dates import ExportDateError, column_order, parse_export_date
from tools.importer.read import MAX_BYTES, article_from_bytes, decode

SAMPLE = 1 << 16
CHUNK = 1 << 20  # bytes of a JSON array read at a time
DELIMITERS = ",;\t|"  # the comma first: it wins a tie
LOOKS_HTML = re.compile(r"<(?:p|div|br|article|html|body|h[1-6]|span|a)\b", re.I)
_headers: dict[Path, tuple[str, ...]] = {}  # CSV header of each export listed in this process
# a cell may hold a whole saved page: allow one as large as an article may be (csv's default
# of 128 KB would refuse many); the limit is the csv module's, for the process
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))


def export_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the start of the file is; else the guessed code page.
    Refuses UTF-16/32, whose line breaks are not one byte."""
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8-sig" if sample.startswith(codecs.BOM_UTF8) else "utf-8"
    except UnicodeDecodeError:
        pass
    _, encoding = decode(sample)
    if not encoding or encoding.replace("_", "-").startswith(("utf-16", "utf-32")):
        raise InputError(f"{path}: cannot tell the export's text encoding (or it is UTF-16); "
                         "re-save it as UTF-8")
    return encoding


def _lines(path: Path, encoding: str, where: list[int]) -> Iterator[str]:
    """Decoded lines; `where[0]` is the byte offset after the last line given out."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            where[0] += len(raw)
            try:
                yield raw.decode(encoding if number == 1 else encoding.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise InputError(f"{path} line {number}: not {encoding} text ({exc.reason}); "
                                 "re-save the export as UTF-8") from exc


def table_records(path: Path, fields: FieldMap) -> Iterator[RecordRef]:
    name = path.name.lower()
    if name.endswith(".csv"):
        return _csv_records(path, fields)
    if name.endswith(".json") and _opens_array(path):
        return _json_array_records(path, fields)
    if name.endswith(".json") and not _first_line_is_json(path):
        raise InputError(f"{path}: holds one JSON object, not a list of articles; export JSON "
                         "Lines or an array, e.g. `jq -c '.articles[]' export.json > "
                         "export.jsonl` when they are a list under `articles`")
    return _jsonl_records(path, fields)


def _first_line_is_json(path: Path) -> bool:
    """Whether a .json file reads as JSON Lines (its first non-blank line one whole value)."""
    with path.open("rb") as handle:
        while line := handle.readline(MAX_BYTES + 1):
            if line.strip():
                try:
                    json.loads(line)
                except ValueError:
                    return False
                return True
    return True


def delimiter_of(header: str) -> str:
    """The cell delimiter a CSV header row uses most: spreadsheets in locales whose decimal
    mark is a comma (Indonesian, most of Europe) save with semicolons."""
    return max(DELIMITERS, key=header.count)


def _csv_records(path: Path, fields: FieldMap) -> Iterator[RecordRef]:
    encoding = export_encoding(path)
    offset = [0]
    lines = _lines(path, encoding, offset)
    first = next(lines, "")
    delimiter = delimiter_of(first)
    reader = csv.reader(chain([first] if first else [], lines), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise InputError(f"{path}: the export is empty") from None
    except csv.Error as exc:
        raise InputError(f"{path} row 1: not a CSV header ({exc})") from exc
    chosen = _check_columns(path, fields, header)
    # rows keep the mapping as given: each row's own cells are checked when it is read
    _headers[path] = tuple(header)
    refs, dates = [], []
    date_at = header.index(chosen.column("date")) if chosen.column("date") else None
    start, row = offset[0], 1
    try:
        for cells in reader:
            row += 1
            if any(cell.strip() for cell in cells):
                refs.append(RecordRef(path, f"row {row}", start, offset[0], fields,
                                      encoding=encoding, delimiter=delimiter))
                if date_at is not None and date_at < len(cells):
                    dates.append(cells[date_at])
            start = offset[0]
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise InputError(f"{path} row {row + 1}: a cell is over the 5 MB limit of one "
                             "article; is this really one article?") from exc
        raise InputError(f"{path} row {row + 1}: broken CSV ({exc}); fix the row") from exc
    return _with_order(refs, dates)


def _check_columns(path: Path, fields: FieldMap, header: list[str]) -> FieldMap:
    """The mapping for this header; a mapped column the header lacks is an error."""
    for name, column in fields.columns:
        if column not in header:
            raise InputError(f"{path} row 1: no column {column!r} (mapped to {name} by --map); "
                             f"the columns are {', '.join(map(repr, header))}")
    chosen = fields.pick(header)
    if not chosen.column("body"):
        raise InputError(f"{path} row 1: no column holds the article text; name it with "
                         "--map body=COLUMN")
    return chosen


def _with_order(refs: list[RecordRef], dates: list[str]) -> Iterator[RecordRef]:
    order = column_order(dates)
    return iter([replace(ref, date_order=order) for ref in refs] if order else refs)


def _jsonl_records(path: Path, fields: FieldMap) -> Iterator[RecordRef]:
    encoding = export_encoding(path)
    offset = [0]
    refs, dates = [], []
    start = 0
    for number, line in enumerate(_lines(path, encoding, offset), 1):
        if line.strip():
            refs.append(RecordRef(path, f"line {number}", start, offset[0], fields,
                                  encoding=encoding))
            dates.append(_json_date(line, fields))
        start = offset[0]
    return _with_order(refs, dates)


def _opens_array(path: Path) -> bool:
    """Whether a .json file holds one array (else it is read as JSON Lines)."""
    with path.open("rb") as handle:
        return handle.read(SAMPLE).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")


def _json_array_records(path: Path, fields: FieldMap) -> Iterator[RecordRef]:
    encoding = export_encoding(path)
    if not encoding.startswith("utf-8"):
        raise InputError(f"{path}: a JSON export must be UTF-8 text; re-save it as UTF-8")
    refs, dates = [], []
    for number, (start, end, item) in enumerate(_array_items(path), 1):
        refs.append(RecordRef(path, f"item {number}", start, end, fields, encoding=encoding))
        dates.append(_json_date(item, fields))
    return _with_order(refs, dates)


def _array_items(path: Path) -> Iterator[tuple[int, int, str]]:
    """(start byte, end byte, text) of each value of the file's top-level array, read a
    chunk at a time, so only the value being read sits in memory."""
    decoder = json.JSONDecoder()
    with path.open("rb") as handle:
        text = _Buffer(handle)
        if text.peek() != "[":
            raise InputError(f"{path}: not a JSON array; export JSON Lines or an array of objects")
        text.at += 1
        if text.peek() == "]":
            return
        while True:
            text.peek()  # raw_decode does not skip white space
            try:
                _, end = decoder.raw_decode(text.text, text.at)
            except json.JSONDecodeError as exc:
                if text.more():
                    continue
                raise InputError(f"{path} line {text.line(exc.pos)}: broken JSON ({exc.msg}); "
                                 "fix the file") from exc
            start = text.byte(text.at)
            item = text.text[text.at:end]
            yield start, start + len(item.encode()), item
            text.drop(end)
            mark = text.peek()
            if mark == "]":
                return
            if mark != ",":
                raise InputError(f"{path} line {text.line(text.at)}: broken JSON (expected ',' "
                                 "or ']' after an item); fix the file")
            text.at += 1


class _Buffer:
    """The part of a UTF-8 file not yet read as JSON, with the byte offset and the line where
    it starts."""

    def __init__(self, handle: io.BufferedReader) -> None:
        self.handle, self.decoder = handle, codecs.getincrementaldecoder("utf-8")()
        bom = handle.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8
        handle.seek(len(codecs.BOM_UTF8) if bom else 0)
        self.text, self.at = "", 0
        self.start, self.start_line = handle.tell(), 1  # of text[0]

    def more(self) -> bool:
        """Read on (at least doubling what is held, so a long item is not re-read often)."""
        chunk = self.handle.read(max(CHUNK, len(self.text)))
        self.text += self.decoder.decode(chunk, final=not chunk)
        return bool(chunk)

    def peek(self) -> str:
        """The next character that is not white space ("" at the end), moving `at` to it."""
        while True:
            while self.at < len(self.text) and self.text[self.at] in " \t\r\n":
                self.at += 1
            if self.at < len(self.text) or not self.more():
                return self.text[self.at:self.at + 1]

    def byte(self, position: int) -> int:
        return self.start + len(self.text[:position].encode())

    def line(self, position: int) -> int:
        return self.start_line + self.text.count("\n", 0, position)

    def drop(self, end: int) -> None:
        self.start, self.start_line = self.byte(end), self.line(end)
        self.text, self.at = self.text[end:], 0


def _json_date(line: str, fields: FieldMap) -> str:
    try:
        record = json.loads(line)
        value = _lookup(record, fields.pick(list(record)).column("date") or "")
    except (ValueError, AttributeError, TypeError):
        return ""
    return value if isinstance(value, str) else ""


_MISSING = object()


def _lookup(record: dict, key: str) -> object:
    """The value under `key`, or under a dotted path of keys (`meta.title`); _MISSING if none."""
    if key in record:
        return record[key]
    value: object = record
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def _as_text(name: str, value: object) -> str:
    """A field's value as text: a list of paragraphs (or names) joined."""
    if value is None:
        return ""
    if isinstance(value, list):
        parts = [_as_text(name, item) for item in value]
        return ("\n\n" if name == "body" else ", ").join(p for p in parts if p)
    return str(value).strip()


def _record_bytes(ref: RecordRef) -> bytes:
    with ref.path.open("rb") as handle:
        handle.seek(ref.start)
        return handle.read(ref.end - ref.start)


def _values(ref: RecordRef, text: str) -> dict[str, str]:
    """The record's fields by name (InputError naming the record for a bad record)."""
    if ref.where.startswith("row"):
        header = _headers.get(ref.path) or tuple(next(csv.reader(
            _lines(ref.path, ref.encoding, [0]), delimiter=ref.delimiter)))
        try:
            (cells,) = list(csv.reader(io.StringIO(text, newline=""), delimiter=ref.delimiter))
        except (ValueError, csv.Error) as exc:
            raise InputError(f"{ref}: cannot read the row ({exc})") from exc
        record = dict(zip((h.strip() for h in header), cells, strict=False))
    else:
        try:
            record = json.loads(text)
        except ValueError as exc:
            raise InputError(f"{ref}: not valid JSON ({exc}); fix or remove the line") from exc
        if not isinstance(record, dict):
            raise InputError(f"{ref}: holds a JSON {type(record).__name__}, not an object")
    return _mapped(ref, record)


def _mapped(ref: RecordRef, record: dict) -> dict[str, str]:
    """Mapped fields (each must be there), plus fields found under their own names."""
    kind = "column" if ref.where.startswith("row") else "key"
    missing = [(name, column) for name, column in ref.fields.columns
               if _lookup(record, column) is _MISSING]
    if missing:
        names = ", ".join(f"{column!r} (mapped to {name})" for name, column in missing)
        raise InputError(f"{ref}: no value in {kind}{'s' * (len(missing) > 1)} {names}; the "
                         "record is shorter than the header, or the mapping is wrong")
    chosen = ref.fields.pick(list(record))
    if not chosen.column("body"):
        raise InputError(f"{ref}: no {kind} holds the article text; name it with "
                         "--map body=NAME")
    values = {name: _lookup(record, column) for name, column in chosen.columns}
    for name, column in ref.fields.columns:  # an object where the editor mapped a field
        value = values[name]
        if isinstance(value, dict):
            raise InputError(f"{ref}: {kind} {column!r} (mapped to {name}) holds an object with "
                             f"keys {', '.join(map(repr, value))}; map one of them, e.g. "
                             f"--map {name}={column}.{next(iter(value), 'text')}")
    # a key only named like a field that holds an object (`publisher: {...}`) is not that field
    return {name: _as_text(name, value) for name, value in values.items()
            if not isinstance(value, dict)}


def read_table_record(ref: RecordRef) -> Article:
    """One row or JSON line as an Article whose text is the body field."""
    data = _record_bytes(ref).rstrip(b"\r\n")
    text = data.decode(ref.encoding.replace("-sig", ""), errors="strict")
    values = _values(ref, text)
    body = values.get("body", "")
    if not body:
        raise InputError(f"{ref}: the article text ({ref.fields.column('body')!r}) is empty")
    article = article_from_bytes(ref.path, body.encode("utf-8"), bool(LOOKS_HTML.search(body)),
                                 ref.where)
    article.raw_sha256 = hashlib.sha256(data).hexdigest()
    article.encoding = ref.encoding.replace("-sig", "")
    article.record = ref.where
    for name in ("title", "url", "source", "lang", "author", "editor"):
        if values.get(name):
            article.known[name] = " ".join(values[name].split())
    if values.get("date"):
        try:
            article.known["date"] = parse_export_date(values["date"], ref.date_order,
                                                      ref.fields.date_format)
        except ExportDateError as exc:
            raise InputError(f"{ref}: {exc}") from exc
    return article
