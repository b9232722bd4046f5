"""Events (tools/data/events.yaml): the timeline page and the events each article falls near.

The timeline lists every event with the archive's coverage around it: how many articles
appeared in the EVENTS_WINDOW_DAYS before and after the day, and links to the closest of them
(articles tagged with one of the event's entities first). Each article gets `near_events`: the
events within the window of its date, those sharing its tags first. Both come from the article
dates and tags and the data file, with a bisection per event and per article (no N×E scan).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from tools.events import DEFAULT_PATH, Event, load_events, near

from .i18n import page_lang

_DEFAULTS = {"EVENTS_URL": "events/", "EVENTS_SAVE_AS": "events/index.html",
             "EVENTS_WINDOW_DAYS": 7, "EVENTS_ARTICLES_SHOWN": 6}


@dataclass
class Coverage:
    """One event on the timeline with the articles around it."""

    event: Event
    before: int  # articles in the window before the day
    on_or_after: int  # articles on the day and in the window after it
    shown: list[Any]  # the closest articles, those sharing the event's entities first
    tags: list[tuple[str, Any]]  # (entity name, its Tag or None when no article has it)


def link(generator: Any) -> None:
    """`article_generator_finalized`: set `near_events` on articles, `timeline` in the context."""
    settings = generator.settings
    for key, value in _DEFAULTS.items():
        settings.setdefault(key, value)
    events = load_events(settings.get("NEWSARCHIVE_EVENTS") or DEFAULT_PATH)
    window = int(settings["EVENTS_WINDOW_DAYS"])
    for article in [*generator.articles, *generator.translations, *generator.drafts,
                    *generator.drafts_translations, *generator.hidden_articles,
                    *generator.hidden_translations]:
        tags = {t.name for t in getattr(article, "tags", None) or ()}
        article.near_events = near(events, article.date.date(), tags, window)
    articles = sorted(generator.articles, key=lambda a: (a.date.date(), a.slug))
    days = [a.date.date() for a in articles]
    tags_by_name = {tag.name: tag for tag in getattr(generator, "tags", {})}
    shown = int(settings["EVENTS_ARTICLES_SHOWN"])
    generator.context["timeline"] = [
        _coverage(event, articles, days, window, shown, tags_by_name) for event in events]
    generator.context["EVENTS_URL"] = settings["EVENTS_URL"]
    generator.context["EVENTS_WINDOW_DAYS"] = window


def _coverage(event: Event, articles: list[Any], days: list[date], window: int, count: int,
              tags_by_name: dict[str, Any]) -> Coverage:
    start = bisect_left(days, event.day - timedelta(days=window))
    middle = bisect_left(days, event.day)
    end = bisect_right(days, event.day + timedelta(days=window))
    entities = set(event.entities)

    def rank(article: Any) -> tuple[int, int, date, str]:
        shared = len(entities & {t.name for t in getattr(article, "tags", None) or ()})
        return (-shared, abs((article.date.date() - event.day).days), article.date.date(),
                article.slug)

    shown = sorted(sorted(articles[start:end], key=rank)[:count], key=lambda a: a.date)
    return Coverage(event, middle - start, end - middle, shown,
                    [(name, tags_by_name.get(name)) for name in event.entities])


def write(generator: Any, writer: Any) -> None:
    """`article_writer_finalized`: the timeline page (rendered on every build: one page)."""
    settings = generator.settings
    writer.write_file(settings["EVENTS_SAVE_AS"], generator.get_template("timeline"),
                      generator.context, relative_urls=settings["RELATIVE_URLS"],
                      template_name="timeline", url=settings["EVENTS_URL"],
                      page_name="events/index")


@pass_context
def event_name(context: Context, event: Event) -> str:
    """The event's name in the page's language."""
    return event.name(page_lang(context))


@pass_context
def event_description(context: Context, event: Event) -> str:
    """The event's description in the page's language."""
    return event.description(page_lang(context))


def install_filters(generator: Any) -> None:
    generator.env.filters["event_name"] = event_name
    generator.env.filters["event_description"] = event_description
