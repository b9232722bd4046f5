"""The title: from the page's own title signals, matched against the text it shows.

A page names its article several times: JSON-LD headline, og:title, twitter:title, `<title>`
(often with the site's name: `Headline - Site`, `Site: Headline`), `<h1>` (sometimes the site's
or the section's name on old pages). The article's title is the one the page displays as its
headline, right above the text, and that another signal or the lead confirms; a `<title>` part
that the page displays there counts as well (`IOL: Headline` with `Headline` above the text).
Without such a line, the title most signals agree on wins, without the site's name.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from tools.importer.article import Article
from tools.importer.lines import is_markup, line_key, reading_words
from tools.importer.signals import Evidence

TITLE_TRUST = ("sidecar", "export field", "front matter", "JSON-LD", "<meta og:title>",
               "<h1>", "<meta twitter:title>", "<meta headline>", "<title>", "body")
SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " ⋆", " » ", " « ")
_SPLIT = re.compile(r"\s+(?:[|–—\-•·»«:]|::|⋆)\s+|(?<=\w):\s+|\s+-{2,}\s+")
_DOMAIN = re.compile(r"(?i)^\W*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\W*$")
_WORD = re.compile(r"\w+")
NEAR_LINES = 30  # a headline stands at most this many nonblank lines above the text
LEAD_WORDS = 8  # the text's first line: one of its first paragraphs this long
SITE_SHARE = 0.6  # a title part is the site's name when the name is most of it


def is_site_part(part: str, names: Sequence[str]) -> bool:
    """Whether a part of a title names the site: a domain, or mostly one of its names
    (`Guardian Unlimited Sport` for `guardian`, not `Dropbox’s ATF` for `dropbox`)."""
    low = part.casefold().strip()
    if not low or len(low) > 60:
        return False
    if _DOMAIN.match(low):
        return True
    letters = re.sub(r"\W", "", low)
    for name in names:
        name = re.sub(r"\W", "", name.casefold())
        if len(name) >= 2 and name in letters and len(name) >= SITE_SHARE * len(letters):
            return True
    return False


def strip_site(title: str, names: Sequence[str]) -> str:
    """The title without leading or trailing parts that name the site (`Headline | Site`,
    `Site: Headline`, `Site - Section - Headline`)."""
    title = " ".join(title.split())
    parts = _SPLIT.split(title)
    first, last = 0, len(parts)
    while last - first > 1 and is_site_part(parts[last - 1], names):
        last -= 1
    while last - first > 1 and is_site_part(parts[first], names):
        first += 1
    if (first, last) == (0, len(parts)):
        return title
    start = title.index(parts[first])
    end = title.rindex(parts[last - 1]) + len(parts[last - 1])
    return title[start:end]


def provisional_title(candidates: Sequence[str], site_names: Sequence[str],
                      page_lines: Sequence[str]) -> str:
    """A saved page's title before its text is found (the text finder's hint; `choose_title`
    decides later): among og:title, twitter:title, JSON-LD headline, <title>..., each without
    its site's name, one the page shows as a whole line, then the one most agree on, then
    the first."""
    cleaned = [strip_site(c, site_names) for c in candidates if c and c.strip()]
    if not cleaned:
        return ""
    shown = {line_key(line) for line in page_lines}

    def rank(pos: int) -> tuple[bool, int, int]:
        title = line_key(cleaned[pos])
        return title in shown, sum(line_key(c) == title for c in cleaned), -pos

    return cleaned[max(range(len(cleaned)), key=rank)]


def segments(title: str) -> list[str]:
    """The parts of a title between separators (two words or more), for matching against the
    lines a page displays."""
    parts = _SPLIT.split(" ".join(title.split()))
    return [p for p in parts if len(parts) > 1 and (len(p.split()) >= 2 or len(p) >= 8)]


def body_start(lines: Sequence[str], paragraphs: Sequence[str],
               titles: Sequence[str] = ()) -> int | None:
    """Where the article's text begins among the page's lines (its first paragraph that is
    no title candidate, matched by its opening words)."""
    skip = {line_key(t) for t in titles}
    keys = [line_key(p)[:60] for p in paragraphs[:4]
            if reading_words(p) >= LEAD_WORDS and line_key(p) not in skip][:2]
    for index, line in enumerate(lines):
        key = line_key(line)
        if len(key) >= 20 and any(k and (key.startswith(k) or k.startswith(key)) for k in keys):
            return index
    return None


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if len(w) > 3 or not w.isascii()}


def choose_title(article: Article, evidence: Sequence[Evidence], lines: Sequence[str],
                 site_names: Sequence[str], body_title: str, body_first: bool = False
                 ) -> tuple[str, bool]:
    """The title and whether it rests on weak evidence (no page title signal confirms it,
    and the page does not display it above the text)."""
    firm = [e for e in evidence if e.origin.startswith(("sidecar", "export field",
                                                        "front matter"))]
    if firm:
        return _take(article, firm[0], evidence), False
    signals = _signals(evidence, site_names, body_title)
    if not signals:
        return "", True
    parts = [Evidence("title", part, f"part of {e.origin}") for e in evidence
             for part in segments(html.unescape(e.value))]
    votes = _Votes(article, signals)
    at = _above_text(article, lines, [*signals, *parts], evidence)
    headed = [(at[line_key(e.value)], e) for e in [*signals, *parts]
              if line_key(e.value) in at and votes.confirmed(e)]
    if headed:
        distance, best = min(headed, key=lambda pair: (votes.agreeing(pair[1]) < 2, pair[0],
                                                       _rank(pair[1].origin)))
        agree = votes.agreeing(best)
        why = f"displayed {distance} lines above the text, {agree} signals give it"
        weak = best.origin.startswith("body") and not (agree > 1 or body_first)
        return _take(article, best, signals, why), weak  # a dump's line: see `weak` below
    shown = {line_key(line) for line in lines if line.strip()}
    best = max(signals, key=lambda e: (votes.agreeing(e) + (line_key(e.value) in shown),
                                       -_rank(e.origin)))
    agree, shown_best = votes.agreeing(best), line_key(best.value) in shown
    from_body = best.origin.startswith("body")
    weak = not (agree > 1 or (shown_best and not from_body) or (from_body and body_first))
    why = (f"{agree} signals give it" if agree > 1 else "1 signal gives it") + \
        (", shown on the page as a line" if shown_best else "")
    return _take(article, best, signals, why), weak


def _signals(evidence: Sequence[Evidence], site_names: Sequence[str],
             body_title: str) -> list[Evidence]:
    """The title signals without the site's name; the outlet's name or domain is a title only
    when nothing else is; the body finder's headline-like line last."""
    signals = [Evidence("title", strip_site(html.unescape(e.value), site_names), e.origin)
               for e in evidence]
    if body_title:
        signals.append(Evidence("title", strip_site(body_title, site_names),
                                "body: headline-like line"))
    signals = [e for e in signals if e.value and not is_markup(e.value)]
    names = {n.casefold() for n in site_names}
    return [e for e in signals if e.value.casefold() not in names
            and not _DOMAIN.match(e.value)] or signals


