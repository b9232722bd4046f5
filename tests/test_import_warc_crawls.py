"""WARC files as crawlers write them (wget --warc-file, Browsertrix): only the pages a site
served become articles; the crawler's other records are left out, not refused."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tools.cli import cli

from conftest import build_site

SITE = "https://oc-media.example"
STORY = ("Armenia and Azerbaijan have agreed on the first section of their border near the "
         "village of Tavush, the Armenian government said on Tuesday, in a move both sides "
         "described as a step towards a peace treaty.",
         "Under the protocol signed by the deputy prime ministers, four villages will return to "
         "Baku's control, while the line will follow Soviet-era maps from 1976.",
         "Protesters gathered in Yerevan and in the villages to oppose the decision, saying it "
         "would cut roads linking Armenia with Georgia.")


def article_page(title: str = "Armenia and Azerbaijan agree on first section of border") -> bytes:
    """A news page with its site's menu, share buttons and a JSON-LD date."""
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
            '"2024-04-19T18:32:00+04:00"}</script></head><body><nav><a href="/">Home</a> '
            '<a href="/politics">Politics</a></nav><article><h1>' + title + "</h1>"
            '<div class="share">Share: Facebook Twitter Telegram</div>' + paragraphs +
            "</article><footer>© 2024 OC Media</footer></body></html>").encode("utf-8")


class Crawl:
    """A WARC being written record by record, like a crawler does."""

    def __init__(self, handle: io.BufferedWriter, version: str = "1.0") -> None:
        self.writer = WARCWriter(handle, gzip=True, warc_version=version)
        self.writer.write_record(self.writer.create_warcinfo_record(
            "crawl.warc.gz", {"software": "Wget/1.21.4 (linux-gnu)",
                              "format": f"WARC File Format {version}"}))

    def fetch(self, url: str, body: bytes, content_type: str = "text/html; charset=UTF-8",
              status: str = "200 OK", **warc_headers: str) -> None:
        """A request record and its response, as wget writes them."""
        path = "/" + url.split("/", 3)[-1] if url.count("/") > 2 else "/"
        request = f"GET {path} HTTP/1.1\r\nUser-Agent: Wget/1.21.4\r\n\r\n".encode()
        self.writer.write_record(self.writer.create_warc_record(
            url, "request", payload=io.BytesIO(request)))
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        self.writer.write_record(self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={name.replace("_", "-"): value
                               for name, value in warc_headers.items()}))

    def resource(self, uri: str, body: bytes, content_type: str) -> None:
        self.writer.write_record(self.writer.create_warc_record(
            uri, "resource", payload=io.BytesIO(body), length=len(body),
            warc_headers_dict={"Content-Type": content_type}))


@contextmanager
def crawl_file(path: Path) -> Iterator[Crawl]:
    """A WARC file that a crawl writes until the block ends."""
    with path.open("wb") as handle:
        yield Crawl(handle)


def run(*args: str):
    return CliRunner().invoke(cli, ["import", *args])


