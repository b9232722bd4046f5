"""The importer's date evidence, in parts the provenance box can say in plain words.

The importer records how it inferred a year as one compact line, e.g.
`Jumat (23/10); Selasa (20/10) -> 2020 (Mike Pompeo: US Secretary of State 2018-04-26..2021-01-20)`:
the day mentions it found, the year they fit, and the dated facts that ruled other years out
(importer/dates.py). Readers get a sentence made of these parts (partial/provenance.html); the line
itself stays available under "technical details". Anything that does not parse is shown as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

_EVIDENCE = re.compile(r"^(?P<days>.+?) -> (?P<year>\d{4})(?: \((?P<facts>.*)\))?$")
_FACT = re.compile(r"^(?P<name>[^:]+): (?P<role>.+?) ?(?P<start>\d{4}-\d{2}-\d{2})?\.\."
                   r"(?P<end>\d{4}-\d{2}-\d{2})?$")


@dataclass(frozen=True)
class Fact:
    """A dated fact that narrowed the year: who, in what role, from when to when."""

    name: str
    role: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Reasoning:
    """The day mentions without a year, the year they fit, and the facts that decided it."""

    days: tuple[str, ...]
    year: int
    facts: tuple[Fact, ...]


def date_reasoning(evidence: Any) -> Reasoning | None:
    """The parts of an `inferred` Date_evidence line, or None when it is not in that form."""
    match = _EVIDENCE.match(str(evidence or "").strip())
    if not match:
        return None
    facts = []
    for text in filter(None, (match.group("facts") or "").split("; ")):
        fact = _FACT.match(text.strip())
        if fact is None:
            return None
        facts.append(Fact(fact.group("name").strip(), fact.group("role").strip(),
                          _day(fact.group("start")), _day(fact.group("end"))))
    days = tuple(d.strip() for d in match.group("days").split(";") if d.strip())
    return Reasoning(days, int(match.group("year")), tuple(facts))


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def install_filters(generator: Any) -> None:
    """Jinja filter `date_reasoning` for the provenance box."""
    generator.env.filters["date_reasoning"] = date_reasoning
