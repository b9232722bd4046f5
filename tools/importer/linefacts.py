"""The facts about each line of a page, computed once and shared by the stages that need them
(body finding, title and date line, metadata harvest, cleaning): no stage matches a line
against the rules or parses a date line again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain

from tools.importer.clean import first_match, screen
from tools.importer.datetext import is_date_line, parse_stated
from tools.importer.lines import line_key, word_count
from tools.importer.rules import Rule
from tools.importer.stopwords import density, page_stopwords, words_of


@dataclass
class LineFacts:
    """Per line of `lines` (blank lines included, so indices are the page's): word count,
    casefolded key, first rule, date-line flag, stop-word share; per distinct key, how often
    the page shows it. `learned`: keys of lines repeated across the batch (importer/repeats.py)."""

    lines: Sequence[str]
    rules: Sequence[Rule]
    words: list[int] = field(init=False)
    keys: list[str] = field(init=False)
    rule: list[Rule | None] = field(init=False)
    dated: list[bool] = field(init=False)
    stop: list[float] = field(init=False)
    shown: Counter[str] = field(init=False)
    learned: list[bool] = field(init=False)
    _dates: dict[int, datetime | None] = field(init=False, default_factory=dict)

    @classmethod
    def of(cls, lines: Sequence[str], rules: Sequence[Rule],
           learned: frozenset[int] | set[int] = frozenset()) -> LineFacts:
        facts = cls(lines, rules)
        facts.words = [word_count(line) for line in lines]
        facts.keys = list(map(line_key, lines))
        any_rule = screen(tuple(rules))
        facts.rule = [first_match(line, rules, any_rule) if n else None
                      for line, n in zip(lines, facts.words, strict=True)]
        facts.dated = [0 < n <= 14 and is_date_line(line)
                       for line, n in zip(lines, facts.words, strict=True)]
        line_words = [words_of(line) if n else [] for line, n in zip(lines, facts.words,
                                                                    strict=True)]
        stop = page_stopwords(chain.from_iterable(line_words))
        facts.stop = [density(found, stop) if n >= 4 else 0.0
                      for found, n in zip(line_words, facts.words, strict=True)]
        facts.shown = Counter(filter(None, facts.keys))
        facts.learned = [hash(key) in learned for key in facts.keys] if learned \
            else [False] * len(lines)
        return facts

    def date_of(self, index: int) -> datetime | None:
        """The date a date line states (parsed once; naive when it states no zone)."""
        if index not in self._dates:
            stated = parse_stated(self.lines[index]) if self.dated[index] else None
            self._dates[index] = stated.when if stated else None
        return self._dates[index]
