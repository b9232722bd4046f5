"""Two builds of the same content produce byte-identical output, and raw seeds are never touched."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT, build_site


def _fingerprints(files: list[Path]) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files
    }


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path: Path) -> None:
    """Two languages, many tags (related articles), filters: and a different hash seed each time,
    so nothing may depend on set or dict order."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURES / "security" / "content" / "articles", content / "articles" / "extra")
    shutil.copytree(FIXTURES / "site" / "content" / "articles", content / "articles" / "site")
    first, second = tmp_path / "first", tmp_path / "second"
    raw = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", raw)
    shutil.copytree(FIXTURES / "site" / "seeds", raw, dirs_exist_ok=True)
    seeds = {"RAW_SEEDS_PATH": json.dumps(str(raw))}
    for output, hash_seed in ((first, "1"), (second, "2")):
        build_site(content, output, extra=seeds, env={"PYTHONHASHSEED": hash_seed})
    a, b = _tree(first), _tree(second)
    assert any(name.endswith(".pf_filter") for name in a), "the search index has filters"
    entry = json.loads((first / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert len(entry["languages"]) >= 2, "the fixtures cover two languages"
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


def test_import_and_build_leave_raw_seeds_byte_for_byte_unchanged(tmp_path: Path) -> None:
    seeds = sorted(p for p in (ROOT / "seeds").iterdir() if p.is_file())
    before = _fingerprints(seeds)
    out = tmp_path / "articles"
    result = subprocess.run(
        [sys.executable, "-m", "tools", "import", str(ROOT / "seeds"), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    build_site(ROOT / "content", tmp_path / "site")
    assert _fingerprints(seeds) == before
