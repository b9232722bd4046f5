"""Line facts computed once per dump (tools/repeats.py: folded text, word counts, learned lines)
equal what the per-line code computes, and body finding gives the same span with them."""

from __future__ import annotations

import random

from tools.body import find_body
from tools.clean import MemoRules
from tools.read import normalise, read_input
from tools.repeats import DumpLines, folded, junk_lines, line_key, word_counts
from tools.rules import load_common_rules, load_sites

from conftest import ROOT, SHARED

ODD = ["Σ", "ς", "ß", "İ", "ı", "ſ", "\u212a", "ﬁ", "\x85", "\u00a0", "\u2028", "\t", "  ",
       "\u0345", "ǅ", "Ω"]


def dumps() -> list[str]:
    paths = sorted((SHARED / "corpus").glob("raw_text/*.txt")) + sorted(
        (ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "bench" / "work" / "n1000" / "raw").glob(
            "*.txt"))[:50]
    texts = [read_input(path).text for path in paths]
    rnd = random.Random(5)
    for text in list(texts[:20]):
        for _ in range(10):
            pos = rnd.randint(0, len(text))
            text = text[:pos] + rnd.choice(ODD) + text[pos:]
        texts.append(normalise(text))
    return texts


def test_casefolding_never_makes_or_removes_a_newline() -> None:
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        assert ("\n" in char.casefold()) == (char == "\n"), hex(code)


def test_dump_facts_equal_the_per_line_ones() -> None:
    for text in dumps():
        lines = DumpLines(text)
        plain = text.split("\n")
        assert lines == plain
        assert folded(lines) == folded(plain) == [" ".join(line.split()).casefold()
                                                  for line in plain]
        assert word_counts(lines) == word_counts(plain) == [len(line.split()) for line in plain]
        keys = {line_key(line) for line in plain[::3] if line.strip()}
        assert junk_lines(lines, folded(lines), keys) == {line for line in plain
                                                          if line_key(line) in keys}


def test_body_span_is_the_same_with_known_word_counts() -> None:
    sites = [None, *load_sites()]
    for number, text in enumerate(dumps()):
        site = sites[number % len(sites)]
        lines = DumpLines(text)
        junk = set(lines[::5])
        for hint in ("", lines[min(3, len(lines) - 1)]):
            spans = [find_body(lines, MemoRules(site.rules if site else (), load_common_rules()),
                               hint, junk.__contains__, words)
                     for words in (None, word_counts(lines))]
            assert spans[0] == spans[1]



def test_run_wide_rule_memo_gives_the_plain_first_rule() -> None:
    from tools.clean import first_match

    lines = [line for text in dumps() for line in text.split("\n") if line]
    for site in [None, *load_sites()]:
        rules = (site.rules if site else ()) + load_common_rules()
        for _ in range(2):  # the second article finds short lines in the run-wide memo
            grouped = MemoRules(site.rules if site else (), load_common_rules())
            for line in lines[:4000]:
                plain = next((rule for rule in rules if rule.search(line)), None)
                assert first_match(line, grouped) is plain, line
                assert first_match(line, grouped) is plain, line


def test_normalise_equals_the_line_by_line_version() -> None:
    import re
    import unicodedata

    def reference(text: str) -> str:  # read.normalise before it worked on the whole text
        text = unicodedata.normalize("NFC", text)
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
        text = text.replace("\u2029", "\n\n")
        text = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]", "", text)
        text = re.sub(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]", " ", text)
        text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
        return "\n".join(" ".join(line.split()) for line in text.split("\n"))

    odd = [chr(code) for code in range(0x110000) if chr(code).isspace()] + [
        "\u200b", "\ufeff", "\x00", "\x01", "\x7f", "\xad", "\u180e", "\u2060", "\r\n", "a",
        "e\u0301"]
    rnd = random.Random(9)
    paths = sorted((SHARED / "corpus").glob("raw_text/*.txt"))
    texts = [path.read_bytes().decode("utf-8", "replace") for path in paths]
    cases = ["", " ", "\n", " \n ", "\x85", "a\x85\x85b", " a \n\n b ", "\r\n \r", "\u2029 \u2029"]
    for text in texts:
        for _ in range(20):
            chars = list(text[:600])
            for _ in range(30):
                chars.insert(rnd.randint(0, len(chars)), rnd.choice(odd) * rnd.randint(1, 3))
            cases.append("".join(chars))
    for text in texts + cases:
        assert normalise(text) == reference(text), repr(text[:80])
