"""Domain errors: each carries a message for a person, naming the file and what to do.

The CLI turns any ToolError into one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(message: str) -> str:
    """A message as one printable line: line breaks, control characters and the lone surrogates
    of undecodable file names are shown escaped (`\\n`, `\\udcff`), never printed raw."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], message)


class ToolError(Exception):
    """Base class of every error the tools report to a person."""


class InputError(ToolError):
    """A raw input cannot be imported (empty, binary, undecodable, oversized, title-less)."""


class DateError(ToolError):
    """The publication date could not be established without guessing."""


class EditedFileError(ToolError):
    """The target Markdown was changed by an editor since it was imported."""


class RuleError(ToolError):
    """A rules, site profile or vocabulary data file is malformed."""
