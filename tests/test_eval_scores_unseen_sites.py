"""`python -m tools eval` on a tiny synthetic development set (tests/fixtures/evaluation)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from tools.cli import cli
from tools.evaluation import loso
from tools.evaluation.pages import load_folder
from tools.evaluation.run import score_ours
from tools.evaluation.scoring import overlap
from tools.importer.rules import load_common_rules

FIXTURES = Path(__file__).parent / "fixtures" / "evaluation"
READ_ALSO = "Baca juga: Harga cabai naik menjelang hari raya"


def table_rows(output: str, kind: str) -> dict[str, list[str]]:
    """The rows of one kind's table: group name -> cells."""
    section = output.split(f"{kind}: ", 1)[1].split("refused:", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and not set(cells[0]) <= {"-"} and cells[0] != "group":
            rows[cells[0]] = cells
    return rows


def test_eval_prints_a_table_per_kind_with_a_row_per_set_and_language() -> None:
    result = CliRunner().invoke(cli, ["eval", "--corpus", str(FIXTURES), "--jobs", "1",
                                      "--no-cache"])
    assert result.exit_code == 0, result.output
    for kind in ("html", "raw_text"):
        rows = table_rows(result.output, kind)
        assert set(rows) == {"set fixture", "language en", "language id", "all"}
        assert rows["language en"][1] == "2" and rows["language id"][1] == "1"
        assert rows["all"][1] == "3"
        ours, reference = float(rows["all"][4]), float(rows["all"][6])
        assert 0.8 < ours <= 1.0 and 0.0 < reference <= 1.0
        assert rows["all"][9] == "100% of 3"  # every title found
    assert re.search(r"refused: none", result.output)


def test_leave_site_out_drops_the_patterns_only_that_site_triggers() -> None:
    pages = load_folder(FIXTURES)
    kabar = next(p.site for p in pages if p.stem.startswith("fix_kabar"))
    news = next(p.site for p in pages if p.stem.startswith("fix_news"))
    rules = load_common_rules()
    sites = loso.pattern_sites(pages, rules, map, cache_dir=None)
    only = loso.single_site_patterns(sites)
    dropped = loso.described(rules, only[kabar])
    assert any(name.startswith("read-also#") for name in dropped)
    assert not any(name.startswith("read-also#")
                   for name in loso.described(rules, only.get(news, set())))
    without = loso.rules_without(rules, only[kabar])
    assert any(rule.search(READ_ALSO) for rule in rules)
    assert not any(rule.search(READ_ALSO) for rule in without)


def test_a_site_scored_without_its_own_rules_keeps_the_line_they_removed() -> None:
    page = next(p for p in load_folder(FIXTURES) if p.stem.startswith("fix_kabar"))
    rules = load_common_rules()
    sites = loso.pattern_sites(load_folder(FIXTURES), rules, map, cache_dir=None)
    left_out = loso.rules_without(rules, loso.single_site_patterns(sites)[page.site])
    for kind in ("html", "raw_text"):
        full, alone = score_ours(page, kind, rules), score_ours(page, kind, left_out)
        assert full.precision == 1.0, kind
        assert alone.precision < 1.0, kind  # the read-also line is now in the body
        assert overlap(READ_ALSO, page.body)[0] < 0.5


def test_title_comparison_ignores_typography_and_the_sites_own_name_only() -> None:
    from tools.evaluation.scoring import same_title

    assert same_title("Yoga Won’t Fix It？", "Yoga Won't Fix It?")
    assert same_title("How to Build a Terrarium", "How to Build a Terrarium | eHow", "ehow.com")
    assert same_title("Colophon", "Daring Fireball: Colophon", "daringfireball.net")
    assert not same_title("How to Build a Terrarium", "How to Build a Terrarium | Garden",
                          "ehow.com")
    assert not same_title("Guide to taxes in 2024", "Guide to taxes in 2025")
    assert not same_title("Things to Know.", "Things to Know")
