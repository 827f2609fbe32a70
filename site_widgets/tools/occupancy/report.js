// @ts-check
// The result, answer first: the verdict and the first date the home stops meeting the policy in one
// box (the core's `answer`), then the reasons, then the detail. Every figure and sentence that
// decides the answer comes from the Python core.

import { chartFigure } from "./chart.js";
import { longDate, percent, plural, todayIso } from "./format.js";
import { firstRowsNote, stackedTable } from "./tables.js";

// The shapes of the core's answer to "occupancy.check" (src/sccif_core/occupancy/api.py, check_records):
// dates are ISO text ("2026-03-01"), shares fractions from 0 to 1.

/** @typedef {typeof import("../../ui.js")} Ui */
/** A button that downloads one of the result's lists in full. @typedef {(kind: string, label: string) => HTMLElement} Download */
/** @typedef {{anchor: string, path: string, heading: string}} Citation */
/**
 * One 12-month window (WindowStats.as_dict). share: reading A, null when nobody was resident.
 * @typedef {{start: string, end: string, days: number, occupied_days: number, children_majority_days: number,
 *   meets: boolean, meets_all_days: boolean, share: number | null, share_all_days: number,
 *   child_nights: number, young_adult_nights: number}} Window
 */
/**
 * @typedef {{id: string, turned_18: string, born_29_february: boolean, adult_nights: number,
 *   adult_nights_projected: number, still_resident: boolean, planned_discharge: string | null}} YoungAdult
 */
/** @typedef {{id: string, admission_date: string, planned_discharge: string | null}} OpenStay */
/**
 * @typedef {{start: string, end: string, capped: boolean, assumption: string, verdict: string,
 *   windows_total: number, windows_meeting: number, windows_meeting_all_days: number,
 *   fails_from: string | null, fails_from_all_days: string | null,
 *   first_failing_window: Window | null, first_failing_window_all_days: Window | null,
 *   open_stays: OpenStay[], planned_admissions: Record<import("./format.js").FieldName, string | null>[],
 *   upcoming_18th_birthdays: {id: string, turns_18: string}[]}} Projection
 */
/**
 * @typedef {{leap_birthday: string, people: string[], verdict: string, verdict_title: string,
 *   windows_meeting: number, windows_meeting_all_days: number, projection_verdict: string}} LeapComparison
 */
/**
 * The verdict in words, answer first (api.answer).
 * @typedef {{verdict: string, title: string, text: string, detail: string | null,
 *   first_failure: (Window & {reading: string, projected: boolean}) | null, reading: string, source: Citation}} VerdictAnswer
 */
/**
 * How the records were read (ParsedResidents.as_dict).
 * @typedef {{columns: Record<string, number>, delimiter: string, rows: number, stays: number, people: number,
 *   blank_rows: number[], ignored_columns: string[], no_end_date_rows: number[], notes: string[]}} RecordsRead
 */
/**
 * One calendar month of the chart's table (series.monthly_table); window: the latest 12 months ending in it.
 * @typedef {{month: string, first: string, last: string, days: number, projected: boolean, child_nights: number,
 *   young_adult_nights: number, occupied_days: number, children_majority_days: number, most_children: number,
 *   most_young_adults: number, window: {start: string, end: string, share: number | null, share_all_days: number,
 *   meets: boolean, meets_all_days: boolean} | null}} MonthRow
 */
/**
 * The chart's data (series.series): counts as runs of [value, how many days], from `start`.
 * @typedef {{start: string, days: number, period_days: number, children: [number, number][],
 *   young_adults: [number, number][], most_children: number, most_young_adults: number,
 *   windows: {count: number, checked: number, days: [number, number][], children_majority_days: number[],
 *   occupied_days: number[]}, monthly: MonthRow[]}} Series
 */
