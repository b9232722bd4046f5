"""`make devserver` serves the preview on 127.0.0.1, says where, and rebuilds when an article or a
watched data file changes (Pelican's own autoreload misses tools/data)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tools.devserver import watched_paths

from conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "new"
SLUG_URL = "2020/10/gencatan-senjata-kemanusiaan-berlaku/"

pytestmark = pytest.mark.slow


def test_the_preview_watches_the_vocabulary_and_site_profiles() -> None:
    paths = watched_paths(ROOT / "content", ROOT / "pelicanconf.py")
    for needed in ("content", "theme", "tools/data", "plugins", "pelicanconf.py"):
        assert (ROOT / needed).resolve() in paths


def wait_for(predicate, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError("timed out")


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_devserver_serves_the_preview_and_rebuilds_on_change(tmp_path: Path) -> None:
    content, extra = tmp_path / "content", tmp_path / "data"
    (content / "articles" / "2020").mkdir(parents=True)
    (content / "pages").mkdir()
    extra.mkdir()
    article = content / "articles" / "2020" / "gencatan-senjata-kemanusiaan-berlaku.md"
    shutil.copy(FIXTURES / article.name, article)
    log = (tmp_path / "devserver.log").open("w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.devserver", "--port", "0", "--content", str(content),
         "--output", str(tmp_path / "output"), "--watch", str(extra)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(lambda: "Preview: http://127.0.0.1:" in (tmp_path / "devserver.log").read_text())
        url = re.search(r"Preview: (http://127\.0\.0\.1:\d+/)",
                        (tmp_path / "devserver.log").read_text()).group(1)
        page = fetch(url + SLUG_URL)
        assert "Gencatan Senjata Kemanusiaan Berlaku" in page
        # absolute links (canonical, feeds) name the port the preview is served on
        assert f'<link rel="canonical" href="{url}{SLUG_URL}"' in page, \
            re.findall(r'<link rel="canonical"[^>]*>', page)
        with pytest.raises(urllib.error.HTTPError) as missing:  # the site's own 404 page
            fetch(url + "tidak/ada/")
        assert missing.value.code == 404
        assert "Halaman tidak ditemukan" in missing.value.read().decode("utf-8")

        text = article.read_text().replace("Kemanusiaan Berlaku", "Kemanusiaan Diperpanjang")
        article.write_text(text)
        wait_for(lambda: "Diperpanjang" in fetch(url + SLUG_URL))

        (extra / "vocabulary.yaml").write_text("entities: []\n")
        wait_for(lambda: re.search(r"Changed: .*vocabulary\.yaml",
                                   (tmp_path / "devserver.log").read_text()) is not None)
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()
