"""Body finding on hand-made page shapes seen on news sites (no site names, no profiles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.evaluation.scoring import normalise_expected
from tools.importer.article import Article
from tools.importer.extract_html import resegment
from tools.importer.linefacts import LineFacts
from tools.importer.pipeline import Options, prepare, process
from tools.importer.repeats import Repeats
from tools.importer.titles import provisional_title
from tools.slugs import Slugger

LEAD = ("Menteri luar negeri kedua negara bertemu di Jenewa pada Kamis untuk membahas gencatan "
        "senjata yang rapuh di wilayah itu.")
SECOND = ("Pertemuan berlangsung selama tiga jam dan kedua pihak sepakat untuk bertemu lagi "
          "pekan depan, kata seorang diplomat.")
FOURTH = ("Seorang juru bicara mengatakan kedua delegasi akan melaporkan hasil pertemuan "
          "kepada presiden masing-masing setibanya di ibu kota.")
THIRD = ("Para pengamat menilai pertemuan itu sebagai langkah kecil tetapi penting menuju "
         "perundingan damai yang lebih luas.")


def teaser(n: int) -> list[str]:
    """One item of a dated teaser list: category+date glued, headline, long teaser text."""
    return [f"News{10 + n} Feb 2016 1{n}:00", f"Judul Berita Populer Nomor {n} Hari Ini",
            f"Teks pengantar berita populer nomor {n} yang panjang sekali ini menceritakan "
            "peristiwa lain di kota lain, dengan banyak kata supaya terlihat seperti paragraf "
            "yang sungguh-sungguh panjang dan meyakinkan bagi pembaca."]


def import_dump(tmp_path: Path, lines: list[str]) -> Article:
    path = tmp_path / "page.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    options = Options(dry_run=True, use_profiles=False)
    article = prepare(path, options)
    process(article, options, Repeats(), Slugger(tmp_path / "out"))
    return article


def test_a_dated_teaser_list_does_not_outweigh_a_shorter_article(tmp_path: Path) -> None:
    page = ["Beranda", "Internasional", "Menlu Dua Negara Bertemu di Jenewa",
            "Kamis, 22 Oktober 2020 10:00 WIB", LEAD, SECOND, THIRD, "Terpopuler"]
    for n in range(8):
        page += teaser(n)
    article = import_dump(tmp_path, page)
    assert article.paragraphs == [LEAD, SECOND, THIRD]
    assert article.title == "Menlu Dua Negara Bertemu di Jenewa"


def test_a_photo_page_keeps_its_own_captions_not_a_caption_widget(tmp_path: Path) -> None:
    scenes = ["Anak-anak melambaikan bendera kecil", "Penari tradisional tampil di panggung",
              "Pedagang kaki lima menjajakan makanan", "Polisi mengatur lalu lintas di sekitar"]
    captions = [f"{scene} saat warga menyambut kedatangan rombongan di alun-alun kota, "
                "Senin (15/2). (REUTERS/Juru Foto)" for scene in scenes]
    page = ["Beranda", "Foto", "Warga Sambut Rombongan di Alun-alun Kota", "By Juru Foto",
            "on 16 Feb 2016 at 09:09 WIB", "17Shares", "Facebook", "Twitter", *captions,
            "Alun-alun", "Rombongan", "Popular News"]
    for n in range(8):
        date, headline, _text = teaser(n)
        page += [date, headline, f"Keterangan foto lain nomor {n} tentang peristiwa lain di kota "
                 "lain yang cukup panjang untuk menyamai keterangan foto artikel ini. "
                 "(Kantor Berita/Juru Foto Lain)"]
    article = import_dump(tmp_path, page)
    assert article.paragraphs == captions
    assert article.title == "Warga Sambut Rombongan di Alun-alun Kota"
    assert article.date is not None and article.date.date().isoformat() == "2016-02-16"


def test_a_short_closing_sentence_before_the_editor_credit_stays(tmp_path: Path) -> None:
    closing = "Lantas bagaimana akhir cerita ini?"
    page = ["Menlu Dua Negara Bertemu di Jenewa", "Kamis, 22 Oktober 2020 10:00 WIB",
            LEAD, SECOND, THIRD, closing, "Editor: Budi Santoso", "Terpopuler",
            "Judul Lain Satu", "Judul Lain Dua"]
    article = import_dump(tmp_path, page)
    assert article.paragraphs == [LEAD, SECOND, THIRD, closing]
    assert article.editor == "Budi Santoso"


def test_a_date_glued_to_a_label_is_a_date_line_and_a_sentence_is_not() -> None:
    lines = ["News15 Feb 2016 16:00", "Kontes ditutup pada 8 April 2016, kata panitia yang "
             "menerima ratusan film dari berbagai negara di dunia."]
    assert LineFacts.of(lines, ()).dated == [True, False]


@pytest.mark.parametrize("line", [
    "AFP 30 avril 2015 à 07:19 (Mis à jour à 07:38)", "19 ноября 2019, 14:30",
    "27 սեպտեմբերի, 2020 10:15", "27 სექტემბერი, 2020", "Senin, 12 Agt 2019 10:00 WIB"])
def test_a_date_line_is_known_in_any_archive_language_and_common_european_ones(
        line: str) -> None:
    assert LineFacts.of([line], ()).dated == [True]


def test_a_glued_extraction_line_is_split_back_at_the_page_lines() -> None:
    page = ["Judul Artikel Foto Hari Ini", "By Juru Foto", "on 16 Feb 2016 at 09:09 WIB",
            "17Shares", "/", "Facebook", " ".join(["Keterangan foto yang panjang"] * 15) + "."]
    glued = " ".join(page)
    assert resegment([glued], page) == page
    wrapped = [" ".join(["kata"] * 12), " ".join(["lagi"] * 12), " ".join(["akhir"] * 40) + "."]
    assert resegment([" ".join(wrapped)], wrapped) == [" ".join(wrapped)]


def test_the_title_is_the_candidate_the_page_shows() -> None:
    candidates = ["Situs.com: Musik - Rumah Penyanyi Digerebek Polisi",
                  "Rumah Penyanyi Digerebek Polisi", "Rumah Penyanyi Digerebek Polisi - Situs.com"]
    page = ["Beranda", "Musik", "Rumah Penyanyi Digerebek Polisi", "Teks artikel."]
    assert provisional_title(candidates, ["Situs.com"], page) == "Rumah Penyanyi Digerebek Polisi"
    assert provisional_title(["Judul A", "Judul B", "Judul B"], [], []) == "Judul B"


def test_eval_normalisation_strips_only_a_leading_dateline_and_trailing_editor_code() -> None:
    body = "Jakarta (ANTARA News) - Sebanyak 29 penerbangan dibatalkan, Kamis (5/11).\n(fyk/ash)"
    assert normalise_expected(body) == "Sebanyak 29 penerbangan dibatalkan, Kamis (5/11)."
    assert normalise_expected("Dia datang pada Jumat (23/10)") == "Dia datang pada Jumat (23/10)"


def test_a_headline_link_inside_the_text_that_the_page_lists_again_is_dropped(
        tmp_path: Path) -> None:
    related = "Rusia Tawarkan Diri Jadi Penengah Konflik"
    page = ["Menlu Dua Negara Bertemu di Jenewa", "Kamis, 22 Oktober 2020 10:00 WIB", LEAD,
            related, SECOND, "Langkah Berikutnya", THIRD, "Terpopuler", related,
            "Judul Lain yang Populer Hari Ini", "Judul Lain yang Juga Populer"]
    article = import_dump(tmp_path, page)
    assert article.paragraphs == [LEAD, SECOND, "Langkah Berikutnya", THIRD]
    assert any(r.line == related and r.rule == "teaser-link" for r in article.removed)


def html_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title><meta property='og:title' content='{title}'>"
            "<link rel='canonical' href='https://berita.example.co.id/a'>"
            "<meta property='article:published_time' content='2020-10-22T10:00:00+07:00'>"
            f"</head><body><h1>{title}</h1><article>{body}</article></body></html>")


def test_lines_repeated_across_html_pages_of_one_domain_are_learned(tmp_path: Path) -> None:
    from tools.importer.pipeline import import_paths

    promo = "Dapatkan Promo Spesial Langganan Koran Digital Kami"
    (tmp_path / "a.html").write_text(html_page("Menlu Dua Negara Bertemu di Jenewa",
                                               [LEAD, promo, SECOND]), encoding="utf-8")
    (tmp_path / "b.html").write_text(html_page("Pengamat Sambut Baik Pertemuan Jenewa",
                                               [THIRD, promo, FOURTH]), encoding="utf-8")
    options = Options(out=tmp_path / "out", dry_run=True, use_profiles=False)
    results = list(import_paths([tmp_path], options))
    assert [r.status for r in results] == ["created", "created"], [r.message for r in results]
    for result in results:
        assert result.article is not None and promo not in result.article.paragraphs
        assert [r.rule for r in result.article.removed if r.line == promo] == ["learned-repeat"]


def test_a_live_report_with_time_lines_stays_whole(tmp_path: Path) -> None:
    page = ["Laporan Langsung Pertemuan di Jenewa", "Kamis, 22 Oktober 2020 10:00 WIB",
            "10.15 WIB", LEAD, "11.30 WIB", SECOND, "12.45 WIB", THIRD, "Terpopuler",
            "Judul Lain Satu di Sini", "Judul Lain Dua di Sini"]
    article = import_dump(tmp_path, page)
    assert [p for p in article.paragraphs if len(p.split()) > 5] == [LEAD, SECOND, THIRD]


def test_a_short_article_is_not_replaced_by_one_long_caption(tmp_path: Path) -> None:
    short = "PLN hari ini meresmikan gardu induk baru di Jakarta Barat, kata juru bicaranya."
    caption = ("Keterangan foto yang sangat panjang tentang peristiwa lain yang tidak ada "
               "hubungannya dengan artikel ini, ditulis dengan banyak sekali kata supaya lebih "
               "panjang daripada artikel pendek itu sendiri di halaman ini. (Kantor/Juru Foto)")
    page = ["Gardu Induk Baru Beroperasi", "Kamis, 22 Oktober 2020 10:00 WIB", short,
            "Terpopuler", "Judul Lain Satu di Sini", "Foto Pilihan", caption, "Judul Lain Dua"]
    article = import_dump(tmp_path, page)
    assert article.paragraphs == [short]


def test_a_chronology_with_date_headings_stays_whole(tmp_path: Path) -> None:
    page = ["Kronologi Pertemuan di Jenewa", "Kamis, 22 Oktober 2020 10:00 WIB", LEAD,
            "20 Oktober 2020", SECOND, "21 Oktober 2020", THIRD, "Terpopuler",
            "Judul Lain Satu di Sini", "Judul Lain Dua di Sini"]
    article = import_dump(tmp_path, page)
    assert article.paragraphs == [LEAD, "20 Oktober 2020", SECOND, "21 Oktober 2020", THIRD]


def test_a_linked_headline_block_inside_an_html_article_is_dropped(tmp_path: Path) -> None:
    related = "Rusia Tawarkan Diri Jadi Penengah Konflik"
    (tmp_path / "a.html").write_text(html_page("Menlu Dua Negara Bertemu di Jenewa", [
        LEAD, f"<a href='/rusia-tawarkan-diri'>{related}</a>", SECOND,
        "<b>Langkah Berikutnya</b>", THIRD]), encoding="utf-8")
    options = Options(dry_run=True, use_profiles=False)
    article = prepare(tmp_path / "a.html", options)
    process(article, options, Repeats(), Slugger(tmp_path / "out"))
    assert article.paragraphs == [LEAD, SECOND, "Langkah Berikutnya", THIRD]


def test_a_sentence_two_articles_share_is_kept_but_a_shared_menu_line_is_not(
        tmp_path: Path) -> None:
    from tools.importer.pipeline import import_paths

    quote = '"Kami tidak akan mundur dari wilayah itu," kata juru bicara tersebut.'
    menu = "Langganan Koran Digital Kami"
    (tmp_path / "a.txt").write_text("\n\n".join(
        [menu, "Menlu Dua Negara Bertemu di Jenewa", "Kamis, 22 Oktober 2020 10:00 WIB", LEAD,
         quote, SECOND]) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(
        [menu, "Pengamat Sambut Baik Pertemuan Jenewa", "Jumat, 23 Oktober 2020 10:00 WIB",
         THIRD, quote, FOURTH]) + "\n", encoding="utf-8")
    options = Options(out=tmp_path / "out", dry_run=True, use_profiles=False)
    results = list(import_paths([tmp_path], options))
    for result in results:
        assert result.article is not None and quote in result.article.paragraphs
        assert menu not in result.article.paragraphs
