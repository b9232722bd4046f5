"""What a reader sees on the home, article, tag, source, category and static pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from browse_site import (
    ENGLISH_PAGE,
    SEED_PAGE,
    SITE_FIXTURE,
    browse_site,
    make_site_source,
    soup,
)

from conftest import ROOT


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return browse_site(tmp_path_factory, pagefind=False)


def test_home_lists_latest_articles_with_date_source_summary_and_tags(site: Path) -> None:
    home = soup(site / "index.html")
    items = home.select("main .article-list > li")
    assert len(items) == 2  # DEFAULT_PAGINATION=2 in the fixture build
    first = items[0]
    assert first.select_one(".item-title a").get_text() == "Minsk Group Welcomes Ceasefire"
    assert first.select_one("time").get_text() == "12 November 2020"
    assert first.select_one(".meta a").get_text() == "Reuters"
    assert "co-chairs" in first.select_one(".summary").get_text()
    assert [a.get_text() for a in first.select(".chips a")][:2] == ["Nagorno-Karabakh",
                                                                    "Grup Minsk OSCE"]
    assert not home.select(".browse"), "the navigation is not repeated as buttons"


def test_article_shows_indonesian_date_source_agencies_editor_and_reading_time(site) -> None:
    page = soup(site / SEED_PAGE)
    assert page.html["lang"] == "id"
    kicker = page.select_one(".kicker").get_text(" ", strip=True)
    assert "23 Oktober 2020" in kicker
    assert "LancangKuning" in kicker and "1 menit baca" in kicker
    details = dict(zip([d.get_text() for d in page.select(".details dt")],
                       [d.get_text() for d in page.select(".details dd")], strict=True))
    assert details == {"Penulis": "Evan Nugraha", "Kantor berita": "AFP", "Kode editor": "evn"}


def test_article_groups_its_tags_by_kind(site: Path) -> None:
    page = soup(site / SEED_PAGE)
    groups = {dt.get_text(): [a.get_text() for a in dt.find_next_sibling("dd").select("a")]
              for dt in page.select(".tag-groups dt")}
    assert groups == {"Tempat": ["Armenia", "Nagorno-Karabakh"], "Tokoh": ["Mike Pompeo"]}


def test_provenance_box_links_the_original_and_the_published_raw_seed(site: Path) -> None:
    box = soup(site / SEED_PAGE).select_one("aside.provenance")
    original = box.select_one("a.url")
    assert original["href"] == "https://lancangkuning.com/post/armenia-azerbaijan-pompeo"
    raw_link = box.find("a", string="000_fixture_pompeo.txt")
    published = (site / SEED_PAGE).parent / raw_link["href"]
    seed = SITE_FIXTURE / "seeds" / "000_fixture_pompeo.txt"
    assert published.resolve().read_bytes() == seed.read_bytes()
    assert "ab" * 32 in box.select_one(".hash").get_text()
    assert "disimpulkan dari teks" in box.get_text() and "pada Jumat (23/10)" in box.get_text()


def test_only_the_title_and_body_are_searchable(site: Path) -> None:
    page = soup(site / SEED_PAGE)
    bodies = page.select("[data-pagefind-body]")
    assert len(bodies) == 1
    assert bodies[0].select_one("h1").get_text().startswith("Armenia dan Azerbaijan")
    for outside in page.select(".provenance, .tag-groups, .related, .prev-next, .kicker"):
        assert outside.find_parent(attrs={"data-pagefind-body": True}) is None


def test_non_http_source_url_is_shown_as_text_never_as_a_link(site: Path) -> None:
    page = soup(site / ENGLISH_PAGE)
    assert not page.select('a[href^="javascript:"]')
    assert "javascript:alert(1)" in page.select_one(".provenance").get_text()


def test_english_article_has_english_lang_chrome_and_month_names(site: Path) -> None:
    page = soup(site / ENGLISH_PAGE)
    assert page.html["lang"] == "en"
    assert page.select_one(".kicker time").get_text() == "25 October 2020"
    assert page.select_one(".skip-link").get_text() == "Skip to content"
    assert page.select_one("#provenance-heading").get_text() == "Provenance"


def test_tag_page_shows_kind_count_and_vocabulary_aliases(site: Path) -> None:
    page = soup(site / "tag" / "nagorno-karabakh" / "index.html")
    assert page.select_one("h1").get_text() == "Nagorno-Karabakh"
    assert page.select_one(".kicker").get_text(strip=True) == "Tempat · 5 artikel"
    assert "Artsakh" in page.select_one(".aliases").get_text()


def test_tags_index_groups_tags_by_kind_with_counts(site: Path) -> None:
    page = soup(site / "tags" / "index.html")
    headings = [h.get_text() for h in page.select("main h2")]
    assert headings == ["Tempat", "Tokoh", "Organisasi", "Topik",
                        "Ada dalam kosakata, belum ada di artikel mana pun"]
    places = page.select_one("#kind-place").find_parent("section")
    row = places.find("a", string="Nagorno-Karabakh").parent
    assert row.get_text(" ", strip=True) == "Nagorno-Karabakh 5 artikel"  # aliases: tag page
    topics = page.select_one("#kind-topic").find_parent("section").get_text()
    assert "Topik 14" in topics  # not in the vocabulary: shown as a topic


def test_each_source_has_a_page_and_the_sources_index_counts_them(site: Path) -> None:
    index = soup(site / "sources" / "index.html")
    rows = {a.get_text(): a.parent.select_one(".count").get_text()
            for a in index.select("main .tag-list a")}
    assert rows == {"Antara": "3 artikel", "LancangKuning": "5 artikel", "Reuters": "2 artikel"}
    reuters = soup(site / "source" / "reuters" / "index.html")
    titles = [a.get_text() for a in reuters.select(".item-title a")]
    assert titles == ["Minsk Group Welcomes Ceasefire", "Pompeo Hosts Talks in Washington"]


def test_categories_are_the_conflicts(site: Path) -> None:
    page = soup(site / "categories" / "index.html")
    assert [a.get_text() for a in page.select("main .tag-list a")] == ["Georgia–Rusia",
                                                                      "Nagorno-Karabakh"]
    georgia = soup(site / "category" / "georgia-rusia" / "index.html")
    first = georgia.select_one(".item-title a").get_text()
    assert first == "Rusia Kirim Pasukan ke Ossetia Selatan"


def test_drafts_stay_out_of_listings_feeds_and_sitemap(site: Path) -> None:
    for listing in ("index.html", "tag/armenia/index.html", "feeds/all.atom.xml", "sitemap.xml"):
        assert "draf-belum-terbit" not in (site / listing).read_text(encoding="utf-8")


def test_about_and_how_to_search_pages_exist_in_indonesian(site: Path) -> None:
    about = soup(site / "about" / "index.html")
    assert about.html["lang"] == "id" and about.select_one("h1").get_text() == "Tentang arsip ini"
    howto = soup(site / "how-to-search" / "index.html")
    assert howto.select_one("h1").get_text() == "Cara mencari"


def test_missing_pages_get_a_404_with_root_relative_links(site: Path) -> None:
    page = soup(site / "404.html")
    assert page.select_one("h1").get_text() == "Halaman tidak ditemukan"
    assert page.select_one(".site-name")["href"] == "/"
    assert not page.select('link[rel="canonical"]')


def test_only_named_raw_seeds_are_published_and_html_seeds_as_text(site: Path) -> None:
    published = sorted(p.name for p in (site / "raw").iterdir())
    assert published == ["000_fixture_pompeo.txt", "001_fixture_minsk.html.txt"]
    seed = SITE_FIXTURE / "seeds" / "001_fixture_minsk.html"
    assert (site / "raw" / "001_fixture_minsk.html.txt").read_bytes() == seed.read_bytes()
    page = soup(site / "2020" / "11" / "minsk-group-welcomes-ceasefire" / "index.html")
    link = page.select_one(".provenance").find("a", string="001_fixture_minsk.html")
    assert link["href"].endswith("raw/001_fixture_minsk.html.txt")


def test_a_missing_raw_seed_fails_the_build_naming_it(tmp_path: Path) -> None:
    content = make_site_source(tmp_path)
    (tmp_path / "seeds" / "000_fixture_pompeo.txt").unlink()
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "out"),
           "-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings",
           "-e", "PAGEFIND_ENABLED=false"]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "000_fixture_pompeo.txt" in result.stdout + result.stderr
