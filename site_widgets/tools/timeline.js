// @ts-check
// The timeline: every deadline that follows what happened, dated by the Python core.
//
// The dates come from sccif_core.timelines ("timeline.compute"); the .ics and .csv files from
// the same core ("timeline.ics", "timeline.csv"), so the page, the files and the `sccif timeline`
// command always agree. The form is drawn from the kinds' field descriptions in facts.mjs, which
// the build writes from the core. This file sends what was typed as it was typed, and shows the
// answer first: the provider's own dates in words (where focus goes), then a labelled chart, the
// table with the framework's words, and Ofsted's own steps collapsed under "What Ofsted does
// meanwhile"; then exports and a print view.
// Every value is rendered as text (ui.h), never as markup.

import { SITE_ROOT } from "../config.mjs";
import { fromPairs, radios, select } from "../lib/choices.js";
import { downloadFile } from "../lib/download.js";
import { lifecycle, resultArea } from "../lib/request.js";
// Generated at build time from sccif_core.page_facts: the kinds, their groups and their fields.
import { FACTS } from "../facts.mjs";

const { groups: GROUPS, kinds: KINDS } = FACTS.timeline;
const READINGS_PAGE = `${SITE_ROOT}interpretations/`;
/** @type {Record<string, string>} */
const ACTOR = { provider: "The provider", ofsted: "Ofsted", inspectors: "Inspectors", dfe: "The DfE", "local-authority": "The local authority" };

/** The kind named in the address (`?kind=full`), if it is one; anything else is ignored. */
function kindFromAddress() {
  try {
    const kind = new URLSearchParams(window.location.search).get("kind");
    return kind && Object.hasOwn(KINDS, kind) ? kind : null;
  } catch {
    return null;
  }
}


/**
 * One dated milestone, as sccif_core.timelines.results writes it.
 * @typedef {object} Milestone
 * @property {string} key
 * @property {string} label
 * @property {"by" | "from" | "window" | "on"} type
 * @property {string} date
 * @property {string} date_long
 * @property {string | null} date_from
 * @property {string | null} date_from_long
 * @property {string | null} date_to_long
 * @property {string} offset
 * @property {string} rule
 * @property {string | null} source_path
 * @property {boolean} provisional
 * @property {string} qualifier
 * @property {boolean} moved_by_holidays
 * @property {{name: string, date: string}[]} bank_holidays
 * @property {string | null} falls_on
 * @property {number | null} day
 * @property {number | null} day_to
 * @property {string} note
 * @property {string | null} status
 * @property {string | null} status_text
 * @property {string} actor
 * @property {string | null} reading
 * @property {{words: string, url: string, title: string}[]} laws
 * @property {boolean} yours
 */

/**
 * The answer to "timeline.compute".
 * @typedef {object} TimelineAnswer
 * @property {string} title
 * @property {string} anchor_label
 * @property {string} anchor_date_long
 * @property {string | null} today
 * @property {string | null} today_long
 * @property {Milestone[]} milestones
 * @property {string[]} answer the keys of the provider's own dates
 * @property {{label: string, rule: string, source_path: string | null}[]} undated
 * @property {string[]} summary
 * @property {string[]} notes
 */

/** @type {Record<string, string>} */
const WHEN = { by: "By", from: "From", window: "Between", on: "On" };
const ALERT = new Set(["overdue", "late", "missing"]);
/** Whether a status is a deadline passed or missed. @param {string | null} status */
const isAlert = (status) => ALERT.has(status ?? "");

