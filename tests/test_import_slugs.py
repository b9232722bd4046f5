"""Slugs are unique in the archive: a slug another raw file or an editor's article holds, as
its file name or as its `Slug:`, gets the raw file's hash; a re-import keeps its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tools.cli import cli

from conftest import ROOT

BODY = ("Judul Yang Sama Untuk Dua Berkas\n\nJakarta (ANTARA) - Kalimat pertama berita ini "
        "cukup panjang untuk menjadi paragraf yang sah dalam artikel. Kalimat kedua juga "
        "menambah kata agar badan berita terbaca dengan jelas oleh pengimpor.\n")

def test_a_slug_an_article_holds_by_name_or_by_its_slug_line_is_not_reused(
        tmp_path: Path) -> None:
    out = tmp_path / "content" / "articles"
    (out / "2019").mkdir(parents=True)
    (out / "2019" / "judul-lama.md").write_text(
        "Title: Judul lama\nDate: 2019-01-01\nSlug: judul-yang-sama-untuk-dua-berkas\n\nTeks.\n",
        encoding="utf-8")
    raw = tmp_path / "one.txt"
    raw.write_text(BODY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(raw), "--out", str(out),
                                      "--date", "2020-01-02"])
    assert result.exit_code == 0, result.output
    (made,) = out.glob("2020/*.md")
    assert made.stem.startswith("judul-yang-sama-untuk-dua-berkas-"), made.name
    new = CliRunner().invoke(cli, ["new", "Judul yang sama untuk dua berkas", "--date",
                                   "2021-01-05", "--content", str(tmp_path / "content")])
    assert new.exit_code == 1 and "judul-lama.md" in new.output, new.output


def test_reimport_and_collisions_in_one_run(tmp_path: Path) -> None:
    """Two raw files with one title in one run, then again into the filled folder: the second
    gets the hash suffix both times, and the re-import changes nothing."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "one.txt").write_text(BODY, encoding="utf-8")
    (raw / "two.txt").write_text(BODY.replace("pertama", "kesatu"), encoding="utf-8")
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


def test_a_long_or_azerbaijani_title_keeps_its_words_in_order() -> None:
    from tools.slugs import MAX_LENGTH, title_slug

    assert title_slug("Ceyhun Bayramov: Ermənistanla sülh danışıqları") == \
        "ceyhun-bayramov-ermenistanla-sulh-danisiqlari"
    long = title_slug("Aaaa " + "b" * 90 + " cc dd")
    assert long == "aaaa", "no later word after one that did not fit"
    words = title_slug(" ".join(f"kata{n}" for n in range(40)))
    assert len(words) <= MAX_LENGTH and words.endswith(f"kata{words.count('-')}")


def test_a_georgian_or_russian_title_keeps_each_word_whole_in_its_slug() -> None:
    """A transliteration writes apostrophes inside words (Georgian ejectives, the Russian soft
    sign); they join the letters, as a typed apostrophe does, instead of splitting the word."""
    from tools.slugs import title_slug

    assert title_slug("საქართველო და სომხეთი") == "sakartvelo-da-somxeti"
    assert title_slug("Дальний Восток") == "dalnii-vostok"
    assert title_slug("Don’t panic") == "dont-panic"
