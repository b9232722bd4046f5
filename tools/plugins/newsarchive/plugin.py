"""Connect the plugin's features to Pelican's signals, in one place."""

from __future__ import annotations

from pelican import signals

from . import (
    archives,
    holdings,
    i18n,
    incremental,
    output_guard,
    parallel_read,
    presentation,
    raw_seeds,
    related,
    sanitize,
    search_index,
    seo,
    sources,
    speedups,
    taxonomy,
)


def register() -> None:
    signals.initialized.connect(speedups.install)  # Performance (issue 8): see speedups.py.
    # Incremental builds (issue 8): skip pages an edit cannot have changed; see incremental.py.
    signals.initialized.connect(incremental.start)
    signals.initialized.connect(search_index.start_prefeed)  # after incremental.start
    signals.get_writer.connect(incremental.get_writer)
    signals.generator_init.connect(parallel_read.install)  # Cold builds: see parallel_read.py.
    # Security (issue 7): every body is sanitised before templates mark it safe.
    signals.content_object_init.connect(sanitize.sanitize_content)
    # Issue 15: no Save_as/Url may take a file the site generates (search.js, sitemap.xml...).
    signals.content_object_init.connect(output_guard.refuse_reserved)
    signals.all_generators_finalized.connect(sanitize.save_memo)  # its memo: sanitize_memo.py
    # Theme (issue 4): gettext and filters on every Jinja environment, then per-article values
    # computed once, then the extra pages, feeds and files.
    signals.generator_init.connect(i18n.install)
    signals.generator_init.connect(presentation.install_filters)
    signals.generator_init.connect(seo.add_to_context)
    signals.article_generator_finalized.connect(taxonomy.annotate)
    signals.article_generator_finalized.connect(sources.collect)
    signals.article_generator_finalized.connect(presentation.annotate)
    signals.article_generator_finalized.connect(related.link)
    signals.article_generator_finalized.connect(archives.add_to_context)
    signals.article_generator_finalized.connect(holdings.add_to_context)  # the About page
    signals.article_generator_finalized.connect(raw_seeds.collect)
    signals.article_writer_finalized.connect(sources.write)
    signals.article_writer_finalized.connect(seo.write_404)
    signals.all_generators_finalized.connect(seo.collect)
    signals.finalized.connect(seo.write)
    signals.finalized.connect(raw_seeds.publish)
    # Search (issue 8): article pages are indexed as they are written, only bundles whose pages
    # changed are rebuilt, and each bundle is normalised as it is written (reproducible.py,
    # issue 7: Pagefind writes filters in hash-map order); see search_index.py.
    signals.article_generator_finalized.connect(search_index.collect_articles)
    signals.content_written.connect(search_index.page_written)
    signals.finalized.connect(search_index.build_index)
    # Last: only a build whose every step succeeded records its pages as current.
    signals.finalized.connect(incremental.finish)
