"""`import --new-only` (what `make html` runs) imports new seeds and leaves imported ones alone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"


def _import(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tools", "import", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_new_only_skips_a_seed_whose_article_an_editor_corrected(tmp_path: Path) -> None:
    seeds, out = tmp_path / "seeds", tmp_path / "articles"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    assert _import(str(seeds), "--out", str(out)).returncode == 0
    article = next(out.rglob("*.md"))
    corrected = article.read_text("utf-8").replace("Menlu Armeni Zohrab", "Menlu Armenia Zohrab")
    article.write_text(corrected, "utf-8")

    plain = _import(str(seeds), "--out", str(out))
    assert plain.returncode == 1, "a plain re-import refuses the edited article"
    result = _import(str(seeds), "--out", str(out), "--new-only")
    assert result.returncode == 0, result.stderr
    assert article.read_text("utf-8") == corrected


def test_new_only_imports_a_seed_no_article_names_yet(tmp_path: Path) -> None:
    seeds, out = tmp_path / "seeds", tmp_path / "articles"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    result = _import(str(seeds), "--out", str(out), "--new-only")
    assert result.returncode == 0, result.stderr
    assert len(list(out.rglob("*.md"))) == 1
    renamed = seeds / "renamed-copy.txt"
    shutil.copy(SEED, renamed)
    again = _import(str(seeds), "--out", str(out), "--new-only")
    assert again.returncode == 0
    assert len(list(out.rglob("*.md"))) == 1, "the same bytes under another name are not new"
