"""The fast alias lookup (whole text folded and split once, bucket keys picked at C speed) finds
exactly the matches the plain per-word loop finds, on corpus text and on mangled text."""

from __future__ import annotations

import random
import re

import pytest

from tools.read import read_input
from tools.vocabulary import load_vocabulary
from tools.wordindex import TextWords, WordIndex, _fold, fold_text

from conftest import ROOT, SHARED

ODD = ["İ", "ı", "ſ", "\u212a", "Σ", "ς", "σ", "Ι", "ι", "\u1fbe", "\u0345", "ǅ", "ẞ", "ß", "ﬆ",
       "Ö", "ə", "Ə", "\u00a0", "-", "'", "’", "_", "1", "AS", "di AS", " dan ", "Rusia", "."]


def corpus_texts() -> list[str]:
    paths = sorted((SHARED / "corpus").glob("*/*.txt")) + sorted((SHARED / "corpus").glob(
        "*/*.html")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [read_input(path).text for path in paths]


def alias_text(vocab_aliases: list[str]) -> str:
    """Every alias as written, upper-cased, lower-cased and title-cased, glued and spaced."""
    forms = []
    for alias in vocab_aliases:
        forms += [alias, alias.upper(), alias.lower(), alias.title(), alias + "an", "x" + alias]
    return " ".join(forms) + "\n" + "".join(forms)


def mangled(texts: list[str], count: int, seed: int = 11) -> list[str]:
    """Slices of real text with odd letters (Turkish i, long s, Kelvin, Greek sigma and iota,
    combining marks) inserted, cased differently or cut mid-word."""
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        text = rnd.choice(texts)
        start = rnd.randrange(len(text))
        text = text[start: start + rnd.randint(20, 2000)]
        for _ in range(rnd.randint(1, 6)):
            pos, kind = rnd.randint(0, len(text)), rnd.random()
            if kind < 0.6:
                text = text[:pos] + rnd.choice(ODD) + text[pos:]
            elif kind < 0.8:
                text = text[:pos] + text[pos:].upper()
            else:
                text = text[:pos] + text[pos:].swapcase()
        out.append(text)
    return out


@pytest.fixture(scope="module")
def texts() -> list[str]:
    vocab = load_vocabulary()
    real = corpus_texts()
    return real + [alias_text([*vocab._folded, *vocab._exact])] + mangled(real, 3000)


def spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in matches]  # type: ignore[attr-defined]


def test_fast_tagger_finds_what_the_per_word_loop_finds(texts: list[str]) -> None:
    loose, exact = load_vocabulary().matcher
    assert exact is not None
    for text in texts:
        words = TextWords.of(text)
        assert spans(loose.finditer(text, words)) == spans(loose.finditer_per_word(text)), text
        assert spans(exact.finditer(text, words)) == spans(exact.finditer_per_word(text)), text


def test_text_words_are_the_word_runs_of_the_text_folded(texts: list[str]) -> None:
    for text in texts:
        words = TextWords.of(text)
        if words is None:
            assert "\u0345" in fold_text(text)  # only a Greek iota makes the fast path give up
            continue
        runs = list(re.finditer(r"\w+", text))
        assert words.starts == [run.start() for run in runs]
        assert words.folded == [_fold(run.group(0)) for run in runs]


def test_text_folding_folds_every_character_as_the_word_folding_does() -> None:
    chars = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)
    folded = fold_text(chars)
    assert len(folded) == len(chars)
    assert folded == "".join(_fold(char) for char in chars)


def test_a_text_with_a_greek_iota_is_matched_word_by_word() -> None:
    index = WordIndex(["Armenia"], ignore_case=True)
    text = "Ι ARMENIA ι armenia"
    assert TextWords.of(text) is None
    assert spans(index.finditer(text)) == [(2, 9, "ARMENIA"), (12, 19, "armenia")]
