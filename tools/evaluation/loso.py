"""Leave-site-out: score each site without the rule patterns only it triggers.

A rule pattern that matches lines on one development site only may have been tuned to that
site. Each page is scored without the patterns that match on its own site and on no other:
an estimate of the importer on a site it has never seen. (Site profiles are never used in the
evaluation, and no repeated lines are learned from the batch.)
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from tools.evaluation.pages import Page
from tools.importer.read import read_input
from tools.importer.rules import Rule

PatternKey = tuple[int, int]  # (rule index, pattern index) in the common rules


def page_lines(page: Page) -> list[str]:
    """The page's visible text, one block a line: its text dump."""
    return [line for line in read_input(page.input("raw_text")).text.split("\n") if line.strip()]


def page_hits(page: Page, rules: tuple[Rule, ...]) -> set[PatternKey]:
    """The rule patterns that match a line of the page."""
    lines = page_lines(page)
    return {(r, p) for r, rule in enumerate(rules) for p, pattern in enumerate(rule.patterns)
            if any(pattern.search(line) for line in lines)}


def sites_by_pattern(hits: Iterable[tuple[str, set]]) -> dict[PatternKey, set[str]]:
    """For every rule pattern, the sites on whose pages it matches (from (site, hits) pairs)."""
    sites: dict[PatternKey, set[str]] = defaultdict(set)
    for site, keys in hits:
        for key in keys:
            sites[key].add(site)
    return sites


def single_site_patterns(sites: dict[PatternKey, set[str]]) -> dict[str, set[PatternKey]]:
    """Site -> the patterns that match on that site only."""
    only: dict[str, set[PatternKey]] = defaultdict(set)
    for key, found in sites.items():
        if len(found) == 1:
            only[next(iter(found))].add(key)
    return dict(only)


def rules_without(rules: tuple[Rule, ...], dropped: set[PatternKey]) -> tuple[Rule, ...]:
    """The rules minus the dropped patterns (a rule left with none is left out)."""
    kept = []
    for r, rule in enumerate(rules):
        patterns = tuple(pat for p, pat in enumerate(rule.patterns) if (r, p) not in dropped)
        if patterns:
            kept.append(dataclasses.replace(rule, patterns=patterns))
    return tuple(kept)


def described(rules: tuple[Rule, ...], keys: set[PatternKey]) -> list[str]:
    """`rule-id#pattern-index` for each key, sorted (what a site was scored without)."""
    return sorted(f"{rules[r].id}#{p}" for r, p in keys)


CACHE_DIR = Path(__file__).resolve().parents[2] / "cache" / "eval"


def rules_digest(rules: tuple[Rule, ...]) -> str:
    """A short hash of the rule patterns: the cache of page hits is valid while it holds."""
    text = "\n".join(f"{rule.id}\t{p.pattern}\t{p.flags}\t{getattr(p, 'requires', '')}"
                     for rule in rules for p in rule.patterns)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def page_key(page: Page) -> str:
    return f"{page.root.resolve()}/{page.stem}"


def pattern_sites(every: list[Page], rules: tuple[Rule, ...],
                  mapper: Callable[[Callable, list[Page]], Iterable[tuple[str, list]]],
                  cache_dir: Path | None = CACHE_DIR) -> dict[PatternKey, set[str]]:
    """For every rule pattern, the sites it matches on among `every` page. Which patterns a
    page matches is kept in `cache_dir` (per rule set; None: not kept), so a quick run need
    not read all pages again; `mapper` is map or a pool's imap_unordered."""
    cache = cache_dir / f"loso-{rules_digest(rules)}.json" if cache_dir else None
    known: dict[str, list] = {}
    if cache and cache.is_file():
        known = json.loads(cache.read_text("utf-8"))
    todo = [page for page in every if page_key(page) not in known]
    if todo:
        known.update(mapper(_keyed_hits, todo))
    if todo and cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(known, sort_keys=True), "utf-8")
        partial.replace(cache)
    return sites_by_pattern((page.site, {tuple(k) for k in known[page_key(page)]})
                            for page in every)


def _keyed_hits(page: Page) -> tuple[str, list]:
    from tools.importer.rules import load_common_rules

    return page_key(page), sorted(page_hits(page, load_common_rules()))
