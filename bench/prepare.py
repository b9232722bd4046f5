"""Lay out a benchmark work folder: synthetic content, raw dumps, and the words to search for.

    <work>/content/articles/YYYY/<slug>.md   Markdown articles (Synthetic: true)
    <work>/content/pages/                    the project's real static pages (About, How to search)
    <work>/raw/synthetic-NNNNNN.txt          the same articles as raw page dumps (importer input)
"""

from __future__ import annotations

import logging
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from bench.corpus import EVERY_ARTICLE_WORD, CorpusGenerator, write_markdown, write_raw
from bench.lexicon import COMMON
from bench.rawdump import render_dump

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]
_WORD = re.compile(r"[a-z]+")
_STOP = set(COMMON[:60])


@dataclass
class Corpus:
    """Where the generated corpus lives and what it holds."""

    content: Path
    raw: Path
    articles: int
    words_mean: float
    typical_word: str
    typical_df: int
    every_word: str


def pick_typical_word(doc_freq: Counter[str], n: int, share: float = 0.02) -> tuple[str, int]:
    """A word (≥ 6 letters) found in about `share` of the articles: a typical query.

    Even the rarest of the common real words is in ~10% of articles, so the pick usually falls
    on one of the long tail's Indonesian-looking words, like a name or a place would.
    """
    candidates = [w for w in doc_freq if len(w) >= 6 and w not in _STOP]
    best = min(candidates, key=lambda w: (abs(doc_freq[w] - share * n), w))
    return best, doc_freq[best]


def prepare(work: Path, n: int, seed: int = 2020) -> Corpus:
    """Generate n articles into a fresh work folder (never the project's content/)."""
    content, raw = work / "content", work / "raw"
    if content.resolve() == (ROOT / "content").resolve():
        raise ValueError("refusing to generate synthetic articles into the project's content/")
    shutil.rmtree(content, ignore_errors=True)
    shutil.rmtree(raw, ignore_errors=True)
    raw.mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    generator = CorpusGenerator(seed)
    doc_freq: Counter[str] = Counter()
    total_words = 0
    for index in tqdm(range(n), desc="generate", unit="article", leave=False,
                      disable=None):  # no bar when not on a terminal
        article = generator.article(index)
        sha = write_raw(article, raw, render_dump(article))
        write_markdown(article, content, sha)
        total_words += article.words
        doc_freq.update(set(_WORD.findall(" ".join(article.paragraphs).lower())))
    typical, df = pick_typical_word(doc_freq, n)
    logger.info("generated %d articles (%.0f words on average) in %s", n, total_words / n, work)
    return Corpus(content, raw, n, total_words / n, typical, df, EVERY_ARTICLE_WORD)
