"""Read a YAML data file keeping line numbers, so data-file problems point at the right line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tools.checks import Findings


def compose(path: Path, out: Findings) -> yaml.Node | None:
    """The YAML node tree of `path`, or None after reporting why it cannot be read."""
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        out.error(mark.line + 1 if mark else 1, f"not valid YAML: {exc.problem or exc}",
                  "check the indentation and quote values containing `: ` or `#`")
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        out.error(1, f"cannot read the file: {exc}", "save it as UTF-8 YAML")
    return None


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def mapping(node: yaml.Node | None) -> dict[str, tuple[yaml.Node, int]]:
    """A mapping node's entries: key -> (value node, line of the key); {} for anything else."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): (v, line(k)) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def items(node: yaml.Node | None) -> list[yaml.Node]:
    """A sequence node's items ([] for anything else)."""
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def scalars(node: yaml.Node | None) -> list[tuple[str, int]]:
    """(text, line) of a scalar or of each scalar in a sequence."""
    if isinstance(node, yaml.ScalarNode):
        return [(node.value, line(node))]
    return [(n.value, line(n)) for n in items(node) if isinstance(n, yaml.ScalarNode)]


def value(node: yaml.Node) -> Any:
    """The plain Python value of a node (as yaml.safe_load would give it)."""
    return yaml.SafeLoader(yaml.serialize(node)).get_single_data()
