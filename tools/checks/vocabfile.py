"""Checks on tools/data/vocabulary.yaml and tools/data/languages.yaml.

The importer resolves an alias to the first entity that claims it, so an alias shared by two
entities silently tags articles with the wrong one: that is an error here, with both lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from slugify import slugify

from tools.checks import Findings
from tools.checks.yamlnodes import compose, items, line, mapping, scalars
from tools.errors import RuleError
from tools.vocabulary import KINDS, load_vocabulary

ALIAS_KEYS = ("aliases", "case_sensitive", "contexts")


def check_vocabulary_file(path: Path, out: Findings) -> None:
    """Names, kinds, slugs, aliases and conflict triggers of the vocabulary."""
    root = compose(path, out)
    if root is None:
        return
    fields = mapping(root)
    if "entities" not in fields:
        out.error(1, "no `entities:` list", "see the comment at the top of vocabulary.yaml")
        return
    names = _entities(items(fields["entities"][0]), out)
    if "inflection" in fields:
        _inflection(*fields["inflection"], out)
    for node in items(fields["conflicts"][0]) if "conflicts" in fields else []:
        conflict = mapping(node)
        for text, number in scalars(conflict["triggers"][0]) if "triggers" in conflict else []:
            if text not in names:
                out.error(number, f"conflict trigger {text!r} is not an entity name",
                          "triggers are canonical `name:`s from the entities list")
    if not any(p.severity == "error" for p in out):
        try:
            load_vocabulary.__wrapped__(path)
        except RuleError as exc:
            out.error(1, str(exc).removeprefix(f"{path}: "), "fix the entry it names")


def _inflection(node: yaml.Node, at: int, out: Findings) -> None:
    """`inflection:`: languages (codes), keep and ending (whole numbers), vowels (letters)."""
    fields = mapping(node)
    hint = ("see the comment at the top of vocabulary.yaml: languages: [ru, az], keep: 4, "
            "ending: 3, vowels: \"aeiou\"")
    if not isinstance(node, yaml.MappingNode) or "languages" not in fields \
            or not items(fields["languages"][0]):
        out.error(at, "`inflection:` needs a list of `languages:`", hint)
    for key in ("keep", "ending"):
        value, number = fields.get(key, (None, at))
        if not isinstance(value, yaml.ScalarNode) or not value.value.isdigit():
            out.error(number, f"`inflection:` needs `{key}:` as a whole number", hint)
    value, number = fields.get("vowels", (None, at))
    if not isinstance(value, yaml.ScalarNode) or not value.value:
        out.error(number, "`inflection:` needs `vowels:`, the letters a declined word may "
                  "lose", hint)


def _entities(nodes: list[yaml.Node], out: Findings) -> set[str]:
    names: dict[str, int] = {}
    slugs: dict[str, int] = {}
    claimed: dict[str, tuple[str, int]] = {}  # casefolded alias or name -> (entity, line)
    canonical: set[str] = set()
    for node in nodes:
        fields = mapping(node)
        name = fields["name"][0].value if "name" in fields else ""
        at = fields["name"][1] if "name" in fields else line(node)
        if not str(name).strip():
            out.error(at, "an entity without a `name:`", "every entity needs `name:` and `kind:`")
            continue
        kind = fields["kind"][0].value if "kind" in fields else ""
        if kind not in KINDS:
            out.error(fields["kind"][1] if "kind" in fields else at,
                      f"entity {name!r} has kind {kind!r}",
                      f"use one of {', '.join(sorted(KINDS))}")
        _unique(name, names, at, "name", out)
        canonical.add(name)
        slug = fields["slug"][0].value if "slug" in fields else slugify(name)
        _unique(slug, slugs, at, "slug (tag URL)", out)
        _aliases(name, at, fields, claimed, out)
        _names(name, fields, out)
    return canonical


def _names(name: str, fields: dict, out: Findings) -> None:
    """`names:` entries need a name and a language; `note:` is one text."""
    for node in items(fields["names"][0]) if "names" in fields else []:
        entry = mapping(node)
        missing = [key for key in ("name", "lang") if not str(
            entry[key][0].value if key in entry else "").strip()]
        if missing:
            out.error(line(node), f"a name of {name!r} has no `{'`, `'.join(missing)}:`",
                      "write {name: ..., lang: hy, used_by: ...}; lang is an ISO 639-1 code, "
                      "optionally with its script (hy-Latn)")
    if "note" in fields and not isinstance(fields["note"][0], yaml.ScalarNode):
        out.error(fields["note"][1], f"the note of {name!r} is not a text",
                  "write `note:` as one quoted sentence or a folded block (note: >-)")


def _unique(key: str, seen: dict[str, int], at: int, what: str, out: Findings) -> None:
    if key.casefold() in seen:
        out.error(at, f"duplicate entity {what} {key!r} (first on line {seen[key.casefold()]})",
                  "merge the two entries into one")
    seen.setdefault(key.casefold(), at)


def _aliases(name: str, at: int, fields: dict, claimed: dict, out: Findings) -> None:
    forms = [(name, at, "name")]
    for key in ALIAS_KEYS:
        forms += [(text, n, key) for text, n in scalars(fields[key][0])] if key in fields else []
    for node in items(fields["names"][0]) if "names" in fields else []:
        entry = mapping(node)
        forms += [(t, n, "names") for t, n in scalars(entry["name"][0])] if "name" in entry else []
    mine: set[str] = set()
    for text, number, key in forms:
        folded = text.casefold() if key in ("aliases", "name", "names") else text
        if not text.strip():
            out.error(number, f"entity {name!r} has an empty alias", "delete the empty entry")
            continue
        owner = claimed.get(folded)
        if owner and owner[0] != name:
            out.error(number, f"{text!r} of {name!r} is already an alias or name of {owner[0]!r} "
                      f"(line {owner[1]})", "an alias may belong to one entity only; keep it "
                      "on the entity articles mean most often")
        elif folded in mine and folded != name.casefold() and key != "names":
            out.warning(number, f"{text!r} is listed twice for {name!r}", "delete the repeat")
        mine.add(folded)
        claimed.setdefault(folded, (name, number))


def check_languages_file(path: Path, out: Findings) -> None:
    """languages.yaml: a `languages:` mapping of two-letter ISO 639-1 codes to names."""
    root = compose(path, out)
    if root is None:
        return
    fields = mapping(root)
    if "languages" not in fields:
        out.error(1, "no `languages:` mapping", "write `languages:` then `  id: Bahasa Indonesia`")
        return
    for code, (_, number) in mapping(fields["languages"][0]).items():
        if not re.fullmatch(r"[a-z]{2}", code):
            out.error(number, f"{code!r} is not a two-letter ISO 639-1 code",
                      "use lowercase codes such as id, en, ru, az, hy, ka")
