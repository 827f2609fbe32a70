// The 'wholly or mainly' occupancy checker: every 12-month period of a home's own records.
//
// Every figure comes from the Python core (sccif_core.occupancy, "occupancy.check"), the same
// code as `sccif occupancy`: this file reads the file the reader chooses (or the rows they paste
// or type), sends the text to the worker, and shows the answer. It never sends anything over
// the network: the worker runs in this browser.
//
// Privacy: records live in this page's memory. They go into localStorage only when the reader
// ticks "Keep my records on this device", and "Forget" removes them. Every value from a file,
// a paste or the form is rendered with textContent (ui.h and svg() below), never innerHTML.

const SOURCE_PATH = "framework/young-adults/#wholly-or-mainly-guidelines-2";
const SOURCE_TEXT = "The framework's 'wholly or mainly' guidelines";
const STORAGE_KEY = "sccif-occupancy-v1";
const FIELDS = ["id", "date_of_birth", "admission_date", "discharge_date"];
const FIELD_NAMES = {
  id: "ID",
  date_of_birth: "Date of birth",
  admission_date: "Admission date",
  discharge_date: "Discharge date",
};
const FIELD_HINTS = {
  id: "Initials or your own reference",
  date_of_birth: "For example, 14/03/2008",
  admission_date: "For example, 02/09/2025",
  discharge_date: "Leave blank if still resident",
};
const MAX_BYTES = 50 * 1024 * 1024;
const MAX_FORM_ROWS = 500;
const PREVIEW_ROWS = 5;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const VERDICT_TITLES = {
  meets: "Meets the policy",
  "does-not-meet": "Does not meet the policy",
  "depends-on-empty-days": "Depends on how empty days are counted",
  "not-enough-history": "Not enough history yet",
};
const SVG_NS = "http://www.w3.org/2000/svg";

// --- small helpers (no DOM) ---

