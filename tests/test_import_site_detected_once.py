"""A batch of dumps reads each dump's site from its text once: the pre-pass that learns the
batch's repeated lines finds it and the import keeps it, so the outlet is the same as when the
dump is imported alone (finding it twice was a tenth of a dump's import time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.importer import rules
from tools.importer.pipeline import Options, import_paths

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_3814e48b976ab4c4.txt"


def _batch(folder: Path) -> Path:
    """The seed's dump and a second story from the same site (another headline)."""
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (folder / "first.txt").write_text(text, encoding="utf-8")
    other = text.replace("Armenia dan Azerbaijan Akan Bertemu Terpisah dengan Menlu AS",
                         "Menlu AS Menerima Menlu Armenia dan Azerbaijan Secara Terpisah", 1)
    (folder / "second.txt").write_text(other, encoding="utf-8")
    return folder


def test_a_batch_detects_each_dumps_site_once(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    detect = rules.detect_site

    def counted(sites: tuple[rules.SiteProfile, ...], head: str) -> rules.SiteProfile | None:
        calls.append(head[:40])
        return detect(sites, head)

    monkeypatch.setattr(rules, "detect_site", counted)
    results = list(import_paths([_batch(tmp_path / "in")], Options(out=tmp_path / "out")))
    assert [r.status for r in results] == ["created", "created"], [r.message for r in results]
    assert len(calls) == 2
    assert {r.article.source for r in results if r.article} == {"LancangKuning"}


def test_a_dump_imported_alone_still_finds_its_site(tmp_path: Path) -> None:
    folder = _batch(tmp_path / "in")
    result, = import_paths([folder / "first.txt"], Options(out=tmp_path / "out"))
    assert result.status == "created", result.message
    assert result.article is not None and result.article.source == "LancangKuning"


@pytest.mark.parametrize("head, site", [
    ("Selasa, 10 November 2020 | 14:32 WIB\n\nJudul\n\nMOSKWA, KOMPAS.com - Rusia ...", "Kompas"),
    ("Judul\n\nRusia mengirim pasukan.\n\nKompas.com - Internasional", "Kompas"),
    ("Selasa, 10 November 2020 | 14:32 WIB\n\nJudul\n\nRusia mengirim pasukan.", "Tempo"),
])
def test_a_dump_naming_its_site_is_not_taken_for_one_whose_date_line_it_shares(
        head: str, site: str) -> None:
    assert rules.detect_site(rules.load_sites(), head).name == site
