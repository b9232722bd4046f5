"""Stage 1: raw bytes → normalised text. Raw inputs are opened read-only and never modified."""

from __future__ import annotations

import codecs
import email
import hashlib
import logging
import re
import unicodedata
import warnings
from pathlib import Path

from tools.errors import InputError
from tools.importer.article import Article
from tools.importer.markdown_in import looks_like_markdown, markdown_text

log = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm"}
MHTML_SUFFIXES = {".mhtml", ".mht"}  # a browser's "save as single file": the page in MIME
MHTML_FACTOR = 10  # an MHTML file also holds the page's images
_SHEET = "save the sheet as CSV (UTF-8) and import that"
BINARY_HINTS = {".xlsx": _SHEET, ".xls": _SHEET, ".ods": _SHEET,
                ".pdf": "save its text first (e.g. `pdftotext -layout file.pdf`) and import that",
                ".docx": "save it as plain text (.txt) and import that",
                ".doc": "save it as plain text (.txt) and import that"}
TEXT_SUFFIXES = {".txt"}
INPUT_SUFFIXES = HTML_SUFFIXES | MHTML_SUFFIXES | TEXT_SUFFIXES

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")  # faster than translate
_BINARY_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE_RUNS = re.compile("  +")
_DROPPED = re.compile(f"{_ZERO_WIDTH.pattern[:-1]}{_CONTROL.pattern[1:]}")  # one pass for both
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# What UTF-8 becomes when read as Latin-1 or Windows-1252 (mojibake, `â€™` for `’`): a lead
# byte's character (Â..ô) right before a continuation byte's. Only text showing it is handed to
# ftfy, whose own check costs ~2.6 ms a page against this one's ~0.05 ms.
_CONTINUATION = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039" \
    "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")


def read_input(path: Path) -> Article:
    """Read one raw file into an Article, refusing empty, oversized, binary or undecodable input."""
    size = path.stat().st_size  # checked before reading: never load a huge file
    if not (path.name.isprintable() and " ".join(path.name.split()) == path.name):
        raise InputError(f"{path}: the file name has undecodable bytes, control characters or "
                         "odd spaces, which the article's Raw_file line cannot keep; rename it")
    if size == 0:
        raise InputError(f"{path}: the file is empty; remove it or paste the article in")
    mhtml = path.suffix.lower() in MHTML_SUFFIXES
    if size > MAX_BYTES * (MHTML_FACTOR if mhtml else 1):
        raise InputError(f"{path}: {size} bytes is over the {'50' if mhtml else '5'} MB limit; "
                         "is this really one article?")
    with path.open("rb") as handle:
        data = handle.read()
    if mhtml:
        page, url = mhtml_page(path, data)
        if len(page) > MAX_BYTES:
            raise InputError(f"{path}: its page is over the 5 MB limit; is this really one "
                             "article?")
        article = article_from_bytes(path, page, html=True)
        article.raw_sha256 = hashlib.sha256(data).hexdigest()
        if url:
            article.known["url"] = url
        return article
    return article_from_bytes(path, data, html=_is_html(path, data))


def mhtml_page(path: Path, data: bytes) -> tuple[bytes, str]:
    """The HTML page of an MHTML file (its first text/html part, as UTF-8) and the address it
    was saved from."""
    message = email.message_from_bytes(data)
    url = message.get("Snapshot-Content-Location", "")
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset() or "utf-8"
            try:
                page = payload.decode(charset).encode("utf-8")
            except (LookupError, UnicodeDecodeError):
                page = payload  # the page's own <meta charset> or detection decides
            return page, url or part.get("Content-Location", "")
    raise InputError(f"{path}: no HTML page in this MHTML file; save the page again as HTML")


def article_from_bytes(path: Path, data: bytes, html: bool, where: str = "",
                       charset: str = "") -> Article:
    """An Article from raw bytes (a file, or one record of an export: `where` names it in
    messages, e.g. "row 7"; `charset` as its server declared it); refuses binary, undecodable
    or blank input."""
    place = f"{path} {where}".strip()
    if _bom_encoding(data) is None and _looks_binary(data):  # UTF-16 text is full of NULs
        hint = BINARY_HINTS.get(path.suffix.lower(), "remove it from the input")
        raise InputError(f"{place}: this is binary data, not text or HTML; {hint}")
    kind = "html" if html else "text"
    text, encoding = decode(data, kind, charset)
    if text is None:
        raise InputError(f"{place}: cannot decode the text (not UTF-8, no usable charset); "
                         "re-save it as UTF-8")
    repaired = repair_mojibake(text)
    text = normalise(repaired or text, kind)
    markdown = kind == "text" and looks_like_markdown(text)
    if markdown:
        text = normalise(markdown_text(text))
    if not text.strip():
        raise InputError(f"{place}: holds only whitespace; remove it or add the article")
    art = Article(path=path, raw_sha256=hashlib.sha256(data).hexdigest(), kind=kind,
                  encoding=encoding, text=text)
    if repaired:
        art.decisions.append("the text had been decoded twice before it was saved (mojibake "
                             "such as `â€™` for `’`): repaired with ftfy")
    if markdown:
        art.decisions.append("the text is written in Markdown: read without its markup "
                             "(links as their words, no images)")
    log.debug("%s: %s, %s, %d chars", place, kind, encoding, len(text))
    return art


