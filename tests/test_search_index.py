"""What goes into the Pagefind index, checked on real builds of the synthetic fixture archive."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, build_site

CONTENT = FIXTURES / "search" / "content"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("search-index")
    build_site(CONTENT, output)
    return output


def test_only_published_article_pages_are_indexed_per_language(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    counts = {lang: info["page_count"] for lang, info in entry["languages"].items()}
    # 5 Indonesian and 1 English article; the draft, tag, archive and home pages are not indexed.
    assert counts == {"id": 5, "en": 1}


def test_each_article_page_carries_its_filters_sort_key_and_meta(site: Path) -> None:
    page = site / "2020" / "09" / "serangan-artileri-di-stepanakert" / "index.html"
    body = BeautifulSoup(page.read_text("utf-8"), "html.parser").select_one("[data-pagefind-body]")
    filters: dict[str, list[str]] = {}
    for element in body.select("[data-pagefind-filter]"):
        filters.setdefault(element["data-pagefind-filter"], []).append(element.get_text())
    assert filters == {
        "year": ["2020"], "month": ["2020-09"], "language": ["id"],
        "category": ["Nagorno-Karabakh"],
        "source": ["KabarTimur"], "agency": ["AFP", "Reuters"],
        "syndication": ["syndicated"],  # it credits agencies
        "place": ["Azerbaijan", "Nagorno-Karabakh", "Stepanakert"],
    }
    sort = body.select_one('[data-pagefind-sort="date"]')
    assert sort.get_text() == "2020-09-28"
    meta = {e["data-pagefind-meta"]: e.get_text() for e in body.select("[data-pagefind-meta]")}
    assert meta["date"] == "2020-09-28" and meta["source"] == "KabarTimur"
    assert meta["summary"].startswith("Serangan artileri")
    assert "Khankendi" in meta["aliases"] and "Artsakh" in meta["aliases"]
    # None of it is indexed as body text: it sits in a data-pagefind-ignore block.
    assert sort.find_parent(attrs={"data-pagefind-ignore": True}) is not None


def test_a_theme_that_drops_the_date_sort_key_fails_the_build(tmp_path: Path) -> None:
    theme = shutil.copytree(ROOT / "theme", tmp_path / "theme")
    (theme / "templates" / "partial" / "pagefind_meta.html").write_text("", encoding="utf-8")
    cmd = [sys.executable, "-m", "pelican", str(CONTENT), "-o", str(tmp_path / "out"),
           "-s", str(ROOT / "pelicanconf.py"), "-e", f"THEME={json.dumps(str(theme))}"]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "COLUMNS": "250"})  # Rich wraps at 80
    assert result.returncode != 0
    log = " ".join((result.stdout + result.stderr).split())
    assert "sort key" in log
    assert "/index.html: no `data-pagefind-sort" in log  # names the page at fault


def test_a_large_archive_is_split_into_year_bundles(tmp_path: Path) -> None:
    build_site(CONTENT, tmp_path, extra={"PAGEFIND_SHARD_PAGES": "4"})
    bundles = sorted(p.parent.relative_to(tmp_path).as_posix()
                     for p in tmp_path.rglob("pagefind-entry.json"))
    assert bundles == ["pagefind", "pagefind/shards/2019-2019", "pagefind/shards/2020-2020"]
    search = BeautifulSoup((tmp_path / "search" / "index.html").read_text("utf-8"), "html.parser")
    config = json.loads(search.select_one("#search")["data-config"])
    assert config["bundles"] == [
        {"path": "pagefind/", "years": ["2021"]},
        {"path": "pagefind/shards/2020-2020/", "years": ["2020"]},
        {"path": "pagefind/shards/2019-2019/", "years": ["2019"]},
    ]


def test_a_bundle_left_half_written_is_caught(site: Path, tmp_path: Path) -> None:
    from plugins.newsarchive.search_bundle import bundle_problem

    bundle = shutil.copytree(site / "pagefind", tmp_path / "pagefind")
    assert bundle_problem(bundle, 6) is None
    assert "7 expected" in bundle_problem(bundle, 7)
    (bundle / "pagefind-entry.json").write_text("", encoding="utf-8")  # as seen under load
    assert "unreadable" in bundle_problem(bundle, 6)


def test_a_rewritten_bundle_keeps_equal_files_and_ends_equal_to_what_pagefind_gave(
        site: Path, tmp_path: Path) -> None:
    """write_bundle over an old bundle: files with the same bytes are not touched, changed ones
    are rewritten, stale files, symlinks and a folder in a file's place go, and the folders of
    other bundles (`spare`) are left alone."""
    from plugins.newsarchive.search_bundle import write_bundle

    source = site / "pagefind"
    files = {p.relative_to(source).as_posix(): p.read_bytes() for p in source.rglob("*")
             if p.is_file() and p.relative_to(source).parts[0] != "shards"}
    bundle = tmp_path / "pagefind"
    for relative, data in files.items():
        (bundle / relative).parent.mkdir(parents=True, exist_ok=True)
        (bundle / relative).write_bytes(data)
    fragment = next(r for r in sorted(files) if r.startswith("fragment/"))
    kept = bundle / fragment
    before = (kept.stat().st_mtime_ns, kept.stat().st_ino)
    changed = next(r for r in sorted(files) if r.startswith("index/"))
    (bundle / changed).write_bytes(b"old bytes")
    (bundle / "fragment" / "stale.pf_fragment").write_bytes(b"from an older build")
    (bundle / "index" / "link").symlink_to(bundle / changed)
    (bundle / "pagefind-entry.json").unlink()
    (bundle / "pagefind-entry.json").mkdir()
    (bundle / "old-folder" / "deep").mkdir(parents=True)
    (bundle / "shards" / "2020").mkdir(parents=True)
    (bundle / "shards" / "2020" / "other.pf_meta").write_bytes(b"another bundle")

    prints = write_bundle(bundle, files, 6, {"shards"})

    own = {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*")
           if p.is_file() and p.relative_to(bundle).parts[0] != "shards"}
    assert own == files  # normalising the normalised bundle changes nothing
    assert (kept.stat().st_mtime_ns, kept.stat().st_ino) == before
    assert not (bundle / "index" / "link").exists() and not (bundle / "old-folder").exists()
    assert (bundle / "shards" / "2020" / "other.pf_meta").read_bytes() == b"another bundle"
    assert set(prints) == set(files)


def test_pagefind_is_sent_the_page_language_and_the_whole_indexed_element(site: Path) -> None:
    """Only the chrome around the indexed element is left out of what Pagefind parses; the
    element itself (title, search data, every paragraph, nested elements) arrives whole."""
    from plugins.newsarchive.search_service import indexed_part

    for page in sorted(site.glob("20*/*/*/index.html")):
        html = page.read_text("utf-8")
        sent = indexed_part(html)
        whole = BeautifulSoup(html, "html.parser")
        part = BeautifulSoup(sent, "html.parser")
        assert part.html["lang"] == whole.html["lang"]
        assert str(part.select_one("[data-pagefind-body]")) == str(
            whole.select_one("[data-pagefind-body]"))
        assert len(sent) < len(html) * 0.8, page  # the nav, related list and footer are gone
        assert part.select("nav, footer, link, script") == []


def test_a_page_whose_indexed_element_cannot_be_delimited_is_sent_whole() -> None:
    from plugins.newsarchive.search_service import indexed_part

    unclosed = '<html lang="id"><body><div data-pagefind-body><p>teks</p></body></html>'
    assert indexed_part(unclosed) == unclosed
    no_root = "<div data-pagefind-body><p>teks</p></div>"
    assert indexed_part(no_root) == no_root


def test_a_tight_memory_bound_on_waiting_pages_gives_the_same_index(site: Path,
                                                                      tmp_path: Path) -> None:
    # PAGEFIND_QUEUE_MB = 0: Pelican hands over one page and waits until Pagefind has taken it.
    build_site(CONTENT, tmp_path, extra={"PAGEFIND_QUEUE_MB": "0"})
    def index(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for p in (root / "pagefind").rglob("*") if p.is_file()}
    tight, default = index(tmp_path), index(site)
    assert len(default) > 10
    assert tight == default
