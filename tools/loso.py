"""Leave-one-site-out check of the generic rules (`python -m tools eval --leave-site-out`).

A rule pattern that matches lines on one corpus site only may have been tuned to that site. Each
site is scored without the patterns only it triggers, without profiles and without learned
repeats (each file alone): an estimate of the importer on a site it has never seen.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections import defaultdict
from pathlib import Path

from tools.evaluate import KINDS, Score, expected, score_file
from tools.extract_html import site_key
from tools.pipeline import Options, prepare
from tools.repeats import Repeats
from tools.rules import Rule, load_common_rules
from tools.slugs import Slugger

PatternKey = tuple[int, int]  # (rule index, pattern index) in the common rules


def site_of(corpus: Path, path: Path) -> str:
    """The site a corpus file comes from: the registrable domain of its expected URL."""
    return site_key(expected(corpus, path).get("url", "")) or path.stem


def pattern_sites(corpus: Path, rules: tuple[Rule, ...]) -> dict[PatternKey, set[str]]:
    """For every rule pattern, the sites on whose pages (dumps and HTML) it matches a line."""
    hits: dict[PatternKey, set[str]] = defaultdict(set)
    for kind, suffix in KINDS.items():
        for path in sorted((corpus / kind).glob(f"*{suffix}")):
            article = prepare(path, Options(use_profiles=False))
            lines = [line for line in article.lines + article.page_lines if line.strip()]
            site = site_of(corpus, path)
            for r, rule in enumerate(rules):
                for p, pattern in enumerate(rule.patterns):
                    if any(pattern.search(line) for line in lines):
                        hits[r, p].add(site)
    return hits


def rules_without(rules: tuple[Rule, ...], dropped: set[PatternKey]) -> tuple[Rule, ...]:
    """The rules minus the dropped patterns (a rule left with none is left out)."""
    kept = []
    for r, rule in enumerate(rules):
        patterns = tuple(pat for p, pat in enumerate(rule.patterns) if (r, p) not in dropped)
        if patterns:
            kept.append(dataclasses.replace(rule, patterns=patterns))
    return tuple(kept)


def score_leave_site_out(corpus: Path, kind: str) -> tuple[list[Score], dict[str, list[str]]]:
    """Scores of every file of one kind with its own site's single-site patterns removed, and
    those patterns (as rule ids) per site."""
    rules = load_common_rules()
    only: dict[str, set[PatternKey]] = defaultdict(set)
    for key, sites in pattern_sites(corpus, rules).items():
        if len(sites) == 1:
            only[next(iter(sites))].add(key)
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        slugger = Slugger(Path(tmp))
        for path in sorted((corpus / kind).glob(f"*{KINDS[kind]}")):
            dropped = only.get(site_of(corpus, path), set())
            options = Options(dry_run=True, use_profiles=False,
                              common_rules=rules_without(rules, dropped))
            scores.append(score_file(path, kind, expected(corpus, path), options, Repeats(),
                                     slugger))
    tuned = {site: sorted(f"{rules[r].id}#{p}" for r, p in keys) for site, keys in only.items()}
    return scores, tuned
