// The 'wholly or mainly' occupancy checker: every 12-month period of a home's own records.
//
// Every figure comes from the Python core (sccif_core.occupancy.api, "occupancy.check"), the same
// adapter as `sccif occupancy`: this module sends the file the reader chooses (or the rows they
// paste, or the rows they type, as JSON to the same row reader) to the worker, and shows the answer
// first. It never sends anything over the network: the worker runs in this browser.
//
// Privacy: records live in this page's memory. They go into localStorage only when the reader
// ticks "Keep my records on this device" (lib/keep.js); "Forget" removes them. Before that,
// leaving with records on the page asks first.

import { keep } from "../../lib/keep.js";
import { emptyRow, FIELD_NAMES, FIELDS, isBlank, longDate, PREVIEW_ROWS, MAX_FORM_ROWS, plural, todayIso } from "./format.js";
import { recordsSection } from "./records.js";
import { reportParts } from "./report.js";

const KEEP_KEY = "sccif-occupancy";

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
    baseline: null, // the result without plans, to compare
  };

  const status = ui.runtimeStatus(runtime, { what: "checker" });
  const summary = ui.errorSummary();
  const announcer = ui.announcer();

  // --- keeping the records on this device, only if the reader opts in ---
  const keeper = keep({
    key: KEEP_KEY,
    version: 2,
    what: "my records",
    hint: "They are then saved in this browser as you go, until you forget them. Anyone who uses this browser could see them: do not tick this on a shared computer.",
    read: snapshot,
    write: applyKept,
    migrate: (old, from) => (from === 1 ? fromVersion1(old) : null),
    empty: (kept) => !kept.source && kept.rows.every(isBlank) && !kept.from && !kept.to,
  });
  const changed = () => keeper.changed();

  const privacy = h(
    "section",
    { class: "sccif-occupancy__privacy sccif-occupancy__input", "aria-labelledby": `${KEEP_KEY}-privacy` },
    h("h2", { id: `${KEEP_KEY}-privacy` }, "Privacy"),
    h("p", {}, "Your records stay on this device. The checker reads them in this browser and does not upload them or send them anywhere. Use initials or your own reference numbers, not names."),
    keeper.element,
  );

  // --- 1. residents' records ---
  const records = recordsSection({
    ui,
    state,
    call,
    announcer,
    summary,
    on: {
      source: useSource,
      checkRows: () => useSource({ kind: "form", name: "the rows you typed" }),
      changed,
      useColumns: () => {
        changed();
        run({ withPreview: true });
      },
      editInForm,
    },
  });
  // "Saved at 14:03" (or "Not kept on this device") stays in view while the reader edits records.
  records.element.append(h("div", { class: "sccif-occupancy__saved" }, keeper.parts.status));

  // --- 2. period and settings ---
  const period = {
    from: ui.field({ name: "from", label: "From (optional)", hint: "The first day to check. If blank, the earliest admission.", width: "date" }),
    to: ui.field({ name: "to", label: "To (optional)", hint: "The last day to check. If blank, today.", width: "date" }),
  };
  for (const item of Object.values(period)) item.input.addEventListener("input", changed);
  const leapName = ui.id("sccif-occupancy-leap");
  const leapOptions = [
    ["mar-1", "1 March (the default)"],
    ["feb-28", "28 February"],
  ].map(([value, label]) => {
    const inputId = `${leapName}-${value}`;
    const input = h("input", { type: "radio", name: leapName, id: inputId, value, class: "sccif-occupancy__radio", checked: value === "mar-1" });
    input.addEventListener("change", changed);
    return { value, input, element: h("div", { class: "sccif-occupancy__checkbox" }, input, h("label", { for: inputId }, label)) };
  });
  const leapValue = () => leapOptions.find((option) => option.input.checked)?.value ?? "mar-1";
  const setLeap = (value) => {
    for (const option of leapOptions) option.input.checked = option.value === value;
  };
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
    if (!state.source && state.rows.some((row) => !isBlank(row))) state.source = { kind: "form", name: "the rows you typed" };
    if (!state.source) {
      summary.show([{ text: "Load a CSV file, paste rows or type rows before checking.", input: records.fileInput }]);
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
    records.element,
    settingsForm,
    report,
    announcer.element,
  );
  root.append(widget);
  records.renderRows();

  function useSource(source) {
    state.source = source;
    state.columns = {};
    state.plannedDischarges = {};
    state.plannedAdmissions = [];
    state.baseline = null;
    changed();
    run({ withPreview: source.kind !== "form" });
  }

  // --- talking to the core ---

  let latest = 0;
  let interrupted = false; // the last check failed because the checker stopped: run it again once it is back

  function recordsPayload() {
    const source = state.source;
    if (source.kind === "form") return { rows: state.rows };
    const payload = source.base64 ? { csv_base64: source.base64 } : { csv: source.text };
    const columns = Object.fromEntries(Object.entries(state.columns).filter(([, value]) => value));
    if (Object.keys(columns).length) payload.columns = columns;
    return payload;
  }

  function planPayload() {
    const planned_discharges = Object.entries(state.plannedDischarges)
      .filter(([, day]) => day.trim())
      .map(([id, date]) => ({ id, date }));
    const planned_admissions = state.plannedAdmissions.filter((row) => !isBlank(row));
    return { planned_discharges, planned_admissions };
  }

  async function run({ withPreview = false, focus = true } = {}) {
    const seq = ++latest;
    interrupted = false;
    summary.hide();
    records.clearMarks();
    for (const item of Object.values(period)) item.setError(null);
    if (runtime.state !== "ready") {
      report.hidden = false;
      ui.replace(report, h("p", { class: "sccif-result__waiting" }, "Your result will appear here as soon as the checker has loaded."));
    }
    const base = {
      ...recordsPayload(),
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
        withPreview ? call("occupancy.preview", { ...recordsPayload(), sample: PREVIEW_ROWS }) : null,
        call("occupancy.check", { ...base, ...plans }),
        hasPlans ? call("occupancy.check", { ...base, series: false }) : null,
      ]);
    } catch (failure) {
      if (seq !== latest) return;
      // The records stay where they are: only the result waits for the checker to come back.
      interrupted = true;
      report.hidden = false;
      ui.replace(report, h("p", {}, "No result yet: the checker is not working. See the message above. Your records are still here."));
      announcer.say(`The checker could not work this out. ${ui.sentence(failure.message)}`);
      return;
    }
    if (seq !== latest) return;
    const [previewAnswer, answer, baseline] = answers;
    if (previewAnswer) {
      state.preview = previewAnswer.result ?? null;
      records.renderPreview();
      if (previewAnswer.error) {
        hideReport();
        showError(previewAnswer.error, seq);
        return;
      }
      if (!state.preview.recognised) {
        hideReport();
        showColumnProblem(state.preview);
        return;
      }
    }
    if (answer.error) {
      hideReport();
      showError(answer.error, seq);
      return;
    }
    state.result = answer.result;
    state.baseline = hasPlans && baseline?.result ? baseline.result : null;
    renderReport({ focus });
  }

  const stopWatching = runtime.onChange(() => {
    if (runtime.state === "ready" && interrupted && state.source) run({ focus: false });
  });

  function hideReport() {
    report.hidden = true;
    report.replaceChildren();
  }

  // --- problems, each linked to the field that fixes it ---

  function showColumnProblem(data) {
    const problem = data.problem;
    const missing = data.missing.length ? data.missing : FIELDS.filter((name) => problem?.field === name);
    const items = missing.map((name) => ({
      text: problem?.field === name ? problem.problem : `Choose the column that holds the ${FIELD_NAMES[name].toLowerCase()}.`,
      input: records.columnControl(name),
    }));
    if (!items.length) items.push({ text: problem?.problem ?? "Choose which column holds each item.", input: records.columnControl(FIELDS[0]) });
    summary.show(items);
  }

  async function showError(error, seq) {
    const where = state.source && state.source.kind !== "form" ? ` (in ${state.source.name})` : "";
    if (state.source?.kind === "form" && error.row) {
      const input = records.markTypedRow(error.row, error.field, error.problem);
      if (input) {
        summary.show([{ text: `Row ${error.row}: ${error.problem}`, input }]);
        return;
      }
    }
    if (error.field === "from" || error.field === "to") {
      period[error.field].setError(error.problem);
      summary.show([{ text: error.problem, input: period[error.field].input }]);
      return;
    }
    if (error.row === 1 && FIELDS.includes(error.field) && records.columnControl(error.field)) {
      summary.show([{ text: `${error.problem}${where}`, input: records.columnControl(error.field) }]);
      return;
    }
    if (error.row && error.row > 1 && state.preview) {
      let cell = records.markPreviewRow(error.row, error.field);
      if (!cell) {
        // The problem is past the rows shown: show that row too.
        const answer = await call("occupancy.preview", { ...recordsPayload(), sample: PREVIEW_ROWS, row: error.row }).catch(() => null);
        if (seq !== latest) return;
        if (answer?.result) {
          state.preview = answer.result;
          records.renderPreview();
          cell = records.markPreviewRow(error.row, error.field);
        }
      }
      if (cell) {
        summary.show([{ text: `${error.message ?? error.problem}${where}`, input: cell }]);
        return;
      }
    }
    summary.show([{ text: `${error.message ?? error.problem}${error.row ? where : ""}`, input: error.row ? records.sourceInput() : null }]);
  }

  async function editInForm() {
    let answer;
    try {
      answer = await call("occupancy.preview", { ...recordsPayload(), sample: MAX_FORM_ROWS });
    } catch (failure) {
      announcer.say(`The rows could not be read. ${ui.sentence(failure.message)}`);
      return;
    }
    if (answer.error) {
      showError(answer.error, latest);
      return;
    }
    const { columns, sample } = answer.result;
    state.rows = sample
      .filter((cells) => cells.some((value) => value.trim()))
      .map((cells) => Object.fromEntries(FIELDS.map((name) => [name, columns[name] ? cells[columns[name] - 1] ?? "" : ""])));
    if (!state.rows.length) state.rows.push(emptyRow());
    records.renderRows();
    records.formDetails.open = true;
    changed();
    records.rowInputs[0].id.focus();
    announcer.say(`${plural(state.rows.length, "row")} copied into the form. Press "Check these rows" when you have finished.`);
  }

  // --- the report, answer first ---

  function renderReport({ focus }) {
    const result = state.result;
    report.dataset.sccifVerdict = result.verdict;
    const { parts, answer } = reportParts(result, {
      ui,
      baseline: state.baseline,
      whatIf: whatIf(result),
      chartWidth: widget.clientWidth,
    });
    ui.replace(report, parts);
    report.hidden = false;
    performance.mark("sccif:occupancy-result-shown");
    if (focus) {
      answer.scrollIntoView({ block: "start" });
      answer.focus({ preventScroll: true });
    }
    announcer.say(`${result.answer.title}. ${result.answer.text}`);
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
        changed();
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
            changed();
          });
          return h("div", { class: "sccif-occupancy__cell" }, h("label", { class: "sccif-label", for: inputId }, name === "discharge_date" ? "Discharge date (optional)" : FIELD_NAMES[name]), input);
        });
        const remove = h("button", { type: "button", class: "md-button sccif-button sccif-occupancy__remove" }, `Remove planned admission ${index + 1}`);
        remove.addEventListener("click", () => {
          state.plannedAdmissions.splice(index, 1);
          renderAdmissions();
          changed();
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
      changed();
      admissions.querySelector("fieldset:last-of-type input")?.focus();
    });
    renderAdmissions();
    const update = h("button", { type: "button", class: "md-button md-button--primary sccif-button" }, "Show the effect of these plans");
    update.addEventListener("click", () => run());
    const clear = h("button", { type: "button", class: "md-button sccif-button" }, "Clear the plans");
    clear.addEventListener("click", () => {
      state.plannedDischarges = {};
      state.plannedAdmissions = [];
      changed();
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

  // --- what is kept on the device ---

  function snapshot() {
    const source = state.source?.kind === "form" ? { kind: "form", name: state.source.name } : state.source;
    return {
      source,
      columns: state.columns,
      rows: state.rows,
      from: period.from.input.value,
      to: period.to.input.value,
      leap: leapValue(),
      plannedDischarges: state.plannedDischarges,
      plannedAdmissions: state.plannedAdmissions,
    };
  }

  function applyKept(kept) {
    if (!kept || typeof kept !== "object" || !Array.isArray(kept.rows)) throw new Error("it is not in the form this page keeps");
    state.rows = kept.rows.length ? kept.rows.map((row) => ({ ...emptyRow(), ...row })) : [emptyRow()];
    records.renderRows();
    if (state.rows.some((row) => !isBlank(row))) records.formDetails.open = true;
    period.from.input.value = kept.from ?? "";
    period.to.input.value = kept.to ?? "";
    setLeap(kept.leap === "feb-28" ? "feb-28" : "mar-1");
    state.plannedDischarges = kept.plannedDischarges ?? {};
    state.plannedAdmissions = Array.isArray(kept.plannedAdmissions) ? kept.plannedAdmissions : [];
    const source = kept.source;
    const usable = source && (source.kind === "form" || typeof source.text === "string" || typeof source.base64 === "string");
    if (usable) {
      state.source = source;
      state.columns = kept.columns ?? {};
      run({ withPreview: source.kind !== "form", focus: false });
    }
  }

  /** Records kept by the checker before it used lib/keep.js: the same fields, typed rows as rows. */
  function fromVersion1(old) {
    if (!old || old.version !== 1) return null;
    const source = old.source?.kind === "form" ? { kind: "form", name: old.source.name } : old.source ?? null;
    return { ...old, source };
  }

  keeper.restore();

  return () => {
    status.destroy();
    stopWatching?.();
    keeper.destroy();
  };
}
