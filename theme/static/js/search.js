// The search page: Pagefind's JS API driven by a plain form, with facets, date sorting and the
// whole search (query, filters, sort, language) kept in the URL so it can be shared.
// No inline script, no eval, and the query is only ever inserted as text (see search-render.js).
import { readState, writeState, FILTER_KEYS } from "./search-state.js";
import {
  renderFilters, renderLanguage, renderResults, renderSuggestions, renderSummary,
} from "./search-render.js";
import { suggestions } from "./search-suggest.js";
import { stemQuery } from "./search-stem.js";
import { queryIsFound, remember } from "./search-verify.js";

const SORTS = { newest: { date: "desc" }, oldest: { date: "asc" }, relevance: null };
const DEBOUNCE_MS = 250;

const root = document.getElementById("search");
const config = JSON.parse(root.dataset.config);
const form = root.querySelector(".search-query");
const input = document.getElementById("search-q");
const sortSelect = document.getElementById("search-sort");
const moreButton = document.getElementById("search-more");
const filterBox = document.getElementById("search-filters-box");
const research = document.getElementById("search-research");
const attention = document.getElementById("search-attention");
const csvButton = document.getElementById("search-csv");
const state = readState(window.location.search, config);
let pagefind = null;
let searchId = 0;
let shown = []; // the results in order, at least as many as are on screen
let total = 0; // how many results the bundles in the search hold
let complete = true; // false while older bundles that may hold more results are not searched
let timer = null;
let filtersLoaded = false;
let monthCounts = null; // the last search's results per month, once the filters are loaded
let considered = 0; // bundles before this position are in the search, or lack the language
const inSearch = []; // positions of the bundles in the search, newest first
const merging = []; // one language check + mergeIndex per bundle position, started at most once

/** Facet counts need every filter file of every bundle: load them only once the reader opens
 * the facets. */
async function loadFilters() {
  if (filtersLoaded) return;
  await considerUpTo(config.bundles.length);
  await pagefind.filters();
  filtersLoaded = true;
}

function bundleUrl(position) {
  return new URL(config.bundles[position].path, new URL(config.siteRoot, document.baseURI));
}

/** Whether a bundle has an index in the reader's language. Pagefind would otherwise answer
 * from its biggest index (another language) and stem with that language's rules. */
async function hasLanguage(position) {
  const url = new URL("pagefind-entry.json", bundleUrl(position));
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) return false;
  const entry = await response.json();
  return Object.hasOwn(entry.languages || {}, state.lang);
}

/** Start Pagefind on the newest bundle that has the reader's language. Older bundles are
 * merged only when a search needs them (considerUpTo). Each bundle gets a hidden synthetic
 * filter `bundle` (its position, newest first): a year split into months spans several
 * bundles, so only the position tells one bundle's results apart. */
async function loadPagefind() {
  const [newest, module] = await Promise.all([hasLanguage(0), importPagefind(0)]);
  let primary = 0;
  let chosen = module;
  if (!newest) {
    while (primary < config.bundles.length - 1 && !(await hasLanguage(primary))) primary++;
    if (primary > 0) chosen = await importPagefind(primary);
  }
  // noWorker: Pagefind's web worker is a second copy of its JS (12 KB gzip) on every cold
  // search; a search over one bundle takes milliseconds on the page's own thread.
  await chosen.options({
    baseUrl: new URL(config.siteRoot, document.baseURI).pathname, excerptLength: 30,
    mergeFilter: bundleTag(primary), noWorker: true,
  });
  // Pagefind takes the index language from <html lang> when it starts: lend it ours briefly.
  const pageLang = document.documentElement.lang;
  document.documentElement.lang = state.lang;
  const started = chosen.init();
  document.documentElement.lang = pageLang;
  await started;
  inSearch.push(primary);
  considered = primary + 1;
  return chosen;
}

function importPagefind(position) {
  return import(new URL("pagefind.js", bundleUrl(position)).href);
}

function bundleTag(position) {
  return { bundle: String(position) };
}

/** Merge one bundle into the search, unless it has no index in the reader's language. */
function mergeBundle(position) {
  merging[position] ||= (async () => {
    if (!(await hasLanguage(position))) return;
    await pagefind.mergeIndex(bundleUrl(position).pathname, { mergeFilter: bundleTag(position) });
    inSearch.push(position);
    inSearch.sort((a, b) => a - b);
  })();
  return merging[position];
}

