"""Checks behind `python -m tools check`: one module per family of problems.

Every check returns `Problem`s (file, line, message, hint) instead of raising, so one run reports
everything an editor has to fix at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing to fix, located at `path:line`; warnings do not fail the check."""

    path: Path
    line: int
    severity: str
    message: str
    hint: str = ""

    def format(self, root: Path | None = None) -> str:
        """`path:line: error: message. Hint: ...`: the form editors and their tools understand."""
        shown = self.path
        if root is not None:
            try:
                shown = self.path.resolve().relative_to(root.resolve())
            except ValueError:
                shown = self.path
        text = f"{shown}:{self.line}: {self.severity}: {self.message}"
        return f"{text}. Hint: {self.hint}" if self.hint else text


class Findings(list):
    """Problems found in one file; `error()`/`warning()` keep the call sites short."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def error(self, line: int, message: str, hint: str = "") -> None:
        self.append(Problem(self.path, line, ERROR, message, hint))

    def warning(self, line: int, message: str, hint: str = "") -> None:
        self.append(Problem(self.path, line, WARNING, message, hint))


def close_keys(word: str, candidates: dict[str, str] | list[str], n: int = 3,
               cutoff: float = 0.6) -> list[str]:
    """The casefolded candidate keys closest to `word`, best first (substring hits as fallback)."""
    import difflib

    folded = word.casefold()
    keys = list(candidates)
    hits = difflib.get_close_matches(folded, keys, n=n, cutoff=cutoff)
    return hits or [c for c in keys if len(folded) >= 4 and folded in c][:n]


def closest(word: str, candidates: dict[str, str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Display forms (the dict's values, without repeats) of the keys closest to `word`."""
    shown: list[str] = []
    for hit in close_keys(word, candidates, n=n, cutoff=cutoff):
        if candidates[hit] not in shown:
            shown.append(candidates[hit])
    return shown


def shown_path(path: Path) -> str:
    """A path as an editor would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
