"""Check the `Figures:` header field (tools/figures.py): a malformed entry would be left out of
the article's "reported figures" box and the ledger, so `check` names the entry and the fix."""

from __future__ import annotations

from pathlib import Path

from tools.checks import Findings
from tools.checks.header import Header
from tools.checks.yamlnodes import compose, mapping
from tools.errors import RuleError
from tools.figures import CATEGORIES, EXAMPLE, FigureError, parse_figures


def check_figures(header: Header, out: Findings) -> None:
    """Report the first malformed entry of `Figures:` (the build shows none of them then)."""
    item = header.first("figures")
    if item is None:
        return
    if not item.value.strip():
        out.warning(item.line, "`Figures:` is empty", "delete the line, or write one figure as "
                    f"`Figures: {EXAMPLE}`")
        return
    try:
        parse_figures(item.value)
    except FigureError as exc:
        out.error(item.line, f"`{item.key}:` {exc}",
                  f"write each figure as `who | what | whom | how many | as of`, e.g. "
                  f"`{EXAMPLE}`, figures separated by `;` (docs/editing.md#reported-figures)")


def check_figures_file(path: Path, out: Findings) -> None:
    """tools/data/figures.yaml: a section per language, categories the site knows, and
    patterns that compile (the importer would otherwise stop on every article)."""
    root = compose(path, out)
    if root is None:
        return
    languages = mapping(root).get("languages")
    if languages is None or not mapping(languages[0]):
        out.error(1, "no `languages:` with a section per language code",
                  "see the comment at the top of tools/data/figures.yaml")
        return
    for code, (section, _line) in mapping(languages[0]).items():
        for key in ("outcomes", "actions"):
            entry = mapping(section).get(key)
            for category, (_words, where) in mapping(entry[0] if entry else None).items():
                if category not in CATEGORIES:
                    out.error(where, f"`{code}` {key}: {category!r} is not a category",
                              f"use one of {', '.join(CATEGORIES)}")
    if any(problem.severity == "error" for problem in out):
        return
    from tools.importer.figures import load_figure_rules  # the importer's own reading

    try:
        load_figure_rules.__wrapped__(path)
    except RuleError as exc:
        out.error(1, str(exc).removeprefix(f"{path}: "), "compare with the lists described "
                  "at the top of the file")
