"""Junk the importer removes (read-also links, ads) never becomes searchable.

Runs the real importer on a shared raw seed whose dump carries a "Baca Juga: Hyundai ..." link,
builds it with the real theme and plugin, and searches in Chromium.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from playwright.sync_api import Page
from test_search_page import search

from conftest import FIXTURES, ROOT, SHARED, build_site

pytestmark = pytest.mark.browser
SEED = SHARED / "seeds" / "000_3814e48b976ab4c4.txt"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not beside the project")
    content = tmp_path_factory.mktemp("junk") / "content"
    shutil.copytree(FIXTURES / "search" / "content", content)
    (content.parent / "seeds").mkdir()
    shutil.copy(SEED, content.parent / "seeds")  # published beside the article, as in seeds/
    cmd = [sys.executable, "-m", "tools", "import", "--out", str(content / "articles"), str(SEED)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, timeout=300)
    output = tmp_path_factory.mktemp("junk-site")
    build_site(content, output)
    return serve(output)


def test_a_word_only_in_removed_junk_finds_nothing(page: Page, base: str) -> None:
    assert "Hyundai" in SEED.read_text("utf-8"), "the raw dump carries the junk line"
    assert search(page, base, "?q=Hyundai") == []
    assert search(page, base, "?q=Pompeo") == [
        "Armenia dan Azerbaijan Akan Bertemu Terpisah dengan Menlu AS"
    ]
