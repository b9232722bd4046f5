r"""Refuse regular expressions that can take exponential time (catastrophic backtracking).

Patterns in tools/data are written by editors and run on every line of every import: one pattern
like `^(\w+\s?)+$` makes Python's backtracking engine try every way of splitting a long line
between the inner and the outer repeat, and the import hangs. The test follows the "star height"
rule of detectors such as safe-regex: a repeat that can run unboundedly (`+`, `*`, `{2,}`) may
contain another unbounded repeat only if that inner repeat is always stopped by a required
character it cannot match before the round comes back to a repeat that could take the same
characters (`(?:[a-z]+\.)+`: the dot ends each round; `(?:\d+\s*)+` fails: with no space, two
rounds' digits touch). It is conservative (some refused patterns happen to be fast) and it does
not catch every slow pattern (overlapping alternatives such as `(a|aa)+` pass), but it catches
the usual mistakes with a clear message before any text is read. The pattern tree is the one
`re.compile` builds (`re._parser`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _parser as sre_parse
from typing import Any, NamedTuple

_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}
_CHAR_OPS = {sre_parse.LITERAL, sre_parse.NOT_LITERAL, sre_parse.IN, sre_parse.ANY}
_UNBOUNDED = 10  # a repeat allowing more than this many rounds counts as unbounded
# Characters tried when deciding whether two character classes overlap.
_SAMPLE = [chr(c) for c in range(0x250)] + list("·•»›«‹–—“”‘’…\u00a0\u200b\u3000")
_CATEGORIES = {
    sre_parse.CATEGORY_DIGIT: re.compile(r"\d"), sre_parse.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    sre_parse.CATEGORY_SPACE: re.compile(r"\s"), sre_parse.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    sre_parse.CATEGORY_WORD: re.compile(r"\w"), sre_parse.CATEGORY_NOT_WORD: re.compile(r"\W"),
}
SAFE_HINT = ("repeat one thing only, e.g. `^[\\w\\s]+$` instead of `^(\\w+\\s?)+$`: a repeat "
             "inside a repeat can take hours on one long line (docs/editing.md, section 6)")


@lru_cache(maxsize=1024)
def nested_repeat(pattern: str, flags: int = 0) -> str | None:
    """Why `pattern` may backtrack exponentially, or None if the rule above finds no danger."""
    return _walk(sre_parse.parse(pattern, flags))


def _unbounded(arg: Any) -> bool:
    return arg[1] is sre_parse.MAXREPEAT or arg[1] > _UNBOUNDED


def _walk(tree: Any) -> str | None:
    for op, arg in tree:
        if op in _REPEATS and _unbounded(arg) and _inner_repeats(arg[2]) \
                and not _delimited(_elements(arg[2])):
            return "a repeated part inside another repeated part, with nothing that ends " \
                   "each round"
        for child in _children(op, arg):
            found = _walk(child)
            if found:
                return found
    return None


class _Element(NamedTuple):
    """One step of a round: the characters it can take (None: any), whether it must take one,
    and whether it can take many (an inner repeat that may backtrack)."""

    chars: frozenset[str] | None
    required: bool
    repeats: bool


def _elements(tree: Any) -> list[_Element]:
    """The round as a flat sequence of steps; groups are opened, anything else is opaque."""
    steps: list[_Element] = []
    for op, arg in tree:
        if op is sre_parse.SUBPATTERN:
            steps += _elements(arg[-1])
        elif op in _CHAR_OPS:
            steps.append(_Element(_chars([(op, arg)]), True, False))
        elif op in _REPEATS or op is sre_parse.POSSESSIVE_REPEAT:
            backtracks = op is not sre_parse.POSSESSIVE_REPEAT and (
                _unbounded(arg) or bool(_inner_repeats(arg[2])))
            steps.append(_Element(_chars(arg[2]), arg[0] > 0, backtracks))
        elif op in {sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT}:
            continue  # zero width: takes no characters
        else:  # alternation, atomic group, back-reference: opaque, may take anything
            steps.append(_Element(None, False, bool(_inner_repeats([(op, arg)]))))
    return steps


def _delimited(steps: list[_Element]) -> bool:
    """True if every backtracking step meets, going round the cycle of rounds, a required step
    it cannot match before any backtracking step that could take the same characters."""
    for index, step in enumerate(steps):
        if not step.repeats:
            continue
        for offset in range(1, len(steps) + 1):
            other = steps[(index + offset) % len(steps)]
            if other.required and _disjoint(other.chars, step.chars):
                break
            if other.repeats and not _disjoint(other.chars, step.chars):
                return False
    return True


def _disjoint(first: frozenset[str] | None, second: frozenset[str] | None) -> bool:
    return first is not None and second is not None and not first & second


def _children(op: Any, arg: Any) -> list[Any]:
    if op in _REPEATS or op is sre_parse.POSSESSIVE_REPEAT:
        return [arg[2]]
    if op is sre_parse.SUBPATTERN:
        return [arg[-1]]
    if op is sre_parse.ATOMIC_GROUP:
        return [arg]
    if op is sre_parse.BRANCH:
        return list(arg[1])
    if op in {sre_parse.ASSERT, sre_parse.ASSERT_NOT}:
        return [arg[1]]
    if op is sre_parse.GROUPREF_EXISTS:
        return [arg[1]] + ([arg[2]] if arg[2] else [])
    return []


def _inner_repeats(tree: Any) -> list[Any]:
    """The backtracking unbounded repeats anywhere inside `tree` (possessive ones do not)."""
    found = []
    for op, arg in tree:
        if op in _REPEATS and _unbounded(arg):
            found.append(arg[2])
        if op is not sre_parse.ATOMIC_GROUP and op is not sre_parse.POSSESSIVE_REPEAT:
            found += [r for child in _children(op, arg) for r in _inner_repeats(child)]
    return found


def _chars(tree: Any) -> frozenset[str] | None:
    """The sample characters a one-character element matches; None for anything longer."""
    items = list(tree)
    if len(items) != 1:
        return None
    op, arg = items[0]
    if op in _REPEATS or op is sre_parse.POSSESSIVE_REPEAT:
        return _chars(arg[2])
    if op not in _CHAR_OPS:
        return None
    found = {ch for ch in _SAMPLE if _matches(op, arg, ch)}
    return frozenset(found | {ch.swapcase() for ch in found})  # as if (?i): the safe answer


def _matches(op: Any, arg: Any, ch: str) -> bool:
    if op is sre_parse.LITERAL:
        return ord(ch) == arg
    if op is sre_parse.NOT_LITERAL:
        return ord(ch) != arg
    if op is sre_parse.ANY:
        return True
    negate = bool(arg) and arg[0][0] is sre_parse.NEGATE
    hit = any(_in_item(kind, value, ch) for kind, value in arg[negate:])
    return hit != negate


def _in_item(kind: Any, value: Any, ch: str) -> bool:
    if kind is sre_parse.LITERAL:
        return ord(ch) == value
    if kind is sre_parse.RANGE:
        return value[0] <= ord(ch) <= value[1]
    if kind is sre_parse.CATEGORY:
        return bool(_CATEGORIES[value].match(ch)) if value in _CATEGORIES else True
    return True  # unknown item: assume overlap (the safe answer)
