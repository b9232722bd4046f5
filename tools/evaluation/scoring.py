"""How an extraction is compared with the ground truth.

Bodies are compared as bags of lowercase word tokens, as the article-extraction benchmark does
(precision, recall and F1 over tokens, whitespace and punctuation ignored); a Chinese or Japanese
character counts as one token, as the development corpus counts words, so a page in those
scripts is not scored as a handful of sentence-long "words". Titles are compared after
whitespace, Unicode compatibility (NFKC: `？` is `?`, `…` is `...`) and quote normalisation
(typographic quotes are straight ones) and casefolding; an expected title that carries the
site's own name as a part (`How to Build a Terrarium | eHow` on ehow.com, as Readability's
metadata keeps it) also matches without that part, since the importer puts the outlet in
`Source:`. Dates are compared by calendar day.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date

from dateutil import parser as date_parser

from tools.importer.rules import load_common_rules

# One CJK ideograph, kana or hangul syllable, or a run of other word characters.
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text.lower()))


def overlap(got: str, want: str) -> tuple[float, float]:
    """Token precision and recall of `got` against `want`."""
    got_t, want_t = tokens(got), tokens(want)
    common = sum((got_t & want_t).values())
    precision = common / sum(got_t.values()) if got_t else 0.0
    recall = common / sum(want_t.values()) if want_t else 0.0
    return precision, recall


def f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def normalise_expected(text: str) -> str:
    """The expected body without a leading dateline and a trailing editor code (both metadata
    for the importer), found by the generic `dateline` and `editor-code` rules."""
    text = text.strip()
    for rule in load_common_rules():
        if rule.id == "dateline" and (match := rule.search(text)):
            text = text[match.end():]
        elif rule.id == "editor-code":
            last = text.rsplit("\n", 1)[-1]
            match = rule.search(last)
            if match:
                text = text[: len(text) - len(last) + match.start()]
    return text.strip()


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"',
                        "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"'})
_PARTS = re.compile(r"\s+(?:[|\-–—·•:]|::)\s+|\s*_|(?<=\w):\s+")
_SEPARATORS = " |-–—·•:_"
_NOT_SITE = {"www", "com", "org", "net", "co", "uk", "au", "ca", "edu", "gov", "html"}


def _norm_title(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split()).casefold()


def _site_part(part: str, site: str, outlet: str = "") -> bool:
    """Whether a part of a title is the site's name (`eHow` for ehow.com, `V8` for v8.dev),
    or the outlet the importer wrote in `Source:` (`Firefox Nightly News`)."""
    letters = re.sub(r"\W", "", part.casefold())
    labels = [label for label in re.split(r"[.-]", site.casefold())
              if len(label) >= 2 and label not in _NOT_SITE]
    name = re.sub(r"\W", "", outlet.casefold())
    return bool(letters) and (letters == name or any(
        label in letters and len(label) >= 0.6 * len(letters) for label in labels))


def same_title(got: str, want: str, site: str = "", outlet: str = "") -> bool:
    """Whether the title found is the expected one (see the module's docstring)."""
    got_n, want_n = _norm_title(got), _norm_title(want)
    if got_n == want_n:
        return True
    parts = [p for p in _PARTS.split(want_n) if p.strip(_SEPARATORS)]
    if (site or outlet) and len(parts) > 1:
        if _site_part(parts[-1], site, outlet):
            return want_n[: want_n.rindex(parts[-1])].rstrip(_SEPARATORS) == got_n
        if _site_part(parts[0], site, outlet):
            return want_n[want_n.index(parts[0]) + len(parts[0]):].lstrip(_SEPARATORS) == got_n
    return False


def truth_day(value: str) -> date | None:
    """The calendar day of a ground-truth date (ISO, or the free forms Readability records)."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return date_parser.parse(value, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None
