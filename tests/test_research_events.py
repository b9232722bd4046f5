"""The events timeline and the events near each article, on the research fixture site.

Events come from tools/data/events.yaml; the articles are the research fixtures (trilateral
statement copies of 10-11 November 2020, the Moscow ceasefire report of 10 October 2020).
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def near_events(site: Path, path: str) -> list[str]:
    box = soup(site / path / "index.html").select_one("section.near-events")
    return [" ".join(li.get_text(" ").split()) for li in box.select("li")] if box else []


def test_the_timeline_lists_every_event_in_date_order(research_site: Path) -> None:
    events = soup(research_site / "events" / "index.html").select("li.timeline-event")
    days = [e.time["datetime"] for e in events]
    assert days == sorted(days)
    assert {"2008-08-07", "2020-09-27", "2020-10-10", "2020-11-10", "2023-09-19",
            "2024-01-01"} <= set(days)


def test_the_timeline_shows_the_coverage_around_an_event(research_site: Path) -> None:
    timeline = soup(research_site / "events" / "index.html")
    event = timeline.select_one("li#trilateral-statement-ends-the-2020-war")
    assert "Pernyataan trilateral mengakhiri perang 2020" in event.h2.get_text()
    after = int(event.select_one("[data-after]")["data-after"])
    assert after >= 5  # the five fixture reports of 10-11 November
    links = [a["href"] for a in event.select(".timeline-articles a")]
    assert any(link.endswith("/2020/11/pernyataan-trilateral-antara/") for link in links)


def test_the_timeline_is_in_the_site_navigation(research_site: Path) -> None:
    nav = soup(research_site / "index.html").select_one("nav.site-nav")
    assert [a["href"] for a in nav.select("a") if a.get_text() == "Peristiwa"]


def test_an_article_names_the_event_it_reports_first(research_site: Path) -> None:
    found = near_events(research_site, "2020/11/pernyataan-trilateral-kompas")
    assert found[0] == "10 November 2020 · Pernyataan trilateral mengakhiri perang 2020"
    found = near_events(research_site, "2020/10/gencatan-senjata-kemanusiaan-moskow")
    assert found[0] == "10 Oktober 2020 · Gencatan senjata kemanusiaan Moskow"


def test_an_english_article_names_events_in_english(research_site: Path) -> None:
    found = near_events(research_site, "2023/09/azerbaijan-launches-operation-in-karabakh")
    assert found[0] == "19 September 2023 · Azerbaijani military offensive in Karabakh"


def test_near_events_link_to_their_place_on_the_timeline(research_site: Path) -> None:
    page = soup(research_site / "2020/11/pernyataan-trilateral-kompas/index.html")
    href = page.select_one("section.near-events a")["href"]
    assert href.endswith("/events/#trilateral-statement-ends-the-2020-war")
    timeline = soup(research_site / "events" / "index.html")
    assert timeline.select_one("li#trilateral-statement-ends-the-2020-war")


def test_search_engines_find_the_timeline_and_the_figure_ledgers(research_site: Path) -> None:
    sitemap = (research_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/events/</loc>" in sitemap
    # the ledger of the conflict whose fixture articles report figures
    assert "/figures/nagorno-karabakh/</loc>" in sitemap
