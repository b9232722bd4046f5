// Why a result matched, checked on the page's own text, so the page never shows a false hit.
//
// Pagefind 1.5 answers a query word that starts no indexed word with the indexed words that
// start *it*: "dizzqxwv" finds every article with "di", "rusiax" finds "Rusia", "Menristek" (a
// word the importer removed with the junk around it) finds an article through a short prefix of
// an alias, with nothing to highlight. A query word counts as found in a page only when it
// starts one of the page's words (title, body, summary or tag aliases), as typed or as
// Pagefind's Indonesian stem starts that word's stem ("menyerang" finds "serangan": both
// "serang"). Other languages are stemmed differently by Pagefind (English: "talks" → "talk"), so
// there a word may also differ in its last three letters from one of the page's words.
import { stemIndonesian } from "./search-stem.js";

const LETTERS = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Lower case without combining diacritics ("Élysée" → "elysee"). */
export function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The words of a query as Pagefind treats them (a phrase in quotes: its words). */
export function queryWords(query) {
  return (fold(query).replace(/"/g, " ").match(LETTERS) || []);
}

/** The words of a page's text (title and body), folded, in order. */
export function pageWordList(data) {
  const text = [data.meta?.title, data.content].filter(Boolean).join(" ");
  return fold(text).match(LETTERS) || [];
}

/** A page's words, hyphenated names both whole and in parts ("nagorno-karabakh"). */
function pageWords(data) {
  const meta = data.meta || {};
  const text = [meta.title, data.content, meta.summary, meta.aliases].filter(Boolean).join(" ");
  const words = new Set();
  for (const word of fold(text).match(LETTERS) || []) {
    words.add(word.replace(/[-'’]/g, ""));
    for (const part of word.split(/[-'’]/)) words.add(part);
  }
  return words;
}

function sharedPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function wordMatches(query, word, lang) {
  if (word.startsWith(query)) return true;
  if (lang === "id") return stemIndonesian(word).startsWith(stemIndonesian(query));
  return query.length >= 5 && sharedPrefix(query, word) >= Math.max(4, query.length - 3);
}

/** The query words that none of the page's words explain (empty: the result is a true hit).
 * A hyphenated word ("Nagorno-Karabakh", "apa-apa") is explained whole (the page's words are
 * kept joined too) or by each of its parts. */
export function unexplained(query, data, lang) {
  const words = [...pageWords(data)];
  const found = (q) => words.some((w) => wordMatches(q, w, lang));
  return queryWords(query).filter((q) => {
    const parts = q.split(/[-'’]/);
    return !(found(parts.join("")) || (parts.length > 1 && parts.every(found)));
  });
}

/** The tag aliases that explain a query word the visible text does not show, for the line
 * "matched the other name ..." under a result whose excerpt has nothing highlighted. */
export function matchingAliases(query, data, lang) {
  const aliases = (data.meta?.aliases || "").split(",").map((a) => a.trim()).filter(Boolean);
  const wanted = queryWords(query);
  return aliases.filter((alias) => {
    const words = fold(alias).match(LETTERS) || [];
    return wanted.some((q) => words.some((w) => wordMatches(q, w.replace(/[-'’]/g, ""), lang)
      || w.split(/[-'’]/).some((part) => wordMatches(q, part, lang))));
  });
}

/** Whether every word of the query starts a word of at least one of these results' pages: a
 * word Pagefind widened to a shorter indexed prefix matches none of them. */
export async function queryIsFound(query, results, lang, sample = 5) {
  if (!query || !results.length) return true;
  const data = await Promise.all(results.slice(0, sample).map((r) => r.data()));
  const missing = new Set(queryWords(query));
  for (const page of data) {
    const notHere = new Set(unexplained(query, page, lang));
    for (const word of [...missing]) if (!notHere.has(word)) missing.delete(word);
    if (!missing.size) return true;
  }
  return false;
}

/** Whether `word` is a word of one of these results' pages (in Indonesian: has the stem of
 * one), not only the start of one: "tem", "pertem" with its prefix cut off, starts "tempat" and
 * the stem "temu", so Pagefind finds it, but it is no word to suggest. */
export async function isPageWord(word, results, lang, sample = 3) {
  const wanted = fold(word).replace(/[-'’]/g, "");
  const stem = lang === "id" ? stemIndonesian : (w) => w;
  const same = (w) => w === wanted || stem(w) === stem(wanted);
  const data = await Promise.all(results.slice(0, sample).map((r) => r.data()));
  return data.some((page) => [...pageWords(page)].some(same));
}

/** Results whose page data is loaded once however often it is asked for (this check, then the
 * list on screen). */
export function remember(results) {
  for (const result of results) {
    if (result.remembered) continue;
    const load = result.data;
    let loaded = null;
    result.data = () => (loaded ||= load());
    result.remembered = true;
  }
  return results;
}
