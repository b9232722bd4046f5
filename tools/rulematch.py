"""The first rule of an ordered list that matches a line, found with few regex calls.

Every nonblank line of a page is tested against ~50 patterns (site rules first, then the common
ones), and the plain loop costs one Python-level `search` call per pattern and line. Here:

- patterns anchored at the start of the line (`^...`, most rules) are joined into one
  alternation, each branch in a named group, tried with `match` at position 0: regex
  alternation returns the first branch (in order) that matches, which is the first such pattern;
- the other patterns are tried in order, only before the first anchored hit, and each only when
  its required literal text occurs in the line and the line ends with its required last
  character (`tools/prefilter.py`); when every such pattern has a gate, one search for all their
  literals at once tells most lines that none of them can match;
- the engine enters every branch of that alternation at position 0, so each line tries only the
  branches that can start with its first character (`tools/firstchar.py`): one alternation per
  set of such branches, built the first time a line starts with a character of that set;
- a branch that needs a punctuation character in the line (a dateline its dash, a menu line
  one of its separators: `prefilter.required_chars`) is left out of that alternation and tried
  on its own, in order, only when the line holds such a character (few lines do); those
  branches were most of the alternation's cost on lines that start with a capital.

The result is the plain loop's (`first_match` in clean.py), which the tests check on every line
of the corpus and on generated lines. A pattern that cannot be joined safely (back-references,
global flags other than at the start) stays in the ordered loop.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

from tools.firstchar import GLOBAL_FLAGS, first_char_test
from tools.prefilter import Gate, caseless, fold, gate_for, required_chars
from tools.rules import Rule

_GLOBAL_FLAGS_ANYWHERE = re.compile(r"(?<!\\)\(\?[aiLmsux]+\)")
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<(\w+)>")
# Punctuation most sentences hold: a branch is not gated on it (the test would rarely help).
_PROSE = frozenset(".,:;()/!?\"'")

# For lines with one first character: the alternation of the anchored branches without a
# character gate; the gates (bit, characters) the other branches need; those branches, in order
# (order, gates needed, pattern, rule).
_ForFirst = tuple[re.Pattern[str] | None, tuple[tuple[int, tuple[str, ...]], ...],
                  tuple[tuple[int, int, re.Pattern[str], Rule], ...]]


class RuleMatcher:
    """first(line): the first rule in `rules` with a pattern that matches the line, or None."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        # (order, branch, first-char test, bits of the character gates it needs, rule)
        branches: list[tuple[int, str, re.Pattern[str] | None, int, Rule]] = []
        self._anchored_rule: dict[str, tuple[int, Rule]] = {}
        self._others: list[tuple[int, Rule, re.Pattern[str], Gate | None]] = []
        char_gates: dict[frozenset[str], int] = {}  # a set of characters -> its bit
        order = 0
        for rule in self.rules:
            for pattern in rule.patterns:
                joined = _joinable(pattern)
                if joined is not None:
                    needs = 0
                    for chars in required_chars(pattern):
                        if not chars & _PROSE:
                            needs |= char_gates.setdefault(chars, 1 << len(char_gates))
                    branches.append((order, joined, first_char_test(pattern), needs, rule))
                    self._anchored_rule[f"_r{order}"] = (order, rule)
                else:
                    self._others.append((order, rule, pattern, gate_for(pattern)))
                order += 1
        self._branches = branches
        self._gate_chars = {bit: tuple(sorted(chars)) for chars, bit in char_gates.items()}
        gates = [gate for *_, gate in self._others]
        # A line skips the ordered loop when no gate can pass: its tail is no gate's `end`, and
        # it holds no literal of the other gates (for a gate with `needs`, its first need).
        # Only when every other pattern has a gate.
        self._skippable = bool(gates) and None not in gates
        self._ends = frozenset(gate.end for gate in gates if gate is not None and gate.end)
        plain, folded = set(), set()
        for gate in gates:
            if gate is None or gate.end:
                continue
            if gate.needs:
                plain.add(gate.needs[0])
            else:
                for literal in gate.literals:
                    (folded if gate.folded and not caseless(literal) else plain).add(literal)
        self._plain_any = re.compile("|".join(map(re.escape, sorted(plain)))) if plain else None
        self._folded_any = tuple(sorted(folded))
        self._by_first: dict[str, _ForFirst] = {}  # line[:1] -> what its lines try
        self._by_branches: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    def _for_first(self, first: str) -> _ForFirst:
        """What lines starting with `first` (or "" for an empty line) try: the alternation (in
        rule order) of the anchored branches that can start with it and need no character
        gate; the character gates of the others; those others, one pattern each, in order."""
        able = [branch for branch in self._branches
                if branch[2] is None or branch[2].fullmatch(first)]
        chosen = tuple(order for order, _, _, needs, _ in able if not needs)
        if chosen not in self._by_branches:
            self._by_branches[chosen] = re.compile("|".join(
                f"(?P<_r{order}>{joined})" for order, joined, _, needs, _ in able
                if not needs)) if chosen else None
        needs = 0
        for branch in able:
            needs |= branch[3]
        gates = tuple((bit, chars) for bit, chars in self._gate_chars.items() if bit & needs)
        gated = tuple((order, wanted, _compiled(joined), rule)
                      for order, joined, _, wanted, rule in able if wanted)
        self._by_first[first] = entry = (self._by_branches[chosen], gates, gated)
        return entry

    def first(self, line: str) -> Rule | None:
        limit, found = 1 << 30, None
        head = line[:1]
        joined, gates, gated = self._by_first[head] if head in self._by_first else \
            self._for_first(head)
        if joined is not None:
            match = joined.match(line)
            if match is not None:
                limit, found = self._anchored_rule[match.lastgroup or ""]
        passed = 0
        for bit, chars in gates:  # a dateline needs a dash, a menu line a separator
            for char in chars:
                if char in line:
                    passed |= bit
                    break
        if passed:
            for order, needs, pattern, rule in gated:
                if order >= limit:
                    break
                if needs & passed == needs and pattern.match(line):
                    limit, found = order, rule
                    break
        if not self._others:
            return found
        tail = line.rstrip()[-1:]
        folded = None
        if self._skippable and tail not in self._ends \
                and (self._plain_any is None or not self._plain_any.search(line)):
            if not self._folded_any:
                return found
            folded = fold(line)
            if not any(map(folded.__contains__, self._folded_any)):
                return found
        for order, rule, pattern, gate in self._others:
            if order >= limit:
                break
            if gate is not None:
                if gate.end and tail != gate.end:
                    continue
                if gate.needs and not all(map(line.__contains__, gate.needs)):
                    continue
                if gate.folded and folded is None:
                    folded = fold(line)  # once per line for all case-insensitive gates
                if not gate.found_in(folded if gate.folded else line):
                    continue
            if pattern.search(line):
                return rule
        return found


