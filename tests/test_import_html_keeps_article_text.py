"""Saved HTML pages lose none of the article's own text to the cleaning layer: a page with no
title signal is imported (marked for review), a signed paragraph is not a caption, a photo
gallery keeps its captions, a Japanese line is not a stray label, a link set inside a sentence
stays in it, and sections hidden in an accordion are kept (small pages in
tests/fixtures/import/html/)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tools.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "import" / "html"


def imported(tmp_path: Path, name: str) -> str:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / name), "--out", str(out),
                                      "--date", "2020-01-01"])
    assert result.exit_code == 0, result.output
    [article] = out.rglob("*.md")
    return article.read_text(encoding="utf-8")


def test_a_page_without_title_tags_takes_its_bold_headline_and_asks_for_review(
        tmp_path: Path) -> None:
    text = imported(tmp_path, "headline_in_bold.html")
    assert "Title: Harbour bridge reopens after two years of repairs" in text
    assert "Status: draft" in text and "Review:" in text and "title" in text.split("Review:")[1]
    assert "engineers say the bridge should now need no major work" in text


def test_a_long_paragraph_signed_with_initials_is_not_taken_for_a_caption(
        tmp_path: Path) -> None:
    text = imported(tmp_path, "captions_and_signed_paragraphs.html")
    assert "une rétrospective complète de son œuvre. (A.H.)" in text
    assert "sur un montage nerveux" in text
    assert "Le film sort en salles mercredi" not in text  # a caption-sized line is still one


def test_a_photo_gallery_keeps_its_captions_and_drops_its_view_counter(
        tmp_path: Path) -> None:
    text = imported(tmp_path, "photo_gallery.html")
    assert "Petugas mengevakuasi warga lanjut usia dengan perahu karet" in text
    assert "Anak-anak bermain air di depan museum" in text
    assert "telah dilihat" not in text


def test_a_japanese_line_after_the_text_is_not_dropped_as_a_stray_label(
        tmp_path: Path) -> None:
    text = imported(tmp_path, "japanese_sidebar_lines.html")
    assert "川の中には、肉をなくしたイヌがいるだけでした。" in text
    assert "病気検索と対応方法、症状から検索するWEB問診" in text


def test_a_link_set_inside_a_sentence_stays_in_the_sentence(tmp_path: Path) -> None:
    text = imported(tmp_path, "link_inside_sentence.html")
    assert "Según explicó en un comunicado Twitter Lite ahora estará disponible" in text


def test_sections_hidden_in_a_collapsed_accordion_stay_in_order(tmp_path: Path) -> None:
    """trafilatura drops the article's middle sections that the page hides until clicked
    (`display:none`); the page's own text fills them in, between the paragraphs around them,
    and adds nothing after the article."""
    body = imported(tmp_path, "accordion_sections.html").split("\n\n", 1)[1]
    order = ["This guide walks through each step", "The installer measures every room",
             "The pump itself usually arrives", "The installer then balances",
             "Once the pump runs"]
    assert [body.find(words) for words in order] == sorted(body.find(w) for w in order)
    assert -1 not in [body.find(words) for words in order]
    assert "© 2025" not in body


def test_a_date_label_whose_date_the_extract_dropped_is_neither_text_nor_summary(
        tmp_path: Path) -> None:
    head, body = imported(tmp_path, "date_label_apart.html").split("\n\n", 1)
    assert "Summary: The ferries to the islands run more often" in head
    assert "Published:" not in body
