"""Choose title, date, language and outlet from every signal an input carries, and say why.

Each choice appends a line to `article.decisions` (shown by --explain): which signal won and
why the others lost. Order of trust, strongest first:
- title: tools/importer/titles.py (the headline the page displays above the text, confirmed
  by another title signal or the lead);
- date: --date/sidecar, front matter, the page's metadata (JSON-LD datePublished, <meta>
  published time, <time datetime>), a "Published ..." line, the date in the URL, htmldate,
  then inference from weekday mentions (tools/importer/dates.py). A same-day value that states the
  time and zone is preferred to a bare day;
- outlet: --source/sidecar, front matter, the site profile, og:site_name, JSON-LD publisher,
  the URL's domain.
"""

from __future__ import annotations

from datetime import datetime

from tools.importer.article import Article
from tools.importer.datetext import Stated, parse_stated
from tools.importer.signals import Evidence

DATE_ORDER = (  # (origin prefix, Date_method, weak?, rank): the first matching prefix counts
    ("--date", "explicit", False, 0), ("sidecar", "explicit", False, 0),
    ("export field", "explicit", False, 0), ("front matter", "front-matter", False, 1),
    ("JSON-LD", "html-meta", False, 2), ("<meta", "html-meta", False, 2),
    ("<time", "html-meta", False, 2), ("date line (byline away", "dateline", True, 3),
    ("date line", "dateline", False, 3),
    ("URL", "url", False, 4), ("htmldate (extensive", "htmldate", True, 7),
    ("htmldate", "htmldate", False, 5), ("lone date line", "dateline", False, 6),
)


def of(article: Article, field: str) -> list[Evidence]:
    return [e for e in article.evidence if e.field == field]


def note(article: Article, text: str) -> None:
    article.decisions.append(" ".join(text.split()))


def stated_dates(article: Article, langs: tuple[str, ...], default_tz: str,
                 month_first: bool) -> list[tuple[Evidence, Stated]]:
    """Every date signal that parses, in order of trust (unparsable ones are noted)."""
    parsed = []
    for item in of(article, "date"):
        stated = parse_stated(item.value, langs, default_tz, month_first)
        if stated is None:
            note(article, f"  date from {item.origin} not read: {item.value!r}")
            continue
        parsed.append((item, stated))
    parsed.sort(key=lambda pair: _date_rule(pair[0].origin)[3])
    return parsed


def choose_date(article: Article, parsed: list[tuple[Evidence, Stated]]
                ) -> tuple[datetime, str, str, bool] | None:
    """(date, Date_method, evidence, weak?) from the strongest signal, made precise by a
    same-day signal that states time and zone; None when no signal gave a date."""
    if not parsed:
        return None
    best, stated = parsed[0]
    _, method, weak, _ = _date_rule(best.origin)
    day = stated.when.date()
    precise = max((pair for pair in parsed if pair[1].when.date() == day),
                  key=lambda pair: (bool(pair[1].zone), _has_time(pair[1].when)))
    if precise[1].zone and not stated.zone and method != "explicit":
        note(article, f"date {day} from {best.origin}, time and zone from {precise[0].origin}")
        best, stated = precise
    note(article, f"date from {best.origin}: {best.value!r} -> {stated.when.isoformat()}")
    for item, other in parsed:
        if item is not best:
            verdict = "agrees" if other.when.date() == day else "lost (less trusted)"
            note(article, f"  date from {item.origin}: {other.when.date()} {verdict}")
    return stated.when, method, f"{best.origin}: {best.value}", weak


def _date_rule(origin: str) -> tuple[str, str, bool, int]:
    return next((rule for rule in DATE_ORDER if origin.startswith(rule[0])),
                ("", "html-meta", False, 2))


def _has_time(when: datetime) -> bool:
    return (when.hour, when.minute, when.second) != (0, 0, 0)