/** How long a list is, and how much of it the answer holds. @typedef {{total: number, shown: number}} ListCount */
/**
 * @typedef {object} OccupancyResult
 * @property {string} verdict "meets", "depends-on-empty-days" or "does-not-meet"
 * @property {string} verdict_title
 * @property {string} verdict_text
 * @property {{start: string, end: string, days: number}} period
 * @property {number} windows_total
 * @property {number} windows_meeting
 * @property {number} windows_meeting_all_days
 * @property {number} windows_failing
 * @property {number} windows_failing_all_days
 * @property {Window | null} latest_window
 * @property {Window | null} worst_window
 * @property {Window | null} worst_window_all_days
 * @property {Window | null} first_failing_window
 * @property {Window | null} first_failing_window_all_days
 * @property {Projection} projection
 * @property {YoungAdult[]} young_adults
 * @property {string} leap_birthday
 * @property {string} leap_birthday_text
 * @property {LeapComparison | null} leap_birthday_comparison
 * @property {{people: number, stays: number}} residents
 * @property {string[]} notes
 * @property {string[]} method
 * @property {Record<string, string>} readings
 * @property {Citation & {wording: string}} source
 * @property {Citation[]} citations
 * @property {VerdictAnswer} answer
 * @property {RecordsRead} input
 * @property {Series} [series] when asked for (the page asks, except for the baseline)
 * @property {string[]} [plans_dropped] with drop_stale_plans
 * @property {{young_adults: ListCount, open_stays: ListCount, upcoming_18th_birthdays: ListCount}} [lists]
 */

const SOURCE_PATH = "framework/young-adults/#wholly-or-mainly-guidelines-2";
const SOURCE_TEXT = "The framework's 'wholly or mainly' guidelines";
const READINGS_PATH = "interpretations/#wholly-or-mainly";

/**
 * The report's parts, in order; the answer box; and the short headings focus goes to: the answer's
 * (after a check) and "Looking ahead" (after the plans change).
 * options: {ui, baseline (the result without plans, or null), whatIf (a node), chartWidth,
 * download(kind, label) (a button that downloads one of the result's lists in full)}
 * @param {OccupancyResult} result
 * @param {{ui: Ui, baseline: OccupancyResult | null, whatIf: HTMLElement, chartWidth: number, download: Download}} options
 */
export function reportParts(result, { ui, baseline, whatIf, chartWidth, download }) {
  const { h } = ui;
  const answer = answerBox(result, ui);
  const projection = projectionSection(result, baseline, whatIf, ui);
  const parts = [
    answer,
    h("p", { class: "sccif-occupancy__printed" }, `'Wholly or mainly' check printed on ${longDate(todayIso())}. Worked out on this device by the SCCIF guide's occupancy checker.`),
    reasons(result, ui),
    leapWarning(result, ui),
    notes(result, ui),
    windowSection("The latest 12 months", result.latest_window, "The last whole 12-month window in the period.", ui),
    worstSection(result, ui),
    youngAdults(result, ui, download),
    projection,
    chartFigure(result, ui, chartWidth, download),
    methodSection(result, ui),
    printButton(ui),
  ];
  return {
    parts,
    answer,
    headings: {
      answer: /** @type {HTMLElement} */ (answer.querySelector("h2")),
      plans: /** @type {HTMLElement} */ (projection.querySelector("h3")),
    },
  };
}

/** @param {OccupancyResult} result @param {Ui} ui */
function answerBox(result, ui) {
  const { h } = ui;
  const answer = result.answer;
  const titleId = ui.id("sccif-occupancy-answer");
  return h(
    "section",
    {
      class: `sccif-occupancy__verdict sccif-occupancy__answer sccif-occupancy__verdict--${result.verdict}`,
      "data-sccif-answer": result.verdict,
      "aria-labelledby": titleId,
    },
    h("h2", { class: "sccif-occupancy__verdict-title", id: titleId, tabindex: "-1" }, answer.title),
    h("p", { class: "sccif-occupancy__answer-text" }, answer.text),
    answer.detail ? h("p", { class: "sccif-occupancy__answer-detail" }, answer.detail) : null,
    h("p", { class: "sccif-occupancy__source" },
      "Reading used: ", ui.citation(READINGS_PATH, answer.reading), ". Source: ",
      ui.citation(answer.source.path, `${answer.source.heading}, paragraph 2`), "."),
  );
}