/** "2026-03-01" -> "1 March 2026" */
export function longDate(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.split("-").map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

function percent(share) {
  return share === null || share === undefined ? "no share (nobody resident)" : `${(share * 100).toFixed(1)}%`;
}

function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

/** Today's date on this computer, as the reader's calendar shows it. */
function todayIso() {
  const now = new Date();
  const pad = (value) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Expand [[value, count], ...] into one value per day. */
export function expand(runs) {
  const values = [];
  for (const [value, count] of runs) for (let i = 0; i < count; i += 1) values.push(value);
  return values;
}

/** One CSV cell, quoted when it needs to be. */
function cell(value) {
  const text = String(value ?? "");
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function rowsToCsv(rows) {
  return [FIELDS.join(","), ...rows.map((row) => FIELDS.map((name) => cell(row[name])).join(","))].join("\r\n") + "\r\n";
}

function toBase64(bytes) {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

function emptyRow() {
  return { id: "", date_of_birth: "", admission_date: "", discharge_date: "" };
}

function storage() {
  try {
    const store = window.localStorage;
    const probe = `${STORAGE_KEY}-probe`;
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch {
    return null;
  }
}

/** An SVG element; text children become text nodes. */
function svg(tag, attrs = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") element.textContent = String(value);
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// --- the widget ---

export function mount(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);

  const state = {
    source: null, // {kind: "file" | "paste" | "form", name, text?, base64?}
    columns: {}, // field -> 1-based column number chosen by the reader
    preview: null,
    rows: [emptyRow()], // the form's rows
    plannedDischarges: {}, // id -> date text
    plannedAdmissions: [], // rows like the form's
    result: null,
    baseline: null, // the projection without plans, to compare
    keep: false,
  };
  const store = storage();

  const status = ui.runtimeStatus(runtime, { what: "checker" });
  const summary = ui.errorSummary();
  const announcer = ui.announcer();

  // --- privacy and "keep on this device" ---
  const keepId = ui.id("sccif-occupancy-keep");
  const keepBox = h("input", { type: "checkbox", id: keepId, class: "sccif-occupancy__check", disabled: store ? null : true });
  const keepNote = h("p", { class: "sccif-hint", id: `${keepId}-hint` });
  keepBox.setAttribute("aria-describedby", `${keepId}-hint`);
  const forgetButton = h("button", { type: "button", class: "md-button sccif-button" }, "Forget my records");
  const privacy = h(
    "section",
    { class: "sccif-occupancy__privacy sccif-occupancy__input", "aria-labelledby": `${keepId}-title` },
    h("h2", { id: `${keepId}-title` }, "Privacy"),
    h("p", {}, "Your records stay on this device. The checker reads them in this browser and does not upload them or send them anywhere. Use initials or your own reference numbers, not names."),
    h("div", { class: "sccif-occupancy__checkbox" }, keepBox, h("label", { for: keepId }, "Keep my records on this device")),
    keepNote,
    forgetButton,
  );

  function showKeepNote(extra = "") {
    if (!store) {
      keepNote.textContent = "This browser does not let pages store anything, so nothing is kept after you close the page.";
      return;
    }
    keepNote.textContent = state.keep
      ? `Your records are kept in this browser on this device until you press "Forget my records". Do not use this on a shared computer.${extra}`
      : "Nothing is stored: your records are gone when you close this page.";
  }

  function save() {
    if (!store || !state.keep) return;
    const kept = {
      version: 1,
      saved: new Date().toISOString(),
      source: state.source,
      columns: state.columns,
      rows: state.rows,
      from: period.from.input.value,
      to: period.to.input.value,
      leap: leapValue(),
      plannedDischarges: state.plannedDischarges,
      plannedAdmissions: state.plannedAdmissions,
    };
    try {
      store.setItem(STORAGE_KEY, JSON.stringify(kept));
      showKeepNote();
    } catch {
      state.keep = false;
      keepBox.checked = false;
      store.removeItem(STORAGE_KEY);
      keepNote.textContent = "These records are too large to keep in this browser, so nothing is stored.";
    }
  }

  keepBox.addEventListener("change", () => {
    state.keep = keepBox.checked;
    if (state.keep) save();
    else store?.removeItem(STORAGE_KEY);
    showKeepNote();
    announcer.say(state.keep ? "Your records will be kept on this device." : "Your records are no longer kept on this device.");
  });

  forgetButton.addEventListener("click", () => {
    store?.removeItem(STORAGE_KEY);
    state.keep = false;
    keepBox.checked = false;
    state.source = null;
    state.columns = {};
    state.preview = null;
    state.rows = [emptyRow()];
    state.plannedDischarges = {};
    state.plannedAdmissions = [];
    state.result = null;
    state.baseline = null;
    fileInput.value = "";
    pasteArea.value = "";
    period.from.input.value = "";
    period.to.input.value = "";
    setLeap("mar-1");
    renderRows();
    preview.hidden = true;
    preview.replaceChildren();
    report.hidden = true;
    report.replaceChildren();
    summary.hide();
    showKeepNote();
    announcer.say("Your records have been removed from this page and from this device.");
  });

  // --- 1. residents' records ---
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

  const rowsList = h("div", { class: "sccif-occupancy__rows" });
  const addRowButton = h("button", { type: "button", class: "md-button sccif-button" }, "Add a row");
  const checkRowsButton = h("button", { type: "button", class: "md-button sccif-button" }, "Check these rows");
  const rowsNote = h("p", { class: "sccif-hint" }, "One row for each stay. A person who left and came back has a row for each stay, with the same ID.");
  const formDetails = h(
    "details",
    { class: "sccif-details sccif-occupancy__form" },
    h("summary", {}, "Type or edit rows"),
    rowsNote,
    rowsList,
    h("div", { class: "sccif-occupancy__buttons" }, addRowButton, checkRowsButton),
  );
  const rowInputs = []; // [{field: input}] per row, for errors

  function renderRows() {
    rowInputs.length = 0;
    rowsList.replaceChildren(
      ...state.rows.map((row, index) => {
        const inputs = {};
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
            value: row[name],
          });
          input.value = row[name];
          input.addEventListener("input", () => {
            row[name] = input.value;
          });
          inputs[name] = input;
          return h("div", { class: "sccif-occupancy__cell" },
            h("label", { class: "sccif-label", for: inputId }, FIELD_NAMES[name]),
            index === 0 ? h("div", { class: "sccif-hint" }, FIELD_HINTS[name]) : null,
            h("p", { class: "sccif-error-message", hidden: true }),
            input);
        });
        rowInputs.push(inputs);
        const remove = h("button", { type: "button", class: "md-button sccif-button sccif-occupancy__remove" }, `Remove row ${index + 1}`);
        remove.addEventListener("click", () => {
          state.rows.splice(index, 1);
          if (!state.rows.length) state.rows.push(emptyRow());
          renderRows();
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
    rowInputs[rowInputs.length - 1].id.focus();
  });

  checkRowsButton.addEventListener("click", () => {
    // Blank rows stay in the text (the core passes over them), so row numbers match the form.
    useSource({ kind: "form", name: "the rows you typed", text: rowsToCsv(state.rows) });
  });

  const preview = h("div", { class: "sccif-occupancy__preview", hidden: true });

  const records = h(
    "section",
    { class: "sccif-occupancy__input", "aria-labelledby": `${fileId}-title` },
    h("h2", { id: `${fileId}-title` }, "1. Residents' records"),
    h("p", {}, "Load a CSV file, paste rows from a spreadsheet, or type the rows. Dates can be day/month/year (25/11/2026) or year-month-day (2026-11-25)."),
    templateButton,
    fileField,
    pasteDetails,
    formDetails,
    preview,
  );

  templateButton.addEventListener("click", async () => {
    let answer;
    try {
      answer = await call("occupancy.template", {});
    } catch (failure) {
      announcer.say(`The template could not be made. ${ui.sentence(failure.message)}`);
      return;
    }
    if (!answer.result) return;
    // Made here, from the core's text: a same-origin Blob, nothing fetched.
    const blob = new Blob([answer.result.text], { type: "text/csv;charset=utf-8" });
    const href = URL.createObjectURL(blob);
    const link = h("a", { href, download: answer.result.filename, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 1000);
    announcer.say(`The template ${answer.result.filename} has been downloaded. Replace its example rows with your own.`);
  });

  // --- 2. period and settings ---
  const period = {
    from: ui.field({ name: "from", label: "From (optional)", hint: "The first day to check. If blank, the earliest admission.", width: "date" }),
    to: ui.field({ name: "to", label: "To (optional)", hint: "The last day to check. If blank, today.", width: "date" }),
  };
  const leapName = ui.id("sccif-occupancy-leap");
  const leapOptions = [
    ["mar-1", "1 March (the default)"],
    ["feb-28", "28 February"],
  ].map(([value, label]) => {
    const inputId = `${leapName}-${value}`;
    const input = h("input", { type: "radio", name: leapName, id: inputId, value, class: "sccif-occupancy__radio", checked: value === "mar-1" });
    return { value, input, element: h("div", { class: "sccif-occupancy__checkbox" }, input, h("label", { for: inputId }, label)) };
  });
  function leapValue() {
    return leapOptions.find((option) => option.input.checked)?.value ?? "mar-1";
  }
  function setLeap(value) {
    for (const option of leapOptions) option.input.checked = option.value === value;
  }
  const checkButton = h("button", { type: "submit", class: "md-button md-button--primary sccif-button" }, "Check the records");
  const settingsForm = h(
    "form",
    { class: "sccif-form sccif-occupancy__input", novalidate: true, "aria-labelledby": `${leapName}-title` },
    h("h2", { id: `${leapName}-title` }, "2. Period and settings"),
    period.from.element,
    period.to.element,
    h("fieldset", { class: "sccif-occupancy__fieldset" },
      h("legend", { class: "sccif-label" }, "Someone born on 29 February turns 18, in a year without a 29 February, on"),
      h("div", { class: "sccif-hint" }, "No law settles this. It changes the result only for someone born on 29 February who was in the home that night."),
      leapOptions.map((option) => option.element)),
    checkButton,
  );
  settingsForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!state.source) {
      summary.show([{ text: "Load a CSV file, paste rows or type rows before checking.", input: fileInput }]);
      return;
    }
    run();
  });

  // --- results ---
  const report = h("section", { class: "sccif-occupancy__report", hidden: true, "aria-label": "Result of the check" });

  const widget = h(
    "div",
    { class: "sccif-widget sccif-occupancy", "data-sccif-widget": true },
    status.element,
    summary.element,
    privacy,
    records,
    settingsForm,
    report,
    announcer.element,
  );
  root.append(widget);
  renderRows();

  // --- reading the reader's input ---

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    performance.clearMarks("sccif:occupancy-file-chosen");
    performance.clearMarks("sccif:occupancy-result-shown");
    performance.mark("sccif:occupancy-file-chosen");
    if (file.size > MAX_BYTES) {
      summary.show([{
        text: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the checker reads files up to 50 MB. A home's residents fit in far less: remove other columns or sheets and save as CSV.`,
        input: fileInput,
      }]);
      return;
    }
    const buffer = await file.arrayBuffer();
    let text = null;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
    } catch {
      text = null; // not UTF-8: the core says what it is (a workbook, UTF-16, binary...)
    }
    useSource(text === null
      ? { kind: "file", name: file.name, base64: toBase64(new Uint8Array(buffer)) }
      : { kind: "file", name: file.name, text });
  });

  pasteButton.addEventListener("click", () => {
    const text = pasteArea.value.replace(/^\s*\n/, "");
    if (!text.trim()) {
      summary.show([{ text: "Paste the rows, with their heading row, into the box first.", input: pasteArea }]);
      return;
    }
    useSource({ kind: "paste", name: "the pasted rows", text });
  });

  function csvPayload() {
    const source = state.source;
    const payload = source.base64 ? { csv_base64: source.base64 } : { csv: source.text };
    const columns = Object.fromEntries(Object.entries(state.columns).filter(([, value]) => value));
    if (Object.keys(columns).length) payload.columns = columns;
    return payload;
  }

  function useSource(source) {
    state.source = source;
    state.columns = {};
    state.plannedDischarges = {};
    state.plannedAdmissions = [];
    state.baseline = null;
    run({ withPreview: true });
  }

  // --- talking to the core ---

  let latest = 0;

  async function run({ withPreview = false } = {}) {
    const seq = ++latest;
    summary.hide();
    clearRowErrors();
    for (const item of Object.values(period)) item.setError(null);
    if (runtime.state !== "ready") {
      report.hidden = false;
      ui.replace(report, h("p", { class: "sccif-result__waiting" }, "Your result will appear here as soon as the checker has loaded."));
    }
    const base = {
      ...csvPayload(),
      from: period.from.input.value,
      to: period.to.input.value,
      today: todayIso(),
      leap_birthday: leapValue(),
    };
    const plans = planPayload();
    const hasPlans = Boolean(plans.planned_discharges.length || plans.planned_admissions.length);
    let answers;
    try {
      answers = await Promise.all([
        withPreview ? call("occupancy.preview", { ...csvPayload(), sample: PREVIEW_ROWS }) : null,
        call("occupancy.check", { ...base, ...plans }),
        hasPlans ? call("occupancy.check", { ...base, series: false }) : null,
      ]);
    } catch (failure) {
      if (seq !== latest) return;
      report.hidden = false;
      ui.replace(report, h("p", {}, "No result yet: the checker is not working. See the message above."));
      announcer.say(`The checker could not work this out. ${ui.sentence(failure.message)}`);
      return;
    }
    if (seq !== latest) return;
    const [previewAnswer, answer, baseline] = answers;
    if (previewAnswer) {
      state.preview = previewAnswer.result ?? null;
      renderPreview(previewAnswer.error);
      if (state.preview && !state.preview.recognised) {
        report.hidden = true;
        report.replaceChildren();
        summary.show([{ text: "The checker did not recognise all the column headings. Choose which column holds each item below, then press \"Use these columns\".", input: preview.querySelector("select") }]);
        return;
      }
    }
    if (answer.error) {
      showError(answer.error);
      return;
    }
    state.result = answer.result;
    state.baseline = hasPlans && baseline?.result ? baseline.result : null;
    renderReport();
    save();
  }

  function planPayload() {
    const planned_discharges = Object.entries(state.plannedDischarges)
      .filter(([, day]) => day.trim())
      .map(([id, date]) => ({ id, date }));
    const planned_admissions = state.plannedAdmissions.filter((row) => FIELDS.some((name) => row[name].trim()));
    return { planned_discharges, planned_admissions };
  }

  function clearRowErrors() {
    for (const inputs of rowInputs) {
      for (const input of Object.values(inputs)) {
        input.removeAttribute("aria-invalid");
        const message = input.parentElement.querySelector(".sccif-error-message");
        message.hidden = true;
        message.replaceChildren();
        input.parentElement.classList.remove("sccif-field--error");
      }
    }
  }

  function showError(error) {
    report.hidden = true;
    report.replaceChildren();
    let input = null;
    if (state.source?.kind === "form" && error.row && error.row >= 2) {
      const inputs = rowInputs[error.row - 2];
      input = inputs?.[error.field] ?? inputs?.id ?? null;
      if (input) {
        formDetails.open = true;
        const message = input.parentElement.querySelector(".sccif-error-message");
        ui.replace(message, h("span", { class: "sccif-visually-hidden" }, "Error: "), ui.sentence(error.problem));
        message.hidden = false;
        input.parentElement.classList.add("sccif-field--error");
        input.setAttribute("aria-invalid", "true");
        summary.show([{ text: `Row ${error.row - 1}: ${error.problem}`, input }]);
        return;
      }
    }
    if (error.field === "from" || error.field === "to") {
      period[error.field].setError(error.problem);
      summary.show([{ text: error.problem, input: period[error.field].input }]);
      return;
    }
    const where = state.source ? ` (in ${state.source.name})` : "";
    summary.show([{ text: `${error.message ?? error.problem}${error.row ? where : ""}`, input: error.row ? sourceInput() : null }]);
  }

  function sourceInput() {
    if (state.source?.kind === "paste") return pasteArea;
    if (state.source?.kind === "file") return fileInput;
    return null;
  }

  // --- the preview and column choices ---

  function renderPreview(error) {
    const data = state.preview;
    if (!data) {
      preview.hidden = true;
      preview.replaceChildren();
      if (error) showError(error);
      return;
    }
    const selects = {};
    const choices = h("fieldset", { class: "sccif-occupancy__fieldset" },
      h("legend", { class: "sccif-label" }, data.recognised ? "Columns used" : "Which column holds each item?"),
      FIELDS.map((name) => {
        const selectId = ui.id(`sccif-occupancy-column-${name}`);
        const select = h("select", { id: selectId, class: "sccif-occupancy__select" },
          h("option", { value: "" }, "Choose a column"),
          data.headers.map((header, index) => h("option", { value: String(index + 1) }, `Column ${index + 1}: ${header || "(no heading)"}`)));
        select.value = data.columns[name] ? String(data.columns[name]) : "";
        selects[name] = select;
        return h("div", { class: "sccif-occupancy__column" }, h("label", { class: "sccif-label", for: selectId }, FIELD_NAMES[name]), select);
      }));
    const useColumns = h("button", { type: "button", class: "md-button sccif-button" }, "Use these columns");
    useColumns.addEventListener("click", () => {
      state.columns = Object.fromEntries(FIELDS.map((name) => [name, selects[name].value ? Number(selects[name].value) : ""]));
      run({ withPreview: true });
    });
    const editButton = data.rows <= MAX_FORM_ROWS
      ? h("button", { type: "button", class: "md-button sccif-button" }, "Edit these rows in the form")
      : null;
    editButton?.addEventListener("click", editInForm);
    const sampleTable = data.sample.length
      ? h("div", { class: "sccif-occupancy__scroll", tabindex: "0", role: "region", "aria-label": "The first rows of your records" },
        h("table", {},
          h("caption", {}, `The first ${plural(data.sample.length, "row")} (row 1 is the heading row)`),
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Row"), data.headers.map((header) => h("th", { scope: "col" }, header || "(no heading)")))),
          h("tbody", {}, data.sample.map((cells, index) => h("tr", {}, h("th", { scope: "row" }, String(index + 2)), data.headers.map((_, column) => h("td", {}, cells[column] ?? "")))))))
      : null;
    ui.replace(
      preview,
      h("h3", {}, "Your records"),
      h("p", {}, `From ${state.source.name}: ${plural(data.rows, "row")} below the heading row, separated by ${data.delimiter === "tab" ? "tabs" : `${data.delimiter}s`}.`),
      data.rows > MAX_FORM_ROWS ? h("p", { class: "sccif-hint" }, `Files with more than ${MAX_FORM_ROWS} rows are edited in your spreadsheet, not in this form.`) : null,
      sampleTable,
      data.recognised
        ? [
          h("p", {}, `Columns used: ${FIELDS.map((name) => `${FIELD_NAMES[name]}, column ${data.columns[name]} (${data.headers[data.columns[name] - 1] || "no heading"})`).join("; ")}.`),
          h("details", { class: "sccif-details" }, h("summary", {}, "Change which columns are used"), choices, useColumns),
          editButton,
        ]
        : [choices, h("div", { class: "sccif-occupancy__buttons" }, useColumns, editButton)],
    );
    preview.hidden = false;
  }

  async function editInForm() {
    let answer;
    try {
      answer = await call("occupancy.preview", { ...csvPayload(), sample: MAX_FORM_ROWS });
    } catch (failure) {
      announcer.say(`The rows could not be read. ${ui.sentence(failure.message)}`);
      return;
    }
    if (answer.error) {
      showError(answer.error);
      return;
    }
    const { columns, sample } = answer.result;
    state.rows = sample
      .filter((cells) => cells.some((value) => value.trim()))
      .map((cells) => Object.fromEntries(FIELDS.map((name) => [name, columns[name] ? cells[columns[name] - 1] ?? "" : ""])));
    if (!state.rows.length) state.rows.push(emptyRow());
    renderRows();
    formDetails.open = true;
    rowInputs[0].id.focus();
    announcer.say(`${plural(state.rows.length, "row")} copied into the form. Press "Check these rows" when you have finished.`);
  }

  // --- the report ---

  function renderReport() {
    const result = state.result;
    const verdict = result.verdict;
    const checked = result.windows_total;
    report.dataset.sccifVerdict = verdict;
    const parts = [
      h("h2", { class: "sccif-result__title", tabindex: "-1" }, "Result"),
      h("p", { class: "sccif-occupancy__printed" }, `'Wholly or mainly' check printed on ${longDate(todayIso())}. Worked out on this device by the SCCIF guide's occupancy checker.`),
      verdictPanel(result),
      leapWarning(result),
      notes(result),
      h("h3", {}, "How many 12-month windows fail"),
      checked
        ? h("ul", {},
          h("li", {}, `Reading A, empty days set aside: ${plural(result.windows_failing, "window")} of ${checked.toLocaleString("en-GB")} ${result.windows_failing === 1 ? "fails" : "fail"}.`),
          h("li", {}, `Reading B, every day counts: ${plural(result.windows_failing_all_days, "window")} of ${checked.toLocaleString("en-GB")} ${result.windows_failing_all_days === 1 ? "fails" : "fail"}.`))
        : h("p", {}, "None yet: no whole 12-month window fits in the period."),
      windowSection("The latest 12 months", result.latest_window, "The last whole 12-month window in the period."),
      worstSection(result),
      youngAdults(result),
      projectionSection(result),
      chartFigure(result),
      methodSection(result),
      printButton(),
    ];
    ui.replace(report, parts);
    report.hidden = false;
    performance.mark("sccif:occupancy-result-shown");
    announcer.say(`${VERDICT_TITLES[verdict]}. ${result.verdict_text}`);
  }

  function source(text = SOURCE_TEXT) {
    return h("p", { class: "sccif-occupancy__source" }, "Source: ", ui.citation(SOURCE_PATH, text), ".");
  }

  function verdictPanel(result) {
    const period = result.period;
    return h(
      "div",
      { class: `sccif-occupancy__verdict sccif-occupancy__verdict--${result.verdict}`, "data-sccif-answer": result.verdict },
      h("p", { class: "sccif-occupancy__verdict-title" }, VERDICT_TITLES[result.verdict]),
      h("p", {}, result.verdict_text),
      h("p", {}, `Period checked: ${longDate(period.start)} to ${longDate(period.end)} (${plural(period.days, "day")}), ${plural(result.windows_total, "12-month window")}, ${plural(result.residents.people, "person", "people")}, ${plural(result.residents.stays, "stay")}.`),
      h("p", {}, `29 February setting: ${result.leap_birthday_text}`),
      h("p", { class: "sccif-occupancy__source" }, "Source: ", ui.citation(result.source.path, `${result.source.heading}, paragraph 2`), "."),
    );
  }

  function leapWarning(result) {
    const comparison = result.leap_birthday_comparison;
    if (!comparison) return null;
    const other = comparison.leap_birthday === "feb-28" ? "28 February" : "1 March";
    const same = comparison.verdict === result.verdict;
    return h("div", { class: "sccif-warning" },
      h("p", {}, h("strong", {}, same ? "The 29 February setting does not change the verdict. " : "The 29 February setting changes the verdict. "),
        `Born on 29 February and in the home on the night it matters: ${comparison.people.join(", ")}. `,
        `If they turn 18 on ${other} instead, the verdict is "${VERDICT_TITLES[comparison.verdict].toLowerCase()}", with ${plural(comparison.windows_meeting, "window")} meeting reading A and ${comparison.windows_meeting_all_days.toLocaleString("en-GB")} meeting reading B.`));
  }

  function notes(result) {
    const items = [...result.notes];
    const input = result.input;
    if (input.blank_rows.length) {
      items.push(`Blank rows passed over: ${input.blank_rows.join(", ")}.`);
    }
    if (input.ignored_columns.length) {
      items.push(`Columns not used: ${input.ignored_columns.join(", ")}.`);
    }
    if (!items.length) return null;
    return h("div", { class: "sccif-occupancy__notes" }, h("h3", {}, "Notes"), h("ul", {}, items.map((item) => h("li", {}, item))));
  }

  function windowFacts(window) {
    const meets = (value) => (value ? "meets the policy" : "does not meet the policy");
    return h("dl", { class: "sccif-occupancy__facts" },
      h("dt", {}, "Dates"), h("dd", {}, `${longDate(window.start)} to ${longDate(window.end)} (${plural(window.days, "day")})`),
      h("dt", {}, "Days with more children than young adults"), h("dd", {}, window.children_majority_days.toLocaleString("en-GB")),
      h("dt", {}, "Days with anyone resident"), h("dd", {}, window.occupied_days.toLocaleString("en-GB")),
      h("dt", {}, "Reading A, empty days set aside"),
      h("dd", {}, window.occupied_days
        ? `${window.children_majority_days} of ${window.occupied_days} occupied days, ${percent(window.share)}: ${meets(window.meets)}.`
        : `Nobody was resident, so it ${meets(window.meets)}.`),
      h("dt", {}, "Reading B, every day counts"),
      h("dd", {}, `${window.children_majority_days} of ${window.days} days, ${percent(window.share_all_days)}: ${meets(window.meets_all_days)}.`),
      h("dt", {}, "Nights (for context)"),
      h("dd", {}, `${plural(window.child_nights, "child night")}, ${plural(window.young_adult_nights, "young adult night")}`));
  }

  function windowSection(title, window, lead) {
    return h("div", { class: "sccif-occupancy__window" },
      h("h3", {}, title),
      window ? [h("p", {}, lead), windowFacts(window)] : h("p", {}, "No whole 12-month window fits in the period yet."),
      source());
  }

  function worstSection(result) {
    const a = result.worst_window;
    const b = result.worst_window_all_days;
    if (!a || !b) return null;
    const same = a.start === b.start;
    return h("div", { class: "sccif-occupancy__window" },
      h("h3", {}, "The worst 12 months"),
      h("p", {}, "The window with the lowest share of children-majority days; on a tie, the earliest."),
      same
        ? [h("p", {}, "The same window is the worst under both readings."), windowFacts(a)]
        : [h("h4", {}, "Reading A, empty days set aside"), windowFacts(a), h("h4", {}, "Reading B, every day counts"), windowFacts(b)],
      source());
  }

  function youngAdults(result) {
    const people = result.young_adults;
    return h("div", {},
      h("h3", {}, "Young adults"),
      people.length
        ? h("div", { class: "sccif-occupancy__scroll", tabindex: "0", role: "region", "aria-label": "Young adults in the period" },
          h("table", {},
            h("caption", {}, `Everyone accommodated as a young adult in the period (${people.length})`),
            h("thead", {}, h("tr", {},
              ["ID", "Turned 18", "Nights as a young adult in the period", "Still resident at the end", "Planned discharge"].map((text) => h("th", { scope: "col" }, text)))),
            h("tbody", {}, people.map((person) => h("tr", {},
              h("th", { scope: "row" }, person.id),
              h("td", {}, longDate(person.turned_18), person.born_29_february ? " (born 29 February: see the setting)" : ""),
              h("td", {}, person.adult_nights.toLocaleString("en-GB")),
              h("td", {}, person.still_resident ? "Yes" : "No"),
              h("td", {}, person.planned_discharge ? longDate(person.planned_discharge) : "None given"))))))
        : h("p", {}, "Nobody was accommodated as a young adult in the period."),
      h("p", { class: "sccif-occupancy__source" }, "A child is a person under 18: ",
        ui.citation("framework/young-adults/#inspecting-homes-where-young-adults-live-1", "Inspecting homes where young adults live"), "."));
  }

  function failsText(day, window, reading) {
    if (!day) return `${reading}: every 12-month window in the projection keeps meeting the policy.`;
    const share = reading.startsWith("Reading A") ? `${window.children_majority_days} of ${window.occupied_days} occupied days` : `${window.children_majority_days} of ${window.days} days`;
    return `${reading}: the first 12-month window that would not meet the policy ends on ${longDate(day)} (${longDate(window.start)} to ${longDate(window.end)}: ${share} with more children than young adults).`;
  }

  function projectionSection(result) {
    const projection = result.projection;
    const baseline = state.baseline?.projection;
    const changed = (key) => baseline && baseline[key] !== projection[key];
    const without = (key) => (baseline[key] ? longDate(baseline[key]) : "never");
    return h("div", { class: "sccif-occupancy__projection" },
      h("h3", {}, "Looking ahead"),
      h("p", {}, `From ${longDate(projection.start)} to ${longDate(projection.end)}. ${projection.assumption}`),
      h("ul", {},
        h("li", { "data-sccif-projection": "a" }, failsText(projection.fails_from, projection.first_failing_window, "Reading A, empty days set aside")),
        h("li", { "data-sccif-projection": "b" }, failsText(projection.fails_from_all_days, projection.first_failing_window_all_days, "Reading B, every day counts"))),
      baseline
        ? h("div", { class: "sccif-warning" }, h("p", {}, h("strong", {}, "With your planned changes. "),
          changed("fails_from") || changed("fails_from_all_days")
            ? `Without them, the first failing window would end on ${without("fails_from")} (reading A) and ${without("fails_from_all_days")} (reading B).`
            : "Without them, the dates would be the same."))
        : null,
      projection.upcoming_18th_birthdays.length
        ? [h("p", {}, "18th birthdays to come while resident:"), h("ul", {}, projection.upcoming_18th_birthdays.map((person) => h("li", {}, `${person.id}: ${longDate(person.turns_18)}`)))]
        : null,
      projection.capped ? h("p", {}, "The projection stops 10 years ahead.") : null,
      whatIf(result),
      source());
  }

  function whatIf(result) {
    const open = result.projection.open_stays;
    const fields = open.map((stay, index) => {
      const item = ui.field({
        name: `planned-${index + 1}`,
        label: `Planned discharge date for ${stay.id}`,
        hint: `Admitted ${longDate(stay.admission_date)}. Leave blank if not known.`,
        width: "date",
      });
      item.input.value = state.plannedDischarges[stay.id] ?? "";
      item.input.addEventListener("input", () => {
        state.plannedDischarges[stay.id] = item.input.value;
      });
      return item.element;
    });
    const admissions = h("div", {});
    function renderAdmissions() {
      admissions.replaceChildren(...state.plannedAdmissions.map((row, index) => {
        const legendId = ui.id("sccif-occupancy-planned");
        const cells = FIELDS.map((name) => {
          const inputId = ui.id(`sccif-occupancy-planned-${name}`);
          const input = h("input", { id: inputId, class: `sccif-input${name === "id" ? "" : " sccif-input--date"}`, type: "text", autocomplete: "off", spellcheck: "false" });
          input.value = row[name];
          input.addEventListener("input", () => {
            row[name] = input.value;
          });
          return h("div", { class: "sccif-occupancy__cell" }, h("label", { class: "sccif-label", for: inputId }, name === "discharge_date" ? "Discharge date (optional)" : FIELD_NAMES[name]), input);
        });
        const remove = h("button", { type: "button", class: "md-button sccif-button sccif-occupancy__remove" }, `Remove planned admission ${index + 1}`);
        remove.addEventListener("click", () => {
          state.plannedAdmissions.splice(index, 1);
          renderAdmissions();
          addAdmission.focus();
        });
        return h("fieldset", { class: "sccif-occupancy__row", "aria-labelledby": legendId },
          h("legend", { id: legendId, class: "sccif-occupancy__legend" }, `Planned admission ${index + 1}`), cells, remove);
      }));
    }
    const addAdmission = h("button", { type: "button", class: "md-button sccif-button" }, "Add a planned admission");
    addAdmission.addEventListener("click", () => {
      state.plannedAdmissions.push(emptyRow());
      renderAdmissions();
      admissions.querySelector("fieldset:last-of-type input")?.focus();
    });
    renderAdmissions();
    const update = h("button", { type: "button", class: "md-button md-button--primary sccif-button" }, "Show the effect of these plans");
    update.addEventListener("click", () => run());
    const clear = h("button", { type: "button", class: "md-button sccif-button" }, "Clear the plans");
    clear.addEventListener("click", () => {
      state.plannedDischarges = {};
      state.plannedAdmissions = [];
      run();
    });
    return h("details", { class: "sccif-details sccif-occupancy__whatif sccif-occupancy__input", open: state.baseline ? true : null },
      h("summary", {}, "What if: plan discharges and admissions"),
      h("p", {}, "Plans change only the projection, never the history. Dates must be after the period's last day."),
      fields.length ? h("h4", {}, "Planned discharges") : h("p", {}, "Everyone in the records has a discharge date."),
      fields,
      h("h4", {}, "Planned admissions"),
      admissions,
      h("div", { class: "sccif-occupancy__buttons" }, addAdmission, update, clear));
  }

  function methodSection(result) {
    return h("div", { class: "sccif-occupancy__method" },
      h("h3", {}, "How this was worked out"),
      h("ul", {}, result.method.map((line) => h("li", {}, line))),
      h("ul", {}, Object.values(result.readings).map((line) => h("li", {}, line))),
      h("p", {}, "The framework's words: “", result.source.wording, "”"),
      h("p", {}, "The framework paragraphs this check relies on:"),
      h("ul", {}, result.citations.map((citation) => h("li", {}, ui.citation(citation.path, `${citation.heading} (${citation.anchor})`)))));
  }

  function printButton() {
    const button = h("button", { type: "button", class: "md-button sccif-button" }, "Print this report");
    button.addEventListener("click", () => {
      document.documentElement.classList.add("sccif-print-occupancy");
      window.addEventListener("afterprint", () => document.documentElement.classList.remove("sccif-print-occupancy"), { once: true });
      window.print();
    });
    return h("p", { class: "sccif-occupancy__input" }, button);
  }

  // --- the chart ---

  function chartFigure(result) {
    const series = result.series;
    if (!series || !series.days) return null;
    const children = expand(series.children);
    const adults = expand(series.young_adults);
    const days = series.days;
    const windowDays = expand(series.windows.days);
    const W = 820;
    const H = 450;
    const left = 48;
    const right = 180;
    const plotW = W - left - right;
    const top = { y0: 36, y1: 196 };
    const bottom = { y0: 250, y1: 400 };
    const x = (offset) => left + (offset * plotW) / days;
    const maxCount = Math.max(1, ...children, ...adults);
    const yCount = (value) => top.y1 - (value * (top.y1 - top.y0)) / maxCount;
    const yShare = (share) => bottom.y1 - share * (bottom.y1 - bottom.y0);
    const titleId = ui.id("sccif-occupancy-chart-title");
    const descId = `${titleId}-desc`;

    const stepPath = (values) => {
      let d = `M${x(0).toFixed(1)},${yCount(values[0]).toFixed(1)}`;
      let previous = values[0];
      for (let i = 1; i < values.length; i += 1) {
        if (values[i] !== previous) {
          d += `H${x(i).toFixed(1)}V${yCount(values[i]).toFixed(1)}`;
          previous = values[i];
        }
      }
      return `${d}H${x(days).toFixed(1)}`;
    };
    const sharePath = (allDays) => {
      let d = "";
      let drawing = false;
      const cm = series.windows.children_majority_days;
      const occupied = series.windows.occupied_days;
      for (let k = 0; k < cm.length; k += 1) {
        const share = allDays ? cm[k] / windowDays[k] : occupied[k] ? cm[k] / occupied[k] : null;
        if (share === null) {
          drawing = false;
          continue;
        }
        const px = x(k + windowDays[k]).toFixed(1);
        d += `${drawing ? "L" : "M"}${px},${yShare(share).toFixed(1)}`;
        drawing = true;
      }
      return d;
    };
    const lastShare = (allDays) => {
      const cm = series.windows.children_majority_days;
      const k = cm.length - 1;
      if (k < 0) return null;
      const occupied = series.windows.occupied_days[k];
      return allDays ? cm[k] / windowDays[k] : occupied ? cm[k] / occupied : null;
    };

    // Ticks: 1 January of each year (every other year past 8 years), or every quarter when short.
    const ticks = [];
    const startMs = Date.parse(series.start);
    const [startYear, startMonth] = series.start.split("-").map(Number);
    const offsetOf = (year, month) => Math.round((Date.UTC(year, month - 1, 1) - startMs) / 86400000);
    const years = days / 365;
    if (years > 1.5) {
      const step = years > 8 ? 2 : 1;
      for (let year = startYear; offsetOf(year, 1) <= days; year += 1) {
        if (offsetOf(year, 1) >= 0 && year % step === 0) ticks.push([offsetOf(year, 1), String(year)]);
      }
    } else {
      for (let m = 0; ; m += 1) {
        const year = startYear + Math.floor((startMonth - 1 + m) / 12);
        const month = ((startMonth - 1 + m) % 12) + 1;
        const offset = offsetOf(year, month);
        if (offset > days) break;
        if (offset >= 0 && (month - 1) % 3 === 0) ticks.push([offset, `${MONTHS[month - 1].slice(0, 3)} ${year}`]);
      }
    }
    const countStep = maxCount <= 6 ? 1 : Math.ceil(maxCount / 5);
    const countTicks = [];
    for (let value = 0; value <= maxCount; value += countStep) countTicks.push(value);

    const periodEnd = series.period_days;
    const projected = periodEnd < days
      ? [
        svg("rect", { x: x(periodEnd).toFixed(1), y: top.y0 - 8, width: (x(days) - x(periodEnd)).toFixed(1), height: bottom.y1 - top.y0 + 8, fill: `url(#${titleId}-hatch)` }),
        svg("line", { x1: x(periodEnd).toFixed(1), x2: x(periodEnd).toFixed(1), y1: top.y0 - 14, y2: bottom.y1, class: "sccif-chart__divider" }),
        svg("text", { x: (x(periodEnd) + 4).toFixed(1), y: top.y0 - 16, class: "sccif-chart__note" }, "Projected →"),
      ]
      : [];
    const lastChild = children[days - 1];
    const lastAdult = adults[days - 1];
    const shareA = lastShare(false);
    const shareB = lastShare(true);
    // Direct labels beside the lines' right ends, kept apart and inside their panel.
    const spread = (first, second, gap, low, high) => {
      const clamp = (value) => Math.min(Math.max(value, low), high);
      let [a, b] = [clamp(first), clamp(second)];
      if (Math.abs(a - b) < gap) {
        const upperIsA = a <= b;
        const lower = Math.min(Math.max(a, b), high);
        const upper = Math.max(lower - gap, low);
        [a, b] = upperIsA ? [upper, upper + gap] : [upper + gap, upper];
      }
      return [a, b];
    };
    const [aLabelY, bLabelY] = spread(
      shareA === null ? yShare(0.75) : yShare(shareA),
      shareB === null ? yShare(0.25) : yShare(shareB),
      32, bottom.y0 + 4, bottom.y1 - 30,
    );
    const [childLabelY, adultLabelY] = lastChild >= lastAdult
      ? spread(yCount(lastChild), yCount(lastAdult), 18, top.y0, top.y1)
      : spread(yCount(lastAdult), yCount(lastChild), 18, top.y0, top.y1).reverse();
    const labelX = W - right + 10;
    const legendLine = (y, cls) => svg("line", { x1: labelX, x2: labelX + 26, y1: y, y2: y, class: cls });
    const label = (y, cls, text, more = "") => [
      legendLine(y, cls),
      svg("text", { x: labelX + 32, y: y + 4, class: "sccif-chart__label" }, text),
      more ? svg("text", { x: labelX + 32, y: y + 18, class: "sccif-chart__note" }, more) : null,
    ];

    const chart = svg("svg", {
      class: "sccif-chart",
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      focusable: "false",
    },
    svg("title", { id: titleId }, "Children and young adults accommodated each night, and the rolling 12-month share of children-majority days"),
    svg("desc", { id: descId }, chartDescription(result, children, adults)),
    svg("defs", {},
      svg("pattern", { id: `${titleId}-hatch`, width: 8, height: 8, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
        svg("line", { x1: 0, y1: 0, x2: 0, y2: 8, class: "sccif-chart__hatch" }))),
    projected,
    // top panel: counts
    svg("text", { x: left, y: top.y0 - 16, class: "sccif-chart__heading" }, "People accommodated each night"),
    countTicks.map((value) => [
      svg("line", { x1: left, x2: left + plotW, y1: yCount(value).toFixed(1), y2: yCount(value).toFixed(1), class: "sccif-chart__grid" }),
      svg("text", { x: left - 6, y: (yCount(value) + 4).toFixed(1), class: "sccif-chart__tick", "text-anchor": "end" }, String(value)),
    ]),
    svg("path", { d: stepPath(children), class: "sccif-chart__children" }),
    svg("path", { d: stepPath(adults), class: "sccif-chart__adults" }),
    label(childLabelY, "sccif-chart__children", "Children"),
    label(adultLabelY, "sccif-chart__adults", "Young adults"),
    // bottom panel: shares
    svg("text", { x: left, y: bottom.y0 - 14, class: "sccif-chart__heading" }, "Share of children-majority days in the 12 months to each day"),
    [0, 0.25, 0.5, 0.75, 1].map((share) => [
      svg("line", { x1: left, x2: left + plotW, y1: yShare(share).toFixed(1), y2: yShare(share).toFixed(1), class: share === 0.5 ? "sccif-chart__half" : "sccif-chart__grid" }),
      svg("text", { x: left - 6, y: (yShare(share) + 4).toFixed(1), class: "sccif-chart__tick", "text-anchor": "end" }, `${share * 100}%`),
    ]),
    svg("path", { d: sharePath(false), class: "sccif-chart__share-a" }),
    svg("path", { d: sharePath(true), class: "sccif-chart__share-b" }),
    label(aLabelY, "sccif-chart__share-a", "Reading A", "empty days set aside"),
    label(bLabelY, "sccif-chart__share-b", "Reading B", "every day counts"),
    svg("text", { x: left + plotW - 4, y: (yShare(0.5) - 5).toFixed(1), class: "sccif-chart__note", "text-anchor": "end" }, "50%: above this line meets"),
    // time axis
    ticks.map(([offset, text]) => [
      svg("line", { x1: x(offset).toFixed(1), x2: x(offset).toFixed(1), y1: bottom.y1, y2: bottom.y1 + 5, class: "sccif-chart__axis" }),
      svg("line", { x1: x(offset).toFixed(1), x2: x(offset).toFixed(1), y1: top.y1, y2: top.y1 + 5, class: "sccif-chart__axis" }),
      svg("text", { x: x(offset).toFixed(1), y: bottom.y1 + 18, class: "sccif-chart__tick", "text-anchor": "middle" }, text),
    ]),
    svg("line", { x1: left, x2: left + plotW, y1: top.y1, y2: top.y1, class: "sccif-chart__axis" }),
    svg("line", { x1: left, x2: left + plotW, y1: bottom.y1, y2: bottom.y1, class: "sccif-chart__axis" }));

    return h("figure", { class: "sccif-occupancy__chart" },
      h("h3", {}, "Chart"),
      chart,
      h("figcaption", {},
        "Top: children (solid line) and young adults (dashed line) accommodated each night. ",
        "Bottom: for each day, the share of children-majority days in the 12-month window ending that day, under reading A (solid) and reading B (dotted); the long-dashed line is 50%. ",
        periodEnd < days ? "The hatched part is the projection. " : "",
        "The same figures, month by month, are in the table below."),
      monthlyTable(series.monthly));
  }

  function chartDescription(result, children, adults) {
    const most = Math.max(...children);
    const mostAdults = Math.max(...adults);
    const latest = result.latest_window;
    return `From ${longDate(result.series.start)}, up to ${most} children and up to ${mostAdults} young adults a night. `
      + (latest
        ? `In the latest 12 months, ${percent(latest.share)} of occupied days and ${percent(latest.share_all_days)} of all days had more children than young adults.`
        : "There is not yet a whole 12-month window.");
  }

  function monthlyTable(months) {
    const share = (window, key) => (window ? percent(window[key]) : "–");
    return h("details", { class: "sccif-details" },
      h("summary", {}, "The chart's figures as a table, month by month"),
      h("div", { class: "sccif-occupancy__scroll", tabindex: "0", role: "region", "aria-label": "The chart's figures month by month" },
        h("table", {},
          h("caption", {}, "Nights and days each month, and the 12-month shares at the end of the month"),
          h("thead", {}, h("tr", {}, [
            "Month", "Child nights", "Young adult nights", "Days with anyone resident", "Children-majority days",
            "12-month share, reading A", "12-month share, reading B",
          ].map((text) => h("th", { scope: "col" }, text)))),
          h("tbody", {}, months.map((row) => h("tr", {},
            h("th", { scope: "row" }, `${MONTHS[Number(row.month.slice(5)) - 1]} ${row.month.slice(0, 4)}${row.projected ? " (projected)" : ""}`),
            h("td", {}, row.child_nights.toLocaleString("en-GB")),
            h("td", {}, row.young_adult_nights.toLocaleString("en-GB")),
            h("td", {}, String(row.occupied_days)),
            h("td", {}, String(row.children_majority_days)),
            h("td", {}, share(row.window, "share")),
            h("td", {}, share(row.window, "share_all_days"))))))));
  }

  // --- restore what the reader chose to keep ---

  function restore() {
    if (!store) return;
    let kept = null;
    try {
      kept = JSON.parse(store.getItem(STORAGE_KEY) ?? "null");
    } catch {
      kept = null;
    }
    if (!kept || kept.version !== 1) return;
    state.keep = true;
    keepBox.checked = true;
    state.rows = Array.isArray(kept.rows) && kept.rows.length ? kept.rows.map((row) => ({ ...emptyRow(), ...row })) : [emptyRow()];
    renderRows();
    period.from.input.value = kept.from ?? "";
    period.to.input.value = kept.to ?? "";
    setLeap(kept.leap === "feb-28" ? "feb-28" : "mar-1");
    state.plannedDischarges = kept.plannedDischarges ?? {};
    state.plannedAdmissions = Array.isArray(kept.plannedAdmissions) ? kept.plannedAdmissions : [];
    if (kept.source && (typeof kept.source.text === "string" || typeof kept.source.base64 === "string")) {
      state.source = kept.source;
      state.columns = kept.columns ?? {};
      run({ withPreview: true });
    }
    showKeepNote(kept.saved ? ` Kept since ${longDate(kept.saved.slice(0, 10))}.` : "");
  }

  showKeepNote();
  restore();

  return () => {
    status.destroy();
  };
}

// For tests: the helpers that need no page.
export const _internal = { longDate, expand, rowsToCsv };
