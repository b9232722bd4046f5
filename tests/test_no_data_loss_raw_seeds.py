"""Raw inputs are read-only to every tool: after import (plain, again, --force, --dry-run,
--explain, --new-only, with a sidecar), check and new, every raw file has the same bytes, inode,
mode and change time, and no file appeared beside them (no temp file, no output in seeds/).

The build side (Pelican copying seeds into output/) is
tests/test_builds_are_reproducible.py::test_import_and_build_leave_raw_seeds_byte_for_byte_unchanged.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from click.testing import CliRunner

from tools.cli import cli

from conftest import FIXTURES, ROOT


def fingerprints(folder: Path) -> dict[str, tuple]:
    """Everything a write, a rename or a chmod would change (ctime: even rewriting same bytes)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        found[str(path.relative_to(folder))] = (digest, stat.st_size, stat.st_ino, stat.st_mode,
                                                stat.st_mtime_ns, stat.st_ctime_ns)
    return found


def test_no_tool_writes_to_raw_inputs(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "seeds", raw)
    shutil.copy(FIXTURES / "import" / "mislabelled_charset.html", raw / "page.html")
    shutil.copy(FIXTURES / "import" / "cp1252_dump.txt", raw / "cp1252.txt")
    (raw / "cp1252.yaml").write_text("date: 2020-10-23\nsource: LancangKuning\n", encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    before = fingerprints(raw)
    out, content = tmp_path / "out", tmp_path / "content"
    runs = [
        ["import", str(raw), "--out", str(out)],
        ["import", str(raw), "--out", str(out)],
        ["import", str(raw), "--out", str(out), "--force", "--explain"],
        ["import", str(raw), "--out", str(out), "--dry-run", "--explain"],
        ["import", str(raw), "--out", str(out), "--new-only"],
        ["import", str(raw / "cp1252.txt"), "--out", str(out), "--date", "2020-10-23"],
        ["check", str(raw), "--content", str(out)],
        ["new", "Artikel baru tentang Karabakh", "--content", str(content),
         "--date", "2020-10-23"],
    ]
    for args in runs:
        result = CliRunner().invoke(cli, args)
        assert "Traceback" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), args
    assert len(list(out.rglob("*.md"))) >= 2, "the imports did run"
    assert fingerprints(raw) == before


def test_an_article_saved_twice_in_one_batch_is_still_imported(tmp_path: Path) -> None:
    """Copies are not a site template: the repeated-line pass counts identical files once."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("artikel.txt", "artikel (1).txt", "artikel-salinan.txt"):
        shutil.copy(ROOT / "seeds" / "000_3814e48b976ab4c4.txt", raw / name)
    result = CliRunner().invoke(cli, ["import", str(raw), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    (article,) = (tmp_path / "out").rglob("*.md")
    assert "Menlu kedua negara sebelumnya sepakat" in article.read_text(encoding="utf-8")
