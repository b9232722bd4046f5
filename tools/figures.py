"""The `Figures:` header field: numbers a party reports (dead, wounded, displaced...).

One field, one figure per `;`-separated entry, five `|`-separated parts:

    Figures: Yerevan | killed | soldiers | 772 | 2020-10-10; Baku | killed | civilians | 63 | ...

who reports it | what (one of CATEGORIES) | whom or what it counts | how many (`50+`: at least
50) | as of (YYYY-MM-DD, the day the party reported it). Shared by the importer (which writes
it), the checker (which reports a malformed entry) and the Pelican plugin (which shows it): a
figure belongs to its claimant and is never added to another's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

KEY = "Figures"
# What a figure counts; the words that say so in each language are data (tools/data/figures.yaml).
CATEGORIES = ("killed", "wounded", "missing", "displaced", "prisoners", "destroyed")
PARTS = ("who reports", "what", "whom", "how many", "as of")
COUNT_RE = re.compile(r"^(\d{1,9})(\+?)$")
EXAMPLE = "Yerevan | killed | soldiers | 772 | 2020-10-10"


class FigureError(ValueError):
    """A malformed entry: `entry` is its 1-based position in the field, `message` says why."""

    def __init__(self, entry: int, message: str) -> None:
        super().__init__(f"figure {entry}: {message}")
        self.entry = entry
        self.message = message


@dataclass(frozen=True, order=True)
class Figure:
    """One reported number, as its claimant gave it."""

    as_of: str  # YYYY-MM-DD: first, so figures sort by date
    claimant: str
    category: str
    whom: str
    count: int
    at_least: bool = False  # "at least 50" (written `50+`)

    @property
    def day(self) -> date:
        return date.fromisoformat(self.as_of)

    @property
    def shown_count(self) -> str:
        return f"{self.count:,}+" if self.at_least else f"{self.count:,}"

    def entry(self) -> str:
        """The figure as one entry of the header field."""
        count = f"{self.count}{'+' if self.at_least else ''}"
        return " | ".join((self.claimant, self.category, self.whom, count, self.as_of))


def parse_entry(text: str, entry: int = 1) -> Figure:
    """One `who | what | whom | how many | as of` entry; FigureError says what is wrong."""
    parts = [" ".join(part.split()) for part in text.split("|")]
    if len(parts) != len(PARTS):
        raise FigureError(entry, f"has {len(parts)} parts separated by `|`, not 5 "
                          f"({' | '.join(PARTS)}), e.g. `{EXAMPLE}`")
    claimant, category, whom, count, as_of = parts
    for name, value in zip(PARTS, parts, strict=True):
        if not value:
            raise FigureError(entry, f"the part `{name}` is empty")
    if category.casefold() not in CATEGORIES:
        raise FigureError(entry, f"`{category}` is not one of {', '.join(CATEGORIES)}")
    number = COUNT_RE.match(count.replace(",", "").replace(".", ""))
    if not number:
        raise FigureError(entry, f"how many `{count}` is not a whole number (write `50+` for "
                          "'at least 50')")
    try:
        day = date.fromisoformat(as_of)
    except ValueError:
        raise FigureError(entry, f"as of `{as_of}` is not a date written YYYY-MM-DD") from None
    return Figure(day.isoformat(), claimant, category.casefold(), whom, int(number.group(1)),
                  bool(number.group(2)))


def parse_figures(value: str) -> list[Figure]:
    """Every entry of a `Figures:` value, in order (none for an empty value); FigureError on
    the first malformed one."""
    text = value.strip().rstrip(";")
    if not text:
        return []
    figures = []
    for number, entry in enumerate(text.split(";"), 1):
        if not entry.strip():
            raise FigureError(number, "is empty (two `;` in a row)")
        figures.append(parse_entry(entry, number))
    return figures


def format_figures(figures: list[Figure]) -> str:
    """The header value for figures (in the order given, without repeats)."""
    return "; ".join(dict.fromkeys(figure.entry() for figure in figures))
