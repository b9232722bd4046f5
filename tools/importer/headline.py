"""The headline line of a page read as text (a whole-page dump, or a saved page's lines).

A dump has no `<title>` or `<h1>`: the headline is one of its lines above the text, among
menus, section labels, breadcrumbs, captions and sign-up boxes. Each short line there is
weighed on evidence that does not depend on the language or the site:

- its words recur in the article's text (a menu item or a widget's label does not);
- a date or byline line follows it (`By Jane Doe`, `March 12, 2026`), or a date precedes it;
- the page shows it twice close together, or a breadcrumb ends with it (`Home » Headline`);
- it stands close to the text (a subhead of a teaser list or a sidebar stands farther);
- against: a numbered list item (`3. Foo`), a breadcrumb or path itself (`A › B › C`), a
  line opening with a lowercase letter (in scripts with letter case).

The body finder's own guess (tools/importer/body.py) is one candidate with a bonus, so a
page it reads well keeps its headline. Weights were set on the development pages
(docs/importer.md, Evaluation): every site there is a different one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tools.importer.datetext import parse_stated
from tools.importer.metadata_data import metadata_data

WINDOW = 150  # nonblank lines above the text searched for the headline
DISTANCE_SCALE = 100  # the distance penalty grows over this many lines, then stays
MIN_WORDS, MAX_WORDS = 2, 30
BODY_PARAGRAPHS = 40  # the text's words a headline's words are looked for in
FIRM_SCORE = 4.5  # a saved page's displayed line wins over title signals not displayed
META_WORDS, BYLINE_WORDS = 20, 12  # a date line, a byline: short lines
WEIGHTS = {"recurs": 6.0, "meta after": 3.0, "date before": 2.0, "echoed": 2.5,
           "body finder": 2.0, "numbered": -3.0, "distance": -8.0, "lowercase": -3.0,
           "path": -4.0}
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NUMBERED = re.compile(r"^\d+[.)]\s*\S")
_PATH = re.compile(r"[›»>/|]")
_CLOSED = (".", "。", "։")


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def size(line: str) -> int:
    """Words, with two Chinese or Japanese characters counted as one word."""
    return len(line.split()) + len(_CJK.findall(line)) // 2


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if len(w) > 3 or not w.isascii()}


def body_words(paragraphs: Sequence[str]) -> set[str]:
    return set().union(*(content_words(p) for p in paragraphs[:BODY_PARAGRAPHS]))


@lru_cache(maxsize=1)
def _byline() -> re.Pattern[str]:
    words = sorted(metadata_data().get("byline_words", []), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"(?i)^\W{{0,3}}(?:{alternatives})(?!\w)")


def is_meta_line(line: str) -> bool:
    """A short line stating a date, or a byline (`By ...`, `Oleh ...`)."""
    if size(line) <= META_WORDS and _YEAR.search(line) and parse_stated(line) is not None:
        return True
    return size(line) <= BYLINE_WORDS and bool(_byline().match(line))


def _lowercase_start(line: str) -> bool:
    first = line.lstrip("\"'‘“«„¿¡([")[:1]
    return first.isalpha() and first.lower() != first.upper() and not first.isupper()


def headline_score(lines: Sequence[str], pos: int, start: int, body: set[str],
                   guess: str) -> float | None:
    """How much the line at `pos` (of the nonblank `lines`; the text starts at `start`)
    reads as the article's headline; None when it cannot be one."""
    line = lines[pos]
    words = size(line)
    if not MIN_WORDS <= words <= MAX_WORDS or line.rstrip("\"”’')").endswith(_CLOSED) \
            or is_meta_line(line):
        return None
    key, own = _key(line), content_words(line)
    near = [*lines[max(0, pos - 3):pos], *lines[pos + 1:pos + 4]]
    echoed = any(_key(other) == key for other in near) or any(
        _key(other).endswith(key) and len(other) > len(line) + 2
        for other in lines[max(0, pos - 6):pos + 3])
    facts = {"recurs": len(own & body) / max(len(own), 3),
             "meta after": any(is_meta_line(other) for other in lines[pos + 1:pos + 5]),
             "date before": pos > 0 and is_meta_line(lines[pos - 1]),
             "echoed": echoed, "body finder": key == _key(guess),
             "numbered": bool(_NUMBERED.match(line)),
             "distance": min(max(start - pos, 0), DISTANCE_SCALE) / DISTANCE_SCALE,
             "lowercase": _lowercase_start(line), "path": bool(_PATH.search(line))}
    return sum(WEIGHTS[name] * float(value) for name, value in facts.items())


def find_headline(lines: Sequence[str], start: int, paragraphs: Sequence[str],
                  guess: str = "") -> int | None:
    """The index (in the nonblank `lines`) of the best headline above the text, which
    starts at `start`; the body finder's `guess` competes wherever it stands."""
    body = body_words(paragraphs)
    candidates = list(range(max(0, start - WINDOW), start))
    guess_key = _key(guess)
    candidates += [p for p, line in enumerate(lines) if guess_key and _key(line) == guess_key
                   and p not in candidates][:1]
    scored = [(score, pos) for pos in candidates
              if (score := headline_score(lines, pos, start, body, guess)) is not None]
    if not scored:
        return None
    return max(scored, key=lambda item: (item[0], -abs(start - item[1])))[1]


def dump_headline(lines: Sequence[str], paragraphs: Sequence[str], guess_index: int | None
                  ) -> int | None:
    """The index in `lines` (a dump, blank lines included) of its headline line, or None
    when the text's start cannot be found among the lines."""
    from tools.importer.titles import body_start

    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    shown = [lines[i] for i in nonblank]
    start = body_start(shown, paragraphs)
    if start is None:
        return guess_index
    guess = lines[guess_index] if guess_index is not None else ""
    pos = find_headline(shown, start, paragraphs, guess)
    return nonblank[pos] if pos is not None else guess_index
