"""Find the article inside a whole-page text dump (menus, headline lists, footers around it).

Each line is scored on its own evidence (importer/linescore.py): sentence-like lines whose words
are the page language's stop words as prose is count for their word count; lines a rule, the
batch or the page itself marks as junk (repeated headlines, playlists, menus, captions, dates)
count against; short lines that are neither (subheads, table cells, bare links, list items
worded like prose) cost little, so one odd line cannot cut the article short. The best-scoring
run of lines (maximum-sum segment) is split into blocks at long junk runs and closing lines,
and each block is kept or dropped on its shape (importer/dumpblocks.py). The title is the
heading-like line just before the body that shares words with the lead and is followed by a
date or byline; else the body's headline-shaped first line; else a weak guess (marked for
review) rather than a refusal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress

from tools.importer.clean import SENTENCE_END, looks_like_sentence
from tools.importer.datetext import opens_with_day
from tools.importer.dumpblocks import (
    FULL_STOP,
    LATER_BLOCK,
    closed_block,
    closes,
    same_topic,
    shape,
    split_at_gaps,
)
from tools.importer.linefacts import LineFacts
from tools.importer.lines import is_markup, line_key
from tools.importer.linescore import (
    ATTRIBUTION,
    BOX,
    CLOCK,
    clock_teaser,
    data_row,
    dated_aside,
    dated_sentence,
    detail_labels,
    is_detail,
    line_scores,
    relative_stamp,
)
from tools.importer.rules import Rule

TITLE_WINDOW = 25
GALLERY_WEAK = 40  # words of running text under which a page may be a photo page
SCHEDULE_ITEMS = 4  # dated items in a row after the text that make a schedule or timeline
_WORD = re.compile(r"\w+")
_BYLINE = re.compile(r"(?i)^(by|oleh|penulis|reporter|pewarta|editor)\b|\s[-|]\s*\w+$")


@dataclass
class BodySpan:
    """Where the title and body lie in the dump (indices into the line list; end exclusive)."""

    title: str
    title_index: int | None
    start: int
    end: int


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


def title_score(facts: LineFacts, nonblank: Sequence[int], pos: int, body_start: int,
                lead: set[str]) -> float:
    """How much the nonblank line at `pos` looks like this article's headline."""
    index = nonblank[pos]
    line, words = facts.lines[index], facts.words[index]
    if not 3 <= words <= 30 or line.endswith(".") or facts.dated[index]:
        return float("-inf")
    if facts.rule[index] is not None or _BYLINE.search(line) or is_markup(line):
        return float("-inf")
    own = content_words(line)
    score = 6.0 * len(own & lead) / max(len(own), 4)
    following = nonblank[pos + 1: pos + 5]
    if any(facts.dated[i] or _BYLINE.search(facts.lines[i]) for i in following):
        score += 4.0
    elif pos > 0 and facts.dated[nonblank[pos - 1]]:
        score += 2.0
    if pos == 0:
        score += 2.0
    first = line.lstrip("\"'‘“«„¿¡")[:1] or line[0]  # a headline may open with a quote
    if not first.isupper() and not first.isdigit():
        score -= 3.0
    if facts.shown[facts.keys[index]] >= 3:  # a playlist item rather than this headline
        score -= 3.0
    return score - 0.15 * (body_start - pos)


def find_title(facts: LineFacts, nonblank: Sequence[int], body_start: int, lead: set[str],
               hint: str = "") -> int | None:
    """Position (in nonblank) of the headline: the known title if given, else the best guess
    before the body; else the body's first line when it is headline-shaped (the body finder
    took it for a paragraph); else the best headline-shaped line at all (a weak title, which
    the metadata stage marks for review) rather than refusing the page."""
    lines = facts.lines
    if hint:
        wanted = line_key(hint)
        hits = [p for p, i in enumerate(nonblank) if facts.keys[i] == wanted]
        hits = hits or [p for p, i in enumerate(nonblank) if wanted in facts.keys[i]
                        and len(lines[i]) <= len(wanted) + 20]
        before = [p for p in hits if p < body_start]
        return before[-1] if before else (hits[0] if hits else None)
    candidates = list(range(max(0, body_start - TITLE_WINDOW), body_start))
    if body_start > TITLE_WINDOW:
        candidates.insert(0, 0)
    scored = [(title_score(facts, nonblank, p, body_start, lead), -p) for p in candidates]
    if body_start < len(nonblank) and not lines[nonblank[body_start]].endswith(FULL_STOP):
        after = set().union(*(content_words(lines[i])
                              for i in nonblank[body_start + 1:body_start + 4]))
        scored.append((title_score(facts, nonblank, body_start, body_start, after) - 1.0,
                       -body_start))
    firm = [s for s in scored if s[0] > 0.5]
    weak = [s for s in scored if s[0] > float("-inf")]
    best = max(firm or weak, default=None)
    if best:
        return -best[1]
    short = next((p for p in candidates if facts.words[nonblank[p]] >= 2  # a short headline
                  and facts.rule[nonblank[p]] is None and not facts.dated[nonblank[p]]
                  and not is_markup(facts.lines[nonblank[p]])), None)
    inside = max(_inside_body(facts, nonblank, body_start), default=None)
    return short if short is not None or inside is None else -inside[1]


