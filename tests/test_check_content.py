"""The archive itself passes `python -m tools check` (as `make check` and `make html` run it), and
the command's output is one `path:line: severity: message. Hint: ...` line per problem."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import FIXTURES, ROOT

LINE_RE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<severity>error|warning): .+")


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tools", "check", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_the_archive_content_and_data_files_have_no_errors() -> None:
    result = run_check()
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert errors == []
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\d+ files checked in [\d.]+ s: 0 errors", result.stderr)


def test_problems_print_as_path_line_message_and_errors_fail_the_command() -> None:
    good = FIXTURES / "check" / "good"
    bad = FIXTURES / "check" / "bad"
    result = run_check(str(bad / "unknown-tag.md"), str(bad / "unknown-source.md"),
                       "--content", str(good), "--data", str(FIXTURES / "check" / "data"))
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert [LINE_RE.match(line).group("path", "line", "severity") for line in lines] == [
        ("tests/fixtures/check/bad/unknown-source.md", "7", "warning"),
        ("tests/fixtures/check/bad/unknown-tag.md", "5", "error"),
    ]
    assert "Hint: did you mean 'Nagorno-Karabakh' (alias 'Karabakh')?" in lines[1]
    assert "2 files checked" in result.stderr and "1 error, 1 warning" in result.stderr


def test_warnings_alone_do_not_fail_the_command() -> None:
    result = run_check(str(FIXTURES / "check" / "bad" / "unknown-source.md"),
                       "--content", str(FIXTURES / "check" / "good"),
                       "--data", str(FIXTURES / "check" / "data"))
    assert result.returncode == 0
    assert ": warning: no site profile for source 'Kompas'" in result.stdout


def test_a_folder_outside_content_is_judged_on_its_own_unless_content_is_named(
    tmp_path,
) -> None:
    """A staging folder of imported copies is not full of "duplicates" of the archive, but an
    editor who names the archive gets the comparison before moving the files in."""
    article = next((ROOT / "content" / "articles").rglob("*.md"))
    (tmp_path / article.name).write_bytes(article.read_bytes())
    alone = run_check(str(tmp_path))
    assert alone.returncode == 0, alone.stdout + alone.stderr
    assert "already used" not in alone.stdout and "also used" not in alone.stdout
    assert "1 file checked" in alone.stderr
    compared = run_check(str(tmp_path), "--content", str(ROOT / "content"))
    assert compared.returncode == 1
    # "already used by" or "also used by": which file comes first depends on where tmp_path is
    assert re.search(rf"slug '{article.stem}' is (already|also) used by content/articles/",
                     compared.stdout), compared.stdout


def test_a_temp_file_left_by_a_killed_import_is_reported_without_failing(tmp_path) -> None:
    article = next((ROOT / "content" / "articles").rglob("*.md"))
    folder = tmp_path / "articles" / "2020"
    folder.mkdir(parents=True)
    (folder / article.name).write_bytes(article.read_bytes())
    leftover = folder / f".{article.name}.x7k2q.tmp"
    leftover.write_text("Title: setengah")
    result = run_check(str(tmp_path), "--content", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{leftover}:1: warning: an interrupted import left this temporary")
    assert "Hint: delete it when no import is running" in line
