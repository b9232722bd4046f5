"""Which characters can start a match of a pattern, read from its parsed form.

The rule lookup (`tools/rulematch.py`) tries ~45 anchored patterns at the start of every line,
and the regex engine enters every branch of their alternation (each is a named group, so it
cannot skip one by its first character). Most patterns can only start with a few characters
(`(?i)^baca`: b or B), so the lookup keeps, per first character of a line, only the patterns
that can start with it.

`first_char_test(pattern)` returns a regex that `fullmatch`es every character a match of the
pattern can begin with, or None when that cannot be told (any character, a match of the empty
string, an unusual construct). It may accept more characters than needed, never fewer: zero-width
items (`\\b`, lookarounds) are skipped, which only widens the set. Case rules are left to `re`
itself: each literal or class keeps the case flag in force where it stood in the pattern.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)  # the parsed repeat ops


class _Unknown(Exception):
    """Any character may start a match (or the analysis does not know the construct)."""


@lru_cache(maxsize=1024)
def first_char_test(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex matching (with fullmatch) every character a match of `pattern` can start with,
    or None when any character may."""
    if pattern.flags & (re.LOCALE | re.VERBOSE):
        return None  # not used by the rules; keep the analysis simple
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        fragments, nullable = _first(tree.data, pattern.flags)
    except _Unknown:
        return None
    if nullable or not fragments:
        return None  # the empty string matches: the pattern can match any line
    return re.compile(_merged(fragments), re.ASCII if pattern.flags & re.ASCII else 0)


def with_first_char_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern behind a lookahead for its first character (when that can be told):
    `search` then tests one character class at each position instead of entering every branch
    of a leading alternation there (a case-insensitive one gets no help from the engine). The
    lookahead holds wherever the pattern can match, so matches are the same."""
    test = first_char_test(pattern)
    source = pattern.pattern
    if test is None or GLOBAL_FLAGS.match(source) or pattern.flags & re.MULTILINE:
        return pattern
    flags = pattern.flags & ~re.UNICODE  # the str default; ASCII stays
    return re.compile(f"(?=(?:{test.pattern}))(?:{source})", flags)


GLOBAL_FLAGS = re.compile(r"\A\(\?([aiLmsux]+)\)")  # `(?i)` and the like, leading a pattern


def _merged(fragments: list[str]) -> str:
    """One alternation of the fragments, single characters under one case rule joined into a
    character class (the engine tests a class at once, an alternation branch by branch)."""
    chars: dict[str, list[str]] = {"i": [], "-i": []}
    others: list[str] = []
    for fragment in dict.fromkeys(fragments):
        flag, _, body = fragment[2:-1].partition(":")
        if len(body) == 1 or (len(body) == 2 and body[0] == "\\"):
            chars[flag].append(body)
        else:
            others.append(fragment)
    merged = [f"(?{flag}:[{''.join(found)}])" for flag, found in chars.items() if found]
    return "|".join(merged + others)


def _first(items: list[tuple[Any, Any]], flags: int) -> tuple[list[str], bool]:
    """(fragments, nullable): one-character regexes for the first character of the sequence,
    and whether the sequence can match the empty string."""
    fragments: list[str] = []
    for op, av in items:
        found, nullable = _first_item(op, av, flags)
        fragments += found
        if not nullable:
            return fragments, False
    return fragments, True


def _first_item(op: Any, av: Any, flags: int) -> tuple[list[str], bool]:
    if op is sre.LITERAL:
        return [_scoped(re.escape(chr(av)), flags)], False
    if op is sre.NOT_LITERAL:
        return [_scoped(f"[^{re.escape(chr(av))}]", flags)], False
    if op is sre.IN:
        return [_scoped(_charset(av), flags)], False
    if op in _ZERO_WIDTH:
        return [], True
    if op is sre.SUBPATTERN:
        _group, add, remove, sub = av
        return _first(sub.data, (flags | add) & ~remove)
    if op is sre.ATOMIC_GROUP:
        return _first(av.data, flags)
    if op is sre.BRANCH:
        fragments: list[str] = []
        nullable = False
        for branch in av[1]:
            found, empty = _first(branch.data, flags)
            fragments += found
            nullable = nullable or empty
        return fragments, nullable
    if op in REPEATS:
        low, high, sub = av
        if high == 0:
            return [], True
        found, empty = _first(sub.data, flags)
        return found, empty or low == 0
    raise _Unknown(op)  # ANY, back-references, conditionals: any character may come first


def _charset(items: list[tuple[Any, Any]]) -> str:
    parts = []
    for op, av in items:
        if op is sre.NEGATE:
            parts.append("^")
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise _Unknown(op)
    return "[" + "".join(parts) + "]"


def _scoped(fragment: str, flags: int) -> str:
    """The fragment under the case rule in force where it stood."""
    return f"(?{'i' if flags & re.IGNORECASE else '-i'}:{fragment})"
