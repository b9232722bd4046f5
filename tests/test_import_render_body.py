"""escape_body (substitutions skipped when the body holds none of their characters) gives what
escaping each paragraph gives, and the word count article.words gives."""

from __future__ import annotations

import random
from pathlib import Path

from tools.importer.article import Article
from tools.importer.markdown_out import escape_body, escape_markdown

PIECES = ["#", ">", "+", "-", "1.", "2)", "12.", "٣.", "٣)", "*", "_", "&amp;", "&#12;", "&x",
          "<a", "< ", "</", "<!", "\\", "`", "[", "]", "{", "}", " ", "  ", "\n", "\u00a0",
          "\u2003", "\t", "kata", "Jakarta", "(ANTARA)", "-", "—", "1", "x.", ""]


def reference(paragraphs: list[str]) -> tuple[str, int]:
    article = Article(path=Path("x.txt"), paragraphs=paragraphs)
    return "\n\n".join(escape_markdown(p) for p in paragraphs), article.words


def test_escape_body_is_the_per_paragraph_escaping() -> None:
    rnd = random.Random(4)
    for _ in range(5000):
        paragraphs = ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 9)))
                      for _ in range(rnd.randint(0, 6))]
        if rnd.random() < 0.5:  # mostly plain text, as in news: the fast path
            paragraphs = [p.translate(str.maketrans("", "", "\\`*_[]{}&<")) for p in paragraphs]
        assert escape_body(paragraphs) == reference(paragraphs), paragraphs


def test_block_starts_are_escaped_on_the_fast_path() -> None:
    paragraphs = ["- satu", "1. dua", "# tiga", "> empat", "+ lima", "٣) enam", "tujuh 1. x"]
    body, words = escape_body(paragraphs)
    assert body.split("\n\n") == ["\\- satu", "1\\. dua", "\\# tiga", "\\> empat", "\\+ lima",
                                  "٣\\) enam", "tujuh 1. x"]
    assert words == 15
