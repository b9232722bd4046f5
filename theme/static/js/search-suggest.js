// Other forms of an Indonesian word, for a one-word search that found nothing.
// Pagefind's Snowball stemmer misses many Indonesian forms ("tuntutan" does not find "menuntut",
// "pengumpulan" does not find "berkumpul"), so the page proposes the roots and common affixed
// forms that do find articles. Crude on purpose: candidates are only offered if they match, and
// only if the matching pages really contain them (search-verify.js: Pagefind would otherwise
// "find" a non-word such as "dichech" through the indexed word "di").
import { queryIsFound } from "./search-verify.js";

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

/** Up to `limit` [word, count] pairs that find articles: roots if any do, else affixed forms. */
export async function suggestions(pagefind, word, options, lang, limit = 3) {
  if (!/^\p{L}{4,}$/u.test(word)) return [];
  const found = roots(word).slice(0, MAX_CANDIDATES / 2);
  const affixed = new Set(found.slice(0, 3).flatMap(forms));
  for (const root of found) affixed.delete(root);
  affixed.delete(word.toLowerCase());
  const count = async (c) => {
    const { results } = await pagefind.search(c, options);
    const real = results.length > 0 && await queryIsFound(c, results, lang, 3);
    return [c, real ? results.length : 0];
  };
  // Pagefind matches prefixes, so "kumpulan" finds what "kumpul" finds: keep the shorter.
  const rank = (pairs) => pairs.filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
    .filter(([w], i, all) => !all.slice(0, i).some(([shorter]) => w.startsWith(shorter)));
  const fromRoots = rank(await Promise.all(found.map(count)));
  if (fromRoots.length) return fromRoots.slice(0, limit);
  const tried = [...affixed].slice(0, MAX_CANDIDATES - found.length);
  return rank(await Promise.all(tried.map(count))).slice(0, limit);
}
