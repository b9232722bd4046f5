"""Text dumps: each line's own shape decides what it is. A hard-wrapped plain-text paragraph,
a table of figures, a code listing, a listicle's `Date:`/`Location:` details and an embedded
post's dated signature belong to the article and do not cut it short; a one-line menu joined
by bullets does not. Hand-made page dumps in English, Russian and French, no site profiles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.importer.article import Article
from tools.importer.pipeline import Options, prepare, process
from tools.importer.repeats import Repeats
from tools.importer.wrapped import unwrap
from tools.slugs import Slugger

DUMPS = Path(__file__).parent / "fixtures" / "import" / "dumps"


def import_file(tmp_path: Path, name: str) -> tuple[Article, list[str]]:
    """Import a fixture dump as it is on disk (the date supplied, as an editor would with
    --date); also return its nonblank lines."""
    path = tmp_path / name
    shutil.copy(DUMPS / name, path)
    options = Options(dry_run=True, use_profiles=False, date="2024-06-03")
    article = prepare(path, options)
    process(article, options, Repeats(), Slugger(tmp_path / "out"))
    lines = path.read_text(encoding="utf-8").split("\n")
    return article, [line for line in lines if line.strip()]


def paragraphs_of(text: str) -> list[str]:
    """The blank-line separated paragraphs of a text, each joined into one line."""
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def test_a_hard_wrapped_plain_text_article_is_kept_as_whole_paragraphs(tmp_path: Path) -> None:
    article, _ = import_file(tmp_path, "wrapped_plain_text.txt")
    text = (DUMPS / "wrapped_plain_text.txt").read_text(encoding="utf-8")
    wanted = [p for p in paragraphs_of(text) if p.endswith(".")]
    assert len(wanted) == 3
    assert article.title == "Archived message format settled at the Prague meeting"
    assert article.paragraphs == wanted
    assert not any("Mailing list moves" in p for p in article.paragraphs)


def test_a_column_of_headlines_of_similar_length_is_not_joined_into_a_paragraph() -> None:
    headlines = ["Working group charters renewed for another two years of work",
                 "Mailing list moves to a new server after twenty years online",
                 "Registration opens for the autumn meeting in the capital city",
                 "New editors appointed for the message header specification."]
    wrapped = ["The working group met in Prague on Tuesday to settle the last open",
               "questions about the new format for archived messages, which has been in",
               "draft for nearly two years."]
    assert unwrap([*headlines, "", *wrapped]) == [*headlines, "", " ".join(wrapped)]


def test_a_code_listing_and_a_table_of_figures_do_not_end_the_article(tmp_path: Path) -> None:
    article, lines = import_file(tmp_path, "table_and_code_in_article.txt")
    assert article.paragraphs[0].startswith("Most slow pages in a web application")
    assert article.paragraphs[-1].startswith("The figures collected after that")
    assert "select pg_stat_statements_reset();" in article.paragraphs
    # shown twice on the page, as code is: no teaser link
    assert "select count(*) from pg_stat_statements where calls > 100;" in article.paragraphs
    assert "search products by name 2,560 44,870 17.5" in article.paragraphs
    assert "2020-08-01 18:00:00+00 │ 24" in article.paragraphs  # a dated row, no page stamp
    assert "Comments are closed." not in article.paragraphs


def test_a_table_of_dated_figures_does_not_cut_the_article(tmp_path: Path) -> None:
    """`1/1/2013 +13.1%` rows are a table, not time stamps between teasers."""
    article, _ = import_file(tmp_path, "dated_table_in_article.txt")
    assert article.paragraphs[0].startswith("Home sale prices are showing signs of growth")
    assert "1/1/2014 +11.3%" in article.paragraphs
    assert article.paragraphs[-1].startswith("Analysts expect the growth to continue")


def test_a_timeline_after_the_last_paragraph_belongs_to_the_article(tmp_path: Path) -> None:
    """Items opening with a day of a month (`27 September – ...`) after the text are its
    timeline or schedule, not a teaser list."""
    article, _ = import_file(tmp_path, "timeline_after_article.txt")
    assert article.paragraphs[-1] == "10 November – A ceasefire brokered by Russia takes effect"
    assert "27 September – Fighting breaks out along the line of contact" in article.paragraphs
    assert "Markets close higher as oil prices recover" not in article.paragraphs


def test_a_date_in_brackets_inside_a_statement_does_not_cut_the_article(
        tmp_path: Path) -> None:
    """`Newer customers (systems installed after April 15, 2023) receive ...` is a list item
    that mentions a date, not a time stamp between teasers."""
    article, _ = import_file(tmp_path, "dated_aside_in_list.txt")
    assert article.paragraphs[0].startswith("When you install solar panels")
    assert article.paragraphs[-1].startswith("Before signing a contract")


def test_the_date_ranges_of_listed_events_do_not_cut_the_article(tmp_path: Path) -> None:
    """`Baku, Azerbaijan: 12-14 March 2026` states when an event is held, not when a page was
    published: no time stamp between teasers."""
    article, _ = import_file(tmp_path, "event_dates_in_listicle.txt")
    assert article.paragraphs[0].startswith("Several regional conferences")
    assert article.paragraphs[-1].startswith("Registration for all four opens")


def test_a_table_of_contents_does_not_cut_off_the_introduction(tmp_path: Path) -> None:
    """A list of the article's own subheads between its first paragraphs and its sections is
    no teaser strip: the introduction above it stays."""
    article, _ = import_file(tmp_path, "table_of_contents_after_intro.txt")
    assert article.paragraphs[0].startswith("In October the foreign ministers")
    assert article.paragraphs[-1].startswith("Analysts said the fighting")


def test_list_items_shaped_like_datelines_after_two_paragraphs_do_not_start_the_text(
        tmp_path: Path) -> None:
    """`Travel Guard – One of the larger providers` reads like `JAKARTA –`; after two
    paragraphs of text it is a list item, not where the article begins."""
    article, _ = import_file(tmp_path, "list_items_like_datelines.txt")
    assert article.paragraphs[0].startswith("I get asked about travel insurance")
    assert article.paragraphs[-1].startswith("Depending on the length of your trip")


def test_every_item_of_a_listicle_keeps_its_date_and_place_details(tmp_path: Path) -> None:
    article, lines = import_file(tmp_path, "listicle_item_details.txt")
    details = [line for line in lines if line.startswith(("Date:", "Location:", "Pricing:"))]
    assert len(details) == 12
    assert all(line in article.paragraphs for line in details)
    assert article.paragraphs[0].startswith("Every year brings more conferences")
    assert article.paragraphs[-1].startswith("Whichever conference you choose")


def test_an_embedded_posts_dated_signature_does_not_cut_off_the_text_above_it(
        tmp_path: Path) -> None:
    article, lines = import_file(tmp_path, "embedded_post_attribution.txt")
    prose = [line for line in lines if len(line.split()) > 15]
    assert len(prose) == 4
    assert article.title == "Министры договорились продолжить переговоры на следующей неделе"
    assert all(paragraph in article.paragraphs for paragraph in prose)
    assert article.paragraphs[0] == prose[0]


def test_a_menu_written_on_one_line_with_bullets_is_not_article_text(tmp_path: Path) -> None:
    article, lines = import_file(tmp_path, "menu_bar_with_bullets.txt")
    prose = [line for line in lines if len(line.split()) > 15 and "▪" not in line]
    assert article.paragraphs == prose


@pytest.mark.parametrize(("name", "title"), [
    ("feed_with_relative_stamps.txt", "Ministři se dohodli, že se příští týden sejdou znovu"),
    ("feed_with_clock_stamps.txt", "Les ministres conviennent de se revoir la semaine prochaine"),
], ids=["dated minutes ago", "clock-stamped headlines"])
def test_a_live_feed_after_the_article_is_not_taken_for_it(
        tmp_path: Path, name: str, title: str) -> None:
    article, lines = import_file(tmp_path, name)
    prose = [line for line in lines if len(line.split()) > 15]
    assert article.title == title
    assert article.paragraphs == prose[:3]


def test_reader_comments_split_by_their_time_stamps_do_not_replace_the_article(
        tmp_path: Path) -> None:
    article, lines = import_file(tmp_path, "comments_after_article.txt")
    prose = [line for line in lines if len(line.split()) > 15]
    assert article.paragraphs == prose[:4]
