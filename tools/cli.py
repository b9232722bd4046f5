"""`python -m tools ...`: a click group; each command lives in its own module.

To add a command: define it with @click.command in tools/<name>.py and add
`cli.add_command(<name>)` below.
"""

from __future__ import annotations

import logging
import sys

import click

from tools.errors import ToolError, one_line


class ToolGroup(click.Group):
    """Turns a ToolError into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ToolError as exc:
            click.echo(f"error: {one_line(str(exc))}", err=True)
            sys.exit(1)


LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


@click.group(cls=ToolGroup)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Tools for the Caucasus news archive."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose < 2:  # the HTML libraries log about odd pages; each input gets one line from us
        for name in LIBRARY_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL)


from tools.check import check_command  # noqa: E402
from tools.evaluate import eval_command  # noqa: E402
from tools.import_command import import_command  # noqa: E402
from tools.new import new_command  # noqa: E402

cli.add_command(import_command)
cli.add_command(eval_command)
cli.add_command(check_command)
cli.add_command(new_command)


def main() -> None:
    cli(prog_name="python -m tools")
