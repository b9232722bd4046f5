"""Checks on the junk-rule files (tools/data/rules/*.yaml) and site profiles (tools/data/sites/).

A rule whose pattern is empty would delete every line; a rule whose own examples do not match
is wrong about what it removes. Both are reported with the line of the rule.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tools.checks import Findings, closest, shown_path
from tools.checks.yamlnodes import compose, items, line, mapping, scalars, value
from tools.errors import RuleError
from tools.importer.rules import SlowPatternError, expand, parse_rule
from tools.regexsafety import SAFE_HINT, nested_repeat

SITE_KEYS = {"name", "domains", "detect", "timezone", "dateline", "editor_code", "rules"}
PATTERN_HINT = "write a Python regular expression that matches only the junk, e.g. '^Baca juga:'"


def check_rules_file(path: Path, out: Findings, seen_ids: dict[str, str]) -> None:
    """Every rule of a rules/*.yaml file: well formed, non-empty patterns, examples that match."""
    root = compose(path, out)
    if root is None:
        return
    rules = mapping(root).get("rules")
    if rules is None:
        out.error(1, "no `rules:` list",
                  "start the file with `rules:` and one `- id: ...` per rule")
        return
    for node in items(rules[0]):
        check_rule(node, out, seen_ids)


def check_rule(node: yaml.Node, out: Findings, seen_ids: dict[str, str]) -> None:
    """One rule mapping: parse it as the importer does, then test its examples."""
    fields = mapping(node)
    at = line(node)
    rid = fields["id"][0].value if "id" in fields else ""
    if rid in seen_ids:
        out.error(at, f"rule id {rid!r} is also used in {seen_ids[rid]}",
                  "give each rule its own id")
    seen_ids.setdefault(rid, f"{shown_path(out.path)}:{at}")
    patterns = fields.get("patterns") or fields.get("pattern")
    parts = value(fields["parts"][0]) if "parts" in fields else {}
    for text, number in pattern_scalars(patterns[0]) if patterns else []:
        if not text.strip():
            out.error(number, f"rule {rid!r} has an empty pattern, which matches every line",
                      PATTERN_HINT)
        else:
            _pattern(text, number, f"rule {rid!r}", out, valid_only=False,
                     parts=parts if isinstance(parts, dict) else {})
    try:
        rule = parse_rule(value(node), str(out.path))
    except SlowPatternError:
        return  # reported above, on the pattern's line
    except (RuleError, AttributeError, TypeError) as exc:
        message = str(exc).removeprefix(f"{out.path}: ")
        out.error(at, message, PATTERN_HINT)
        return
    examples = scalars(fields["examples"][0]) if "examples" in fields else []
    if not examples:
        out.error(at, f"rule {rid!r} has no example",
                  "add `examples: [\"...\"]` with a line it removes, so `make check` tests it")
    for text, number in examples:
        if rule.search(text) is None:
            out.error(number, f"rule {rid!r} does not match its own example {text!r}",
                      "fix the pattern, or the example if the site's wording changed")
    for text, number in scalars(fields["counter_examples"][0]) if "counter_examples" in fields \
            else []:
        if rule.search(text) is not None:
            out.error(number, f"rule {rid!r} matches its counter-example {text!r}",
                      "make the pattern stricter so this line is kept")


def check_site_file(path: Path, out: Findings, seen_names: dict[str, str],
                    seen_ids: dict[str, str]) -> None:
    """A site profile: a unique name, valid patterns, and rules that pass `check_rule`."""
    root = compose(path, out)
    if root is None:
        return
    fields = mapping(root)
    name = fields["name"][0].value if "name" in fields else ""
    if not str(name).strip():
        out.error(1, "a site profile needs a `name:`", "add `name: <display name of the site>`")
    elif name.casefold() in seen_names:
        other = seen_names[name.casefold()]
        out.error(fields["name"][1], f"site name {name!r} is also used in {other}",
                  "each site has one profile")
    seen_names.setdefault(str(name).casefold(), shown_path(path))
    for key, (_, number) in fields.items():
        if key not in SITE_KEYS:
            guess = closest(key, {k: k for k in SITE_KEYS}, n=1)
            out.warning(number, f"unknown key `{key}:` in a site profile is ignored",
                        f"did you mean `{guess[0]}:`?" if guess else
                        f"the keys are {', '.join(sorted(SITE_KEYS))}")
    for key in ("detect", "dateline", "editor_code"):
        for text, number in pattern_scalars(fields[key][0]) if key in fields else []:
            _pattern(text, number, f"`{key}:`", out)
    for node in items(fields["rules"][0]) if "rules" in fields else []:
        check_rule(node, out, seen_ids)


def pattern_scalars(node: yaml.Node) -> list[tuple[str, int]]:
    """(text, line) of each pattern of a pattern list: a pattern alone, or the `pattern:` of a
    `{requires: [...], pattern: ...}` entry."""
    if not isinstance(node, yaml.SequenceNode):
        return scalars(node)
    found = []
    for item in items(node):
        entry = mapping(item).get("pattern")
        found += scalars(entry[0] if entry else item)
    return found


def _pattern(text: str, number: int, key: str, out: Findings, valid_only: bool = True,
             parts: dict | None = None) -> None:
    """An empty or broken pattern (`valid_only`: rules report those themselves), or one that
    can backtrack for hours once its names (`{month}`, a rule's `parts:`) are filled in."""
    if valid_only and not text.strip():
        out.error(number, f"{key} has an empty pattern, which matches everything", PATTERN_HINT)
        return
    try:
        full = expand(text, parts)
        re.compile(full)
    except (re.error, RuleError, TypeError) as exc:
        if valid_only:
            out.error(number, f"{key} is not a valid regular expression ({exc})",
                      PATTERN_HINT)
        return
    danger = nested_repeat(full)
    if danger:
        out.error(number, f"{key} pattern {text!r} can take hours on one long line ({danger})",
                  SAFE_HINT)


def check_agencies_file(path: Path, out: Findings) -> None:
    """agencies.yaml: its `citing` pattern must compile and must not backtrack for hours."""
    root = compose(path, out)
    fields = mapping(root) if root is not None else {}
    for text, number in scalars(fields["citing"][0]) if "citing" in fields else []:
        _pattern(text, number, "`citing:`", out)
