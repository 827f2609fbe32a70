// The working-day calculator: the Nth working day after a date, in England.
//
// The answer comes from the Python core (sccif_core.workdays, "workdays.add"): this file only
// builds the form, sends what was typed as it was typed, and shows the answer. Dates are read,
// checked and written out in Python, so the page and the `sccif` command always agree.

const FIELDS = ["start", "days", "extra"];

export function mount(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);

  const start = ui.field({
    name: "start",
    label: "Start date",
    hint: "The day you count from, such as the last day of an inspection. It is not counted itself. For example, 24/12/2026",
    width: "date",
  });
  const days = ui.field({
    name: "days",
    label: "Number of working days",
    hint: "For example, 18 for the draft report",
    inputmode: "numeric",
    width: "number",
  });
  const extra = ui.field({
    name: "extra",
    label: "Extra non-working days (optional)",
    hint: "Any other days to leave out, such as a bank holiday announced after this site was built. Separate dates with commas, for example 8/5/2027, 10/5/2027",
  });
  const inputs = { start: start.input, days: days.input, extra: extra.input };
  const fields = { start, days, extra };

  const summary = ui.errorSummary();
  const status = ui.runtimeStatus(runtime, { what: "calculator" });
  const announcer = ui.announcer();
  const result = h("div", { class: "sccif-result", hidden: true });

  const extraDetails = h("details", { class: "sccif-details" }, h("summary", {}, "Add extra non-working days"), extra.element);
  const form = h(
    "form",
    { class: "sccif-form", novalidate: true, "aria-label": "Working-day calculator" },
    summary.element,
    start.element,
    days.element,
    extraDetails,
    h("button", { type: "submit", class: "md-button md-button--primary sccif-button" }, "Work out the date"),
  );
  const widget = h(
    "div",
    { class: "sccif-widget", "data-sccif-widget": true },
    status.element,
    form,
    result,
    announcer.element,
  );
  root.append(widget);

  let latest = 0; // only the newest request may show its answer
  let interrupted = null; // a request the runtime failed on, to run again after a restart

  async function run(request) {
    const seq = ++latest;
    summary.hide();
    for (const item of Object.values(fields)) item.setError(null);
    if (runtime.state !== "ready") {
      ui.replace(result, h("p", { class: "sccif-result__waiting" }, "Your answer will appear here as soon as the calculator has loaded."));
      result.hidden = false;
    }
    let answer;
    try {
      answer = await call("workdays.add", request);
    } catch (failure) {
      if (seq !== latest) return;
      interrupted = request;
      ui.replace(result, h("p", {}, "No answer yet: the calculator is not working. See the message above."));
      result.hidden = false;
      announcer.say(`The calculator could not work this out. ${ui.sentence(failure.message)}`);
      return;
    }
    if (seq !== latest) return;
    interrupted = null;
    if (answer.error) showError(answer.error);
    else showResult(answer.result);
  }

  function showError(error) {
    result.hidden = true;
    result.replaceChildren();
    const name = FIELDS.includes(error.field) ? error.field : null;
    if (name) fields[name].setError(error.problem);
    if (name === "extra") extraDetails.open = true;
    summary.show([{ text: error.problem, input: name ? inputs[name] : null }]);
  }

  function showResult(answer) {
    const headline = `${answer.days} working ${answer.days === 1 ? "day" : "days"} after ${answer.start_long} is ${answer.date_long}.`;
    const skipped = answer.skipped ?? [];
    const weekends = skipped.filter((day) => day.reason === "Saturday" || day.reason === "Sunday");
    const holidays = skipped.filter((day) => day.reason !== "Saturday" && day.reason !== "Sunday" && day.reason !== "extra non-working day");
    const extras = skipped.filter((day) => day.reason === "extra non-working day");
    const listOf = (items) => h("ul", {}, items.map((day) => h("li", {}, `${day.date_long}: ${day.reason}`)));

    ui.replace(
      result,
      h("h2", { class: "sccif-result__title" }, "Result"),
      h(
        "div",
        { class: "sccif-panel" },
        h("p", { class: "sccif-panel__lead" }, `${answer.days} working ${answer.days === 1 ? "day" : "days"} after ${answer.start_long} is`),
        h("p", { class: "sccif-panel__answer", "data-sccif-answer": answer.date }, answer.date_long),
      ),
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
        ? h(
            "details",
            { class: "sccif-details" },
            h("summary", {}, `Weekend days (${weekends.length})`),
            listOf(weekends),
          )
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
    );
    result.hidden = false;
    announcer.say(answer.provisional ? `${headline} This is provisional: bank holidays for ${answer.provisional_years.join(", ")} are not yet published.` : headline);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run({ start: inputs.start.value, days: inputs.days.value, extra: inputs.extra.value });
  });

  // After a restart, answer the question the crash interrupted, with the inputs as they are now.
  const stopListening = runtime.onChange(() => {
    if (runtime.state === "ready" && interrupted) {
      interrupted = null;
      run({ start: inputs.start.value, days: inputs.days.value, extra: inputs.extra.value });
    }
  });

  return () => {
    stopListening();
    status.destroy();
  };
}
