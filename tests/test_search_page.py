"""The search page in a real Chromium, on a real build of the synthetic fixture archive.

Fixture archive (tests/fixtures/search/content, all `Synthetic: true`): five Indonesian articles
from 2019-2021, one English article, one draft. Each test reads what a searcher would see.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from conftest import FIXTURES, build_site

pytestmark = pytest.mark.browser
logger = logging.getLogger(__name__)

CONTENT = FIXTURES / "search" / "content"
ATTACK = "Serangan Artileri Menghantam Stepanakert"
TRUCE = "Gencatan Senjata Kemanusiaan Diumumkan di Moskow"
DENIAL = "Pashinyan Menolak Tuduhan Pelanggaran"
MEETING = "Pashinyan dan Aliyev Bertemu di Brussel"
PROTEST = "Ribuan Orang Berunjuk Rasa di Tbilisi"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("search-site")
    build_site(CONTENT, output)
    return output


@pytest.fixture(scope="module")
def base(site: Path, serve) -> str:
    return serve(site)


def search(page: Page, base: str, query: str) -> list[str]:
    """Open the search page at `query` and return the titles it lists once it has answered."""
    page.goto(f"{base}/search/{query}")
    summary = page.locator("#search-summary")
    expect(summary).not_to_have_text(re.compile(r"^$|Mencari"), timeout=15000)
    assert "tidak dapat dimuat" not in summary.inner_text(), "the search failed to load"
    return titles(page)


def titles(page: Page) -> list[str]:
    return [t.strip() for t in page.locator(".search-result__link").all_inner_texts()]


def open_filters(page: Page) -> None:
    """Open the facet pane (closed on a cold search) and wait for its counts."""
    box = page.locator("#search-filters-box")
    if box.get_attribute("open") is None:
        box.locator("summary").click()
    expect(box.locator("fieldset").first).to_be_visible(timeout=15000)


def facet_counts(page: Page, key: str) -> dict[str, int]:
    open_filters(page)
    options = page.locator(f'fieldset[data-filter="{key}"] .search-facet__option')
    counts = {}
    for option in options.all():
        value = option.locator(".search-facet__value").inner_text()
        counts[value] = int(option.locator(".search-facet__count").inner_text())
    return counts


def test_a_name_finds_every_article_that_mentions_it(page: Page, base: str) -> None:
    assert sorted(search(page, base, "?q=Pashinyan")) == sorted([DENIAL, MEETING])
    expect(page.locator("#search-summary")).to_have_text("2 hasil untuk “Pashinyan”")


def test_an_inflected_indonesian_word_finds_its_base_form(page: Page, base: str, site) -> None:
    attack_page = next(site.glob("2020/09/serangan-artileri-di-stepanakert/index.html"))
    assert "menyerang" not in attack_page.read_text("utf-8").lower()
    assert search(page, base, "?q=menyerang") == [ATTACK]


def test_an_alias_finds_the_articles_of_the_canonical_tag(page: Page, base: str, site) -> None:
    body = next(site.glob("2020/09/serangan-artileri-di-stepanakert/index.html")).read_text("utf-8")
    assert "Khankendi" not in body.split("pagefind-data")[0], "the alias must not be in the text"
    assert search(page, base, "?q=Khankendi") == [ATTACK]
    assert sorted(search(page, base, "?q=Artsakh")) == sorted([ATTACK, TRUCE])
    assert sorted(search(page, base, "?q=Karabagh")) == sorted([ATTACK, TRUCE])


def test_a_facet_narrows_the_results_and_counts_them_right(page: Page, base: str) -> None:
    assert len(search(page, base, "?q=Pashinyan")) == 2
    assert facet_counts(page, "year") == {"2021": 1, "2020": 1}
    assert facet_counts(page, "place")["Armenia"] == 2
    assert facet_counts(page, "person") == {"Nikol Pashinyan": 2, "Ilham Aliyev": 1}
    page.locator('fieldset[data-filter="year"] input[value="2020"]').check()
    expect(page.locator("#search-summary")).to_have_text("1 hasil untuk “Pashinyan”")
    assert titles(page) == [DENIAL]
    assert facet_counts(page, "person") == {"Nikol Pashinyan": 1}
    assert parse_qs(urlparse(page.url).query)["year"] == ["2020"]


def test_a_keyboard_user_stays_on_the_filter_just_ticked(page: Page, base: str) -> None:
    search(page, base, "?q=Pashinyan")
    open_filters(page)
    box = page.locator('fieldset[data-filter="year"] input[value="2020"]')
    box.focus()
    page.keyboard.press("Space")
    expect(page.locator("#search-summary")).to_have_text("1 hasil untuk “Pashinyan”")
    focused = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert focused == ["year", "2020"]
    assert box.is_checked()


def test_results_are_sorted_newest_first_and_oldest_first_on_request(
    page: Page, base: str
) -> None:
    newest = [MEETING, DENIAL, TRUCE, ATTACK]
    assert search(page, base, "?category=Nagorno-Karabakh") == newest
    expect(page.locator("#search-summary")).to_have_text("4 artikel")
    page.select_option("#search-sort", "oldest")
    expect(page.locator(".search-result__link").first).to_have_text(ATTACK)
    assert titles(page) == list(reversed(newest))
    assert "sort=oldest" in page.url
    dates = page.locator(".search-result time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert dates == sorted(dates)


def test_relevance_order_is_offered_too(page: Page, base: str) -> None:
    """DENIAL says "Pashinyan" three times, MEETING (newer) twice."""
    assert search(page, base, "?q=Pashinyan") == [MEETING, DENIAL]
    assert search(page, base, "?q=Pashinyan&sort=relevance") == [DENIAL, MEETING]
    assert page.input_value("#search-sort") == "relevance"


def test_words_of_navigation_drafts_and_tag_lists_find_nothing(page: Page, base: str) -> None:
    assert search(page, base, "?q=Pashinyan"), "the same index must find a word of a body"
    for word in ("Topik", "Langsung", "zorkalantra", "Cari"):
        assert search(page, base, f"?q={word}") == [], word
        expect(page.locator("#search-summary")).to_have_text(f"Tidak ada hasil untuk “{word}”")


def test_a_word_that_finds_nothing_offers_other_forms_that_do(page: Page, base: str) -> None:
    """Snowball misses "pengumpulan" ~ "berkumpul": the page proposes the root that matches."""
    assert search(page, base, "?q=pengumpulan&year=2019") == []
    suggest = page.locator("#search-suggest")
    expect(suggest).to_contain_text("kumpul (1)")
    expect(suggest.get_by_role("link")).to_have_count(1)
    suggest.get_by_role("link", name="kumpul").click()
    expect(page.locator(".search-result__link")).to_have_text([PROTEST], timeout=15000)
    assert parse_qs(urlparse(page.url).query) == {"q": ["kumpul"], "year": ["2019"]}
    assert search(page, base, "?q=Tbilisi") == [PROTEST]
    expect(suggest).to_be_hidden()


def test_a_root_word_that_finds_nothing_offers_its_affixed_form(page: Page, base: str) -> None:
    """"tolak" finds nothing (Pagefind does not stem "menolak" to it): offer "menolak"."""
    assert search(page, base, "?q=tolak") == []
    page.locator("#search-suggest").get_by_role("link", name="menolak").click()
    expect(page.locator(".search-result__link")).to_have_text([DENIAL], timeout=15000)


def test_a_long_query_without_spaces_stays_on_a_phone_screen(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 375, "height": 700})
    search(page, base, "?q=" + "x" * 150)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_query_with_script_and_quotes_is_shown_as_text_and_runs_nothing(
    page: Page, base: str
) -> None:
    evil = "<script>window.pwned=1</script>\"'><img src=x onerror=\"window.pwned=2\">"
    page.goto(f"{base}/search/")
    page.fill("#search-q", evil)
    page.press("#search-q", "Enter")
    expect(page.locator("#search-summary")).to_contain_text(evil, timeout=15000)
    assert page.input_value("#search-q") == evil
    assert page.evaluate("window.pwned") is None
    assert page.locator("#search img, #search script").count() == 0
    page.goto(page.url)  # the same search, restored from the URL
    expect(page.locator("#search-summary")).to_contain_text(evil, timeout=15000)
    assert page.evaluate("window.pwned") is None


def test_the_url_restores_query_filters_and_sort(page: Page, base: str) -> None:
    found = search(page, base, "?q=tahanan&sort=oldest&place=Azerbaijan")
    assert found == [TRUCE, MEETING]
    assert page.input_value("#search-q") == "tahanan"
    assert page.input_value("#search-sort") == "oldest"
    assert page.locator('fieldset[data-filter="place"] input[value="Azerbaijan"]').is_checked()
    page.fill("#search-q", "Lavrov")
    expect(page.locator(".search-result__link")).to_have_text([TRUCE])
    assert parse_qs(urlparse(page.url).query) == {
        "q": ["Lavrov"], "sort": ["oldest"], "place": ["Azerbaijan"]
    }


def test_words_typed_while_the_index_loads_are_searched(page: Page, base: str) -> None:
    """On a slow connection the reader types before Pagefind's script has arrived."""
    held = []
    page.route(re.compile(r".*/pagefind\.js$"), lambda route: held.append(route))
    page.goto(f"{base}/search/")
    page.fill("#search-q", "Tbilisi")
    page.wait_for_timeout(300)
    assert held, "the page asked for Pagefind's script"
    for route in held:
        route.continue_()
    expect(page.locator(".search-result__link")).to_have_text([PROTEST], timeout=15000)


