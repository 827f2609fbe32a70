// @ts-check
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
import { emptyRow, FIELD_NAMES, FIELDS, isBlank, isField, LIST_LIMIT, longDate, PLAN_FIELDS, PREVIEW_ROWS, MAX_FORM_ROWS, plural, todayIso } from "./format.js";
import { cellLabel, recordsSection } from "./records.js";
import { reportParts } from "./report.js";
import { downloadFile } from "../../lib/download.js";
import { lifecycle, takeFocus } from "../../lib/request.js";

const KEEP_KEY = "sccif-occupancy";

/** @typedef {import("./format.js").Row} Row */
/** @typedef {import("./records.js").Source} Source */
/** @typedef {import("./records.js").Preview} Preview */
/** @typedef {import("./records.js").State} State */
/** @typedef {import("./report.js").OccupancyResult} OccupancyResult */
/** @typedef {import("../../lib/request.js").Problem} Problem */
/** @typedef {import("../../lib/request.js").Run} Run */
/** @typedef {"answer" | "plans"} FocusTarget */
/** The core's reply to one call: its result, or the problem that stopped it. @template T @typedef {{result?: T, error?: Problem}} Reply */
/**
 * What is kept on the device (lib/keep.js, version 2).
 * @typedef {{source: Source | null, columns: State["columns"], rows: Row[], from: string, to: string, leap: string,
 *   plannedDischarges: Record<string, string>, plannedAdmissions: Row[]}} Kept
 */

/**
 * @param {HTMLElement} root
 * @param {{call: import("./records.js").Call, runtime: import("../../ui.js").Runtime, ui: typeof import("../../ui.js")}} context
 */
