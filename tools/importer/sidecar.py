"""The facts an editor states for one raw file in a `<name>.yaml` beside it (url, date, source,
title, lang, author, editor): they override what the importer would infer."""

from __future__ import annotations

from pathlib import Path

import yaml

from tools.errors import InputError


def load_sidecar(path: Path) -> dict[str, str]:
    """The sidecar's `key: value` pairs as text ({} when there is none); a sidecar that is
    not UTF-8, not YAML or not a mapping is refused, naming the file."""
    sidecar = path.with_suffix(".yaml")
    if not sidecar.exists():
        return {}
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: its sidecar {sidecar.name} is not UTF-8 text; "
                         "re-save it as UTF-8") from exc
    except (yaml.YAMLError, ValueError, RecursionError) as exc:  # ValueError: date 2020-13-45
        problem = " ".join(str(exc).split())  # PyYAML's message spans several lines
        raise InputError(f"{path}: its sidecar {sidecar.name} is not valid YAML ({problem}); "
                         "fix or remove it") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: its sidecar {sidecar.name} should hold `key: value` lines "
                         "(url, date, source, title)")
    return {k: str(v) for k, v in data.items() if v not in (None, "")}


def how_to_state(path: Path, record: str, field: str) -> str:
    """How an editor gives a field the input lacks: a sidecar beside a raw file (a date also
    with --date). A record of an export takes its fields from the export alone (--date would
    date every record), so the advice is to leave the record out."""
    if record:
        return f"a record takes its {field} from its export alone: withdraw the record to " \
            "build without it"
    sidecar = path.with_suffix(".yaml").name
    if field == "date":
        return f"pass --date YYYY-MM-DD or add `date:` to a sidecar {sidecar}"
    return f"add a sidecar {sidecar} with `{field}:`"


def keep_sidecar(raw: Path, seed: Path, stated: dict[str, str], dry_run: bool = False) -> str:
    """Give the seed the facts its import was given, so a later import of the seed reads it the
    same way: the raw file's own sidecar, copied, else the options stated for the run (`--date`,
    `--source`) as a new one. An existing sidecar of the seed is never touched. The note saying
    what was written, else ""."""
    from tools.importer.seeds import copy_verbatim, shown
    from tools.importer.write import atomic_write

    target = seed.with_suffix(".yaml")
    own = raw.with_suffix(".yaml")
    if target.exists() or own.absolute() == target.absolute():
        return ""
    verb = "would be " if dry_run else ""
    if own.is_file():
        if not dry_run:
            copy_verbatim(own, target)
        return f"its sidecar {own.name} {verb}copied to {shown(target)}"
    facts = {key: value for key, value in stated.items() if value}
    if not facts:
        return ""
    if not dry_run:
        atomic_write(target, yaml.safe_dump(facts, allow_unicode=True, sort_keys=True))
    return (f"{' and '.join('--' + key for key in facts)} {verb}saved as {shown(target)}, "
            "for later imports of the seed")
