"""Synthetic articles for benchmarks: marked synthetic, tagged from the real vocabulary.

Each article exists in two forms from one record: a Markdown file with the archive's header (what
Pelican builds) and a page-dump-like raw text (what the importer reads). Tags follow a Zipf-like
spread over the real vocabulary, so tag pages range from a handful of articles to thousands, as in
a real archive. Nothing here ever writes into `content/`.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from slugify import slugify

from bench.lexicon import TextMaker, ZipfSampler
from tools.vocabulary import load_vocabulary

# A word every synthetic article contains (the "word found in every article" search).
EVERY_ARTICLE_WORD = "kaukasus"
EVERY_ARTICLE_SENTENCE = "Konflik di kawasan Kaukasus kembali menjadi sorotan."

# (display name, domain, language, weight): mostly Indonesian sites, some English and Russian.
SOURCES = [
    ("LancangKuning", "lancangkuning.com", "id", 6),
    ("Kompas", "kompas.com", "id", 5),
    ("Antara", "antaranews.com", "id", 4),
    ("Detik", "detik.com", "id", 4),
    ("Republika", "republika.co.id", "id", 3),
    ("Tempo English", "en.tempo.co", "en", 2),
    ("Jakarta Globe", "jakartaglobe.id", "en", 1),
    ("RIA Novosti", "ria.ru", "ru", 1),
]
AGENCIES = ["AFP", "Reuters", "AP", "Antara", "TASS", "Anadolu"]
EDITORS = ["evn", "fyk/ash", "kpl/pur", "ren", "Cas/Isk", "dna"]
AUTHORS = ["Rina Wulandari", "Budi Santoso", "Dewi Lestari", "Agus Pratama", "Siti Rahma"]
# Every COPY_EVERY-th article is another outlet's copy of the one before, with its own title
# and last paragraph: syndicated stories, so the build's copy detection does real work.
COPY_EVERY = 25
START = datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=7)))
SPAN_SECONDS = int((datetime(2025, 1, 1, tzinfo=START.tzinfo) - START).total_seconds())


@dataclass
class SyntheticArticle:
    """One generated article; `index` makes slugs and file names unique."""

    index: int
    title: str
    date: datetime
    lang: str
    source: str
    domain: str
    category: str
    tags: list[str]
    authors: list[str]
    editor: str
    agencies: list[str]
    paragraphs: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return f"{slugify(self.title, max_length=60, word_boundary=True)}-syn{self.index}"

    @property
    def raw_name(self) -> str:
        return f"synthetic-{self.index:06d}.txt"

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


class CorpusGenerator:
    """Build SyntheticArticle records; the same seed always gives the same corpus."""

    def __init__(self, seed: int = 2020) -> None:
        self.seed = seed
        vocab = load_vocabulary()
        # Vocabulary order is curated (main places first), so it doubles as the popularity rank.
        names = [e.name for e in vocab.entities if "," not in e.name]
        self.tags = ZipfSampler(names, exponent=1.1)
        self.conflicts = ZipfSampler([c.name for c in vocab.conflicts], exponent=1.3)
        self.text = TextMaker(seed=seed)
        self._sources = [s for s in SOURCES for _ in range(s[3])]

    def article(self, index: int) -> SyntheticArticle:
        made = self._made(index)
        if index % COPY_EVERY == 1:
            original = self._made(index - 1)
            made.paragraphs = [*original.paragraphs[:-1], made.paragraphs[-1]]
            made.date = original.date + timedelta(hours=1 + index % 30)
            made.agencies = original.agencies
            if made.source == original.source:
                made.source, made.domain, made.lang, _ = next(
                    s for s in SOURCES if s[0] != original.source)
        return made

    def _made(self, index: int) -> SyntheticArticle:
        rng = random.Random(f"{self.seed}:{index}")
        tags = sorted(self.tags.draw_distinct(rng, rng.randint(3, 8)))
        source, domain, lang, _ = rng.choice(self._sources)
        words = rng.randint(300, 900)
        paragraphs = self.text.paragraphs(rng, words - 10, tags)
        paragraphs[0] = f"{paragraphs[0]} {EVERY_ARTICLE_SENTENCE}"
        title_words = " ".join(self.text.words.draw(rng) for _ in range(rng.randint(3, 6)))
        return SyntheticArticle(
            index=index,
            title=f"{tags[0]} dan {tags[-1]} {title_words}".strip(),
            date=START + timedelta(seconds=rng.randrange(SPAN_SECONDS)),
            lang=lang,
            source=source,
            domain=domain,
            category=self.conflicts.draw(rng),
            tags=tags,
            authors=rng.sample(AUTHORS, rng.choice((0, 1, 1, 2))),
            editor=rng.choice(EDITORS),
            agencies=rng.sample(AGENCIES, rng.choice((0, 1, 1, 2))),
            paragraphs=paragraphs,
        )

    def articles(self, n: int) -> list[SyntheticArticle]:
        return [self.article(i) for i in range(n)]


def summary_of(article: SyntheticArticle, limit: int = 200) -> str:
    """The first paragraph trimmed on a word boundary, as the importer writes `Summary`."""
    first = article.paragraphs[0]
    return first if len(first) <= limit else first[:limit].rsplit(" ", 1)[0] + " …"


def markdown_of(article: SyntheticArticle, raw_sha256: str = "") -> str:
    """The article as the importer would write it, marked `Synthetic: true`."""
    header = {
        "Title": article.title,
        "Date": article.date.isoformat(),
        "Slug": article.slug,
        "Lang": article.lang,
        "Category": article.category,
        "Tags": ", ".join(article.tags),
        "Summary": summary_of(article),
        "Authors": ", ".join(article.authors),
        "Editor": article.editor,
        "Source": article.source,
        "Source_url": f"https://{article.domain}/internasional/{article.slug}",
        "Agencies": ", ".join(article.agencies),
        "Words": str(article.words),
        "Raw_file": article.raw_name,
        "Raw_sha256": raw_sha256,
        "Date_method": "dateline",
        "Synthetic": "true",
    }
    lines = [f"{key}: {value}" for key, value in header.items() if value]
    return "\n".join(lines) + "\n\n" + "\n\n".join(article.paragraphs) + "\n"


def write_markdown(article: SyntheticArticle, root: Path, raw_sha256: str = "") -> Path:
    """Write to root/articles/YYYY/<slug>.md (root is a work folder, never content/)."""
    path = root / "articles" / f"{article.date:%Y}" / f"{article.slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown_of(article, raw_sha256), encoding="utf-8")
    return path


def write_raw(article: SyntheticArticle, folder: Path, dump: str) -> str:
    """Write a raw dump; returns its sha256 (the Markdown header records it)."""
    data = dump.encode("utf-8")
    (folder / article.raw_name).write_bytes(data)
    return hashlib.sha256(data).hexdigest()
