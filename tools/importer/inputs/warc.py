"""WARC files (web archives, plain or gzipped per record), read with warcio: every page a site
served becomes one article: a `response` record holding an HTML page (2xx), or a `resource`
record holding HTML or plain text, at an http(s) address. Requests, metadata, `warcinfo` and
`revisit` records hold no article and are skipped, and so are the other texts crawlers keep:
robots.txt and other plain text a server sends, wget's own log and arguments
(`metadata://gnu.org/...` resources), Browsertrix's copy of each page's text (`urn:text:...`).

Records are numbered as they stand in the file (the first, usually `warcinfo`, is record 1),
and each is read again from its byte offset when it is imported. Its Raw_sha256 is the sha256
of the page as the server sent it (the HTTP payload, after transfer and content decoding).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tools.errors import InputError
from tools.importer.article import Article
from tools.importer.inputs import RecordRef
from tools.importer.read import MAX_BYTES, article_from_bytes

log = logging.getLogger(__name__)
HTML = ("text/html", "application/xhtml+xml")
TEXTUAL = (*HTML, "text/plain")
WEB = ("http://", "https://")


def _content_type(record) -> str:  # noqa: ANN001 - warcio's ArcWarcRecord
    if record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def _wanted(record) -> bool:  # noqa: ANN001
    """Whether the record holds a page of a site (module docstring)."""
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").lower()
    if not url.startswith(WEB):
        return False
    if record.rec_type == "resource":
        return _content_type(record).startswith(TEXTUAL)
    return record.rec_type == "response" and record.http_headers is not None \
        and (record.http_headers.get_statuscode() or "").startswith("2") \
        and _content_type(record).startswith(HTML)


def warc_records(path: Path) -> Iterator[RecordRef]:
    """The article records of one WARC file (InputError when it is not a WARC file)."""
    refs = []
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            for number, record in enumerate(records, 1):
                if record.format != "warc":  # warcio reads any text as an old ARC record
                    raise ArchiveLoadFailed(f"record {number} is not a WARC record")
                if _wanted(record):
                    start = records.get_record_offset()
                    refs.append(RecordRef(path, f"record {number}", start, start))
                else:
                    log.debug("%s record %d: %s, no article", path, number, record.rec_type)
    except ArchiveLoadFailed as exc:
        raise InputError(f"{path}: not a readable WARC file ({exc}); check the file") from exc
    if not refs:
        raise InputError(f"{path}: no HTML or text page in this WARC file")
    return iter(refs)


def read_warc_record(ref: RecordRef) -> Article:
    """The page of one WARC record as an Article, with the record's URL."""
    try:
        with ref.path.open("rb") as handle:
            handle.seek(ref.start)
            record = next(iter(ArchiveIterator(handle)))
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            is_html = "html" in _content_type(record)
            data = record.content_stream().read(MAX_BYTES + 1)
    except (ArchiveLoadFailed, StopIteration, OSError, ValueError) as exc:
        raise InputError(f"{ref}: cannot read the record ({exc})") from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"{ref}: the page is over the 5 MB limit; is this really one article?")
    if not data.strip():
        raise InputError(f"{ref}: the record holds no page (empty payload)")
    article = article_from_bytes(ref.path, data, is_html, ref.where)
    article.raw_sha256 = hashlib.sha256(data).hexdigest()
    article.record = ref.where
    if url:
        article.known["url"] = url
    return article
