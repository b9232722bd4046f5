"""The tagger's fast path (the folded text with non-word characters as spaces, one trie regex
for the keys, `str.find` for keys with non-ASCII letters, a required-word gate for the
case-sensitive aliases) finds exactly the runs and matches the per-word loop finds."""

from __future__ import annotations

import random
import re

from tools.read import read_input
from tools.vocabulary import load_vocabulary
from tools.wordindex import MAX_REPLACED, KeySet, TextWords, WordIndex, _fold, trie

from conftest import ROOT, SHARED

LETTERS = "abcdeiksuzAEIKSUZ_19ıİſ\u212aéüəğçşжбд"
GLUE = [" ", "  ", ", ", ".", "-", "\n", "“", "”", "’", "\u00a0", "_", "(", ")"]


def spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in matches]  # type: ignore[attr-defined]


def corpus_texts() -> list[str]:
    paths = sorted((SHARED / "corpus").glob("*/*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [read_input(path).text for path in paths]


def random_words(rnd: random.Random, count: int, letters: str = LETTERS) -> list[str]:
    return ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 5))) for _ in range(count)]


def random_text(rnd: random.Random, words: list[str], length: int,
                letters: str = LETTERS) -> str:
    parts = []
    for _ in range(length):
        parts.append(rnd.choice(words) if rnd.random() < 0.7 else
                     random_words(rnd, 1, letters)[0])
        parts.append(rnd.choice([*GLUE[:-4], ""] if letters != LETTERS else GLUE))
    return "".join(parts)


def keyed_by_split(words: TextWords, keys: frozenset[str]) -> list[tuple[int, str]]:
    return [(start, word) for start, word in zip(words.starts, words.folded, strict=True)
            if word in keys]


def test_trie_matches_exactly_its_words() -> None:
    rnd = random.Random(3)
    for _ in range(200):
        words = set(random_words(rnd, rnd.randint(1, 30)))
        pattern = re.compile(trie(words))
        for word in words | set(random_words(rnd, 50)) | {w[:-1] for w in words if len(w) > 1}:
            assert bool(pattern.fullmatch(word)) == (word in words), (words, word)


def test_keyed_runs_are_the_split_runs_that_are_keys() -> None:
    rnd = random.Random(5)
    checked = fast = 0
    for round_ in range(400):  # even rounds: fewer letters (no "_", a few non-ASCII)
        letters = LETTERS if round_ % 2 else "abikAIK19ıéж\u212a"
        vocab = random_words(rnd, 40, letters)
        keys = KeySet.of({_fold(w) for w in vocab if re.fullmatch(r"\w+", w)})
        text = random_text(rnd, vocab, rnd.randint(0, 80), letters)
        words = TextWords.of(text)
        if words is None:
            continue
        assert words.keyed(keys) == keyed_by_split(words, keys.all), text
        checked += 1
        fast += words._spaced is not None and not (keys.has_underscore and words._non_ascii)
    assert checked > 300 and fast > 100


def test_texts_with_many_non_ascii_letters_are_split() -> None:
    text = " ".join(chr(0x430 + i) * 2 for i in range(MAX_REPLACED + 1)) + " armenia"
    words = TextWords.of(text)
    assert words is not None and words._spaced is None
    keys = KeySet.of({"armenia", "бб"})
    assert words.keyed(keys) == keyed_by_split(words, keys.all) == [(3, "бб"), (39, "armenia")]


def test_real_text_with_the_vocabulary() -> None:
    vocab = load_vocabulary()
    loose, exact = vocab.matcher
    assert exact is not None
    rnd = random.Random(7)
    aliases = [*vocab._folded, *vocab._exact]
    texts = corpus_texts()
    for text in list(texts):  # a few aliases, some with non-ASCII letters, glued in
        for _ in range(3):
            pos = rnd.randrange(len(text) + 1)
            extra = rnd.choice(aliases)
            extra = rnd.choice([extra, extra.upper(), extra.lower(), extra + "_", "x" + extra])
            text = text[:pos] + rnd.choice(GLUE) + extra + rnd.choice(GLUE) + text[pos:]
        texts.append(text)
    for text in texts:
        words = TextWords.of(text)
        assert spans(loose.finditer(text, words)) == spans(loose.finditer_per_word(text)), text
        assert spans(exact.finditer(text, words)) == spans(exact.finditer_per_word(text)), text


def test_the_case_sensitive_gate_needs_one_word_of_an_alias() -> None:
    index = WordIndex(["di AS", "Rusia, AS", "UN", "pemerintah AS"], ignore_case=False)
    assert index._needed == frozenset({"AS", "UN"})
    for text in ["di AS dan Rusia, AS", "di as", "pemerintah AS.", "UNSC UN", "di  AS", ""]:
        assert spans(index.finditer(text)) == spans(index.finditer_per_word(text)), text
    assert spans(index.finditer("di as, rusia, as, un")) == []


def test_keys_with_an_underscore_and_non_ascii_text() -> None:
    index = WordIndex(["a_b", "ab", "äb"], ignore_case=True)
    for text in ["a_b äb ab", "aäb a_b", "äb_ ab", "a_ä a_b"]:
        words = TextWords.of(text)
        assert spans(index.finditer(text, words)) == spans(index.finditer_per_word(text)), text
