// The timeline: every deadline that follows what happened, dated by the Python core.
//
// The dates come from sccif_core.timelines ("timeline.compute"); the .ics and .csv files from
// the same core ("timeline.ics", "timeline.csv"), so the page, the files and the `sccif timeline`
// command always agree. This file builds the form, sends what was typed as it was typed, and
// shows the answer: a table, a visual timeline with a text summary, exports and a print view.
// Every value is rendered as text (ui.h), never as markup.

import { SITE_ROOT } from "../config.mjs";

// What the reader can say happened. The field names are the core's (tests check they match).
const GROUPS = [
  ["After an inspection or visit", ["full", "assurance", "complaints", "monitoring"]],
  ["After a judgement of concern", ["inadequate", "serious-concerns"]],
  ["Notices and reports", ["compliance", "reg44", "reg45"]],
  ["Managers and staff", ["manager", "qualification"]],
  ["The home and the inspection year", ["inspection-year", "no-children", "reopening", "interpreter", "approval-review"]],
];

const DATE_HINT = "For example, 19/11/2026";
const LIST_HINT = "One date per line, for example 01/05/2026";
const DRAFT = { name: "draft_sent", label: "Draft report actually sent on (optional)", type: "date", hint: "If you know it, the provider's 5 working days count from this date. For example, 10/12/2026" };
const FINAL = { name: "final_sent", label: "Final report actually sent on (optional)", type: "date", hint: "If you know it, publication is counted from this date." };
const FEEDBACK = { name: "feedback", label: "Day of feedback (if later than the last day on site)", type: "date", hint: `The day of feedback is counted as the last day of the inspection: every deadline counts from it. ${DATE_HINT}` };
const COMPLAINT = { name: "complaint", label: "Has the provider made a formal complaint?", type: "choice", choices: [["no", "No"], ["yes", "Yes: the final report can come later"]] };
const READINGS_PAGE = `${SITE_ROOT}interpretations/`;
const ACTOR = { provider: "The provider", ofsted: "Ofsted", inspectors: "Inspectors", dfe: "The DfE", "local-authority": "The local authority" };

