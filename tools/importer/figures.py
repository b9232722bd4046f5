"""Attributed figures: "Yerevan melaporkan 772 tentara Armenia dan 36 warga sipil tewas" becomes
two `Figures:` entries (tools/figures.py), who reports, what, whom, how many, as of the article's
day. Only sentences of the few certain shapes of tools/data/figures.yaml count: a number nobody
is named as reporting, or a noun the file does not list, is left alone (precision first,
measured by tests/test_figures_extraction.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from tools.datayaml import load_yaml_text
from tools.errors import RuleError
from tools.figures import CATEGORIES, Figure
from tools.importer.article import Article
from tools.importer.lines import line_key

FIGURES_PATH = Path(__file__).resolve().parents[1] / "data" / "figures.yaml"
LISTS = ("also", "reports", "that", "at_least", "and", "aux", "perfect", "according", "it",
         "said_after")
NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?!\d)|\d{1,7}(?![\d.,]\d)"
MAX_ITEMS = 8  # figures listed in one sentence: a bound keeps every search linear in the text
DIGIT = re.compile(r"\d")
CAPITALISED = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'-]*"
# Where a claimant may stand: the start of a sentence, or after a comma, colon or quote.
START = r"(?:^|(?<=[.!?,;:\"“‘(])\s*|(?<=[.!?,;:\"“‘(]\s))"


@dataclass(frozen=True)
class Language:
    """The compiled shapes of one language's section of figures.yaml."""

    claimants: dict[str, str]  # casefolded phrase -> claimant
    whom: dict[str, str]  # casefolded noun -> whom
    outcomes: dict[str, str]  # casefolded word -> category
    actions: dict[str, str]
    at_least: frozenset[str]
    shapes: tuple[re.Pattern[str], ...]
    item: re.Pattern[str]
    # A text without one of these (casefolded) substrings of each group holds no figure: cheap
    # substring tests spare the regular expressions most paragraphs (importer speed).
    needed: tuple[tuple[str, ...], ...]


def _words(words: Any) -> str:
    """A case-insensitive alternation of phrases, longest first, whole words, any spacing."""
    phrases = sorted({str(w).strip() for w in words if str(w).strip()}, key=len, reverse=True)
    parts = [r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases]
    return r"(?i:" + "|".join(parts) + r")(?![\w-])" if parts else r"(?!)"


def _folded(words: Any) -> tuple[str, ...]:
    return tuple(sorted({" ".join(str(w).casefold().split()) for w in words}))


