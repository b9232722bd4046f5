"""The synthetic corpus: deterministic, realistic in shape, tagged from the real vocabulary."""

from __future__ import annotations

import gzip
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from bench.corpus import EVERY_ARTICLE_WORD, CorpusGenerator, markdown_of
from bench.gzipserve import GzipServer
from bench.prepare import prepare
from bench.rawdump import render_dump
from tools.vocabulary import load_vocabulary


@pytest.fixture(scope="module")
def articles() -> list:
    return CorpusGenerator(seed=1).articles(300)


def test_same_seed_same_corpus() -> None:
    first, again = CorpusGenerator(seed=5).article(42), CorpusGenerator(seed=5).article(42)
    assert markdown_of(first) == markdown_of(again)


def test_articles_have_300_to_900_words_and_3_to_8_known_tags(articles: list) -> None:
    names = {e.name for e in load_vocabulary().entities}
    for article in articles:
        assert 290 <= article.words <= 1000
        assert 3 <= len(article.tags) <= 8
        assert set(article.tags) <= names


def test_tags_spread_like_zipf(articles: list) -> None:
    counts = [n for _, n in Counter(t for a in articles for t in a.tags).most_common()]
    assert counts[0] > 10 * counts[len(counts) // 2]  # a head of popular tags, a long tail


def test_several_sources_languages_and_years(articles: list) -> None:
    assert len({a.source for a in articles}) >= 5
    assert {a.lang for a in articles} >= {"id", "en"}
    assert {a.date.year for a in articles} == {2020, 2021, 2022, 2023, 2024}


def test_every_article_contains_the_every_article_word(articles: list) -> None:
    assert all(EVERY_ARTICLE_WORD in " ".join(a.paragraphs).lower() for a in articles)


def test_markdown_is_marked_synthetic(articles: list) -> None:
    text = markdown_of(articles[0])
    assert "\nSynthetic: true\n" in text
    assert text.startswith(f"Title: {articles[0].title}\n")


def test_raw_dump_looks_like_a_page_dump(articles: list) -> None:
    dump = render_dump(articles[0])
    assert "Baca Juga :" in dump and "Bagikan Artikel" in dump
    assert f", {articles[0].source} - " in dump  # the dateline
    assert "WIB" in dump


def test_prepare_refuses_the_project_content_folder() -> None:
    with pytest.raises(ValueError, match="content"):
        prepare(Path(__file__).resolve().parents[1], 1)


def test_gzip_server_compresses_text_and_counts_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text("var x = 1;\n" * 500)
    (tmp_path / "b.pf_index").write_bytes(b"\x1f\x8b" + b"\0" * 100)
    with GzipServer(tmp_path) as server:
        request = urllib.request.Request(server.url + "/a.js",
                                         headers={"Accept-Encoding": "gzip"})
        body = urllib.request.urlopen(request).read()
        urllib.request.urlopen(server.url + "/b.pf_index").read()
        entries = server.ledger.snapshot()
    assert gzip.decompress(body) == b"var x = 1;\n" * 500
    assert entries == [("/a.js", len(body), True), ("/b.pf_index", 102, False)]