def test_crawler_records_that_hold_no_article_are_left_out_not_refused(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    with crawl_file(archive) as crawl:
        crawl.fetch(f"{SITE}/robots.txt", b"User-agent: *\nDisallow: /wp-admin/\n", "text/plain")
        crawl.fetch(f"{SITE}/armenia-azerbaijan-border/", article_page())
        # Browsertrix: the page's text and its page info, beside the page itself
        crawl.resource(f"urn:text:{SITE}/armenia-azerbaijan-border/",
                       "\n".join(STORY).encode(), "text/plain")
        crawl.resource(f"urn:pageinfo:{SITE}/armenia-azerbaijan-border/", b'{"urls": {}}',
                       "application/json")
        # wget's closing records: its arguments and its log
        crawl.resource("metadata://gnu.org/software/wget/warc/wget_arguments.txt",
                       b'"--warc-file=crawl" "-r" "https://oc-media.example/"', "text/plain")
        crawl.resource("metadata://gnu.org/software/wget/warc/wget.log",
                       b"--2024-06-10 08:00:01--  https://oc-media.example/\n"
                       b"HTTP request sent, awaiting response... 200 OK\n" * 20, "text/plain")
    out = tmp_path / "site" / "content" / "articles"
    result = run(str(archive), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "error" not in result.output
    assert f"{archive}: 8 of 9 records hold no article (4 crawler's own, 2 request, 1 warcinfo, " \
        "1 not HTML): left out" in result.output
    assert [p.name for p in out.rglob("*.md")] == ["armenia-and-azerbaijan-agree-on-first-section-"
                                                   "of-border.md"]


def crawl_of_three(path: Path) -> list[int]:
    """A crawl of three stories (records 3, 5 and 7); the byte offset of each record."""
    with crawl_file(path) as crawl:
        for number, title in enumerate(("Border commission meets in Tavush",
                                        "Peace talks resume in Almaty",
                                        "EU extends monitoring mission in Armenia")):
            crawl.fetch(f"{SITE}/news/{number}/", article_page(title))
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        return [records.get_record_offset() for _ in records]


def test_a_crawl_cut_off_inside_a_page_imports_the_pages_before_it(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    offsets = crawl_of_three(archive)
    archive.write_bytes(archive.read_bytes()[:offsets[6] + 600])  # inside the third page
    root = tmp_path / "site"
    result = run(str(archive), "--out", str(root / "content" / "articles"))
    assert result.exit_code == 1
    assert sorted(p.name for p in root.rglob("*.md")) == [
        "border-commission-meets-in-tavush.md", "peace-talks-resume-in-almaty.md"]
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {archive} record 7 (byte {offsets[6]}): the file ends inside this "
                      "record: the crawl was interrupted or the copy is incomplete; "
                      "the pages before it are imported, this one cannot be: import a complete "
                      "copy of the file, or withdraw this record"]
    assert (root / "seeds" / "crawl.warc.gz").read_bytes() == archive.read_bytes()
    seeds = root / "seeds"
    again = run("--new-only", str(seeds), "--out", str(root / "content" / "articles"))
    assert f'python -m tools withdraw {seeds / "crawl.warc.gz"} --record "record 7"' in again.output


@pytest.mark.parametrize("cut", [12, 40, 300])
def test_a_crawl_cut_off_between_or_inside_records_says_so(tmp_path: Path, cut: int) -> None:
    archive = tmp_path / "crawl.warc.gz"
    offsets = crawl_of_three(archive)
    archive.write_bytes(archive.read_bytes()[:offsets[5] + cut])  # in record 6, the request
    result = run(str(archive), "--out", str(tmp_path / "site" / "content" / "articles"))
    assert result.exit_code == 1
    assert len(list(tmp_path.rglob("*.md"))) == 2
    assert f"error: {archive} record 6 (byte {offsets[5]}): the file ends inside this record" \
        in result.output


def test_a_damaged_crawl_imports_the_pages_before_the_damage(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    offsets = crawl_of_three(archive)
    data = bytearray(archive.read_bytes())
    data[offsets[4]:offsets[4] + 40] = b"\0" * 40  # the second page's record, overwritten
    archive.write_bytes(bytes(data))
    result = run(str(archive), "--out", str(tmp_path / "site" / "content" / "articles"))
    assert result.exit_code == 1
    assert [p.name for p in tmp_path.rglob("*.md")] == ["border-commission-meets-in-tavush.md"]
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {archive} record 5 (byte {offsets[4]}): the file is damaged here "
                      "(no WARC record starts at this byte), and the records after it cannot "
                      "be read; the pages before it are imported, this one cannot be: import a "
                      "complete copy of the file, or withdraw this record"]


def test_a_page_at_two_addresses_is_one_article_that_reimports_unchanged(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    with crawl_file(archive) as crawl:
        crawl.fetch(f"{SITE}/armenia-azerbaijan-border/", article_page())
        crawl.fetch(f"{SITE}/armenia-azerbaijan-border/?utm_source=facebook", article_page())
    root = tmp_path / "site"
    out, seeds = root / "content" / "articles", root / "seeds"
    first = run(str(archive), "--out", str(out))
    assert first.exit_code == 0, first.output
    assert "the same bytes as the seed crawl.warc.gz record 3, already imported: left out" \
        in first.output
    [article] = out.rglob("*.md")
    written = article.read_bytes()
    assert "Raw_record: record 3\n" in written.decode()
    for again in (run(str(archive), "--out", str(out)), run(str(seeds), "--out", str(out)),
                  run("--new-only", str(seeds), "--out", str(out))):
        assert again.exit_code == 0, again.output
        assert ": updated" not in again.output and ": created" not in again.output
        assert list(out.rglob("*.md")) == [article] and article.read_bytes() == written


def test_new_only_says_nothing_again_of_a_record_it_left_out_as_a_copy(tmp_path: Path) -> None:
    """`make html` runs `import --new-only` on every build: a record already left out as the
    same bytes as another is decided, not new; its note must not come back each build."""
    archive = tmp_path / "crawl.warc.gz"
    with crawl_file(archive) as crawl:
        crawl.fetch(f"{SITE}/robots.txt", b"User-agent: *\nDisallow: /wp-admin/\n", "text/plain")
        crawl.fetch(f"{SITE}/armenia-azerbaijan-border/", article_page())
        crawl.fetch(f"{SITE}/armenia-azerbaijan-border/?utm_source=facebook", article_page())
    root = tmp_path / "site"
    out, seeds = root / "content" / "articles", root / "seeds"
    first = run(str(archive), "--out", str(out))
    assert first.exit_code == 0, first.output
    assert "already imported: left out" in first.output
    written = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    again = run("--new-only", str(seeds), "--out", str(out))
    assert again.exit_code == 0, again.output
    assert "left out" not in again.output and "record 7" not in again.output
    assert "nothing new to import" in again.output
    assert {path: path.read_bytes() for path in root.rglob("*") if path.is_file()} == written


def test_new_only_says_nothing_again_of_a_record_withdrawn_by_its_bytes(tmp_path: Path) -> None:
    root = tmp_path / "site"
    out, seeds = root / "content" / "articles", root / "seeds"
    archive = seeds / "crawl.warc.gz"
    seeds.mkdir(parents=True)
    with crawl_file(archive) as crawl:
        crawl.fetch(f"{SITE}/armenia-azerbaijan-border/", article_page())
    withdrawn = root / "tools" / "data" / "withdrawn.yaml"
    withdrawn.parent.mkdir(parents=True)
    sha = hashlib.sha256(article_page()).hexdigest()
    withdrawn.write_text(f"- raw_sha256: {sha}\n  reason: duplicate of a wire story\n", "utf-8")
    first = run(str(seeds), "--out", str(out))
    assert first.exit_code == 0, first.output
    assert "withdrawn (duplicate of a wire story)" in first.output
    again = run("--new-only", str(seeds), "--out", str(out))
    assert again.exit_code == 0, again.output
    assert "withdrawn" not in again.output and "nothing new to import" in again.output
    assert not list(out.rglob("*.md"))


def test_a_page_decodes_by_the_charset_its_http_header_declares(tmp_path: Path) -> None:
    """An older Azerbaijani site in Windows-1254 (`ä` for `ə`, as before Unicode), the charset
    named only in the response's Content-Type, as wget keeps it."""
    title = "Hacızadä: sülh sazişi üzrä danışıqlar davam edir"
    text = ("Azärbaycan vä Ermänistan arasında sülh sazişinin mätni üzrä danışıqlar davam edir, "
            "Xarici İşlär Nazirliyinin mätbuat xidmätinin rähbäri Ayxan Hacızadä bildirib. "
            "Onun sözlärinä görä, täräflär sazişin äksär maddäläri üzrä razılığa gäliblär.")
    page = (f"<html><head><title>{title}</title><meta property='article:published_time' "
            f"content='2011-06-03T11:20:00+04:00'></head><body><nav>Xäbärlär | Siyasät</nav>"
            f"<article><h1>{title}</h1><p>{text}</p><p>{text}</p></article></body></html>")
    archive = tmp_path / "crawl.warc.gz"
    with crawl_file(archive) as crawl:
        crawl.fetch("http://www.apa.example.az/news/245123", page.encode("cp1254"),
                            "text/html; charset=windows-1254")
    out = tmp_path / "site" / "content" / "articles"
    result = run(str(archive), "--out", str(out))
    assert result.exit_code == 0, result.output
    [article] = out.rglob("*.md")
    written = article.read_text(encoding="utf-8")
    assert f"Title: {title}\n" in written and text in written
    assert "Raw_encoding: windows-1254\n" in written


def test_the_home_page_a_crawl_starts_from_is_not_an_article(tmp_path: Path) -> None:
    titles = ("Border deal signed", "Protests in Tavush", "Villages to be handed over")
    teasers = "".join(f'<article><h2><a href="/news/{n}/">{title}</a></h2><time datetime="'
                      f'2024-04-19T1{n}:00:00+04:00">19 April 2024</time><p>{lead}</p></article>'
                      for n, (title, lead) in enumerate(zip(titles, STORY, strict=True)))
    home = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>OC Media</title>'
            f'</head><body><nav><a href="/">Home</a></nav><div>Friday, 19 April 2024</div>'
            f'<main><h1>Latest news</h1>{teasers}</main></body></html>').encode()
    archive = tmp_path / "crawl.warc.gz"
    with crawl_file(archive) as crawl:
        crawl.fetch(f"{SITE}/", home)
        crawl.fetch(f"{SITE}/armenia-azerbaijan-border/", article_page())
    out = tmp_path / "site" / "content" / "articles"
    result = run(str(archive), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.rglob("*.md")] == ["armenia-and-azerbaijan-agree-on-first-section-"
                                                   "of-border.md"]


def test_a_page_a_later_crawl_found_unchanged_keeps_its_first_article(tmp_path: Path) -> None:
    week1, week2 = tmp_path / "week1.warc.gz", tmp_path / "week2.warc.gz"
    for archive, titles in ((week1, ["Peace talks resume in Almaty"]),
                            (week2, ["Peace talks resume in Almaty", "Border commission meets"])):
        with crawl_file(archive) as crawl:
            for number, title in enumerate(titles):
                crawl.fetch(f"{SITE}/news/{number}/", article_page(title))
    root = tmp_path / "site"
    out, seeds = root / "content" / "articles", root / "seeds"
    first = run(str(week1), str(week2), "--out", str(out))
    assert first.exit_code == 0, first.output
    assert "the same bytes as the seed week1.warc.gz record 3, already imported" in first.output
    written = {path: path.read_bytes() for path in out.rglob("*.md")}
    assert len(written) == 2
    for again in (run(str(seeds), "--out", str(out)),
                  run("--new-only", str(seeds), "--out", str(out))):
        assert again.exit_code == 0, again.output
        assert {path: path.read_bytes() for path in out.rglob("*.md")} == written


def test_an_empty_warc_is_refused_as_empty(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(b"")
    result = run(str(archive), "--out", str(tmp_path / "site" / "content" / "articles"))
    assert result.exit_code == 1
    assert f"error: {archive}: the file is empty; there is nothing to import from it" \
        in result.output


def test_an_undated_page_of_a_crawl_is_refused_with_advice_that_works(tmp_path: Path) -> None:
    """Its date shown by a script only, the page states none: neither --date (it would date
    every page of the crawl) nor a sidecar (a record has none) can give one; the crawl's
    WARC-Date is the day it was archived, so it is never taken instead."""
    page = article_page().replace(b'"datePublished": "2024-04-19T18:32:00+04:00"', b"")
    page = page.replace("© 2024".encode(), "©".encode())
    archive = tmp_path / "crawl.warc.gz"
    with crawl_file(archive) as crawl:
        crawl.fetch(f"{SITE}/news/border-commission/", page)
    result = run(str(archive), "--out", str(tmp_path / "site" / "content" / "articles"))
    assert result.exit_code == 1
    [error] = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert error.startswith(f"error: {archive} record 3: no date found: ")
    assert "--date" not in error and "sidecar" not in error
    assert error.endswith("a record takes its date from its export alone: withdraw the record "
                          "to build without it")


def test_the_built_site_offers_a_gzipped_crawl_as_itself_not_as_text(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    with crawl_file(archive) as crawl:
        crawl.fetch(f"{SITE}/armenia-azerbaijan-border/", article_page())
    root = tmp_path / "site"
    assert run(str(archive), "--out", str(root / "content" / "articles")).exit_code == 0
    output = tmp_path / "output"
    build_site(root / "content", output)
    assert (output / "raw" / "crawl.warc.gz").read_bytes() == archive.read_bytes()
    assert not (output / "raw" / "crawl.warc.gz.txt").exists()
    page = next(output.rglob("armenia-and-azerbaijan-agree-on-first-section-of-border/index.html"))
    assert 'raw/crawl.warc.gz">crawl.warc.gz</a>' in page.read_text(encoding="utf-8")


def test_a_page_the_crawler_kept_only_part_of_is_refused(tmp_path: Path) -> None:
    """Heritrix and Browsertrix cut a response off at a time or size limit, and say so."""
    archive = tmp_path / "crawl.warc.gz"
    with crawl_file(archive) as crawl:
        crawl.fetch(f"{SITE}/news/0/", article_page("Peace talks resume in Almaty"))
        crawl.fetch(f"{SITE}/news/1/", article_page()[:900], WARC_Truncated="time")
    out = tmp_path / "site" / "content" / "articles"
    result = run(str(archive), "--out", str(out))
    assert result.exit_code == 1
    assert [p.name for p in out.rglob("*.md")] == ["peace-talks-resume-in-almaty.md"]
    assert f"error: {archive} record 5: the crawler kept only part of this page (WARC-Truncated: " \
        "time); crawl it again, or withdraw the record" in result.output


def test_a_page_compressed_in_a_way_warcio_cannot_undo_is_refused_saying_so(tmp_path: Path) -> None:
    """Browsers ask for Brotli: a crawl that keeps what the server sent holds `br` pages."""
    archive = tmp_path / "crawl.warc.gz"
    with crawl_file(archive) as crawl:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                              ("Content-Encoding", "br")], protocol="HTTP/1.1")
        crawl.writer.write_record(crawl.writer.create_warc_record(
            f"{SITE}/news/0/", "response", payload=io.BytesIO(bytes(range(256)) * 8),
            http_headers=headers))
    result = run(str(archive), "--out", str(tmp_path / "site" / "content" / "articles"))
    assert result.exit_code == 1
    assert f"error: {archive} record 2: the page is compressed as br (Content-Encoding), which " \
        "warcio cannot undo; withdraw the record" in result.output


def test_a_page_fetched_twice_in_one_crawl_is_one_article(tmp_path: Path) -> None:
    """Its second capture differs by a view counter: still the same page, not a second article."""
    archive = tmp_path / "crawl.warc.gz"
    with crawl_file(archive) as crawl:
        crawl.fetch(f"{SITE}/armenia-azerbaijan-border/", article_page())
        crawl.fetch(f"{SITE}/armenia-azerbaijan-border/",
                    article_page().replace(b"<footer>", b"<aside>Views: 1532</aside><footer>"))
    out = tmp_path / "site" / "content" / "articles"
    result = run(str(archive), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "1 later capture of a page" in result.output
    [article] = out.rglob("*.md")
    assert "Raw_record: record 3\n" in article.read_text(encoding="utf-8")
