"""Connect the plugin's features to Pelican's signals, in one place."""

from __future__ import annotations

from pelican import signals

from . import (
    archives,
    entities,
    events,
    figures,
    holdings,
    i18n,
    incremental,
    incremental_writer,
    memory,
    opendata,
    output_guard,
    pelican_fixes,
    presentation,
    provenance,
    raw_seeds,
    related,
    sanitize,
    search_index,
    seo,
    sitelinks,
    sources,
    syndication,
    taxonomy,
    urls,
)


def register() -> None:
    """Pelican's entry point. Receivers of one signal run in the order connected, so the groups
    connect in this order: build machinery, then the site's features, then search and the end."""
    _connect_build()
    _connect_site()
    _connect_search_and_finish()


def _connect_build() -> None:
    """Scale, incremental builds and safety: what every other feature relies on."""
    # Scale: Pelican 4.12's O(N²) membership tests made linear (pelican_fixes.py; any other
    # Pelican version stops the build), and long-lived objects kept from the collector.
    signals.initialized.connect(pelican_fixes.install)
    signals.article_generator_finalized.connect(pelican_fixes.index_listings)
    signals.article_generator_finalized.connect(urls.pin_urls)  # before anything reads them
    memory.register()
    # Incremental builds: pages an edit cannot have changed are left on disk (incremental.py).
    signals.initialized.connect(incremental.start)
    signals.get_writer.connect(incremental.get_writer)
    signals.content_written.connect(incremental_writer.file_written)
    signals.feed_written.connect(incremental_writer.file_written)
    # Security: every body is sanitised by the reader (so Pelican's cache keeps it clean), every
    # feed summary as the feed is made; templates then mark bodies safe.
    signals.readers_init.connect(sanitize.use_sanitising_readers)
    signals.feed_generated.connect(sanitize.sanitize_feed)
    # No Save_as/Url may take a file the site generates (search.js, sitemap.xml...).
    signals.content_object_init.connect(output_guard.refuse_reserved)


def _connect_site() -> None:
    """The theme's pages and their per-article values."""
    # Theme: gettext and filters on every Jinja environment, then per-article values
    # computed once, then the extra pages, feeds and files.
    signals.generator_init.connect(i18n.install)
    signals.generator_init.connect(presentation.install_filters)
    signals.generator_init.connect(provenance.install_filters)  # the date evidence, in words
    signals.generator_init.connect(seo.add_to_context)
    signals.generator_init.connect(events.install_filters)  # an event's name in the page's language
    signals.content_object_init.connect(sitelinks.follow_siteurl)  # /archives/ in a body
    signals.article_generator_finalized.connect(taxonomy.annotate)
    signals.article_generator_finalized.connect(sources.collect)
    signals.article_generator_finalized.connect(figures.annotate)  # the Figures: header
    signals.article_generator_finalized.connect(presentation.annotate)
    signals.article_generator_finalized.connect(entities.build)  # after taxonomy and sources
    signals.article_generator_finalized.connect(related.link)
    signals.article_generator_finalized.connect(syndication.link)  # copies of one story
    signals.article_generator_finalized.connect(events.link)  # the timeline, near events
    signals.article_generator_finalized.connect(archives.add_to_context)
    signals.article_generator_finalized.connect(holdings.add_to_context)  # the About page
    signals.article_generator_finalized.connect(raw_seeds.collect)
    signals.article_writer_finalized.connect(sources.write)
    signals.article_writer_finalized.connect(entities.write_missing)
    signals.article_writer_finalized.connect(figures.write)  # a ledger page per conflict
    signals.article_writer_finalized.connect(opendata.write)  # data/*.csv, data/*.json
    signals.article_writer_finalized.connect(seo.write_404)
    signals.article_writer_finalized.connect(events.write)
    signals.all_generators_finalized.connect(seo.collect)
    signals.feed_generated.connect(seo.feed_id)  # each feed its own atom:id
    signals.finalized.connect(seo.write)
    signals.finalized.connect(raw_seeds.publish)


def _connect_search_and_finish() -> None:
    """After the site's own receivers: the search index, then the build's record."""
    # Search: the index is planned once the articles are known; a bundle to index is fed its
    # article pages in order as each is written or kept by the writer (search_index.py).
    signals.article_generator_finalized.connect(search_index.collect_articles)
    signals.content_written.connect(search_index.page_written)
    incremental_writer.page_kept.connect(search_index.page_kept)
    signals.finalized.connect(search_index.build_index)
    # Last: only a build whose every step succeeded records its pages as current.
    signals.finalized.connect(incremental.finish)
