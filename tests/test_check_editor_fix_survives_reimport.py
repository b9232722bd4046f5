"""An editor corrects an imported article; importing the same raw file again leaves the fix in
place (the importer's Import_sha256 seal), and `check` flags a second copy of the same raw file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tools.check import run_check

from conftest import ROOT

SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"
FIXED_TITLE = "Menlu Armenia dan Azerbaijan Bertemu Terpisah dengan Pompeo"


def import_seed(seed: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tools", "import", str(seed), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_an_editors_fix_survives_a_reimport_of_the_same_raw_file(tmp_path: Path) -> None:
    seed = Path(shutil.copy(SEED, tmp_path / SEED.name))
    articles = tmp_path / "content" / "articles"
    first = import_seed(seed, articles)
    assert first.returncode == 0, first.stderr
    [path] = articles.glob("*/*.md")
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.split("\n") if line.startswith("Title: "))
    fixed = text.replace(title, f"Title: {FIXED_TITLE}").replace("Menlu Armeni Zohrab",
                                                                  "Menlu Armenia Zohrab")
    path.write_text(fixed, encoding="utf-8")

    again = import_seed(seed, articles)

    assert path.read_text(encoding="utf-8") == fixed
    assert "edited since import" in again.stdout + again.stderr
    assert list(articles.glob("*/*.md")) == [path]
    problems, _ = run_check([path], content=tmp_path / "content")
    assert [p.format() for p in problems if p.severity == "error"] == []


def test_check_flags_two_articles_imported_from_one_raw_file(tmp_path: Path) -> None:
    articles = tmp_path / "content" / "articles"
    import_seed(Path(shutil.copy(SEED, tmp_path / SEED.name)), articles)
    [path] = articles.glob("*/*.md")
    copy = path.with_name("salinan.md")
    copy.write_text(path.read_text(encoding="utf-8").replace(f"Slug: {path.stem}",
                                                             "Slug: salinan"), encoding="utf-8")
    problems, _ = run_check([articles], content=tmp_path / "content")
    raw = [p for p in problems if "imported from the same raw file" in p.message]
    assert sorted(p.path.name for p in raw) == sorted([path.name, "salinan.md"])
    assert all(p.severity == "error" for p in raw)
