r"""Cheap substring tests that tell when a regular expression cannot match, so it is not run.

An unanchored pattern is tried at every position of a line; most lines of an article contain
none of its literal text. From the parsed pattern (`re._parser`, the tree `re.compile` uses) we
take text that every match must contain: a run of literal characters, or for an alternation one
literal from each branch. `Gate.may_match(line)` is False only when that text is absent, so a
gated search returns exactly what the plain search returns.

Case-insensitive patterns are gated with ASCII or caseless literals only, tested on the
lowercased line after the four non-ASCII letters `re` equates with ASCII ones (`ı` and `İ` with
`i`, `ſ` with `s`, the Kelvin sign with `k`) are replaced by them. Even a one-character literal
(`(`) pays: the test is one C-speed scan.

A pattern that ends with a literal character before `$` (`\)\s*$`, caption credits and editor
codes) also gets that character as `end`: the line, without trailing whitespace, must end with
it. Many lines hold a `)`; few end with one. Caseless characters every match needs besides the
chosen literals (the `:` and `/` of `foto: a/b`) are kept as `needs`, all of which must occur.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

from tools.firstchar import REPEATS

# The non-ASCII characters re.IGNORECASE matches with an ASCII letter (tests check the list
# against every code point).
ASCII_EQUIVALENTS = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"})
_SPECIAL = tuple(map(chr, ASCII_EQUIVALENTS))
_SPACES = [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])]  # `\s` as the parser gives it


@dataclass(frozen=True)
class Gate:
    """One of `literals` occurs in every line the pattern matches (lowercase when `folded`; no
    literals: no such test), and the line without trailing whitespace ends with `end` (when
    given)."""

    literals: tuple[str, ...]
    folded: bool
    end: str = ""
    needs: tuple[str, ...] = ()  # caseless text that must all occur (tested on the line)

    def may_match(self, line: str, folded: Callable[[], str] | None = None) -> bool:
        """`folded`: gives fold(line), for callers that fold once for several gates."""
        if self.end and not line.rstrip().endswith(self.end):
            return False
        if not all(need in line for need in self.needs):
            return False
        if not self.literals:
            return True
        if not self.folded:
            return self.found_in(line)
        return self.found_in(folded() if folded else fold(line))

    def found_in(self, text: str) -> bool:
        """The literal test on a line already folded when `folded` (callers fold once for all
        gates; they test `end` and `needs` themselves)."""
        if len(self.literals) == 1:  # the usual case, without a generator's overhead
            return self.literals[0] in text
        return not self.literals or any(literal in text for literal in self.literals)


def fold(line: str) -> str:
    """The line as folded gates test it: the special letters made ASCII, then lowercased."""
    if not line.isascii() and any(char in line for char in _SPECIAL):
        line = line.translate(ASCII_EQUIVALENTS)  # slow, so only when needed
    return line.lower()


@lru_cache(maxsize=1024)
def gate_for(pattern: re.Pattern[str]) -> Gate | None:
    """A Gate for an unanchored pattern with required literal text, else None (always run it)."""
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    if _anchored(tree.data) and not pattern.flags & re.MULTILINE:  # one position: cheap
        return None
    folded = bool(pattern.flags & re.IGNORECASE) or _has_scoped_ignorecase(tree)
    candidates = _candidates(tree.data)
    best = _best(candidates)
    needs = tuple(sorted({literal for found in candidates if len(found) == 1 and found != best
                          for literal in found if caseless(literal)}))
    if best and folded:
        best = frozenset(literal.lower() for literal in best) if all(map(_foldable, best)) \
            else None
    end = "" if pattern.flags & re.MULTILINE else _required_end(tree.data)
    if not best and not end and not needs:
        return None
    return Gate(tuple(sorted(best or ())), folded, end, needs)


@lru_cache(maxsize=1024)
def required_chars(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of punctuation characters, each holding one that every match of the pattern
    contains (the dash of a dateline, a separator of a menu line). Only characters that are not
    letters, digits, `_` or white space and that no other character matches case-insensitively
    count, so testing `char in line` is exact with or without IGNORECASE."""
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    return tuple(dict.fromkeys(_char_sets(tree.data)))


