"""The complete example article in docs/editing.md is valid: an editor who copies it gets no error
or warning from `check`."""

from __future__ import annotations

import re
from pathlib import Path

from tools.check import run_check

from conftest import ROOT

GUIDE = ROOT / "docs" / "editing.md"
LINKED = """Title: Gencatan Senjata Kemanusiaan
Date: 2020-10-10
Slug: gencatan-senjata-kemanusiaan
Synthetic: true

Teks.
"""


def test_the_guides_example_article_passes_check(tmp_path: Path) -> None:
    example = re.search(r"```markdown\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    text = example.group(1)
    slug = re.search(r"^Slug: (.+)$", text, re.M).group(1)
    folder = tmp_path / "content" / "articles" / "2020"
    folder.mkdir(parents=True)
    (folder / f"{slug}.md").write_text(text, encoding="utf-8")
    (folder / "gencatan-senjata-kemanusiaan.md").write_text(LINKED, encoding="utf-8")
    problems, _ = run_check([folder / f"{slug}.md"], content=tmp_path / "content")
    assert [p.format() for p in problems] == []


def test_the_guide_documents_every_field_the_checker_accepts() -> None:
    from tools.checks.fields import KNOWN_KEYS

    guide = GUIDE.read_text(encoding="utf-8").lower()
    assert [key for key in sorted(KNOWN_KEYS) if f"`{key}`" not in guide] == []
