// @ts-check
// Tables that keep every column on a phone: below 40em each row becomes label–value pairs
// (styles/occupancy.css, .sccif-occupancy__stacked), each cell labelled by its column heading.
// The table itself has no class, so the theme styles it as every other table on wider screens.

/** @typedef {typeof import("../../ui.js").h} H */
/** @typedef {import("../../ui.js").Child} Child */

/**
 * A captioned table in a focusable region. headers: the column headings, the first being the
 * row headings' column; rows: [{head, cells, attrs}], where head and cells are text or nodes.
 * @param {H} h
 * @param {{caption: string, headers: string[], label: string,
 *   rows: {head: Child, cells: Child[], attrs?: Record<string, any>}[]}} table
 */
export function stackedTable(h, { caption, headers, rows, label }) {
  return h("div", { class: "sccif-occupancy__scroll sccif-occupancy__stacked", tabindex: "0", role: "region", "aria-label": label },
    h("table", {},
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, headers.map((text) => h("th", { scope: "col" }, text)))),
      h("tbody", {}, rows.map(({ head, cells, attrs = {} }) => h("tr", attrs,
        h("th", { scope: "row", "data-label": headers[0] }, head),
        cells.map((value, index) => h("td", { "data-label": headers[index + 1] }, value)))))));
}

/**
 * The sentence under a list cut to its first rows: how many there are, and the button that
 * downloads them all (or null when the list is whole).
 * @param {H} h
 * @param {{shown: number, total: number, what: string, download: HTMLElement}} list
 */
export function firstRowsNote(h, { shown, total, what, download }) {
  if (shown >= total) return null;
  return h("div", { class: "sccif-occupancy__first-rows" },
    h("p", {}, `The first ${shown.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} ${what} are shown here. The download has them all.`),
    download);
}