const KINDS = {
  full: {
    option: "A full inspection ended",
    fields: [{ name: "end", label: "Last day on site", type: "date", hint: DATE_HINT }, FEEDBACK, DRAFT, FINAL, COMPLAINT],
  },
  assurance: {
    option: "An assurance inspection's site visit took place",
    fields: [{ name: "visit", label: "Day of the site visit", type: "date", hint: DATE_HINT }, FEEDBACK, DRAFT, FINAL, COMPLAINT],
  },
  complaints: {
    option: "An inspection ended: the post-inspection and complaints procedure",
    fields: [{ name: "end", label: "Last day of the inspection", type: "date", hint: DATE_HINT }, DRAFT, FINAL],
  },
  monitoring: {
    option: "A monitoring visit ended",
    fields: [{ name: "end", label: "Last day of the monitoring visit", type: "date", hint: DATE_HINT }, DRAFT, FINAL],
  },
  inadequate: {
    option: "A full inspection judged the home inadequate overall",
    fields: [{ name: "end", label: "Last day of the inspection", type: "date", hint: DATE_HINT }],
  },
  "serious-concerns": {
    option: "An assurance inspection found serious or widespread concerns",
    fields: [{ name: "visit", label: "Day of the site visit", type: "date", hint: DATE_HINT }],
  },
  compliance: {
    option: "Compliance notices were served",
    fields: [{ name: "notices", label: "Date set in each notice for compliance", type: "dates", hint: LIST_HINT }],
  },
  reg44: {
    option: "The independent person visited (regulation 44)",
    fields: [{
      name: "visits",
      label: "Visit dates, each with the date its report was sent if you know it",
      type: "visits",
      hint: "One visit per line. After the visit date you can add the date its report was sent, for example: 14/01/2026, 10/02/2026",
    }],
  },
  reg45: {
    option: "Regulation 45 reports were produced",
    fields: [{ name: "reports", label: "Dates of regulation 45 reports", type: "dates", hint: LIST_HINT }],
  },
  manager: {
    option: "A manager left, was appointed, or will be absent",
    fields: [
      { name: "vacancy", label: "The home had no manager from (optional)", type: "date", hint: DATE_HINT },
      { name: "appointed", label: "A manager was appointed on, and has not yet applied to register (optional)", type: "date", hint: DATE_HINT },
      { name: "absence", label: "The manager's absence starts on (optional)", type: "date", hint: DATE_HINT },
      { name: "absence_end", label: "The manager's last day of absence (optional)", type: "date", hint: "Notice of the return to duty counts from the next day. For example, 19/11/2026" },
      { name: "absence_emergency", label: "Is the absence an emergency, or unforeseen?", type: "choice", choices: [["no", "No: it is planned (notice a month before it starts)"], ["yes", "Yes (notice within a week of it starting)"]] },
    ],
  },
  qualification: {
    option: "A manager or care worker started (qualifications)",
    fields: [
      { name: "role", label: "Role", type: "choice", choices: [["manager", "Registered manager (Level 5, regulation 28)"], ["care-worker", "Care worker (Level 3, regulation 32)"]] },
      { name: "start", label: "Started to manage the home, or in a care role, on", type: "date", hint: DATE_HINT },
      { name: "deferrals", label: "Deferral periods (optional)", type: "periods", hint: "For a break or part-time work. One per line, for example: 6 months, or 10 weeks" },
      { name: "inspection", label: "Inspection date (optional)", type: "date", hint: "For the question inspectors ask: will the remaining staff qualify within 6 months?" },
    ],
  },
  "inspection-year": {
    option: "Which inspection year a date falls in",
    fields: [
      { name: "date", label: "Any date in the inspection year", type: "date", hint: DATE_HINT },
      { name: "inspections", label: "Inspections so far (optional)", type: "dates", hint: LIST_HINT },
    ],
  },
  "no-children": {
    option: "A home with no children: the condition was removed, or an inspection took place",
    fields: [
      { name: "removed", label: "The \"3 months' notice\" condition was removed on (optional)", type: "date", hint: DATE_HINT },
      { name: "inspection", label: "Inspection with no children in placement on (optional)", type: "date", hint: DATE_HINT },
    ],
  },
  reopening: {
    option: "A home will accommodate children again",
    fields: [
      { name: "reopen", label: "The first child will be accommodated on (optional)", type: "date", hint: DATE_HINT },
      { name: "told", label: "The home told Ofsted on (optional)", type: "date", hint: DATE_HINT },
    ],
  },
  interpreter: {
    option: "An interpreter is needed for an inspection",
    fields: [{ name: "needed", label: "The interpreter is needed on", type: "date", hint: DATE_HINT }],
  },
  "approval-review": {
    option: "The DfE reviewed the home's approval",
    fields: [{ name: "review", label: "The last DfE review of approval was on", type: "date", hint: DATE_HINT }],
  },
};

const WHEN = { by: "By", from: "From", window: "Between", on: "On" };
const ALERT = new Set(["overdue", "late", "missing"]);