def _char_sets(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    found: list[frozenset[str]] = []
    for op, av in items:
        chars: frozenset[str] | None = None
        if op is sre.LITERAL:
            chars = frozenset(chr(av))
        elif op is sre.IN:  # a class of literal characters only (no range, category, negation)
            if av and all(item is sre.LITERAL for item, _ in av):
                chars = frozenset(chr(code) for _, code in av)
        elif op is sre.SUBPATTERN:
            found += _char_sets(av[3].data)
        elif op is sre.ATOMIC_GROUP:
            found += _char_sets(av.data)
        elif op in REPEATS and av[0] >= 1:
            found += _char_sets(av[2].data)
        elif op is sre.BRANCH:  # one character of the smallest set of each branch
            branches = [_char_sets(branch.data) for branch in av[1]]
            if all(branches):
                chars = frozenset().union(*(min(sets, key=len) for sets in branches))
        if chars and all(map(_gate_char, chars)):
            found.append(chars)
    return found


def _gate_char(char: str) -> bool:
    return caseless(char) and not char.isalnum() and not char.isspace() and char != "_"


def caseless(literal: str) -> bool:
    """Text that matches only itself, with or without IGNORECASE."""
    return all(char.lower() == char == char.upper() and char not in "\u0130\u0131"
               for char in literal)


def _required_end(items: list[tuple[Any, Any]]) -> str:
    """The character every match ends with before optional whitespace and `$` (`\\)\\s*$`),
    when the pattern is such a sequence and the character is caseless and not a space; else
    "". `$` also matches before a final newline, which stripping the line removes too."""
    if not items or items[-1][0] is not sre.AT or items[-1][1] not in (sre.AT_END,
                                                                        sre.AT_END_STRING):
        return ""
    rest = items[:-1]
    while rest and rest[-1][0] in REPEATS \
            and rest[-1][1][0] == 0 and list(rest[-1][1][2].data) == _SPACES:
        rest = rest[:-1]
    if not rest or rest[-1][0] is not sre.LITERAL:
        return ""
    char = chr(rest[-1][1])
    return char if char.isascii() and not char.isspace() and caseless(char) else ""


def _foldable(literal: str) -> bool:
    """ASCII characters fold as `may_match` folds the line; a caseless character (©) matches
    only itself."""
    return all(char.isascii() or char.lower() == char == char.upper() for char in literal)


def _anchored(items: list[tuple[Any, Any]]) -> bool:
    return bool(items) and items[0] == (sre.AT, sre.AT_BEGINNING)


def _has_scoped_ignorecase(node: Any) -> bool:
    """Whether any group in the parsed pattern turns case-insensitivity on (`(?i:...)`)."""
    if isinstance(node, sre_parse.SubPattern):
        return any(_has_scoped_ignorecase(item) for item in node.data)
    if isinstance(node, tuple | list):
        if len(node) == 2 and node[0] is sre.SUBPATTERN and node[1][1] & sre.SRE_FLAG_IGNORECASE:
            return True
        return any(_has_scoped_ignorecase(item) for item in node)
    return False


def _required(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best set of literals one of which every match of this sequence contains."""
    return _best(_candidates(items))


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(x) for x in s), -len(s), sorted(s)))


def _candidates(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Sets of literals, each holding one that every match of this sequence contains."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        found: frozenset[str] | None = None
        if op is sre.SUBPATTERN:
            found = _required(av[3].data)
        elif op is sre.ATOMIC_GROUP:
            found = _required(av.data)
        elif op is sre.BRANCH:
            branches = [_required(branch.data) for branch in av[1]]
            if all(branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in REPEATS and av[0] >= 1:
            found = _required(av[2].data)
        if found:
            candidates.append(found)
    close_run()
    return candidates
