"""The `eval` command (filled in below)."""

from __future__ import annotations

import click


@click.command("eval")
def eval_command() -> None:
    """Score the importer on the shared corpus."""
