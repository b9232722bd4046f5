// DOM for the search page. Text is only ever set with textContent; Pagefind's excerpts are parsed
// into an inert document and copied as text plus <mark>, so nothing a query or an article
// contains can become markup or script here.
import { toQuery } from "./search-state.js";
import { matchingAliases } from "./search-verify.js";

export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The line above the results: how many, for what, or that the search is running or failed.
 * `partial`: older bundles are not searched yet, so the count is a lower bound and says so. */
export function renderSummary(root, config, info) {
  const summary = root.querySelector("#search-summary");
  const s = config.strings;
  const help = root.querySelector("#search-help");
  help.textContent = s.noResultsHelp;
  help.hidden = !(info && !info.failed && !info.searching && info.count === 0);
  if (!info) summary.textContent = "";
  else if (info.failed) summary.textContent = s.failed;
  else if (info.searching) summary.textContent = s.searching;
  else if (!info.q) summary.textContent = fill(s.filtered, { count: info.count });
  else if (info.partial) summary.textContent = fill(s.partial, { count: info.count, q: info.q });
  else if (info.count === 0) summary.textContent = fill(s.noResults, { q: info.q });
  else if (info.count === 1) summary.textContent = fill(s.oneResult, { q: info.q });
  else summary.textContent = fill(s.results, { count: info.count, q: info.q });
}

/** Which language's index is searched, with links to the same search in the others. */
export function renderLanguage(root, config, state) {
  const line = root.querySelector("#search-language");
  if (config.languages.length < 2) return;
  const current = config.languages.find((l) => l.code === state.lang);
  line.replaceChildren(document.createTextNode(fill(config.strings.language, { lang: current.name })));
  line.append(" ", config.strings.otherLanguages);
  for (const lang of config.languages.filter((l) => l.code !== state.lang)) {
    const articles = fill(config.strings.filtered, { count: lang.count }); // not a result count
    const link = element("a", "search-language__link", `${lang.name} (${articles})`);
    link.href = toQuery({ ...state, lang: lang.code, filters: {} }) || "?";
    link.hreflang = lang.code;
    line.append(" ", link);
  }
  line.hidden = false;
}

/** Other forms of a one-word query that found nothing, as links to those searches. */
export function renderSuggestions(root, config, state, words) {
  const line = root.querySelector("#search-suggest");
  line.replaceChildren();
  line.hidden = words.length === 0;
  if (!words.length) return;
  line.append(config.strings.tryInstead);
  for (const [word, count] of words) {
    const link = element("a", "search-suggest__link", word);
    link.href = toQuery({ ...state, q: word });
    line.append(" ", link, ` (${count})`);
  }
}

