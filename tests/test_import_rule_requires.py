"""A slow rule pattern given with the words its lines hold (`requires:`) is tried only on lines
that hold one: it still matches every line its pattern alone matches, and a data file that
gets the words wrong is refused with its rule named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.errors import RuleError
from tools.importer.rules import Guarded, load_common_rules, load_sites, parse_rule

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _guarded() -> list[Guarded]:
    rules = [*load_common_rules(), *(r for site in load_sites() for r in site.rules)]
    patterns = [*(p for rule in rules for p in rule.patterns),
                *(p for site in load_sites() for p in site.detect)]
    return [p for p in patterns if isinstance(p, Guarded)]


def _lines() -> list[str]:
    rules = [*load_common_rules(), *(r for site in load_sites() for r in site.rules)]
    lines = [e for rule in rules for e in (*rule.examples, *rule.counter_examples)]
    for path in sorted(FIXTURES.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines += [line for line in text.splitlines() if line.strip()]
    return lines


def test_the_projects_slow_patterns_name_their_words_and_miss_no_line_they_match() -> None:
    guarded = _guarded()
    assert len(guarded) >= 5  # editor codes, captions, credits, placeholders, site names
    lines = _lines()
    for pattern in guarded:
        hits = [line for line in lines if pattern.regex.search(line)]
        assert [line for line in hits if not pattern.search(line)] == [], pattern.pattern


@pytest.mark.parametrize("line", ["FOTO: ANTARA/Budi", "İMAGE: Reuters/X", "ımage: AP/Y",
                                  "Photo : ſomeone/Z"])
def test_required_words_are_found_in_any_case_re_ignores(line: str) -> None:
    pattern = Guarded(re.compile(r"(?i)\b(?:image|foto|photo)\s*:\s*\S+/"),
                      ("image", "foto", "photo"))
    assert pattern.regex.search(line) and pattern.search(line)


def test_a_line_without_the_words_is_not_searched() -> None:
    never = Guarded(re.compile(r"."), ("kredit",))  # matches anything, but only if asked
    assert never.search("Sebuah kalimat biasa.") is None
    assert never.search("KREDIT foto") is not None


@pytest.mark.parametrize("entry", [{"pattern": "(?i)foto:", "requires": ["Foto"]},
                                   {"pattern": "(?i)foto:", "requires": []},
                                   {"pattern": "(?i)foto:"},
                                   {"pattern": "(?i)foto:", "requires": "foto"}])
def test_wrong_required_words_are_refused_naming_the_rule(entry: dict) -> None:
    raw = {"id": "foto-credit", "action": "drop", "patterns": [entry]}
    with pytest.raises(RuleError, match=r"rules\.yaml: rule foto-credit.*lowercase words"):
        parse_rule(raw, "rules.yaml")
