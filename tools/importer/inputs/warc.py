"""WARC files (web archives, plain or gzipped per record), read with warcio: every page a site
served becomes one article: a `response` record holding an HTML page (2xx), or a `resource`
record holding HTML or plain text, at an http(s) address. Requests, metadata, `warcinfo` and
`revisit` records hold no article and are skipped, and so are the other texts crawlers keep:
robots.txt and other plain text a server sends, wget's own log and arguments
(`metadata://gnu.org/...` resources), Browsertrix's copy of each page's text (`urn:text:...`),
and a site's home page (`https://site/`). A page fetched twice is read from its first capture.

Records are numbered as they stand in the file (the first, usually `warcinfo`, is record 1),
and each is read again from its byte offset when it is imported. Its Raw_sha256 is the sha256
of the page as the server sent it (the HTTP payload, after transfer and content decoding).
A file cut off (a crawl interrupted) or damaged part way imports up to there: the record where
it breaks is refused in one line, and can be withdrawn like any record; so is a page the crawler
itself kept only part of (`WARC-Truncated`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from tools.errors import InputError
from tools.importer.article import Article
from tools.importer.inputs import RecordRef
from tools.importer.read import MAX_BYTES, article_from_bytes

HTML = ("text/html", "application/xhtml+xml")
TEXTUAL = (*HTML, "text/plain")
WEB = ("http://", "https://")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""")


def _content_type(record) -> str:  # noqa: ANN001 - warcio's ArcWarcRecord
    if record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def _charset(content_type: str) -> str:
    """The charset a Content-Type names (`text/html; charset=windows-1251`), else ""."""
    match = _CHARSET.search(content_type)
    return match.group(1) if match else ""


def _unreadable_encoding(record: ArcWarcRecord) -> str:
    """The Content-Encoding warcio leaves undone (`br`, `zstd`: the page would read as binary
    data), else ""."""
    encoding = (record.http_headers.get_header("Content-Encoding") or "").strip().lower() \
        if record.http_headers else ""
    readable = (*BufferedReader.get_supported_decompressors(), "", "identity")
    return "" if encoding in readable else encoding