@lru_cache(maxsize=1024)
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


@lru_cache(maxsize=1024)
def _joinable(pattern: re.Pattern[str]) -> str | None:
    """The pattern's source, rewritten to sit in a joined alternation, when it is anchored at
    the start of the text (so `match` at 0 is its `search`) and has no back-references; else
    None. Named groups become plain groups (names may repeat across rules); global inline flags
    become scoped ones."""
    source = pattern.pattern
    if pattern.flags & re.MULTILINE or "(?P=" in source or re.compile(source).flags != \
            pattern.flags:  # flags given to re.compile are not in the source
        return None
    tree = sre_parse.parse(source, pattern.flags)
    if not tree.data or tree.data[0] != (sre.AT, sre.AT_BEGINNING) or _has_groupref(tree):
        return None
    flags = GLOBAL_FLAGS.match(source)
    body = source[flags.end():] if flags else source
    if _GLOBAL_FLAGS_ANYWHERE.search(body):
        return None  # a global flag later in the pattern: leave it alone
    body = _NAMED_GROUP.sub("(?:", body)
    rewritten = f"(?{flags.group(1)}:{body})" if flags else f"(?:{body})"
    try:
        check = re.compile(rewritten)
    except re.error:
        return None
    if check.groups != pattern.groups - len(pattern.groupindex):
        return None  # the rewrite touched something that was not a named group
    return rewritten


def _has_groupref(node: Any) -> bool:
    if isinstance(node, sre_parse.SubPattern):
        return any(_has_groupref(item) for item in node.data)
    if isinstance(node, tuple | list):
        if node and node[0] in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            return True
        return any(_has_groupref(item) for item in node)
    return False
