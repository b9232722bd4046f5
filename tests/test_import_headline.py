"""The article's headline is found on the page's own evidence (tools/importer/headline.py):
not a breadcrumb, an author credit or a section name (tests/fixtures/import/headlines/)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tools.cli import cli
from tools.evaluation.pages import load_folder
from tools.evaluation.run import score_ours
from tools.evaluation.scoring import same_title
from tools.importer.headline import find_headline
from tools.importer.rules import load_common_rules

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import" / "headlines"
HEADLINE = "Renting a Car: Useful Words and Phrases for Travellers"


def imported(tmp_path: Path, path: Path) -> dict[str, str]:
    """The header of the one article imported from `path` (site profiles off)."""
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(path), "--out", str(out), "--no-profiles"])
    assert result.exit_code == 0, result.output
    (article,) = out.glob("*/*.md")
    head = article.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def test_an_old_page_whose_title_names_the_section_gets_its_displayed_headline(
        tmp_path: Path) -> None:
    fields = imported(tmp_path, FIXTURES / "section_title.html")
    assert fields["Title"] == "Mountain rescue teams honour a founding volunteer"
    assert fields["Date"].startswith("2008-01-11")


def test_a_dump_keeps_its_headline_and_the_date_line_under_it(tmp_path: Path) -> None:
    fields = imported(tmp_path, FIXTURES / "breadcrumb_guide.txt")
    assert fields["Title"] == HEADLINE
    assert fields["Date"].startswith("2024-05-03")


def _page_lines() -> tuple[list[str], list[str]]:
    text = (FIXTURES / "breadcrumb_guide.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Renting a car abroad"))
    return lines, lines[start:start + 12]


def test_the_headline_beats_a_breadcrumb_or_a_dek_the_body_finder_guessed() -> None:
    lines, paragraphs = _page_lines()
    start = lines.index(paragraphs[0])
    for guess in ("Home » " + HEADLINE, lines[start - 3]):  # the breadcrumb, the dek
        assert lines[find_headline(lines, start, paragraphs, guess)] == HEADLINE


def test_menu_lines_and_a_numbered_subhead_above_the_text_are_not_the_headline() -> None:
    lines, paragraphs = _page_lines()
    start = lines.index(paragraphs[0])
    menu = ["Courses", "Pricing", "1. Booking the Car Before You Travel"]
    lines = lines[:start] + menu + lines[start:]
    pos = find_headline(lines, start + len(menu), paragraphs, guess=menu[-1])
    assert lines[pos] == HEADLINE


def test_a_line_of_markup_the_page_shows_is_never_its_headline() -> None:
    """An old page that shows its own HTML as text (`<a href=...><img ...></a>`) right above
    the text: no headline rather than the markup as the title."""
    paragraphs = ["After three months of winter repairs, the morning ferry to the islands is "
                  "running again, and the harbour office has printed new timetables.",
                  "The first crossing leaves at seven, as it did before the repairs, and the "
                  "last one returns shortly after eight in the evening."]
    markup = '<a href="/index/Subscriptions.page"><img src="/index/subs.gif" border="0" /></a>'
    lines = ["Home", markup, *paragraphs]
    assert find_headline(lines, 2, paragraphs) is None


def test_the_sites_domain_shown_as_a_heading_is_not_the_title(tmp_path: Path) -> None:
    """A blog whose banner heading is its domain, and whose <title> puts the domain before
    the headline without a separator: the headline the page displays above the text."""
    fields = imported(tmp_path, FIXTURES / "domain_heading.html")
    assert fields["Title"] == "Ferry Timetables Return to the Harbour"


def test_eval_scores_the_title_of_a_page_refused_only_for_want_of_a_date(
        tmp_path: Path) -> None:
    """An editor passes --date and gets the title the importer found: the eval scores that
    title, and still counts the refusal and the date as missed."""
    root = tmp_path / "corpus"
    (root / "html").mkdir(parents=True)
    (root / "raw_text").mkdir()
    text = (FIXTURES / "breadcrumb_guide.txt").read_text(encoding="utf-8")
    undated = text.replace("May 3, 2024\n", "")
    (root / "raw_text" / "fix_undated.txt").write_text(undated, encoding="utf-8")
    (root / "html" / "fix_undated.html").write_text("<html><body><p>x</p></body></html>",
                                                     encoding="utf-8")
    body = "\n\n".join(undated.split("\n")[11:13])
    truth = {"articleBody": body, "title": HEADLINE, "date": "2024-05-03", "set": "fixture",
             "language": "en", "site": "harbourline.example"}
    (root / "html" / "fix_undated.json").write_text(json.dumps(truth), encoding="utf-8")
    (page,) = load_folder(root)
    out = score_ours(page, "raw_text", load_common_rules())
    assert out.refusal == "no date"
    assert out.title_ok is True and out.title == HEADLINE
    assert out.date_ok is False


def test_an_expected_title_ending_in_the_outlets_name_matches_the_headline_alone() -> None:
    want = "These Weeks in Firefox: Issue 85 – Firefox Nightly News"
    assert same_title("These Weeks in Firefox: Issue 85", want, "blog.nightly.mozilla.org",
                      "Firefox Nightly News")
    assert not same_title("These Weeks in Firefox: Issue 85", want, "blog.nightly.mozilla.org",
                          "Mozilla")
    assert same_title("Headline @ Blog", "Headline @ Blog :: PIXNET ::", "x.pixnet.net")


def test_a_chinese_dump_gets_its_headline_not_its_date_line_and_the_date_from_it(
        tmp_path: Path) -> None:
    fields = imported(tmp_path, FIXTURES / "chinese_dump.txt")
    assert fields["Title"] == "宇航员在太空中喝酒会怎么样？后果很严重"
    assert fields["Date"] == "2019-11-19T10:30:00"