/** @param {OccupancyResult} result @param {Ui} ui */
function reasons(result, { h }) {
  const checked = result.windows_total;
  const period = result.period;
  const fails = (/** @type {number} */ count) => `${plural(count, "window")} of ${checked.toLocaleString("en-GB")} ${count === 1 ? "fails" : "fail"}`;
  return h("div", { class: "sccif-occupancy__reasons" },
    h("h3", {}, "Why"),
    h("p", {}, result.verdict_text),
    h("p", {}, `Period checked: ${longDate(period.start)} to ${longDate(period.end)} (${plural(period.days, "day")}), ${plural(checked, "12-month window")}, ${plural(result.residents.people, "person", "people")}, ${plural(result.residents.stays, "stay")}.`),
    checked
      ? h("ul", {},
        h("li", {}, `Reading A, empty days set aside: ${fails(result.windows_failing)}.`),
        h("li", {}, `Reading B, every day counts: ${fails(result.windows_failing_all_days)}.`))
      : h("p", {}, "No whole 12-month window fits in the period yet."),
    h("p", {}, `29 February setting: ${result.leap_birthday_text}`));
}

/** @param {OccupancyResult} result @param {Ui} ui */
function leapWarning(result, { h }) {
  const comparison = result.leap_birthday_comparison;
  if (!comparison) return null;
  const other = comparison.leap_birthday === "feb-28" ? "28 February" : "1 March";
  const same = comparison.verdict === result.verdict;
  return h("div", { class: "sccif-warning" },
    h("p", {}, h("strong", {}, same ? "The 29 February setting does not change the verdict. " : "The 29 February setting changes the verdict. "),
      `Born on 29 February and in the home on the night it matters: ${comparison.people.join(", ")}. `,
      `If they turn 18 on ${other} instead, the verdict is "${comparison.verdict_title.toLowerCase()}", with ${plural(comparison.windows_meeting, "window")} meeting reading A and ${comparison.windows_meeting_all_days.toLocaleString("en-GB")} meeting reading B.`));
}

/** @param {OccupancyResult} result @param {Ui} ui */
function notes(result, { h }) {
  const items = [...result.notes];
  const input = result.input;
  if (input.blank_rows.length) items.push(`Blank rows passed over: ${input.blank_rows.join(", ")}.`);
  if (input.ignored_columns.length) items.push(`Columns not used: ${input.ignored_columns.join(", ")}.`);
  if (!items.length) return null;
  return h("div", { class: "sccif-occupancy__notes" }, h("h3", {}, "Notes"), h("ul", {}, items.map((item) => h("li", {}, item))));
}

/** @param {Ui} ui */
function source(ui) {
  return ui.h("p", { class: "sccif-occupancy__source" }, "Source: ", ui.citation(SOURCE_PATH, SOURCE_TEXT), ".");
}

