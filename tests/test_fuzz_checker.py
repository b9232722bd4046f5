"""Fuzzing `python -m tools check`: any article file an editor (or a broken editor) can save gets
a list of problems, each one line with its line number; the checker never crashes or hangs.

The checker runs in-process (tools.check.run_check) on files in temporary archives; settings are
fixed (derandomize, no example database) so CI sees the same inputs every run.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools.check import run_check
from tools.checks import ERROR, WARNING
from tools.checks.fields import KNOWN_KEYS
from tools.checks.known import DATA_DIR, load_known

from conftest import time_limit

KNOWN = load_known(DATA_DIR)
TAGS = sorted(KNOWN.vocabulary.by_name) if KNOWN.vocabulary else ["Armenia"]
HANG_SECONDS = 10


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, derandomize=True, database=None,
                    deadline=None, print_blob=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])


AWKWARD = ("\u05e2\u05d1\u05e8\u05d9\u05ea \u0645\u0631\u062d\u0628\u0627 \u202e\u2066\u200f"
           "\u0301\u0308\x00\x01\x1b\x7f\x85\u00a0\u2028\u2029\u200b\ufeff\U0001f600\u017f"
           "\u0131\u0130\u212a\ufffd\t\x0b\x0c\ud800\udcff")
VALUES = ["2020-10-23", "2020-10-23T10:00:00+07:00", "2099-01-01", "23/10/2020", "0000-00-00",
          "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:00-12:00", "0001-01-01",
          "Oct 23 2020 25:61", "1e400", "99999999999999999999", "tomorrow", "draft", "published",
          "hidden", "explicit", "inferred", "[Armenia, Azerbaijan]", '"quoted"', "'x'", "''",
          "armenia-dan-azerbaijan", "Armenia-", "-", "id", "en", "xx", "true", "LancangKuning",
          *TAGS[:20], ", ".join(TAGS[:5]), ",,,", "a" * 300]
VALUE = st.one_of(st.sampled_from(VALUES), st.text(max_size=40),
                  st.text(alphabet=st.sampled_from(AWKWARD + "ab1-:, "), max_size=20))
KEY = st.one_of(st.sampled_from(sorted(KNOWN_KEYS)),
                st.sampled_from(sorted(KNOWN_KEYS)).map(str.upper),
                st.sampled_from(["Tittle", "Source url", "Tag", "Ctegory", "x", "_", "-"]),
                st.text(alphabet=st.sampled_from("AZaz09_- :é"), min_size=1, max_size=12))
HEADER_LINE = st.one_of(
    st.builds(lambda k, v, sp: f"{k}:{sp}{v}", KEY, VALUE, st.sampled_from([" ", "", "   "])),
    st.builds(lambda v: f"    {v}", VALUE),  # a continuation line
    st.sampled_from(["---", "...", "- Armenia", "  Title: indented", "Title : spaced"]),
)
BODY_LINE = st.one_of(
    VALUE,
    st.sampled_from([
        "[link]({filename}/articles/2020/nope.md)", "[up]({filename}../../../../etc/passwd)",
        "[nul]({filename}/a\x00b.md)", "[tag]({tag}Armenia)", "[tag]({tag}Nope)",
        "[page](/2020/10/slug/)", "[root](/)", "[x](//evil.example/)", "![img]({static}/x.png)",
        '<a href="/archives/">a</a>', '<img src=x onerror="alert(1)">', "<script>x</script>",
        "[js](javascript:alert(1))", "```", "~~~", "[ref]: /nowhere/", "[a](<>)", "](",
    ]),
)


@st.composite
def article_file(draw: st.DrawFn) -> bytes:
    header = draw(st.lists(HEADER_LINE, max_size=14))
    body = draw(st.lists(BODY_LINE, max_size=10))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    gap = draw(st.sampled_from([[""], [], ["", ""]]))
    text = newline.join([*header, *gap, *body])
    prefix = draw(st.sampled_from(["", "\ufeff"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "latin-1", "utf-16",
                                     "surrogatepass"]))
    if encoding == "surrogatepass":
        return (prefix + text).encode("utf-8", "surrogatepass")
    return (prefix + text).encode(encoding, "replace")


def check_bytes(base: Path, data: bytes, other: bytes | None, kind: str) -> str:
    """Check one file (next to an optional second one), assert the report's form, and say
    whether it had problems."""
    content = Path(tempfile.mkdtemp(dir=base))
    folder = content / ("pages" if kind == "page" else "articles/2020")
    folder.mkdir(parents=True)
    path = folder / "fuzzed.md"
    path.write_bytes(data)
    if other is not None:
        (folder / "other.md").write_bytes(other)
    with time_limit(HANG_SECONDS):
        problems, count = run_check([path], content=content, data=DATA_DIR, known=KNOWN)
    assert count == 1
    lines = max(1, data.count(b"\n") + data.count(b"\r") + 1)
    for problem in problems:
        shown = problem.format(root=content)
        assert "\n" not in shown and "\r" not in shown, shown
        assert problem.path == path.resolve()
        assert problem.severity in {ERROR, WARNING}
        assert 1 <= problem.line <= lines, shown
    shutil.rmtree(content)
    return "with errors" if any(p.severity == ERROR for p in problems) else "no errors"


@fuzz(3000)
@given(data=article_file(), other=st.one_of(st.none(), article_file()),
       kind=st.sampled_from(["article", "article", "page"]))
def test_any_article_header_gets_a_report_line_per_problem(tmp_path, fuzz_count, data, other,
                                                            kind):
    fuzz_count(check_bytes(tmp_path, data, other, kind))


@fuzz(1000)
@given(data=st.binary(max_size=2000))
def test_any_bytes_saved_as_an_article_get_a_report(tmp_path, fuzz_count, data):
    fuzz_count(check_bytes(tmp_path, data, None, "article"))
