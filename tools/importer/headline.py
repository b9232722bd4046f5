"""The headline line of a page read as text (a whole-page dump, or a saved page's lines).

A dump has no `<title>` or `<h1>`: the headline is one of its lines above the text, among
menus, section labels, breadcrumbs, captions and sign-up boxes. Each short line there is
weighed on evidence that does not depend on the language or the site:

- its words recur in the article's text (a menu item or a widget's label does not);
- a date or byline line follows it (`By Jane Doe`, `March 12, 2026`), or a date precedes it;
- the page shows it twice close together, or a breadcrumb ends with it (`Home » Headline`);
- it stands close to where the text starts (a teaser list or a sidebar stands farther), and
  above it rather than in it (a subhead);
- against: a numbered list item (`3. Foo`), a breadcrumb or path itself (`A › B › C`), a
  line opening with a lowercase letter (in scripts with letter case), the page's first line
  (most often the site's name or a skip link).

The body finder's own guess (tools/importer/body.py) is one candidate with a bonus, so a
page it reads well keeps its headline. Weights were set on the development pages
(docs/importer.md, Evaluation): every site there is a different one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from tools.importer.article import Article
from tools.importer.datetext import parse_stated
from tools.importer.lines import UNSPACED, is_markup, line_key, reading_words
from tools.importer.metadata_data import metadata_data
from tools.importer.titles import body_start

WINDOW = 150  # nonblank lines above the text searched for the headline
DISTANCE_SCALE = 100  # the distance penalty grows over this many lines, then stays
MIN_WORDS, MAX_WORDS = 2, 30
BODY_PARAGRAPHS = 40  # the text's words a headline's words are looked for in
LEAD_CHECK = 3  # first paragraphs checked for the headline line
FIRM_SCORE = 6.0  # a saved page's displayed line wins over title signals not displayed
META_WORDS, BYLINE_WORDS = 20, 12  # a date line, a byline: short lines
SENTENCE_WORDS = 10  # a line this long closed by a full stop is a sentence, not a date line
AFTER = 15  # nonblank lines into the text searched too (the body finder may start above it)
WEIGHTS = {"recurs": 8.0, "meta after": 3.0, "date before": 2.0, "echoed": 2.5,
           "body finder": 2.0, "numbered": -3.0, "distance": -6.0, "into the text": -3.0,
           "first line": -2.0, "lowercase": -3.0, "path": -4.0}
_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NUMBERED = re.compile(r"^\d+[.)]\s*\S")
_PATH = re.compile(r"[›»>/|]")
_CLOSED = (".", "。", "։")


def content_words(text: str) -> set[str]:
    """The text's longer words; in Chinese or Japanese, which set no spaces, its pairs of
    characters."""
    folded = text.casefold()
    if not UNSPACED.search(folded):  # most texts: one pass
        return {word for word in _WORD.findall(folded) if len(word) > 3 or not word.isascii()}
    words = set()
    for word in _WORD.findall(folded):
        if UNSPACED.search(word):
            words.update(word[i:i + 2] for i in range(max(len(word) - 1, 1)))
        elif len(word) > 3 or not word.isascii():
            words.add(word)
    return words


def body_words(paragraphs: Sequence[str]) -> set[str]:
    """The words a candidate's `content_words` are looked up in: every word of the text, when
    it has no unspaced script (a candidate's words are long ones anyway)."""
    text = "\n".join(paragraphs[:BODY_PARAGRAPHS]).casefold()
    return content_words(text) if UNSPACED.search(text) else set(_WORD.findall(text))


@lru_cache(maxsize=1)
def _byline_words() -> frozenset[str]:
    return frozenset(metadata_data().get("byline_words", []))


@lru_cache(maxsize=1)
def _byline() -> re.Pattern[str]:
    words = sorted(_byline_words(), key=lambda w: (-len(w), w))
    alternatives = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"(?i)^\W{{0,3}}(?:{alternatives})(?!\w)")


def is_meta_line(line: str) -> bool:
    """A short line stating a date, or a byline (`By ...`, `Oleh ...`); a sentence of the
    text that mentions a date ("... totaled $63 billion through June 30, 2019.") is none."""
    words = reading_words(line)
    if words >= SENTENCE_WORDS and line.endswith(_CLOSED) and not _byline_words().intersection(
            word.casefold() for word in line.split(maxsplit=3)[:3]):
        return False  # (`Reviewed by <name> ... on December 9, 2024.` is a byline)
    if words <= META_WORDS and _YEAR.search(line) and parse_stated(line) is not None:
        return True
    return words <= BYLINE_WORDS and bool(_byline().match(line))


def _lowercase_start(line: str) -> bool:
    first = line.lstrip("\"'‘“«„¿¡([")[:1]
    return first.isalpha() and first.lower() != first.upper() and not first.isupper()


