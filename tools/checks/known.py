"""What an article may refer to: vocabulary tags and categories, site profiles, languages.

Loaded once per check run from the data directory (tools/data by default). A data file that does
not load leaves its part empty here; `tools.checks.datafiles` reports why, with a line number.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from tools.errors import RuleError
from tools.importer.rules import load_sites
from tools.vocabulary import Vocabulary, load_vocabulary

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
SITE_TIMEZONE = "Asia/Jakarta"


@dataclass
class Known:
    """The names an article header is checked against."""

    vocabulary: Vocabulary | None
    sources: dict[str, str]  # casefolded site name -> site name as written in its profile
    languages: dict[str, str]  # ISO 639-1 code -> language name
    today: date
    data_dir: Path = DATA_DIR
    tag_forms: dict[str, str] = field(default_factory=dict)  # casefolded name/alias -> name
    alias_forms: dict[str, str] = field(default_factory=dict)  # casefolded -> as written

    def __post_init__(self) -> None:
        for entity in self.vocabulary.entities if self.vocabulary else ():
            for form in (entity.name, *entity.aliases, *entity.case_sensitive):
                self.tag_forms.setdefault(form.casefold(), entity.name)
                self.alias_forms.setdefault(form.casefold(), form)

    @property
    def categories(self) -> dict[str, str]:
        conflicts = self.vocabulary.conflicts if self.vocabulary else ()
        return {c.name.casefold(): c.name for c in conflicts}


def today_in_site_timezone() -> date:
    """Today's date where the archive's editors work (articles dated later are in the future)."""
    return datetime.now(ZoneInfo(SITE_TIMEZONE)).date()


def load_known(data_dir: Path = DATA_DIR, today: date | None = None) -> Known:
    """Load vocabulary, site profiles and languages; what fails to load is left empty."""
    vocabulary = None
    try:
        vocabulary = load_vocabulary(data_dir / "vocabulary.yaml")
    except RuleError as exc:
        logger.debug("vocabulary not loaded: %s", exc)
    try:
        sites = load_sites(data_dir)
    except (RuleError, KeyError, TypeError, AttributeError) as exc:
        logger.debug("site profiles not loaded: %s", exc)
        sites = ()
    return Known(vocabulary=vocabulary,
                 sources={s.name.casefold(): s.name for s in sites},
                 languages=load_languages(data_dir / "languages.yaml"),
                 today=today or today_in_site_timezone(), data_dir=data_dir)


def load_languages(path: Path) -> dict[str, str]:
    """The `languages:` mapping of languages.yaml, or {} when missing or malformed."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    languages = doc.get("languages") if isinstance(doc, dict) else None
    return {str(k): str(v) for k, v in languages.items()} if isinstance(languages, dict) else {}
