// The search as URL parameters: ?q=...&sort=oldest&lang=en&place=Stepanakert&year=2020
// Filters are repeated parameters named after the facet, so a link reads like what it finds.
export const FILTER_KEYS = [
  "place", "person", "organisation", "topic", "category", "source", "country", "outlet_kind",
  "agency", "syndication", "year",
];
const SORT_VALUES = ["newest", "oldest", "relevance"];

/** The search described by a query string, with unknown values dropped. */
export function readState(search, config) {
  const params = new URLSearchParams(search);
  const langs = config.languages.map((l) => l.code);
  const lang = params.get("lang");
  const sort = params.get("sort");
  const filters = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).filter((v) => v.length > 0);
    if (values.length) filters[key] = [...new Set(values)].sort();
  }
  return {
    q: params.get("q") || "",
    sort: SORT_VALUES.includes(sort) ? sort : "newest",
    lang: langs.includes(lang) ? lang : config.defaultLang,
    defaultLang: config.defaultLang,
    filters,
  };
}

/** The query string for a search (defaults left out, so simple searches have short URLs). */
export function toQuery(state) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  if (state.sort !== "newest") params.set("sort", state.sort);
  if (state.lang !== state.defaultLang) params.set("lang", state.lang);
  for (const key of FILTER_KEYS) for (const value of state.filters[key] || []) params.append(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Put the search in the address bar without adding a history entry per keystroke. */
export function writeState(state) {
  const url = `${window.location.pathname}${toQuery(state)}`;
  if (url !== `${window.location.pathname}${window.location.search}`) {
    window.history.replaceState(null, "", url);
  }
}
