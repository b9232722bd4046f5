"""The index plan keeps every Pagefind bundle within its page budget, whole periods, newest first.

Pagefind holds every page of a bundle in memory while indexing (~250 KiB a page), so the budget
(PAGEFIND_SHARD_PAGES) is what keeps a 100,000-article build within 1 GiB per process.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

from plugins.newsarchive.search_shards import plan_shards


def articles_between(start: datetime, days: int, per_day: int) -> list[SimpleNamespace]:
    """Fake published articles: `per_day` a day for `days` days from `start`."""
    out = []
    for day in range(days):
        date = start + timedelta(days=day)
        for n in range(per_day):
            slug = f"{date:%Y/%m/%d}-{n}"
            out.append(SimpleNamespace(date=date, url=f"{slug}/", save_as=f"{slug}/index.html"))
    return out


def month_of(page: tuple[str, str]) -> str:
    return page[0][:7].replace("/", "-")


def test_a_small_archive_is_one_bundle_at_the_bundle_root() -> None:
    articles = articles_between(datetime(2019, 12, 30), 5, 2)
    [shard] = plan_shards(articles, "pagefind", 100)
    assert shard.path == "pagefind"
    assert shard.years == ("2020", "2019")
    assert len(shard.pages) == 10


def test_years_that_fit_stay_whole_and_newest_come_first() -> None:
    articles = articles_between(datetime(2018, 1, 1), 365 * 3, 1)  # 2018, 2019, 2020
    shards = plan_shards(articles, "pagefind", 400)
    assert [s.path for s in shards] == [
        "pagefind", "pagefind/shards/2019-2019", "pagefind/shards/2018-2018"]
    assert [s.periods for s in shards] == [("2020",), ("2019",), ("2018",)]


def test_a_year_bigger_than_the_budget_is_split_into_whole_months_newest_first() -> None:
    articles = articles_between(datetime(2023, 1, 1), 365 + 365, 3)  # ~1,100 pages a year
    shards = plan_shards(articles, "pagefind", 400)
    assert all(len(shard.pages) <= 400 for shard in shards)
    assert shards[0].path == "pagefind"
    periods = [period for shard in shards for period in shard.periods]
    assert periods == sorted(periods, reverse=True)  # newest first, no period twice
    assert all(len(period) == 7 for period in periods)  # months: both years are too big
    for shard in shards:  # each shard holds exactly the pages of its months
        assert {month_of(page) for page in shard.pages} == set(shard.periods)
        assert shard.years == tuple(dict.fromkeys(period[:4] for period in shard.periods))
    assert shards[1].path == f"pagefind/shards/{shards[1].periods[-1]}-{shards[1].periods[0]}"
    pages = [page for shard in shards for page in shard.pages]
    assert len(pages) == len(set(pages)) == len(articles)


def test_only_the_year_that_is_too_big_is_split() -> None:
    big = articles_between(datetime(2024, 1, 1), 366, 2)  # 732 pages
    small = articles_between(datetime(2023, 7, 1), 100, 1) + articles_between(
        datetime(2022, 7, 1), 100, 1)
    shards = plan_shards(big + small, "pagefind", 400)
    periods = [period for shard in shards for period in shard.periods]
    assert periods[-2:] == ["2023", "2022"]
    assert all(period.startswith("2024-") for period in periods[:-2])
    assert shards[-1].periods == ("2023", "2022")  # whole small years still share a bundle


def test_a_month_bigger_than_the_budget_stays_one_bundle() -> None:
    articles = articles_between(datetime(2024, 3, 1), 31, 20)  # 620 pages in March
    articles += articles_between(datetime(2024, 2, 1), 29, 1)
    shards = plan_shards(articles, "pagefind", 400)
    assert [s.periods for s in shards] == [("2024-03",), ("2024-02",)]
    assert len(shards[0].pages) == 620


def test_a_hundred_thousand_articles_plan_into_bundles_within_the_budget() -> None:
    articles = articles_between(datetime(2020, 1, 1), 1827, 55)  # 5 years, 100,485 pages
    shards = plan_shards(articles, "pagefind", 3000)
    assert max(len(shard.pages) for shard in shards) <= 3000
    assert sum(len(shard.pages) for shard in shards) == len(articles)
    assert len({shard.path for shard in shards}) == len(shards)


def test_an_archive_without_articles_still_has_its_empty_primary_bundle() -> None:
    [shard] = plan_shards([], "pagefind", 400)
    assert (shard.path, shard.years, shard.pages, shard.periods) == ("pagefind", (), [], ())
