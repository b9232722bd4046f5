"""Entity pages and outlet origin on the research fixture site (tests/fixtures/research/).

The articles these tests name are the `entity-*` ones (Stepanakert, Shusha); other research
views add their own articles to the same site, so counts are taken from the fixture headers
rather than written down, and every other assertion is about the articles named here.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tools.outlets import load_outlets
from tools.vocabulary import load_vocabulary

from conftest import FIXTURES

CONTENT = FIXTURES / "research" / "content"
SHELLING = "Shelling Reported in Stepanakert as Fighting Continues"  # Armenpress, 2020-10
SHELTER = "Warga Stepanakert Berlindung di Ruang Bawah Tanah"  # Kompas, 2020-10
VISIT = "Azerbaijani Officials Visit Khankendi After Ceasefire"  # APA, 2023-10
SHUSHA = "Azerbaijan Menyatakan Telah Merebut Kota Shusha"  # Anadolu, 2020-11


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def headers() -> list[dict[str, str]]:
    """The header fields of every research fixture article, as an editor wrote them."""
    found = []
    for path in sorted(CONTENT.rglob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        found.append(dict(line.split(": ", 1) for line in head.splitlines() if ": " in line))
    return found


def tagged(tag: str) -> list[dict[str, str]]:
    return [h for h in headers() if tag in [t.strip() for t in h.get("Tags", "").split(",")]]


@pytest.fixture(scope="module")
def stepanakert(research_site: Path) -> BeautifulSoup:
    return soup(research_site / "tag" / "stepanakert" / "index.html")


def test_a_contested_place_lists_each_name_with_its_script_and_users(stepanakert) -> None:
    rows = {row.th.get_text(): [td.get_text() for td in row.select("td")]
            for row in stepanakert.select(".entity-names tbody tr")}
    assert rows["Ստեփանակերտ"] == ["hy", "Armenia", "Armenian"]  # the script, in Indonesian
    assert rows["Xankəndi"][:2] == ["az", "Latin"] and "Azerbaijan" in rows["Xankəndi"][2]
    assert rows["Ханкенди"][1] == "Sirilik" and "Stepanakert" in rows
    assert stepanakert.select_one(".entity-names th[lang='hy']").get_text() == "Ստեփանակերտ"
    note = stepanakert.select_one(".entity-note").get_text(" ", strip=True)
    assert "Khankendi until 1923" in note and "takes no side" in note


def test_shusha_shows_both_sides_names_and_who_it_appears_with(research_site: Path) -> None:
    page = soup(research_site / "tag" / "shusha" / "index.html")
    names = [th.get_text() for th in page.select(".entity-names tbody th")]
    assert {"Shusha", "Shushi", "Şuşa", "Շուշի", "Шуша"} <= set(names)
    assert "Armenians Shushi" in page.select_one(".entity-note").get_text()
    together = [a.get_text() for a in page.select(".entity-together a")]
    assert "Ilham Aliyev" in together and "Shusha" not in together
    assert SHUSHA in page.select_one(".article-list").get_text()
    turkey = page.select_one(".entity-countries li[data-country='TR']")  # Anadolu
    assert turkey.get_text(" ", strip=True).startswith("Turki ")  # named in Indonesian


def test_a_person_page_lists_the_dated_roles(research_site: Path) -> None:
    page = soup(research_site / "tag" / "ilham-aliyev" / "index.html")
    facts = [li.get_text(" ", strip=True) for li in page.select(".entity-facts li")]
    assert facts == ["President of Azerbaijan: sejak 31 Oktober 2003"]


def test_every_person_place_organisation_and_conflict_has_a_page(research_site: Path) -> None:
    vocabulary = load_vocabulary()
    people = [e for e in vocabulary.entities if e.kind != "topic"]
    heydar = research_site / "tag" / "heydar-aliyev" / "index.html"
    assert tagged("Heydar Aliyev") == []  # no article yet, still a page
    assert "President of Azerbaijan" in soup(heydar).select_one(".entity-facts").get_text()
    index = soup(research_site / "tags" / "index.html")
    assert "../tag/heydar-aliyev/" in [a["href"] for a in index.select("#kind-none + ul a")]
    titles = {soup(p).h1.get_text(strip=True) for p in (research_site / "tag").glob("*/index.html")}
    assert [e.name for e in people if e.name not in titles] == []
    conflicts = {soup(p).h1.get_text(strip=True)
                 for p in (research_site / "category").glob("*/index.html")}
    assert {c.name for c in vocabulary.conflicts} <= conflicts
    chechnya = soup(research_site / "category" / "chechnya" / "index.html")
    assert "Ramzan Kadyrov" in [a.get_text() for a in chechnya.select(".entity-profile .chips a")]


def test_the_monthly_chart_has_a_bar_per_month_with_its_count(stepanakert) -> None:
    expected = Counter(h["Date"][:7] for h in tagged("Stepanakert"))
    assert expected["2020-10"] >= 2 and expected["2023-10"] >= 1  # this file's articles
    cells = stepanakert.select(".coverage-chart td[data-month]")
    bars = {td["data-month"]: int(td.select_one(".bar").get_text().split(": ")[-1])
            for td in cells if td.select_one(".bar")}
    assert bars == dict(expected)
    assert all(int(td["data-count"]) == expected.get(td["data-month"], 0) for td in cells)
    assert not stepanakert.select(".coverage-chart a.bar"), "an entity's bars link nowhere"
    tallest = max(expected.values())
    for td in cells:
        if td.select_one(".bar"):
            height = re.search(r"--h:(\d+)%", td.select_one(".bar")["style"]).group(1)
            assert int(height) == round(100 * expected[td["data-month"]] / tallest)


def test_the_entity_page_counts_its_outlets_and_their_countries(stepanakert) -> None:
    outlets = load_outlets()
    articles = tagged("Stepanakert")
    by_source = Counter(h["Source"] for h in articles)
    by_country = Counter(outlets.find(h["Source"]).country for h in articles)
    shown = {li.a.get_text(): li.select_one(".count").get_text()
             for li in stepanakert.select(".entity-outlets li")}
    assert shown == {name: f"{n} artikel" for name, n in by_source.items()}
    countries = {li["data-country"]: li.get_text(" ", strip=True)
                 for li in stepanakert.select(".entity-countries li")}
    assert countries.keys() == by_country.keys() and {"AM", "AZ", "ID"} <= countries.keys()
    assert countries["AM"] == f"Armenia {by_country['AM']} artikel"


def test_the_sources_page_groups_outlets_by_country(research_site: Path) -> None:
    page = soup(research_site / "sources" / "index.html")
    groups = {section["data-country"]: section for section in page.select("section.source-country")
              if section.has_attr("data-country")}  # the last group: outlets not in the data
    assert groups["AM"].h2.get_text(" ", strip=True).startswith("Armenia")
    assert "Armenpress" in [a.get_text() for a in groups["AM"].select("li a")]
    assert "APA" in [a.get_text() for a in groups["AZ"].select("li a")]
    assert {"Kompas", "Antara"} <= {a.get_text() for a in groups["ID"].select("li a")}
    assert "milik negara" in groups["AM"].get_text()  # Armenpress is state-owned
    names = [s.h2.contents[0].strip() for s in groups.values()]
    assert names == sorted(names), "countries in alphabetical order"
    sections = page.select("section.source-country")
    assert all(s.has_attr("data-country") for s in sections[:len(groups)])  # unknown ones last


def test_a_source_page_says_where_the_outlet_is_based(research_site: Path) -> None:
    page = soup(research_site / "source" / "armenpress" / "index.html")
    assert page.select_one(".outlet-origin").get_text(strip=True) == (
        "milik negara · berbasis di Armenia")
