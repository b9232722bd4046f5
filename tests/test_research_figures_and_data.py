"""Reported figures and open data on the built research fixture site (tests/fixtures/research):
the article's "reported figures" box, the conflict's ledger (by date, each claim its own row,
never summed), and the metadata files in data/ that a researcher loads with the csv module or
pandas. Assertions name only this file's own fixture articles."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from bs4 import BeautifulSoup

from tools.check import run_check

from conftest import FIXTURES, build_site

CONTENT = FIXTURES / "research" / "content"
MINE = {  # fixture file -> (address, title)
    "2020/yerevan-dan-baku-laporkan-korban-tewas.md": (
        "2020/10/yerevan-dan-baku-laporkan-korban-tewas/",
        "Yerevan dan Baku Laporkan Korban Tewas Pertempuran Karabakh"),
    "2020/karabakh-toll-ministries-say.md": (
        "2020/10/karabakh-toll-ministries-say/", "Karabakh Death Toll Rises, Ministries Say"),
    "2023/karabakh-exodus-officials-say.md": (
        "2023/09/karabakh-exodus-officials-say/",
        "More Than 100,000 Leave Karabakh, Officials Say"),
}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def rows_of(table) -> list[list[str]]:
    return [[" ".join(td.get_text().split()) for td in tr.select("td")]
            for tr in table.select("tbody tr")]


def test_the_article_shows_who_reported_what_how_many_and_when(research_site: Path) -> None:
    page = soup(research_site / MINE["2020/yerevan-dan-baku-laporkan-korban-tewas.md"][0]
                / "index.html")
    box = page.select_one("section.figures")
    assert box is not None and box.h2.get_text() == "Angka yang dilaporkan"
    assert rows_of(box.table) == [
        ["Yerevan", "tentara (Armenia) tewas", "772", "12 Oktober 2020"],
        ["Yerevan", "warga sipil tewas", "36", "12 Oktober 2020"],
        ["Baku", "warga sipil tewas", "63", "12 Oktober 2020"],
    ]
    assert box.select_one("a[href$='/figures/nagorno-karabakh/']")


def test_the_ledger_lists_each_claim_by_date_and_never_sums_them(research_site: Path) -> None:
    ledger = soup(research_site / "figures" / "nagorno-karabakh" / "index.html")
    rows = rows_of(ledger.select_one("table.figures-table"))
    dates = [tr.select_one("time")["datetime"] for tr in ledger.select("tbody tr")]
    assert dates == sorted(dates)
    mine = [row[1:4] for row in rows if any(title in row[4] for _, title in MINE.values())]
    assert mine == [
        ["Azerbaijani health ministry", "warga sipil tewas", "27"],
        ["Karabakh authorities", "tentara tewas", "220+"],
        ["Baku", "warga sipil tewas", "63"],
        ["Yerevan", "warga sipil tewas", "36"],
        ["Yerevan", "tentara (Armenia) tewas", "772"],
        ["Yerevan", "orang mengungsi", "100,417"],
    ]
    counts = {row[3] for row in rows}
    assert not {"808", "871", "99", "90"} & counts  # no claimant's total, no cross-claimant sum


def published_titles() -> set[str]:
    titles = set()
    for path in (CONTENT / "articles").rglob("*.md"):
        head = dict(line.split(": ", 1) for line in
                    path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines())
        if head.get("Status", "published").lower() == "published":
            titles.add(head["Title"])
    return titles


def test_articles_csv_has_one_row_per_published_article(research_site: Path) -> None:
    with (research_site / "data" / "articles.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["title"] for row in rows) == sorted(published_titles())
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)  # oldest first
    toll = next(row for row in rows if row["title"] == MINE[
        "2020/karabakh-toll-ministries-say.md"][1])
    assert toll["date"] == "2020-10-05T18:30:00+04:00" and toll["outlet"] == "Reuters"
    assert toll["language"] == "en" and toll["category"] == "Nagorno-Karabakh"
    assert toll["url"].endswith("/2020/10/karabakh-toll-ministries-say/")
    assert set(toll["places"].split("; ")) == {"Azerbaijan", "Armenia", "Nagorno-Karabakh"}
    assert toll["figures"] == ("Azerbaijani health ministry | killed | civilians | 27 | "
                               "2020-10-05; Karabakh authorities | killed | soldiers | 220+ | "
                               "2020-10-05")
    assert (toll["country"], toll["outlet_kind"]) == ("GB", "wire")  # tools/data/outlets.yaml
    by_title = {row["title"]: row for row in rows}
    kompas = by_title["Pernyataan Trilateral Hentikan Perang di Nagorno-Karabakh"]
    antara = next(row for title, row in by_title.items()
                  if title.endswith("Akhiri Perang Karabakh"))
    assert kompas["cluster"] and kompas["cluster"] == antara["cluster"]  # one story, two outlets


def test_articles_json_and_figures_csv_hold_the_same_articles(research_site: Path) -> None:
    records = json.loads((research_site / "data" / "articles.json").read_text(encoding="utf-8"))
    assert {r["title"] for r in records} == published_titles()
    exodus = next(r for r in records if r["title"].startswith("More Than 100,000"))
    assert exodus["figures"] == [{"as_of": "2023-09-30", "reported_by": "Yerevan",
                                  "what": "displaced", "whom": "people", "count": 100417,
                                  "at_least": False}]
    with (research_site / "data" / "figures.csv").open(encoding="utf-8", newline="") as handle:
        figures = list(csv.DictReader(handle))
    mine = [f for f in figures if f["article_url"].endswith(MINE[
        "2020/karabakh-toll-ministries-say.md"][0])]
    assert [(f["reported_by"], f["count"], f["at_least"]) for f in mine] == [
        ("Azerbaijani health ministry", "27", ""), ("Karabakh authorities", "220", "yes")]


def test_the_data_files_are_the_same_bytes_for_the_same_articles(research_site: Path,
                                                                   tmp_path: Path) -> None:
    build_site(CONTENT, tmp_path / "again", extra={"PAGEFIND_ENABLED": "false"})
    for name in ("articles.csv", "articles.json", "figures.csv"):
        assert (tmp_path / "again" / "data" / name).read_bytes() == \
            (research_site / "data" / name).read_bytes(), name


def test_the_about_page_describes_the_open_data(research_site: Path) -> None:
    section = soup(research_site / "tentang-data-terbuka" / "index.html").select_one(
        "#open-data")
    links = {a["href"].rsplit("/", 2)[-2:][-1] for a in section.select("a[href*='/data/']")}
    assert links == {"articles.csv", "articles.json", "figures.csv"}
    assert "pd.read_csv" in section.get_text()
    assert section.select_one("a[href$='/figures/nagorno-karabakh/']")


def test_check_accepts_the_figures_of_the_fixtures() -> None:
    paths = [CONTENT / "articles" / name for name in MINE]
    problems, _ = run_check(paths, content=CONTENT)
    assert [p for p in problems if "Figures" in p.message] == []


def test_a_title_that_looks_like_a_formula_stays_text_in_a_spreadsheet() -> None:
    from plugins.newsarchive.opendata import to_csv

    text = to_csv([{"title": '=HYPERLINK("http://x")', "places": ["A", "B"]}],
                  ("title", "places"))
    rows = list(csv.reader(text.splitlines()))
    assert rows == [["title", "places"], ["'=HYPERLINK(\"http://x\")", "A; B"]]
