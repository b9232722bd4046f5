"""At import, another outlet's copy of a story the archive holds gets `Cluster:` naming it, so
editors see the grouping in the header; a copy from the same outlet does not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"  # LancangKuning's copy of an AFP story
SEED_SLUG = "armenia-dan-azerbaijan-akan-bertemu-terpisah-dengan-menlu-as"


def _import(path: Path, out: Path, source: str) -> None:
    result = subprocess.run([sys.executable, "-m", "tools", "import", str(path), "--out", str(out),
                             "--source", source, "--date", "2020-10-21"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def _copy(tmp_path: Path, name: str) -> Path:
    """The seed as another outlet ran it: its own title and dateline, one sentence changed."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("Armenia dan Azerbaijan Akan Bertemu Terpisah dengan Menlu AS",
                        "Menlu Armenia dan Azerbaijan Dijadwalkan Temui Pompeo", 1)
    text = text.replace("LancangKuning - ", "JAKARTA, KOMPAS - ", 1)
    text = text.replace("Baku juga melaporkan 63 warga sipil tewas.",
                        "Baku menyebut 63 warga sipil tewas.")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _header(out: Path, title_words: str) -> str:
    for path in out.rglob("*.md"):
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        if title_words in header:
            return header
    raise AssertionError(f"no article titled {title_words!r} in {out}")


def test_another_outlets_copy_names_the_story_it_copies(tmp_path: Path) -> None:
    out = tmp_path / "articles"
    _import(SEED, out, "LancangKuning")
    _import(_copy(tmp_path, "kompas.txt"), out, "Kompas")
    assert f"Cluster: {SEED_SLUG}" in _header(out, "Dijadwalkan Temui Pompeo").splitlines()
    assert "Cluster:" not in _header(out, "Akan Bertemu Terpisah")


def test_a_copy_from_the_same_outlet_is_no_story_cluster(tmp_path: Path) -> None:
    out = tmp_path / "articles"
    _import(SEED, out, "LancangKuning")
    _import(_copy(tmp_path, "again.txt"), out, "LancangKuning")
    assert "Cluster:" not in _header(out, "Dijadwalkan Temui Pompeo")
