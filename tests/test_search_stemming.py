"""The search page hands Pagefind the stems of Indonesian words: same results, fewer bytes.

theme/static/js/search-stem.js replaces each plain query word by its Snowball Indonesian stem
(Pagefind otherwise downloads the index chunk of the word as typed as well as the one of its
stem). That is only safe if the page's stemmer is exactly Pagefind's, so this test asks Pagefind
itself, in Chromium: on a real Pagefind index of thousands of words, searching the stem the page
would send must give the same results, scores and word positions as searching the word.
"""

from __future__ import annotations

import datetime
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

from bench.lexicon import COMMON, pseudo_words

from conftest import ROOT, SHARED

pytestmark = pytest.mark.browser

STEM_JS = ROOT / "theme" / "static" / "js" / "search-stem.js"
WORD = re.compile(r"[a-z]+")

# Words that take each branch of the algorithm (prefix kinds, -kan/-an/-i conditions, the
# meny-/peny-/mem-/pem- replacements, be- + consonant + er, belajar/pelajar, particles).
BRANCHES = """
ditiwullah memperbaiki mempelajari pelajaran belajarlah bekerjanya berkelahi menyapu menyanyi
penyakit penyanyi memakai membuat pemakaian pembuatan pengiriman mengirimkan menggunakan
diketahui ketahuan kedatangan terbawa pertahanan perbaikan persatuan kesatuannya bersamaan
dibacakan bacakanlah tulisanmu bukuku rumahnya apakah manapun disiksai menasihati memberikan
pemberian penyelesaian menyelesaikan kemanusiaan ketidakadilan berkeliling perekonomian
"""


def _words() -> list[str]:
    """Real Indonesian text in the repository (and the shared corpus when it is there), the
    bench's affixed pseudo-words and the branch list, lower case, three letters or more."""
    texts = [" ".join(COMMON), BRANCHES, " ".join(pseudo_words(3000))]
    for folder, pattern in ((ROOT / "content", "**/*.md"), (ROOT / "seeds", "*.txt"),
                            (SHARED / "corpus" / "raw_text", "*.txt")):
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in folder.glob(pattern)]
    words = {w for text in texts for w in WORD.findall(text.lower()) if len(w) >= 3}
    return sorted(words)


def _pagefind_site(folder: Path, words: list[str]) -> None:
    """One page per word, indexed by the real Pagefind binary (as `lang="id"`)."""
    from pagefind.service import get_executable

    day = datetime.date(2000, 1, 1)
    for i, word in enumerate(words):
        page = folder / "w" / f"{i}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        date = day + datetime.timedelta(days=(i * 7919) % 9000)  # dates in no word order
        page.write_text(f'<!doctype html><html lang="id"><head><title>{i}</title></head>'
                        f'<body><main data-pagefind-sort="date[data-date]" data-date="{date}">'
                        f"<p>{html.escape(word)}</p></main></body></html>", encoding="utf-8")
    subprocess.run([str(get_executable()), "--site", str(folder)], check=True,
                   capture_output=True, timeout=300)


STEMS = """async (words) => {
  const { stemQuery } = await import("/search-stem.js");
  return Object.fromEntries(words.map((w) => [w, stemQuery(w, "id")]));
}"""

# Per word: the pages found (with word positions) as a set, and in date order as a list.
COMPARE = """async (pairs) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({ noWorker: true });
  const found = async (q) => {
    const found = (await pagefind.search(q)).results.map((r) => JSON.stringify([r.id, r.words]));
    const dated = (await pagefind.search(q, { sort: { date: "desc" } })).results;
    return JSON.stringify([found.sort(), dated.map((r) => [r.id, r.words])]);
  };
  const differing = [];
  let empty = 0;
  for (const [word, stem] of pairs) {
    const asTyped = await found(word);
    if (asTyped.startsWith("[[]")) empty++;
    if (asTyped !== await found(stem)) differing.push(word + " → " + stem);
  }
  return { differing, empty };
}"""


@pytest.fixture(scope="module")
def words() -> list[str]:
    found = _words()
    assert len(found) > 3000, "too few words to check the stemmer on"
    return found


def test_searching_the_stem_finds_exactly_what_searching_the_word_finds(
        page: Page, serve, tmp_path: Path, words: list[str]) -> None:
    shutil.copy(STEM_JS, tmp_path / "search-stem.js")
    (tmp_path / "index.html").write_text('<!doctype html><html lang="id"><title>t</title>',
                                         encoding="utf-8")
    base = serve(tmp_path)
    page.goto(f"{base}/index.html")
    stems = page.evaluate(STEMS, words)
    changed = [(w, s) for w, s in stems.items() if s != w]
    assert len(changed) > 1000, "the stemmer should shorten most affixed words"

    # Index the words and the stems themselves: a stem that is a mere prefix of Pagefind's
    # would then find that page too, and differ.
    _pagefind_site(tmp_path, sorted(set(words) | set(stems.values())))
    page.goto(f"{base}/index.html")
    outcome = page.evaluate(COMPARE, changed)
    assert outcome["differing"] == [], (
        f"{len(outcome['differing'])} of {len(changed)} words give other results when "
        f"searched by the page's stem: {outcome['differing'][:20]}")
    assert outcome["empty"] == 0, "every indexed word should find at least its own page"


def test_only_plain_indonesian_words_are_stemmed(page: Page, serve, tmp_path: Path) -> None:
    shutil.copy(STEM_JS, tmp_path / "search-stem.js")
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    page.goto(f"{serve(tmp_path)}/index.html")
    stem = """async ([q, lang]) => (await import("/search-stem.js")).stemQuery(q, lang)"""
    assert page.evaluate(stem, ["ditiwullah", "id"]) == "tiwul"
    assert page.evaluate(stem, ["Memperbaiki jembatan", "id"]) == "baik jembat"
    assert page.evaluate(stem, ["memperbaiki", "en"]) == "memperbaiki"  # other languages
    assert page.evaluate(stem, ['"memperbaiki jembatan"', "id"]) == '"memperbaiki jembatan"'
    assert page.evaluate(stem, ["perang-perangan", "id"]) == "perang-perangan"
