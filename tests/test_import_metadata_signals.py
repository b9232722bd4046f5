"""Each metadata signal a page or dump carries reaches the article, with its stated time zone
and with the evidence named (tests/fixtures/import/metadata/: small pages and dumps)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tools.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import" / "metadata"


def imported(tmp_path: Path, name: str, *extra: str) -> dict[str, str]:
    """The header of the one article imported from a fixture (site profiles off)."""
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / name), "--out", str(out),
                                      "--no-profiles", *extra])
    assert result.exit_code == 0, result.output
    (path,) = out.glob("*/*.md")
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def test_json_ld_news_article_gives_headline_date_zone_publisher_and_author(
        tmp_path: Path) -> None:
    fields = imported(tmp_path, "jsonld_news.html")
    assert fields["Title"] == "Ministers agree to meet again"
    assert fields["Date"] == "2019-11-19T10:02:00-05:00"
    assert fields["Source"] == "Caucasus Herald"
    assert fields["Authors"] == "Anna Petrosyan"
    assert fields["Lang"] == "en"
    assert fields["Date_evidence"].startswith("JSON-LD NewsArticle datePublished")


def test_opengraph_gives_title_outlet_url_and_a_date_in_its_own_zone(tmp_path: Path) -> None:
    fields = imported(tmp_path, "opengraph.html")
    assert fields["Title"] == "Ministers agree to meet again"  # not "... | Yerevan Daily"
    assert fields["Source"] == "Yerevan Daily"
    assert fields["Source_url"] == "https://yerevan-daily.example/news/ministers-agree"
    assert fields["Date"] == "2020-10-20T14:30:00+04:00"


def test_time_element_datetime_gives_the_date(tmp_path: Path) -> None:
    fields = imported(tmp_path, "time_element.html")
    assert fields["Date"] == "2021-03-05T08:30:00+03:00"
    assert fields["Date_method"] == "html-meta"


def test_date_in_the_url_is_used_and_the_domain_names_the_outlet(tmp_path: Path) -> None:
    fields = imported(tmp_path, "url_date.html")
    assert fields["Date"].startswith("2019-11-19")
    assert fields["Date_method"] == "url"
    assert fields["Source"] == "example.org"
    assert "Status" not in fields


def test_htmldate_reads_date_markup_the_other_signals_miss(tmp_path: Path) -> None:
    fields = imported(tmp_path, "htmldate_only.html")  # <div class="entry-date">19.11.2019
    assert fields["Date"].startswith("2019-11-19")
    assert fields["Date_method"] == "htmldate"
    assert "Status" not in fields


def test_a_date_htmldate_only_guesses_from_the_text_is_marked_for_review(
        tmp_path: Path) -> None:
    fields = imported(tmp_path, "htmldate_guess.html")
    assert fields["Date"].startswith("2019-11-19")
    assert fields["Status"] == "draft"
    assert "weak evidence (htmldate (extensive search)" in fields["Review"]


def test_published_line_keeps_its_stated_zone_est(tmp_path: Path) -> None:
    fields = imported(tmp_path, "published_est.txt")
    assert fields["Date"] == "2019-11-19T10:02:00-05:00"
    assert fields["Date_method"] == "dateline"
    assert fields["Title"] == "Ministers agree to meet again"
    assert "Status" not in fields  # the headline stands right above its date line


def test_diperbarui_line_gives_the_date_in_wib(tmp_path: Path) -> None:
    fields = imported(tmp_path, "diperbarui_wib.txt")
    assert fields["Date"] == "2020-10-20T10:00:00+07:00"
    assert fields["Lang"] == "id"


def test_russian_date_line_reads_the_month_name_and_keeps_msk(tmp_path: Path) -> None:
    fields = imported(tmp_path, "russian_msk.txt")
    assert fields["Date"] == "2019-11-19T14:30:00+03:00"
    assert fields["Lang"] == "ru"


@pytest.mark.parametrize(("byline", "name"), [
    ("Автор: Иван Петров", "Иван Петров"), ("Müəllif: Əli Həsənov", "Əli Həsənov"),
    ("Հեղինակ՝ Արամ Պետրոսյան", "Արամ Պետրոսյան"), ("ავტორი: ნინო ბერიძე", "ნინო ბერიძე")])
def test_a_byline_in_the_sources_own_language_and_script_gives_the_author(
        tmp_path: Path, byline: str, name: str) -> None:
    text = (FIXTURES / "bylines_regional.txt").read_text(encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(text.replace("Автор: Иван Петров", byline), encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(page), "--out", str(tmp_path / "out"),
                                      "--no-profiles"])
    assert result.exit_code == 0, result.output
    (path,) = (tmp_path / "out").glob("*/*.md")
    head, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    assert f"Authors: {name}\n" in head + "\n"
    assert byline not in body


def test_a_date_line_reads_the_month_names_of_the_page_language(tmp_path: Path) -> None:
    """French is none of the archive's languages: its month names come with the page's
    identified language (CLDR data), not from a list of the archive's."""
    fields = imported(tmp_path, "french_month.txt")
    assert fields["Lang"] == "fr"
    assert fields["Date"] == "2015-04-30T07:19:00"


