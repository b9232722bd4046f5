"""Load junk rules and site profiles from data files (tools/data/rules, tools/data/sites).

Rules are data so editors extend them without touching Python. A rule has an id, a description,
an action, one or more regular expressions and examples that the test suite checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from tools.datayaml import load_yaml_text
from tools.errors import RuleError
from tools.regexsafety import SAFE_HINT, nested_repeat

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
ACTIONS = {"drop", "drop-block", "end", "strip", "meta"}
FIELDS = {"", "authors", "editor", "agencies", "dateline", "source", "date"}


# Under IGNORECASE `re` matches the letters a-z also to these four (re.IGNORECASE docs), which
# str.lower does not turn into them: a line is folded so before its required words are looked up.
_RE_CASE = (("İ", "i"), ("ı", "i"), ("ſ", "s"), ("\u212a", "k"))


def lowered(text: str) -> str:
    """The text as `Guarded.admits` reads it: lowercase, the four letters above as a-z."""
    if not text.isascii():
        for letter, plain in _RE_CASE:  # str.replace: a fast scan when the letter is absent
            text = text.replace(letter, plain)
    return text.lower()


class Guarded(NamedTuple):
    """A pattern tried only on a text whose lowercase form holds one of `requires`: the data
    file's statement that it cannot match without one of them. A pattern that may match
    anywhere in a line (not only at its start) is searched at every character; the literal
    test spares that search on the lines that cannot match."""

    regex: re.Pattern[str]
    requires: tuple[str, ...]

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    @property
    def flags(self) -> int:
        return self.regex.flags

    def admits(self, lowered: str) -> bool:
        """Whether a text (as `lowered` gives it) holds one of the required words."""
        return any(word in lowered for word in self.requires)

    def search(self, text: str, low: str | None = None) -> re.Match[str] | None:
        """`low`: `lowered(text)`, when the caller has it."""
        return self.regex.search(text) if self.admits(lowered(text) if low is None else low) \
            else None


@dataclass(frozen=True)
class Rule:
    """One junk pattern: drop the line, end the body, strip the match, or turn it into metadata."""

    id: str
    description: str
    action: str
    patterns: tuple[re.Pattern[str] | Guarded, ...]
    field: str = ""
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    gallery: bool = False  # captions: kept when the article is nothing but them (photo pages)
    max_words: int = 0  # a line longer than this is never this rule's (0: any length)

    def search(self, line: str) -> re.Match[str] | None:
        if self.max_words and len(line.split()) > self.max_words:
            return None
        for pattern in self.patterns:
            match = pattern.search(line)
            if match:
                return match
        return None


@dataclass(frozen=True)
class SiteProfile:
    """What is known about one news site: names, domains, timezone and its own junk rules."""

    name: str
    domains: tuple[str, ...]
    timezone: str = ""  # the site's own zone (`+07:00`); none stated: no zone is assumed
    detect: tuple[re.Pattern[str] | Guarded, ...] = ()
    rules: tuple[Rule, ...] = field(default_factory=tuple)

    def matches_url(self, url: str) -> bool:
        host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0]
        return any(host == d or host.endswith("." + d) for d in self.domains)


class SlowPatternError(RuleError):
    """A data-file pattern that can backtrack for hours (tools/regexsafety.py)."""


# Names a data pattern may use in braces instead of spelling a part out: `{month}` any month
# name or abbreviation of the date languages (tools/importer/datetext.py: CLDR and
# tools/data/metadata.yaml), `{agency}` any name or alias in tools/data/agencies.yaml, and the
# `parts:` of its own rule (a pattern piece several of the rule's patterns share).
_PLACEHOLDER = re.compile(r"(?<!\\)\{([a-z_]+)\}")
WORD_LISTS = ("month", "agency")


def expand(pattern: str, parts: dict[str, str] | None = None, depth: int = 0) -> str:
    """A data pattern with its placeholders filled in, each as a group."""
    if not isinstance(pattern, str) or "{" not in pattern:
        return pattern
    parts = parts or {}

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in WORD_LISTS:
            return _alternation(name)
        if name in parts:
            if depth >= len(parts):
                raise RuleError(f"the part {{{name}}} refers to itself; spell one part out")
            return f"(?:{expand(parts[name], parts, depth + 1)})"
        known = ", ".join(f"{{{n}}}" for n in (*WORD_LISTS, *parts))
        raise RuleError(f"unknown name {{{name}}} in pattern {pattern!r} (the names are "
                        f"{known}); define it under the rule's `parts:` or write \\{{ for a brace")

    return _PLACEHOLDER.sub(fill, pattern)


@lru_cache(maxsize=4)
def _alternation(name: str) -> str:
    if name == "month":
        from tools.importer.datetext import date_languages, month_names

        words: Iterable[str] = month_names(date_languages())
    else:
        from tools.importer.metadata import agency_names

        words = agency_names()
    return _trie(sorted(set(words)))


def _trie(words: list[str]) -> str:
    """The words as a regex that tries a word's letters once, whatever the number of words
    sharing them (a plain alternation of hundreds of month names tries each in turn, which is
    slow under IGNORECASE); a longer word wins over its prefix, as in `Sept|Sep`."""
    ends = "" in words
    heads: dict[str, list[str]] = {}
    for word in words:
        if word:
            heads.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(head) + _trie(tails) for head, tails in heads.items()]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def compile_pattern(pattern: str, where: str,
                    parts: dict[str, str] | None = None) -> re.Pattern[str]:
    """Compile a pattern from a data file (its names filled in, `expand`); refuse one that is
    broken or can hang an import."""
    try:
        written, pattern = pattern, expand(pattern, parts)
    except RuleError as exc:
        raise RuleError(f"{where}: {exc}") from exc
    try:
        compiled = re.compile(pattern)
    except (re.error, TypeError) as exc:
        raise RuleError(f"{where}: bad pattern ({exc}); fix the regular expression") from exc
    danger = nested_repeat(pattern)
    if danger:
        raise SlowPatternError(f"{where}: pattern {written!r} can take hours on one long line "
                               f"({danger}); {SAFE_HINT}")
    return compiled


def compile_entry(entry: Any, where: str,
                  parts: dict[str, str] | None = None) -> re.Pattern[str] | Guarded:
    """A pattern entry of a data file: a pattern, or `{pattern: ..., requires: [words]}`."""
    if not isinstance(entry, dict):
        return compile_pattern(entry, where, parts)
    requires = entry.get("requires")
    if set(entry) != {"pattern", "requires"} or not isinstance(requires, list) or not requires \
            or not all(isinstance(w, str) and w and w == w.lower() for w in requires):
        raise RuleError(f"{where}: a pattern written as a mapping needs `pattern:` and "
                        "`requires:` (a list of lowercase words, one of which every line it "
                        "matches holds); or write the pattern alone")
    return Guarded(compile_pattern(entry["pattern"], where, parts), tuple(requires))


def parse_rule(raw: dict[str, Any], origin: str) -> Rule:
    """Build a Rule from its YAML mapping, checking the fields a person might get wrong."""
    rid = raw.get("id")
    action = raw.get("action", "drop")
    patterns = raw.get("patterns") or ([raw["pattern"]] if raw.get("pattern") else [])
    if not rid or action not in ACTIONS or not patterns:
        raise RuleError(f"{origin}: rule {rid!r} needs an id, an action in {sorted(ACTIONS)} "
                        "and at least one pattern")
    if raw.get("field", "") not in FIELDS:
        raise RuleError(f"{origin}: rule {rid}: field must be one of {sorted(FIELDS)}")
    parts = raw.get("parts") or {}
    if not isinstance(parts, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                              for k, v in parts.items()):
        raise RuleError(f"{origin}: rule {rid}: `parts:` maps a name to a pattern piece, "
                        "e.g. `parts: {day: '\\d{1,2}'}`, used in its patterns as `{day}`")
    compiled = tuple(compile_entry(p, f"{origin}: rule {rid}", parts) for p in patterns)
    return Rule(id=str(rid), description=str(raw.get("description", "")), action=action,
                patterns=compiled, field=raw.get("field", ""),
                examples=tuple(raw.get("examples") or ()),
                counter_examples=tuple(raw.get("counter_examples") or ()),
                gallery=bool(raw.get("gallery", False)),
                max_words=_max_words(raw.get("max_words", 0), f"{origin}: rule {rid}"))


def _max_words(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleError(f"{where}: max_words must be a whole number of words (0: no limit)")
    return value


def _load_yaml(path: Path) -> Any:
    try:
        return load_yaml_text(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: not valid YAML ({exc}); fix the file") from exc


@lru_cache(maxsize=8)
def load_common_rules(data_dir: Path = DATA_DIR) -> tuple[Rule, ...]:
    """The generic rules, in file order (earlier rules win)."""
    rules: list[Rule] = []
    for path in sorted((data_dir / "rules").glob("*.yaml")):
        doc = _load_yaml(path) or {}
        rules.extend(parse_rule(r, str(path)) for r in doc.get("rules", []))
    return tuple(rules)


def _profile_rules(doc: dict[str, Any], origin: str) -> list[Rule]:
    name = doc["name"]
    rules = []
    if doc.get("dateline"):
        rules.append(parse_rule({"id": f"site-dateline:{name}", "action": "strip",
                                 "field": "dateline", "patterns": [doc["dateline"]],
                                 "description": f"{name} dateline"}, origin))
    if doc.get("editor_code"):
        rules.append(parse_rule({"id": f"site-editor-code:{name}", "action": "meta",
                                 "field": "editor", "patterns": [doc["editor_code"]],
                                 "description": f"{name} editor code"}, origin))
    rules.extend(parse_rule(r, origin) for r in doc.get("rules") or [])
    return rules


@lru_cache(maxsize=8)
def load_sites(data_dir: Path = DATA_DIR) -> tuple[SiteProfile, ...]:
    """Every site profile, one YAML file per site."""
    sites = []
    for path in sorted((data_dir / "sites").glob("*.yaml")):
        doc = _load_yaml(path) or {}
        if not doc.get("name"):
            raise RuleError(f"{path}: a site profile needs a `name`")
        detect = tuple(compile_entry(p, f"{path}: detect") for p in doc.get("detect") or ())
        sites.append(SiteProfile(name=doc["name"], domains=tuple(doc.get("domains") or ()),
                                 timezone=str(doc.get("timezone") or ""), detect=detect,
                                 rules=tuple(_profile_rules(doc, str(path)))))
    return tuple(sites)


def find_site(sites: tuple[SiteProfile, ...], url: str = "", name: str = "",
              text: str = "") -> SiteProfile | None:
    """The profile for a URL, a source name, or (for text dumps) the first detect pattern hit."""
    for site in sites:
        if name and name.lower() == site.name.lower():
            return site
    by_url = [(max(len(d) for d in s.domains), s.name, s) for s in sites
              if url and s.domains and s.matches_url(url)]
    if by_url:
        return max(by_url)[2]
    if text:
        return detect_site(sites, text[:20000])
    return None


def detect_site(sites: tuple[SiteProfile, ...], head: str) -> SiteProfile | None:
    """The site whose detect pattern hits first in a dump's head; a hit that names the site
    (its name or domain: `Kompas.com -`) before one on its layout alone (a date line shaped as
    it writes them, which another site may share)."""
    low = lowered(head)
    best = [(not _names(site, match.group(0)), match.start(), site.name, site)
            for site in sites for pattern in site.detect
            if (match := pattern.search(head, low) if isinstance(pattern, Guarded)
                else pattern.search(head))]
    return min(best)[3] if best else None


def _names(site: SiteProfile, text: str) -> bool:
    text = text.casefold()
    return site.name.casefold() in text or any(
        domain.split(".")[0].casefold() in text for domain in site.domains)