def _inside_body(facts: LineFacts, nonblank: Sequence[int], body_start: int,
                 window: int = 8) -> list[tuple[float, int]]:
    """Headline-shaped lines among the body's first lines, when the page has none before
    it (the dump opens with an address or a notice the body finder took for text): the
    text starts after the headline instead of the page being refused for want of a title."""
    scored = []
    for pos in range(body_start + 1, min(body_start + window, len(nonblank))):
        after = set().union(*(content_words(facts.lines[i]) for i in nonblank[pos + 1:pos + 4]))
        score = title_score(facts, nonblank, pos, pos, after)
        if score > 0.5:
            scored.append((score, -pos))
    return scored


def find_body(facts: LineFacts, title_hint: str = "") -> BodySpan:
    """Locate title and body in a page dump (line indices refer to `facts.lines`)."""
    nonblank = list(compress(range(len(facts.lines)), facts.words))
    if not nonblank:
        return BodySpan("", None, 0, 0)
    matched = [facts.rule[i] for i in nonblank]
    dated = barriers(facts, nonblank)
    base = line_scores(facts, nonblank)
    start, end = choose_segment(facts, nonblank, dated, base)
    start = _skip_page_header(matched, dated, base, start, end)
    start, end = closed_block(base, facts, nonblank, start, end)
    lead = set().union(*(content_words(facts.lines[i]) for i in nonblank[start:start + 3]))
    title_pos = find_title(facts, nonblank, start, lead, title_hint)
    if title_pos is not None and title_pos >= start:
        start, end = title_pos + 1, min(max(end, title_pos + 2), len(nonblank))
    start = _absorb_dateline(matched, start)
    end = _absorb_closing_lines(facts, nonblank, end)
    end = _absorb_schedule(facts, nonblank, dated, end)
    end = _absorb_trailing_meta(matched, end)
    title = facts.lines[nonblank[title_pos]] if title_pos is not None else ""
    title_index = nonblank[title_pos] if title_pos is not None else None
    first = nonblank[start] if start < len(nonblank) else len(facts.lines)
    last = nonblank[end - 1] + 1 if end > 0 else 0
    return BodySpan(title, title_index, first, last)


def choose_segment(facts: LineFacts, nonblank: Sequence[int], dated: Sequence[bool],
                   base: Sequence[float]) -> tuple[int, int]:
    """The article's run of lines, crossing no timestamp line (see `barriers`). When the page
    holds little running text, a run of two or more photo captions (lines only `gallery` rules
    remove) may be the article (a photo page)."""
    run = best_segment(base, dated)

    def joins(block: tuple[int, int], best: tuple[int, int]) -> bool:
        # Above the best block, a table of contents: the run's own subheads further down.
        later = {facts.keys[nonblank[p]] for p in range(block[1], run[1])} \
            if block[1] <= best[0] else set()
        prose, heads = shape(base, facts, nonblank, [p for p in range(*block)
                                                     if facts.keys[nonblank[p]] not in later])
        return prose >= 2 and (prose >= 2 * heads
                               or same_topic(base, facts, nonblank, block, best))

    start, end = split_at_gaps(base, *run, joins=joins)
    start, end = _before_closing(facts, nonblank, dated, base, (start, end), joins)
    strength = sum(max(s, 0.0) for s in base[start:end])
    if strength < GALLERY_WEAK:
        caption = [i for i in nonblank if facts.rule[i] is not None and facts.rule[i].gallery]
        if len(caption) >= 2:
            captions = set(caption)
            scores = [float(facts.words[i]) if i in captions else s
                      for i, s in zip(nonblank, base, strict=True)]
            g_start, g_end = split_at_gaps(scores, *best_segment(scores, dated))
            gallery = sum(max(s, 0.0) for s in scores[g_start:g_end])
            photos = sum(nonblank[p] in captions for p in range(g_start, g_end))
            if gallery > 2 * strength and photos >= 2:
                return g_start, g_end
    return start, end


def _before_closing(facts: LineFacts, nonblank: Sequence[int], dated: Sequence[bool],
                    base: Sequence[float], chosen: tuple[int, int],
                    joins: Callable[[tuple[int, int], tuple[int, int]], bool]
                    ) -> tuple[int, int]:
    """As inside one run (`closed_block`), a run after a closing line (a comment count, a
    share bar) beats an article-shaped run before it only when LATER_BLOCK times stronger:
    reader comments, each split off by its time stamp, do not replace the article."""
    start, end = chosen
    close = next((p for p in range(start - 1, -1, -1) if closes(facts.rule[nonblank[p]])), None)
    if close is None:
        return chosen
    a, b = split_at_gaps(base, *best_segment(base[:close], dated[:close]), joins=joins)
    b = min(b, close)
    prose, heads = shape(base, facts, nonblank, range(a, b))
    earlier = sum(max(s, 0.0) for s in base[a:b])
    later = sum(max(s, 0.0) for s in base[start:end])
    shaped = prose >= 3 and prose >= 2 * heads
    return (a, b) if shaped and earlier * LATER_BLOCK >= later else chosen


