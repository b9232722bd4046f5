"""Nothing lost without a word: every import records what it removed, and an article the
importer is unsure of is written as `Status: draft` with a `Review:` reason, listed in the
batch summary, accepted by the checker and kept off the published site."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tools.check import run_check
from tools.cli import cli
from tools.importer.article import Article, Removed
from tools.importer.review import mark

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import" / "metadata"
SENTENCE = ("The delegation said on Tuesday that the talks about the border would continue "
            "next month in the capital, officials added.")


def article(kind: str = "text", kept: int = 2, removed: int = 0) -> Article:
    item = Article(path=Path("x.txt"), kind=kind)
    item.paragraphs = [SENTENCE] * kept
    item.removed = [Removed(SENTENCE, "outside-body") for _ in range(removed)]
    return item


def test_a_high_share_of_removed_running_text_is_marked_for_review() -> None:
    lost = article(kept=2, removed=20)
    mark(lost)
    assert lost.status == "draft"
    assert "of the running text was removed" in lost.review[0]
    assert "--explain" in lost.review[0]


def test_removed_menus_and_a_little_prose_are_not_marked() -> None:
    fine = article(kept=20, removed=3)
    fine.removed += [Removed("Home", "outside-body"), Removed("World News", "outside-body")]
    mark(fine)
    assert fine.status == "" and fine.review == []


def test_a_page_whose_text_disagrees_with_trafilatura_is_marked() -> None:
    page = article(kind="html", kept=5)
    page.reference_text = " ".join(f"word{n} other text about sport results" for n in range(30))
    mark(page)
    assert page.status == "draft"
    assert "trafilatura" in page.review[0]


def test_a_page_that_agrees_with_trafilatura_is_not_marked() -> None:
    page = article(kind="html", kept=8)
    page.reference_text = "\n".join([SENTENCE] * 8)
    mark(page)
    assert page.review == []


def test_every_import_records_what_it_removed(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / "published_est.txt"), "--out",
                                      str(tmp_path), "--no-profiles"])
    assert result.exit_code == 0, result.output
    (path,) = tmp_path.glob("*/*.md")
    assert "Removed: 3 lines, 16 words" in path.read_text(encoding="utf-8")


def test_weak_evidence_gives_a_draft_listed_in_the_summary_and_accepted_by_check(
        tmp_path: Path) -> None:
    content = tmp_path / "content"
    out = content / "articles"
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / "htmldate_guess.html"),
                                      str(FIXTURES / "jsonld_news.html"), "--out", str(out),
                                      "--no-profiles"])
    assert result.exit_code == 0, result.output
    (draft,) = [p for p in out.glob("*/*.md") if "Status: draft" in p.read_text("utf-8")]
    assert "Review: the date rests on weak evidence (htmldate (extensive search): 2019-11-19)" \
        in draft.read_text(encoding="utf-8")
    lines = result.output.splitlines()
    first = lines.index("1 marked for review (Status: draft until an editor checks):")
    assert str(draft) in lines[first + 1] and "weak evidence" in lines[first + 1]
    problems, _ = run_check([draft], content=content)
    assert [p for p in problems if p.severity == "error"] == []


def test_a_leftover_review_line_on_a_published_article_is_reported(tmp_path: Path) -> None:
    content = tmp_path / "content"
    out = content / "articles"
    CliRunner().invoke(cli, ["import", str(FIXTURES / "htmldate_guess.html"), "--out", str(out),
                             "--no-profiles"])
    (path,) = out.glob("*/*.md")
    path.write_text(path.read_text("utf-8").replace("Status: draft\n", ""), encoding="utf-8")
    problems, _ = run_check([path], content=content)
    assert any("`Review:` is still there" in p.message for p in problems)


def test_a_dump_whose_title_shares_no_word_with_its_text_is_marked() -> None:
    wrong = article(kept=6)
    wrong.title = "Weather Videos and Radar Maps"
    mark(wrong)
    assert wrong.status == "draft"
    assert any("title shares no word" in reason for reason in wrong.review)
    right = article(kept=6)
    right.title = "Border talks to continue next month, delegation says"
    mark(right)
    assert right.review == []


def test_a_dump_whose_text_repeats_the_page_menu_is_marked() -> None:
    menu = ["Sports", "Lions", "Tigers", "Pistons", "Weather", "News", "Travel", "Video",
            "Contests", "Advertise", "Station Info", "Autos"]
    page = article(kept=8)
    page.title = "Border talks continue"
    page.paragraphs += menu
    page.removed += [Removed(item, "outside-body") for item in menu]
    mark(page)
    assert page.status == "draft"
    assert any("shown again outside the text" in reason for reason in page.review)
    # the same words once only (not repeated around the text) are no menu evidence
    once = article(kept=8)
    once.title = "Border talks continue"
    once.paragraphs += menu
    mark(once)
    assert once.review == []


def test_a_dump_whose_text_lost_many_lines_as_teasers_or_repeats_is_marked() -> None:
    """Most of the text found taken out again as teaser links and repeats: the body finder
    may have taken a product page or a list of other stories for the article."""
    listing = article(kept=10)
    listing.removed = [Removed(f"Product {n} - order now", "teaser-link") for n in range(20)] \
        + [Removed("Portion containers: 1 green, 1 red", "duplicate") for _ in range(20)]
    mark(listing)
    assert listing.status == "draft"
    assert "40 lines were taken out of the text found" in listing.review[0]


def test_a_few_read_also_lines_taken_out_of_the_text_are_not_marked() -> None:
    news = article(kept=10)
    news.removed = [Removed("Baca Juga: Armenia dan Azerbaijan", "teaser-link")] * 4
    mark(news)
    assert news.review == []
