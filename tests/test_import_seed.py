"""The seed article imports to exactly the pinned Markdown."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"
EXPECTED = ROOT / "tests" / "fixtures" / "import" / "seed_expected.md"
SLUG = "armenia-dan-azerbaijan-akan-bertemu-terpisah-dengan-menlu-as"


def run_import(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tools", "import", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def header(text: str) -> dict[str, str]:
    head = text.split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def test_seed_imports_to_the_pinned_markdown(tmp_path: Path) -> None:
    result = run_import(str(SEED), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    written = tmp_path / "2020" / f"{SLUG}.md"
    assert written.read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")


def test_pinned_seed_has_the_expected_metadata() -> None:
    text = EXPECTED.read_text(encoding="utf-8")
    fields = header(text)
    assert fields["Title"] == "Armenia dan Azerbaijan Akan Bertemu Terpisah dengan Menlu AS"
    assert fields["Lang"] == "id"
    assert fields["Date_method"] == "inferred"
    assert "2020-10-20" <= fields["Date"][:10] <= "2020-10-23"
    assert "Pompeo" in fields["Date_evidence"]
    assert fields["Editor"] == "evn"
    assert fields["Source"] == "LancangKuning"
    assert fields["Agencies"] == "AFP"
    tags = fields["Tags"].split(", ")
    # Most telling first (cards show four): the conflict it is about is among them.
    assert "Nagorno-Karabakh" in tags[:4]
    for wanted in ["Armenia", "Azerbaijan", "Nagorno-Karabakh", "Amerika Serikat", "Mike Pompeo",
                   "Jeyhun Bayramov", "Ilham Aliyev", "Nikol Pashinyan", "Gencatan Senjata"]:
        assert wanted in tags
    # Places named once in passing are not what it is about; junk never tags it.
    assert not {"Washington", "Moskow", "Iran", "Yerevan"} & set(tags)
    assert not {"Hyundai", "Covid-19", "Indonesia"} & set(tags)
    assert fields["Category"] == "Nagorno-Karabakh"
    # "Yerevan melaporkan 772 tentara Armenia dan 36 warga sipil tewas ... Baku juga melaporkan
    # 63 warga sipil tewas": each party's figures, as of the article's day, never summed.
    assert fields["Figures"].split("; ") == [
        "Yerevan | killed | soldiers (Armenia) | 772 | 2020-10-20",
        "Yerevan | killed | civilians | 36 | 2020-10-20",
        "Baku | killed | civilians | 63 | 2020-10-20"]


def test_pinned_seed_body_is_thirteen_clean_paragraphs() -> None:
    body = EXPECTED.read_text(encoding="utf-8").split("\n\n", 1)[1]
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    assert len(paragraphs) == 13
    assert paragraphs[0].startswith("Menteri luar negeri Armenia")
    assert paragraphs[-1].startswith("Namun Perdana Menteri Armenia Nikol Pashinyan")
    for junk in ["Baca Juga", "Daftar Isi", "LancangKuning", "(evn)", "Bagikan", "data.label",
                 "Sangat Suka", "0%", "Komentar", "\u00a0"]:
        assert junk not in body
    assert not re.search(r"^ {4}", body, re.MULTILINE)
