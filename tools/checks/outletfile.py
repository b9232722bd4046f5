"""Checks on tools/data/outlets.yaml: each outlet with a country, a language and a kind, and no
name, alias or domain claimed by two outlets (an article would be counted for the wrong one)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tools.checks import Findings
from tools.checks.yamlnodes import compose, items, line, mapping, scalars
from tools.outlets import KINDS

DOMAIN_RE = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")


def check_outlets_file(path: Path, out: Findings) -> None:
    """Every entry of `outlets:`, each problem at its line."""
    root = compose(path, out)
    if root is None:
        return
    fields = mapping(root)
    if "outlets" not in fields:
        out.error(1, "no `outlets:` list", "see the comment at the top of outlets.yaml")
        return
    claimed: dict[str, tuple[str, int]] = {}
    for node in items(fields["outlets"][0]):
        _outlet(node, claimed, out)


def _outlet(node: yaml.Node, claimed: dict[str, tuple[str, int]], out: Findings) -> None:
    fields = mapping(node)
    name = str(fields["name"][0].value).strip() if "name" in fields else ""
    at = fields["name"][1] if "name" in fields else line(node)
    if not name:
        out.error(at, "an outlet without a `name:`", "write the name articles use in `Source:`")
        return
    kind = fields["kind"][0].value if "kind" in fields else ""
    if kind not in KINDS:
        out.error(fields["kind"][1] if "kind" in fields else at,
                  f"outlet {name!r} has kind {kind!r}", f"use one of {', '.join(KINDS)}")
    _country(name, at, fields, out)
    language = fields["language"][0].value if "language" in fields else ""
    if not re.fullmatch(r"[a-z]{2}", str(language)):
        out.error(fields["language"][1] if "language" in fields else at,
                  f"outlet {name!r} has language {language!r}",
                  "write its main language as a two-letter ISO 639-1 code (id, en, ru, hy...)")
    forms = [(name, at, "name")]
    for key in ("aliases", "domains"):
        forms += [(t, n, key) for t, n in scalars(fields[key][0])] if key in fields else []
    for text, number, key in forms:
        if key == "domains" and not DOMAIN_RE.fullmatch(text):
            out.error(number, f"{text!r} is not a domain", "write it as example.com, lowercase, "
                      "without https:// or a path")
        folded = f"{key == 'domains'}:{text.casefold()}"
        owner = claimed.setdefault(folded, (name, number))
        if owner[0] != name:
            out.error(number, f"{text!r} of {name!r} is already claimed by {owner[0]!r} "
                      f"(line {owner[1]})", "a name, alias or domain may belong to one outlet")


def _country(name: str, at: int, fields: dict, out: Findings) -> None:
    node, number = fields.get("country", (None, at))
    country = mapping(node)
    code = country["code"][0].value if "code" in country else ""
    if not re.fullmatch(r"[A-Z]{2}", str(code)) or "name" not in country:
        out.error(number, f"outlet {name!r} needs `country: {{code: XX, name: ...}}`",
                  "code is the ISO 3166-1 alpha-2 code in capitals (ID, RU, AM, AZ, GE...)")
