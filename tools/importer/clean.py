"""The rule engine: apply data-defined rules to body lines, turning metadata lines into fields.

Actions: `drop` removes the line, `end` marks where the article closes (trailing widgets; in a
dump the body finder weighs it against the text after it, tools/importer/dumpblocks.py),
`strip` removes only the matched text (datelines, trailing editor codes) and `meta` removes the
line after recording its `value` group as metadata.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from tools.importer.article import Article
from tools.importer.lines import line_key, looks_like_code
from tools.importer.rules import Guarded, Rule, lowered

if TYPE_CHECKING:
    from tools.importer.linefacts import LineFacts

LEARNED = "learned-repeat"
READ_ALSO_LIST = "read-also-list"  # headlines under a read-also heading
DUPLICATE = "duplicate"
TEASER_LINK = "teaser-link"
MAX_STRIPS = 4
SUBHEAD_WORDS = 4  # a paragraph this short is a subhead or label, never a caption repeat
SENTENCE_END = tuple('.!?"”’\')…:։。！？؟।')  # Armenian, CJK, Arabic, Devanagari stops too
_TOKEN = re.compile(r"\w+")


def looks_like_sentence(line: str, words: int | None = None) -> bool:
    """Running text rather than a headline, menu item or label. `words`: the line's
    `len(line.split())`, when the caller has it."""
    if words is None:
        words = len(line.split())
    return (words >= 8 and line.endswith(SENTENCE_END)) or words >= 20


def looks_like_headline(line: str, words: int | None = None) -> bool:
    """Short and not closed by a full stop: a linked headline, a label, a menu item.
    `words`: the line's `len(line.split())`, when the caller has it."""
    if words is None:
        words = len(line.split())
    return words < 20 and not line.rstrip("\"”’')").endswith((".", "։", "。"))


def first_match(line: str, rules: Iterable[Rule],
                any_rule: Screen | None = None) -> Rule | None:
    """The first rule whose pattern matches the line (rules are ordered: site rules first).
    `any_rule`: the rules' `screen`, with which a line that no rule matches (most lines of an
    article) costs one search."""
    if any_rule is not None and not any_rule.search(line):
        return None
    return next((rule for rule in rules if rule.search(line)), None)


_LEADING_FLAGS = re.compile(r"\A\(\?([aiLmsux]+)\)")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_CLASS_START = re.compile(r"\[\^?\]?")


class Screen(NamedTuple):
    """Whether any of the rules matches a line, in at most two searches and a few literal
    tests: `anchored` holds the patterns that can match only at the line's start (one attempt
    there), `floating` the rest, `guarded` each required word of a `Guarded` pattern with
    that pattern, tried only on a line holding the word. One alternation of every pattern
    would lose the start-only shortcut of each `^` pattern and try every pattern at every
    character of a paragraph."""

    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None
    guarded: tuple[tuple[str, re.Pattern[str]], ...] = ()

    def search(self, line: str) -> bool:
        if self.anchored and self.anchored.match(line) or \
                self.floating and self.floating.search(line):
            return True
        low = lowered(line) if self.guarded else ""
        return any(word in low and pattern.search(line) for word, pattern in self.guarded)


@lru_cache(maxsize=64)
def screen(rules: tuple[Rule, ...]) -> Screen | None:
    """The rules' patterns as a Screen: it matches a line if and only if one of them does.
    Leading `(?i)` flags become scoped groups and group names are dropped so the patterns can
    sit side by side; None when that cannot be done (then each rule is tried)."""
    parts: dict[bool, list[str]] = {True: [], False: []}
    patterns = [p for rule in rules for p in rule.patterns]
    for pattern in (p for p in patterns if not isinstance(p, Guarded)):
        source = pattern.pattern
        flags = _LEADING_FLAGS.match(source)
        body = _NAMED_GROUP.sub("(?:", source[flags.end():] if flags else source)
        if "(?P=" in body or "\\1" in body or pattern.flags & re.MULTILINE:
            return None
        anchored = body.startswith(("^", "\\A")) and not pattern.flags & re.VERBOSE \
            and not _top_level_bar(body)
        parts[anchored].append(f"(?{flags.group(1)}:{body})" if flags else f"(?:{body})")
    guarded = tuple((word, p.regex) for p in patterns if isinstance(p, Guarded)
                    for word in p.requires)
    try:
        return Screen(*(re.compile("|".join(parts[key])) if parts[key] else None
                        for key in (True, False)), guarded)
    except re.error:
        return None


def _top_level_bar(source: str) -> bool:
    """Whether a pattern has an alternation outside any group (`^a|b` matches `b` anywhere)."""
    depth, index, in_class = 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True  # a `]` right after `[` or `[^` is a member, not the end
            index += len(_CLASS_START.match(source, index).group(0)) - 1
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
        index += 1
    return False


def record(article: Article, field: str, value: str) -> None:
    """Store a metadata value a rule captured (credit line, editor code, dateline, ...)."""
    value = value.strip(" :-–—|,")
    if not field or not value:
        return
    if field == "authors":
        for name in split_names(value):
            if name not in article.authors:
                article.authors.append(name)
    elif field == "editor":
        article.editor = article.editor or value
    elif field == "agencies":
        if value not in article.agencies:
            article.agencies.append(value)
    elif field == "dateline":
        article.datelines.append(value)
    elif field == "source":
        article.source = article.source or value


