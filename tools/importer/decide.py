"""Choose title, date, language and outlet from every signal an input carries, and say why.

Each choice appends a line to `article.decisions` (shown by --explain): which signal won and
why the others lost. Order of trust, strongest first:
- title: --title/sidecar, front matter, a page title signal (JSON-LD headline, og:title,
  twitter:title, <h1>, <title> without the site's name) that the page shows as a line of its
  own or that other signals repeat, then the line the body finder took for the headline;
- date: --date/sidecar, front matter, the page's metadata (JSON-LD datePublished, <meta>
  published time, <time datetime>), a "Published ..." line, the date in the URL, htmldate,
  then inference from weekday mentions (tools/importer/dates.py). A same-day value that states the
  time and zone is preferred to a bare day;
- outlet: --source/sidecar, front matter, the site profile, og:site_name, JSON-LD publisher,
  the URL's domain.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from tools.importer.article import Article
from tools.importer.datetext import Stated, parse_stated
from tools.importer.signals import Evidence

DATE_ORDER = (  # (origin prefix, Date_method, weak?, rank): the first matching prefix counts
    ("--date", "explicit", False, 0), ("sidecar", "explicit", False, 0),
    ("export field", "explicit", False, 0), ("front matter", "front-matter", False, 1),
    ("JSON-LD", "html-meta", False, 2), ("<meta", "html-meta", False, 2),
    ("<time", "html-meta", False, 2), ("date line", "dateline", False, 3),
    ("URL", "url", False, 4), ("htmldate (extensive", "htmldate", True, 7),
    ("htmldate", "htmldate", False, 5), ("lone date line", "dateline", False, 6),
)
TITLE_TRUST = ("sidecar", "export field", "front matter", "JSON-LD", "<meta og:title>",
               "<h1>", "<meta twitter:title>", "<meta headline>", "<title>", "body")


def of(article: Article, field: str) -> list[Evidence]:
    return [e for e in article.evidence if e.field == field]


def note(article: Article, text: str) -> None:
    article.decisions.append(" ".join(text.split()))


def _rank(origin: str, order: Sequence[str]) -> int:
    return next((i for i, prefix in enumerate(order) if origin.startswith(prefix)), len(order))


def choose_title(article: Article, shown_lines: Sequence[str], site_names: Sequence[str],
                 body_title: str, body_first: bool = False) -> tuple[str, bool]:
    """The title and whether it rests on weak evidence: no page title signal repeats it and
    (for the body finder's line) it is not the first line of the text (`body_first`)."""
    from tools.importer.extract_html import clean_title

    firm = [e for e in of(article, "title")
            if e.origin.startswith(("sidecar", "export field", "front matter"))]
    if firm:
        return _take(article, firm[0], of(article, "title")), False
    shown = {" ".join(line.split()).casefold() for line in shown_lines if line.strip()}
    cleaned = [Evidence("title", clean_title(html.unescape(e.value), list(site_names)),
                        e.origin) for e in of(article, "title")]
    names = {name.casefold() for name in site_names}
    cleaned = [e for e in cleaned if e.value and e.value.casefold() not in names] \
        or [e for e in cleaned if e.value]  # the outlet's own name is a title only if alone
    if body_title:
        cleaned.append(Evidence("title", clean_title(body_title, list(site_names)),
                                "body: headline-like line"))
    if not cleaned:
        return "", True

    def agreeing(item: Evidence) -> int:
        """Signals giving this title; a headline the page displays also counts the signals
        whose title it extends (a kicker: `In Picture: <og:title>`)."""
        key = item.value.casefold()
        displayed = item.origin.startswith(("body", "<h1>")) and key in shown
        return sum(other.value.casefold() == key or _suffixed(other.value, key)
                   or displayed and _extends(key, other.value) for other in cleaned)

    def score(item: Evidence) -> tuple[int, int]:
        """Signals that give this title, plus one if the page shows it as a line."""
        return agreeing(item) + (item.value.casefold() in shown), -_rank(item.origin, TITLE_TRUST)

    best = max(cleaned, key=score)
    shown_best, agree = best.value.casefold() in shown, agreeing(best)
    from_body = best.origin.startswith("body")
    weak = not (agree > 1 or (shown_best and not from_body) or (from_body and body_first))
    why = f"{agree} signal{'s' if agree > 1 else ''} give it" + \
        (", shown on the page as a line" if shown_best else "")
    return _take(article, best, cleaned, why), weak


_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " ⋆")


def _suffixed(value: str, title: str) -> bool:
    """Whether a signal is the title plus a tail such as ` | Site name` (3+ word titles)."""
    value = value.casefold()
    return len(title.split()) >= 3 and any(value.startswith(title + sep) for sep in _SEPARATORS)


def _extends(displayed: str, title: str) -> bool:
    """Whether a displayed headline is the title with words before it (3+ word titles)."""
    title = title.casefold()
    return len(title.split()) >= 3 and displayed.endswith(" " + title)


def _take(article: Article, best: Evidence, others: Sequence[Evidence], why: str = "") -> str:
    note(article, f"title from {best.origin}: {best.value!r}" + (f" ({why})" if why else ""))
    for other in others:
        if other.value.casefold() != best.value.casefold():
            note(article, f"  title not from {other.origin}: {other.value!r}")
    return best.value


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
