// Research tools of the search page, loaded only when a reader asks for them (search.js):
// attention over time (the matching articles counted per month, from the counts Pagefind gives
// for the hidden `month` filter) and the matching articles' metadata as a CSV file, built in the
// browser from their index records. Text is only ever set with textContent.
import { element, fill } from "./search-render.js";

const BATCH = 16; // index records fetched at once for the CSV
const COLUMNS = ["date", "title", "url", "source", "language", "category", "place", "person",
  "organisation", "topic", "agency"];

/** Every month from the first to the last with a match, with its count (zeros in between). */
export function monthSeries(counts) {
  const months = Object.keys(counts || {}).filter((m) => counts[m] > 0 && /^\d{4}-\d\d$/.test(m)).sort();
  if (!months.length) return [];
  const [lastYear, lastMonth] = months.at(-1).split("-").map(Number);
  let [year, month] = months[0].split("-").map(Number);
  const series = [];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    series.push([key, year, month, counts[key] || 0]);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return series;
}

/** The counts as a table of bars (the theme's coverage chart), one column per month. */
export function renderChart(box, config, counts) {
  const series = monthSeries(counts);
  const max = Math.max(1, ...series.map((entry) => entry[3]));
  const table = element("table", "coverage-chart search-chart");
  table.append(element("caption", "visually-hidden", config.strings.chartCaption));
  const head = element("tr");
  const bars = element("tr");
  for (const [key, year, month, count] of series) {
    const name = `${config.months[month - 1]} ${year}`;
    const label = element("th");
    label.scope = "col";
    const abbr = element("abbr", "", config.months[month - 1].slice(0, 3));
    abbr.title = name;
    label.append(abbr);
    if (month === 1 || key === series[0][0]) label.append(element("span", "search-chart__year", String(year)));
    head.append(label);
    const cell = element("td");
    cell.dataset.month = key;
    cell.dataset.count = String(count);
    if (count) {
      const bar = element("span", "bar");
      bar.style.setProperty("--h", `${Math.round((100 * count) / max)}%`);
      bar.append(element("span", "visually-hidden", `${name}: `), String(count));
      cell.append(bar);
    }
    bars.append(cell);
  }
  const body = element("tbody");
  body.append(bars);
  const thead = element("thead");
  thead.append(head);
  table.append(thead, body);
  box.replaceChildren(table);
}

/** A CSV cell: quoted when needed, and never the start of a spreadsheet formula. */
export function csvCell(value) {
  let text = Array.isArray(value) ? value.join("; ") : String(value ?? "");
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(data) {
  const filters = data.filters || {};
  const meta = data.meta || {};
  const values = {
    date: meta.date, title: meta.title, url: new URL(data.url, document.baseURI).href,
    source: meta.source, language: filters.language,
  };
  for (const key of COLUMNS.slice(5)) values[key] = filters[key] || [];
  return COLUMNS.map((key) => csvCell(values[key])).join(",");
}

/** The results' metadata as CSV text (a header row, then one row per result, in order). */
export async function resultsCsv(results) {
  const rows = [COLUMNS.join(",")];
  for (let start = 0; start < results.length; start += BATCH) {
    const records = await Promise.all(results.slice(start, start + BATCH).map((r) => r.data()));
    rows.push(...records.map(csvRow));
  }
  return `${rows.join("\n")}\n`;
}

/** Offer `text` as a file download. */
export function download(text, name) {
  const link = element("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

/** The download, with a line saying how many rows it holds (and that it stops at `limit`). */
export async function downloadResults(results, total, config, status) {
  const rows = results.slice(0, config.csvLimit);
  status.textContent = config.strings.csvPreparing;
  download(await resultsCsv(rows), "search-results.csv");
  status.textContent = fill(rows.length < total ? config.strings.csvPartial : config.strings.csvDone,
    { count: rows.length, total });
}
