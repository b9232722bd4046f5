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

Not O(N²): candidates are the pairs whose sketches share at least MIN_SHARED hash values,
found through an inverted index; a value in more than MAX_POSTING sketches (boilerplate that
every article of an outlet repeats) is skipped, so the work grows with N, not N².
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
MIN_SHINGLES = 12  # shorter texts (a caption, a stub) are never called copies
MIN_SHARED = 4  # sketch values two texts must share to be compared at all
MAX_POSTING = 100  # sketch values shared by more texts than this are boilerplate
THRESHOLD = 0.6  # containment of the shorter text in the longer one
LEAD_WORDS = 400
PUNCTUATION = str.maketrans(dict.fromkeys(".,;:!?\"'()[]{}«»“”‘’„—–-/…·։،、。", " "))
TAG_RE = re.compile(r"<[^>]*>")

_word_codes: dict[str, int] = {}

Sketch = tuple[int, tuple[int, ...]]  # (number of distinct shingles, K smallest hashes, sorted)


def sketch(text: str, size: int = SKETCH_SIZE) -> Sketch:
    """The bottom-`size` sketch of a text's word shingles (HTML tags are ignored)."""
    words = TAG_RE.sub(" ", text).casefold().translate(PUNCTUATION).split()[:LEAD_WORDS]
    codes = _word_codes
    for word in set(words).difference(codes):
        codes[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
    ids = list(map(codes.__getitem__, words))
    shingles = set(map(hash, zip(*(ids[i:] for i in range(SHINGLE_WORDS)), strict=False)))
    return len(shingles), tuple(sorted(shingles)[:size])


def jaccard(a: Sketch, b: Sketch, size: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard similarity of the two shingle sets (bottom-k estimator)."""
    union = heapq.nsmallest(size, set(a[1]) | set(b[1]))
    if not union:
        return 0.0
    both = set(a[1]) & set(b[1])
    return sum(value in both for value in union) / len(union)


def containment(a: Sketch, b: Sketch) -> float:
    """Estimated share of the shorter text's shingles found in the longer one."""
    if min(a[0], b[0]) < MIN_SHINGLES:
        return 0.0
    similarity = jaccard(a, b)
    common = similarity * (a[0] + b[0]) / (1 + similarity)  # |A∩B| from J and |A|, |B|
    return min(common / min(a[0], b[0]), 1.0)


def candidate_pairs(sketches: Sequence[Sketch]) -> Iterable[tuple[int, int]]:
    """Index pairs (i < j) whose sketches share enough values to be worth comparing."""
    postings: dict[int, list[int]] = defaultdict(list)
    for index, (_, values) in enumerate(sketches):
        for value in values:
            postings[value].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if 1 < len(members) <= MAX_POSTING:
            for i, first in enumerate(members):
                for second in members[i + 1:]:
                    shared[first, second] += 1
    return sorted(pair for pair, count in shared.items() if count >= MIN_SHARED)


def copies(sketches: Sequence[Sketch], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """Index pairs judged copies of one story (containment at least `threshold`)."""
    return [(i, j) for i, j in candidate_pairs(sketches)
            if containment(sketches[i], sketches[j]) >= threshold]


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
