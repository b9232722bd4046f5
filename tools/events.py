"""The curated events of tools/data/events.yaml: the timeline page and "near events" on articles.

Public API used by the Pelican plugin and the checker:

    events = load_events()        # tuple of Event, in date order
    event.name("en")              # the name in a language (Indonesian when it has none)
    near(events, day, tags, 7)    # events within 7 days of `day`, those sharing tags first

`python -m tools check` reports problems of the file with their lines (tools/checks/eventsfile.py);
this loader only refuses a file it cannot use, naming it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

from tools.datayaml import load_yaml_text
from tools.errors import RuleError

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "events.yaml"
LANGUAGES = ("id", "en")  # every event has a name and a description in each


@dataclass(frozen=True)
class Event:
    """One dated event: names and descriptions by language, the entities it concerns."""

    day: date
    slug: str
    names: dict[str, str]
    descriptions: dict[str, str]
    entities: tuple[str, ...]

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names[LANGUAGES[0]]

    def description(self, lang: str) -> str:
        return self.descriptions.get(lang) or self.descriptions.get(LANGUAGES[0], "")


def _texts(raw: Any, what: str, origin: Path, day: Any) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(str(raw.get(lang) or "").strip()
                                            for lang in LANGUAGES):
        raise RuleError(f"{origin}: the event of {day} needs `{what}:` with "
                        f"{' and '.join(LANGUAGES)}; run `python -m tools check {origin}`")
    return {str(k): " ".join(str(v).split()) for k, v in raw.items() if v}


def _event(raw: Any, origin: Path) -> Event:
    day = raw.get("date") if isinstance(raw, dict) else None
    if not isinstance(day, date):
        raise RuleError(f"{origin}: every event needs `date: YYYY-MM-DD` (got {day!r}); "
                        f"run `python -m tools check {origin}`")
    names = _texts(raw.get("name"), "name", origin, day)
    return Event(day=day, slug=str(raw.get("slug") or slugify(names.get("en", ""))),
                 names=names, descriptions=_texts(raw.get("description"), "description",
                                                  origin, day),
                 entities=tuple(str(e) for e in raw.get("entities") or ()))


@lru_cache(maxsize=4)
def load_events(path: Path | str | None = None) -> tuple[Event, ...]:
    """The events of `path` (tools/data/events.yaml by default), in date order; none when the
    file does not exist."""
    origin = Path(path) if path else DEFAULT_PATH
    if not origin.exists():
        return ()
    try:
        doc = load_yaml_text(origin.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{origin}: cannot read the events ({exc})") from exc
    raw = doc.get("events") if isinstance(doc, dict) else None
    if not isinstance(raw, list):
        raise RuleError(f"{origin}: no `events:` list (see the comment at the top of "
                        "tools/data/events.yaml)")
    return tuple(sorted((_event(item, origin) for item in raw), key=lambda e: (e.day, e.slug)))


def near(events: Sequence[Event], day: date, tags: Collection[str], days: int,
         limit: int = 3) -> list[Event]:
    """Up to `limit` events within `days` of `day` (`events` in date order): those sharing more
    of `tags` first, then the closer in time, then the earlier."""
    days_only = [e.day for e in events]
    found = events[bisect_left(days_only, day - timedelta(days=days)):
                   bisect_right(days_only, day + timedelta(days=days))]
    ranked = sorted(found, key=lambda e: (-len(set(e.entities) & set(tags)),
                                          abs((e.day - day).days), e.day))
    return ranked[:limit]
