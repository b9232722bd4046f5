"""Fuzzing `python -m tools new`: any title, date, URL, language and slug give a draft that
Pelican reads, or one error line and no file at all."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools.checks.header import parse_header
from tools.errors import ToolError, one_line
from tools.new import create_article

from conftest import time_limit

TEXT = st.one_of(st.text(max_size=60), st.sampled_from([
    "", " ", "\n", "Gencatan Senjata di Karabakh", "\u05e2\u05d1\u05e8\u05d9\u05ea \u202e",
    "\u0301" * 50, "a" * 500, "../../etc/passwd", "Title: x\n\nbody", "\x00", "\ud800",
]))
DATES = st.one_of(st.none(), st.text(max_size=30), st.sampled_from([
    "2020-10-23", "2020-10-23T14:30", "2020-02-30", "2099-01-01", "0001-01-01T00:00+14:00",
    "9999-12-31T23:59-12:00", "2020-10-23T10:00:00+07:00", "23/10/2020", "",
]))


@settings(max_examples=400, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=TEXT, date=st.one_of(st.none(), DATES),
       url=st.sampled_from(["", "", "https://x.id/a", "ftp://x", "https://x.id/\x00"]),
       lang=st.sampled_from(["id", "id", "id", "en", "xx", "", "ID"]),
       slug=st.one_of(st.just(""), TEXT))
def test_new_writes_a_whole_draft_or_one_error_line(tmp_path, fuzz_count, title, date, url, lang,
                                                    slug):
    content = Path(tempfile.mkdtemp(dir=tmp_path))
    try:
        with time_limit(10):
            path = create_article(title, content=content, date=date, url=url, lang=lang,
                                  slug=slug)
    except ToolError as exc:
        fuzz_count("error")
        assert "\n" not in one_line(str(exc))
        assert [p for p in content.rglob("*") if p.is_file()] == []
    else:
        fuzz_count("created")
        assert [p for p in content.rglob("*") if p.is_file()] == [path]
        header = parse_header(path.read_text(encoding="utf-8").split("\n"))
        assert header.stopper is None
        assert header.value("title") and header.value("status") == "draft"
    shutil.rmtree(content)