/** @param {Window} window @param {Ui} ui */
function windowFacts(window, { h }) {
  const meets = (/** @type {boolean} */ value) => (value ? "meets the policy" : "does not meet the policy");
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

/** @param {string} title @param {Window | null} window @param {string} lead @param {Ui} ui */
function windowSection(title, window, lead, ui) {
  const { h } = ui;
  return h("div", { class: "sccif-occupancy__window" },
    h("h3", {}, title),
    window ? [h("p", {}, lead), windowFacts(window, ui)] : h("p", {}, "No whole 12-month window fits in the period yet."),
    source(ui));
}

/** @param {OccupancyResult} result @param {Ui} ui */
function worstSection(result, ui) {
  const { h } = ui;
  const a = result.worst_window;
  const b = result.worst_window_all_days;
  if (!a || !b) return null;
  const same = a.start === b.start;
  return h("div", { class: "sccif-occupancy__window" },
    h("h3", {}, "The worst 12 months"),
    h("p", {}, "The window with the lowest share of children-majority days; on a tie, the earliest."),
    same
      ? [h("p", {}, "The same window is the worst under both readings."), windowFacts(a, ui)]
      : [h("h4", {}, "Reading A, empty days set aside"), windowFacts(a, ui), h("h4", {}, "Reading B, every day counts"), windowFacts(b, ui)],
    source(ui));
}

/** @param {OccupancyResult} result @param {Ui} ui @param {Download} download */
function youngAdults(result, ui, download) {
  const { h } = ui;
  const people = result.young_adults;
  const listed = result.lists?.young_adults ?? { shown: people.length, total: people.length };
  return h("div", { class: "sccif-occupancy__young-adults" },
    h("h3", {}, "Young adults"),
    people.length
      ? stackedTable(h, {
        label: "Young adults in the period",
        caption: `Everyone accommodated as a young adult in the period (${listed.total.toLocaleString("en-GB")})`,
        headers: ["ID", "Turned 18", "Nights as a young adult in the period", "Still resident at the end", "Planned discharge"],
        rows: people.map((person) => ({
          head: person.id,
          cells: [
            `${longDate(person.turned_18)}${person.born_29_february ? " (born 29 February: see the setting)" : ""}`,
            person.adult_nights.toLocaleString("en-GB"),
            person.still_resident ? "Yes" : "No",
            person.planned_discharge ? longDate(person.planned_discharge) : "None given",
          ],
        })),
      })
      : h("p", {}, "Nobody was accommodated as a young adult in the period."),
    firstRowsNote(h, { ...listed, what: "young adults", download: download("young-adults", "Download every young adult (CSV)") }),
    h("p", { class: "sccif-occupancy__source" }, "A child is a person under 18: ",
      ui.citation("framework/young-adults/#inspecting-homes-where-young-adults-live-1", "Inspecting homes where young adults live"), "."));
}

/** @param {string | null} day @param {Window | null} window @param {string} reading */
function failsText(day, window, reading) {
  if (!day || !window) return `${reading}: every 12-month window in the projection keeps meeting the policy.`;
  const share = reading.startsWith("Reading A") ? `${window.children_majority_days} of ${window.occupied_days} occupied days` : `${window.children_majority_days} of ${window.days} days`;
  return `${reading}: the first 12-month window that would not meet the policy ends on ${longDate(day)} (${longDate(window.start)} to ${longDate(window.end)}: ${share} with more children than young adults).`;
}

/** @param {OccupancyResult} result @param {OccupancyResult | null} baselineResult @param {HTMLElement} whatIf @param {Ui} ui */
function projectionSection(result, baselineResult, whatIf, ui) {
  const { h } = ui;
  const projection = result.projection;
  const birthdays = result.lists?.upcoming_18th_birthdays;
  const moreBirthdays = birthdays && birthdays.total > birthdays.shown ? birthdays.total - birthdays.shown : 0;
  const baseline = baselineResult?.projection;
  /** @typedef {"fails_from" | "fails_from_all_days"} FailsFrom */
  const changed = (/** @type {FailsFrom} */ key) => baseline && baseline[key] !== projection[key];
  const without = (/** @type {FailsFrom} */ key) => (baseline?.[key] ? longDate(baseline[key]) : "never");
  return h("div", { class: "sccif-occupancy__projection" },
    h("h3", { tabindex: "-1" }, baseline ? "Looking ahead, with your plans" : "Looking ahead"),
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
      ? [h("p", {}, "18th birthdays to come while resident:"),
        h("ul", {}, projection.upcoming_18th_birthdays.map((person) => h("li", {}, `${person.id}: ${longDate(person.turns_18)}`))),
        moreBirthdays ? h("p", {}, `And ${plural(moreBirthdays, "more person", "more people")}.`) : null]
      : null,
    projection.capped ? h("p", {}, "The projection stops 10 years ahead.") : null,
    whatIf,
    source(ui));
}

/** @param {OccupancyResult} result @param {Ui} ui */
function methodSection(result, ui) {
  const { h } = ui;
  return h("div", { class: "sccif-occupancy__method" },
    h("h3", {}, "How this was worked out"),
    h("ul", {}, result.method.map((line) => h("li", {}, line))),
    h("ul", {}, Object.values(result.readings).map((line) => h("li", {}, line))),
    h("p", {}, "The framework's words: “", result.source.wording, "”"),
    h("p", {}, "The framework paragraphs this check relies on:"),
    h("ul", {}, result.citations.map((citation) => h("li", {}, ui.citation(citation.path, `${citation.heading} (${citation.anchor})`)))));
}

/** @param {Ui} ui */
function printButton({ h }) {
  const button = h("button", { type: "button", class: "md-button sccif-button" }, "Print this report");
  button.addEventListener("click", () => {
    document.documentElement.classList.add("sccif-print-occupancy");
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("sccif-print-occupancy"), { once: true });
    window.print();
  });
  return h("p", { class: "sccif-occupancy__input" }, button);
}
