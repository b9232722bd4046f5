"""The fast rule lookup (joined anchored patterns, literal prefilters) picks exactly the rule the
plain ordered loop picks, for every site's rule list, on real corpus lines and on mangled ones."""

from __future__ import annotations

import random
import re

import pytest

from tools.clean import MemoRules, first_match
from tools.firstchar import first_char_test, with_first_char_lookahead
from tools.prefilter import ASCII_EQUIVALENTS, gate_for
from tools.read import read_input
from tools.rulematch import RuleMatcher
from tools.rules import Rule, load_common_rules, load_sites, parse_rule

from conftest import ROOT, SHARED

ODD = list("ıİſKÅ©®()[]{}%$|·•»/-–—:.!?\"”'") + ["  ", "WIB", "©2020", "(ant)", "(FOTO: a/b)",
                                                 "{{x}}", "${y}", "ALL RIGHTS RESERVED"]


def plain_first(line: str, rules: tuple[Rule, ...]) -> Rule | None:
    return next((rule for rule in rules if rule.search(line)), None)


def corpus_lines() -> list[str]:
    paths = sorted((SHARED / "corpus").glob("*/*.txt")) + sorted((SHARED / "corpus").glob(
        "*/*.html")) + sorted((ROOT / "seeds").glob("*.txt"))
    lines: set[str] = set()
    for path in paths:
        lines.update(read_input(path).text.split("\n"))
    for rule in list(load_common_rules()) + [r for s in load_sites() for r in s.rules]:
        lines.update(rule.examples)
        lines.update(rule.counter_examples)
    return sorted(lines)


def mangled(lines: list[str], count: int, seed: int = 7) -> list[str]:
    """Lines with odd characters inserted, cut, upper-cased or glued to another line's start."""
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        line = rnd.choice(lines)
        for _ in range(rnd.randint(1, 3)):
            pos, kind = rnd.randint(0, len(line)), rnd.random()
            if kind < 0.4:
                line = line[:pos] + rnd.choice(ODD) + line[pos:]
            elif kind < 0.6:
                line = line.upper()
            elif kind < 0.8:
                line = line[:pos]
            else:
                line = rnd.choice(lines)[:20] + line
        out.append(line)
    return out


@pytest.fixture(scope="module")
def lines() -> list[str]:
    real = corpus_lines()
    return real + mangled(real, 8000)


@pytest.mark.parametrize("site", [None, *load_sites()], ids=lambda s: s.name if s else "none")
def test_fast_lookup_picks_the_same_rule_as_the_plain_loop(site, lines: list[str]) -> None:
    rules = (site.rules if site else ()) + load_common_rules()
    matcher = RuleMatcher(rules)
    grouped = MemoRules(site.rules if site else (), load_common_rules())  # as the importer has it
    for line in lines:
        plain = plain_first(line, rules)
        assert matcher.first(line) is plain, line
        assert first_match(line, grouped) is plain, line


def all_patterns() -> list[re.Pattern[str]]:
    patterns = [p for r in load_common_rules() for p in r.patterns]
    patterns += [p for s in load_sites() for r in s.rules for p in r.patterns]
    return patterns + [p for s in load_sites() for p in s.detect]


def test_first_character_test_never_rules_out_a_line_the_pattern_matches(
        lines: list[str]) -> None:
    for pattern in all_patterns():
        test = first_char_test(pattern)
        if test is None:
            continue
        for line in lines:
            match = pattern.match(line)
            if match:
                assert test.fullmatch(line[:1]), (pattern.pattern, line)


@pytest.mark.parametrize("source, line", [
    (r"(?i)^ſumber", "SUMBER"),            # re folds ſ to s
    (r"(?i)^k", "\u212a x"),              # and the Kelvin sign to k
    (r"^(?i:b)aca", "Baca"),               # scoped flag
    (r"^(?:a?|x)\s*b", " b"),               # optional first items
    (r"^(?=\w)[^a-z]", "Q"),                # lookahead skipped, negated class
    (r"^\s*\(foto", "  (foto"),             # repeated class with a minimum of zero
    (r"^(?:x*)$", ""),                     # matches the empty line
    (r"^.+x", "yx"),                       # any character first
])
def test_first_character_dispatch_keeps_every_pattern_that_can_match(source: str,
                                                                     line: str) -> None:
    rule = parse_rule({"id": "x", "action": "drop", "patterns": [source]}, "test")
    other = parse_rule({"id": "y", "action": "drop", "patterns": [r"^zzz"]}, "test")
    assert RuleMatcher((other, rule)).first(line) is rule
    test = first_char_test(rule.patterns[0])
    assert test is None or test.fullmatch(line[:1])


def test_prefilter_never_rules_out_a_line_the_pattern_matches(lines: list[str]) -> None:
    patterns = all_patterns()
    for pattern in patterns:
        gate = gate_for(pattern)
        if gate is None:
            continue
        for line in lines:
            if pattern.search(line):
                assert gate.may_match(line), (pattern.pattern, line)


@pytest.mark.parametrize("source, line", [
    (r"(?i)\bfoto\s*:", "FOTO: x"),       # case-insensitive literal
    (r"(?i)\bsumber\s*:", "ſumber: x"),   # re folds ſ to s: a non-ASCII line runs the regex
    (r"\((?i:ist|dok)\)$", "(IST)"),      # scoped flag
    (r"(?:ab|cd)+x", "cdabx"),             # required branch inside a repeat
    (r"^(?P<value>\w+)(?P=value)$", "aa"),  # back-reference: kept out of the joined pattern
    (r"\(ist\)\s*$", "foto (ist) \t"),      # last character before trailing space and `$`
    (r"\(ist\)$", "foto (ist)\n"),            # `$` before a final newline
    (r"(?i)foto\s*:\s*\w+/", "FOTO: A/B"),    # caseless characters every match needs
])
def test_unusual_patterns_still_match(source: str, line: str) -> None:
    rule = parse_rule({"id": "x", "action": "drop", "patterns": [source]}, "test")
    other = parse_rule({"id": "y", "action": "drop", "patterns": [r"^zzz"]}, "test")
    assert RuleMatcher((other, rule)).first(line) is rule
    assert re.search(source, line)


def test_prefilter_knows_every_non_ascii_letter_that_re_equates_with_an_ascii_one() -> None:
    others = "".join(chr(cp) for cp in range(0x80, 0x110000) if not 0xD800 <= cp <= 0xDFFF)
    found = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for match in re.finditer(letter, others, re.IGNORECASE):
            found[match.group(0)] = letter
    assert found == {chr(code): letter for code, letter in ASCII_EQUIVALENTS.items()}


def test_patterns_find_the_same_first_match_behind_a_first_character_lookahead(
        lines: list[str]) -> None:
    from tools.metadata import AGENCIES_PATH, _agency_patterns

    texts = lines[::4] + ["\n".join(lines[i: i + 40]) for i in range(0, len(lines), 40)]
    texts += ["menurut Antara", "MENURUT  ANTARA", "(Antara)", "kata dia kepada AP",
              "ſeperti\n dikutip Trend"]
    pairs = [(with_first_char_lookahead(p), p) for p in all_patterns()]
    for _, _, pattern in _agency_patterns(AGENCIES_PATH):  # stored with their lookahead
        source = pattern.pattern.split(")))(?:", 1)[1][:-1] if pattern.pattern.startswith(
            "(?=") else pattern.pattern
        pairs.append((pattern, re.compile(source)))
    for fast, plain in pairs:
        for text in texts:
            found, expected = fast.search(text), plain.search(text)
            assert (found and found.span()) == (expected and expected.span()), text
