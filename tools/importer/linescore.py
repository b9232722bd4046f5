"""The evidence each line of a text dump gives on its own: whether it reads as the article's
prose, as its listing (table rows, code, a listicle's item details, short list items,
subheads) or as page furniture (menus, teasers, playlists, date stamps, widgets).

Scores feed the body finder's maximum-sum run (importer/body.py): prose counts for its word
count when its words are the page language's stop words as prose is (importer/stopwords.py);
a line with no evidence either way costs little (-1), so one odd line cannot cut the article
short; headline-like lines, repeats and junk cost more. Nothing assumes Latin script: the
shapes used (figures, code punctuation, `Label: value`, letter case where a script has it,
the character count of Chinese and Japanese) hold in any language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import timedelta
from functools import cache

from tools.importer.clean import looks_like_headline, looks_like_sentence
from tools.importer.dumpblocks import FULL_STOP
from tools.importer.linefacts import LineFacts
from tools.importer.lines import looks_like_code, reading_words
from tools.importer.stopwords import STOPLISTS

# Separators of a menu or link bar written on one line (`A ▪ B ▪ C`): bullets, bars, the
# Geometric Shapes block.
_SEPARATORS = re.compile(r"[·|•»‣⁃∙\u25a0-\u25ff★☆♦]")
_MARKUP = re.compile(r"^</?[a-zA-Z][^>]*>|<[^>]*>$|^\{.*\}$")
_DIGIT = re.compile(r"\d")
_COUNT = re.compile(r"\d+")
# `Location: Bielefeld, Germany`: a labelled detail of a listed item (the label a word or two).
_FIELD = re.compile(r"^([^\W\d_][\w'’-]*(?: [\w'’-]+)?):\s+\S")
DETAIL_REPEATS = 3  # a label is an item template's when this many lines carry it
# A time of day (`10:25`, `9.45 WIB`): a time stamp's, not a sentence's.
CLOCK = re.compile(r"(?<![\d./-])\d{1,2}:\d{2}(?![\d./-])|\b\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT)\b")
# Box-drawing characters rule the cells of a text table (`2 │ f`, `───┼───`).
BOX = re.compile(r"[\u2500-\u257f]")
_DAY_RANGE = re.compile(r"(?<![\d/.-])\d{1,2}\s?[-–—]\s?\d{1,2}(?![\d/.-])")
_BRACKETED_YEAR = re.compile(r"\([^()]*(?<!\d)(?:19|20)\d\d(?!\d)[^()]*\)\s*\w")
# A dash opening a line attributes a quote or an embedded post ("— Name (@handle) May 3, 2021"):
# its date is the post's, not a page timestamp between teasers.
ATTRIBUTION = re.compile(r"^[—–―]\s*\S")
TEASER_WORDS = 20  # a time-stamped feed headline is at most this long
STAMP_WORDS = 6  # a relative time stamp line (`Updated 2 hours ago`) is at most this long
LIST_STOP = 0.3  # share of stop words from which a short line reads as prose (a list item)
PROSE_STOP = 0.2  # share of stop words under which a long line is a list of names or labels


def detail_labels(facts: LineFacts, nonblank: Sequence[int]) -> frozenset[str]:
    """Labels of `Label: value` lines that a listicle repeats for each item (`Date:`,
    `Location:`, `Pricing:`): two or more labels each on DETAIL_REPEATS lines or more. One
    repeated label alone is more often a topic prefix of teasers (`Pakistan: ...`)."""
    found = Counter(match.group(1).casefold() for i in nonblank
                    if (match := _FIELD.match(facts.lines[i])))
    labels = frozenset(label for label, count in found.items() if count >= DETAIL_REPEATS)
    return labels if len(labels) >= 2 else frozenset()


def is_detail(line: str, labels: frozenset[str]) -> bool:
    match = _FIELD.match(line) if labels else None
    return bool(match) and match.group(1).casefold() in labels


@cache
def _relative_phrases() -> tuple[dict[str, frozenset[str]], tuple[int, ...]]:
    """`2 hours ago`, `před 2 hodinami`, `2 часа назад`, `2 jam yang lalu`, `2 saat önce`...:
    CLDR's relative-time phrases (Babel's `format_timedelta`) in the languages the stop-word
    lists cover and in Chinese and Japanese, for every plural form of the count: the text after
    the count (casefolded) -> the texts before it; and the lengths of the texts after it."""
    from babel.dates import format_timedelta  # lazy: only text dumps need it

    phrases: dict[str, set[str]] = {}
    for code in [*STOPLISTS, "zh", "ja"]:
        for unit in ("minutes", "hours", "days"):
            for count in (1, 2, 5, 21):
                text = format_timedelta(timedelta(**{unit: -count}), add_direction=True,
                                        locale=code).casefold()
                if found := _COUNT.search(text):  # a count spelt out (Arabic duals): left out
                    phrases.setdefault(text[found.end():], set()).add(text[:found.start()])
    return ({after: frozenset(befores) for after, befores in phrases.items()},
            tuple(sorted({len(after) for after in phrases})))


_CLOCK_FIRST = re.compile(r"^(?:[01]?\d|2[0-3])[:h][0-5]\d\s+[^\W\d]")


def clock_teaser(line: str, words: int) -> bool:
    """A feed item: a time of day, then a headline (`14:44 Accusations de viols : ...`). A
    live report's entry puts its time on a line of its own, and a sentence is none."""
    return 2 < words <= TEASER_WORDS and bool(_CLOCK_FIRST.match(line)) \
        and not line.endswith(FULL_STOP)