def test_the_header_search_box_leads_to_the_search_page(page: Page, base: str) -> None:
    page.goto(f"{base}/2019/06/protes-di-tbilisi/")
    box = page.locator("header form[role=search] input[name=q]")
    box.fill("Tbilisi")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=Tbilisi$"))
    expect(page.locator(".search-result__link")).to_have_text([PROTEST], timeout=15000)


def test_the_search_page_names_its_language_and_offers_the_others(page: Page, base: str) -> None:
    assert search(page, base, "?q=truce") == []
    line = page.locator("#search-language")
    expect(line).to_contain_text("berbahasa Indonesia")
    line.get_by_role("link", name=re.compile(r"Inggris \(1 artikel\)")).click()
    expect(page.locator(".search-result__link")).to_have_text(
        ["Ceasefire Talks End in Moscow"], timeout=15000
    )
    assert parse_qs(urlparse(page.url).query) == {"q": ["truce"], "lang": ["en"]}


def test_the_header_box_of_an_english_article_searches_english(page: Page, base: str) -> None:
    page.goto(f"{base}/search/?q=truce")
    page.locator("#search-language a").click()
    page.locator(".search-result__link").first.click()
    box = page.locator("header form[role=search] input[name=q]")
    box.fill("truce")
    box.press("Enter")
    expect(page.locator(".search-result__link")).to_have_text(
        ["Ceasefire Talks End in Moscow"], timeout=15000)
    assert parse_qs(urlparse(page.url).query) == {"q": ["truce"], "lang": ["en"]}


