"""Legacy code pages are read as the most plausible one, never silently as a neighbour that
turns à into ŕ; the encoding used is shown by --explain and kept in the article's provenance."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tools.cli import cli
from tools.importer.read import decode, read_input

FRENCH = ("Le président a déclaré à la télévision que la guerre était terminée. "
          "Ça y est, «voilà» — très bien.")
PORTUGUESE = "São Paulo: o governo não está à espera de uma solução, disse o ministro à imprensa."
INDONESIAN = ("Presiden menyatakan “perdamaian” – akan dicapai segera. Menteri luar negeri "
              "bertemu di Genève pada hari Jumat.")
TURKISH = ("Azerbaycan Dışişleri Bakanı, Ermenistan ile barış görüşmelerinin önümüzdeki hafta "
           "başlayacağını söyledi. Ağır çatışmalar sürüyor.")


def test_cp1252_text_is_not_read_as_cp1250() -> None:
    for text in (FRENCH, PORTUGUESE, INDONESIAN):
        assert decode(text.encode("cp1252")) == (text, "cp1252")


def test_other_code_pages_are_still_recognised() -> None:
    assert decode(TURKISH.encode("cp1254")) == (TURKISH, "cp1254")
    russian = "Министр иностранных дел Армении заявил, что переговоры начнутся на неделе."
    assert decode(russian.encode("cp1251")) == (russian, "cp1251")


def test_the_encoding_used_is_explained_and_kept_in_the_provenance(tmp_path: Path) -> None:
    raw = tmp_path / "berita.txt"
    body = "\n\n".join([INDONESIAN * 2, "Kata menteri: «Genève adalah tempat yang tepat» – "
                        "dan pembicaraan akan dilanjutkan pekan depan di Genève."])
    raw.write_bytes(f"Menteri bertemu di Genève\n\n{body}\n".encode("cp1252"))
    result = CliRunner().invoke(cli, ["import", str(raw), "--out", str(tmp_path / "out"),
                                      "--date", "2020-10-23", "--explain"])
    assert result.exit_code == 0, result.output
    assert "encoding: cp1252" in result.output
    (article,) = (tmp_path / "out").rglob("*.md")
    text = article.read_text(encoding="utf-8")
    assert "Raw_encoding: cp1252" in text
    assert "Genève" in text and "«Genève" in text


def test_text_decoded_twice_before_it_was_saved_is_repaired_and_explained(
        tmp_path: Path) -> None:
    """A scraper that read UTF-8 as Windows-1252 saved `â€™` for `’`: the article gets the
    real characters, and --explain says the text was repaired."""
    headline = "Menteri: “Perundingan di Genève berjalan baik”"
    body = "\n\n".join([INDONESIAN * 2, "Kata menteri, “kami tidak akan menyerah” – dan "
                        "pembicaraan di Genève akan dilanjutkan pekan depan."])
    import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252", as scrapers decode

    mangled = f"{headline}\n\n{body}\n".encode().decode("sloppy-windows-1252")
    assert "â€œ" in mangled and "Ã¨" in mangled
    raw = tmp_path / "berita.txt"
    raw.write_text(mangled, encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(raw), "--out", str(tmp_path / "out"),
                                      "--date", "2020-10-23", "--explain"])
    assert result.exit_code == 0, result.output
    assert "decoded twice" in result.output
    (article,) = (tmp_path / "out").glob("*/*.md")
    text = article.read_text(encoding="utf-8")
    assert f"Title: {headline}" in text
    assert "“kami tidak akan menyerah” – dan" in text
    assert "â€" not in text and "Ã" not in text


def test_latin_text_that_only_looks_like_mojibake_is_left_as_it_is() -> None:
    from tools.importer.read import repair_mojibake

    for text in (FRENCH, PORTUGUESE, "Le café «Soulé» a 19 réactions… et la boîte ©2020",
                 "Přihlášením k newsletteru beru na vědomí"):
        assert repair_mojibake(text) is None


def test_a_page_reaches_the_extractor_with_its_layout_and_a_dump_with_tidy_lines(
        tmp_path: Path) -> None:
    html = ("<html><body>\r\n  <pre>x  =  1\n    y = 2</pre>\u00a0<p>\u200bA  line</p>\n"
            "</body></html>")
    page, dump = tmp_path / "page.html", tmp_path / "page.txt"
    page.write_text(html, encoding="utf-8")
    dump.write_text("  A  line\u00a0 \r\nnext\u200b line ", encoding="utf-8")
    assert read_input(page).text == ("<html><body>\n  <pre>x  =  1\n    y = 2</pre> "
                                     "<p>A  line</p>\n</body></html>")
    assert read_input(dump).text == "A line\nnext line"
