"""`make publish` refuses to write a placeholder address into every link: SITEURL is required.

It used to fall back silently to https://arsip-kaukasus.example.org unless an undocumented
SITEURL environment variable was set.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from browse_site import make_site_source

from conftest import ROOT, build_site

PUBLIC = "https://arsip.example.net"


def _make_publish(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`make publish` pointed at empty folders in tmp_path, so a refusal touches nothing."""
    folders = {name: tmp_path / name.lower() for name in ("INPUTDIR", "OUTPUTDIR", "SEEDSDIR")}
    for folder in folders.values():
        folder.mkdir(exist_ok=True)
    clean = {k: v for k, v in os.environ.items() if k != "SITEURL"}
    return subprocess.run(["make", "--no-print-directory", "publish",
                           *(f"{k}={v}" for k, v in folders.items())],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**clean, **env})


@pytest.mark.parametrize("env", [{}, {"SITEURL": "https://arsip-kaukasus.example.org"},
                                 {"SITEURL": "arsip.example.net"}],
                         ids=["unset", "placeholder", "no-scheme"])
def test_publish_without_a_real_siteurl_stops_saying_how_to_set_it(tmp_path: Path,
                                                                   env: dict) -> None:
    result = _make_publish(tmp_path, **env)
    assert result.returncode != 0
    assert "make publish SITEURL=https://" in result.stderr
    assert list((tmp_path / "outputdir").iterdir()) == []


def test_make_help_documents_siteurl() -> None:
    result = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert "make publish SITEURL=https://" in result.stdout


def test_published_links_feeds_and_sitemap_use_the_given_address(tmp_path: Path) -> None:
    content = make_site_source(tmp_path)
    output = tmp_path / "output"
    build_site(content, output, settings=ROOT / "publishconf.py",
               env={"SITEURL": PUBLIC + "/"}, extra={"PAGEFIND_ENABLED": "false"})
    for name in ("index.html", "sitemap.xml", "feeds/all.atom.xml"):
        text = (output / name).read_text(encoding="utf-8")
        assert f"{PUBLIC}/" in text and "example.org" not in text, name
    assert f"{PUBLIC}//" not in (output / "index.html").read_text(encoding="utf-8")
