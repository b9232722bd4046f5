"""Moving through the archive: pagination, related articles, previous/next, dates, feeds, SEO."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from browse_site import PER_PAGE, SEED_PAGE, browse_site, published_headers, soup

from plugins.newsarchive.related import cached_rank_related, rank_related

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return browse_site(tmp_path_factory, pagefind=False)


def _titles(page: Path) -> list[str]:
    return [a.get_text() for a in soup(page).select("main .item-title a")]


def test_tag_pagination_goes_past_page_two_and_lists_every_article_once(site: Path) -> None:
    tagged = [h["Title"] for h in published_headers() if "Armenia" in h["Tags"].split(", ")]
    pages = math.ceil(len(tagged) / PER_PAGE)
    assert pages >= 3
    seen = _titles(site / "tag" / "armenia" / "index.html")
    for number in range(2, pages + 1):
        page = site / "tag" / "armenia" / "page" / str(number) / "index.html"
        html = soup(page)
        assert f"Halaman {number} dari {pages}" in html.select_one(".page-count").get_text()
        assert html.select_one('a[rel="prev"]') is not None
        seen += _titles(page)
    assert sorted(seen) == sorted(tagged)
    last = soup(site / "tag" / "armenia" / "page" / str(pages) / "index.html")
    assert last.select_one('.pagination a[rel="next"]') is None
    first = soup(site / "tag" / "armenia" / "index.html")
    oldest = first.find("a", string=re.compile("Terlama"))
    assert oldest["href"].endswith(f"tag/armenia/page/{pages}/")


def test_tag_pages_of_topik_14_and_topik_142_do_not_collide(site: Path) -> None:
    # With Pelican's default patterns page 2 of topik-14 would be written as tag/topik-142.html.
    assert _titles(site / "tag" / "topik-14" / "page" / "2" / "index.html") == [
        "Catatan Topik Empat Belas"]
    assert _titles(site / "tag" / "topik-142" / "index.html") == [
        "Catatan Topik Seratus Empat Puluh Dua"]
    assert not (site / "tag" / "topik-142.html").exists()


def test_related_articles_rank_a_rare_shared_tag_above_common_ones(site: Path) -> None:
    related = [a.get_text() for a in soup(site / SEED_PAGE).select(".related li a")]
    # Shares only the rare "Mike Pompeo" but beats articles sharing two common places.
    assert related[0] == "Pompeo Hosts Talks in Washington"
    assert "Perang Pecah di Nagorno-Karabakh" in related[1:]


def test_rank_related_weights_shared_tags_by_rarity_not_count() -> None:
    common = frozenset({"Armenia", "Azerbaijan"})
    tag_sets = [common | {"Pompeo"}, common, frozenset({"Pompeo"}), common, common, common]
    assert rank_related(tag_sets, count=2, budget=100)[0] == [2, 1]


def test_a_stored_ranking_is_reused_only_for_the_same_tag_sets(tmp_path: Path) -> None:
    """Incremental builds keep the last ranking (related.json): reused for identical inputs,
    ranked again when a tag set, the order or a setting differs, or the file is damaged."""
    common = frozenset({"Armenia", "Azerbaijan"})
    tag_sets = [common | {"Pompeo"}, common, frozenset({"Pompeo"}), common, common, common]
    store = tmp_path / "related.json"
    first = cached_rank_related(tag_sets, 2, 100, store)
    assert first == rank_related(tag_sets, 2, 100) and store.is_file()
    data = json.loads(store.read_text(encoding="utf-8"))
    data["data"][0] = [5, 4]  # a marker: only a reused ranking can say this
    store.write_text(json.dumps(data), encoding="utf-8")
    assert cached_rank_related(tag_sets, 2, 100, store)[0] == [5, 4]
    retagged = [*tag_sets[:3], common | {"Pompeo"}, *tag_sets[4:]]
    assert cached_rank_related(retagged, 2, 100, store) == rank_related(retagged, 2, 100)
    assert cached_rank_related(retagged, 3, 100, store) == rank_related(retagged, 3, 100)
    store.write_text('{"key": "x", "ranked": [[99]]', encoding="utf-8")
    assert cached_rank_related(tag_sets, 2, 100, store) == first


def test_previous_and_next_follow_the_date_order(site: Path) -> None:
    nav = soup(site / SEED_PAGE).select_one("nav.prev-next")
    older = nav.select_one('a[rel="prev"]')["href"]
    assert older.endswith("/gencatan-senjata-disepakati-di-moskow/")
    assert nav.select_one('a[rel="next"]')["href"].endswith("/pompeo-hosts-talks-in-washington/")


def test_coverage_chart_counts_articles_per_month(site: Path) -> None:
    expected = Counter(h["Date"][:7] for h in published_headers())
    chart = soup(site / "archives" / "index.html").select("td[data-month]")
    counts = {td["data-month"]: int(td["data-count"]) for td in chart}
    assert {m: c for m, c in counts.items() if c} == dict(expected)
    assert sorted({m[:4] for m in counts}) == ["2008", "2020"]
    for month, count in expected.items():
        year, number = month.split("-")
        listed = _titles(site / year / number / "index.html")
        assert len(listed) == count, month


def test_year_archive_links_its_months_and_month_archive_names_the_month(site: Path) -> None:
    year = soup(site / "2020" / "index.html")
    assert year.select_one("h1").get_text() == "Arsip 2020"
    months = [a.get_text() for a in year.select(".year-list a")]
    assert months == ["September 2020", "Oktober 2020", "November 2020"]
    assert soup(site / "2020" / "10" / "index.html").select_one("h1").get_text() == (
        "Arsip Oktober 2020")


@pytest.mark.parametrize("feed", ["all.atom.xml", "tag/nagorno-karabakh.atom.xml",
                                  "category/nagorno-karabakh.atom.xml", "source/reuters.atom.xml"])
def test_feeds_parse_as_atom_with_entries(site: Path, feed: str) -> None:
    root = ET.parse(site / "feeds" / feed).getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert re.search(r"(^|/)\d{4}/\d{2}/[a-z0-9-]+/$", link), link


def test_source_feed_lists_only_that_source(site: Path) -> None:
    root = ET.parse(site / "feeds" / "source" / "reuters.atom.xml").getroot()
    assert root.find(f"{ATOM}title").text.endswith("Reuters")
    titles = sorted(e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry"))
    assert titles == ["Minsk Group Welcomes Ceasefire", "Pompeo Hosts Talks in Washington"]


def test_sitemap_is_sorted_and_lists_articles_tags_sources_and_archives(site: Path) -> None:
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = [u.find("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").text for u in root]
    assert locs == sorted(locs)
    paths = {re.sub(r"^https?://[^/]+/", "", loc) for loc in locs}
    assert {"2020/10/armenia-dan-azerbaijan-bertemu-menlu-as/", "tag/armenia/",
            "source/reuters/", "category/georgia-rusia/", "2020/10/", "2008/", "about/",
            "tags/", "archives/", ""} <= paths
    for path in paths:
        assert (site / path / "index.html").is_file(), path
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: http" in robots and robots.rstrip().endswith("/sitemap.xml")


def test_article_has_canonical_open_graph_and_news_article_json_ld(site: Path) -> None:
    page = soup(site / SEED_PAGE)
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical.startswith("http") and canonical.endswith(
        "/2020/10/armenia-dan-azerbaijan-bertemu-menlu-as/")
    assert page.select_one('meta[property="og:url"]')["content"] == canonical
    assert page.select_one('meta[property="og:type"]')["content"] == "article"
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "NewsArticle"
    assert data["isBasedOn"] == "https://lancangkuning.com/post/armenia-azerbaijan-pompeo"
    assert data["datePublished"] == "2020-10-23T00:00:00+07:00"
    assert data["publisher"]["name"] == "LancangKuning"