function facetValues(key, counts, selected) {
  const entries = Object.entries(counts || {}).filter(([v, n]) => n > 0 || selected.includes(v));
  for (const value of selected) if (!(value in (counts || {}))) entries.push([value, 0]);
  if (key === "year") return entries.sort((a, b) => b[0].localeCompare(a[0]));
  return entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const FACET_SHOWN = 8; // values shown before "Show all (N)"

function showAllButton(fieldset, config, count) {
  const button = element("button", "search-facet__all", fill(config.strings.showAll, { count }));
  button.type = "button";
  button.addEventListener("click", () => {
    for (const option of fieldset.querySelectorAll(".search-facet__option")) option.hidden = false;
    button.remove();
  });
  return button;
}

/** One fieldset of checkboxes per facet, each value with the number of results it would keep;
 * nothing while the counts are not loaded (`counts` null). */
export function renderFilters(root, config, state, counts, onChange) {
  const pane = root.querySelector("#search-filters");
  if (!counts) return pane.replaceChildren();
  const keep = keepPlace(pane);
  const parts = [];
  for (const [key, label] of config.filters) {
    const selected = state.filters[key] || [];
    const values = facetValues(key, counts?.[key], selected);
    if (!values.length) continue;
    const fieldset = element("fieldset", "search-facet");
    fieldset.dataset.filter = key;
    fieldset.append(element("legend", "search-facet__label", label));
    for (const [index, [value, count]] of values.entries()) {
      const option = element("label", "search-facet__option");
      option.hidden = index >= FACET_SHOWN && !selected.includes(value);
      const box = element("input");
      box.type = "checkbox";
      box.name = key;
      box.value = value;
      box.checked = selected.includes(value);
      box.addEventListener("change", () => onChange(key, value, box.checked));
      const shown = config.valueLabels?.[key]?.[value] ?? value;
      option.append(box, element("span", "search-facet__value", shown),
        element("span", "search-facet__count", String(count)));
      fieldset.append(option);
    }
    if (values.length > FACET_SHOWN) fieldset.append(showAllButton(fieldset, config, values.length));
    parts.push(fieldset);
  }
  if (Object.values(state.filters).some((v) => v.length)) {
    const clear = element("button", "search-filters__clear", config.strings.clear);
    clear.type = "button";
    clear.addEventListener("click", () => root.dispatchEvent(new CustomEvent("search:clear")));
    parts.push(clear);
  }
  pane.replaceChildren(...parts);
  keep();
}

/** The checkbox the reader was on and how far the pane was scrolled, given back once the pane
 * is drawn again (a keyboard user stays on the box just ticked, a phone's sheet stays put). */
function keepPlace(pane) {
  const active = pane.contains(document.activeElement) ? document.activeElement : null;
  const scrollers = [pane, pane.closest("details")].filter(Boolean);
  const tops = scrollers.map((el) => el.scrollTop);
  return () => {
    scrollers.forEach((el, i) => { el.scrollTop = tops[i]; });
    if (!active?.name) return;
    const box = [...pane.querySelectorAll("input")]
      .find((b) => b.name === active.name && b.value === active.value);
    if (!box) return;
    box.closest("label").hidden = false;
    box.focus({ preventScroll: true });
  };
}

function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  return [...doc.body.childNodes].map((node) =>
    node.nodeName === "MARK" ? element("mark", "", node.textContent) : document.createTextNode(node.textContent));
}

function formatDate(iso) {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const lang = document.documentElement.lang || "id";
  return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** Why a result without a highlighted word matched: the other names of its tags. */
function aliasNote(data, context) {
  if (!context?.query) return null;
  const aliases = matchingAliases(context.query, data, context.lang);
  if (!aliases.length) return null;
  return element("p", "search-result__why", fill(context.strings.matchedAlias,
    { names: aliases.slice(0, 3).join(", ") }));
}

function resultItem(data, context) {
  const item = element("li", "search-result");
  // pagefind-ui__result-link: the class of Pagefind's Default UI, kept so older tests still apply.
  const link = element("a", "search-result__link pagefind-ui__result-link", data.meta.title || data.url);
  link.href = data.url;
  const heading = element("h2", "search-result__title");
  heading.append(link);
  item.append(heading);
  const facts = element("p", "search-result__meta");
  if (data.meta.date) {
    const time = element("time", "", formatDate(data.meta.date));
    time.dateTime = data.meta.date;
    facts.append(time);
  }
  if (data.meta.source) facts.append(data.meta.date ? " · " : "", data.meta.source);
  item.append(facts);
  const excerpt = element("p", "search-result__excerpt");
  const marked = data.excerpt && data.excerpt.includes("<mark>");
  if (marked) excerpt.append(...excerptNodes(data.excerpt));
  else excerpt.textContent = data.meta.summary || "";
  const why = marked ? null : aliasNote(data, context);
  if (why) item.append(why);
  item.append(excerpt);
  return item;
}

/** Show results up to `limit` (loading only the ones not yet on screen); `reset` starts over.
 * `context` ({query, lang, strings}) lets a result say which other name of a tag it matched. */
export async function renderResults(root, results, limit, moreButton, reset = true, context = null) {
  const list = root.querySelector("#search-results");
  const from = reset ? 0 : list.children.length;
  const data = await Promise.all(results.slice(from, limit).map((r) => r.data()));
  const items = data.map((d) => resultItem(d, context));
  if (reset) list.replaceChildren(...items);
  else list.append(...items);
  moreButton.hidden = results.length <= list.children.length;
}
