"""`python -m tools check` on copies of one story and on tools/data/events.yaml.

Copies from different outlets are a story the site groups, not an editor's mistake; the same
title twice from one outlet still is. The events file is checked with the line of each problem.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tools.check import ROOT, run_check

DATA = ROOT / "tools" / "data"
HEADER = """Title: Gencatan Senjata Kemanusiaan Disepakati
Date: 2020-10-10T12:00:00+07:00
Slug: {slug}
Lang: id
Tags: Armenia
Source: {source}
Synthetic: true
{extra}
Menteri luar negeri kedua negara menyepakati gencatan senjata kemanusiaan di Moskow.
"""


def archive(tmp_path: Path, *articles: tuple[str, str, str]) -> Path:
    folder = tmp_path / "content" / "articles" / "2020"
    folder.mkdir(parents=True)
    for slug, source, extra in articles:
        (folder / f"{slug}.md").write_text(HEADER.format(slug=slug, source=source, extra=extra),
                                           encoding="utf-8")
    return tmp_path / "content"


def messages(content: Path) -> list[str]:
    problems, _ = run_check([content], content=content)
    return [f"{p.path.name}:{p.line}: {p.message}" for p in problems
            if "site profile" not in p.message]


def test_the_same_title_from_two_outlets_is_a_story_not_a_warning(tmp_path: Path) -> None:
    content = archive(tmp_path, ("gencatan-antara", "Antara", ""),
                      ("gencatan-kompas", "Kompas", ""))
    assert messages(content) == []


def test_the_same_title_twice_from_one_outlet_is_still_a_warning(tmp_path: Path) -> None:
    content = archive(tmp_path, ("gencatan-antara", "Antara", ""),
                      ("gencatan-antara-2", "Antara", ""))
    found = messages(content)
    assert "gencatan-antara-2.md:1: the same title as " in found[0]
    assert len(found) == 2 and all("from the same outlet" in m for m in found)


def test_a_cluster_that_names_no_article_is_reported_on_its_line(tmp_path: Path) -> None:
    content = archive(tmp_path, ("gencatan-antara", "Antara", ""),
                      ("gencatan-kompas", "Kompas", "Cluster: gencatan-antra\n"),
                      ("gencatan-detik", "Detik", "Cluster: gencatan-antara\n"),
                      ("gencatan-tempo", "Tempo", "Cluster: none\n"))
    problems, _ = run_check([content], content=content)
    found = [p for p in problems if "Cluster" in p.message]
    assert [(p.path.name, p.line) for p in found] == [("gencatan-kompas.md", 8)]
    assert "did you mean gencatan-antara?" in found[0].hint


def test_the_projects_events_file_has_no_problem() -> None:
    problems, count = run_check([DATA / "events.yaml"])
    assert count == 1 and problems == []


def test_each_events_file_mistake_is_reported_on_its_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / "events.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    date_line = lines.index("  - date: 2020-10-10") + 1
    text = text.replace("  - date: 2020-10-10", "  - date: 2020-10-32")
    text = text.replace("entities: [Shusha, Azerbaijan", "entities: [Shushi, Azerbaijan")
    text = text.replace("      en: The 2023 Karabakh ceasefire\n", "")
    (data / "events.yaml").write_text(text, encoding="utf-8")
    problems, _ = run_check([data / "events.yaml"], data=data)
    shown = {(p.line, p.severity, p.message) for p in problems}
    assert (date_line, "error", "'2020-10-32' is not a date") in shown
    shushi = next(p for p in problems if "Shushi" in p.message)
    assert text.splitlines()[shushi.line - 1].strip().startswith("entities: [Shushi")
    assert "did you mean Shusha?" in shushi.hint
    assert any("`name:` has no `en:` text" in p.message for p in problems)
