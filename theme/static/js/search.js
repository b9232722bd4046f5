// The search page: Pagefind's JS API driven by a plain form, with facets, date sorting and the
// whole search (query, filters, sort, language) kept in the URL so it can be shared.
// No inline script, no eval, and the query is only ever inserted as text (see search-render.js).
import { readState, writeState, FILTER_KEYS } from "./search-state.js";
import {
  renderFilters, renderLanguage, renderResults, renderSuggestions, renderSummary,
} from "./search-render.js";
import { suggestions } from "./search-suggest.js";

const SORTS = { newest: { date: "desc" }, oldest: { date: "asc" }, relevance: null };
const DEBOUNCE_MS = 250;

const root = document.getElementById("search");
const config = JSON.parse(root.dataset.config);
const form = root.querySelector(".search-query");
const input = document.getElementById("search-q");
const sortSelect = document.getElementById("search-sort");
const moreButton = document.getElementById("search-more");
const filterBox = document.getElementById("search-filters-box");
const state = readState(window.location.search, config);
let pagefind = null;
let searchId = 0;
let shown = [];
let timer = null;
let filtersLoaded = false;

/** Facet counts need every filter file: load them only once the reader opens the facets. */
async function loadFilters() {
  if (filtersLoaded) return;
  await pagefind.filters();
  filtersLoaded = true;
}

/** Load the primary bundle in the chosen language and merge the other shards (periods).
 * Each bundle gets a hidden synthetic filter `bundle` (its position, newest first): a year split
 * into months spans several bundles, so only the position tells one bundle's results apart. */
async function loadPagefind() {
  const siteRoot = new URL(config.siteRoot, document.baseURI);
  const [primary, ...shards] = config.bundles.map((b) => new URL(b.path, siteRoot).pathname);
  const module = await import(new URL("pagefind.js", new URL(primary, siteRoot)).href);
  await module.options({ baseUrl: siteRoot.pathname, excerptLength: 30, mergeFilter: bundleTag(0) });
  // Pagefind takes the index language from <html lang> when it starts: lend it ours briefly.
  const pageLang = document.documentElement.lang;
  document.documentElement.lang = state.lang;
  const started = module.init();
  document.documentElement.lang = pageLang;
  await started;
  await Promise.all(shards.map((shard, i) => module.mergeIndex(shard, { mergeFilter: bundleTag(i + 1) })));
  return module;
}

function bundleTag(position) {
  return { bundle: String(position) };
}

/** Results in the requested order; date order across shards is read shard after shard. */
async function orderedResults(term, filters, merged) {
  const sort = SORTS[state.sort];
  if (!sort || config.bundles.length < 2) return merged.results;
  const positions = config.bundles.map((_, i) => i);
  if (state.sort === "oldest") positions.reverse();
  const ordered = [];
  for (const position of positions) {
    const inShard = { ...filters, ...bundleTag(position) };
    const part = await pagefind.search(term, { filters: inShard, sort });
    ordered.push(...part.results);
  }
  return ordered;
}

function activeFilters() {
  const filters = {};
  for (const key of FILTER_KEYS) if (state.filters[key]?.length) filters[key] = state.filters[key];
  return filters;
}

async function runSearch() {
  const id = ++searchId;
  writeState(state);
  const term = state.q.trim() || null;
  const filters = activeFilters();
  if (!term && !Object.keys(filters).length) {
    shown = [];
    renderSuggestions(root, config, state, []);
    renderSummary(root, config, null);
    renderFilters(root, config, state, filtersLoaded ? await pagefind.filters() : null, onFilterChange);
    renderResults(root, [], 0, moreButton);
    return;
  }
  renderSummary(root, config, { searching: true });
  const sort = SORTS[state.sort];
  const merged = await pagefind.search(term, sort ? { filters, sort } : { filters });
  const results = await orderedResults(term, filters, merged);
  if (id !== searchId) return; // a newer search has started
  shown = results;
  renderFilters(root, config, state, filtersLoaded ? merged.filters : null, onFilterChange);
  await renderResults(root, results, config.pageSize, moreButton, true);
  if (id !== searchId) return;
  if (results.length) performance.mark("search:first-result");
  const others = results.length || !term ? [] : await suggestions(pagefind, term, { filters });
  if (id !== searchId) return;
  renderSuggestions(root, config, state, others);
  // The summary comes last: once it shows a count, the list below it is complete.
  renderSummary(root, config, { q: state.q.trim(), count: results.length });
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
  moreButton.addEventListener("click", () => {
    const visible = root.querySelectorAll(".search-result").length;
    renderResults(root, shown, visible + config.pageSize, moreButton, false).catch(fail);
  });
  root.addEventListener("search:clear", () => {
    state.filters = {};
    runSearch().catch(fail);
  });
}

async function start() {
  document.getElementById("search-nojs").hidden = true;
  input.value = state.q;
  sortSelect.value = state.sort;
  renderLanguage(root, config, state);
  pagefind = await loadPagefind();
  if (Object.keys(activeFilters()).length) {
    filterBox.open = true;
    await loadFilters();
  }
  bindControls();
  await runSearch();
}

start().catch(fail);
