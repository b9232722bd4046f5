"""Tags and category from the controlled vocabulary, matched on the cleaned title and body only
(never on removed junk: a read-also headline must not tag the article)."""

from __future__ import annotations

from collections import Counter

from tools.article import Article
from tools.vocabulary import Fact, Vocabulary


def find_entities(text: str, vocab: Vocabulary) -> Counter[str]:
    """Canonical names mentioned in text, with how often (whole words; risky forms exactly)."""
    loose, exact = vocab.matcher
    found: Counter[str] = Counter()
    names: dict[str, str | None] = {}  # the same alias comes back often
    for match in loose.finditer(text):
        alias = match.group(0)
        if alias not in names:
            names[alias] = vocab.resolve(alias)
        name = names[alias]
        if name:
            found[name] += 1
    if exact is not None:
        for match in exact.finditer(text):
            name = vocab._exact.get(match.group(0))
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


def tag_article(article: Article, vocab: Vocabulary) -> None:
    """Set tags (sorted canonical names) and category from the cleaned text."""
    text = "\n".join([article.title, *article.paragraphs])
    found = find_entities(text, vocab)
    article.tags = sorted(found, key=str.casefold)
    article.category = choose_category(found, vocab)


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