def _is_home(url: str) -> bool:
    """A site's root address: the home page a crawl starts from lists articles, it is none."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def _left_out(record: ArcWarcRecord) -> str:
    """Why the record holds no page of a site (module docstring), or "" when it holds one."""
    if record.rec_type not in ("response", "resource"):
        return record.rec_type or "unknown"
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").lower()
    if not url.startswith(WEB):
        return "crawler's own"
    if _is_home(url):
        return "home page"
    if record.rec_type == "response":
        status = record.http_headers.get_statuscode() if record.http_headers else ""
        if not (status or "").startswith("2"):
            return f"status {status or 'unknown'}"
    if not _content_type(record).startswith(TEXTUAL if record.rec_type == "resource" else HTML):
        return "not HTML"
    return ""


class _Damaged(Exception):
    """No whole WARC record at this byte: the file ends inside it, or holds something else."""

    def __init__(self, problem: str, number: int, offset: int) -> None:
        super().__init__(problem)
        self.number, self.offset = number, offset


# warcio raises AttributeError on a response record whose headers end before WARC-Target-URI
_UNREADABLE = (ArchiveLoadFailed, AttributeError)
CUT_OFF = "the file ends inside this record: the crawl was interrupted or the copy is incomplete"
NOT_A_RECORD = ("the file is damaged here (no WARC record starts at this byte), and the records "
                "after it cannot be read")
AFTER_DAMAGE = ("the pages before it are imported, this one cannot be: import a complete copy of "
                "the file, or withdraw this record")
BLOCK = 1 << 16


def _next(records: ArchiveIterator, number: int, offset: int) -> ArcWarcRecord | None:
    """The next record (None at the end of the file); _Damaged where no record can be read.
    Whether it is whole is for the caller to check (`_whole`) once it has read what it needs:
    warcio reads a record the file ends inside as if it were complete."""
    try:
        record = next(records, None)
    except _UNREADABLE as exc:
        raise _Damaged(NOT_A_RECORD, number, offset) from exc
    if record is not None and record.format != "warc":  # warcio reads any text as ARC
        raise _Damaged(NOT_A_RECORD, number, offset)
    return record


def _whole(record: ArcWarcRecord) -> bool:
    """Whether the record holds all the bytes its Content-Length announces (read to its end)."""
    while record.raw_stream.read(BLOCK):
        pass
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    return length.isdigit() and record.raw_stream.tell() >= int(length)


def warc_records(path: Path, left_out: Counter[str] | None = None) -> Iterator[RecordRef]:
    """The page records of one WARC file, in file order; `left_out` counts the others by why.
    Where the file is damaged or cut off, that record is listed too (it is refused when read,
    naming the damage), so the pages before it still import. InputError when not even the first
    record reads, or none holds a page."""
    refs, number, end, pages = [], 1, 0, set()
    left_out = Counter() if left_out is None else left_out
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        try:
            while (record := _next(records, number, end)) is not None:
                why, whole = _left_out(record), _whole(record)
                start = records.get_record_offset()
                if not whole:
                    raise _Damaged(CUT_OFF, number, start)
                url = record.rec_headers.get_header("WARC-Target-URI")
                if not why and url in pages:  # a page fetched again (its counters changed)
                    why = "later capture of a page"
                if why:
                    left_out[why] += 1
                else:
                    pages.add(url)
                    refs.append(RecordRef(path, f"record {number}", start, start))
                number, end = number + 1, start + records.get_record_length()
            handle.seek(end)
            if handle.read(BLOCK).strip():  # a last gzip member cut off before its record
                raise _Damaged(CUT_OFF, number, end)
        except _Damaged as exc:
            if exc.number == 1:
                raise InputError(f"{path}: not a readable WARC file ({exc}); check the file") \
                    from exc
            refs.append(RecordRef(path, f"record {exc.number}", exc.offset, exc.offset))
    if not refs:
        what = "the file is empty" if number == 1 else "no HTML or text page in this WARC file"
        raise InputError(f"{path}: {what}; there is nothing to import from it")
    return iter(refs)


def read_warc_record(ref: RecordRef) -> Article:
    """The page of one WARC record as an Article, with the record's URL."""
    try:
        with ref.path.open("rb") as handle:
            handle.seek(ref.start)
            record = _next(ArchiveIterator(handle), 0, ref.start)
            if record is None:
                raise _Damaged(CUT_OFF, 0, ref.start)
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            truncated = record.rec_headers.get_header("WARC-Truncated")  # length, time...
            encoding = _unreadable_encoding(record)
            content_type = _content_type(record)
            data = record.content_stream().read(MAX_BYTES + 1)
            if not _whole(record):
                raise _Damaged(CUT_OFF, 0, ref.start)
    except _Damaged as exc:
        raise InputError(f"{ref} (byte {ref.start}): {exc}; {AFTER_DAMAGE}") from exc
    except (OSError, ValueError) as exc:
        raise InputError(f"{ref}: cannot read the record ({exc})") from exc
    if encoding:
        raise InputError(f"{ref}: the page is compressed as {encoding} (Content-Encoding), which "
                         "warcio cannot undo; withdraw the record")
    if truncated:
        raise InputError(f"{ref}: the crawler kept only part of this page (WARC-Truncated: "
                         f"{truncated}); crawl it again, or withdraw the record")
    if len(data) > MAX_BYTES:
        raise InputError(f"{ref}: the page is over the 5 MB limit; is this really one article?")
    if not data.strip():
        raise InputError(f"{ref}: the record holds no page (empty payload)")
    article = article_from_bytes(ref.path, data, "html" in content_type, ref.where,
                                 _charset(content_type))
    article.raw_sha256 = hashlib.sha256(data).hexdigest()
    article.record = ref.where
    if url:
        article.known["url"] = url
    return article