def _above_text(article: Article, lines: Sequence[str], candidates: Sequence[Evidence],
                evidence: Sequence[Evidence]) -> dict[str, int]:
    """The nonblank lines just above where the text starts -> how many lines above it
    (nothing to weigh when there is one candidate, e.g. a dump's line)."""
    one = len({line_key(e.value) for e in candidates}) <= 1
    start = None if one else body_start(lines, article.paragraphs,
                                         [e.value for e in [*evidence, *candidates]])
    at: dict[str, int] = {}
    above = [line for line in lines[:start or 0] if line.strip()]
    for distance, line in enumerate(reversed(above[-NEAR_LINES:]), 1):
        at.setdefault(line_key(line), distance)
    return at


class _Votes:
    """How many signals give a candidate, and whether anything confirms it."""

    def __init__(self, article: Article, signals: Sequence[Evidence]) -> None:
        self.signals = signals
        self.lead = _content(" ".join(article.paragraphs[:2]))
        # a page's body title is one of its signals, chosen before: it confirms nothing
        self.derived = {"body: headline-like line"} if article.kind == "html" else set()

    def agreeing(self, item: Evidence) -> int:
        key = item.value.casefold()
        return len({o.origin for o in self.signals if (line_key(o.value) == key
                    or _suffixed(o.value, key)) and o.origin not in self.derived})

    def confirmed(self, item: Evidence) -> bool:
        """Another signal gives it (or extends it), or it shares words with the lead."""
        words = _content(item.value)
        source = item.origin.removeprefix("part of ")
        return self.agreeing(item) > 1 or any(_related(item.value, o.value)
                                              for o in self.signals if o.origin != source) \
            or len(words & self.lead) >= max(1, len(words) // 3)


def _rank(origin: str) -> int:
    origin = origin.removeprefix("part of ")
    return next((i for i, p in enumerate(TITLE_TRUST) if origin.startswith(p)),
                len(TITLE_TRUST))


def _related(title: str, other: str) -> bool:
    """Whether two titles of one page share most of the shorter one's words."""
    mine, theirs = _content(title), _content(other)
    return bool(mine and theirs) and len(mine & theirs) >= 0.5 * min(len(mine), len(theirs))


def _suffixed(value: str, title: str) -> bool:
    """Whether a signal is the title plus a tail such as ` | Site name` (3+ word titles)."""
    value = value.casefold()
    return len(title.split()) >= 3 and any(value.startswith(title + sep) for sep in SEPARATORS)


def _take(article: Article, best: Evidence, others: Sequence[Evidence], why: str = "") -> str:
    from tools.importer.decide import note

    note(article, f"title from {best.origin}: {best.value!r}" + (f" ({why})" if why else ""))
    for other in others:
        if other.value.casefold() != best.value.casefold():
            note(article, f"  title not from {other.origin}: {other.value!r}")
    return best.value
