"""`make serve` (tools/serve.py) answers as docs/search.md asks a host to: the site's 404 page
for unknown addresses, raw seeds as UTF-8 text, Pagefind's types.

Pelican's `--listen` server gave an empty reply for an unknown address and sent `.txt` without a
charset, so a browser showed a raw seed's Indonesian punctuation as mojibake.
"""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

from conftest import ROOT

SEED_TEXT = "“Kami lelah,” kata warga Stepanakert — gencatan senjata déjà berlaku."


@pytest.fixture(scope="module")
def served(project_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m tools.serve` on a free port, serving the built project with one more seed."""
    raw = project_site / "raw"
    raw.mkdir(exist_ok=True)
    (raw / "contoh-utf8.txt").write_text(SEED_TEXT, encoding="utf-8")
    (raw / "contoh-cp1252.txt").write_bytes(SEED_TEXT.encode("cp1252", "replace"))
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.serve", "--port", "0", "--output", str(project_site)],
        cwd=ROOT, stderr=subprocess.PIPE, text=True)
    line = process.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+", line)
    assert match, line
    yield match.group()
    process.terminate()
    process.wait(timeout=10)


def _get(url: str) -> tuple[int, Message, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_an_unknown_address_gets_the_sites_404_page(served: str) -> None:
    status, headers, body = _get(f"{served}/2020/10/tidak-ada-artikel-ini/")
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Halaman tidak ditemukan" in body.decode("utf-8")


def test_text_is_sent_as_utf8_and_pagefind_files_with_their_types(served: str) -> None:
    assert _get(f"{served}/raw/contoh-utf8.txt")[1]["Content-Type"] == \
        "text/plain; charset=utf-8"
    # bytes that are not UTF-8 get no charset rather than a wrong one
    assert _get(f"{served}/raw/contoh-cp1252.txt")[1]["Content-Type"] == "text/plain"
    assert _get(f"{served}/")[1]["Content-Type"] == "text/html; charset=utf-8"
    assert _get(f"{served}/pagefind/pagefind.js")[1]["Content-Type"].startswith(
        "text/javascript")
    assert _get(f"{served}/pagefind/pagefind-entry.json")[1]["Content-Type"] == \
        "application/json; charset=utf-8"


def test_a_reader_sees_the_404_page_and_the_raw_text_without_mojibake(served: str, page) -> None:
    response = page.goto(f"{served}/tidak/ada/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Halaman tidak ditemukan"
    assert page.locator("a.site-name").get_attribute("href") == "/"
    page.goto(f"{served}/raw/contoh-utf8.txt")
    assert page.locator("body").inner_text().strip() == SEED_TEXT


def test_make_serve_runs_this_server() -> None:
    result = subprocess.run(["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert "-m tools.serve" in result.stdout
