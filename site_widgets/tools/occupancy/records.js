// @ts-check
// "1. Residents' records": a CSV file, rows pasted from a spreadsheet, or rows typed into the form;
// the preview of a file with its column choices; and the marks that lead to a problem's field.
//
// Every value from a file, a paste or the form is rendered with textContent (ui.h), never innerHTML.

import { emptyRow, FIELD_HINTS, FIELD_NAMES, FIELDS, isField, MAX_BYTES, MAX_FORM_ROWS, plural, toBase64 } from "./format.js";
import { downloadFile } from "../../lib/download.js";
import { stackedTable } from "./tables.js";

/** @typedef {import("./format.js").FieldName} FieldName */
/** @typedef {import("./format.js").Row} Row */
/** @typedef {import("./report.js").Ui} Ui */
/** @typedef {(name: string, payload?: any) => Promise<any>} Call */
/** Where the records came from; a file not in UTF-8 comes as base64 for the core to name. @typedef {{kind: "file" | "paste" | "form", name: string, text?: string, base64?: string}} Source */
/**
 * What a file or paste looks like ("occupancy.preview", csv_input.preview_csv): columns numbered from 1
 * (null: not found); sample: the first rows' cells; extra: a row past them that holds a problem.
 * @typedef {{delimiter: string, headers: string[], columns: Record<FieldName, number | null>, missing: FieldName[],
 *   recognised: boolean, problem: import("../../lib/request.js").Problem | null, rows: number, sample: string[][],
 *   extra: {row: number, cells: string[]} | null, no_end_date_rows: number[], notes: string[]}} Preview
 */
/**
 * The checker's state, shared by its sections.
 * @typedef {object} State
 * @property {Source | null} source
 * @property {Partial<Record<FieldName, number | "">>} columns the 1-based column the reader chose for each field
 * @property {Preview | null} preview
 * @property {Row[]} rows the form's rows
 * @property {Record<string, string>} plannedDischarges id -> date text
 * @property {Row[]} plannedAdmissions
 * @property {import("./report.js").OccupancyResult | null} result
 * @property {import("./report.js").OccupancyResult | null} baseline the result without plans, to compare
 * @property {string[]} plansDropped ids whose planned discharges the last check set aside: they left the records
 */
/** @typedef {{source(source: Source): void, checkRows(): void, changed(): void, useColumns(): void, editInForm(): void}} RecordsEvents */

/**
 * The records section. state: the tool's state ({source, columns, preview, rows}).
 * on: {source(source), checkRows(), changed(), useColumns(), editInForm()}.
 * @param {{ui: Ui, state: State, call: Call, announcer: {say(text: string): void},
 *   summary: {show(items: import("../../ui.js").SummaryItem[]): void}, on: RecordsEvents}} options
 */