export function mount(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);

  /** @type {State} */
  const state = {
    source: null,
    columns: {},
    preview: null,
    rows: [emptyRow()],
    plannedDischarges: {},
    plannedAdmissions: [], // rows like the form's
    result: null,
    baseline: null,
    plansDropped: [],
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
  const setLeap = (/** @type {string} */ value) => {
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

  // New records keep the plans: the check sets aside, and names, those for people no longer in them.
  /** @param {Source} source */
  function useSource(source) {
    state.source = source;
    state.columns = {};
    state.baseline = null;
    changed();
    run({ withPreview: source.kind !== "form" });
  }

  // --- talking to the core ---

  function recordsPayload() {
    const source = /** @type {Source} */ (state.source); // asked for only once there are records
    if (source.kind === "form") return { rows: state.rows };
    /** @type {{csv?: string, csv_base64?: string, columns?: State["columns"]}} */
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

  /** The records, the period and the settings, as every call about them takes them. */
  function checkPayload() {
    return {
      ...recordsPayload(),
      from: period.from.input.value,
      to: period.to.input.value,
      today: todayIso(),
      leap_birthday: leapValue(),
    };
  }

  // Latest wins; a check the checker stopped on runs again when it is back (lib/request.js).
  const requests = lifecycle({
    runtime,
    read: ({ withPreview = false }) => ({ base: { ...checkPayload(), list_limit: LIST_LIMIT }, plans: planPayload(), withPreview }),
    // The preview, the check, and the check without the plans to compare: one answer.
    send: async ({ base, plans, withPreview }) => {
      const hasPlans = Boolean(plans.planned_discharges.length || plans.planned_admissions.length);
      return {
        result: await Promise.all([
          withPreview ? call("occupancy.preview", { ...recordsPayload(), sample: PREVIEW_ROWS }) : null,
          call("occupancy.check", { ...base, ...plans, drop_stale_plans: true }),
          hasPlans ? call("occupancy.check", { ...base, series: false }) : null,
        ]),
      };
    },
    waiting: () => {
      report.hidden = false;
      ui.replace(report, h("p", { class: "sccif-result__waiting" }, "Your result will appear here as soon as the checker has loaded."));
    },
    answered: (answers, run) => show(answers, run),
    problems: (problems, run) => showError(problems[0], run),
    failed: (reason) => {
      // The records stay where they are: only the result waits for the checker to come back.
      report.hidden = false;
      ui.replace(report, h("p", {}, "No result yet: the checker is not working. See the message above. Your records are still here. Your result will appear when it is working again."));
      announcer.say(`The checker could not work this out. ${ui.sentence(reason)}`);
    },
  });

  /**
   * Check the records. focus: where focus goes with the answer ("answer": the verdict's heading;
   * "plans": the "Looking ahead" heading; null: nowhere, and the live region says the verdict).
   * @param {{withPreview?: boolean, focus?: FocusTarget | null}} [options]
   */
  function run({ withPreview = false, focus = "answer" } = {}) {
    summary.hide();
    records.clearMarks();
    for (const item of Object.values(period)) item.setError(null);
    return requests.run({ withPreview, focus });
  }

  /**
   * @param {[Reply<Preview> | null, Reply<OccupancyResult>, Reply<OccupancyResult> | null]} answers
   *   the preview (when asked for), the check, and the check without the plans (when there are plans)
   * @param {Run} run
   */
  async function show([previewAnswer, answer, baseline], run) {
    if (previewAnswer) {
      state.preview = previewAnswer.result ?? null;
      records.renderPreview();
      if (previewAnswer.error) {
        hideReport();
        showError(previewAnswer.error, run);
        return;
      }
      if (state.preview && !state.preview.recognised) {
        hideReport();
        showColumnProblem(state.preview);
        return;
      }
    }
    if (answer.error) {
      hideReport();
      if (answer.error.row === null || state.source?.kind === "form") await showEveryProblem(answer.error, run);
      else showError(answer.error, run);
      return;
    }
    const result = /** @type {OccupancyResult} */ (answer.result);
    state.result = result;
    state.baseline = baseline?.result ?? null;
    forgetDroppedPlans(result.plans_dropped ?? []);
    try {
      renderReport(result, { focus: run.options.again ? null : run.options.focus, run });
    } catch (failure) {
      // Never leave an earlier report under the new form values, and never fail without a word.
      hideReport();
      summary.show([{ text: `The result could not be shown (${/** @type {Error} */ (failure).message}). Try a shorter period.`, input: period.from.input }]);
    }
  }

  /** @param {string[]} ids */
  function forgetDroppedPlans(ids) {
    state.plansDropped = ids;
    if (!ids.length) return;
    for (const id of ids) delete state.plannedDischarges[id];
    changed();
  }

  function hideReport() {
    report.hidden = true;
    report.replaceChildren();
  }

  // --- problems, each linked to the field that fixes it ---

  /**
   * Every problem in the typed rows and the period at once (the check stops at the first), each
   * linked to its field; any other problem as showError words it.
   */
  /** @param {Problem} error @param {Run} run */
  async function showEveryProblem(error, run) {
    /** @type {{from: string, to: string, rows?: Row[]}} */
    const payload = { from: period.from.input.value, to: period.to.input.value };
    if (state.source?.kind === "form") payload.rows = state.rows;
    const answer = await call("occupancy.problems", payload).catch(() => null);
    if (!run.current()) return;
    /** @type {Problem[]} */
    const problems = answer?.result?.problems ?? [];
    const items = problems.map((problem) => problemItem(problem)).filter((item) => item !== null);
    if (items.length) summary.show(items);
    else showError(error, run);
  }

  /** {text, input} for one problem in a typed row or the period, with the field marked; null otherwise. @param {Problem} problem */
  function problemItem(problem) {
    if (problem.field === "from" || problem.field === "to") {
      period[problem.field].setError(problem.problem);
      return { text: problem.problem, input: period[problem.field].input };
    }
    if (!problem.row || state.source?.kind !== "form") return null;
    const input = records.markTypedRow(problem.row, problem.field, problem.problem);
    return input ? { text: `Row ${problem.row}: ${problem.problem}`, input } : null;
  }

  /** @param {Preview} data */
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

  /** One problem, linked to its field; run: the request it answers (null: always current). @param {Problem} error @param {Run | null} run */
  async function showError(error, run) {
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
    if (error.row === 1 && isField(error.field) && records.columnControl(error.field)) {
      summary.show([{ text: `${error.problem}${where}`, input: records.columnControl(error.field) }]);
      return;
    }
    if (error.row && error.row > 1 && state.preview) {
      let cell = records.markPreviewRow(error.row, error.field);
      if (!cell) {
        // The problem is past the rows shown: show that row too.
        const answer = await call("occupancy.preview", { ...recordsPayload(), sample: PREVIEW_ROWS, row: error.row }).catch(() => null);
        if (run && !run.current()) return;
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
    /** @type {Reply<Preview>} */
    let answer;
    try {
      answer = await call("occupancy.preview", { ...recordsPayload(), sample: MAX_FORM_ROWS });
    } catch (failure) {
      announcer.say(`The rows could not be read. ${ui.sentence(/** @type {Error} */ (failure).message)}`);
      return;
    }
    if (answer.error) {
      showError(answer.error, null);
      return;
    }
    const { columns, sample } = /** @type {Preview} */ (answer.result);
    state.rows = sample
      .filter((cells) => cells.some((value) => value.trim()))
      .map((cells) => /** @type {Row} */ (Object.fromEntries(FIELDS.map((name) => [name, columns[name] ? cells[columns[name] - 1] ?? "" : ""]))));
    if (!state.rows.length) state.rows.push(emptyRow());
    records.renderRows();
    records.formDetails.open = true;
    changed();
    records.rowInputs[0].id.focus();
    announcer.say(`${plural(state.rows.length, "row")} copied into the form. Press "Check these rows" when you have finished.`);
  }

  // --- the report, answer first ---

  /** @param {OccupancyResult} result @param {{focus: FocusTarget | null, run: Run}} options */
  function renderReport(result, { focus, run }) {
    report.dataset.sccifVerdict = result.verdict;
    const { parts, answer, headings } = reportParts(result, {
      ui,
      baseline: state.baseline,
      whatIf: whatIf(result),
      chartWidth: widget.clientWidth,
      download: downloadButton,
    });
    ui.replace(report, parts);
    report.hidden = false;
    performance.mark("sccif:occupancy-result-shown");
    // Said once: focus on a short heading reads it, or, when focus stays put, the live region does.
    if (focus) takeFocus(headings[focus], { run, region: report, show: focus === "answer" ? answer : headings.plans });
    if (!focus || document.activeElement !== headings[focus]) announcer.say(`${result.answer.title}. ${result.answer.text}`);
  }

  /** A button that downloads one of the result's lists in full, as CSV made by the core. */
  /** @param {string} kind @param {string} label */
  function downloadButton(kind, label) {
    const button = h("button", { type: "button", class: "md-button sccif-button" }, label);
    button.addEventListener("click", async () => {
      const made = await downloadFile(call, "occupancy.download", { ...checkPayload(), ...planPayload(), kind });
      announcer.say(made.file ? `${made.file.filename} has been downloaded.` : made.problem);
    });
    return button;
  }

  /** @param {OccupancyResult} result */
  function whatIf(result) {
    const open = result.projection.open_stays;
    const openTotal = result.lists?.open_stays?.total ?? open.length;
    const fields = open.slice(0, PLAN_FIELDS).map((stay, index) => {
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
          return h("div", { class: "sccif-occupancy__cell" },
            cellLabel(h, input, name === "discharge_date" ? "Discharge date (optional)" : FIELD_NAMES[name], `planned admission ${index + 1}`),
            input);
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
      /** @type {HTMLInputElement | null} */ (admissions.querySelector("fieldset:last-of-type input"))?.focus();
    });
    renderAdmissions();
    const update = h("button", { type: "button", class: "md-button md-button--primary sccif-button" }, "Show the effect of these plans");
    update.addEventListener("click", () => run({ focus: "plans" }));
    const clear = h("button", { type: "button", class: "md-button sccif-button" }, "Clear the plans");
    clear.addEventListener("click", () => {
      state.plannedDischarges = {};
      state.plannedAdmissions = [];
      changed();
      run({ focus: "plans" });
    });
    const dropped = state.plansDropped;
    return h("details", { class: "sccif-details sccif-occupancy__whatif sccif-occupancy__input", open: state.baseline || dropped.length ? true : null },
      h("summary", {}, "What if: plan discharges and admissions"),
      h("p", {}, "Plans change only the projection, never the history. Dates must be after the period's last day."),
      dropped.length
        ? h("div", { class: "sccif-warning", "data-sccif-plans-dropped": "" }, h("p", {},
          `Planned ${dropped.length === 1 ? "discharge" : "discharges"} removed for ${dropped.join(", ")}: `
          + `${dropped.length === 1 ? "this person is" : "these people are"} no longer in the records without a discharge date.`))
        : null,
      fields.length ? h("h4", {}, "Planned discharges") : h("p", {}, "Everyone in the records has a discharge date."),
      fields,
      openTotal > fields.length
        ? h("p", {}, `Fields are shown for the first ${plural(fields.length, "resident")} without a discharge date, of ${openTotal.toLocaleString("en-GB")}. To plan the others' discharges, give the dates in the records, or use the command's --planned-discharge.`)
        : null,
      h("h4", {}, "Planned admissions"),
      admissions,
      h("div", { class: "sccif-occupancy__buttons" }, addAdmission, update, clear));
  }

  // --- what is kept on the device ---

  /** @returns {Kept} */
  function snapshot() {
    /** @type {Source | null} */
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

  /** @param {Kept} kept as stored: checked here, since storage can hold anything */
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
      run({ withPreview: source.kind !== "form", focus: null });
    }
  }

  /**
   * Records kept by the checker before it used lib/keep.js: the same fields, typed rows as rows.
   * @param {any} old JSON from storage, of any shape: applyKept checks it
   * @returns {Kept | null}
   */
  function fromVersion1(old) {
    if (!old || old.version !== 1) return null;
    const source = old.source?.kind === "form" ? { kind: "form", name: old.source.name } : old.source ?? null;
    return { ...old, source };
  }

  keeper.restore();

  return () => {
    status.destroy();
    requests.destroy();
    keeper.destroy();
  };
}
