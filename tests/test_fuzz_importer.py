"""Fuzzing the importer: whatever lands in the input folder, the importer answers with an article
or ONE error line naming the file; it never crashes, never hangs, never leaves half a file.

The bulk runs the pipeline in-process (pipeline.import_one / import_paths) on files in
temporary folders; test_fuzz_cli.py adds a few real command runs. Settings are fixed
(derandomize, no example database) so CI sees the same inputs every run. The count of inputs and
the time taken are printed after the tests (conftest.py, `fuzz_count`).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools.checks.header import parse_header
from tools.errors import one_line
from tools.importer.pipeline import Options, Result, import_one, import_paths
from tools.importer.repeats import Repeats
from tools.importer.write import edited_by_person
from tools.slugs import Slugger

from conftest import ROOT, time_limit

SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"
SEED_BYTES = SEED.read_bytes()
HANG_SECONDS = 20  # a hard stop per input (SIGALRM): a hang fails; no timing bound (load varies)
STATUSES = {"created", "updated", "unchanged", "error"}


def fuzz(examples: int) -> settings:
    """Reproducible settings: the same inputs on every run and machine, no saved examples."""
    return settings(max_examples=examples, derandomize=True, database=None,
                    deadline=None, print_blob=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])


def import_file(base: Path, name: str | bytes, data: bytes, sidecar: bytes | None = None,
                **options: object) -> tuple[Path, Path, Result]:
    """Write one input into a fresh folder and import it in-process: (input, out folder, result)."""
    work = Path(tempfile.mkdtemp(dir=base))
    folder = work / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/" + (name if isinstance(name, bytes) else os.fsencode(name))
    with open(raw, "wb") as handle:
        handle.write(data)
    path = Path(os.fsdecode(raw))
    if sidecar is not None:
        path.with_suffix(".yaml").write_bytes(sidecar)
    out = work / "out"
    with time_limit(HANG_SECONDS):
        result = import_one(path, Options(out=out, **options), Repeats(), Slugger(out))
    return path, out, result


@pytest.fixture(scope="module", autouse=True)
def warm_importer(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Models and data load once a process (trafilatura, py3langid's model, Babel's month
    names): the deadlines measure each input, not that first load."""
    import_file(tmp_path_factory.mktemp("warm"), "seed.txt", SEED_BYTES)
    for date in (b"", b"2020-13-45", b"23 Oktober 2020"):
        import_file(tmp_path_factory.mktemp("warm"), "page.html", b"<html><title>Warm</title>"
                    b"<body><h1>Warm</h1><p>" + b"Some words of a warm-up page. " * 20 + date
                    + b"</p>")


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def assert_answered(path: Path, out: Path, result: Result) -> None:
    """An article that reads back as the importer wrote it, or one error line and no file."""
    assert result.status in STATUSES
    written = files_under(out)
    if result.status == "error":
        line = one_line(result.message)
        assert "\n" not in line and line.strip()
        assert one_line(path.stem) in line, f"the error does not name the input: {line}"
        assert written == [], f"a rejected input left files behind: {written}"
        return
    assert result.target is not None
    assert written == [result.target], f"expected only {result.target}, found {written}"
    assert result.target.suffix == ".md" and not result.target.name.startswith(".")
    text = result.target.read_bytes().decode("utf-8")
    assert not edited_by_person(text), "the Import_sha256 seal does not match what was written"
    header = parse_header(text.split("\n"))
    names = {field.name for field in header.fields}
    assert {"title", "date", "slug", "raw_file", "import_sha256"} <= names
    assert header.stopper is None, f"a header line Pelican would read as body: {header.stopper}"


def cleanup(path: Path) -> None:
    shutil.rmtree(path.parents[1], ignore_errors=True)


SUFFIXES = st.sampled_from([".txt", ".html", ".htm", ".TXT"])


@fuzz(3000)
@given(data=st.binary(max_size=3000), suffix=SUFFIXES)
def test_random_bytes_are_imported_or_refused_in_one_line(tmp_path, fuzz_count, data, suffix):
    path, out, result = import_file(tmp_path, f"random{suffix}", data)
    fuzz_count(result.status)
    assert_answered(path, out, result)
    cleanup(path)


@st.composite
def mutated_seed(draw: st.DrawFn) -> bytes:
    """The real seed with bytes flipped, cut, repeated or inserted: gets past the first checks."""
    data = bytearray(SEED_BYTES)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "flip", "repeat"]))
        if action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif action == "delete":
            del data[at: at + draw(st.integers(1, 400))]
        elif action == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif action == "repeat":
            data[at:at] = data[at: at + 200] * draw(st.integers(1, 20))
    return bytes(data)


