"""Find the article inside a whole-page text dump (menus, headline lists, footers around it).

Lines are scored like a text-density extractor: sentence-like lines count for their word count,
short headline-like lines and date lines count against. The best-scoring run of lines
(maximum-sum segment) is the body; the title is the heading-like line just before it that shares
words with the lead and is followed by a date or byline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import NamedTuple

from tools.clean import SENTENCE_END, first_match, looks_like_sentence
from tools.dates import looks_like_date_line, parse_date_text
from tools.rules import Rule

TITLE_WINDOW = 25
GAP = 5
GALLERY_WEAK = 40  # words of running text under which a page may be a photo page
_WORD = re.compile(r"\w+")
_CLOCK = re.compile(r"(?<![\d./-])\d{1,2}:\d{2}(?![\d./-])|\b\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT)\b")
_SEPARATORS = re.compile(r"[·|•»]")
_BYLINE = re.compile(r"(?i)^(by|oleh|penulis|reporter|pewarta|editor)\b|\s[-|]\s*\w+$")


@dataclass
class BodySpan:
    """Where the title and body lie in the dump (indices into the line list; end exclusive)."""

    title: str
    title_index: int | None
    start: int
    end: int


class _Facts(NamedTuple):
    """Per nonblank position: word count, date-line flag, first rule."""

    words: Callable[[int], int]
    dated: Callable[[int], bool]
    rule: Callable[[int], Rule | None]


def line_score(line: str, rule: Rule | None) -> float:
    """Positive for sentence-like text, negative for navigation, headlines and widgets."""
    return _score(line, rule, len(line.split()), looks_like_date_line(line))


def _score(line: str, rule: Rule | None, words: int, dated: bool) -> float:
    """line_score from the line's word count and date-line flag."""
    if rule is not None and rule.action != "strip":
        return -2.0
    if dated:
        return -5.0
    if len(_SEPARATORS.findall(line)) >= 3:
        return -float(words)
    if words >= 8 and line.endswith(SENTENCE_END):
        return float(words)
    if words >= 20:
        return words * 0.5
    return -3.0 if words >= 4 else -4.0


def best_segment(scores: Sequence[float], barriers: Sequence[bool] = ()) -> tuple[int, int]:
    """Maximum-sum contiguous run (Kadane) that crosses no barrier line; returns (start, end
    exclusive)."""
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if barriers and barriers[index]:
            total = 0.0
            continue
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index + 1)
    return best_span


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) >= 4}


def title_score(lines: Sequence[str], pos: int, nonblank: Sequence[int], body_start: int,
                lead: set[str], rules: Sequence[Rule], facts: _Facts | None = None) -> float:
    """How much the nonblank line at `pos` looks like this article's headline. `facts`: the
    nonblank lines' word counts, date-line flags and first rules, when known."""
    line = lines[nonblank[pos]]
    if facts is None:
        facts = _Facts(lambda p: len(lines[nonblank[p]].split()),
                       lambda p: looks_like_date_line(lines[nonblank[p]]),
                       lambda p: first_match(lines[nonblank[p]], rules))
    words = facts.words(pos)
    if not 3 <= words <= 30 or line.endswith(".") or facts.dated(pos):
        return float("-inf")
    if facts.rule(pos) is not None or _BYLINE.search(line):
        return float("-inf")
    own = content_words(line)
    score = 6.0 * len(own & lead) / max(len(own), 4)
    following = range(pos + 1, min(pos + 5, len(nonblank)))
    if any(facts.dated(p) or _BYLINE.search(lines[nonblank[p]]) for p in following):
        score += 4.0
    elif pos > 0 and facts.dated(pos - 1):
        score += 2.0
    if pos == 0:
        score += 2.0
    if not line[0].isupper() and not line[0].isdigit():
        score -= 3.0
    return score - 0.15 * (body_start - pos)