def test_a_long_date_with_particles_keeps_its_time_and_zone(tmp_path: Path) -> None:
    fields = imported(tmp_path, "spanish_long_date.txt")
    assert fields["Lang"] == "es"
    assert fields["Date"] == "2017-12-01T03:00:00-08:00"


@pytest.mark.parametrize(("fixture", "date"), [
    ("compact_date.txt", "2018-12-21T12:55:00"),  # `21.dez.2018 às 12h55` (also 04-ago-2021)
    ("glued_date.txt", "2019-11-20T04:29:00"),  # a copy runs it together: `Nov 20 20194:29 AM`
    # far below the headline, nothing but dates and clocks: the page's own date line
    ("date_line_with_update.txt", "2019-11-19T04:20:00"),  # `... | Updated November 19, ...`
])
def test_a_date_line_is_read_in_the_shapes_copied_pages_give_it(
        tmp_path: Path, fixture: str, date: str) -> None:
    assert imported(tmp_path, fixture)["Date"] == date


def test_amt_is_armenia_time_and_editor_line_is_kept_as_metadata(tmp_path: Path) -> None:
    out = tmp_path / "out"
    CliRunner().invoke(cli, ["import", str(FIXTURES / "editor_line.txt"), "--out", str(out),
                             "--no-profiles"])
    (path,) = out.glob("*/*.md")
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n\n", 1)
    assert "Date: 2019-11-19T14:30:00+04:00" in head
    assert "Editor: Anna Petrosyan" in head
    assert "Anna Petrosyan" not in body


@pytest.mark.parametrize("name", ["front_matter.txt", "front_matter_bare.txt"])
def test_front_matter_gives_title_date_and_source_and_is_not_body(tmp_path: Path,
                                                                   name: str) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / name), "--out", str(out),
                                      "--no-profiles"])
    assert result.exit_code == 0, result.output
    (path,) = out.glob("*/*.md")
    head, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    assert "Title: Sixteen killed as fighting spreads along the front line\n" in head
    assert "Date: 2020-09-27T19:55" in head
    assert "Date_method: front-matter" in head
    assert "Source: Example Wire" in head
    assert "title:" not in body and "date:" not in body


def test_a_date_without_a_stated_zone_assumes_no_zone(tmp_path: Path) -> None:
    """Not +07:00: the site is unknown, so the time is written as stated, without a zone."""
    fields = imported(tmp_path, "front_matter.txt")
    assert fields["Date"] == "2020-09-27T19:55:27"


def test_explain_names_the_signal_behind_each_decision(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / "opengraph.html"), "--out",
                                      str(tmp_path), "--no-profiles", "--dry-run", "--explain"])
    assert "title from <meta og:title>" in result.output
    assert "title not from <title>: 'Ministers agree to meet again | Yerevan Daily'" \
        not in result.output  # the site suffix is taken off before the titles are compared
    assert "source from <meta og:site_name>: 'Yerevan Daily'" in result.output
    assert "source not from URL domain" in result.output
    assert "date from <meta article:published_time>" in result.output
    assert "language en from text: py3langid en" in result.output


def test_the_headline_shown_above_the_text_beats_the_seo_title_of_the_meta_tags(
        tmp_path: Path) -> None:
    fields = imported(tmp_path, "h1_over_seo_title.html", "--explain")
    assert fields["Title"] == "Ministers agree to meet again after six hours of border talks"
    assert "Status" not in fields


