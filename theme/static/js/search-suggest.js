// Other forms of an Indonesian word, for a one-word search that found nothing.
// Pagefind's Snowball stemmer misses many Indonesian forms ("tuntutan" does not find "menuntut",
// "pengumpulan" does not find "berkumpul"), so the page proposes the roots and common affixed
// forms that do find articles. Crude on purpose: candidates are only offered if they match, and
// only if the matching pages really contain them as words (search-verify.js: Pagefind would
// otherwise "find" a non-word such as "dichech" through the indexed word "di", or "tem", what
// is left of "pertem" without its prefix, through "tempat").
import { fold, isPageWord, pageWordList } from "./search-verify.js";

// [prefix, what follows it, what to put back]: meN-/peN- drop the first consonant of a root
// before a vowel (menuntut < tuntut, menyerang < serang, memukul < pukul, mengirim < kirim).
const PREFIXES = [
  ["meny", /^[aiueo]/, "s"], ["peny", /^[aiueo]/, "s"],
  ["meng", /^[aiueo]/, "k"], ["peng", /^[aiueo]/, "k"], ["meng", /^[aiueogh]/, ""], ["peng", /^[aiueogh]/, ""],
  ["mem", /^[aiueo]/, "p"], ["pem", /^[aiueo]/, "p"], ["mem", /^[bf]/, ""], ["pem", /^[bf]/, ""],
  ["men", /^[aiueo]/, "t"], ["pen", /^[aiueo]/, "t"], ["men", /^[cdjz]/, ""], ["pen", /^[cdjz]/, ""],
  ["me", /^[lmnrwy]/, ""], ["pe", /^[lmnrwy]/, ""],
  ["ber", /./, ""], ["ter", /./, ""], ["per", /./, ""], ["di", /./, ""], ["ke", /./, ""], ["se", /./, ""],
];
const SUFFIXES = ["kannya", "annya", "nya", "kan", "an", "i", "lah", "kah"];
const MAX_CANDIDATES = 12;
const COMPLETION_PAGES = 10; // pages read for words that complete the typed one

/** Possible roots of a word, likeliest first: affixes stripped, a dropped first consonant restored. */
export function roots(word) {
  const w = word.toLowerCase();
  const stems = [w];
  for (const s of SUFFIXES) if (w.endsWith(s) && w.length - s.length >= 4) stems.push(w.slice(0, -s.length));
  const found = new Set();
  for (const stem of stems) {
    for (const [prefix, next, restore] of PREFIXES) {
      const rest = stem.slice(prefix.length);
      if (stem.startsWith(prefix) && rest.length >= 3 && next.test(rest)) found.add(restore + rest);
    }
    found.add(stem);
  }
  found.delete(w);
  return [...found];
}

/** The meN-, peN-...-an, di-, ber- and -an forms of a root. */
export function forms(root) {
  const rest = root.slice(1);
  const nasal = { p: `mem${rest}`, t: `men${rest}`, k: `meng${rest}`, s: `meny${rest}` }[root[0]]
    || (/^[aiueo]/.test(root) ? `meng${root}` : /^[bf]/.test(root) ? `mem${root}` : `men${root}`);
  return [nasal, `pe${nasal.slice(2)}an`, `di${root}`, `ber${root}`, `${root}an`];
}

/** Words of the archive that begin with what was typed ("pertem" → "pertemuan"), read from the
 * text of the pages its possible roots find. Pagefind indexes stems ("temu"), so the start of
 * an affixed word finds nothing by itself, and the page has no word list to complete it from. */
async function completions(pagefind, word, options, candidates) {
  const typed = fold(word);
  const seen = new Set();
  for (const root of candidates.filter((c) => c.length >= 3).slice(0, 3)) {
    const { results } = await pagefind.search(root, options);
    const pages = await Promise.all(results.slice(0, COMPLETION_PAGES).map((r) => r.data()));
    for (const page of pages) {
      for (const w of pageWordList(page)) if (w.length > typed.length && w.startsWith(typed)) seen.add(w);
    }
  }
  return [...seen].sort((a, b) => a.length - b.length || a.localeCompare(b)).slice(0, 6);
}

/** Up to `limit` [word, count] pairs that find articles: words of the archive that start with
 * the typed word if any, else roots if any find articles, else affixed forms. */
export async function suggestions(pagefind, word, options, lang, limit = 3) {
  if (!/^\p{L}{4,}$/u.test(word)) return [];
  const found = roots(word).slice(0, MAX_CANDIDATES / 2);
  // the typed word may be the root itself ("tolak": "menolak" is in the text)
  const affixed = new Set([word.toLowerCase(), ...found.slice(0, 2)].flatMap(forms));
  for (const root of found) affixed.delete(root);
  affixed.delete(word.toLowerCase());
  const count = async (c) => {
    const { results } = await pagefind.search(c, options);
    const real = results.length > 0 && await isPageWord(c, results, lang, 3);
    return [c, real ? results.length : 0];
  };
  // Pagefind matches prefixes, so "kumpulan" finds what "kumpul" finds: keep the shorter.
  const rank = (pairs) => pairs.filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
    .filter(([w], i, all) => !all.slice(0, i).some(([shorter]) => w.startsWith(shorter)));
  if (lang === "id") {
    const completed = await completions(pagefind, word, options, found);
    const fromText = rank(await Promise.all(completed.map(count)));
    if (fromText.length) return fromText.slice(0, limit);
  }
  const fromRoots = rank(await Promise.all(found.map(count)));
  if (fromRoots.length) return fromRoots.slice(0, limit);
  const tried = [...affixed].slice(0, MAX_CANDIDATES - found.length);
  return rank(await Promise.all(tried.map(count))).slice(0, limit);
}
