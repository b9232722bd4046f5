"""Each article's URL computed once, when the article is final.

Pelican formats an article's URL pattern again on every `.url` access (a copy of its metadata and
a relative source path each time): ~8% of a cold build here, most of it from listing cards, feeds
and the sitemap. Once the articles generator has finished (slug, date, language and status are
final), each article's `override_url` — Pelican's documented per-article override, which `.url`
returns when set — is set to the very value Pelican computed. `save_as` is left alone: Pelican
writes an article with an overridden `save_as` differently.
"""

from __future__ import annotations

from itertools import chain
from typing import Any


def pin_urls(generator: Any) -> None:
    """`article_generator_finalized` (first): every article's `url`, computed once."""
    for article in chain(generator.articles, generator.translations, generator.hidden_articles,
                         generator.hidden_translations, generator.drafts,
                         generator.drafts_translations):
        if not hasattr(article, "override_url"):
            article.override_url = article.url
