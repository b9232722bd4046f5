"""Tags and category from the controlled vocabulary, matched on the cleaned title and body only
(never on removed junk: a read-also headline must not tag the article).

Tags are chosen and ordered by salience (tools/data/salience.yaml): how often a name is
mentioned, whether the title or the lead names it, and its kind. A 282-word report that names
Washington, Moscow, Iran and Baku once each in passing is about Nagorno-Karabakh, not those."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from tools.datayaml import load_yaml_text
from tools.errors import RuleError
from tools.importer.article import Article
from tools.vocabulary import Fact, Vocabulary

SALIENCE_PATH = Path(__file__).resolve().parents[1] / "data" / "salience.yaml"


@dataclass(frozen=True)
class Salience:
    """The scoring rules of tools/data/salience.yaml."""

    mention: float
    lead: float
    title: float
    keep: dict[str, float]
    min_tags: int
    max_tags: int


@lru_cache(maxsize=4)
def load_salience(path: Path = SALIENCE_PATH) -> Salience:
    """Read the salience rules; a missing or mistyped value is an error naming the file."""
    try:
        doc = load_yaml_text(path.read_text(encoding="utf-8")) or {}
        weights, keep = doc["weights"], doc["keep"]
        return Salience(mention=float(weights["mention"]), lead=float(weights["lead"]),
                        title=float(weights["title"]),
                        keep={str(k): float(v) for k, v in keep.items()},
                        min_tags=int(doc["min_tags"]), max_tags=int(doc["max_tags"]))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RuleError(f"{path}: cannot read the salience rules ({exc!r}); it needs weights "
                        "(mention, lead, title), keep (a score per kind), min_tags and "
                        "max_tags") from exc


def find_entities(text: str, vocab: Vocabulary, lang: str = "") -> Counter[str]:
    """Canonical names mentioned in text, with how often (whole words; risky forms exactly;
    in an inflecting language, inflected forms too)."""
    loose, exact = vocab.matchers(lang)
    found: Counter[str] = Counter()
    names: dict[str, str | None] = {}  # the same alias comes back often
    for alias in loose.findall(text):
        if alias not in names:
            names[alias] = vocab.resolve(alias)
        name = names[alias]
        if name:
            found[name] += 1
    if exact is not None:
        for alias in exact.findall(text):
            name = vocab.resolve(alias)
            if name:
                found[name] += 1
    return found


def choose_category(found: Counter[str], vocab: Vocabulary) -> str:
    """The conflict whose trigger entities are mentioned most (ties: vocabulary order)."""
    best, best_hits = "", 0
    for conflict in vocab.conflicts:
        hits = sum(found[t] for t in conflict.triggers)
        if hits > best_hits:
            best, best_hits = conflict.name, hits
    return best


def mentions_by_part(title: str, paragraphs: list[str], vocab: Vocabulary, lang: str = ""
                     ) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Names mentioned in the title, the lead (first paragraph) and the rest, with counts: one
    pass over the text, in three pieces."""
    in_title = find_entities(title, vocab, lang)
    in_lead = find_entities(paragraphs[0], vocab, lang) if paragraphs else Counter()
    in_rest = find_entities("\n".join(paragraphs[1:]), vocab, lang)
    return in_title, in_lead, in_rest


def salience_scores(parts: tuple[Counter[str], Counter[str], Counter[str]],
                    rules: Salience) -> dict[str, float]:
    """Each mentioned name's score: mentions, plus a bonus for the title and for the lead."""
    in_title, in_lead, in_rest = parts
    return {name: rules.mention * (in_title[name] + in_lead[name] + in_rest[name])
            + rules.title * (name in in_title) + rules.lead * (name in in_lead)
            for name in in_title | in_lead | in_rest}


def choose_tags(scores: dict[str, float], vocab: Vocabulary, rules: Salience) -> list[str]:
    """The telling names, most telling first (ties: name order, so re-imports give no diff)."""
    ranked = sorted(scores, key=lambda name: (-scores[name], name.casefold()))
    kept = [name for name in ranked
            if scores[name] >= rules.keep.get(vocab.by_name[name].kind, rules.mention)]
    if len(kept) < rules.min_tags:
        kept = ranked[:rules.min_tags]
    return kept[:rules.max_tags]


def tag_article(article: Article, vocab: Vocabulary, rules: Salience | None = None) -> None:
    """Set tags (most telling first) and category from the cleaned text."""
    rules = rules or load_salience()
    parts = mentions_by_part(article.title, article.paragraphs, vocab, article.lang)
    article.tags = choose_tags(salience_scores(parts, rules), vocab, rules)
    article.category = choose_category(parts[0] + parts[1] + parts[2], vocab)


def applicable_facts(text: str, vocab: Vocabulary) -> list[tuple[str, Fact]]:
    """Dated facts of entities mentioned in text whose context phrase also appears."""
    found = find_entities(text, vocab)
    folded = text.casefold()
    facts = []
    for name in sorted(found):
        for fact in vocab.by_name[name].facts:
            if not fact.context or any(c.casefold() in folded for c in fact.context):
                facts.append((name, fact))
    return facts