def split_names(value: str) -> list[str]:
    """`A, B dan C` or `A and B & C` -> the names."""
    parts = value.replace(" dan ", ",").replace(" and ", ",").replace("&", ",").split(",")
    return [p.strip() for p in parts if p.strip()]


_UNKNOWN = object()
OPENING = 2  # a dateline opens one of the first paragraphs of running text (after a deck)


def opens(kept: Sequence[str]) -> bool:
    """Whether the next paragraph is one of the text's first OPENING of running text (a
    headline or a label kept above them does not count)."""
    return sum(looks_like_sentence(p) for p in kept[:OPENING + 6]) < OPENING


def apply_line(article: Article, line: str, rules: Sequence[Rule],
               first: Rule | None | object = _UNKNOWN, opening: bool = True
               ) -> tuple[str | None, str]:
    """Clean one line. Returns (kept text or None, action of the rule that removed it).
    `first`: the caller's first_match(line, rules), so the rules do not run twice on a line.
    `opening`: the line opens the text; a dateline stands only there (further down, the same
    shape is a list item's label: `Dumbbells – ...`)."""
    for attempt in range(MAX_STRIPS):
        found = first if attempt == 0 and first is not _UNKNOWN else first_match(line, rules)
        rule = found if isinstance(found, Rule) else None
        if rule is not None and rule.field == "dateline" and not opening:
            rule = first_match(line, [r for r in rules if r.field != "dateline"])
        if rule is None:
            return line, ""
        match = rule.search(line)
        assert match is not None
        value = match.groupdict().get("value") or ""
        if rule.action == "strip":
            record(article, rule.field, value or match.group(0))
            article.remove(match.group(0), rule.id)
            line = (line[: match.start()] + " " + line[match.end():]).strip()
            if not line:
                return None, "strip"
            continue
        article.remove(line, rule.id)
        if rule.action == "meta":
            record(article, rule.field, value)
        return None, rule.action
    return line, ""


def page_teasers(page: Sequence[str], links: Collection[str] = (),
                 folded: Sequence[str] | None = None) -> Callable[[str], bool]:
    """Headline-like lines that are links to other articles: shown more than once on the page
    (a related-article link set into the text also appears in the page's headline lists), or
    (HTML) a block whose whole text is a link. A subheading is neither. `folded`: the page's
    lines already whitespace-normalised and casefolded (`repeats.folded`)."""
    if folded is None:
        folded = [line_key(line) for line in page]
    counts = Counter(filter(None, folded))

    def is_teaser(line: str) -> bool:
        words = line.split()
        if len(words) < 3 or not looks_like_headline(line, len(words)) or looks_like_code(line):
            return False
        key = line_key(line)
        return counts[key] >= 2 or key in links

    return is_teaser


def clean_lines(article: Article, facts: LineFacts, start: int, end: int,
                is_teaser: Callable[[str], bool] = lambda line: False,
                captions: bool = False) -> list[str]:
    """Apply rules, then learned template lines and teaser links, to the body lines
    `facts.lines[start:end]`; keep paragraph order. A closing (`end`) line inside the span is
    only removed: the body finder has judged that the article goes on after it
    (tools/importer/dumpblocks.py). `captions`: keep lines only `gallery` rules remove (a photo
    page)."""
    kept: list[str] = []
    in_block = False
    lines = facts.lines
    for index in range(start, end):
        line = lines[index]
        if not facts.words[index]:
            continue
        first = facts.rule[index]
        if captions and first is not None and first.gallery:
            first = first_match(line, [r for r in facts.rules if not r.gallery])
        unmatched = first is None
        if in_block and unmatched and looks_like_headline(line, facts.words[index]):
            article.remove(line, READ_ALSO_LIST)
            continue
        in_block = False
        if unmatched and (facts.learned[index] or is_teaser(line)):
            article.remove(line, LEARNED if facts.learned[index] else TEASER_LINK)
            continue
        text, action = apply_line(article, line, facts.rules, first, opening=opens(kept))
        in_block = action == "drop-block"
        if text:
            kept.append(text)
    return drop_duplicates(article, kept)


def drop_duplicates(article: Article, paragraphs: list[str]) -> list[str]:
    """Drop a short paragraph whose words all appeared in one earlier paragraph (a caption or
    pull quote repeating the lead), and exact repeats. A line of a few words (a subhead such
    as `Pasal 27A:`) is kept unless it repeats a paragraph exactly."""
    kept: list[str] = []
    seen: list[frozenset[str]] = []
    seen_set: set[frozenset[str]] = set()  # exact repeats of a long paragraph: one lookup
    for paragraph in paragraphs:
        words = frozenset(_TOKEN.findall(paragraph.lower()))
        count = len(paragraph.split())
        short = SUBHEAD_WORDS < count <= 20
        if words and (any(map(words.issubset, seen)) if short else words in seen_set):
            article.remove(paragraph, DUPLICATE)
            continue
        seen.append(words)
        seen_set.add(words)
        kept.append(paragraph)
    return kept


def harvest_meta(article: Article, lines: Sequence[str], rules: Sequence[Rule],
                 found: Sequence[Rule | None] | None = None) -> None:
    """Record credit/editor metadata from header lines outside the body (they stay removed).
    `found`: each line's first rule, when the caller knows it (tools/importer/linefacts.py)."""
    for number, line in enumerate(lines):
        rule = found[number] if found is not None else first_match(line, rules)
        if rule is not None and rule.field in {"authors", "editor"}:
            match = rule.search(line)
            assert match is not None
            record(article, rule.field, match.groupdict().get("value") or "")
