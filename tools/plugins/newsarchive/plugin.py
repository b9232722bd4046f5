"""Connect the plugin's features to Pelican's signals, in one place."""

from __future__ import annotations

from pelican import signals

from . import search_index


def register() -> None:
    signals.article_generator_finalized.connect(search_index.collect_articles)
    signals.finalized.connect(search_index.build_index)
