r"""Refuse regular expressions that can take exponential time (catastrophic backtracking).

Patterns in tools/data are written by editors and run on every line of every import: one pattern
like `^(\w+\s?)+$` makes Python's backtracking engine try every way of splitting a long line
between the inner and the outer repeat, and the import hangs. Such a pattern is found by running
it, with `re` (the engine the importer uses), on short probe lines made to provoke that: a unit
(one character, or a letter or digit followed by one of the pattern's own punctuation marks and
spaces) repeated, then a character that makes the match fail. Each probe grows a few rounds at a
time and stops as soon as one run takes more than LIMIT of CPU time: a slow pattern is caught in
well under a second, a safe one runs every probe in microseconds. It is a probe, not a proof (a
pattern whose trouble needs other text passes), but it catches the usual mistakes with a clear
message before any text is read, using only the public `re` API.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from functools import lru_cache

LIMIT = 0.005  # CPU seconds one probe line (at most ~100 characters) may take
ROUNDS = (8, 12, 16, 20, 24)  # how often the unit is repeated, growing
TAILS = ("\x00",)  # end the probe with a character the pattern is unlikely to accept
BASE = ("a", "A", "1", " ")
SAFE_HINT = ("repeat one thing only, e.g. `^[\\w\\s]+$` instead of `^(\\w+\\s?)+$`: a repeat "
             "inside a repeat can take hours on one long line (docs/editing.md, section 6)")


@lru_cache(maxsize=1024)
def nested_repeat(pattern: str, flags: int = 0) -> str | None:
    """Why `pattern` backtracks exponentially (a probe line it is slow on), or None."""
    compiled = re.compile(pattern, flags)
    for unit in _units(pattern):
        for tail in TAILS:
            for rounds in ROUNDS:
                probe = unit * rounds + tail
                if _cpu_time(compiled, probe) > LIMIT and _cpu_time(compiled, probe) > LIMIT:
                    return (f"{rounds} repeats of {unit!r} and a character it does not accept "
                            f"already take over {LIMIT * 1000:.0f} ms, and each further repeat "
                            "multiplies that")
    return None


def _units(pattern: str) -> Iterator[str]:
    """The repeated parts of the probe lines: plain letters, digits and spaces, the pattern's own
    characters (a literal such as the `x` of `(\\w+x)+y`), and a letter or digit followed by one
    of its punctuation marks and spaces (`a·  ` for items separated by `·`)."""
    own = sorted(set(pattern) - set(BASE))
    marks = [ch for ch in own if not ch.isalnum() and not ch.isspace()]
    seen: set[str] = set()
    for unit in (*BASE, *own, *(lead + mark + spaces for lead in ("a", "1")
                                for mark in (*marks, " ") for spaces in ("", " "))):
        if unit not in seen:
            seen.add(unit)
            yield unit


def _cpu_time(compiled: re.Pattern[str], probe: str) -> float:
    """CPU time of one search (not wall time: a busy machine does not make a pattern slow)."""
    start = time.thread_time()
    compiled.search(probe)
    return time.thread_time() - start
