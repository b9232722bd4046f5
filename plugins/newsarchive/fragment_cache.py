"""Render an article's listing card once per build, not once per listing it appears in.

Every article is listed on the home/archive pages, on each of its 3-8 tag pages, its source page
and its month: at 3,000 articles the card macro ran ~28,500 times and took as long as rendering
the article pages themselves. What a card shows depends only on the article (frozen once the
generators have finished) and on the page rendering it through three values: SITEURL (relative
on a dev build, so it depends on the page's folder depth), the UI language, and the heading
level. Those are the cache key; the cache lives on the article object itself, so it is dropped
with the article and a devserver rebuild can never see a stale card.

Templates use it as a call block:
    {% call cached_fragment(article, 'article_item', heading) %}...{% endcall %}
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from .i18n import page_lang

_ATTRIBUTE = "_newsarchive_fragments"


@pass_context
def cached_fragment(context: Context, obj: Any, *key: object, caller: Callable[[], str]) -> str:
    """The call block's output for this object, key, SITEURL and UI language, rendered once."""
    store: dict[tuple[object, ...], str] | None = getattr(obj, _ATTRIBUTE, None)
    if store is None:
        store = {}
        setattr(obj, _ATTRIBUTE, store)
    full_key = (*key, context.get("SITEURL"), page_lang(context))
    if full_key not in store:
        store[full_key] = caller()
    return store[full_key]
