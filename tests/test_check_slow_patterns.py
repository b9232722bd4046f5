"""A rule pattern that can backtrack for hours is refused by `check` and by the importer.

`^(\\w+\\s?)+$` in a site profile used to pass `check` and hang the importer on the first long
line it tried; now `check` names its file and line, and loading the rules fails at once with
the same message instead of hanging.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.check import run_check
from tools.checks.known import DATA_DIR
from tools.errors import RuleError
from tools.importer.rules import load_common_rules, load_sites
from tools.regexsafety import nested_repeat

from conftest import time_limit

SLOW = r"^(\w+\s?)+$"
SITE = f"""name: Lambat
domains: [lambat.example]
rules:
  - id: lambat-words
    description: A line of words only
    action: drop
    patterns: ['{SLOW}']
    examples: ["kata kata kata"]
"""
RULE = f"""
  - id: common-slow
    description: A line of words only
    action: drop
    patterns: ['{SLOW}']
    examples: ["kata kata kata"]
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def test_check_reports_a_slow_pattern_in_a_site_profile_on_its_line(data: Path) -> None:
    site = data / "sites" / "lambat.yaml"
    site.write_text(SITE, encoding="utf-8")
    problems, _ = run_check([site], data=data)
    assert [(p.line, p.severity) for p in problems] == [(7, "error")], problems
    assert "can take hours on one long line" in problems[0].message
    assert "^[\\w\\s]+$" in problems[0].hint


def test_check_reports_a_slow_pattern_in_the_common_rules(data: Path) -> None:
    common = data / "rules" / "common.yaml"
    common.write_text(common.read_text(encoding="utf-8") + RULE, encoding="utf-8")
    problems, _ = run_check([common], data=data)
    assert any("common-slow" in p.message and "can take hours" in p.message
               for p in problems), problems


def test_check_reports_a_slow_pattern_given_with_its_required_words(data: Path) -> None:
    site = data / "sites" / "lambat.yaml"
    site.write_text(SITE.replace(f"['{SLOW}']", f"[{{requires: [kata], pattern: '{SLOW}'}}]"),
                    encoding="utf-8")
    problems, _ = run_check([site], data=data)
    assert [(p.line, p.severity) for p in problems] == [(7, "error")], problems
    assert "can take hours on one long line" in problems[0].message


def test_check_reports_a_slow_detect_pattern(data: Path) -> None:
    site = data / "sites" / "lambat.yaml"
    site.write_text(SITE.replace("rules:", f"detect: ['{SLOW}']\nrules:"), encoding="utf-8")
    problems, _ = run_check([site], data=data)
    assert any(p.line == 3 and "`detect:`" in p.message for p in problems), problems


def test_the_importer_refuses_the_rules_at_once_instead_of_hanging(data: Path) -> None:
    (data / "sites" / "lambat.yaml").write_text(SITE, encoding="utf-8")
    with time_limit(10), pytest.raises(RuleError, match=r"lambat\.yaml.*can take hours"):
        load_sites(data)
    common = data / "rules" / "common.yaml"
    common.write_text(common.read_text(encoding="utf-8") + RULE, encoding="utf-8")
    with time_limit(10), pytest.raises(RuleError, match=r"common-slow.*can take hours"):
        load_common_rules(data)


def test_the_projects_own_patterns_are_safe_and_fast() -> None:
    problems, _ = run_check([DATA_DIR])
    assert [p for p in problems if "can take hours" in p.message] == []
    long_line = "1" * 40 + "a"  # the old page-break pattern took hours on this line
    with time_limit(5):
        for rule in load_common_rules(DATA_DIR):
            for pattern in rule.patterns:
                pattern.search(long_line)
                pattern.search("kata " * 200 + "!")


def test_a_slow_citing_pattern_in_agencies_is_refused(data: Path) -> None:
    agencies = data / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    start = text.index("citing:")
    end = text.index("\n", start)
    agencies.write_text(f"{text[:start]}citing: '{SLOW}'{text[end:]}", encoding="utf-8")
    problems, _ = run_check([agencies], data=data)
    assert any("`citing:`" in p.message and "can take hours" in p.message for p in problems)
    from tools.importer.metadata import _agency_patterns

    with time_limit(10), pytest.raises(RuleError, match=r"citing.*can take hours"):
        _agency_patterns(agencies)


@pytest.mark.parametrize(("pattern", "slow"), [
    (SLOW, True),
    (r"^(?:\d+\s*){2,}[»›>]*$", True),  # with no space, two rounds' digits touch
    (r"^(?:[^·|•»]{1,40}[·|•»]\s*){3,}$", True),  # the spaces after · may start the next item
    (r"(\w+x)+y", True),
    (r"^[\w\s]+$", False),
    (r"(?:[a-z_]+\.)+[a-z_]+$", False),  # the dot ends each round
    (r"^(?:[^·|•»]{1,40}[·|•»]){3,}$", False),
    (r"(?:,\s*[A-Z][\w.' -]{1,40})*", False),
    (r"(?>\w+\s?)+", False),  # atomic: never backtracks
])
def test_the_rule_tells_slow_patterns_from_safe_ones(pattern: str, slow: bool) -> None:
    assert bool(nested_repeat(pattern)) == slow
