// The query's Indonesian words handed to Pagefind already stemmed, to save a download.
//
// Pagefind indexes word stems, but for a query word it fetches the index chunk of the word as
// typed *and* the chunk of its stem. For an affixed word ("ditiwullah" → "tiwul") those are two
// different ~31 KB chunks, and the first one is never used: a search for the stem gives the
// same results with the same scores (Pagefind stems the query either way) from one chunk.
//
// This is the Snowball Indonesian algorithm (snowballstem.org, Tala 2003), the one Pagefind's
// stemmer runs for `lang="id"`. A word is replaced only when the result is a fixed point
// (stemming it again changes nothing), so Pagefind derives the same stem from both.
// tests/test_search_stemming.py checks, in Chromium against Pagefind's own index, that
// searching the stem finds exactly what searching the word finds, on thousands of words.

const VOWELS = "aeiou";
const isVowel = (c) => c !== undefined && VOWELS.includes(c);

// Prefix kinds the suffix rules look at (the algorithm's `prefix` variable).
const DI_MENG_TER = 1;
const PER = 2;
const KE_PENG = 3;
const BER = 4;

/** First-order prefixes, longest first: [prefix, what replaces it, kind, needs a vowel next]. */
const FIRST_ORDER = [
  ["meng", "", DI_MENG_TER, false],
  ["meny", "s", DI_MENG_TER, true],
  ["peng", "", KE_PENG, false],
  ["peny", "s", KE_PENG, true],
  ["men", "", DI_MENG_TER, false],
  ["mem", null, DI_MENG_TER, false], // "p" before a vowel, else removed
  ["pen", "", KE_PENG, false],
  ["pem", null, KE_PENG, false],
  ["ter", "", DI_MENG_TER, false],
  ["me", "", DI_MENG_TER, false],
  ["di", "", DI_MENG_TER, false],
  ["ke", "", KE_PENG, false],
];

function stripFirstOrder(s) {
  for (const [prefix, replacement, kind, vowelNext] of FIRST_ORDER) {
    if (!s.word.startsWith(prefix)) continue;
    const next = s.word[prefix.length];
    if (vowelNext && !isVowel(next)) continue;
    const put = replacement ?? (isVowel(next) ? "p" : "");
    s.word = put + s.word.slice(prefix.length);
    s.start = put.length;
    s.prefix = kind;
    s.measure -= 1;
    return true;
  }
  return false;
}

/** Second-order prefixes at `s.start`; "belajar"/"pelajar" are the algorithm's exceptions. */
function stripSecondOrder(s) {
  const head = s.word.slice(0, s.start);
  const rest = s.word.slice(s.start);
  let replaced = null;
  if (rest.startsWith("belajar")) [replaced, s.prefix] = ["ajar" + rest.slice(7), BER];
  else if (rest.startsWith("ber")) [replaced, s.prefix] = [rest.slice(3), BER];
  else if (rest.startsWith("be") && !isVowel(rest[2]) && rest[2] !== undefined
           && rest.startsWith("er", 3)) [replaced, s.prefix] = [rest.slice(2), BER];
  else if (rest.startsWith("pelajar")) replaced = "ajar" + rest.slice(7);
  else if (rest.startsWith("per")) [replaced, s.prefix] = [rest.slice(3), PER];
  else if (rest.startsWith("pe")) [replaced, s.prefix] = [rest.slice(2), PER];
  if (replaced === null) return false;
  s.word = head + replaced;
  s.measure -= 1;
  return true;
}

/** -kan, -an or -i, each allowed only after some prefixes; never into the part at `limit`. */
function stripSuffix(s, limit) {
  const w = s.word;
  const room = w.length - limit;
  const candidates = [
    ["kan", s.prefix !== KE_PENG && s.prefix !== PER],
    ["an", s.prefix !== DI_MENG_TER],
    ["i", s.prefix <= PER && !(room >= 2 && w[w.length - 2] === "s")],
  ];
  for (const [suffix, allowed] of candidates) {
    if (!allowed || room < suffix.length || !w.endsWith(suffix)) continue;
    s.word = w.slice(0, -suffix.length);
    s.measure -= 1;
    return true;
  }
  return false;
}

function stripEnding(s, endings) {
  const found = endings.find((e) => s.word.endsWith(e));
  if (!found) return;
  s.word = s.word.slice(0, -found.length);
  s.measure -= 1;
}

/** The Snowball Indonesian stem of one lower-case word. */
export function stemIndonesian(word) {
  const s = { word, start: 0, prefix: 0, measure: [...word].filter(isVowel).length };
  if (s.measure <= 2) return s.word;
  stripEnding(s, ["kah", "lah", "pun"]);
  if (s.measure <= 2) return s.word;
  stripEnding(s, ["nya", "ku", "mu"]);
  if (s.measure <= 2) return s.word;
  if (stripFirstOrder(s)) {
    if (s.measure > 2 && stripSuffix(s, s.start) && s.measure > 2) stripSecondOrder(s);
  } else {
    stripSecondOrder(s);
    s.start = 0;
    if (s.measure > 2) stripSuffix(s, 0);
  }
  return s.word;
}

/** The query to give Pagefind: plain lower-case Indonesian words replaced by their stems. */
export function stemQuery(query, lang) {
  if (lang !== "id" || query.includes('"')) return query; // exact phrases stay as typed
  return query.split(" ").map((token) => {
    const word = token.toLowerCase();
    if (!/^[a-z]+$/.test(word)) return token;
    const stem = stemIndonesian(word);
    return stem && stemIndonesian(stem) === stem ? stem : token;
  }).join(" ");
}
