"""Check the `Figures:` header field (tools/figures.py): a malformed entry would be left out of
the article's "reported figures" box and the ledger, so `check` names the entry and the fix."""

from __future__ import annotations

from tools.checks import Findings
from tools.checks.header import Header
from tools.figures import EXAMPLE, FigureError, parse_figures


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
