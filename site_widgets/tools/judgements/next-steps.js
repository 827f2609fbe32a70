// @ts-check
// "What happens next": after an overall inadequate judgement, or serious or widespread concerns
// at an assurance inspection, each step the framework sets out, dated by the core.

import { paragraphLink } from "../../lib/source-link.js";

/** @type {Record<string, string>} */
const CERTAINTY = {
  always: "Always: the framework says this happens",
  usually: "Usually: the framework says this is likely",
  possible: "Possible: one outcome the framework says may follow",
};

/** @param {any} when  a step's date, as the core gives it */
function whenText(when) {
  if (when.kind === "by") return `By ${when.date_long} (${when.words})`;
  if (when.kind === "window") return `${when.words[0].toUpperCase()}${when.words.slice(1)}: ${when.offset} after is ${when.date_from_long}; ${when.until} after is ${when.date_to_long}`;
  return "The framework gives no time limit.";
}

/** @param {typeof import("../../ui.js")} ui @param {{call: (name: string, payload?: any) => Promise<any>}} options */
export function nextStepsSection(ui, { call }) {
  const { h } = ui;
  const kindName = ui.id("sccif-judge-kind");
  const kindFull = /** @type {HTMLInputElement} */ (h("input", { type: "radio", class: "sccif-radio__input", id: `${kindName}-full`, name: kindName, value: "full", checked: true }));
  const kindAssurance = /** @type {HTMLInputElement} */ (h("input", { type: "radio", class: "sccif-radio__input", id: `${kindName}-assurance`, name: kindName, value: "assurance" }));
  const endField = ui.field({
    name: "end",
    label: "The day the inspection ended",
    hint: "For a full inspection, the last day (the day of feedback counts as the last day). For an assurance inspection, the day of the visit. For example, 18/12/2026",
    width: "date",
  });
  const summary = ui.errorSummary();
  const result = h("div", { class: "sccif-result", hidden: true });
  const form = h(
    "form",
    { class: "sccif-form", novalidate: true, "aria-labelledby": "sccif-judge-next-title" },
    summary.element,
    h(
      "fieldset",
      { class: "sccif-fieldset" },
      h("legend", { class: "sccif-fieldset__legend" }, "What happened"),
      h("div", { class: "sccif-radio" }, kindFull, h("label", { class: "sccif-radio__label", for: kindFull.id }, "The overall experiences and progress of children was judged inadequate at a full inspection")),
      h("div", { class: "sccif-radio" }, kindAssurance, h("label", { class: "sccif-radio__label", for: kindAssurance.id }, "An assurance inspection found serious or widespread concerns")),
    ),
    endField.element,
    h("button", { type: "submit", class: "md-button md-button--primary sccif-button" }, "Show what happens next"),
  );
  const element = h(
    "section",
    { class: "sccif-judge__next", id: "sccif-judge-next", "aria-labelledby": "sccif-judge-next-title", tabindex: "-1" },
    h("h2", { id: "sccif-judge-next-title" }, "What happens next"),
    h("p", {}, "The steps the framework sets out after an overall inadequate judgement, or after serious or widespread concerns at an assurance inspection. Give the day the inspection ended to see dates."),
    form,
    result,
  );

  /** @param {any} data  judge.next_steps */
  function showSteps(data) {
    const provisional = data.steps.filter((/** @type {any} */ s) => s.when.provisional);
    const heading = h("h3", { class: "sccif-judge__next-title", tabindex: "-1" }, `After ${data.end_long}`);
    ui.replace(
      result,
      heading,
      h("p", {}, data.trigger, `. Counted from ${data.end_means}.`),
      provisional.length ? h("div", { class: "sccif-warning" }, h("p", {}, h("strong", {}, "Provisional. "), "Some dates rely on bank holidays GOV.UK has not published yet, so they could still change.")) : null,
      h(
        "ol",
        { class: "sccif-steps" },
        data.steps.map((/** @type {any} */ step) =>
          h(
            "li",
            { class: `sccif-step sccif-step--${step.certainty}`, "data-step": step.key },
            h("p", { class: "sccif-step__label" }, step.label),
            h("p", { class: "sccif-step__certainty" }, CERTAINTY[step.certainty]),
            h("p", { class: "sccif-step__when", "data-date": step.when.date ?? step.when.date_to ?? "" }, whenText(step.when)),
            h("blockquote", {}, h("p", {}, step.text)),
            step.note ? h("p", { class: "sccif-step__note" }, `Note: ${step.note}`) : null,
            step.conditions?.length
              ? h("div", { class: "sccif-step__conditions" }, h("p", {}, "Only if every one of these holds:"), h("ul", {}, step.conditions.map((/** @type {any} */ c) => h("li", {}, h("q", {}, c.text), " ", paragraphLink(ui, c.source_path, "source")))))
              : null,
            step.otherwise ? h("p", { class: "sccif-step__otherwise" }, "Otherwise: ", h("q", {}, step.otherwise.text), " ", paragraphLink(ui, step.otherwise.source_path, "source")) : null,
            h("p", { class: "sccif-rule-card__source" }, paragraphLink(ui, step.source_path)),
          ),
        ),
      ),
      h("p", { class: "sccif-hint" }, "Working days skip weekends and bank holidays in England and Wales; the day the inspection ended is not counted, as in the framework's day tables. Weeks are calendar weeks."),
    );
    result.hidden = false;
    // The answer first: the reader asked for it, so focus (and the screen) goes to it. That is how
    // it is heard, so no live region says it again.
    heading.focus();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    summary.hide();
    endField.setError(null);
    const kind = kindAssurance.checked ? "assurance" : "full";
    const end = endField.input.value;
    if (!end.trim()) {
      endField.setError("enter the day the inspection ended, like 18/12/2026.");
      summary.show([{ text: "enter the day the inspection ended, like 18/12/2026.", input: endField.input }]);
      return;
    }
    let reply;
    try {
      reply = await call("judge.next_steps", { kind, end });
    } catch {
      ui.replace(result, h("p", {}, "No answer yet: the explorer is not working. See the message above."));
      result.hidden = false;
      return;
    }
    if (reply.error) {
      endField.setError(reply.error.problem);
      summary.show([{ text: reply.error.problem, input: endField.input }]);
      result.hidden = true;
      return;
    }
    showSteps(reply.result);
  });

  /** A click handler for a link to this section that also picks what happened. */
  /** @param {string} kind */
  function goTo(kind) {
    return (/** @type {Event} */ event) => {
      event.preventDefault();
      event.stopPropagation();
      (kind === "assurance" ? kindAssurance : kindFull).checked = true;
      element.scrollIntoView({ block: "start" });
      endField.input.focus();
    };
  }

  return { element, goTo };
}
