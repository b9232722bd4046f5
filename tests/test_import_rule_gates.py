"""Character gates of the rule lookup (`prefilter.required_chars`): a branch tried only when the
line holds one of its characters must never be skipped on a line it matches."""

from __future__ import annotations

import re

import pytest
from test_import_rule_matching import all_patterns, corpus_lines, mangled

from tools.prefilter import required_chars
from tools.rulematch import RuleMatcher
from tools.rules import parse_rule


@pytest.fixture(scope="module")
def lines() -> list[str]:
    real = corpus_lines()
    return real + mangled(real, 8000, seed=11)


def test_every_match_holds_a_character_of_each_required_set(lines: list[str]) -> None:
    for pattern in all_patterns():
        sets = required_chars(pattern)
        for line in lines:
            match = pattern.search(line)
            if match:
                for chars in sets:
                    assert any(char in match.group(0) for char in chars), (pattern.pattern,
                                                                           line, chars)


@pytest.mark.parametrize("source, sets", [
    (r"^(?:[^·|•»]{1,40}[·|•»]\s*){3,}[^·|•»]{0,40}$", [{"·", "|", "•", "»"}]),
    (r"^[A-Z]\w*\s*(?:--?|–|—)\s+", [{"-", "–", "—"}]),
    (r"(?i)^\d+\s?%$", [{"%"}]),
    (r"^a-?b", []),                       # optional: not required
    (r"^(?:x|y-)z", []),                  # one branch needs no character
    (r"^[^-]+x", []),                     # a negated class requires nothing
    (r"(?i)^k:", [{":"}]),                # letters never count (IGNORECASE, Kelvin sign)
    (r"^(?=.*-)\w", []),                  # lookarounds are skipped
])
def test_required_characters(source: str, sets: list[set[str]]) -> None:
    assert [set(chars) for chars in required_chars(re.compile(source))] == sets


@pytest.mark.parametrize("line", ["Jakarta - Teks", "Jakarta – Teks", "A | B | C | D",
                                  "JAKARTA, 1 Mei 2020 (Antara) - x", "12 %", "Jakarta Teks"])
def test_gated_branches_keep_rule_order(line: str) -> None:
    first = parse_rule({"id": "first", "action": "drop",
                        "patterns": [r"^[A-Z]\w*\s*(?:--?|–|—)\s+"]}, "test")
    nav = parse_rule({"id": "nav", "action": "drop",
                      "patterns": [r"^(?:[^·|•»]{1,40}[·|•»]\s*){3,}[^·|•»]{0,40}$"]}, "test")
    pct = parse_rule({"id": "pct", "action": "drop", "patterns": [r"^\d+\s?%$"]}, "test")
    loose = parse_rule({"id": "loose", "action": "drop", "patterns": [r"^[A-Z0-9]"]}, "test")
    for rules in [(first, nav, pct, loose), (loose, first, nav, pct), (nav, loose, first, pct)]:
        plain = next((rule for rule in rules if rule.search(line)), None)
        assert RuleMatcher(rules).first(line) is plain, (line, [r.id for r in rules])

