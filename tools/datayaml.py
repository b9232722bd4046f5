"""Parse the project's own YAML data files (rules, site profiles, vocabulary, agencies).

libyaml's safe loader (when PyYAML was built with it) gives the same values 5-8 times faster
than the pure-Python one; the importer loads these files on every run, so with ~1,000 inputs a
run their parsing (~55 ms) counts against its throughput. Errors are yaml.YAMLError either way.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml_text(text: str) -> Any:
    """The plain Python value of a YAML document, as yaml.safe_load gives it."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506  (a safe loader)
