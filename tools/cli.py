"""`python -m tools ...`: a click group; each command lives in its own module.

To add a command: define it with @click.command in tools/<name>.py and name it in COMMANDS
below. A command's module is imported only when that command runs (or --help lists them), so
`import` does not pay for the checker's, the evaluator's or the HTML libraries' imports: with
~1,000 inputs a run, start-up counts against the importer's throughput.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from tools.errors import ToolError, one_line

COMMANDS = {  # command name -> "module:attribute" of its click command
    "import": "tools.import_command:import_command",
    "eval": "tools.evaluation.command:eval_command",
    "check": "tools.check:check_command",
    "new": "tools.new:new_command",
    "withdraw": "tools.withdraw_command:withdraw_command",
}


class ToolGroup(click.Group):
    """Turns a ToolError into one line on stderr and exit status 1; loads commands lazily."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute = COMMANDS[cmd_name].split(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command

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



def main() -> None:
    cli(prog_name="python -m tools")
