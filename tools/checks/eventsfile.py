"""Checks on tools/data/events.yaml: every problem with its line, before a build refuses it.

An event needs a real date, a name and a description in Indonesian and English, and entities
that are canonical vocabulary names (an alias or a typo would link nothing); slugs are unique
because they are the anchors of the timeline page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from slugify import slugify

from tools.checks import Findings, closest
from tools.checks.yamlnodes import compose, items, line, mapping, scalars
from tools.events import LANGUAGES
from tools.vocabulary import Vocabulary

KEYS = {"date", "slug", "name", "description", "entities"}


def check_events_file(path: Path, out: Findings, vocabulary: Vocabulary | None) -> None:
    """Report every problem of an events file into `out`."""
    root = compose(path, out)
    if root is None:
        return
    fields = mapping(root)
    if "events" not in fields or not isinstance(fields["events"][0], yaml.SequenceNode):
        out.error(1, "no `events:` list", "see the comment at the top of events.yaml")
        return
    slugs: dict[str, int] = {}
    last: date | None = None
    for node in items(fields["events"][0]):
        day = _event(node, out, vocabulary, slugs)
        if day and last and day < last:
            out.warning(line(node), f"the event of {day} comes after one of {last}",
                        "keep the list in date order so editors find events easily")
        last = day or last


def _event(node: yaml.Node, out: Findings, vocabulary: Vocabulary | None,
           slugs: dict[str, int]) -> date | None:
    fields = mapping(node)
    at = line(node)
    for key, (_, number) in fields.items():
        if key not in KEYS:
            out.error(number, f"unknown event field `{key}:`",
                      f"the fields are {', '.join(sorted(KEYS))}")
    day = _date(fields, at, out)
    names = _texts(fields, "name", at, out)
    _texts(fields, "description", at, out)
    slug = str(fields["slug"][0].value) if "slug" in fields else slugify(names.get("en", ""))
    if slug in slugs:
        out.error(fields["slug"][1] if "slug" in fields else at,
                  f"event slug {slug!r} is already used on line {slugs[slug]}",
                  "give one of them a different `slug:`")
    slugs.setdefault(slug, at)
    if vocabulary is not None and "entities" in fields:
        _entities(fields["entities"][0], vocabulary, out)
    return day


def _date(fields: dict, at: int, out: Findings) -> date | None:
    if "date" not in fields:
        out.error(at, "an event without a `date:`", "write `date: YYYY-MM-DD`")
        return None
    node, number = fields["date"]
    try:
        return date.fromisoformat(str(node.value)) if isinstance(node, yaml.ScalarNode) else None
    except ValueError:
        out.error(number, f"{node.value!r} is not a date", "write it as YYYY-MM-DD, e.g. "
                  "2020-11-10")
        return None


def _texts(fields: dict, key: str, at: int, out: Findings) -> dict[str, str]:
    if key not in fields:
        out.error(at, f"an event without `{key}:`", f"write `{key}:` with "
                  f"{' and '.join(f'`{lang}:`' for lang in LANGUAGES)} under it")
        return {}
    node, number = fields[key]
    texts = {k: str(v.value) for k, (v, _) in mapping(node).items()
             if isinstance(v, yaml.ScalarNode) and str(v.value).strip()}
    for lang in LANGUAGES:
        if lang not in texts:
            out.error(number, f"`{key}:` has no `{lang}:` text",
                      f"every event has its {key} in {' and '.join(LANGUAGES)}")
    return texts


def _entities(node: yaml.Node, vocabulary: Vocabulary, out: Findings) -> None:
    names = {name.casefold(): name for name in vocabulary.by_name}
    for text, number in scalars(node):
        if text in vocabulary.by_name:
            continue
        canonical = vocabulary.resolve(text)
        guesses = [canonical] if canonical else closest(text, names)
        hint = f"did you mean {', '.join(guesses)}? " if guesses else ""
        out.error(number, f"{text!r} is not an entity of vocabulary.yaml",
                  hint + "use the entity's canonical `name:`")
