"""The controlled tag vocabulary (tools/data/vocabulary.yaml): entities, aliases, dated facts.

Public API used by the importer, the Pelican plugin and the content checker:

    vocab = load_vocabulary()
    vocab.entities            # tuple of Entity(name, kind, slug, aliases, facts, names, note...)
    vocab.by_name["Rusia"]    # Entity by canonical name
    vocab.resolve("Russia")   # -> "Rusia" (canonical name) or None
    vocab.matchers("ru")      # the alias matchers for an article in that language
    vocab.conflicts           # tuple of Conflict(name, slug, triggers)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

from tools.datayaml import load_yaml_text
from tools.errors import RuleError
from tools.wordindex import Inflection, WordIndex, fold

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "vocabulary.yaml"
KINDS = {"place", "person", "organisation", "topic"}


@dataclass(frozen=True)
class Fact:
    """A dated fact (e.g. a term of office) used to narrow inferred dates."""

    role: str
    start: date | None
    end: date | None
    context: tuple[str, ...] = ()

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Name:
    """One name of an entity in one language or script, and who uses it (shown on its page)."""

    name: str
    lang: str
    used_by: str = ""


@dataclass(frozen=True)
class Entity:
    """A canonical tag with its aliases; `case_sensitive`/`contexts` hold risky short forms."""

    name: str
    kind: str
    slug: str
    aliases: tuple[str, ...]
    facts: tuple[Fact, ...] = ()
    case_sensitive: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    names: tuple[Name, ...] = ()  # its names with usage; each is also matched as an alias
    note: str = ""  # a neutral note where its names are contested


@dataclass(frozen=True)
class Conflict:
    """A category: the conflict, with the entities whose mention points to it."""

    name: str
    slug: str
    triggers: tuple[str, ...]


@dataclass
class Vocabulary:
    entities: tuple[Entity, ...]
    conflicts: tuple[Conflict, ...]
    inflection: Inflection | None = None
    inflected: frozenset[str] = frozenset()  # languages whose articles match inflected forms
    by_name: dict[str, Entity] = field(default_factory=dict)
    _folded: dict[str, str] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict)
    _capitalised: set[str] = field(default_factory=set)  # folded aliases written with a capital

    def __post_init__(self) -> None:
        self.by_name = {e.name: e for e in self.entities}
        for entity in self.entities:
            for alias in (entity.name, *entity.aliases):
                if alias not in entity.case_sensitive:  # listed there: matched only exactly
                    self._folded.setdefault(fold(alias), entity.name)
                    if alias[:1].isupper():
                        self._capitalised.add(fold(alias))
            for alias in (*entity.case_sensitive, *entity.contexts):
                self._exact.setdefault(alias, entity.name)

    def resolve(self, alias: str) -> str | None:
        """Canonical name for an alias (case-insensitive, plus exact risky forms), or None."""
        alias = " ".join(alias.split())
        return self._exact.get(alias) or self._folded.get(fold(alias))

    def matchers(self, lang: str = "") -> tuple[WordIndex, WordIndex | None]:
        """(case-insensitive aliases, exact risky forms) as word-index matchers (wordindex.py);
        in an article in an inflecting language, the aliases match their inflected forms."""
        inflection = self.inflection if lang in self.inflected else None
        key = (id(self), inflection)
        if key not in _MATCHERS:
            _MATCHERS[key] = (WordIndex(self._folded, ignore_case=True, inflection=inflection,
                                        capitalised=self._capitalised),
                              WordIndex(self._exact, ignore_case=False) if self._exact else None)
        return _MATCHERS[key]


_MATCHERS: dict[tuple[int, Inflection | None], tuple[WordIndex, WordIndex | None]] = {}


def _as_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _entity(raw: dict[str, Any], origin: Path) -> Entity:
    name, kind = raw.get("name"), raw.get("kind")
    if not name or kind not in KINDS:
        raise RuleError(f"{origin}: entity {name!r} needs a name and a kind in {sorted(KINDS)}")
    facts = tuple(Fact(role=str(f.get("role", "")), start=_as_date(f.get("from")),
                       end=_as_date(f.get("to")), context=tuple(f.get("context") or ()))
                  for f in raw.get("facts") or ())
    names = tuple(Name(name=str(n.get("name", "")), lang=str(n.get("lang", "")),
                       used_by=str(n.get("used_by") or "")) for n in raw.get("names") or ())
    aliases = tuple(raw.get("aliases") or ())
    known = {a.casefold() for a in (name, *aliases)}
    aliases += tuple(dict.fromkeys(n.name for n in names if n.name.casefold() not in known))
    return Entity(name=name, kind=kind, slug=raw.get("slug") or slugify(name),
                  aliases=aliases, facts=facts,
                  case_sensitive=tuple(raw.get("case_sensitive") or ()),
                  contexts=tuple(raw.get("contexts") or ()), names=names,
                  note=" ".join(str(raw.get("note") or "").split()))


@lru_cache(maxsize=4)
def load_vocabulary(path: Path | str | None = None) -> Vocabulary:
    """Load and check the vocabulary (unique names and slugs, known kinds, known triggers)."""
    origin = Path(path) if path else DEFAULT_PATH
    try:
        doc = load_yaml_text(origin.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{origin}: cannot read the vocabulary ({exc})") from exc
    entities = tuple(_entity(raw, origin) for raw in doc.get("entities") or ())
    conflicts = tuple(Conflict(name=c["name"], slug=c.get("slug") or slugify(c["name"]),
                               triggers=tuple(c.get("triggers") or ()))
                      for c in doc.get("conflicts") or ())
    _check_unique(origin, entities, conflicts)
    inflection, inflected = _inflection(doc.get("inflection"), origin)
    return Vocabulary(entities=entities, conflicts=conflicts, inflection=inflection,
                      inflected=inflected)


def _inflection(raw: Any, origin: Path) -> tuple[Inflection | None, frozenset[str]]:
    """The `inflection:` section: languages, keep, ending, vowels."""
    if not raw:
        return None, frozenset()
    try:
        return (Inflection(keep=int(raw["keep"]), ending=int(raw["ending"]),
                           vowels=str(raw["vowels"])),
                frozenset(str(code) for code in raw["languages"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleError(f"{origin}: `inflection:` needs languages (a list of codes), the "
                        f"whole numbers keep and ending, and vowels ({exc!r})") from exc


def _check_unique(origin: Path, entities: tuple[Entity, ...],
                  conflicts: tuple[Conflict, ...]) -> None:
    names, slugs = set(), set()
    for entity in entities:
        if entity.name in names or entity.slug in slugs:
            raise RuleError(f"{origin}: duplicate entity name or slug {entity.name!r}")
        names.add(entity.name)
        slugs.add(entity.slug)
    for conflict in conflicts:
        unknown = [t for t in conflict.triggers if t not in names]
        if unknown:
            raise RuleError(f"{origin}: conflict {conflict.name!r} names unknown "
                            f"entities {unknown}")
