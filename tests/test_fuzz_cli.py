"""The real commands on hostile inputs (tests/fixtures/reliability/hostile*, plus file names
no fixture can hold; 19 inputs, so no progress bar): each run ends within its timeout, prints no
traceback, and gives every input exactly one line. stdout/stderr are strict UTF-8, as on a
typical terminal, so an undecodable file name cannot be printed raw.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from tools.errors import one_line

from conftest import FIXTURES, ROOT

HOSTILE = FIXTURES / "reliability" / "hostile"
HOSTILE_ARTICLES = FIXTURES / "reliability" / "hostile-articles"
SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
ODD_NAMES = [b"undecodable-\xff\xfe.txt", b"line\nbreak.txt", b"-starts-with-dash.txt",
             "rtl-\u05e2\u05d1\u05e8\u05d9\u05ea-\u0301.txt".encode(), b"tab\there.html"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tools", *args], cwd=ROOT, env=ENV, timeout=120,
                          capture_output=True, text=True, errors="backslashreplace")


def test_import_answers_every_hostile_input_in_one_line(tmp_path, fuzz_count):
    inputs = tmp_path / "in"
    shutil.copytree(HOSTILE, inputs)
    for name in ODD_NAMES:
        shutil.copy(SEED, os.fsdecode(os.fsencode(inputs) + b"/" + name))
    names = sorted(p.name for p in inputs.iterdir() if p.suffix in {".txt", ".html"})

    result = run("import", str(inputs), "--out", str(tmp_path / "out"))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    *errors, totals = result.stderr.splitlines()
    assert all(line.startswith("error: ") for line in errors), errors
    assert re.match(rf"^\d+ created, \d+ updated, \d+ unchanged, {len(errors)} refused", totals)
    assert len(errors) + len(result.stdout.splitlines()) == len(names)
    for line in errors:
        named = [n for n in names if f"/{one_line(n)}: " in line]
        assert len(named) == 1, f"names no input, or several: {line}"
    failed = {n for n in names if any(f"/{one_line(n)}: " in line for line in errors)}
    for name in names:
        fuzz_count("error" if name in failed else "imported")
    assert {"good.txt", "-starts-with-dash.txt", "windows-unicode.txt"}.isdisjoint(failed)
    assert {"comment-only.html", "binary.txt", "bad-sidecar.txt", "latin1-sidecar.txt",
            "multiline-yaml-error.txt", "undecodable-\udcff\udcfe.txt", "line\nbreak.txt",
            "tab\there.html"} <= failed


def test_check_reports_hostile_articles_one_line_per_problem(tmp_path, fuzz_count):
    content = tmp_path / "content"
    articles = content / "articles" / "2020"
    shutil.copytree(HOSTILE_ARTICLES, articles)
    shutil.copy(HOSTILE_ARTICLES / "latin1.md", os.fsdecode(os.fsencode(articles) + b"/\xff.md"))
    files = list(articles.iterdir())

    result = run("check", str(content), "--content", str(content))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    problem = re.compile(r"^\S.*:\d+: (error|warning): \S")
    assert all(problem.match(line) for line in result.stdout.splitlines()), result.stdout
    for name in ["latin1.md", "year-one-in-jakarta.md", "lone-surrogate.md", "weird-dates.md",
                 "\\udcff.md"]:
        assert f"/{name}:" in result.stdout, f"{name} has no report line"
    assert re.search(r"^\d+ files? checked", result.stderr, re.MULTILINE)
    for path in files:
        fuzz_count("reported" if f"/{one_line(path.name)}:" in result.stdout else "no problems")
