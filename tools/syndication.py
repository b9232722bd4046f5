"""Copies of one story across outlets: word shingles, bottom-k MinHash sketches, clusters.

Shared by the importer (which records `Cluster:` at import) and the build plugin (which groups
articles from their Markdown), so both judge "the same story" alike. Pure functions, standard
library only.

A text becomes the set of 5-word shingles of its first LEAD_WORDS words (a copy keeps the lead;
beyond it outlets cut and append), words casefolded and split at white space and common
punctuation, in any script. Each shingle is hashed deterministically (words by CRC-32, the
5-tuple by Python's tuple hash, which for ints does not depend on the process), and a sketch
keeps the K smallest hashes: a bottom-k MinHash.
Two sketches estimate the Jaccard similarity of the full shingle sets (bottom-k of the union,
share found in both), from which the containment of the shorter text in the longer follows,
so a copy that an outlet trimmed still counts.

Not O(N²): candidates are the earlier sketches that share at least MIN_SHARED of their INDEXED
smallest values with a new one (copies share most of them), found through an inverted index; a
value in more than MAX_POSTING sketches (boilerplate that every article of an outlet repeats) is
skipped, so the work grows with N.
"""

from __future__ import annotations

import heapq
import html
import re
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
MIN_SHINGLES = 12  # shorter texts (a caption, a stub) are never called copies
INDEXED = 16  # the smallest values of a sketch that the inverted index holds
MIN_SHARED = 2  # of those, how many two texts must share to be compared at all
MAX_POSTING = 100  # values shared by more texts than this are boilerplate
THRESHOLD = 0.6  # containment of the shorter text in the longer one
LEAD_WORDS = 200
LEAD_CHARS = 12 * LEAD_WORDS  # enough text for LEAD_WORDS words and their markup
PUNCTUATION = str.maketrans(dict.fromkeys(".,;:!?\"'()[]{}«»“”‘’„—–-/…·։،、。\\*_#`", " "))
TAG_RE = re.compile(r"<[^>]*>")

_word_codes: dict[str, int] = {}

Sketch = tuple[int, tuple[int, ...]]  # (number of distinct shingles, K smallest hashes, sorted)


def sketch(text: str, size: int = SKETCH_SIZE) -> Sketch:
    """The bottom-`size` sketch of a text's word shingles (HTML tags are ignored)."""
    plain = TAG_RE.sub(" ", text[:LEAD_CHARS])
    plain = html.unescape(plain) if "&" in plain else plain
    words = plain.casefold().translate(PUNCTUATION).split()[:LEAD_WORDS]
    codes = _word_codes
    for word in set(words).difference(codes):
        codes[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
    ids = list(map(codes.__getitem__, words))
    shingles = set(map(hash, zip(*(ids[i:] for i in range(SHINGLE_WORDS)), strict=False)))
    return len(shingles), tuple(sorted(shingles)[:size])


def jaccard(a: tuple[int, Sequence[int]], b: tuple[int, Sequence[int]],
            size: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard similarity of the two shingle sets (bottom-k estimator)."""
    union = heapq.nsmallest(size, set(a[1]) | set(b[1]))
    if not union:
        return 0.0
    both = set(a[1]) & set(b[1])
    return sum(value in both for value in union) / len(union)


def containment(a: tuple[int, Sequence[int]], b: tuple[int, Sequence[int]]) -> float:
    """Estimated share of the shorter text's shingles found in the longer one."""
    if min(a[0], b[0]) < MIN_SHINGLES:
        return 0.0
    similarity = jaccard(a, b)
    common = similarity * (a[0] + b[0]) / (1 + similarity)  # |A∩B| from J and |A|, |B|
    return min(common / min(a[0], b[0]), 1.0)


class SketchIndex:
    """An inverted index of sketches' smallest values: `similar` finds the indexed items that
    share at least MIN_SHARED of them with a new sketch, then keeps those whose containment
    reaches the threshold. Each item is kept as the `ref` given to `add` (the sketch itself by
    default); `load` turns a ref back into its sketch when one must be compared, so a caller
    may keep a file name or packed bytes instead (the importer: tools/importer/stories.py)."""

    def __init__(self, threshold: float = THRESHOLD,
                 load: Callable[[Any], Sketch] | None = None) -> None:
        self.threshold = threshold
        self.refs: list[Any] = []
        self._load = load or (lambda ref: ref)
        self._first: dict[int, int] = {}  # value -> first item holding it
        self._more: dict[int, list[int]] = {}  # value -> the other items holding it (rare)

    def add(self, item: Sketch, ref: Any = None) -> int:
        """Index `item` (kept as `ref`, default the sketch); returns its number."""
        number = len(self.refs)
        self.refs.append(item if ref is None else ref)
        for value in item[1][:INDEXED]:
            if self._first.setdefault(value, number) != number:
                self._more.setdefault(value, []).append(number)
        return number

    def similar(self, item: Sketch) -> list[tuple[int, float]]:
        """(number, containment) of the indexed items judged copies of `item`, best first."""
        shared: Counter[int] = Counter()
        for value in item[1][:INDEXED]:
            first = self._first.get(value)
            if first is None:
                continue
            holders = [first, *self._more.get(value, ())]
            if len(holders) <= MAX_POSTING:
                shared.update(holders)
        found = [(n, containment(item, self._load(self.refs[n])))
                 for n, count in shared.items() if count >= MIN_SHARED]
        return sorted(((n, score) for n, score in found if score >= self.threshold),
                      key=lambda pair: (-pair[1], pair[0]))


def pack(item: Sketch) -> tuple[int, bytes]:
    """A sketch in ~0.6 KB instead of ~2.5 KB (a tuple of Python ints)."""
    return item[0], array("q", item[1]).tobytes()


def unpack(packed: tuple[int, bytes]) -> Sketch:
    values = array("q")
    values.frombytes(packed[1])
    return packed[0], tuple(values)


def copies(sketches: Sequence[Sketch], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """Index pairs (i < j) judged copies of one story."""
    index = SketchIndex(threshold)
    pairs = []
    for item in sketches:
        number = len(index.refs)
        pairs += [(other, number) for other, _ in index.similar(item)]
        index.add(item)
    return sorted(pairs)


def groups(count: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected groups (of two or more) of `count` items linked by `pairs`, each sorted,
    ordered by their first item (union-find)."""
    parent = list(range(count))

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for first, second in pairs:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    found: dict[int, list[int]] = defaultdict(list)
    for item in range(count):
        found[root(item)].append(item)
    return sorted((members for members in found.values() if len(members) > 1),
                  key=lambda members: members[0])
