"""detect_language counts function words in byte runs of a-z (the lowercased UTF-8 text with
every other byte a space): the same runs and the same answers as re.findall over the text."""

from __future__ import annotations

import random
import re
from collections import Counter

from tools.metadata import _ONLY_A_TO_Z, STOPWORDS, detect_language
from tools.read import read_input

from conftest import ROOT, SHARED

PIECES = ["yang", "dan", "the", "of", "and", "Dan", "THE", "\u212a", "ſ", "İ", "ı", "é", "ü",
          "\udcff", "\ud800", "\u00a0", " ", "\n", ",", "1", "_", "x", "di", "is", "ǅ", "ß",
          "Ω", "ą", "that", "ini", "said", "—", "“", "'"]


def reference(text: str, default: str = "id") -> str:
    words = Counter(re.findall(r"[a-z]+", text.lower()))
    counts = {lang: sum(words[w] for w in stop) for lang, stop in STOPWORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] > 0 else default


def texts() -> list[str]:
    paths = sorted((SHARED / "corpus").glob("*/*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    real = [read_input(path).text for path in paths]
    rnd = random.Random(9)
    made = ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 40))) for _ in range(4000)]
    return real + made + ["", "dan the", "the dan", "THE AND OF", "\u212aata yang"]


def test_the_byte_runs_are_the_findall_runs() -> None:
    for text in texts():
        runs = text.lower().encode("utf-8", "surrogatepass").translate(_ONLY_A_TO_Z).split()
        assert runs == [r.encode() for r in re.findall(r"[a-z]+", text.lower())], text


def test_the_language_is_the_reference_answer() -> None:
    for text in texts():
        assert detect_language(text) == reference(text), text
        assert detect_language(text, "en") == reference(text, "en"), text