/** Bring every bundle before position `count` into the search (fetched in parallel). */
async function considerUpTo(count) {
  const pending = [];
  for (let position = considered; position < count; position++) pending.push(mergeBundle(position));
  await Promise.all(pending);
  considered = Math.max(considered, count);
}

/** Newest first needs only the newest bundles to fill the first page, and so does relevance:
 * it ranks within the newest bundles that fill the page (an archive's readers mostly want
 * recent reports, and merging every bundle costs ~3x the download) and "More results from
 * older years" merges the others. Oldest first, facet counts and a filter-only listing need
 * every bundle at once. */
function needsEveryBundle(term) {
  return state.sort === "oldest" || filtersLoaded || !term;
}

/** The first `wanted` results (or more) in the requested order: date order across shards is
 * read shard after shard, and only as many shards as it takes to fill the page. */
async function orderedResults(term, filters, merged, wanted) {
  const sort = SORTS[state.sort];
  if (!sort || inSearch.length < 2) return merged.results;
  const positions = [...inSearch];
  if (state.sort === "oldest") positions.reverse();
  const ordered = [];
  for (const position of positions) {
    if (ordered.length >= wanted) break;
    const inShard = { ...filters, ...bundleTag(position) };
    const part = await pagefind.search(term, { filters: inShard, sort });
    ordered.push(...part.results);
  }
  return ordered;
}

/** `collect`, checked: Pagefind widens a query word found in no page to a shorter indexed word
 * ("dixyz" → "di"); when the first results do not contain every query word, the word is in no
 * bundle searched so far, so the rest are searched too, and then nothing is a true hit. */
async function collectFound(term, filters, wanted) {
  let found = await collect(term, filters, wanted);
  if (!term || !found.total) return found;
  if (await queryIsFound(term, remember(found.results), state.lang)) return found;
  if (!found.complete) {
    await considerUpTo(config.bundles.length);
    found = await collect(term, filters, wanted);
    if (await queryIsFound(term, remember(found.results), state.lang)) return found;
  }
  return { merged: found.merged, results: [], total: 0, complete: true };
}

/** At least `wanted` results in order, merging older bundles one at a time until there are
 * enough or none is left; `complete` says whether every bundle was searched. */
async function collect(term, filters, wanted) {
  const sort = SORTS[state.sort];
  if (needsEveryBundle(term)) await considerUpTo(config.bundles.length);
  // In date order the stem finds the same pages in the same order from one index chunk
  // instead of two (search-stem.js); relevance scores would differ, so they get the word.
  const query = sort && term ? stemQuery(term, state.lang) : term;
  for (;;) {
    const merged = await pagefind.search(query, sort ? { filters, sort } : { filters });
    const all = considered >= config.bundles.length;
    if (all || merged.results.length >= wanted) {
      const results = remember(await orderedResults(query, filters, merged, wanted));
      return { merged, results, total: merged.results.length, complete: all };
    }
    await considerUpTo(considered + 1);
  }
}

function activeFilters() {
  const filters = {};
  for (const key of FILTER_KEYS) if (state.filters[key]?.length) filters[key] = state.filters[key];
  return filters;
}

function updateMore() {
  const visible = root.querySelectorAll(".search-result").length;
  moreButton.hidden = complete && total <= visible;
  moreButton.textContent = visible >= total && !complete ? config.strings.moreOlder
    : config.strings.more;
}

function resultContext() {
  return { query: state.q.trim(), lang: state.lang, strings: config.strings };
}

function summaryInfo() {
  return { q: state.q.trim(), count: total, partial: !complete };
}

async function runSearch() {
  const id = ++searchId;
  writeState(state);
  const term = state.q.trim() || null;
  const filters = activeFilters();
  if (!term && !Object.keys(filters).length) {
    shown = [];
    total = 0;
    complete = true;
    renderSuggestions(root, config, state, []);
    renderSummary(root, config, null);
    renderFilters(root, config, state, filtersLoaded ? await pagefind.filters() : null, onFilterChange);
    renderResults(root, [], 0, moreButton);
    research.hidden = true;
    return;
  }
  renderSummary(root, config, { searching: true });
  const found = await collectFound(term, filters, config.pageSize);
  if (id !== searchId) return; // a newer search has started
  ({ results: shown, total, complete } = found);
  renderFilters(root, config, state, filtersLoaded ? found.merged.filters : null, onFilterChange);
  await renderResults(root, shown, config.pageSize, moreButton, true, resultContext());
  if (id !== searchId) return;
  updateMore();
  if (total) performance.mark("search:first-result");
  const others = total || !term ? [] : await suggestions(pagefind, term, { filters }, state.lang);
  if (id !== searchId) return;
  renderSuggestions(root, config, state, others);
  // The summary comes last: once it shows a count, the list below it is complete (or says it
  // is not: "12+ results", while older bundles are left to search).
  renderSummary(root, config, summaryInfo());
  monthCounts = filtersLoaded ? found.merged.filters?.month || {} : null;
  research.hidden = total === 0;
  if (attention.open && monthCounts) await showAttention();
}