def test_a_title_part_the_page_shows_above_the_text_drops_the_site_prefix(
        tmp_path: Path) -> None:
    # `KNEWS: ...` in <title>, the headline alone above the text; the <h1> is the site's name
    fields = imported(tmp_path, "title_part_shown.html")
    assert fields["Title"] == "Ministers agree to meet again"


def test_a_headline_naming_the_outlet_keeps_its_words_only_the_site_suffix_goes(
        tmp_path: Path) -> None:
    fields = imported(tmp_path, "site_name_in_headline.html")
    assert fields["Title"] == "How we designed Dropbox’s ATF - an async task framework"
    assert fields["Source"] == "Dropbox"


def test_a_byline_with_its_date_gives_the_date_of_a_dump(tmp_path: Path) -> None:
    fields = imported(tmp_path, "byline_date.txt")
    assert fields["Date"].startswith("2026-03-12")
    assert fields["Date_evidence"].startswith("date line (byline): By Anna Petrosyan")
    assert "Status" not in fields


def test_a_dated_byline_far_below_the_headline_gives_the_date_but_asks_for_review(
        tmp_path: Path) -> None:
    fields = imported(tmp_path, "byline_date_far.txt")
    assert fields["Date"].startswith("2026-03-12")
    assert fields["Status"] == "draft"
    assert "date rests on weak evidence (date line (byline away" in fields["Review"]


def test_a_site_profile_that_states_no_zone_assumes_none(tmp_path: Path) -> None:
    from tools.importer.rules import load_sites

    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "herald.yaml").write_text("name: Caucasus Herald\n"
                                                    "domains: [herald.example]\n")
    (site,) = load_sites(tmp_path)
    assert site.timezone == ""  # never +07:00 for a site that did not say so


@pytest.mark.parametrize(("line", "when"), [
    # an update's date is no clock; the page states no time
    ("12.03.2024 - Güncelleme : 13.03.2024", "2024-03-12T00:00:00"),
    # the clock next to the date, not the update's
    ("14:35 12.03.2024 (обновлено: 16:20 12.03.2024)", "2024-03-12T14:35:00"),
    ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019",
     "2019-11-19T10:48:00"),
    # zones as Russian and Turkish sites write them
    ("12 марта 2024, 14:35 МСК", "2024-03-12T14:35:00+03:00"),
    ("12 марта 2024, 14:35 (мск)", "2024-03-12T14:35:00+03:00"),
    ("12 Mart 2024 14:35 TSİ", "2024-03-12T14:35:00+03:00"),
    # the year's own word after it, as Armenian writes a date
    ("2024 թ. մարտի 12, 14:35", "2024-03-12T14:35:00"),
])
def test_a_date_line_gives_its_own_clock_and_zone(line: str, when: str) -> None:
    from tools.importer.datetext import parse_stated

    stated = parse_stated(line)
    assert stated is not None and stated.when.isoformat() == when


DUMP = """Menteri Luar Negeri Armenia dan Azerbaijan bertemu di Washington

{date}

WASHINGTON - The foreign ministers of Armenia and Azerbaijan met in Washington on Tuesday to
discuss the text of a peace agreement, officials said after the talks ended late in the day.

Both sides said the talks were constructive and agreed to meet again within a month, according
to a joint statement released by the two ministries after the meeting.
{more}
"""


@pytest.mark.parametrize(("date", "more", "url", "day"), [
    ("05.03.2024 | 14:35", "Earlier talks: 13.02.2024.", "", "2024-03-05"),  # a day over 12
    ("09.10.2024", "Next round: 11.24.2024.", "", "2024-09-10"),  # a month-first page
    ("05.03.2024 | 14:35", "", "https://civil.ge/archives/1", "2024-03-05"),  # a .ge site
    ("05/03/2024", "", "", "2024-05-03"),  # nothing tells: as US English writes
])
def test_a_numeric_date_is_read_in_the_order_its_page_writes(
        tmp_path: Path, date: str, more: str, url: str, day: str) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text(DUMP.format(date=date, more=more), encoding="utf-8")
    if url:
        dump.with_suffix(".yaml").write_text(f"url: {url}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(dump), "--out", str(out), "--no-profiles"])
    assert result.exit_code == 0, result.output
    (path,) = out.glob("*/*.md")
    assert f"Date: {day}T" in path.read_text(encoding="utf-8")
