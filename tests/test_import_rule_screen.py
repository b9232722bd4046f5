"""The rule screen (one start-anchored match and one floating search for all rules) finds a
line exactly when one of the rules would: a line it passes over is never junk a rule removes."""

from __future__ import annotations

import re
from pathlib import Path

from tools.importer.clean import first_match, screen
from tools.importer.rules import Rule, load_common_rules, load_sites
from tools.wordindex import WordIndex

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _rule(rid: str, pattern: str) -> Rule:
    return Rule(id=rid, description=rid, action="drop", patterns=(re.compile(pattern),))


def test_a_rule_anchored_in_one_branch_only_still_matches_mid_line() -> None:
    rules = (_rule("read-more", r"(?i)^baca|selengkapnya$"), _rule("menu", r"^(?:Home|News)$"))
    found = screen(rules)
    assert found is not None
    line = "Informasi lebih lanjut selengkapnya"
    assert first_match(line, rules, found) is rules[0]
    assert first_match("News", rules, found) is rules[1]
    assert first_match("Sebuah kalimat biasa tentang berita.", rules, found) is None


def test_the_screen_agrees_with_every_rule_on_every_example_and_fixture_line() -> None:
    for site in (None, *load_sites()):
        rules = (*(site.rules if site else ()), *load_common_rules())
        found = screen(rules)
        assert found is not None
        lines = [e for rule in rules for e in (*rule.examples, *rule.counter_examples)]
        for path in sorted(FIXTURES.rglob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            lines += [line for line in text.splitlines() if line.strip()]
        for line in lines:
            assert first_match(line, rules, found) is first_match(line, rules), line


def test_aliases_are_found_whole_longest_first_and_without_overlaps() -> None:
    index = WordIndex(["Nagorno-Karabakh", "Nagorno", "Baku", "Karabakh"], ignore_case=True)
    text = "Di nagorno-karabakh, dekat Baku (bukan Bakunin); Nagorno lagi."
    assert index.findall(text) == ["Nagorno-Karabakh", "Baku", "Nagorno"]