class Shown(NamedTuple):
    """The nonblank lines of a page, with each line's key and (looked up once, when asked)
    whether it is a date or byline line: neighbouring candidates share their neighbours."""

    lines: Sequence[str]
    keys: list[str]
    meta: dict[int, bool]

    @classmethod
    def of(cls, lines: Sequence[str]) -> Shown:
        return cls(lines, [line_key(line) for line in lines], {})

    def is_meta(self, pos: int) -> bool:
        if pos not in self.meta:
            self.meta[pos] = is_meta_line(self.lines[pos])
        return self.meta[pos]


def headline_score(shown: Shown, pos: int, start: int, body: set[str],
                   guess: str) -> float | None:
    """How much the line at `pos` (of the nonblank lines `shown`; the text starts at `start`)
    reads as the article's headline; None when it cannot be one."""
    lines, keys = shown.lines, shown.keys
    line = lines[pos]
    words = reading_words(line)
    if not MIN_WORDS <= words <= MAX_WORDS or line.rstrip("\"”’')").endswith(_CLOSED) \
            or shown.is_meta(pos) or is_markup(line):
        return None
    key, own = keys[pos], content_words(line)
    near = [*keys[max(0, pos - 3):pos], *keys[pos + 1:pos + 4]]
    echoed = key in near or any(
        keys[other].endswith(key) and len(lines[other]) > len(line) + 2
        for other in range(max(0, pos - 6), min(pos + 3, len(lines))))
    facts = {"recurs": len(own & body) / max(len(own), 3),
             "meta after": any(map(shown.is_meta, range(pos + 1, min(pos + 5, len(lines))))),
             "date before": pos > 0 and shown.is_meta(pos - 1),
             "echoed": echoed, "body finder": key == line_key(guess),
             "numbered": bool(_NUMBERED.match(line)),
             "distance": min(abs(start - pos), DISTANCE_SCALE) / DISTANCE_SCALE,
             "into the text": pos >= start, "first line": pos == 0,
             "lowercase": _lowercase_start(line), "path": bool(_PATH.search(line))}
    return sum(WEIGHTS[name] * float(value) for name, value in facts.items())


def find_headline(lines: Sequence[str], start: int, paragraphs: Sequence[str],
                  guess: str = "", after: int = AFTER) -> int | None:
    """The index (in the nonblank `lines`) of the best headline around the start of the
    text (`start`, and `after` lines into it); the body finder's `guess` competes wherever
    it stands."""
    body = body_words(paragraphs)
    shown = Shown.of(lines)
    candidates = list(range(max(0, start - WINDOW), min(len(lines), start + after)))
    guess_key = line_key(guess)
    candidates += [p for p, key in enumerate(shown.keys) if guess_key and key == guess_key
                   and p not in candidates][:1]
    scored = [(score, pos) for pos in candidates
              if (score := headline_score(shown, pos, start, body, guess)) is not None]
    if not scored:
        return None
    return max(scored, key=lambda item: (item[0], -abs(start - item[1])))[1]


def retitle_dump(article: Article) -> None:
    """A dump's headline (article.title, article.title_index): the best line around the
    start of its text, which may be another than the body finder's guess; a headline line
    the body kept as its first paragraph leaves the body."""
    from tools.importer.decide import note

    lines, guess_index = article.lines, article.title_index
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    shown = [lines[i] for i in nonblank]
    start = body_start(shown, article.paragraphs)
    guess = lines[guess_index] if guess_index is not None else ""
    pos = find_headline(shown, start, article.paragraphs, guess) if start is not None else None
    if pos is None or nonblank[pos] == guess_index:
        return
    title = " ".join(shown[pos].split())
    note(article, f"headline: line {nonblank[pos] + 1} {title!r} rather than the body "
         f"finder's {article.title!r}")
    article.title_index, article.title = nonblank[pos], title
    for index, paragraph in enumerate(article.paragraphs[:LEAD_CHECK]):
        if line_key(paragraph) == line_key(title):
            article.remove(article.paragraphs.pop(index), "title")
            break


def page_headline(article: Article, title: str) -> tuple[str, bool]:
    """A saved page whose weak title the page does not display (an old page's `<title>`
    naming the section or the site): the headline line the page displays above its text
    instead, when its evidence is firm; else `title`, weak."""
    from tools.importer.decide import note

    lines = [line for line in article.page_lines if line.strip()]
    if any(line_key(line) == line_key(title) for line in lines):
        return title, True  # the page displays it: weak, but its own
    start = body_start(lines, article.paragraphs)
    pos = find_headline(lines, start, article.paragraphs, title, after=0) \
        if start is not None else None  # trafilatura's text: the page's text starts there
    if pos is None or line_key(lines[pos]) == line_key(title):
        return title, True
    score = headline_score(Shown.of(lines), pos, start or 0, body_words(article.paragraphs),
                           title)
    if (score or 0.0) < FIRM_SCORE:
        return title, True
    note(article, f"title from the headline line displayed above the text: {lines[pos]!r} "
         "(the page's title signals are not displayed there)")
    return " ".join(lines[pos].split()), False