@fuzz(600)
@given(data=mutated_seed(), suffix=SUFFIXES)
def test_damaged_dumps_are_imported_or_refused_in_one_line(tmp_path, fuzz_count, data, suffix):
    path, out, result = import_file(tmp_path, f"damaged{suffix}", data)
    fuzz_count(result.status)
    assert_answered(path, out, result)
    cleanup(path)


# Text that reaches every stage: real words, dates in the forms the importer parses, and the
# awkward characters: right-to-left scripts, bidi controls, combining marks, NUL and control
# characters, odd spaces, zero-width characters, emoji, and letters that match ASCII only
# case-insensitively (ſ, ı, İ, K) inside month and weekday names.
WORDS = ["Armenia", "Azerbaijan", "Nagorno-Karabakh", "Pompeo", "Menlu", "AS", "Jakarta",
         "(ANTARA", "News)", "-", "Jumat", "(23/10)", "Senin", "(31/2/2020)", "ſenin", "(1/1)",
         "23", "Oktober", "2020", "Mei", "ſep", "SEPT", "10:30", "WİB", "WIB", "Baca", "Juga:",
         "Penulis:", "(evn)", "yang", "dan", "di", "the", "said", "AFP", "Reuters", "Rusia",
         "Turki", "1.", "#", ">", "*", "<script>", "&amp;", "[link](x)", "```", "Title:",
         "Date:", "Kamis,", "22/10/2020", "2020-10-23", "Sabtu", "(7/11)", "ıslam", "Kelvin",
         "ſenin (23/10)", "Jumat (31/2/2020)", "SENİN, (1/13)", "23 ſeptember 2020",
         "Oct 31, 2020", "10.30 WİB", "31 Februari 2020", "Sabtu (30/2)", "Kamiſ (22/10)"]
AWKWARD = ("\u05e2\u05d1\u05e8\u05d9\u05ea \u0645\u0631\u062d\u0628\u0627 \u202e\u202b\u2066\u200f"
           "\u0301\u0308\u0336\u20dd\u00a0\u2028\u2029\u200b\ufeff\U0001f600\u017f\u0131"
           "\u0130\u212a\ufffd")
CONTROLS = "\x00\x01\x07\x1b\x7f\x85\r\t\x0b\x0c"  # NUL: binary; a few: still text
PLAIN = (ROOT / "tests" / "fixtures" / "reliability" / "words.txt").read_text().split()
ODD_WORD = st.one_of(st.sampled_from(WORDS),
                     st.text(alphabet=st.sampled_from(AWKWARD + "abcXYZ019 "), min_size=1,
                             max_size=12),
                     st.text(alphabet=st.characters(exclude_categories=["Cc", "Cs"]),
                             min_size=1, max_size=8))
WORD = st.one_of(ODD_WORD, st.sampled_from(PLAIN))  # plain words most of the time
LINE = st.lists(st.one_of(WORD, WORD, WORD, st.sampled_from(CONTROLS)), max_size=40).map(" ".join)
SENTENCE = st.lists(st.one_of(st.sampled_from(PLAIN), st.sampled_from(PLAIN), WORD),
                    min_size=6, max_size=22).map(lambda words: " ".join(words).capitalize() + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=3).map(" ".join)
DATED = st.sampled_from(["pada Jumat (23/10/2020)", "Kamis, 22/10/2020", "pada ſenin (23/10)",
                         "Jumat (31/2/2020)", "23 ſeptember 2020 10.30 WİB", "Sabtu (7/11)", ""])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "utf-7",
                             "surrogatepass"])


def encode(text: str, encoding: str) -> bytes:
    if encoding == "surrogatepass":  # lone surrogates written out as (invalid) UTF-8
        return text.encode("utf-8", "surrogatepass")
    return text.encode(encoding, "replace")


@st.composite
def article_text(draw: st.DrawFn) -> str:
    """A dump shaped like an article (headline, meta lines, dated lead, paragraphs) made of
    plain words with awkward ones among them, or now and then any lines at all."""
    blank = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\u2029"]))
    if draw(st.integers(0, 4)) == 0:
        return blank.join(draw(st.lists(LINE, min_size=1, max_size=12)))
    title = " ".join(draw(st.lists(WORD, min_size=3, max_size=10))).title()
    meta = draw(st.lists(LINE, max_size=2))
    lead = f"Jakarta - {draw(SENTENCE)[:-1]} {draw(DATED)}."
    paragraphs = draw(st.lists(PARAGRAPH, min_size=1, max_size=8))
    return blank.join([title, *meta, lead, *paragraphs])


@fuzz(1500)
@given(text=article_text(), encoding=ENCODINGS, suffix=SUFFIXES,
       lone=st.text(alphabet=st.characters(categories=["Cs"]), max_size=2))