def test_without_javascript_the_page_says_search_needs_it(browser, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/search/?q=Pashinyan")
    expect(page.get_by_text("Pencarian memerlukan JavaScript")).to_be_visible()
    expect(page.locator("#search-filters-box")).to_be_hidden()  # it would open onto nothing
    context.close()


def test_search_runs_under_the_strict_content_security_policy(page: Page, base: str) -> None:
    page.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    assert search(page, base, "?q=Pashinyan")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "'wasm-unsafe-eval'" in policy and "worker-src 'self' blob:" in policy
    assert "'unsafe-inline'" not in policy
    assert page.evaluate("window.cspViolations") == []
    assert errors == []


def test_a_cold_search_downloads_little_and_answers_fast(page: Page, base: str) -> None:
    """Generous ceilings on a tiny archive; docs/search.md and the benchmark hold real figures.

    Bytes are counted on the network (Pagefind fetches from a web worker, which the page's own
    performance timeline does not see); the test server sends no gzip, so these are raw bytes.
    """
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished",
            lambda r: fetched.append((r.url, r.sizes()["responseBodySize"])))
    assert search(page, base, "?q=Pashinyan")
    page.wait_for_load_state("networkidle")
    first_ms = page.evaluate("performance.getEntriesByName('search:first-result')[0].startTime")
    total = sum(size for _, size in fetched)
    logger.info("cold search on the fixture archive: %d bytes in %d requests, first result %.0f ms",
                total, len(fetched), first_ms)
    names = [url.rsplit("/", 1)[-1] for url, _ in fetched]
    assert any(name.endswith(".pf_meta") for name in names), "the worker's fetches were counted"
    assert not any(name.endswith(".pf_filter") for name in names), "facets load only when opened"
    assert total < 400_000, fetched
    assert first_ms < 5000
    # Opening the pane fetches the filter files; wait for one rather than racing the worker.
    with page.expect_request_finished(lambda r: r.url.endswith(".pf_filter"), timeout=15000):
        open_filters(page)


def test_results_link_into_a_site_served_under_a_path(page: Page, site: Path, serve,
                                                      tmp_path: Path) -> None:
    (tmp_path / "arsip").symlink_to(site, target_is_directory=True)
    base = serve(tmp_path) + "/arsip"
    assert search(page, base, "?q=Tbilisi") == [PROTEST]
    page.locator(".search-result__link").click()
    page.wait_for_url(re.compile(r"/arsip/2019/06/protes-di-tbilisi/$"))
    expect(page.locator("h1")).to_have_text(PROTEST)