def _reverse(mapping: dict[str, list[str]], path: Path, key: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for category, words in (mapping or {}).items():
        if category not in CATEGORIES:
            raise RuleError(f"{path}: `{key}` names the category {category!r}; the categories "
                            f"are {', '.join(CATEGORIES)}")
        out.update({" ".join(str(w).casefold().split()): category for w in words})
    return out


def compile_language(section: dict[str, Any], path: Path) -> Language:
    """Build the regular expressions of one language from its lists (see figures.yaml)."""
    lists = {name: _words(section.get(name) or []) for name in LISTS}
    claimants = {" ".join(k.casefold().split()): str(v)
                 for k, v in (section.get("claimants") or {}).items()}
    whom = {" ".join(str(k).casefold().split()): str(v)
            for k, v in (section.get("whom") or {}).items()}
    outcomes = _reverse(section.get("outcomes"), path, "outcomes")
    actions = _reverse(section.get("actions"), path, "actions")
    noun = _words(whom)
    modified = (rf"(?:{CAPITALISED}\s+)?{noun}" if section.get("modifier") == "before"
                else rf"{noun}(?:\s+{CAPITALISED})?")
    item = rf"(?:{lists['at_least']}\s+)?(?:{NUMBER})\s+{modified}"
    joiner = rf"(?:\s*,\s*(?:{lists['and']}\s+)?|\s+{lists['and']}\s+)"
    items = rf"(?P<items>{item}(?:{joiner}{item}){{0,{MAX_ITEMS - 1}}})"
    claim = rf"{START}(?P<claimant>{_words(claimants)})(?:\s+{lists['also']})?"
    said = rf"{claim}\s+{lists['reports']}(?:\s+{lists['that']})?\s+"
    outcome = rf"(?:{lists['aux']}\s+)?(?P<outcome>{_words(outcomes)})"
    shapes = (
        rf"{said}{items}\s+{outcome}",
        rf"{said}(?:{lists['it']}\s+)?(?:{lists['perfect']}\s+)?(?P<action>{_words(actions)})"
        rf"\s+{items}(?![\w-])",
        rf"{START}{lists['according']}\s+(?P<claimant>{_words(claimants)})\s*,\s*{items}\s+"
        rf"{outcome}",
        rf"{START}{items}\s+{outcome}[^.!?;]{{0,80}}?[,\"”]+\s*(?:(?P<claimant>{_words(claimants)})"
        rf"(?:\s+{lists['also']})?\s+{lists['reports']}|(?:{lists['reports']}|{lists['said_after']}|"
        rf"{lists['according']})\s+(?P<claimant2>{_words(claimants)}))(?=\s*(?:[.!?;,\"”]|$))",
    )
    one = rf"(?P<at_least>{lists['at_least']}\s+)?(?P<count>{NUMBER})\s+(?P<whom>{modified})"
    return Language(claimants, whom, outcomes, actions,
                    frozenset(str(w).casefold() for w in section.get("at_least") or []),
                    tuple(re.compile(shape) for shape in shapes), re.compile(one),
                    (_folded([*(section.get("reports") or []), *(section.get("according") or []),
                              *(section.get("said_after") or [])]),
                     _folded([*outcomes, *actions]), _folded(claimants)))


@lru_cache(maxsize=4)
def load_figure_rules(path: Path = FIGURES_PATH) -> dict[str, Language]:
    """figures.yaml compiled, per language code; an unreadable file is a RuleError."""
    try:
        doc = load_yaml_text(path.read_text(encoding="utf-8")) or {}
        sections = doc["languages"]
        return {str(code): compile_language(section, path) for code, section in sections.items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise RuleError(f"{path}: cannot read the figure patterns ({exc!r}); it needs "
                        "`languages:` with, per language code, the lists described at its "
                        "top") from exc


def _whom(rules: Language, text: str) -> str:
    """The ledger's name for a noun, with its capitalised neighbour in brackets."""
    words = text.split()
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            noun = rules.whom.get(line_key(" ".join(words[start:end])))
            if noun:
                rest = " ".join(words[:start] + words[end:])
                return f"{noun} ({rest})" if rest else noun
    return text


def find_figures(text: str, lang: str, as_of: str) -> list[Figure]:
    """The attributed figures in `text` (paragraphs of one language), in order, no repeats."""
    rules = load_figure_rules().get(lang)
    if rules is None or not DIGIT.search(text):
        return []
    folded = " ".join(text.casefold().split())
    if not all(any(word in folded for word in group) for group in rules.needed):
        return []
    found: list[tuple[int, Figure]] = []
    for shape in rules.shapes:
        for match in shape.finditer(text):
            groups = match.groupdict()
            claimant = rules.claimants[line_key(groups["claimant"] or groups.get("claimant2")
                                                or "")]
            category = (rules.outcomes[line_key(groups["outcome"])] if groups.get("outcome")
                        else rules.actions[line_key(groups["action"])])
            for item in rules.item.finditer(match.group("items")):
                count = int(re.sub(r"[.,]", "", item.group("count")))
                found.append((match.start() + item.start(), Figure(
                    as_of, claimant, category, _whom(rules, item.group("whom")), count,
                    bool(item.group("at_least")))))
    return list(dict.fromkeys(figure for _, figure in sorted(found, key=lambda f: f[0])))


def extract(article: Article) -> None:
    """Set article.figures from its cleaned paragraphs (the stage the pipeline calls)."""
    if article.date is None or not article.paragraphs:
        return
    as_of = article.date.date().isoformat()
    article.figures = [figure for paragraph in article.paragraphs
                       for figure in find_figures(paragraph, article.lang, as_of)]