def test_unicode_articles_are_imported_or_refused_in_one_line(tmp_path, fuzz_count, text,
                                                              encoding, suffix, lone):
    path, out, result = import_file(tmp_path, f"unicode{suffix}", encode(text + lone, encoding))
    fuzz_count(result.status)
    assert_answered(path, out, result)
    if result.status != "error":  # a second import finds its own article unchanged
        again = import_one(path, Options(out=out), Repeats(), Slugger(out))
        assert again.status == "unchanged", again.message
    cleanup(path)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(["@graph", "datePublished", "headline",
                                                       "@type", "x"]), inner, max_size=4),
                    max_leaves=12)
CHARSETS = ["utf-8", "UTF-8", "iso-8859-1", "windows-1252", "utf-16", "utf-7", "unicode_escape",
            "raw_unicode_escape", "rot13", "base64", "zlib", "hex", "idna", "punycode",
            "x-bogus", "shift_jis", "koi8-r", "ascii", ""]
TAGS = ["div", "p", "span", "article", "h1", "script", "style", "table", "td", "li", "a",
        "title", "meta", "svg", "template", "br", "noscript", "body", "html", "head"]


@st.composite
def html_page(draw: st.DrawFn) -> bytes:
    head = []
    if draw(st.booleans()):
        head.append(draw(st.sampled_from(['<?xml version="1.0" encoding="utf-8"?>',
                                          "<!DOCTYPE html>", "<!-- c -->", ""])))
    charset = draw(st.sampled_from(CHARSETS))
    head.append(f'<meta charset="{charset}">')
    title = " ".join(draw(st.lists(WORD, min_size=2, max_size=10))).title()
    if draw(st.booleans()):
        head.append(f"<title>{title} - LancangKuning</title>")
    for key in draw(st.lists(st.sampled_from(["og:title", "article:published_time", "og:url",
                                              "og:site_name", "date", "title"]), max_size=4)):
        value = draw(st.one_of(LINE, st.sampled_from(["2020-10-23T10:00:00+07:00", "2020-13-45",
                                                      "https://lancangkuning.com/a"])))
        head.append(f'<meta property="{key}" content="{value}">')
    if draw(st.booleans()):
        head.append(f'<script type="application/ld+json">{json.dumps(draw(JSON))}</script>')
    if draw(st.booleans()):
        raw = draw(st.sampled_from(["[" * 5000, "{", '{"@graph": 1}', "[1, 2]", '"x"', "null"]))
        head.append(f'<script type="application/ld+json">{raw}</script>')
    depth = draw(st.sampled_from([0, 1, 3, 50, 300, 3000]))
    opener = "".join(f"<{draw(st.sampled_from(TAGS))}>" for _ in range(min(depth, 20)))
    opener = opener * max(1, depth // 20)
    body = "".join(f"<p>{draw(st.one_of(LINE, PARAGRAPH))}</p>"
                   for _ in range(draw(st.integers(0, 8))))
    closer = "</div>" * draw(st.integers(0, depth))
    heading = f"<h1>{title}</h1>" if draw(st.booleans()) else ""
    text = "<html><head>" + "".join(head) + "</head><body>" + opener + heading + body + closer
    if draw(st.booleans()):
        text += "</body></html>"
    return encode(text, draw(ENCODINGS))


@fuzz(600)
@given(data=html_page(), suffix=st.sampled_from([".html", ".htm", ".txt"]))
def test_html_pages_are_imported_or_refused_in_one_line(tmp_path, fuzz_count, data, suffix):
    path, out, result = import_file(tmp_path, f"page{suffix}", data)
    fuzz_count(result.status)
    assert_answered(path, out, result)
    cleanup(path)


# File names: any bytes Linux allows (no "/" or NUL), so undecodable names arrive as lone
# surrogates; plus right-to-left text, combining marks, line breaks and leading dashes.
NAME_BYTES = st.binary(min_size=1, max_size=60).map(
    lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_"))
NAME_TEXT = st.text(alphabet=st.sampled_from(AWKWARD + CONTROLS[1:] + "ab-.é "), min_size=1,
                    max_size=30).map(lambda s: s.encode("utf-8", "surrogatepass"))


@fuzz(500)
@given(stem=st.one_of(NAME_BYTES, NAME_TEXT), suffix=st.sampled_from([b".txt", b".html"]))
def test_any_file_name_is_imported_or_refused_in_one_line(tmp_path, fuzz_count, stem, suffix):
    if stem in (b".", b".."):
        stem = b"dots"
    path, out, result = import_file(tmp_path, stem[:200] + suffix, SEED_BYTES)
    fuzz_count(result.status)
    assert_answered(path, out, result)
    cleanup(path)


SIDECAR = st.one_of(
    st.binary(max_size=200),
    st.dictionaries(st.sampled_from(["url", "date", "source", "title", "slug", "lang", "x"]),
                    st.one_of(LINE, JSON, st.sampled_from(["2020-13-45", "2020-02-30", "0001-01-01",
                                                           "99999-01-01", "2020-10-23T25:00",
                                                           "2020-10-23", "!!binary AAAA",
                                                           "&a [*a]", "[" * 200])),
                    max_size=4).map(lambda d: "\n".join(f"{k}: {v}" for k, v in d.items())
                                    .encode("utf-8", "surrogatepass")),
)


@fuzz(800)
@given(sidecar=SIDECAR)
def test_any_sidecar_is_used_or_refused_in_one_line(tmp_path, fuzz_count, sidecar):
    path, out, result = import_file(tmp_path, "with-sidecar.txt", SEED_BYTES, sidecar=sidecar)
    fuzz_count(result.status)
    assert_answered(path, out, result)
    cleanup(path)


@fuzz(400)
@given(date=st.one_of(st.none(), LINE, st.sampled_from(["2020-02-30", "2020-10-23T10:00Z",
                                                        "31/12/2020", "-1", "1e9",
                                                        "0001-01-01T00:00+14:00",
                                                        "9999-12-31T23:59-12:00"])),
       source=st.one_of(st.none(), LINE))
def test_any_date_and_source_option_is_used_or_refused(tmp_path, fuzz_count, date, source):
    path, out, result = import_file(tmp_path, "options.txt", SEED_BYTES, date=date, source=source)
    fuzz_count(result.status)
    assert_answered(path, out, result)
    cleanup(path)


ODD_PAGES = [b"<!-- only a comment -->", b'<?xml version="1.0" encoding="utf-8"?>\n<html><body>'
             b"<h1>Judul</h1><p>Teks.</p></body></html>", b"<?php ?>", b" <html> ", b"</p>"]


@fuzz(150)
@given(batch=st.lists(st.tuples(st.one_of(article_text().map(lambda t: t.encode("utf-8")),
                                          mutated_seed(), st.binary(max_size=300), html_page(),
                                          st.sampled_from(ODD_PAGES)),
                                st.sampled_from([".txt", ".html"])),
                      min_size=2, max_size=6))
def test_a_batch_reports_every_input_once(tmp_path, fuzz_count, batch):
    """The pre-pass over the batch (repeated lines) and the main pass survive any mix."""
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    folder, out = work / "in", work / "out"
    folder.mkdir()
    names = [f"{index:02d}{suffix}" for index, (_, suffix) in enumerate(batch)]
    for name, (data, _) in zip(names, batch, strict=True):
        (folder / name).write_bytes(data)
    with time_limit(HANG_SECONDS * 2):
        results = list(import_paths([folder], Options(out=out)))
    assert sorted(r.path.name for r in results) == names
    targets = {r.target for r in results if r.status != "error"}
    assert set(files_under(out)) == targets
    for result in results:
        fuzz_count(result.status)
        assert result.status in STATUSES
        if result.status == "error":
            assert result.path.stem in one_line(result.message)
    shutil.rmtree(work)


BIG = 5 * 1024 * 1024 - 1024  # just under the 5 MB limit


def test_inputs_just_under_the_size_limit_finish_in_seconds(tmp_path, fuzz_count):
    """One huge line, a huge word, deep nesting, endless combining marks: each bounded."""
    cases = {
        "one-line.txt": b"Judul berita\n\n" + b"kata " * (BIG // 5 - 10),
        "one-word.txt": b"Judul\n\n" + b"a" * (BIG - 10),
        "many-lines.txt": b"Judul\n" + b"Baca juga: x\n" * (BIG // 13),
        "combining.txt": b"Judul\n\n" + "a\u0301\u0308".encode() * (BIG // 5),
        "deep.html": b"<html><body>" + b"<div>" * (BIG // 12) + b"<p>teks</p>"
                     + b"</div>" * (BIG // 12),
        "unclosed.html": b"<html><body>" + b"<span><b>" * (BIG // 9 - 5),
        "rtl.txt": "\u05db\u05d5\u05ea\u05e8\u05ea\n\n".encode() + "\u0645\u0631\u062d\u0628\u0627 "
                   .encode() * (BIG // 11),
    }
    for name, data in cases.items():
        assert len(data) < 5 * 1024 * 1024
        path, out, result = import_file(tmp_path, name, data)
        fuzz_count(result.status)
        assert_answered(path, out, result)
        cleanup(path)
