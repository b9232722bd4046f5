"""Decoding, whitespace, Markdown escaping, tagging and date inference on hand-made inputs."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner

from tools.cli import cli
from tools.importer.markdown_out import escape_markdown
from tools.importer.read import decode
from tools.importer.tagging import find_entities
from tools.vocabulary import load_vocabulary

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"


def run(*args: str):
    return CliRunner().invoke(cli, ["import", *args])


def imported(tmp_path: Path, name: str) -> str:
    result = run(str(FIXTURES / name), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    (path,) = tmp_path.glob("*/*.md")
    return path.read_text(encoding="utf-8")


def rendered_text(md: str) -> str:
    out = markdown.markdown(md, extensions=["extra"])
    assert "<script" not in out and "<ol" not in out and "<ul" not in out and "<h1" not in out
    assert "<blockquote" not in out and "<pre" not in out and "<em" not in out
    return html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


@pytest.mark.parametrize("text", [
    "1. Ini bukan daftar.", "# bukan judul", "> bukan kutipan", "- bukan butir",
    "kata *penting* dan _miring_ dan `kode`", "<script>alert(1)</script> &amp; &lt;",
    "[tautan](http://contoh.com) dan ![gambar](x.png)", "back\\slash", "+ plus", "2) dua",
])
def test_markdown_lookalike_text_renders_literally(text: str) -> None:
    assert rendered_text(escape_markdown(text)) == text


def test_markdown_lookalike_fixture_renders_as_plain_paragraphs(tmp_path: Path) -> None:
    body = imported(tmp_path, "markdown_lookalikes.txt").split("\n\n", 1)[1]
    out = markdown.markdown(body, extensions=["extra"])
    assert out.count("<p>") == 6 and "<pre" not in out and "<script" not in out
    assert "- Tanda hubung" in html.unescape(re.sub(r"<[^>]+>", "", out))


def test_a_dump_written_in_markdown_is_read_without_its_markup(tmp_path: Path) -> None:
    """As Jina Reader writes a page: a `Title:`/`URL Source:`/`Published Time:` header, then
    the page in Markdown (links, images, headings, emphasis, code)."""
    text = imported(tmp_path, "markdown_dump.txt")
    head, body = text.split("\n\n", 1)
    assert "Title: Armenia and Azerbaijan sign peace deal framework in Washington\n" in head
    assert "Date: 2025-08-08T18:30:00+00:00" in head and "Authors: Jane Doe" in head
    assert "Source_url: https://www.example-news.com/world/2025/08/08/armenia-azerbaijan-peace" \
        in head
    assert "Status: draft" not in head
    assert "called the deal a turning point for the region." in body
    assert "dissolution of the OSCE Minsk Group, which" in body
    assert "\n\nWhat the deal includes\n\n" in body
    assert "peace\\_framework\\_v2.pdf" in body, "code keeps its underscores (escaped)"
    for markup in ("**", "](", "###", "![", "Image 1", "Markdown Content", "Skip to main"):
        assert markup not in body


def test_hashtags_and_a_lone_link_leave_a_plain_dump_as_written() -> None:
    from tools.importer.markdown_in import looks_like_markdown

    plain = "# Driver Go-Jek Ditembak\n# Tol Cikunir II\n# Teror Bom\nLihat [foto](x.png).\n"
    assert not looks_like_markdown(plain)
    assert not looks_like_markdown("Harga **naik** lagi\nStok **turun**\nJual **beli**\n")


def test_utf8_page_declaring_latin1_is_read_as_utf8(tmp_path: Path) -> None:
    text = imported(tmp_path, "mislabelled_charset.html")
    assert "“Kami lelah" in text and "Ã" not in text and "â€" not in text
    assert "Title: Warga Stepanakert Kembali ke Rumah\n" in text
    assert "Date: 2020-11-12T10:15:00+07:00" in text and "Date_method: html-meta" in text
    assert "Baca juga" not in text and "Agencies: Reuters" in text


def test_cp1252_dump_is_decoded(tmp_path: Path) -> None:
    text = imported(tmp_path, "cp1252_dump.txt")
    assert "“Kami membutuhkan selimut" in text and "Editor: abc/def" in text
    assert "Kafé" not in text  # the read-also line is gone


def test_decode_prefers_utf8_over_a_wrong_declaration() -> None:
    data = '<meta charset="iso-8859-1"><p>Café “x”</p>'.encode()
    assert decode(data, "html")[0] == '<meta charset="iso-8859-1"><p>Café “x”</p>'


def test_nbsp_zero_width_and_odd_spaces_are_normalised(tmp_path: Path) -> None:
    text = imported(tmp_path, "odd_whitespace.txt")
    assert "Title: Judul Dengan Spasi Aneh\n" in text
    assert not re.search("[\u00a0\u200b\u2009\u3000\t]", text)
    assert "\n    " not in text


def test_tags_come_from_whole_words_only() -> None:
    vocab = load_vocabulary()
    found = find_entities("Rusiaku dan ASEAN bukan AS; Armenian forces", vocab)
    assert "Rusia" not in found and "Amerika Serikat" not in found and "Armenia" in found


def test_ambiguous_year_is_refused_with_candidates(tmp_path: Path) -> None:
    result = run(str(FIXTURES / "ambiguous_date.txt"), "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "ambiguous_date.txt" in result.output and "2015" in result.output
    assert "2020" in result.output and "--date" in result.output
    assert not list(tmp_path.rglob("*.md"))


@pytest.mark.parametrize(("given", "reason"), [
    ("0001-01-01", "is before 1900: check the year"),
    ("2999-01-01", "is in the future"),
    ("2020-13-01", "is not YYYY-MM-DD"),
])
def test_an_impossible_explicit_date_is_refused_naming_the_file(
    tmp_path: Path, given: str, reason: str,
) -> None:
    """The article would break `tools check` and the build: say so at import, write nothing."""
    result = run(str(FIXTURES / "ambiguous_date.txt"), "--out", str(tmp_path), "--date", given)
    assert result.exit_code == 1
    assert f"ambiguous_date.txt: date '{given}' {reason}" in result.output
    assert not list(tmp_path.rglob("*.md"))


def test_explicit_date_resolves_ambiguity(tmp_path: Path) -> None:
    result = run(str(FIXTURES / "ambiguous_date.txt"), "--out", str(tmp_path),
                 "--date", "2020-10-21")
    assert result.exit_code == 0, result.output
    (path,) = tmp_path.glob("2020/*.md")
    text = path.read_text(encoding="utf-8")
    # no site profile and no stated zone: no zone is assumed (the build reads it in TIMEZONE)
    assert "Date: 2020-10-21T00:00:00\n" in text and "Date_method: explicit" in text


@pytest.mark.parametrize(("also", "share"), [
    ("Читайте также", "Поделиться:"), ("Կարդացեք նաև", "Կիսվել"),
    ("ასევე წაიკითხეთ:", "გაზიარება"), ("Həmçinin oxuyun:", "Paylaş"), ("Ayrıca okuyun:", "Paylaş"),
])
def test_read_also_and_share_widgets_of_the_archives_languages_leave_the_body(
        tmp_path: Path, also: str, share: str) -> None:
    first = ("Menteri luar negeri kedua negara bertemu di Berlin pada Selasa untuk membahas "
             "rancangan perjanjian damai dan pembukaan jalur transportasi di kawasan itu.")
    second = ("Kedua pihak sepakat bahwa komisi perbatasan akan bertemu lagi bulan depan, kata "
              "juru bicara kementerian kepada wartawan setelah pertemuan berakhir malam hari.")
    dump = tmp_path / "dump.txt"
    dump.write_text(f"Judul berita yang cukup panjang\n\n12 March 2024\n\n{first}\n\n"
                    f"{also}\nSebuah judul berita lain yang ditautkan\n\n{second}\n\n"
                    f"{share}\nTelegram\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(dump), "--out", str(out), "--no-profiles")
    assert result.exit_code == 0, result.output
    (path,) = out.glob("*/*.md")
    body = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
    assert also not in body and "Sebuah judul berita lain" not in body and share not in body
    assert first in body and second in body
