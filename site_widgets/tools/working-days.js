// @ts-check
// The working-day calculator: the Nth working day after a date, in England.
//
// The answer comes from the Python core (sccif_core.workdays, "workdays.add"): this file only
// builds the form, sends what was typed as it was typed, and shows the answer. Dates are read,
// checked and written out in Python, so the page and the `sccif` command always agree.
// Each state is announced once, by moving focus to its heading: the answer (the heading is the
// answer itself), the error summary, waiting for the calculator, or no answer.

import { lifecycle, resultArea } from "../lib/request.js";

/** @typedef {import("../lib/request.js").Problem} Problem */

/**
 * @param {HTMLElement} root
 * @param {{call: (name: string, payload?: any) => Promise<any>, runtime: import("../ui.js").Runtime, ui: typeof import("../ui.js")}} context
 */
export function mount(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);

  const fields = {
    start: ui.field({
      name: "start",
      label: "Start date",
      hint: "The day you count from, such as the last day of an inspection. It is not counted itself. For example, 24/12/2026",
      width: "date",
    }),
    days: ui.field({
      name: "days",
      label: "Number of working days",
      hint: "For example, 18 for the draft report",
      inputmode: "numeric",
      width: "number",
    }),
    extra: ui.field({
      name: "extra",
      label: "Extra non-working days (optional)",
      hint: "Any other days to leave out, such as a bank holiday announced after this site was built. Separate dates with commas, for example 8/5/2027, 10/5/2027",
    }),
  };

  const summary = ui.errorSummary();
  const status = ui.runtimeStatus(runtime, { what: "calculator" });
  const result = h("div", { class: "sccif-result", hidden: true });

  const extraDetails = h("details", { class: "sccif-details" }, h("summary", {}, "Add extra non-working days"), fields.extra.element);
  const form = h(
    "form",
    { class: "sccif-form", novalidate: true, "aria-label": "Working-day calculator" },
    summary.element,
    fields.start.element,
    fields.days.element,
    extraDetails,
    h("button", { type: "submit", class: "md-button md-button--primary sccif-button" }, "Work out the date"),
  );
  root.append(h("div", { class: "sccif-widget", "data-sccif-widget": true }, status.element, form, result));

  const states = resultArea(result);

  const requests = lifecycle({
    runtime,
    form,
    read: () => ({ start: fields.start.input.value, days: fields.days.input.value, extra: fields.extra.input.value }),
    send: (payload) => {
      summary.hide();
      for (const item of Object.values(fields)) item.setError(null);
      return call("workdays.add", payload);
    },
    waiting: (run) => states.notice(run, "Waiting for the calculator", "Your answer will appear here as soon as the calculator has loaded."),
    failed: (reason, run) => states.notice(run, "No answer yet", `The calculator is not working. ${ui.sentence(reason)} See the message above.`),
    problems: showProblems,
    answered: showResult,
  });

  /** @param {Problem[]} problems */
  function showProblems(problems) {
    states.clear();
    const items = problems.map((problem) => {
      const item = problem.field && Object.hasOwn(fields, problem.field) ? fields[/** @type {keyof typeof fields} */ (problem.field)] : null;
      item?.setError(problem.problem);
      if (item === fields.extra) extraDetails.open = true;
      return { text: item ? problem.problem : problem.message ?? problem.problem, input: item?.input ?? null };
    });
    summary.show(items);
  }

  /** @param {any} answer @param {import("../lib/request.js").Run} run */
  function showResult(answer, run) {
    const skipped = /** @type {{date_long: string, reason: string}[]} */ (answer.skipped ?? []);
    const isWeekend = (/** @type {{reason: string}} */ day) => day.reason === "Saturday" || day.reason === "Sunday";
    const weekends = skipped.filter(isWeekend);
    const extras = skipped.filter((day) => day.reason === "extra non-working day");
    const holidays = skipped.filter((day) => !isWeekend(day) && day.reason !== "extra non-working day");
    const listOf = (/** @type {typeof skipped} */ items) => h("ul", {}, items.map((day) => h("li", {}, `${day.date_long}: ${day.reason}`)));

    // The heading is the answer, so focus on it says the whole answer once.
    const heading = h(
      "h2",
      { class: "sccif-panel__heading" },
      h("span", { class: "sccif-panel__lead" }, `${answer.days} working ${answer.days === 1 ? "day" : "days"} after ${answer.start_long} is `),
      h("span", { class: "sccif-panel__answer", "data-sccif-answer": answer.date }, answer.date_long),
    );
    states.show(run, heading, [
      h("div", { class: "sccif-panel" }, heading),
      answer.provisional
        ? h(
            "div",
            { class: "sccif-warning" },
            h("p", {}, h("strong", {}, "Provisional. "),
              `This answer relies on bank holidays for ${answer.provisional_years.join(", ")}. `,
              `GOV.UK has only published them up to ${answer.published_until}, so they could still change. `,
              "Check again nearer the time, or add any new bank holiday as an extra non-working day."),
          )
        : null,
      h("h3", {}, "Days not counted"),
      skipped.length === 0 ? h("p", {}, "None: every day in this period is a working day.") : null,
      holidays.length ? [h("p", {}, `Bank holidays (${holidays.length}):`), listOf(holidays)] : null,
      extras.length ? [h("p", {}, `Extra non-working days you added (${extras.length}):`), listOf(extras)] : null,
      weekends.length
        ? h("details", { class: "sccif-details" }, h("summary", {}, `Weekend days (${weekends.length})`), listOf(weekends))
        : null,
      h("h3", {}, "How this was worked out"),
      h("p", {}, answer.interpretation),
      h(
        "p",
        { class: "sccif-rule" },
        "The framework: “",
        answer.rule,
        "” ",
        ui.citation(answer.source_path, "See the timeframe table in the framework"),
        ".",
      ),
    ]);
  }

  return () => {
    requests.destroy();
    status.destroy();
  };
}