def barriers(facts: LineFacts, nonblank: Sequence[int]) -> list[bool]:
    """Timestamp lines: a full date with a time of day, or next to a headline-like line; a
    feed item's relative stamp or clock-stamped headline. Teaser lists date every item; an
    article has no such line between its paragraphs. A bare time (live reports), a date
    heading between paragraphs (a chronology), a listed item's `Date: ...` detail (see
    `detail_labels`) or the dated attribution of an embedded post is no barrier."""
    out = [False] * len(nonblank)
    labels = detail_labels(facts, nonblank)
    for pos, index in enumerate(nonblank):
        if facts.rule[index] is None and (relative_stamp(facts.lines[index], facts.words[index])
                                          or clock_teaser(facts.lines[index], facts.words[index])):
            out[pos] = True  # `před 3 minutami`, `14:44 <headline>`: a feed item's stamp
            continue
        if not facts.dated[index] or facts.rule[index] is not None \
                or ATTRIBUTION.match(facts.lines[index]) or BOX.search(facts.lines[index]) \
                or data_row(facts.lines[index]) or dated_aside(facts.lines[index]) \
                or dated_sentence(facts, index) or facts.date_of(index) is None:
            continue
        line = facts.lines[index]
        near = [nonblank[p] for p in (pos - 1, pos + 1) if 0 <= p < len(nonblank)]
        out[pos] = bool(CLOCK.search(line)) or not is_detail(line, labels) and any(
            not looks_like_sentence(facts.lines[i], facts.words[i]) for i in near)
    return out


def _skip_page_header(matched: Sequence[Rule | None], dated: Sequence[bool],
                      base: Sequence[float], start: int, end: int) -> int:
    """A dateline paragraph near the top is where the text starts, when at most a deck precedes
    it (after two paragraphs, a line shaped like `Name – ...` is a list item of the text); a
    page date line (a timestamp, see `barriers`) near the top means what precedes it is title
    matter (deck, byline)."""
    window = range(start, min(start + 4, end))
    for pos in window:
        rule = matched[pos]
        if rule is not None and rule.field == "dateline":
            return pos if sum(score > 0 for score in base[start:pos]) < 2 else start
    stamps = [pos for pos in window if dated[pos]]
    return stamps[-1] + 1 if stamps and stamps[-1] + 1 < end else start


def _absorb_dateline(matched: Sequence[Rule | None], start: int) -> int:
    """A dateline on its own line just above the body (`Jakarta -`) belongs to the body."""
    rule = matched[start - 1] if start > 0 else None
    return start - 1 if rule is not None and rule.field == "dateline" else start


def _absorb_closing_lines(facts: LineFacts, nonblank: Sequence[int], end: int,
                          most: int = 2) -> int:
    """Short closing sentences ("Lantas bagaimana akhir ceritanya?") between the last long
    paragraph and a credit line (`Editor: ...`) belong to the article: the credit closes it."""
    for count in range(1, most + 1):
        pos = end + count
        if pos >= len(nonblank):
            return end
        rule = facts.rule[nonblank[pos]]
        if rule is not None and rule.action == "meta" and rule.field in {"editor", "authors"}:
            closing = [nonblank[p] for p in range(end, pos)]
            if all(facts.words[i] >= 3 and facts.lines[i].endswith(SENTENCE_END)
                   and not facts.lines[i].endswith(":") and facts.rule[i] is None
                   for i in closing):
                return pos
            return end
    return end


def _absorb_schedule(facts: LineFacts, nonblank: Sequence[int], dated: Sequence[bool],
                     end: int) -> int:
    """A schedule or timeline after the last paragraph (`June 9 -- Coral Sky Amphitheatre,
    West Palm Beach`, `27 September: ...`), under at most one heading line, belongs to the
    article: SCHEDULE_ITEMS lines or more in a row, each opening with a day of a month."""
    for first in (end, end + 1):
        run = first
        while run < len(nonblank) and facts.rule[nonblank[run]] is None \
                and not facts.learned[nonblank[run]] and not dated[run] \
                and opens_with_day(facts.lines[nonblank[run]]):
            run += 1
        if run - first >= SCHEDULE_ITEMS:
            return run
    return end


def _absorb_trailing_meta(matched: Sequence[Rule | None], end: int) -> int:
    """Editor codes and credit lines right after the last paragraph are part of the article."""
    for pos in range(end, min(end + 3, len(matched))):
        rule = matched[pos]
        if rule is None or rule.field not in {"editor", "authors"}:
            break
        end = pos + 1
    return end
