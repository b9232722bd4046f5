"""`python -m tools new` writes a complete, correctly named draft, refuses to overwrite, and the
article it starts passes `check` and appears in a real build once filled in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tools.check import run_check
from tools.checks.fields import KNOWN_KEYS
from tools.checks.header import parse_header

from conftest import ROOT, build_site

TITLE = "Armenia dan Azerbaijan Sepakat Gencatan Senjata"
SLUG = "armenia-dan-azerbaijan-sepakat-gencatan-senjata"


def tools(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tools", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_new_writes_a_named_stub_with_every_field_and_prints_its_path(tmp_path: Path) -> None:
    """--source spelled otherwise than its site profile is written as the profile spells it."""
    result = tools("new", TITLE, "--date", "2020-10-10", "--source", "lancangkuning",
                   "--url", "https://lancangkuning.com/post/1", "--content", str(tmp_path))
    path = tmp_path / "articles" / "2020" / f"{SLUG}.md"
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(path)
    header = parse_header(path.read_text(encoding="utf-8").split("\n"))
    fields = {f.name: f.value for f in header.fields}
    assert fields["title"] == TITLE
    assert fields["date"] == "2020-10-10"  # as given: no time or zone the editor did not state
    assert fields["slug"] == SLUG
    assert (fields["lang"], fields["source"], fields["status"]) == ("id", "LancangKuning", "draft")
    assert fields["source_url"] == "https://lancangkuning.com/post/1"
    assert {"category", "tags", "authors", "summary"} <= set(fields) <= KNOWN_KEYS


def test_new_uses_today_in_jakarta_when_no_date_is_given(tmp_path: Path) -> None:
    from tools.checks.known import today_in_site_timezone

    result = tools("new", TITLE, "--content", str(tmp_path))
    path = Path(result.stdout.strip())
    assert path.parent.name == str(today_in_site_timezone().year)
    assert f"Date: {today_in_site_timezone().isoformat()}\n" in path.read_text()


@pytest.mark.parametrize(("given", "written"), [
    ("2020-10-10T14:30", "2020-10-10T14:30:00"), ("2020-10-10T14:30+04:00",
                                                  "2020-10-10T14:30:00+04:00")])
def test_new_writes_a_time_with_a_zone_only_when_the_editor_gives_one(
        tmp_path: Path, given: str, written: str) -> None:
    path = Path(tools("new", TITLE, "--date", given, "--content", str(tmp_path)).stdout.strip())
    assert f"\nDate: {written}\n" in path.read_text(encoding="utf-8")


def test_new_refuses_to_overwrite_an_existing_article(tmp_path: Path) -> None:
    first = tools("new", TITLE, "--date", "2020-10-10", "--content", str(tmp_path))
    path = Path(first.stdout.strip())
    path.write_text(path.read_text() + "\nTeks yang sudah ditulis editor.\n", encoding="utf-8")
    before = path.read_text()
    again = tools("new", TITLE, "--date", "2021-01-05", "--content", str(tmp_path))
    assert again.returncode == 1
    assert "already uses the slug" in again.stderr and "--slug" in again.stderr
    assert path.read_text() == before
    assert not (tmp_path / "articles" / "2021").exists()


@pytest.mark.parametrize(("args", "words"), [
    (["--date", "2999-01-01"], "in the future"),
    (["--date", "23/10/2020"], "is not a date"),
    (["--lang", "indonesian"], "--lang 'indonesian' is not one of"),
])
def test_new_rejects_bad_options_with_a_message(tmp_path: Path, args: list[str],
                                                words: str) -> None:
    result = tools("new", TITLE, *args, "--content", str(tmp_path))
    assert result.returncode == 1
    assert words in result.stderr
    assert not (tmp_path / "articles").exists()


@pytest.mark.slow
def test_new_then_check_then_build_publishes_the_article(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    path = Path(tools("new", TITLE, "--date", "2020-10-10", "--source", "LancangKuning",
                      "--content", str(content)).stdout.strip())
    text = path.read_text(encoding="utf-8")
    text = (text.replace("Tags:", "Tags: Armenia, Azerbaijan")
            .replace("Category:", "Category: Nagorno-Karabakh")
            .replace("Summary:", "Summary: Kedua negara sepakat menghentikan tembakan.")
            .replace("Status: draft", "Status: published")
            .replace("Write the article here, in paragraphs separated by an empty line.",
                     "Kedua negara sepakat menghentikan tembakan mulai tengah malam."))
    path.write_text(text, encoding="utf-8")
    problems, _ = run_check([path], content=content)
    assert problems == []
    output = tmp_path / "output"
    build_site(content, output)
    page = output / "2020" / "10" / SLUG / "index.html"
    assert TITLE in page.read_text(encoding="utf-8")
    assert "menghentikan tembakan mulai tengah malam" in page.read_text(encoding="utf-8")


def test_a_stub_switched_to_published_unfinished_is_refused_by_check(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    path = Path(tools("new", TITLE, "--date", "2020-10-10", "--content", str(content))
                .stdout.strip())
    path.write_text(path.read_text(encoding="utf-8").replace("Status: draft", "Status: published"),
                    encoding="utf-8")
    result = tools("check", str(path), "--content", str(content))
    assert result.returncode == 1
    assert "`Tags:` is empty and it is published" in result.stdout
    assert "the placeholder text of `tools new` is still here" in result.stdout
