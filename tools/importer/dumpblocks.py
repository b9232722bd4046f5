"""Blocks of a text dump's best run of lines, each kept or dropped on its own shape.

A closing line (a share bar, a "Related stories" heading, an editor credit) or a long run of
junk lines splits the run into blocks. Whether a block belongs to the article is read from its
shape: the article's own text is paragraphs of running text with few headline-like lines
between them (subheads, list items); a teaser list alternates headline and blurb; a comment
form or a menu has no paragraphs at all. So an inset between paragraphs does not end the body,
and a teaser strip or comments shown above the article do not replace it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from tools.importer.linefacts import LineFacts
from tools.importer.lines import UNSPACED_CHARS
from tools.importer.rules import Rule

GAP = 7  # junk lines in a row (headlines, repeats, menus) that split the run into blocks
FULL_STOP = (".", "!", "։", "。")  # a line ending so is a paragraph, never a headline
RESUME_WORDS = 20  # a paragraph at least this long is running text, not a teaser or form note
LATER_BLOCK = 2.5  # how much stronger an article-shaped later block must be to win
WEAK_FIRST = 10.0  # ... and a later block of any shape
TOPIC = 0.4  # share of a block's topic words the best block also uses: the same article
TOPIC_LETTERS = 5  # topic words: words of at least this many letters...
_TOKEN = re.compile(r"\w+")
# ... or, in scripts written without spaces, pairs of characters
_UNSPACED = re.compile(f"[{UNSPACED_CHARS}]+")
Span = tuple[int, int]


def closes(rule: Rule | None) -> bool:
    """Lines that close an article once its text has started: widgets, editor credits."""
    return rule is not None and (rule.action == "end" or rule.field == "editor"
                                 and rule.action == "meta")


def shape(scores: Sequence[float], facts: LineFacts, nonblank: Sequence[int],
          span: Iterable[int]) -> tuple[int, int]:
    """(paragraphs of running text, headline-like lines) among the lines at `span`."""
    prose = heads = 0
    for pos in span:
        index = nonblank[pos]
        if facts.words[index] >= RESUME_WORDS:
            prose += scores[pos] > 0
        elif facts.words[index] >= 4 and facts.rule[index] is None \
                and not facts.dated[index] and not facts.lines[index].endswith(FULL_STOP):
            heads += 1
    return prose, heads


def _resumes(scores: Sequence[float], facts: LineFacts, nonblank: Sequence[int],
             pos: int, end: int) -> bool:
    """Whether the article goes on after the closing line at `pos` (a share bar or a "Read
    more" inset between paragraphs): the lines up to the next closing line are mostly
    paragraphs of running text, not a teaser list (headline, blurb, headline, blurb)."""
    stop = next((p for p in range(pos + 1, end) if closes(facts.rule[nonblank[p]])), end)
    prose, heads = shape(scores, facts, nonblank, range(pos + 1, stop))
    return prose >= 2 and prose >= 2 * heads


def closed_block(scores: Sequence[float], facts: LineFacts, nonblank: Sequence[int],
                 start: int, end: int) -> tuple[int, int]:
    """Closing lines (share bars, related-list headings, editor credits) after which the
    article does not resume split the run into blocks. The first block is the article, unless
    a later block is shaped like an article (paragraphs, few headlines) and more than
    LATER_BLOCK times stronger, or WEAK_FIRST times stronger whatever its shape: reader
    comments, an author box or a teaser strip shown above the article."""
    cuts = [pos for pos in range(start + 1, end) if closes(facts.rule[nonblank[pos]])
            and not _resumes(scores, facts, nonblank, pos, end)]
    blocks = list(zip([start, *(c + 1 for c in cuts)], [*cuts, end], strict=True))
    strength = [sum(max(s, 0.0) for s in scores[a:b]) for a, b in blocks]
    first_shaped = _article_shaped(scores, facts, nonblank, blocks[0])
    for (a, b), power in zip(blocks[1:], strength[1:], strict=True):
        shaped = _article_shaped(scores, facts, nonblank, (a, b)) or not first_shaped
        if power > (LATER_BLOCK if shaped else WEAK_FIRST) * strength[0]:
            return a, b
    return blocks[0]


def _article_shaped(scores: Sequence[float], facts: LineFacts, nonblank: Sequence[int],
                    block: Span) -> bool:
    prose, heads = shape(scores, facts, nonblank, range(*block))
    return prose >= 2 * heads and prose >= 3


def topic_words(text: str) -> set[str]:
    """The words that say what a text is about: long words, or character pairs of an
    unspaced script (no stop-word list needed, so any language)."""
    words = {w for w in _TOKEN.findall(text.casefold()) if len(w) >= TOPIC_LETTERS
             and not _UNSPACED.search(w)}
    for run in _UNSPACED.findall(text):
        words.update(run[i:i + 2] for i in range(len(run) - 1))
    return words


def same_topic(scores: Sequence[float], facts: LineFacts, nonblank: Sequence[int],
               block: Span, best: Span) -> bool:
    """Whether the running text of `block` is about what the best block is about (TOPIC of
    its topic words shared) without being a copy of it (the page showing the article twice,
    once run together): the article's sections between product cards, charts or ads share
    its vocabulary; a teaser strip of other stories does not."""
    def prose(span: Span) -> list[str]:
        return [facts.lines[nonblank[p]] for p in range(*span) if scores[p] > 0]
    own, known = prose(block), " ".join(prose(best))
    if sum(line in known for line in own) * 2 >= len(own):
        return False
    words = topic_words(" ".join(own))
    return bool(words) and len(words & topic_words(known)) >= TOPIC * len(words)


def split_at_gaps(scores: Sequence[float], start: int, end: int, gap: int = GAP,
                  joins: Callable[[Span, Span], bool] | None = None) -> tuple[int, int]:
    """Within a segment, `gap` or more junk lines in a row (headlines, repeats, menus: a score
    of -3 or less; short neutral lines and lines a rule explains do not count) separate the
    article from teaser blocks: keep the best block, with the blocks next to it that
    `joins(block, best)` finds to be the article's own text (subheads and list items between
    paragraphs, not teasers; or the same topic)."""
    blocks, block_start, run = [], start, 0
    for pos in range(start, end):
        if scores[pos] > 0:
            if run >= gap:
                blocks.append((block_start, pos - run))
                block_start = pos
            run = 0
        elif scores[pos] <= -3:
            run += 1
    blocks.append((block_start, end))
    best = max(range(len(blocks)),
               key=lambda b: (sum(max(s, 0) for s in scores[slice(*blocks[b])]), -b))
    first = last = best
    while joins and last + 1 < len(blocks) and joins(blocks[last + 1], blocks[best]):
        last += 1
    while joins and first > 0 and joins(blocks[first - 1], blocks[best]):
        first -= 1
    start, end = blocks[first][0], blocks[last][1]
    while end - 1 > start and scores[end - 1] <= 0:  # like the run, a block ends on a paragraph
        end -= 1
    return start, end