def find_title(lines: Sequence[str], nonblank: Sequence[int], body_start: int,
               lead: set[str], rules: Sequence[Rule], hint: str = "",
               facts: _Facts | None = None) -> int | None:
    """Position (in nonblank) of the headline: the known title if given, else the best guess."""
    if hint:
        wanted = " ".join(hint.split()).casefold()
        hits = [p for p, i in enumerate(nonblank) if lines[i].casefold() == wanted]
        hits = hits or [p for p, i in enumerate(nonblank) if wanted in lines[i].casefold()
                        and len(lines[i]) <= len(wanted) + 20]
        before = [p for p in hits if p < body_start]
        return before[-1] if before else (hits[0] if hits else None)
    candidates = list(range(max(0, body_start - TITLE_WINDOW), body_start))
    if body_start > TITLE_WINDOW:
        candidates.insert(0, 0)
    scored = [(title_score(lines, p, nonblank, body_start, lead, rules, facts), -p)
              for p in candidates]
    scored = [s for s in scored if s[0] > 0.5]
    return -max(scored)[1] if scored else None


def _is_stop(rule: Rule | None) -> bool:
    """Lines that close an article once its text has started: widgets, editor credits."""
    return rule is not None and (rule.action == "end" or rule.field == "editor"
                                 and rule.action == "meta")


def split_at_gaps(scores: Sequence[float], quiet: Sequence[bool], start: int, end: int,
                  gap: int = GAP) -> tuple[int, int]:
    """Within a segment, `gap` or more consecutive non-sentence lines (not counting lines a rule
    already explains) separate the article from teaser blocks: keep the best block."""
    blocks, block_start, run = [], start, 0
    for pos in range(start, end):
        if scores[pos] > 0:
            if run >= gap:
                blocks.append((block_start, pos - run))
                block_start = pos
            run = 0
        elif not quiet[pos]:
            run += 1
    blocks.append((block_start, end))
    return max(blocks, key=lambda b: (sum(max(s, 0) for s in scores[b[0]:b[1]]), -b[0]))


def find_body(lines: Sequence[str], rules: Sequence[Rule], title_hint: str = "",
              is_learned: Callable[[str], bool] = lambda line: False,
              words: Sequence[int] | None = None) -> BodySpan:
    """Locate title and body in a page dump (line indices refer to `lines`). `words`: each
    line's word count (`len(line.split())`), when the caller knows it."""
    if words is None:
        words = [len(line.split()) for line in lines]
    nonblank = list(compress(range(len(lines)), words))
    if not nonblank:
        return BodySpan("", None, 0, 0)
    text = list(map(lines.__getitem__, nonblank))
    counts = list(map(words.__getitem__, nonblank))
    matched = [first_match(line, rules) for line in text]
    # looks_like_date_line is False for lines of more than 14 words
    dates = [count <= 14 and looks_like_date_line(line) for line, count in zip(text, counts,
                                                                                 strict=True)]
    dated = barriers(text, matched, dates, counts)
    start, end = choose_segment(text, matched, dated, is_learned, dates, counts)
    start = _skip_page_header(matched, dated, start, end)
    end = next((pos for pos in range(start + 1, end) if _is_stop(matched[pos])), end)
    lead = set().union(*(content_words(line) for line in text[start:start + 3]))
    facts = _Facts(counts.__getitem__, dates.__getitem__, matched.__getitem__)
    title_pos = find_title(lines, nonblank, start, lead, rules, title_hint, facts)
    if title_pos is not None and title_pos >= start:
        start, end = title_pos + 1, min(max(end, title_pos + 2), len(nonblank))
    start = _absorb_dateline(lines, nonblank, start, rules)
    end = _absorb_closing_lines(lines, nonblank, end, rules)
    end = _absorb_trailing_meta(lines, nonblank, end, rules)
    title = lines[nonblank[title_pos]] if title_pos is not None else ""
    title_index = nonblank[title_pos] if title_pos is not None else None
    first = nonblank[start] if start < len(nonblank) else len(lines)
    last = nonblank[end - 1] + 1 if end > 0 else 0
    return BodySpan(title, title_index, first, last)


