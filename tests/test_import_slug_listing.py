"""The Slugger lists the output folder's year folders once instead of globbing for every slug:
it must name the same owners as the glob on disk, in a fresh folder and a filled one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tools.slugs import _FIELD, Slugger

from conftest import ROOT


def owner_by_glob(out: Path, slug: str) -> tuple[str, str] | None:
    """The lookup before the listing: a glob per slug."""
    for path in sorted(out.glob(f"*/{slug}.md")):
        head = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
        fields = dict(_FIELD.findall(head))
        return fields.get("Raw_file", ""), fields.get("Raw_sha256", "")
    return None


def article(path: Path, raw: str, sha: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Title: x\nRaw_file: {raw}\nRaw_sha256: {sha}\n\nText.\n", encoding="utf-8")


def test_owners_are_the_globbed_ones(tmp_path: Path) -> None:
    out = tmp_path / "out"
    article(out / "2020" / "a.md", "a.txt", "1" * 64)
    article(out / "2019" / "b.md", "b-2019.txt", "2" * 64)
    article(out / "2021" / "b.md", "b-2021.txt", "3" * 64)
    article(out / ".hidden" / "c.md", "c.txt", "4" * 64)
    (out / "2022").mkdir()
    (out / "2022" / "d.md").mkdir()  # a folder named like an article: glob finds it, reading fails
    elsewhere = tmp_path / "elsewhere"
    article(elsewhere / "e.md", "e.txt", "5" * 64)
    (out / "2023").symlink_to(elsewhere)
    (out / "f.md").write_text("Raw_file: top.txt\n", encoding="utf-8")  # not in a year folder
    slugger = Slugger(out)
    for slug in ["a", "b", "c", "e", "f", "g", "2020"]:
        assert slugger._owner(slug) == owner_by_glob(out, slug), slug
    assert slugger._owner("b") == ("b-2019.txt", "2" * 64)
    assert slugger._maybe_on_disk("d.md")  # looked up on disk, as before


def test_missing_or_odd_output_folders(tmp_path: Path) -> None:
    assert Slugger(tmp_path / "missing")._owner("a") is None
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert Slugger(tmp_path / "file")._owner("a") is None


def test_an_unreadable_year_folder_means_every_slug_is_globbed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    article(out / "2020" / "a.md", "a.txt", "1" * 64)
    locked = out / "2021"
    locked.mkdir()
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            return  # running as a user that reads it anyway
        slugger = Slugger(out)
        assert slugger._maybe_on_disk("zzz.md")
        assert slugger._owner("a") == ("a.txt", "1" * 64)
    finally:
        locked.chmod(0o755)


def test_reimport_and_collisions_in_one_run(tmp_path: Path) -> None:
    """Two raw files with one title in one run, then again into the filled folder: the second
    gets the hash suffix both times, and the re-import changes nothing."""
    raw = tmp_path / "raw"
    raw.mkdir()
    body = ("Judul Yang Sama Untuk Dua Berkas\n\nJakarta (ANTARA) - Kalimat pertama berita ini "
            "cukup panjang untuk menjadi paragraf yang sah dalam artikel. Kalimat kedua juga "
            "menambah kata agar badan berita terbaca dengan jelas oleh pengimpor.\n")
    (raw / "one.txt").write_text(body, encoding="utf-8")
    (raw / "two.txt").write_text(body.replace("pertama", "kesatu"), encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "tools", "import", str(raw), "--out", str(out),
               "--date", "2020-01-02"]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    names = sorted(p.name for p in out.glob("*/*.md"))
    assert len(names) == 2 and "judul-yang-sama-untuk-dua-berkas.md" in names, names
    assert all(n.startswith("judul-yang-sama-untuk-dua-berkas") for n in names), names
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    assert first.stdout.count(": created") == 2
    assert again.stdout.count(": unchanged") == 2, again.stdout