def _bom_encoding(data: bytes) -> str | None:
    """UTF-16/32 announced by a byte-order mark (Windows editors save "Unicode" this way)."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _BINARY_CONTROLS))  # C speed, same count
    return controls > len(head) * 0.05


def _is_html(path: Path, data: bytes) -> bool:
    if path.suffix.lower() in HTML_SUFFIXES:
        return True
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: undecodable bytes, or utf-7/unicode_escape
        return True
    return False


def decode(data: bytes, kind: str = "text", charset: str = "") -> tuple[str | None, str]:
    """Decode bytes: UTF-8 first (pages often declare a wrong charset, e.g. KapanLagi says
    iso-8859-1 but is UTF-8), then the charset the server declared (`charset`, from an HTTP
    Content-Type, which outranks the page's own as in a browser), then the page's <meta>
    charset, then charset-normalizer's best guess. Text that cannot be written back as UTF-8
    (lone surrogates) does not count as decoded."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    bom = _bom_encoding(data)
    if bom:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            text = None
        if text is not None and not _has_surrogates(text):
            return text.removeprefix("\ufeff"), bom
    meta = _META_CHARSET.search(data[:4096]) if kind == "html" else None
    for name in filter(None, (charset, meta.group(1).decode("ascii", "replace") if meta else "")):
        text, used = _decode_declared(data, name)
        if text is not None:
            return text, used
    return _guess(data)


def _decode_declared(data: bytes, name: str) -> tuple[str | None, str]:
    """The bytes decoded with a declared charset (a latin-1 label read as Windows-1252, as
    browsers do), or None when it does not decode them."""
    name = name.lower()
    name = "cp1252" if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii"} else name
    try:
        with warnings.catch_warnings():  # unicode_escape warns on odd backslashes
            warnings.simplefilter("ignore")
            text = data.decode(name)
    except (LookupError, UnicodeDecodeError):
        text = None
    if text is None or _has_surrogates(text):
        log.debug("declared charset %s does not decode", name)
        return None, name
    return text, name


# charset-normalizer ranks code pages that decode a text equally well in an arbitrary order: a
# French or Indonesian cp1252 text often comes out as cp1250 (à → ŕ, ã → ă, è → č). Windows-1252
# is by far the most common legacy encoding of the archive's Latin-script languages (browsers
# read every latin-1 label as it), so it wins whenever it is about as plausible as the guess.
PREFERRED = "cp1252"
CHAOS_MARGIN = 0.06  # charset-normalizer's "mess" ratio; ~0.03-0.06 for a few odd symbols


def _guess(data: bytes) -> tuple[str | None, str]:
    """charset-normalizer's best guess, or cp1252 when that decodes the bytes about as well."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None or _has_surrogates(str(best)):
        return None, ""
    try:
        preferred = data.decode(PREFERRED)
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d)
        return str(best), best.encoding
    if preferred == str(best):
        return preferred, PREFERRED
    rival = next((m for m in matches if m.encoding == PREFERRED), None)
    if rival is not None and rival.chaos <= best.chaos + CHAOS_MARGIN \
            and rival.coherence >= best.coherence:
        log.debug("%s reads as well as %s: %s used", PREFERRED, best.encoding, PREFERRED)
        return preferred, PREFERRED
    return str(best), best.encoding


def repair_mojibake(text: str) -> str | None:
    """The text with UTF-8 that was decoded as Latin-1 or Windows-1252 decoded right (ftfy), or
    None when it shows no such mojibake or ftfy finds nothing to repair."""
    if _MOJIBAKE.search(text) is None:
        return None
    import ftfy  # 60 ms to import: only for the rare page that needs it

    fixed = ftfy.fix_encoding(text)
    return fixed if fixed != text else None


def normalise(text: str, kind: str = "text") -> str:
    """NFC, one kind of newline, no zero-width characters, every odd space a plain space; a
    text's lines stripped and their runs of spaces made one. A page's markup keeps its
    layout: the extractor reads it (runs of white space in it change what trafilatura finds,
    and a <pre> block is laid out with them)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = _DROPPED.sub("", text)  # zero-width and control characters
    text = _SPACES.sub(" ", text)
    if kind == "html":
        return text
    if "\x85" in text:  # NEL: white space to str.split, the only kind left besides " " and "\n"
        return "\n".join(" ".join(line.split()) for line in text.split("\n"))
    # each line stripped and its runs of spaces made one, as " ".join(line.split()) does
    text = _SPACE_RUNS.sub(" ", text).replace(" \n", "\n").replace("\n ", "\n")
    return text.strip(" ")