def choose_segment(text: Sequence[str], matched: Sequence[Rule | None], dated: Sequence[bool],
                   is_learned: Callable[[str], bool], dates: Sequence[bool] | None = None,
                   counts: Sequence[int] | None = None) -> tuple[int, int]:
    """The article's run of lines, crossing no timestamp line (see `barriers`). When the page
    holds little running text, a run of two or more photo captions (lines only `gallery` rules
    remove) may be the article (a photo page). `dates`, `counts`: each line's date-line flag
    and word count, when known."""
    quiet = [rule is not None for rule in matched]
    if counts is None:
        counts = [len(line.split()) for line in text]
    if dates is None:
        dates = list(map(looks_like_date_line, text))
    learned = list(map(is_learned, text))

    def segment(captions: bool) -> tuple[float, int, int]:
        scores = [-2.0 if junk else
                  _score(line, None if captions and rule and rule.gallery else rule, count, date)
                  for line, rule, junk, count, date in zip(text, matched, learned, counts, dates,
                                                           strict=True)]
        start, end = split_at_gaps(scores, quiet, *best_segment(scores, dated))
        return sum(max(s, 0.0) for s in scores[start:end]), start, end

    strength, start, end = segment(captions=False)
    if strength < GALLERY_WEAK:
        gallery, g_start, g_end = segment(captions=True)
        photos = sum(bool(rule and rule.gallery) for rule in matched[g_start:g_end])
        if gallery > 2 * strength and photos >= 2:
            return g_start, g_end
    return start, end


def barriers(text: Sequence[str], matched: Sequence[Rule | None],
             dates: Sequence[bool] | None = None,
             counts: Sequence[int] | None = None) -> list[bool]:
    """Timestamp lines: a full date with a time of day, or next to a headline-like line.
    Teaser lists date every item; an article has no such line between its paragraphs. A bare
    time (live reports) or a date heading between paragraphs (a chronology) is no barrier.
    `dates`, `counts`: each line's date-line flag and word count, when known."""
    if dates is None:
        dates = list(map(looks_like_date_line, text))
    out = [False] * len(text)
    for pos in compress(range(len(text)), dates):
        line = text[pos]
        if matched[pos] is not None or parse_date_text(line) is None:
            continue
        near = [p for p in (pos - 1, pos + 1) if 0 <= p < len(text)]
        out[pos] = bool(_CLOCK.search(line)) or any(
            not looks_like_sentence(text[p], None if counts is None else counts[p])
            for p in near)
    return out


def _skip_page_header(matched: Sequence[Rule | None], dated: Sequence[bool], start: int,
                      end: int) -> int:
    """A dateline paragraph near the top is where the text starts; a page date line (a
    timestamp, see `barriers`) near the top means what precedes it is title matter (deck,
    byline)."""
    window = range(start, min(start + 4, end))
    for pos in window:
        if matched[pos] is not None and matched[pos].field == "dateline":
            return pos
    stamps = [pos for pos in window if dated[pos]]
    return stamps[-1] + 1 if stamps and stamps[-1] + 1 < end else start


def _absorb_dateline(lines: Sequence[str], nonblank: Sequence[int], start: int,
                     rules: Sequence[Rule]) -> int:
    """A dateline on its own line just above the body (`Jakarta -`) belongs to the body."""
    if start > 0:
        rule = first_match(lines[nonblank[start - 1]], rules)
        if rule is not None and rule.field == "dateline":
            return start - 1
    return start


def _absorb_closing_lines(lines: Sequence[str], nonblank: Sequence[int], end: int,
                          rules: Sequence[Rule], most: int = 2) -> int:
    """Short closing sentences ("Lantas bagaimana akhir ceritanya?") between the last long
    paragraph and a credit line (`Editor: ...`) belong to the article: the credit closes it."""
    for count in range(1, most + 1):
        pos = end + count
        if pos >= len(nonblank):
            return end
        rule = first_match(lines[nonblank[pos]], rules)
        if rule is not None and rule.action == "meta" and rule.field in {"editor", "authors"}:
            closing = [lines[nonblank[p]] for p in range(end, pos)]
            if all(len(c.split()) >= 3 and c.endswith(SENTENCE_END) and not c.endswith(":")
                   and first_match(c, rules) is None for c in closing):
                return pos
            return end
    return end


def _absorb_trailing_meta(lines: Sequence[str], nonblank: Sequence[int], end: int,
                          rules: Sequence[Rule]) -> int:
    """Editor codes and credit lines right after the last paragraph are part of the article."""
    for pos in range(end, min(end + 3, len(nonblank))):
        rule = first_match(lines[nonblank[pos]], rules)
        if rule is None or rule.field not in {"editor", "authors"}:
            break
        end = pos + 1
    return end
