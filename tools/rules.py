"""Load junk rules and site profiles from data files (tools/data/rules, tools/data/sites).

Rules are data so editors extend them without touching Python. A rule has an id, a description,
an action, one or more regular expressions and examples that the test suite checks.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from tools.datayaml import load_yaml_text
from tools.errors import RuleError
from tools.prefilter import ASCII_EQUIVALENTS, Gate, fold, gate_for
from tools.regexsafety import SAFE_HINT, nested_repeat

DATA_DIR = Path(__file__).resolve().parent / "data"
ACTIONS = {"drop", "drop-block", "end", "strip", "meta"}
FIELDS = {"", "authors", "editor", "agencies", "dateline", "source", "date"}


@dataclass(frozen=True)
class Rule:
    """One junk pattern: drop the line, end the body, strip the match, or turn it into metadata."""

    id: str
    description: str
    action: str
    patterns: tuple[re.Pattern[str], ...]
    field: str = ""
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    gallery: bool = False  # captions: kept when the article is nothing but them (photo pages)

    def search(self, line: str) -> re.Match[str] | None:
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
    timezone: str = "+07:00"
    detect: tuple[re.Pattern[str], ...] = ()
    rules: tuple[Rule, ...] = field(default_factory=tuple)

    def matches_url(self, url: str) -> bool:
        host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0]
        return any(host == d or host.endswith("." + d) for d in self.domains)


class SlowPatternError(RuleError):
    """A data-file pattern that can backtrack for hours (tools/regexsafety.py)."""


def compile_pattern(pattern: str, where: str) -> re.Pattern[str]:
    """Compile a pattern from a data file; refuse one that is broken or can hang an import."""
    try:
        compiled = re.compile(pattern)
    except (re.error, TypeError) as exc:
        raise RuleError(f"{where}: bad pattern ({exc}); fix the regular expression") from exc
    danger = nested_repeat(pattern)
    if danger:
        raise SlowPatternError(f"{where}: pattern {pattern!r} can take hours on one long line "
                               f"({danger}); {SAFE_HINT}")
    return compiled


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
    compiled = tuple(compile_pattern(p, f"{origin}: rule {rid}") for p in patterns)
    return Rule(id=str(rid), description=str(raw.get("description", "")), action=action,
                patterns=compiled, field=raw.get("field", ""),
                examples=tuple(raw.get("examples") or ()),
                counter_examples=tuple(raw.get("counter_examples") or ()),
                gallery=bool(raw.get("gallery", False)))


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
        detect = tuple(compile_pattern(p, f"{path}: detect") for p in doc.get("detect") or ())
        sites.append(SiteProfile(name=doc["name"], domains=tuple(doc.get("domains") or ()),
                                 timezone=str(doc.get("timezone", "+07:00")), detect=detect,
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


_DETECTED: dict[bytes, tuple[tuple[SiteProfile, ...], SiteProfile | None]] = {}
DETECTED_MAX = 200_000  # remembered dumps (~150 bytes each), then forgotten all at once


def detect_site(sites: tuple[SiteProfile, ...], head: str) -> SiteProfile | None:
    """The site whose detect pattern hits first in a dump's head. Remembered by the head's
    digest: the importer's repeated-line pre-pass and its main pass ask for every dump."""
    key = hashlib.blake2b(head.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    known = _DETECTED.get(key)
    if known is not None and known[0] is sites:
        return known[1]
    texts = _HeadTexts(head)
    best = [(min(starts), s.name, s) for s, detectors in _detect_plan(sites)  # each runs once
            if (starts := [m.start() for d in detectors
                           if (d.gate is None or _gate_passes(d, texts))
                           and (m := d.pattern.search(head))])]
    found = min(best)[2] if best else None
    if len(_DETECTED) >= DETECTED_MAX:
        _DETECTED.clear()
    _DETECTED[key] = (sites, found)
    return found


class _Detector(NamedTuple):
    """A detect pattern, its gate (tools/prefilter.py) and two cheaper tests of the gate's
    literals that can only say no: `common`, text every literal holds (the `day` of seven
    weekday names: one scan instead of seven), and for a case-insensitive gate of ASCII
    literals, the literals as bytes to look for in the head's ASCII characters lowercased."""

    pattern: re.Pattern[str]
    gate: Gate | None
    common: str
    ascii_literals: tuple[bytes, ...]


class _HeadTexts:
    """A dump's head, folded (for case-insensitive gates) and as lowercased ASCII bytes, each
    made once when first needed."""

    def __init__(self, head: str) -> None:
        self.head = head
        self._folded: str | None = None
        self._ascii: bytes | None = None

    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.head)
        return self._folded

    def ascii_lowered(self) -> bytes | None:
        """The head's ASCII characters, lowercased, in order (non-ASCII ones left out): every
        ASCII literal of fold(head) is in it. None when the head holds a letter that folds to
        an ASCII one (ı, İ, ſ, the Kelvin sign: the only non-ASCII characters that do)."""
        if self._ascii is None:
            head = self.head
            if not head.isascii() and any(char in head for char in _FOLDS_TO_ASCII):
                return None
            self._ascii = head.encode("ascii", "ignore").lower()
        return self._ascii


_FOLDS_TO_ASCII = tuple(map(chr, ASCII_EQUIVALENTS))
_PLANS: dict[int, tuple[tuple[SiteProfile, ...],
                        tuple[tuple[SiteProfile, tuple[_Detector, ...]], ...]]] = {}


def _detect_plan(sites: tuple[SiteProfile, ...]) -> tuple[
        tuple[SiteProfile, tuple[_Detector, ...]], ...]:
    """Each site with its detect patterns as _Detectors; kept per `sites` tuple by identity
    (hashing the profiles would hash every rule)."""
    known = _PLANS.get(id(sites))
    if known is not None and known[0] is sites:
        return known[1]
    plan = tuple((site, tuple(_detector(pattern) for pattern in site.detect)) for site in sites)
    _PLANS[id(sites)] = (sites, plan)
    return plan


def _detector(pattern: re.Pattern[str]) -> _Detector:
    gate = gate_for(pattern)
    literals = gate.literals if gate is not None else ()
    common = _common_part(literals) if len(literals) > 1 else ""
    ascii_literals = tuple(lit.encode() for lit in literals) \
        if gate is not None and gate.folded and literals and all(map(str.isascii, literals)) \
        else ()
    return _Detector(pattern, gate, common, ascii_literals)


def _common_part(literals: tuple[str, ...]) -> str:
    """The longest text every literal holds ("" when none)."""
    shortest = min(literals, key=len)
    for size in range(len(shortest), 0, -1):
        for start in range(len(shortest) - size + 1):
            part = shortest[start: start + size]
            if all(part in literal for literal in literals):
                return part
    return ""


def _gate_passes(detector: _Detector, texts: _HeadTexts) -> bool:
    """gate.may_match(head) (tools/prefilter.py), after the detector's cheaper tests that can
    only say no."""
    gate = detector.gate
    assert gate is not None
    if detector.ascii_literals:
        lowered = texts.ascii_lowered()
        if lowered is not None and not any(lit in lowered for lit in detector.ascii_literals):
            return False
    if detector.common and detector.common not in (texts.folded() if gate.folded
                                                   else texts.head):
        return False
    return gate.may_match(texts.head, texts.folded)
