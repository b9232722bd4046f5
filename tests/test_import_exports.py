"""Scraper exports as inputs: CSV with a field mapping, JSON Lines, WARC. Every record becomes
one article whose provenance names the export, the record and the sha256 of the record's bytes;
the export itself lands in seeds/ once, verbatim; bad records are refused one line each."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tools.cli import cli

from conftest import build_site

P1 = ("Armenia dan Azerbaijan menyepakati gencatan senjata kemanusiaan baru yang mulai berlaku "
      "tengah malam, kata kementerian luar negeri kedua negara dalam pernyataan bersama.")
P2 = ("Kesepakatan itu dicapai setelah pembicaraan di Washington dengan Menteri Luar Negeri "
      "Amerika Serikat, yang menyebut langkah ini sebagai kemajuan penting bagi perdamaian.")
P3 = ("Rusia mengirim pasukan penjaga perdamaian ke Nagorno-Karabakh setelah kesepakatan yang "
      "ditandatangani para pemimpin Armenia, Azerbaijan dan Rusia pada Selasa dini hari.")
P4 = ("Presiden Rusia mengatakan pasukan itu akan ditempatkan di sepanjang garis kontak dan di "
      "koridor Lachin selama lima tahun ke depan.")
MAP = "title=judul,url=tautan,date=tanggal,body=isi_berita"


def run(*args: str):
    return CliRunner().invoke(cli, ["import", *args])


def header(path: Path) -> dict[str, str]:
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def detik_csv(folder: Path) -> Path:
    """Two articles as a detik scraper writes them: month-first dates, multi-line bodies."""
    path = folder / "detik.csv"
    path.write_text(
        "judul,tautan,tanggal,isi_berita\r\n"
        "Gencatan senjata baru disepakati,https://news.detik.com/d-1,10/21/2025 20:43,"
        f'"{P1}\n\n{P2}"\r\n'
        "Rusia kirim pasukan penjaga perdamaian,https://news.detik.com/d-2,11/10/2025 08:05,"
        f'"{P3}\n\n{P4}"\r\n',
        encoding="utf-8")
    return path


def test_csv_rows_become_articles_with_row_provenance(tmp_path: Path) -> None:
    export = detik_csv(tmp_path)
    out = tmp_path / "site" / "content" / "articles"
    result = run(str(export), "--map", MAP, "--out", str(out))
    assert result.exit_code == 0, result.output
    first = header(out / "2025" / "gencatan-senjata-baru-disepakati.md")
    second = header(out / "2025" / "rusia-kirim-pasukan-penjaga-perdamaian.md")
    assert first["Date"] == "2025-10-21T20:43:00+07:00"
    assert second["Date"] == "2025-11-10T08:05:00+07:00", "the column is month-first throughout"
    assert first["Source_url"] == "https://news.detik.com/d-1"
    assert (first["Raw_file"], first["Raw_record"]) == ("detik.csv", "row 2")
    assert second["Raw_record"] == "row 3"
    row_bytes = export.read_bytes().split(b"\r\n")[2]  # row 3 as it stands in the file
    assert second["Raw_sha256"] == hashlib.sha256(row_bytes).hexdigest()
    seeds = tmp_path / "site" / "seeds"
    assert (seeds / "detik.csv").read_bytes() == export.read_bytes(), "kept verbatim, once"
    assert sorted(p.name for p in seeds.iterdir()) == ["detik.csv", "detik.yaml"]
    assert result.output.count("copied to") == 1
    mapping = (seeds / "detik.yaml").read_text(encoding="utf-8")
    assert "body: isi_berita" in mapping, "kept for `make import` of the seed"
    assert "2 created, 0 updated, 0 unchanged, 0 refused" in result.output


def test_reimporting_an_export_changes_nothing_and_new_only_skips_it(tmp_path: Path) -> None:
    export = detik_csv(tmp_path)
    out = tmp_path / "site" / "content" / "articles"
    assert run(str(export), "--map", MAP, "--out", str(out)).exit_code == 0
    again = run(str(tmp_path / "site" / "seeds"), "--map", MAP, "--out", str(out))
    assert "0 created, 0 updated, 2 unchanged" in again.output, again.output
    skipped = run(str(tmp_path / "site" / "seeds"), "--new-only", "--out", str(out))
    assert "nothing new to import" in skipped.output, skipped.output


def test_a_missing_mapped_column_is_named_with_file_and_row(tmp_path: Path) -> None:
    export = detik_csv(tmp_path)
    result = run(str(export), "--map", "title=headline,body=isi_berita",
                 "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{export} row 1: no column 'headline' (mapped to title by --map)" in result.output
    assert "'judul'" in result.output, "the message lists the columns there are"


def test_a_short_row_is_refused_alone_naming_its_row(tmp_path: Path) -> None:
    export = detik_csv(tmp_path)
    with export.open("a", encoding="utf-8") as handle:
        handle.write("Baris rusak tanpa isi,https://news.detik.com/d-3\r\n")
    result = run(str(export), "--map", MAP, "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{export} row 4: no value in columns " in result.output
    assert "'tanggal' (mapped to date)" in result.output
    assert "2 created" in result.output and "1 refused" in result.output


def test_an_ambiguous_date_column_asks_for_the_format(tmp_path: Path) -> None:
    export = tmp_path / "one.csv"
    export.write_text(f'title,date,body\nGencatan senjata baru,10/11/2025 20:43,"{P1}\n\n{P2}"\n',
                      encoding="utf-8")
    result = run(str(export), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{export} row 2: date '10/11/2025 20:43' can be read as" in result.output
    assert "--date-format" in result.output
    fixed = run(str(export), "--date-format", "%d/%m/%Y %H:%M", "--out", str(tmp_path / "out"))
    assert fixed.exit_code == 0, fixed.output
    (article,) = (tmp_path / "out").rglob("*.md")
    assert header(article)["Date"].startswith("2025-11-10T20:43:00")  # 10 November


def test_json_lines_records_become_articles(tmp_path: Path) -> None:
    export = tmp_path / "feed.jsonl"
    lines = [json.dumps({"title": "Gencatan senjata baru", "url": "https://e.example/a",
                         "date": "2025-10-21T20:43:00+07:00", "text": f"{P1}\n\n{P2}"}),
             "",
             json.dumps({"title": "Pasukan penjaga perdamaian", "date": "2025-11-10",
                         "text": f"{P3}\n\n{P4}"})]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "site" / "content" / "articles"
    result = run(str(export), "--out", str(out))
    assert result.exit_code == 0, result.output
    second = header(out / "2025" / "pasukan-penjaga-perdamaian.md")
    assert second["Raw_record"] == "line 3"
    assert second["Raw_sha256"] == hashlib.sha256(lines[2].encode("utf-8")).hexdigest()
    first = header(out / "2025" / "gencatan-senjata-baru.md")
    assert first["Source_url"] == "https://e.example/a"


def test_a_mapped_key_missing_from_a_json_line_is_named(tmp_path: Path) -> None:
    export = tmp_path / "feed.jsonl"
    export.write_text(json.dumps({"judul": "X", "isi": P1}) + "\n", encoding="utf-8")
    result = run(str(export), "--map", "title=judul,body=isi,date=tanggal",
                 "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{export} line 1: no value in key 'tanggal' (mapped to date)" in result.output


def test_a_semicolon_csv_saved_by_a_spreadsheet_is_split_as_its_header_is(tmp_path: Path) -> None:
    export = tmp_path / "excel.csv"
    export.write_text('judul;tanggal;isi_berita\r\n'
                      f'Gencatan senjata baru;21/10/2025 20:43;"{P1}\n\n{P2}"\r\n',
                      encoding="utf-8-sig")
    result = run(str(export), "--map", "title=judul,date=tanggal,body=isi_berita",
                 "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    (article,) = (tmp_path / "out").rglob("*.md")
    assert header(article)["Title"] == "Gencatan senjata baru"
    assert P2 in article.read_text(encoding="utf-8")


def test_a_cell_holding_a_whole_saved_page_is_read(tmp_path: Path) -> None:
    """Scrapers store the page's HTML in a cell; one is often over csv's default 128 KB."""
    page = (f"<html><body><article><h1>Gencatan senjata baru</h1><p>{P1}</p>"
            + f"<p>{P2}</p>" * 800 + "</article></body></html>")
    assert len(page) > 131_072
    export = tmp_path / "pages.csv"
    export.write_text(f'title,date,html\nGencatan senjata baru,2025-10-21,"{page}"\n',
                      encoding="utf-8")
    result = run(str(export), "--map", "body=html", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    (article,) = (tmp_path / "out").rglob("*.md")
    assert P1 in article.read_text(encoding="utf-8")


def test_export_dates_written_as_the_site_shows_them_keep_their_zone(tmp_path: Path) -> None:
    export = tmp_path / "detik.csv"
    export.write_text("judul,tanggal,isi_berita\n"
                      f'Gencatan senjata baru,"Senin, 21 Okt 2025 20:43 WIB","{P1}\n\n{P2}"\n'
                      f'Pasukan penjaga perdamaian,10 November 2025,"{P3}\n\n{P4}"\n',
                      encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(export), "--map", "title=judul,date=tanggal,body=isi_berita",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    assert header(out / "2025" / "gencatan-senjata-baru.md")["Date"] == \
        "2025-10-21T20:43:00+07:00"
    assert header(out / "2025" / "pasukan-penjaga-perdamaian.md")["Date"].startswith(
        "2025-11-10T00:00:00")


def test_json_array_items_become_articles_with_item_provenance(tmp_path: Path) -> None:
    """As Scrapy's `-o items.json` writes them: one array, here indented over many lines."""
    items = [{"title": "Gencatan senjata baru", "date": "2025-10-21T20:43:00+04:00",
              "body": f"{P1}\n\n{P2}"},
             {"title": "Pasukan penjaga perdamaian", "date": "2025-11-10T08:05:00+04:00",
              "body": f"{P3}\n\n{P4}"}]
    export = tmp_path / "items.json"
    export.write_text(json.dumps(items, indent=2, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "site" / "content" / "articles"
    result = run(str(export), "--out", str(out))
    assert result.exit_code == 0, result.output
    second = header(out / "2025" / "pasukan-penjaga-perdamaian.md")
    assert (second["Raw_file"], second["Raw_record"]) == ("items.json", "item 2")
    item_bytes = json.dumps(items[1], indent=2, ensure_ascii=False).replace("\n", "\n  ")
    assert item_bytes.encode("utf-8") in export.read_bytes()
    assert second["Raw_sha256"] == hashlib.sha256(item_bytes.encode("utf-8")).hexdigest()
    assert second["Date"] == "2025-11-10T08:05:00+04:00"


def test_columns_named_as_scrapers_name_them_need_no_mapping(tmp_path: Path) -> None:
    """news-please's keys (maintext, date_publish, authors) and Indonesian column names."""
    news_please = tmp_path / "news-please.jsonl"
    news_please.write_text(json.dumps({
        "title": "Gencatan senjata baru", "maintext": f"{P1}\n\n{P2}",
        "date_publish": "2025-10-21 20:43:00", "authors": ["Ani Lestari"],
        "publisher": {"name": "not a field"}, "url": "https://e.example/a"}) + "\n",
        encoding="utf-8")
    detik = tmp_path / "detik.csv"
    detik.write_text(f'judul,tautan,tanggal,isi_berita\nPasukan penjaga perdamaian,'
                     f'https://news.detik.com/d-2,21/11/2025 08:05,"{P3}\n\n{P4}"\n',
                     encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(news_please), str(detik), "--out", str(out))
    assert result.exit_code == 0, result.output
    first = header(out / "2025" / "gencatan-senjata-baru.md")
    assert first["Date"].startswith("2025-10-21T20:43:00") and first["Authors"] == "Ani Lestari"
    second = header(out / "2025" / "pasukan-penjaga-perdamaian.md")
    assert second["Source_url"] == "https://news.detik.com/d-2"
    assert second["Date"] == "2025-11-21T08:05:00+07:00", "detik's own zone"


def test_a_broken_json_array_is_refused_naming_file_and_line(tmp_path: Path) -> None:
    export = tmp_path / "items.json"
    export.write_text('[\n  {"title": "Satu", "body": "Teks."},\n  {"title": "Dua",\n]\n',
                      encoding="utf-8")
    result = run(str(export), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{export} line 4: broken JSON" in result.output, result.output
    assert "Traceback" not in result.output
    export.write_text('{\n  "articles": [\n    {"title": "Satu", "body": "Teks."}\n  ]\n}\n',
                      encoding="utf-8")
    one = run(str(export), "--out", str(tmp_path / "out"))
    assert one.exit_code == 1 and one.output.count("error:") == 1, one.output
    assert "holds one JSON object, not a list of articles" in one.output


def test_nested_keys_lists_and_credits_of_a_json_record_are_mapped(tmp_path: Path) -> None:
    export = tmp_path / "api.jsonl"
    record = {"meta": {"headline": "Gencatan senjata baru", "published": "2025-10-21"},
              "paragraphs": [P1, P2, P3], "authors": ["Ani Lestari", "Budi Santoso"],
              "editor": "Citra Dewi"}
    export.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(export), "--map", "title=meta.headline,date=meta.published,"
                 "body=paragraphs,author=authors", "--out", str(out))
    assert result.exit_code == 0, result.output
    article = out / "2025" / "gencatan-senjata-baru.md"
    fields = header(article)
    assert fields["Authors"] == "Ani Lestari, Budi Santoso"
    assert fields["Editor"] == "Citra Dewi"
    assert f"{P2}\n\n{P3}" in article.read_text(encoding="utf-8"), "one paragraph per item"
    wrong = run(str(export), "--map", "body=meta", "--out", str(tmp_path / "wrong"))
    assert "key 'meta' (mapped to body) holds an object with keys 'headline'" in wrong.output


def warc_file(path: Path) -> None:
    """A tiny WARC as a crawler writes it: warcinfo, two HTML responses, a request, an image."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for number, (title, first, second) in enumerate([("Gencatan senjata baru", P1, P2),
                                                         ("Pasukan penjaga perdamaian", P3, P4)]):
            page = (f"<html><head><title>{title}</title><meta property='article:published_time'"
                    f" content='2025-10-2{number}T10:00:00+04:00'></head><body><article>"
                    f"<h1>{title}</h1><p>{first}</p><p>{second}</p></article></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            url = f"https://news.example.az/2025/10/story-{number}"
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(url, "request", payload=request))
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(page.encode("utf-8")), http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example.az/logo.png", "response", payload=io.BytesIO(b"\x89PNG"),
            http_headers=image))


def test_warc_pages_become_articles_with_record_provenance(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    warc_file(archive)
    out = tmp_path / "site" / "content" / "articles"
    result = run(str(archive), "--out", str(out))
    assert result.exit_code == 0, result.output
    articles = sorted(out.rglob("*.md"))
    assert len(articles) == 2, "the two pages; not the request, warcinfo or image"
    fields = [header(a) for a in articles]
    assert {f["Raw_record"] for f in fields} == {"record 3", "record 5"}
    assert {f["Source_url"] for f in fields} == {"https://news.example.az/2025/10/story-0",
                                                 "https://news.example.az/2025/10/story-1"}
    assert all(f["Raw_file"] == "crawl.warc.gz" for f in fields)
    assert len({f["Raw_sha256"] for f in fields}) == 2
    assert (tmp_path / "site" / "seeds" / "crawl.warc.gz").read_bytes() == archive.read_bytes()


def test_a_file_that_is_not_a_warc_is_refused_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.warc"
    bad.write_text("this is not a web archive\n", encoding="utf-8")
    result = run(str(bad), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"error: {bad}: not a readable WARC file" in result.output


def test_the_built_site_links_each_record_to_the_whole_export(tmp_path: Path) -> None:
    export = detik_csv(tmp_path)
    root = tmp_path / "site"
    articles = root / "content" / "articles"
    assert run(str(export), "--map", MAP, "--out", str(articles)).exit_code == 0
    output = tmp_path / "output"
    build_site(root / "content", output)
    assert (output / "raw" / "detik.csv.txt").read_bytes() == export.read_bytes()
    page = next(output.rglob("rusia-kirim-pasukan-penjaga-perdamaian/index.html"))
    assert 'raw/detik.csv.txt">detik.csv</a>, baris 3</dd>' in page.read_text(encoding="utf-8")


def test_a_broken_record_in_seeds_can_be_withdrawn_so_builds_go_on(tmp_path: Path) -> None:
    export = detik_csv(tmp_path)
    with export.open("a", encoding="utf-8") as handle:
        handle.write("Baris rusak tanpa isi,https://news.detik.com/d-3\r\n")
    root = tmp_path / "site"
    articles, seeds = root / "content" / "articles", root / "seeds"
    run(str(export), "--map", MAP, "--out", str(articles))
    failing = run("--new-only", str(seeds), "--out", str(articles))  # what `make html` runs
    assert failing.exit_code == 1 and f"{seeds / 'detik.csv'} row 4:" in failing.output
    assert f'python -m tools withdraw {seeds / "detik.csv"} --record "row 4"' in failing.output
    listed = CliRunner().invoke(cli, ["withdraw", str(seeds / "detik.csv"), "--record", "row 4",
                                      "--reason", "empty row in the export"])
    assert listed.exit_code == 0, listed.output
    assert run("--new-only", str(seeds), "--out", str(articles)).exit_code == 0
    again = run(str(seeds), "--out", str(articles))
    assert "row 4: withdrawn (empty row in the export)" in again.output
    assert len(list(articles.rglob("*.md"))) == 2


def test_withdrawing_a_whole_export_or_one_record_takes_its_articles_down(tmp_path: Path) -> None:
    export = detik_csv(tmp_path)
    articles, seeds = tmp_path / "site" / "content" / "articles", tmp_path / "site" / "seeds"
    assert run(str(export), "--map", MAP, "--out", str(articles)).exit_code == 0

    def withdraw(*args: str):
        return CliRunner().invoke(cli, ["withdraw", str(seeds / "detik.csv"), *args,
                                        "--reason", "takedown"])

    for wrong, said in (("4", "should be written as the importer names it, e.g. 'row 4'"),
                        ("row 9", "has no row 9 (its records: row 2 to 3)")):
        refused = withdraw("--record", wrong)
        assert refused.exit_code == 1 and said in refused.output, refused.output
    one = withdraw("--record", "row 3")
    assert one.exit_code == 0 and "rusia-kirim-pasukan-penjaga-perdamaian.md: its article, " \
        "deleted" in one.output, one.output
    assert [p.name for p in articles.rglob("*.md")] == ["gencatan-senjata-baru-disepakati.md"]
    whole = withdraw()
    assert whole.exit_code == 0 and "gencatan-senjata-baru-disepakati.md: its article, deleted" \
        in whole.output
    again = run(str(seeds), "--out", str(articles))
    assert again.exit_code == 0 and "row 2: withdrawn (takedown)" in again.output, again.output
    assert not list(articles.rglob("*.md"))
