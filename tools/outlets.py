"""The outlets the archive knows (tools/data/outlets.yaml): country, language and kind.

Used by the Pelican plugin (article.outlet, the sources page, search filters) and checked by
`python -m tools check` (tools/checks/outletfile.py):

    outlets = load_outlets()
    outlets.find("KOMPAS.com")                     # -> Outlet(name="Kompas", ...) or None
    outlets.find("", "https://www.tass.ru/x")      # matched by the URL's domain
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from tools.datayaml import load_yaml_text
from tools.errors import RuleError

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "outlets.yaml"
KINDS = ("wire", "state", "public", "private", "aggregator")


@dataclass(frozen=True)
class Outlet:
    """One news outlet; `country` is the ISO 3166-1 alpha-2 code, `country_name` its name."""

    name: str
    country: str
    country_name: str
    language: str
    kind: str
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass
class Outlets:
    outlets: tuple[Outlet, ...]
    _by_name: dict[str, Outlet] = field(default_factory=dict)
    _by_domain: dict[str, Outlet] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for outlet in self.outlets:
            for name in (outlet.name, *outlet.aliases):
                self._by_name.setdefault(name.casefold(), outlet)
            for domain in outlet.domains:
                self._by_domain.setdefault(domain.casefold(), outlet)

    def find(self, name: str, url: str = "") -> Outlet | None:
        """The outlet called `name` (ignoring case), else the one owning `url`'s domain (the
        longest matching domain wins, so en.tempo.co is not Tempo)."""
        outlet = self._by_name.get(" ".join(name.split()).casefold())
        if outlet or not url:
            return outlet
        host = (urlsplit(url).hostname or "").casefold()
        parts = host.split(".")
        for start in range(len(parts) - 1):
            outlet = self._by_domain.get(".".join(parts[start:]))
            if outlet:
                return outlet
        return None


def outlet_from(raw: dict[str, Any], origin: Path) -> Outlet:
    """An Outlet from one YAML entry; a RuleError names the entry and what is missing."""
    name = str(raw.get("name") or "").strip()
    country = raw.get("country") or {}
    if not name or not isinstance(country, dict) or raw.get("kind") not in KINDS:
        raise RuleError(f"{origin}: outlet {name!r} needs a name, country {{code, name}} and "
                        f"a kind in {list(KINDS)}")
    return Outlet(name=name, country=str(country.get("code") or "").upper(),
                  country_name=str(country.get("name") or ""),
                  language=str(raw.get("language") or ""), kind=raw["kind"],
                  domains=tuple(str(d) for d in raw.get("domains") or ()),
                  aliases=tuple(str(a) for a in raw.get("aliases") or ()))


@lru_cache(maxsize=4)
def load_outlets(path: Path | str | None = None) -> Outlets:
    """Load outlets.yaml (a missing file is an empty list: outlet origin is optional)."""
    origin = Path(path) if path else DEFAULT_PATH
    if not origin.exists():
        return Outlets(outlets=())
    try:
        doc = load_yaml_text(origin.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{origin}: cannot read the outlets ({exc})") from exc
    return Outlets(outlets=tuple(outlet_from(raw, origin) for raw in doc.get("outlets") or ()))