function todayText() {
  const now = new Date();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-12-25" -> "25 Dec 2026" (the row's own date is written out in full by the core). @param {string} iso */
function shortDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** @param {Milestone} m */
function shortWhen(m) {
  if (m.type === "window") return `${shortDate(m.date_from ?? m.date)} to ${shortDate(m.date)}`;
  return `${WHEN[m.type]} ${shortDate(m.date)}`;
}

/** @param {string} iso */
function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * @param {HTMLElement} root
 * @param {{call: (name: string, payload?: any) => Promise<any>, runtime: import("../ui.js").Runtime, ui: typeof import("../ui.js")}} context
 */
export function mount(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);

  // --- fields: one set per kind, built once, shown for the kind chosen ---
  /** @param {import("../facts.mjs").TimelineField} spec @returns {{element: HTMLElement, input: HTMLElement, setError(text: string | null): void, value(): string}} */
  function makeField(spec) {
    if (spec.type === "choice") return radios({ name: spec.name, legend: spec.label, hint: spec.hint, choices: fromPairs(spec.choices) });
    const made = ui.field({ name: spec.name, label: spec.label, hint: spec.hint, width: spec.type === "date" ? "date" : null, rows: spec.type === "date" ? null : 4 });
    return { ...made, value: () => made.input.value };
  }

  const kind = select({
    name: "kind",
    label: "What happened?",
    groups: GROUPS.map(([group, keys]) => ({ label: group, choices: keys.map((key) => ({ value: key, words: KINDS[key].option })) })),
    chosen: kindFromAddress() ?? undefined,
  });

  /** @type {Record<string, {element: HTMLElement, fields: Record<string, ReturnType<typeof makeField>>}>} */
  const panels = {};
  for (const [key, spec] of Object.entries(KINDS)) {
    const fields = Object.fromEntries(spec.fields.map((field) => [field.name, makeField(field)]));
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
  const announcer = ui.announcer(); // for downloads, which do not move focus
  const result = h("div", { class: "sccif-result sccif-tl-result", hidden: true });

  const form = h(
    "form",
    { class: "sccif-form", novalidate: true, "aria-label": "Timeline" },
    summary.element,
    kind.element,
    Object.values(panels).map((p) => p.element),
    today.element,
    extraDetails,
    h("button", { type: "submit", class: "md-button md-button--primary sccif-button" }, "Show the dates"),
  );
  root.append(h("div", { class: "sccif-widget sccif-timeline", "data-sccif-widget": true }, status.element, form, result, announcer.element));

  function showKind() {
    for (const [key, panel] of Object.entries(panels)) panel.element.hidden = key !== kind.value();
  }
  kind.input.addEventListener("change", showKind);
  showKind();

  /** The fields as typed, for the kind chosen: what the core reads. */
  function request() {
    /** @type {Record<string, string>} */
    const payload = { kind: kind.value(), today: today.input.value, extra: extra.input.value };
    for (const [name, f] of Object.entries(panels[kind.value()].fields)) payload[name] = f.value();
    return payload;
  }

  function clearErrors() {
    summary.hide();
    for (const panel of Object.values(panels)) for (const f of Object.values(panel.fields)) f.setError(null);
    for (const f of [kind, today, extra]) f.setError(null);
  }

  /** @type {Record<string, string> | null} the request whose answer is on screen, for the exports */
  let shown = null;

  const states = resultArea(result);

  const requests = lifecycle({
    runtime,
    form,
    read: request,
    send(payload) {
      clearErrors();
      return call("timeline.compute", payload);
    },
    waiting: (run) => states.notice(run, "Waiting for the timeline", "Your dates will appear here as soon as the timeline has loaded."),
    failed: (reason, run) => states.notice(run, "No dates yet", `The timeline is not working. ${ui.sentence(reason)} See the message above.`),
    problems: showProblems,
    answered(answer, run) {
      shown = run.payload;
      showResult(answer, run);
    },
  });

  /** The field a problem is about, opening the extra days if it is there. @param {string | null | undefined} name @param {string} kindKey */
  function fieldFor(name, kindKey) {
    if (name === "today") return today;
    if (name === "extra") {
      extraDetails.open = true;
      return extra;
    }
    if (name === "kind") return kind;
    return (name && panels[kindKey].fields[name]) || null;
  }

  /** Every problem at its field and in the summary, each linked to its field. @param {import("../lib/request.js").Problem[]} problems @param {import("../lib/request.js").Run} run */
  function showProblems(problems, run) {
    states.clear();
    const items = problems.map((problem) => {
      const target = fieldFor(problem.field, run.payload.kind);
      const text = problem.row ? `Line ${problem.row}: ${problem.problem}` : target ? problem.problem : problem.message ?? problem.problem;
      target?.setError(text);
      return { text, input: target?.input ?? null };
    });
    summary.show(items);
  }

  // --- the answer ---
  /** @param {Milestone} m */
  function whenText(m) {
    return m.type === "window" ? `Between ${m.date_from_long} and ${m.date_to_long}` : `${WHEN[m.type]} ${m.date_long}`;
  }

  /** @param {Milestone} m */
  function qualifierTag(m) {
    return m.qualifier ? h("strong", { class: "sccif-tag sccif-tag--usually" }, ui.sentence(m.qualifier)) : null;
  }

  /** @param {Milestone} m */
  function holidaysText(m) {
    if (!m.moved_by_holidays) return "No";
    return `Yes: ${m.bank_holidays.map((b) => `${b.name}, ${shortDate(b.date)}`).join("; ")}`;
  }

  /** @param {Milestone} m */
  function citation(m) {
    const link = ui.citation(m.source_path, "Read it in the framework");
    link.append(h("span", { class: "sccif-visually-hidden" }, ` (${m.label})`));
    return link;
  }

  // Legislation the rule also rests on (regulation 48), and the reading it uses, if any.
  /** @param {Milestone} m */
  function alsoRead(m) {
    const laws = (m.laws ?? []).map((law) => h("span", { class: "sccif-tl-small sccif-tl-law" }, h("q", {}, law.words), " ", h("a", { href: law.url }, law.title)));
    const reading = m.reading ? h("span", { class: "sccif-tl-small" }, h("a", { href: `${READINGS_PAGE}#${m.reading}` }, "How this site reads it")) : null;
    return [...laws, reading];
  }

  const LABELS = ["When", "What happens", "The framework says", "Moved by bank holidays?", "Status"];

  /** @param {Milestone} m */
  function row(m) {
    const alert = isAlert(m.status);
    /** @param {number} index @param {Record<string, string>} attrs @param {...import("../ui.js").Child} children */
    const cell = (index, attrs, ...children) => h("td", { "data-label": LABELS[index], ...attrs }, ...children);
    return h(
      "tr",
      { class: `sccif-tl-row${alert ? " sccif-tl-row--alert" : ""}`, "data-sccif-key": m.key, "data-sccif-date": m.date, "data-sccif-type": m.type },
      cell(0, {}, h("span", { class: "sccif-tl-when" }, whenText(m)), m.provisional ? h("span", { class: "sccif-tag sccif-tag--provisional" }, "Provisional") : null, m.falls_on ? h("span", { class: "sccif-tl-small" }, `This day is ${m.falls_on}.`) : null),
      cell(1, {}, m.actor ? h("span", { class: "sccif-tl-actor", "data-sccif-actor": m.actor }, ACTOR[m.actor] ?? m.actor) : null, h("span", { class: "sccif-tl-label" }, m.label), " ", qualifierTag(m), m.day ? h("span", { class: "sccif-tl-small" }, m.day_to ? `Days ${m.day} to ${m.day_to} of the framework's table` : `Day ${m.day} of the framework's table`) : null, h("span", { class: "sccif-tl-small" }, `Counted: ${m.offset}.`), m.note ? h("span", { class: "sccif-tl-small" }, m.note) : null),
      cell(2, {}, h("q", { class: "sccif-tl-quote" }, m.rule), " ", citation(m), alsoRead(m)),
      cell(3, { "data-sccif-holidays": m.moved_by_holidays ? "moved" : "no" }, holidaysText(m)),
      cell(4, { "data-sccif-status": m.status ?? "" }, m.status_text ? (alert ? h("strong", {}, m.status_text) : m.status_text) : ""),
    );
  }

  /** @param {string} todayIso @param {string | null} long */
  function todayRow(todayIso, long) {
    return h("tr", { class: "sccif-tl-row sccif-tl-row--today", "data-sccif-key": "today", "data-sccif-date": todayIso }, h("td", { colspan: "5" }, h("strong", {}, `Today: ${long}`), " Dates above this line are on or before today."));
  }

  /**
   * A table of milestones in date order, with a Today row between past and future.
   * @param {TimelineAnswer} answer @param {Milestone[]} milestones @param {string} caption
   */
  function table(answer, milestones, caption) {
    const body = [];
    const todayIso = answer.today ?? "";
    let todayPlaced = !todayIso;
    for (const m of milestones) {
      if (!todayPlaced && (m.date_from ?? m.date) > todayIso) {
        body.push(todayRow(todayIso, answer.today_long));
        todayPlaced = true;
      }
      body.push(row(m));
    }
    if (!todayPlaced) body.push(todayRow(todayIso, answer.today_long));
    const captionId = ui.id("sccif-tl-caption");
    return h(
      "div",
      { class: "sccif-tl-scroll", tabindex: "0", role: "region", "aria-labelledby": captionId },
      h(
        "table",
        { class: "sccif-tl-table" },
        h("caption", { id: captionId }, caption),
        h("thead", {}, h("tr", {}, LABELS.map((text) => h("th", { scope: "col" }, text)))),
        h("tbody", {}, body),
      ),
    );
  }

  /**
   * The answer: the provider's own dates, in plain words, where focus goes.
   * @param {TimelineAnswer} answer @param {Milestone[]} own @param {boolean} hasOwn
   */
  function answerBox(answer, own, hasOwn) {
    const titleId = ui.id("sccif-tl-answer");
    const items = own.map((m) => {
      const alert = isAlert(m.status);
      return h(
        "li",
        { "data-sccif-key": m.key },
        h("strong", { class: "sccif-tl-answer__when" }, whenText(m)),
        m.status_text ? [" ", h("span", { class: `sccif-tl-answer__status${alert ? " sccif-tl-answer__status--alert" : ""}` }, m.status_text)] : null,
        h("span", { class: "sccif-tl-answer__label" }, m.label, m.qualifier ? ` (${m.qualifier})` : ""),
      );
    });
    const lead = hasOwn
      ? `Counted from ${answer.anchor_label}, ${answer.anchor_date_long}.`
      : `Counted from ${answer.anchor_label}, ${answer.anchor_date_long}. Nothing here is for the provider to do: these are Ofsted's dates.`;
    return h(
      "div",
      { class: "sccif-tl-answer", "aria-labelledby": titleId, role: "region", "data-sccif-answer": true },
      h("h2", { class: "sccif-tl-answer__title", id: titleId, tabindex: "-1" }, hasOwn ? "Your dates" : answer.title),
      h("p", { class: "sccif-tl-answer__lead" }, lead),
      h("ul", { class: "sccif-tl-answer__list" }, items),
    );
  }

  /**
   * A chart of the provider's dates: each mark labelled, spaced by the days between them.
   * @param {TimelineAnswer} answer @param {Milestone[]} items
   */
  function chart(answer, items) {
    const days = items.map((m) => dayNumber(m.date_from ?? m.date));
    const MAX_GAP_EM = 4;
    const span = Math.max(days[days.length - 1] - days[0], 1);
    const todayDay = answer.today ? dayNumber(answer.today) : null;
    const todayLabel = answer.today ? `Today, ${shortDate(answer.today)}` : "";
    const marks = [];
    items.forEach((m, index) => {
      const gap = index === 0 ? 0 : ((days[index] - days[index - 1]) / span) * MAX_GAP_EM * 3;
      if (todayDay !== null && todayDay < days[index] && (index === 0 || todayDay >= days[index - 1])) {
        marks.push(h("li", { class: "sccif-tl-chart__today" }, todayLabel));
      }
      const mark = h(
        "li",
        { class: `sccif-tl-chart__mark sccif-tl-chart__mark--${m.type}${isAlert(m.status) ? " sccif-tl-chart__mark--alert" : ""}`, "data-sccif-key": m.key },
        h("span", { class: "sccif-tl-chart__date" }, shortWhen(m)),
        h("span", { class: "sccif-tl-chart__label" }, m.label),
      );
      mark.style.setProperty("--gap", `${Math.min(gap, MAX_GAP_EM).toFixed(2)}em`);
      marks.push(mark);
    });
    if (todayDay !== null && todayDay >= days[days.length - 1]) marks.push(h("li", { class: "sccif-tl-chart__today" }, todayLabel));
    const first = items[0];
    const last = items[items.length - 1];
    return h(
      "figure",
      { class: "sccif-tl-figure" },
      h("ol", { class: "sccif-tl-chart" }, marks),
      h("figcaption", {}, `Your dates on a line, from ${first.date_from_long ?? first.date_long} to ${last.date_long}, spaced by the days between them. The table below gives every detail.`),
    );
  }

  /** @param {TimelineAnswer} answer @param {import("../lib/request.js").Run} run */
  function showResult(answer, run) {
    const ownKeys = new Set(answer.answer);
    const own = answer.milestones.filter((m) => ownKeys.has(m.key));
    const meanwhile = answer.milestones.filter((m) => !ownKeys.has(m.key));
    const hasOwn = meanwhile.length < answer.milestones.length && answer.milestones.some((m) => m.yours);
    const provisional = answer.milestones.filter((m) => m.provisional);
    const usually = answer.milestones.filter((m) => m.qualifier);
    const box = answerBox(answer, own, hasOwn);
    const everything = h("input", { type: "checkbox", class: "sccif-checkbox", id: ui.id("sccif-tl-everything"), "data-sccif-everything": true });
    states.show(run, /** @type {HTMLElement} */ (box.querySelector("h2")), [
      box,
      provisional.length
        ? h("div", { class: "sccif-warning" }, h("p", {}, h("strong", {}, "Provisional. "), `${provisional.length} ${provisional.length === 1 ? "date counts" : "dates count"} working days across a year whose bank holidays GOV.UK has not yet published. They could still change.`))
        : null,
      usually.length
        ? h("p", { class: "sccif-tl-usually" }, `Dates marked "usually", "normally", "likely" or "where possible" are what the framework says normally happens, not fixed limits.`)
        : null,
      answer.summary.length ? h("ul", { class: "sccif-tl-summary" }, answer.summary.map((line) => h("li", {}, line))) : null,
      h(
        "div",
        { class: "sccif-tl-actions" },
        h("div", { class: "sccif-tl-everything" }, everything, h("label", { for: everything.id }, "Put every date in the file, also passed ones and Ofsted's own steps")),
        h("button", { type: "button", class: "md-button sccif-button", "data-sccif-export": "ics", on: { click: () => download("ics", everything.checked) } }, "Download for a calendar (.ics)"),
        h("button", { type: "button", class: "md-button sccif-button", "data-sccif-export": "csv", on: { click: () => download("csv", everything.checked) } }, "Download as a spreadsheet (.csv)"),
        h("button", { type: "button", class: "md-button sccif-button", "data-sccif-print": true, on: { click: () => window.print() } }, "Print this timeline"),
      ),
      h("h2", { class: "sccif-result__title" }, answer.title),
      chart(answer, own),
      table(answer, own, hasOwn ? "Your dates, with the framework's words" : "Every date, with the framework's words"),
      meanwhile.length
        ? h(
            "details",
            { class: "sccif-details sccif-tl-meanwhile" },
            h("summary", {}, `What Ofsted does meanwhile (${meanwhile.length} ${meanwhile.length === 1 ? "date" : "dates"})`),
            h("p", {}, "Steps inside Ofsted and the inspection team. They are not the provider's deadlines."),
            table(answer, meanwhile, "What Ofsted does meanwhile"),
          )
        : null,
      answer.undated.length
        ? [h("h3", {}, "Also in the framework, with no fixed date"), h("ul", {}, answer.undated.map((u) => h("li", {}, `${u.label}: `, h("q", {}, u.rule), " ", ui.citation(u.source_path, "Read it in the framework"))))]
        : null,
      h("h3", {}, "How these dates were counted"),
      h("ul", { class: "sccif-tl-notes" }, answer.notes.map((note) => h("li", {}, note))),
      h("p", { class: "sccif-tl-small" }, `From Ofsted's SCCIF for secure children's homes (${FACTS.version}). Not an official Ofsted or GOV.UK tool.`),
    ], box);
  }

  /** The .ics or .csv file of the dates on screen, made by the core. @param {"ics" | "csv"} format @param {boolean} everything */
  async function download(format, everything) {
    if (!shown) return;
    const made = await downloadFile(call, `timeline.${format}`, { ...shown, base_url: SITE_ROOT, everything });
    if (!made.file) {
      announcer.say(made.problem);
      return;
    }
    const { filename, count } = made.file;
    announcer.say(`Downloading ${filename}, with ${count} ${count === 1 ? "date" : "dates"}.`);
  }

  return () => {
    requests.destroy();
    status.destroy();
  };
}
