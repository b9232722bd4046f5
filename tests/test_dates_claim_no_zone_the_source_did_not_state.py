"""A `Date:` without a time zone is published without a UTC offset (plugins/newsarchive/dates.py).

Pelican reads such a date in the site's TIMEZONE (Asia/Jakarta): right for sorting and for the
URL, false as a claim on an Azerbaijani or English report. Real Pelican builds of a small site.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site

ARTICLE = """Title: {title}
Date: {date}
Slug: {slug}
Lang: {lang}
Category: Nagorno-Karabakh
Tags: Armenia, Azerbaijan
Source: LancangKuning
Summary: {title}.
Synthetic: true

{title}: the ministry said so in a statement.
"""
# slug: (Date: as written, what is published)
DATES = {
    "shelling-near-tartar": ("2020-09-27T19:55:00", "2020-09-27T19:55:00"),
    "ceasefire-announced": ("2020-09-26", "2020-09-26"),
    "talks-in-baku": ("2020-09-28T10:00:00+04:00", "2020-09-28T10:00:00+04:00"),
    "menlu-bertemu": ("2020-09-29 08:00 WIB", "2020-09-29T08:00:00+07:00"),
}
NO_ZONE = "shelling-near-tartar"


def write_articles(content: Path) -> None:
    folder = content / "articles" / "2020"
    folder.mkdir(parents=True)
    for slug, (date, _published) in DATES.items():
        lang = "id" if slug == "menlu-bertemu" else "en"
        text = ARTICLE.format(title=slug.replace("-", " ").capitalize(), date=date, slug=slug,
                              lang=lang)
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dates")
    content = root / "content"
    write_articles(content)
    build_site(content, root / "site", extra={"PAGEFIND_ENABLED": "false"})
    return root / "site"


def _page(site: Path, slug: str) -> BeautifulSoup:
    return BeautifulSoup((site / "2020" / "09" / slug / "index.html").read_text("utf-8"),
                         "html.parser")


def _published(page: BeautifulSoup) -> tuple[str, str, str]:
    """The article's <time datetime>, Open Graph published_time and JSON-LD datePublished."""
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    return (page.select_one("article time")["datetime"],
            page.select_one('meta[property="article:published_time"]')["content"],
            data["datePublished"])


def _listed(site: Path, path: str) -> dict[str, str]:
    """href -> <time datetime> of every card or related link on a page that dates one."""
    page = BeautifulSoup((site / path).read_text("utf-8"), "html.parser")
    return {time.find_previous("a")["href"].rstrip("/").rsplit("/", 1)[-1]: time["datetime"]
            for time in page.select("li time")}


def _open_data(site: Path) -> dict[str, str]:
    with (site / "data" / "articles.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["url"].rstrip("/").rsplit("/", 1)[-1]: row["date"]
                for row in csv.DictReader(handle)}
    records = json.loads((site / "data" / "articles.json").read_text("utf-8"))
    assert {r["url"].rstrip("/").rsplit("/", 1)[-1]: r["date"] for r in records} == rows
    return rows


def test_a_date_without_zone_is_published_without_an_offset(site: Path) -> None:
    assert _published(_page(site, NO_ZONE)) == ("2020-09-27T19:55:00",) * 3
    assert _open_data(site)[NO_ZONE] == "2020-09-27T19:55:00"
    for path in ("tag/azerbaijan/index.html", "index.html", "2020/09/talks-in-baku/index.html"):
        assert _listed(site, path)[NO_ZONE] == "2020-09-27T19:55:00", path
    for page in site.rglob("*.html"):
        assert "+07:00" not in page.read_text("utf-8").replace(
            DATES["menlu-bertemu"][1], ""), f"{page} claims +07:00"


def test_a_day_without_zone_is_published_as_the_day_alone(site: Path) -> None:
    assert _published(_page(site, "ceasefire-announced")) == ("2020-09-26",) * 3
    assert _open_data(site)["ceasefire-announced"] == "2020-09-26"


def test_a_stated_zone_or_zone_name_is_published_with_its_offset(site: Path) -> None:
    data = _open_data(site)
    for slug in ("talks-in-baku", "menlu-bertemu"):
        assert _published(_page(site, slug)) == (DATES[slug][1],) * 3
        assert data[slug] == DATES[slug][1]
        assert _listed(site, "tag/azerbaijan/index.html")[slug] == DATES[slug][1]


def test_dates_without_zone_keep_their_day_in_urls_and_their_place_in_the_order(
        site: Path) -> None:
    assert (site / "2020" / "09" / NO_ZONE / "index.html").is_file()
    order = list(_listed(site, "index.html"))
    mine = [slug for slug in order if slug in DATES]
    assert mine == ["menlu-bertemu", "talks-in-baku", NO_ZONE, "ceasefire-announced"]
    assert [slug for slug in _open_data(site) if slug in DATES] == mine[::-1]


def test_feeds_date_a_time_without_zone_in_the_site_zone_as_atom_requires(site: Path) -> None:
    feed = (site / "feeds" / "all.atom.xml").read_text("utf-8")
    assert re.search(r"<published>2020-09-27T19:55:00\+07:00</published>", feed)
    assert re.search(r"<published>2020-09-28T10:00:00\+04:00</published>", feed)
