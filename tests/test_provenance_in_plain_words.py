"""The provenance box says how the date was found in plain words, in the page's language; the raw
hash and the importer's own note are tucked away under "technical details".

It used to show the importer's debug line (`Jumat (23/10); Selasa (20/10) -> 2020 (Ilham
Aliyev: President of Azerbaijan 2003-10-31..; ...)`) and a bare SHA-256 to every reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site

EVIDENCE = ("Jumat (23/10); Selasa (20/10) -> 2020 (Ilham Aliyev: President of Azerbaijan "
            "2003-10-31..; Mike Pompeo: US Secretary of State 2018-04-26..2021-01-20)")
HASH = "3f" * 32
ARTICLE = """Title: {title}
Date: 2020-10-23T00:00:00+07:00
Slug: {slug}
Lang: {lang}
Tags: Armenia, Azerbaijan
Source: LancangKuning
Raw_file: 000_bukti.txt
Raw_sha256: {hash}
Date_method: inferred
Date_evidence: {evidence}
Synthetic: true

Menteri luar negeri kedua negara bertemu pada Jumat (23/10) setelah pertemuan Selasa (20/10).
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("provenance")
    folder = root / "content" / "articles" / "2020"
    folder.mkdir(parents=True)
    (root / "content" / "pages").mkdir()
    (root / "seeds").mkdir()
    (root / "seeds" / "000_bukti.txt").write_text("Teks mentah (sintetis).\n", encoding="utf-8")
    for slug, lang, title in (("bukti-tanggal", "id", "Bukti Tanggal"),
                              ("date-evidence", "en", "Date Evidence")):
        (folder / f"{slug}.md").write_text(ARTICLE.format(
            title=title, slug=slug, lang=lang, hash=HASH, evidence=EVIDENCE), encoding="utf-8")
    build_site(root / "content", root / "output", extra={"PAGEFIND_ENABLED": "false"})
    return root / "output"


@pytest.mark.parametrize(("slug", "sentences", "summary"), [
    ("bukti-tanggal",
     ["Artikel ini menyebut hari tanpa tahun: Jumat (23/10), Selasa (20/10).",
      "Hari-hari itu jatuh pada tahun 2020.",
      "Mike Pompeo, US Secretary of State (26 April 2018 sampai 20 Januari 2021)",
      "Ilham Aliyev, President of Azerbaijan (sejak 31 Oktober 2003)"],
     "Rincian teknis"),
    ("date-evidence",
     ["The article names days without a year: Jumat (23/10), Selasa (20/10).",
      "Those days fall in 2020.",
      "Mike Pompeo, US Secretary of State (26 April 2018 to 20 January 2021)"],
     "Technical details"),
])
def test_a_reader_sees_the_date_reasoning_in_words_and_the_hash_on_request(
        site: Path, serve, page, slug: str, sentences: list[str], summary: str) -> None:
    page.goto(f"{serve(site)}/2020/10/{slug}/")
    box = page.locator("aside.provenance")
    shown = " ".join(box.inner_text().split())
    for sentence in sentences:
        assert sentence in shown
    assert "->" not in shown and "2003-10-31.." not in shown
    assert not page.get_by_text(HASH).is_visible()
    box.get_by_text(summary).click()
    assert page.get_by_text(HASH).is_visible()
    assert page.get_by_text(EVIDENCE).is_visible()  # the importer's note, for archivists