function todayText() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-12-25" -> "25 Dec 2026" (the row's own date is written out in full by the core). */
function shortDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function mount(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);

  // --- fields: one set per kind, built once, shown for the kind chosen ---
  function listField({ name, label, hint }) {
    const inputId = ui.id(`sccif-${name}`);
    const hintId = `${inputId}-hint`;
    const errorId = `${inputId}-error`;
    const errorEl = h("p", { class: "sccif-error-message", id: errorId, hidden: true });
    const input = h("textarea", { class: "sccif-textarea", id: inputId, name, rows: "4", spellcheck: "false", "aria-describedby": hintId });
    const element = h("div", { class: "sccif-field" }, h("label", { class: "sccif-label", for: inputId }, label), h("div", { class: "sccif-hint", id: hintId }, hint), errorEl, input);
    function setError(text) {
      errorEl.hidden = !text;
      element.classList.toggle("sccif-field--error", Boolean(text));
      if (text) {
        ui.replace(errorEl, h("span", { class: "sccif-visually-hidden" }, "Error: "), ui.sentence(text));
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", `${hintId} ${errorId}`);
      } else {
        errorEl.replaceChildren();
        input.removeAttribute("aria-invalid");
        input.setAttribute("aria-describedby", hintId);
      }
    }
    return { element, input, setError, value: () => input.value };
  }

  function choiceField({ name, label, choices }) {
    const legendId = ui.id(`sccif-${name}-legend`);
    const errorEl = h("p", { class: "sccif-error-message", hidden: true });
    const group = ui.id(name); // one name for the whole group, so choosing one unchooses the others
    const radios = choices.map(([value, text], index) => {
      const radioId = ui.id(`sccif-${name}-${value}`);
      const input = h("input", { type: "radio", class: "sccif-radio", id: radioId, name: group, value, checked: index === 0 });
      return { input, element: h("div", { class: "sccif-radios__item" }, input, h("label", { for: radioId }, text)) };
    });
    const element = h("fieldset", { class: "sccif-field sccif-fieldset", "aria-labelledby": legendId }, h("legend", { class: "sccif-label", id: legendId }, label), errorEl, radios.map((r) => r.element));
    function setError(text) {
      errorEl.hidden = !text;
      errorEl.textContent = text ? ui.sentence(text) : "";
    }
    return { element, input: radios[0].input, setError, value: () => radios.find((r) => r.input.checked)?.input.value ?? "" };
  }

  function makeField(spec) {
    if (spec.type === "choice") return choiceField(spec);
    if (spec.type === "date") {
      const made = ui.field({ name: spec.name, label: spec.label, hint: spec.hint, width: "date" });
      return { ...made, value: () => made.input.value };
    }
    return listField(spec);
  }

  const kindId = ui.id("sccif-kind");
  const kindSelect = h(
    "select",
    { class: "sccif-select", id: kindId, name: "kind" },
    GROUPS.map(([group, keys]) => h("optgroup", { label: group }, keys.map((key) => h("option", { value: key }, KINDS[key].option)))),
  );
  const kindField = h("div", { class: "sccif-field" }, h("label", { class: "sccif-label", for: kindId }, "What happened?"), kindSelect);

  const panels = {};
  for (const [key, kind] of Object.entries(KINDS)) {
    const fields = Object.fromEntries(kind.fields.map((spec) => [spec.name, makeField(spec)]));
    const element = h("div", { class: "sccif-tl-fields", "data-sccif-kind": key, hidden: true }, Object.values(fields).map((f) => f.element));
    for (const [name, f] of Object.entries(fields)) f.element.dataset.sccifField = name;
    panels[key] = { element, fields };
  }

  const today = ui.field({ name: "today", label: "Today's date", hint: "Dates before it are marked as passed. Clear it to leave them unmarked.", width: "date" });
  today.input.value = todayText();
  const extra = ui.field({ name: "extra", label: "Extra non-working days (optional)", hint: "Days to leave out as well, such as a bank holiday announced after this site was built. Separate dates with commas." });
  const extraDetails = h("details", { class: "sccif-details" }, h("summary", {}, "Add extra non-working days"), extra.element);

  const summary = ui.errorSummary();
  const status = ui.runtimeStatus(runtime, { what: "timeline" });
  const announcer = ui.announcer();
  const result = h("div", { class: "sccif-result sccif-tl-result", hidden: true, tabindex: "-1" });

  const form = h(
    "form",
    { class: "sccif-form", novalidate: true, "aria-label": "Timeline" },
    summary.element,
    kindField,
    Object.values(panels).map((p) => p.element),
    today.element,
    extraDetails,
    h("button", { type: "submit", class: "md-button md-button--primary sccif-button" }, "Show the dates"),
  );
  root.append(h("div", { class: "sccif-widget sccif-timeline", "data-sccif-widget": true }, status.element, form, result, announcer.element));

  function showKind() {
    for (const [key, panel] of Object.entries(panels)) panel.element.hidden = key !== kindSelect.value;
  }
  kindSelect.addEventListener("change", showKind);
  showKind();

  function request() {
    const kind = kindSelect.value;
    const payload = { kind, today: today.input.value, extra: extra.input.value };
    for (const [name, f] of Object.entries(panels[kind].fields)) payload[name] = f.value();
    return payload;
  }

  function clearErrors() {
    summary.hide();
    for (const panel of Object.values(panels)) for (const f of Object.values(panel.fields)) f.setError(null);
    today.setError(null);
    extra.setError(null);
  }

  let latest = 0;
  let interrupted = null;
  let shown = null; // the request whose answer is on screen, for the exports

  async function run(payload) {
    const seq = ++latest;
    clearErrors();
    if (runtime.state !== "ready") {
      ui.replace(result, h("p", { class: "sccif-result__waiting" }, "Your dates will appear here as soon as the timeline has loaded."));
      result.hidden = false;
    }
    let answer;
    try {
      answer = await call("timeline.compute", payload);
    } catch (failure) {
      if (seq !== latest) return;
      interrupted = payload;
      ui.replace(result, h("p", {}, "No dates yet: the timeline is not working. See the message above."));
      result.hidden = false;
      announcer.say(`The timeline could not be worked out. ${ui.sentence(failure.message)}`);
      return;
    }
    if (seq !== latest) return;
    interrupted = null;
    if (answer.error) showError(answer.error, payload.kind);
    else {
      shown = payload;
      showResult(answer.result);
    }
  }

  function fieldFor(name, kind) {
    if (name === "today") return today;
    if (name === "extra") {
      extraDetails.open = true;
      return extra;
    }
    if (name === "kind") return { input: kindSelect, setError() {} };
    return panels[kind].fields[name] ?? null;
  }

  function showError(error, kind) {
    result.hidden = true;
    result.replaceChildren();
    const target = fieldFor(error.field, kind);
    const text = error.row ? `Line ${error.row}: ${error.problem}` : error.problem;
    target?.setError(text);
    summary.show([{ text, input: target?.input ?? null }]);
  }

  // --- the answer ---
  function whenText(m) {
    return m.type === "window" ? `Between ${m.date_from_long} and ${m.date_to_long}` : `${WHEN[m.type]} ${m.date_long}`;
  }

  function qualifierTag(m) {
    return m.qualifier ? h("strong", { class: "sccif-tag sccif-tag--usually" }, ui.sentence(m.qualifier)) : null;
  }

  function holidaysText(m) {
    if (!m.moved_by_holidays) return "No";
    return `Yes: ${m.bank_holidays.map((b) => `${b.name}, ${shortDate(b.date)}`).join("; ")}`;
  }

  function citation(m) {
    const link = ui.citation(m.source_path, "Read it in the framework");
    link.append(h("span", { class: "sccif-visually-hidden" }, ` (${m.label})`));
    return link;
  }

  // Legislation the rule also rests on (regulation 48), and the reading it uses, if any.
  function alsoRead(m) {
    const laws = (m.laws ?? []).map((law) => h("span", { class: "sccif-tl-small sccif-tl-law" }, h("q", {}, law.words), " ", h("a", { href: law.url }, law.title)));
    const reading = m.reading ? h("span", { class: "sccif-tl-small" }, h("a", { href: `${READINGS_PAGE}#${m.reading}` }, "How this site reads it")) : null;
    return [...laws, reading];
  }

  function row(m) {
    const alert = ALERT.has(m.status);
    return h(
      "tr",
      { class: `sccif-tl-row${alert ? " sccif-tl-row--alert" : ""}`, "data-sccif-key": m.key, "data-sccif-date": m.date, "data-sccif-type": m.type },
      h("td", {}, h("span", { class: "sccif-tl-when" }, whenText(m)), m.provisional ? h("span", { class: "sccif-tag sccif-tag--provisional" }, "Provisional") : null, m.falls_on ? h("span", { class: "sccif-tl-small" }, `This day is ${m.falls_on}.`) : null),
      h("td", {}, m.actor ? h("span", { class: "sccif-tl-actor", "data-sccif-actor": m.actor }, ACTOR[m.actor] ?? m.actor) : null, h("span", { class: "sccif-tl-label" }, m.label), " ", qualifierTag(m), m.day ? h("span", { class: "sccif-tl-small" }, m.day_to ? `Days ${m.day} to ${m.day_to} of the framework's table` : `Day ${m.day} of the framework's table`) : null, h("span", { class: "sccif-tl-small" }, `Counted: ${m.offset}.`), m.note ? h("span", { class: "sccif-tl-small" }, m.note) : null),
      h("td", {}, h("q", { class: "sccif-tl-quote" }, m.rule), " ", citation(m), alsoRead(m)),
      h("td", { "data-sccif-holidays": m.moved_by_holidays ? "moved" : "no" }, holidaysText(m)),
      h("td", { "data-sccif-status": m.status ?? "" }, m.status_text ? (alert ? h("strong", {}, m.status_text) : m.status_text) : ""),
    );
  }

  function todayRow(todayIso, long) {
    return h("tr", { class: "sccif-tl-row sccif-tl-row--today", "data-sccif-key": "today", "data-sccif-date": todayIso }, h("td", {}, h("strong", {}, `Today: ${long}`)), h("td", { colspan: "4" }, "Dates above this line are on or before today."));
  }

  function visual(answer, longToday) {
    const items = answer.milestones;
    const first = Math.min(...items.map((m) => dayNumber(m.date_from ?? m.date)), answer.today ? dayNumber(answer.today) : Infinity);
    const last = Math.max(...items.map((m) => dayNumber(m.date)), answer.today ? dayNumber(answer.today) : -Infinity);
    const span = Math.max(last - first, 1);
    const at = (iso) => `${(((dayNumber(iso) - first) / span) * 100).toFixed(2)}%`;
    const bar = h("div", { class: "sccif-tl-bar", "aria-hidden": "true" });
    // Marks closer than MIN_GAP (percent of the bar) go up a level, so none hide another.
    const MIN_GAP = 5;
    const levelEnds = [];
    items.forEach((m, index) => {
      const start = ((dayNumber(m.date_from ?? m.date) - first) / span) * 100;
      const end = ((dayNumber(m.date) - first) / span) * 100;
      let level = levelEnds.findIndex((last) => start - last >= MIN_GAP);
      if (level === -1) {
        level = levelEnds.length;
        levelEnds.push(end);
      } else {
        levelEnds[level] = end;
      }
      const mark = h("span", { class: `sccif-tl-mark sccif-tl-mark--${m.type}${ALERT.has(m.status) ? " sccif-tl-mark--alert" : ""}` }, h("span", { class: "sccif-tl-mark__n" }, String(index + 1)));
      mark.style.setProperty("--at", at(m.date_from ?? m.date));
      mark.style.setProperty("--level", String(level));
      if (m.type === "window") mark.style.setProperty("--to", at(m.date));
      bar.append(mark);
    });
    bar.style.setProperty("--levels", String(Math.max(levelEnds.length, 1)));
    if (answer.today && dayNumber(answer.today) >= first && dayNumber(answer.today) <= last) {
      const now = h("span", { class: "sccif-tl-today" }, "Today");
      now.style.setProperty("--at", at(answer.today));
      bar.append(now);
    }
    const passed = items.filter((m) => ALERT.has(m.status)).length;
    const firstLong = items.length ? (items[0].date_from_long ?? items[0].date_long) : "";
    const lastLong = items.length ? items[items.length - 1].date_long : "";
    const words = [
      `${items.length} ${items.length === 1 ? "date" : "dates"}, from ${firstLong} to ${lastLong}, numbered in order.`,
      longToday ? `Today, ${longToday}, is marked.` : null,
      passed ? `${passed} ${passed === 1 ? "deadline has" : "deadlines have"} passed or ${passed === 1 ? "is" : "are"} missing.` : null,
    ].filter(Boolean).join(" ");
    const list = h("ol", { class: "sccif-tl-list" }, items.map((m) => h("li", { "data-sccif-key": m.key }, `${whenText(m)}: ${m.label}${m.qualifier ? ` (${m.qualifier})` : ""}${m.status_text ? `. ${m.status_text}` : ""}`)));
    return h(
      "figure",
      { class: "sccif-tl-figure" },
      bar,
      h("figcaption", {}, h("p", {}, words), h("details", { class: "sccif-details" }, h("summary", {}, "Text version of the timeline"), list)),
    );
  }

  function showResult(answer) {
    const longToday = answer.today_long;
    const body = [];
    let todayPlaced = !answer.today;
    for (const m of answer.milestones) {
      if (!todayPlaced && (m.date_from ?? m.date) > answer.today) {
        body.push(todayRow(answer.today, longToday));
        todayPlaced = true;
      }
      body.push(row(m));
    }
    if (!todayPlaced) body.push(todayRow(answer.today, longToday));

    const provisional = answer.milestones.filter((m) => m.provisional);
    const usually = answer.milestones.filter((m) => m.qualifier);
    const titleId = ui.id("sccif-tl-title");
    ui.replace(
      result,
      h("h2", { class: "sccif-result__title", id: titleId }, answer.title),
      h("p", { class: "sccif-tl-anchor" }, `Counted from ${answer.anchor_label}: `, h("strong", {}, answer.anchor_date_long), "."),
      answer.summary.length ? h("ul", { class: "sccif-tl-summary" }, answer.summary.map((line) => h("li", {}, line))) : null,
      provisional.length
        ? h("div", { class: "sccif-warning" }, h("p", {}, h("strong", {}, "Provisional. "), `${provisional.length} ${provisional.length === 1 ? "date counts" : "dates count"} working days across a year whose bank holidays GOV.UK has not yet published. They could still change.`))
        : null,
      usually.length
        ? h("p", { class: "sccif-tl-usually" }, `Dates marked "usually", "normally", "likely" or "where possible" are what the framework says normally happens, not fixed limits.`)
        : null,
      h(
        "div",
        { class: "sccif-tl-actions" },
        h("button", { type: "button", class: "md-button sccif-button", "data-sccif-export": "ics", on: { click: () => download("ics") } }, "Download for a calendar (.ics)"),
        h("button", { type: "button", class: "md-button sccif-button", "data-sccif-export": "csv", on: { click: () => download("csv") } }, "Download as a spreadsheet (.csv)"),
        h("button", { type: "button", class: "md-button sccif-button", "data-sccif-print": true, on: { click: () => window.print() } }, "Print this timeline"),
      ),
      visual(answer, longToday),
      h(
        "div",
        { class: "sccif-tl-scroll", tabindex: "0", role: "region", "aria-labelledby": titleId },
        h(
          "table",
          { class: "sccif-tl-table" },
          h("caption", {}, `${answer.title}: every date, in order`),
          h("thead", {}, h("tr", {}, ["When", "What happens", "The framework says", "Moved by bank holidays?", "Status"].map((text) => h("th", { scope: "col" }, text)))),
          h("tbody", {}, body),
        ),
      ),
      answer.undated.length
        ? [h("h3", {}, "Also in the framework, with no fixed date"), h("ul", {}, answer.undated.map((u) => h("li", {}, `${u.label}: `, h("q", {}, u.rule), " ", ui.citation(u.source_path, "Read it in the framework"))))]
        : null,
      h("h3", {}, "How these dates were counted"),
      h("ul", { class: "sccif-tl-notes" }, answer.notes.map((note) => h("li", {}, note))),
      h("p", { class: "sccif-tl-small" }, "From Ofsted's SCCIF for secure children's homes, updated 5 April 2024. Not an official Ofsted or GOV.UK tool."),
    );
    result.hidden = false;
    const due = answer.milestones.filter((m) => ALERT.has(m.status)).length;
    announcer.say(`${answer.milestones.length} dates shown for ${answer.title}.${due ? ` ${due} passed or missing.` : ""}${provisional.length ? " Some are provisional." : ""}`);
  }

  async function download(format) {
    if (!shown) return;
    let answer;
    try {
      answer = await call(`timeline.${format}`, { ...shown, base_url: SITE_ROOT });
    } catch (failure) {
      announcer.say(`The file could not be made. ${ui.sentence(failure.message)}`);
      return;
    }
    if (answer.error) {
      announcer.say(ui.sentence(answer.error.message ?? answer.error.problem));
      return;
    }
    const { filename, mime, content } = answer.result;
    // A byte-order mark lets spreadsheet programs read the CSV as UTF-8.
    const blob = new Blob(format === "csv" ? ["\ufeff", content] : [content], { type: mime });
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: filename, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announcer.say(`Downloading ${filename}.`);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(request());
  });

  const stopListening = runtime.onChange(() => {
    if (runtime.state === "ready" && interrupted) {
      const again = interrupted;
      interrupted = null;
      run(again);
    }
  });

  return () => {
    stopListening();
    status.destroy();
  };
}
