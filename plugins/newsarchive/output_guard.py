"""Refuse an article or page whose `Save_as:` or `Url:` takes a file the site generates.

The same rule as `check` (tools/outputpaths.py), enforced where Pelican reads the file: raising
here makes Pelican report "Could not process <file>" with the reason, and `--fatal warnings`
stops the build before anything is overwritten.
"""

from __future__ import annotations

from typing import Any

from tools.outputpaths import reserved


class ReservedOutputError(ValueError):
    """An article's own output path is one the site generates."""


def refuse_reserved(content: Any) -> None:
    """`content_object_init` handler: check the overridden save_as and url, if any."""
    for field, key in (("save_as", "Save_as"), ("url", "Url")):
        value = getattr(content, f"override_{field}", None)
        why = reserved(str(value), field) if value is not None else None
        if why:
            raise ReservedOutputError(
                f"{content.source_path}: `{key}: {value}` {why}; delete the line (articles "
                "get their address from Date and Slug)")
