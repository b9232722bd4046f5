"""`python -m tools new "Title"`: start a hand-written article with every header field in place.

The file goes where Pelican and the checker expect it (content/articles/YYYY/<slug>.md) and
starts as a draft, so a half-written article is previewed but never published by accident.
"""

from __future__ import annotations

import logging
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from tools.check import CONTENT_DIR
from tools.checks.body import PLACEHOLDER
from tools.checks.known import DATA_DIR, SITE_TIMEZONE, load_known, load_languages
from tools.errors import ToolError
from tools.importer.seeds import shown
from tools.importer.write import atomic_write
from tools.slugs import title_slug

logger = logging.getLogger(__name__)

STUB = """\
Title: {title}
Date: {date}
Slug: {slug}
Lang: {lang}
Category: {category}
Tags:
Authors:
Source: {source}
Source_url: {url}
Summary:
Status: draft

{placeholder}
"""


class NewArticleError(ToolError):
    """The stub cannot be written (bad date, existing slug, unknown language)."""


def article_date(value: str | None, now: datetime | None = None) -> str:
    """`Date:` as the editor gave it (ISO 8601; a zone only when stated, as the archive claims
    no zone its source did not state), or today's day in the site's time zone."""
    zone = ZoneInfo(SITE_TIMEZONE)
    now = now or datetime.now(zone)
    if not value:
        return now.date().isoformat()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise NewArticleError(f"--date {value!r} is not a date: write it as 2020-10-23 "
                              "or 2020-10-23T14:30") from None
    try:
        local = (parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)).astimezone(zone)
    except OverflowError:  # 0001-01-01T00:00+14:00: before year 1 in the site's time zone
        raise NewArticleError(f"--date {value} is outside the years 1 to 9999") from None
    if local.date() > now.date():
        raise NewArticleError(f"--date {value} is in the future (today is {now.date()})")
    return parsed.isoformat() if len(value.strip()) > len("2020-10-23") \
        else parsed.date().isoformat()


def existing_slug(content: Path, slug: str) -> Path | None:
    """An article already using `slug` anywhere in the archive, as its file name or its
    `Slug:` (an editor may have changed one and not the other)."""
    from tools.importer.existing import ArticleIndex

    index = ArticleIndex(content / "articles")
    return next((path for path in index.origins if slug in (path.stem, index.slugs[path])),
                None)


def create_article(title: str, content: Path = CONTENT_DIR, date: str | None = None,
                   source: str = "", url: str = "", lang: str = "id", slug: str = "",
                   data: Path = DATA_DIR) -> Path:
    """Write the stub and return its path; refuses to overwrite or to reuse a slug."""
    title = " ".join(title.split())
    if not title:
        raise NewArticleError("the title is empty: python -m tools new \"Headline of the article\"")
    for option, value in (("the title", title), ("--source", source), ("--url", url)):
        if any(unicodedata.category(char) in {"Cc", "Cs"} for char in value):
            raise NewArticleError(f"{option} {value!r} has control characters or bytes that are "
                                  "not UTF-8; retype it (is the terminal set to UTF-8?)")
    languages = load_languages(data / "languages.yaml")
    if languages and lang not in languages:
        raise NewArticleError(f"--lang {lang!r} is not one of {', '.join(sorted(languages))} "
                              "(add it to tools/data/languages.yaml)")
    if url and not url.startswith(("http://", "https://")):
        raise NewArticleError(f"--url {url!r} must start with https:// or http://")
    when = article_date(date)
    slug = title_slug(slug or title)
    clash = existing_slug(content, slug)
    if clash:
        raise NewArticleError(f"{clash} already uses the slug {slug!r}; edit that file, or "
                              "choose another with --slug")
    path = content / "articles" / when[:4] / f"{slug}.md"
    if path.exists():
        raise NewArticleError(f"{path} already exists; it was not changed")
    known = load_known(data)
    source = known.sources.get(source.casefold(), source)  # the profile's spelling
    if source and source.casefold() not in known.sources:
        logger.warning("no site profile for source %r: add tools/data/sites/<site>.yaml "
                       "(docs/editing.md#site-profiles)", source)
    text = STUB.format(title=title, date=when, slug=slug, lang=lang, category="",
                       source=source, url=url, placeholder=PLACEHOLDER)
    try:
        atomic_write(path, "\n".join(line.rstrip() for line in text.split("\n")))
    except OSError as exc:  # full disk, read-only folder: nothing written, one line
        raise NewArticleError(f"{path}: cannot write the file ({exc.strerror}); "
                              "nothing was written") from exc
    return path


NEW_EPILOG = """\b
Examples:
  python -m tools new "Armenia dan Azerbaijan Sepakat Gencatan Senjata"
  python -m tools new "Pertempuran di Shusha" --date 2020-11-08 \\
      --source LancangKuning --url https://lancangkuning.com/post/12345 --lang id

\b
The new file starts as `Status: draft`: it appears in the preview (make devserver) under
/drafts/<slug>/ but not on the published site. Fill in the fields, write the text, change the
status to `published`, then run `make check`. docs/editing.md explains every field."""


@click.command("new", epilog=NEW_EPILOG)
@click.argument("title")
@click.option("--date", metavar="YYYY-MM-DD[THH:MM[+HH:MM]]", help="Publication date, written "
              "as given (default: today's day, Asia/Jakarta); add the zone only when the source "
              "states it.")
@click.option("--source", default="", help="The news site, as named in tools/data/sites/*.yaml.")
@click.option("--url", default="", help="Address of the original article.")
@click.option("--lang", default="id", show_default=True,
              help="ISO 639-1 language code listed in tools/data/languages.yaml.")
@click.option("--slug", default="", help="The URL name (default: made from the title).")
@click.option("--content", type=click.Path(file_okay=False, path_type=Path), default=CONTENT_DIR,
              show_default="content/", help="The archive folder to write into.")
def new_command(title: str, date: str | None, source: str, url: str, lang: str, slug: str,
                content: Path) -> None:
    """Create a new article file with every header field and print its path.

    Never overwrites: if an article with the same slug exists, nothing is written.
    """
    path = create_article(title, content=content, date=date, source=source, url=url, lang=lang,
                          slug=slug)
    click.echo(shown(path))
    click.echo("Draft created: fill in the fields and the text, set `Status: published`, "
               "then run `make check`.", err=True)