export function recordsSection({ ui, state, call, announcer, summary, on }) {
  const { h } = ui;

  const templateButton = h("button", { type: "button", class: "md-button sccif-button" }, "Download a template (CSV)");
  const fileId = ui.id("sccif-occupancy-file");
  const fileInput = h("input", {
    type: "file",
    id: fileId,
    class: "sccif-occupancy__file",
    accept: ".csv,.txt,.tsv,text/csv,text/plain",
    "aria-describedby": `${fileId}-hint`,
  });
  const fileField = h(
    "div",
    { class: "sccif-field" },
    h("label", { class: "sccif-label", for: fileId }, "Load a CSV file"),
    h("div", { class: "sccif-hint", id: `${fileId}-hint` }, "One row for each stay, with columns for ID, date of birth, admission date and discharge date. The file is read on this device and not uploaded."),
    fileInput,
  );

  const pasteId = ui.id("sccif-occupancy-paste");
  const pasteArea = h("textarea", {
    id: pasteId,
    class: "sccif-occupancy__paste",
    rows: "6",
    spellcheck: "false",
    "aria-describedby": `${pasteId}-hint`,
  });
  const pasteButton = h("button", { type: "button", class: "md-button sccif-button" }, "Check the pasted rows");
  const pasteDetails = h(
    "details",
    { class: "sccif-details" },
    h("summary", {}, "Paste rows from a spreadsheet"),
    h("div", { class: "sccif-field" },
      h("label", { class: "sccif-label", for: pasteId }, "Rows copied from a spreadsheet, with the heading row"),
      h("div", { class: "sccif-hint", id: `${pasteId}-hint` }, "Select the cells in Excel, LibreOffice or Google Sheets, including the headings, copy them and paste them here."),
      pasteArea),
    pasteButton,
  );
  pasteArea.addEventListener("input", () => on.changed());

  const rowsList = h("div", { class: "sccif-occupancy__rows" });
  const addRowButton = h("button", { type: "button", class: "md-button sccif-button" }, "Add a row");
  const checkRowsButton = h("button", { type: "button", class: "md-button sccif-button" }, "Check these rows");
  const formDetails = h(
    "details",
    { class: "sccif-details sccif-occupancy__form" },
    h("summary", {}, "Type or edit rows"),
    h("p", { class: "sccif-hint" }, "One row for each stay. A person who left and came back has a row for each stay, with the same ID."),
    rowsList,
    h("div", { class: "sccif-occupancy__buttons" }, addRowButton, checkRowsButton),
  );
  /** @type {Record<FieldName, HTMLInputElement>[]} each typed row's inputs, for errors */
  const rowInputs = [];

  function renderRows() {
    rowInputs.length = 0;
    rowsList.replaceChildren(
      ...state.rows.map((row, index) => {
        const inputs = /** @type {Record<FieldName, HTMLInputElement>} */ ({});
        const legendId = ui.id("sccif-occupancy-row");
        const cells = FIELDS.map((name) => {
          const inputId = ui.id(`sccif-occupancy-${name}`);
          const input = h("input", {
            id: inputId,
            class: `sccif-input${name === "id" ? "" : " sccif-input--date"}`,
            type: "text",
            name,
            autocomplete: "off",
            spellcheck: "false",
            "aria-describedby": index === 0 ? `${inputId}-hint` : null,
          });
          input.value = row[name];
          input.addEventListener("input", () => {
            row[name] = input.value;
            on.changed();
          });
          inputs[name] = input;
          return h("div", { class: "sccif-occupancy__cell" },
            cellLabel(h, input, FIELD_NAMES[name], `row ${index + 1}`),
            index === 0 ? h("div", { class: "sccif-hint", id: `${inputId}-hint` }, FIELD_HINTS[name]) : null,
            h("p", { class: "sccif-error-message", id: `${inputId}-error`, hidden: true }),
            input);
        });
        rowInputs.push(inputs);
        const remove = h("button", { type: "button", class: "md-button sccif-button sccif-occupancy__remove" }, `Remove row ${index + 1}`);
        remove.addEventListener("click", () => {
          state.rows.splice(index, 1);
          if (!state.rows.length) state.rows.push(emptyRow());
          renderRows();
          on.changed();
          (rowInputs[Math.min(index, rowInputs.length - 1)]?.id ?? addRowButton).focus();
          announcer.say(`Row ${index + 1} removed.`);
        });
        return h("fieldset", { class: "sccif-occupancy__row", "aria-labelledby": legendId },
          h("legend", { id: legendId, class: "sccif-occupancy__legend" }, `Row ${index + 1}`),
          cells, remove);
      }),
    );
  }

  addRowButton.addEventListener("click", () => {
    state.rows.push(emptyRow());
    renderRows();
    on.changed();
    rowInputs[rowInputs.length - 1].id.focus();
  });
  checkRowsButton.addEventListener("click", () => on.checkRows());

  const preview = h("div", { class: "sccif-occupancy__preview", hidden: true });
  /** @type {Partial<Record<FieldName, HTMLSelectElement>>} the column choices shown in the preview */
  const selects = {};

  const element = h(
    "section",
    { class: "sccif-occupancy__input sccif-occupancy__records", "aria-labelledby": `${fileId}-title` },
    h("h2", { id: `${fileId}-title` }, "1. Residents' records"),
    h("p", {}, "Load a CSV file, paste rows from a spreadsheet, or type the rows. Dates can be day/month/year (25/11/2026) or year-month-day (2026-11-25)."),
    fileField,
    templateButton,
    pasteDetails,
    formDetails,
    preview,
  );

  templateButton.addEventListener("click", async () => {
    const made = await downloadFile(call, "occupancy.template", {});
    announcer.say(made.file ? `The template ${made.file.filename} has been downloaded. Replace its example rows with your own.` : made.problem);
  });

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    performance.clearMarks("sccif:occupancy-file-chosen");
    performance.clearMarks("sccif:occupancy-result-shown");
    performance.mark("sccif:occupancy-file-chosen");
    // The size as the browser reports it, then as read: a device file can say 0 and hold more.
    if (file.size > MAX_BYTES) {
      tooLarge(file.size);
      return;
    }
    const buffer = await file.arrayBuffer();
    if (buffer.byteLength > MAX_BYTES) {
      tooLarge(buffer.byteLength);
      return;
    }
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
    } catch {
      text = null; // not UTF-8: the core says what it is (a workbook, UTF-16, binary...)
    }
    on.source(text === null
      ? { kind: "file", name: file.name, base64: toBase64(new Uint8Array(buffer)) }
      : { kind: "file", name: file.name, text });
  });

  /** @param {number} size */
  function tooLarge(size) {
    summary.show([{
      text: `The file is ${(size / 1024 / 1024).toFixed(1)} MB; the checker reads files up to ${MAX_BYTES / 1024 / 1024} MB. A home's residents fit in far less: remove other columns or sheets and save as CSV.`,
      input: fileInput,
    }]);
  }

  pasteButton.addEventListener("click", () => {
    const text = pasteArea.value.replace(/^\s*\n/, "");
    if (!text.trim()) {
      summary.show([{ text: "Paste the rows, with their heading row, into the box first.", input: pasteArea }]);
      return;
    }
    on.source({ kind: "paste", name: "the pasted rows", text });
  });

  // --- the preview and column choices ---

  /** @param {Preview} data */
  function columnChoices(data) {
    for (const name of FIELDS) delete selects[name];
    return h("fieldset", { class: "sccif-occupancy__fieldset" },
      h("legend", { class: "sccif-label" }, data.recognised ? "Columns used" : "Which column holds each item?"),
      FIELDS.map((name) => {
        const selectId = ui.id(`sccif-occupancy-column-${name}`);
        const missing = data.missing.includes(name);
        const select = h("select", { id: selectId, class: "sccif-occupancy__select", "aria-invalid": missing && !data.recognised ? "true" : null },
          h("option", { value: "" }, "Choose a column"),
          data.headers.map((header, index) => h("option", { value: String(index + 1) }, `Column ${index + 1}: ${header || "(no heading)"}`)));
        select.value = data.columns[name] ? String(data.columns[name]) : "";
        select.addEventListener("change", () => on.changed());
        selects[name] = select;
        return h("div", { class: `sccif-occupancy__column${missing && !data.recognised ? " sccif-field--error" : ""}` },
          h("label", { class: "sccif-label", for: selectId }, FIELD_NAMES[name]), select);
      }));
  }

  /** @param {Preview} data */
  function previewTable(data) {
    if (!data.sample.length) return null;
    const headers = ["Row", ...data.headers.map((header) => header || "(no heading)")];
    /** @type {{number: number, cells: string[], gap?: boolean}[]} */
    const rows = data.sample.map((cells, index) => ({ number: index + 2, cells }));
    if (data.extra) rows.push({ number: data.extra.row, cells: data.extra.cells, gap: true });
    return stackedTable(h, {
      label: "The first rows of your records",
      caption: data.extra
        ? `The first ${plural(data.sample.length, "row")} (row 1 is the heading row), then row ${data.extra.row}`
        : `The first ${plural(data.sample.length, "row")} (row 1 is the heading row)`,
      headers,
      rows: rows.map(({ number, cells, gap }) => ({
        head: String(number),
        cells: data.headers.map((_, column) => cells[column] ?? ""),
        attrs: { "data-sccif-row": String(number), class: gap ? "sccif-occupancy__row-after-gap" : null },
      })),
    });
  }

  /** Show the preview of the file or paste in state.preview. */
  function renderPreview() {
    const data = state.preview;
    if (!data) {
      preview.hidden = true;
      preview.replaceChildren();
      return;
    }
    const choices = columnChoices(data);
    const useColumns = h("button", { type: "button", class: "md-button sccif-button" }, "Use these columns");
    useColumns.addEventListener("click", () => {
      state.columns = Object.fromEntries(FIELDS.map((name) => {
        const column = selects[name]?.value;
        return [name, column ? Number(column) : ""];
      }));
      on.useColumns();
    });
    const editButton = data.rows <= MAX_FORM_ROWS
      ? h("button", { type: "button", class: "md-button sccif-button" }, "Edit these rows in the form")
      : null;
    editButton?.addEventListener("click", () => on.editInForm());
    ui.replace(
      preview,
      h("h3", {}, "Your records"),
      h("p", {}, `From ${state.source?.name}: ${plural(data.rows, "row")} below the heading row, separated by ${data.delimiter === "tab" ? "tabs" : `${data.delimiter}s`}.`),
      data.rows > MAX_FORM_ROWS ? h("p", { class: "sccif-hint" }, `Files with more than ${MAX_FORM_ROWS} rows are edited in your spreadsheet, not in this form.`) : null,
      previewTable(data),
      data.recognised
        ? [
          h("p", {}, `Columns used: ${FIELDS.map((name) => `${FIELD_NAMES[name]}, column ${data.columns[name]} (${data.headers[(data.columns[name] ?? 0) - 1] || "no heading"})`).join("; ")}.`),
          h("details", { class: "sccif-details sccif-occupancy__change-columns" }, h("summary", {}, "Change which columns are used"), choices, useColumns),
          editButton,
        ]
        : [choices, h("div", { class: "sccif-occupancy__buttons" }, useColumns, editButton)],
    );
    preview.hidden = false;
  }

  /** The column choice of a field (opening "Change which columns are used" if it is closed). @param {string} name */
  function columnControl(name) {
    const select = isField(name) ? selects[name] : null;
    if (!select) return null;
    const details = select.closest("details");
    if (details) details.open = true;
    return select;
  }

  /**
   * Mark row `row` of the preview as holding a problem in column `label`; the cell to link to,
   * or null when the preview does not show that row.
   */
  /** @param {number} row @param {string | null | undefined} label */
  function markPreviewRow(row, label) {
    const data = state.preview;
    /** @type {HTMLTableRowElement | null} */
    const tr = preview.querySelector(`tr[data-sccif-row="${row}"]`);
    if (!data || !tr) return null;
    tr.classList.add("sccif-occupancy__row--error");
    const head = /** @type {HTMLTableCellElement} */ (tr.querySelector("th"));
    head.append(h("span", { class: "sccif-occupancy__row-flag" }, " Problem here"));
    const column = data.headers.findIndex((header, index) => (header || `column ${index + 1}`) === label);
    const target = column >= 0 ? tr.querySelectorAll("td")[column] : head;
    target.id = ui.id("sccif-occupancy-problem");
    target.tabIndex = -1;
    target.classList.add("sccif-occupancy__cell--error");
    // Scroll the table's own box (not the page) so the row shows there when the reader gets to it.
    const region = tr.closest(".sccif-occupancy__scroll");
    if (region) {
      region.scrollTop = Math.max(0, tr.offsetTop - region.clientHeight / 2);
      region.scrollLeft = Math.max(0, target.offsetLeft - 8);
    }
    return target;
  }

  /**
   * Mark a typed row's field with the problem; the input, or null.
   * @param {number} row @param {string | null | undefined} field @param {string} problem
   */
  function markTypedRow(row, field, problem) {
    const inputs = rowInputs[row - 1];
    const input = (isField(field) ? inputs?.[field] : null) ?? inputs?.id ?? null;
    if (!input) return null;
    formDetails.open = true;
    const message = /** @type {HTMLElement} */ (document.getElementById(`${input.id}-error`));
    ui.replace(message, h("span", { class: "sccif-visually-hidden" }, "Error: "), ui.sentence(problem));
    message.hidden = false;
    input.parentElement?.classList.add("sccif-field--error");
    input.setAttribute("aria-invalid", "true");
    const hint = document.getElementById(`${input.id}-hint`);
    input.setAttribute("aria-describedby", [hint?.id, message.id].filter(Boolean).join(" "));
    return input;
  }

  function clearMarks() {
    for (const inputs of rowInputs) {
      for (const input of Object.values(inputs)) {
        input.removeAttribute("aria-invalid");
        const hint = document.getElementById(`${input.id}-hint`);
        if (hint) input.setAttribute("aria-describedby", hint.id);
        else input.removeAttribute("aria-describedby");
        const message = /** @type {HTMLElement} */ (document.getElementById(`${input.id}-error`));
        message.hidden = true;
        message.replaceChildren();
        input.parentElement?.classList.remove("sccif-field--error");
      }
    }
    for (const tr of preview.querySelectorAll(".sccif-occupancy__row--error")) {
      tr.classList.remove("sccif-occupancy__row--error");
      tr.querySelector(".sccif-occupancy__row-flag")?.remove();
    }
    for (const cell of preview.querySelectorAll(".sccif-occupancy__cell--error")) cell.classList.remove("sccif-occupancy__cell--error");
  }

  function sourceInput() {
    if (state.source?.kind === "paste") return pasteArea;
    if (state.source?.kind === "file") return fileInput;
    return null;
  }

  function reset() {
    fileInput.value = "";
    pasteArea.value = "";
    preview.hidden = true;
    preview.replaceChildren();
    renderRows();
  }

  return {
    element,
    fileInput,
    pasteArea,
    formDetails,
    rowInputs,
    renderRows,
    renderPreview,
    columnControl,
    markPreviewRow,
    markTypedRow,
    clearMarks,
    sourceInput,
    reset,
  };
}

/**
 * A cell's label: its field's name on screen; for a screen reader, also which row the input
 * belongs to ("Date of birth, row 2"), so no two fields share a name.
 * @param {typeof import("../../ui.js").h} h @param {HTMLInputElement} input @param {string} name @param {string} where
 */
export function cellLabel(h, input, name, where) {
  input.setAttribute("aria-label", `${name}, ${where}`);
  return h("label", { class: "sccif-label", for: input.id }, name);
}