def relative_stamp(line: str, words: int) -> bool:
    """A short line dating a teaser or a feed item relative to now (`před 3 minutami`): a page
    time stamp, as an article does not stand between such lines. A sentence is none. Looked
    up at each number of the line (one dictionary look-up per phrase length)."""
    if words > STAMP_WORDS or line.endswith(FULL_STOP) or not _DIGIT.search(line):
        return False
    text = line.casefold()
    phrases, sizes = _relative_phrases()
    for match in _COUNT.finditer(text):
        head, tail = text[:match.start()], text[match.end():]
        for size in sizes:
            befores = phrases.get(tail[:size])
            if befores is not None and any(head.endswith(before) for before in befores):
                return True
    return False


def line_score(facts: LineFacts, index: int, words: int,
               labels: frozenset[str] = frozenset()) -> float:
    """Positive for prose, negative for navigation, headlines and widgets; -1 for a short line
    with no evidence either way (a subhead, a table cell, a bare link)."""
    rule, line = facts.rule[index], facts.lines[index]
    if (rule is not None and rule.action != "strip") or facts.learned[index]:
        return -2.0
    if BOX.search(line) or data_row(line):
        return -1.0  # a row of a table, dated or not
    if (facts.dated[index] and not dated_sentence(facts, index) and not dated_aside(line)) \
            or relative_stamp(line, words):
        return -1.0 if ATTRIBUTION.match(line) else -5.0
    if len(_SEPARATORS.findall(line)) >= 3:
        return -float(words)
    if _MARKUP.search(line):
        return -3.0  # markup or code that leaked into the page text
    if looks_like_sentence(line, reading_words(line, words)):
        return float(words) if facts.stop[index] >= PROSE_STOP else words * 0.25
    if listing(line) or is_detail(line, labels):
        return -1.0  # a table row, a line of code, a `Label: value` line: the article's listing
    if words >= 3 and facts.shown[facts.keys[index]] >= 2:
        return -3.0  # a headline the page shows again: a teaser or a playlist item
    if words <= 3 or (words <= 5 and _DIGIT.search(line)):
        return -1.0  # a subhead, a label, a table cell, a bare link
    if facts.stop[index] >= LIST_STOP and not title_case(line):
        return -1.0  # worded like prose: a list item or a subhead of the article
    if line.endswith(FULL_STOP):
        return -1.0  # a short sentence (a list item), never a headline
    return -3.0


def dated_aside(line: str) -> bool:
    """A date no page stamps itself with: in brackets with the statement going on after them
    (`SBP customers (solar installed after April 15, 2023) receive ...`; a teaser's `Headline
    (December 2, 2007)` ends with its date), or a range of days (`San Francisco: 23-26 March
    2026`, an event's dates)."""
    return bool(_BRACKETED_YEAR.search(line) or _DAY_RANGE.search(line))


def data_row(line: str) -> bool:
    """A row of figures only (`1/1/2013 +13.1%`): a dated row of a table, not a time stamp (a
    date with a time of day is one)."""
    tokens = line.split()
    return len(tokens) >= 2 and all(map(_DIGIT.search, tokens)) and not CLOCK.search(line)


def dated_sentence(facts: LineFacts, index: int) -> bool:
    """A sentence of the article that mentions a date ("Revenues have totaled $63 billion
    through June 30, 2019."): closed by a full stop, worded as prose (stop words), no time of
    day. A page time stamp or a byline date is not written so."""
    line, words = facts.lines[index], facts.words[index]
    return line.endswith(FULL_STOP) and looks_like_sentence(line, words) \
        and facts.stop[index] >= PROSE_STOP and not CLOCK.search(line)


def listing(line: str) -> bool:
    """A table row (a third or more of its tokens figures, two at least) or a line of code (it
    ends a statement or block, opens a comment, or assigns or compares): shapes menus and
    teasers never take."""
    tokens = line.split()
    figures = sum(bool(_DIGIT.search(token)) for token in tokens)
    return figures >= 2 and figures * 3 >= len(tokens) or looks_like_code(line)


def title_case(line: str) -> bool:
    """Most longer words capitalised, as headlines and menu items are written (in a script
    without letter case never: no evidence)."""
    long = [word for word in line.split() if len(word) >= 4 and word[0].isalpha()]
    return bool(long) and sum(word[0].isupper() for word in long) * 2 >= len(long)


def line_scores(facts: LineFacts, nonblank: Sequence[int]) -> list[float]:
    """`line_score` of each nonblank line; headlines under a read-also heading (a `drop-block`
    rule) count as junk."""
    labels = detail_labels(facts, nonblank)
    base = [line_score(facts, i, facts.words[i], labels) for i in nonblank]
    in_list = False
    for pos, index in enumerate(nonblank):
        rule = facts.rule[index]
        if rule is not None:
            in_list = rule.action == "drop-block"
        elif in_list and looks_like_headline(facts.lines[index], facts.words[index]):
            base[pos] = min(base[pos], -3.0)
        else:
            in_list = False
    return _blurbs(base)


HEADLINE = -3.0  # `line_score` of a headline-like line (a teaser, a menu item, a subhead)
BLURB = 0.25  # weight of a short paragraph between two headlines: a teaser's blurb


def _blurbs(scores: list[float]) -> list[float]:
    """A short paragraph with a headline-like line right above and below it (HEADLINE: not a
    date or time line, as a live report or a chronology has between its paragraphs) is a
    teaser's blurb (headline, blurb, headline, blurb), not the article's text: it counts
    little, so a long teaser strip does not outweigh a shorter article."""
    out = list(scores)
    for pos in range(1, len(scores) - 1):
        if 0 < scores[pos] <= 50 and scores[pos - 1] == scores[pos + 1] == HEADLINE:
            out[pos] = scores[pos] * BLURB
    return out
