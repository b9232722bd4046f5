"""What every stage means by a line's key and by its number of words, defined once."""

from __future__ import annotations

import re

# Scripts written without spaces between words (Chinese, Japanese kana, Korean syllables).
UNSPACED_CHARS = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
UNSPACED = re.compile(f"[{UNSPACED_CHARS}]")
_CODE = re.compile(r"[{};(\[]$|^(?://|/\*|#!?\s*\w+\s*=)|\s(?:=|==|!=|:=|=>|->|\+=|&&|\|\|)\s"
                   r"|\w\([^()]*\)$")
_MARKUP = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.IGNORECASE)


def is_markup(text: str) -> bool:
    """Whether a line holds HTML tags (an old page that shows its own markup as text): never
    a headline."""
    return "<" in text and bool(_MARKUP.search(text))


def line_key(text: str) -> str:
    """The text as lines are compared: runs of white space as one space, casefolded."""
    return " ".join(text.split()).casefold()


def word_count(line: str) -> int:
    """Words in a line, an ideograph or kana counting as one (as the evaluation counts them):
    a Japanese line of twenty characters is not a one-word label."""
    pieces = line.split()
    unspaced = len(UNSPACED.findall(line))
    if not unspaced:
        return len(pieces)
    return unspaced + sum(1 for piece in pieces if not UNSPACED.search(piece))


def reading_words(line: str, words: int | None = None) -> int:
    """Words as a reader weighs a line's length: in Chinese or Japanese about two characters
    make a word, so a headline of twenty characters does not read as a paragraph. `words`:
    the line's `word_count`, when the caller has it."""
    words = word_count(line) if words is None else words
    unspaced = len(UNSPACED.findall(line))
    return words - unspaced + unspaced // 2 if unspaced else words


def looks_like_code(line: str) -> bool:
    """A line of program code: it ends a statement or opens a block, opens a comment, or
    assigns or compares. Code repeats its own lines (`if err != nil {`); no headline or menu
    item is written so."""
    return bool(_CODE.search(line))