/** Research tools (search-extras.js, loaded on first use). */
function extras() {
  return import("./search-extras.js");
}

async function showAttention() {
  const { renderChart } = await extras();
  renderChart(document.getElementById("search-chart"), config, monthCounts);
}

/** Every matching article in the requested order (every bundle searched), as a CSV file. */
async function downloadCsv() {
  csvButton.disabled = true;
  try {
    const [{ downloadResults }] = await Promise.all([extras(), considerUpTo(config.bundles.length)]);
    const found = await collectFound(state.q.trim() || null, activeFilters(), Infinity);
    await downloadResults(found.results, found.total, config, document.getElementById("search-csv-status"));
  } finally {
    csvButton.disabled = false;
  }
}

/** "Show more": the next page of results, searching older bundles first when needed. */
async function showMore() {
  const id = searchId;
  const wanted = root.querySelectorAll(".search-result").length + config.pageSize;
  const bundles = inSearch.length;
  if (shown.length < wanted && (shown.length < total || !complete)) {
    moreButton.disabled = true;
    try {
      const found = await collectFound(state.q.trim() || null, activeFilters(), wanted);
      if (id !== searchId) return;
      ({ results: shown, total, complete } = found);
    } finally {
      moreButton.disabled = false;
    }
  }
  // By relevance, an older bundle's best matches may rank above those on screen: show the
  // list again from the top, in the new order.
  const reorder = state.sort === "relevance" && inSearch.length !== bundles;
  await renderResults(root, shown, wanted, moreButton, reorder, resultContext());
  if (id !== searchId) return;
  updateMore();
  renderSummary(root, config, summaryInfo());
}

function onFilterChange(key, value, checked) {
  const values = new Set(state.filters[key] || []);
  if (checked) values.add(value);
  else values.delete(value);
  state.filters[key] = [...values].sort();
  runSearch().catch(fail);
}

function fail(error) {
  console.error(error);
  renderSummary(root, config, { failed: true });
}

/** Every control changes the state, and every change runs the search again. */
function bindControls() {
  document.getElementById("search-filters-done").addEventListener("click", () => {
    filterBox.open = false;
    filterBox.querySelector("summary").focus();
  });
  filterBox.addEventListener("toggle", () => {
    if (filterBox.open && !filtersLoaded) loadFilters().then(runSearch).catch(fail);
  });
  input.addEventListener("input", () => {
    state.q = input.value;
    clearTimeout(timer);
    timer = setTimeout(() => runSearch().catch(fail), DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state.q = input.value;
    runSearch().catch(fail);
  });
  sortSelect.addEventListener("change", () => {
    state.sort = sortSelect.value;
    runSearch().catch(fail);
  });
  moreButton.addEventListener("click", () => showMore().catch(fail));
  attention.addEventListener("toggle", () => {
    if (!attention.open) return;
    if (!filtersLoaded) loadFilters().then(runSearch).catch(fail);
    else if (monthCounts) showAttention().catch(fail);
  });
  csvButton.addEventListener("click", () => downloadCsv().catch(fail));
  root.addEventListener("search:clear", () => {
    state.filters = {};
    runSearch().catch(fail);
  });
}

async function start() {
  document.getElementById("search-nojs").hidden = true;
  filterBox.hidden = false; // without the script it would open onto nothing
  input.value = state.q;
  sortSelect.value = state.sort;
  renderLanguage(root, config, state);
  pagefind = await loadPagefind();
  state.q = input.value; // what the reader typed while the index was loading
  state.sort = sortSelect.value;
  if (Object.keys(activeFilters()).length) {
    filterBox.open = true;
    await loadFilters();
  }
  bindControls();
  await runSearch();
}

start().catch(fail);
