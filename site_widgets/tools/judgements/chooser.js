// @ts-check
// "Choose what you know": the grades and findings, each with what it does shown right beside it
// as the reader changes it, and a short summary ("The overall grade can be: …") that stays in
// view at the bottom of the screen while the form is. Nothing here takes focus: the summary is
// also said politely by the page's live region.

import { DATA, GRADE_LABEL, valuesFor } from "./data.js";

const NOT_JUDGED_HINT = "“Not judged” is only for a full reinspection after an overall inadequate judgement.";
/** @type {Record<string, string>} */
const KIND_WORD = { limit: "Hard limit", tendency: "Tendency", special: "Special case" };

/** @param {typeof import("../../ui.js")} ui @param {import("./address.js").ExplorerState} initial */
export function chooser(ui, initial) {
  const { h } = ui;
  /** @type {Record<string, HTMLSelectElement>} */
  const selects = {};
  /** @type {Record<string, HTMLInputElement>} */
  const boxes = {};
  /** @type {Record<string, HTMLElement>} */
  const effects = {}; // control key -> the element beside it

  /** @param {string} key */
  function effectSlot(key) {
    effects[key] = h("div", { class: "sccif-judge__effect", "data-sccif-effect": key, hidden: true });
    return effects[key];
  }

  const gradeFields = DATA.judgements.map(([key, title]) => {
    const selectId = ui.id(`sccif-judge-${key}`);
    const select = /** @type {HTMLSelectElement} */ (h(
      "select",
      { class: "sccif-select", id: selectId, name: key },
      h("option", { value: "" }, "Not known"),
      valuesFor(key).map((value) => h("option", { value }, GRADE_LABEL[value])),
    ));
    select.value = initial.grades[key] ?? "";
    selects[key] = select;
    const canBeNotJudged = valuesFor(key).length > DATA.grades.length;
    const hint = canBeNotJudged ? h("div", { class: "sccif-hint", id: `${selectId}-hint` }, NOT_JUDGED_HINT) : null;
    if (hint) select.setAttribute("aria-describedby", hint.id);
    return h("div", { class: "sccif-field", "data-control": key }, h("label", { class: "sccif-label", for: selectId }, title), hint, select, effectSlot(key));
  });

  const conditionFields = DATA.conditions.map(([key, label, needs]) => {
    const boxId = ui.id(`sccif-judge-${key}`);
    const box = /** @type {HTMLInputElement} */ (h("input", { type: "checkbox", class: "sccif-checkbox__input", id: boxId, name: "conditions", value: key }));
    box.checked = initial.conditions.includes(key);
    boxes[key] = box;
    return h(
      "div",
      { class: `sccif-judge__finding${needs ? " sccif-judge__finding--nested" : ""}`, "data-control": key },
      h("div", { class: "sccif-checkbox" }, box, h("label", { class: "sccif-checkbox__label", for: boxId }, label)),
      effectSlot(key),
    );
  });

  const summaryText = h("div", { class: "sccif-judge__summary-text", "data-sccif-summary": "" }, h("p", {}, "The answer will appear here as soon as the explorer has loaded."));
  const summary = h(
    "div",
    { class: "sccif-judge__summary", "aria-labelledby": "sccif-judge-summary-title", role: "group" },
    h(
      "div",
      { class: "sccif-judge__summary-head" },
      h("p", { class: "sccif-judge__summary-title", id: "sccif-judge-summary-title" }, "What the framework allows"),
      h("p", { class: "sccif-judge__summary-more" }, h("a", { href: "#sccif-judge-answer-title" }, "All the rules, quoted")),
    ),
    summaryText,
  );

  const shareId = ui.id("sccif-judge-share");
  const share = /** @type {HTMLInputElement} */ (h("input", { class: "sccif-input", id: shareId, type: "text", readonly: true, "aria-describedby": `${shareId}-hint` }));
  const copyButton = h("button", { type: "button", class: "md-button sccif-button" }, "Copy link");
  const copied = h("span", { class: "sccif-judge__copied", role: "status" });
  const clearButton = h("button", { type: "button", class: "md-button sccif-button" }, "Clear all choices");

  const form = h(
    "form",
    { class: "sccif-form sccif-judge__chooser", novalidate: true, "aria-labelledby": "sccif-judge-choose-title" },
    h("h2", { id: "sccif-judge-choose-title" }, "Choose what you know"),
    h("p", {}, "Leave a grade as “Not known” if you do not know it. What each choice does shows beside it as you choose."),
    h("fieldset", { class: "sccif-fieldset" }, h("legend", { class: "sccif-fieldset__legend" }, "Grades"), gradeFields),
    h(
      "fieldset",
      { class: "sccif-fieldset" },
      h("legend", { class: "sccif-fieldset__legend" }, "Findings about the manager and staff, and special cases"),
      conditionFields,
    ),
    summary,
    h(
      "div",
      { class: "sccif-field" },
      h("label", { class: "sccif-label", for: shareId }, "Link to these choices"),
      h("div", { class: "sccif-hint", id: `${shareId}-hint` }, "The link holds your grades and findings only, never your notes."),
      share,
      h("div", { class: "sccif-judge__actions" }, copyButton, copied),
    ),
    clearButton,
  );

  copyButton.addEventListener("click", async () => {
    share.select();
    try {
      await navigator.clipboard.writeText(share.value);
      copied.textContent = "Link copied.";
    } catch {
      copied.textContent = "Select the link and copy it (Ctrl+C, or Cmd+C on a Mac).";
    }
  });

  /** The grades and findings chosen now. */
  function state() {
    /** @type {Record<string, string>} */
    const grades = {};
    for (const [key, select] of Object.entries(selects)) if (select.value) grades[key] = select.value;
    const conditions = DATA.conditions.map(([key]) => key).filter((key) => boxes[key].checked && !boxes[key].disabled);
    return { grades, conditions };
  }

  /** A finding that only means something with another one can only be ticked with it. */
  function syncNested() {
    for (const [key, , needs] of DATA.conditions) {
      if (!needs) continue;
      const on = boxes[needs].checked;
      boxes[key].disabled = !on;
      if (!on) boxes[key].checked = false;
    }
  }

  function clear() {
    for (const select of Object.values(selects)) select.value = "";
    for (const box of Object.values(boxes)) box.checked = false;
  }

  /** @param {any} rule  one of judge.evaluate's rule_details */
  function effectLine(rule) {
    const kind = rule.kind ?? "limit";
    return h(
      "p",
      { class: `sccif-judge__effect-line sccif-judge__effect-line--${kind}`, "data-effect-rule": rule.id },
      h("strong", {}, `${KIND_WORD[kind]}: `),
      rule.consequence,
      " ",
      rule.words ? ["The framework says ", ui.citation(rule.source_path, `“${rule.words}”`), "."] : ui.citation(rule.source_path, "Read the rule"),
    );
  }

  /** Beside each control: what the core says that choice does. @param {any} result  judge.evaluate */
  function showEffects(result) {
    const byId = Object.fromEntries(result.rule_details.map((/** @type {any} */ rule) => [rule.id, rule]));
    for (const [key, slot] of Object.entries(effects)) {
      const effect = result.effects?.[key];
      if (!effect) {
        slot.hidden = true;
        slot.replaceChildren();
        continue;
      }
      ui.replace(
        slot,
        effect.rules.map((/** @type {string} */ id) => effectLine(byId[id])),
        effect.given ? h("p", { class: "sccif-judge__effect-given" }, effect.given) : null,
        effect.idle ? h("p", { class: "sccif-judge__effect-idle" }, effect.idle) : null,
      );
      slot.hidden = false;
    }
  }

  /** The short answer at the bottom of the form: "The overall grade can be: …". @param {any} result @param {number} conflicts */
  function showSummary(result, conflicts) {
    const lines = ["overall-experiences", "leaders-and-managers"].map((key) => result.judgements[key].can_be);
    ui.replace(
      summaryText,
      lines.map((line) => h("p", {}, line)),
      conflicts ? h("p", { class: "sccif-judge__summary-conflict" }, h("strong", {}, conflicts === 1 ? "One of your grades breaks a hard limit." : `${conflicts} of your grades break hard limits.`)) : null,
    );
    return [...lines, conflicts ? (conflicts === 1 ? "One of your grades breaks a hard limit." : `${conflicts} of your grades break hard limits.`) : ""].join(" ");
  }

  /**
   * Bring what a choice did into view above the summary, if it is not, without moving the control
   * itself under the page's header. Focus stays where the reader put it.
   */
  /** @param {string} key */
  function reveal(key) {
    const slot = effects[key];
    if (!slot || slot.hidden) return;
    const field = slot.closest("[data-control]") ?? slot;
    const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
    const floor = Math.min(window.innerHeight, summary.getBoundingClientRect().top) - 8;
    const below = slot.getBoundingClientRect().bottom - floor;
    const room = field.getBoundingClientRect().top - header - 8;
    const by = Math.min(below, room);
    if (below > 0 && by > 0) window.scrollBy({ top: by, behavior: "instant" });
  }

  /** @param {string} text */
  function showWaiting(text) {
    ui.replace(summaryText, h("p", {}, text));
    for (const slot of Object.values(effects)) {
      slot.hidden = true;
      slot.replaceChildren();
    }
  }

  return { element: form, share, clearButton, state, syncNested, clear, showEffects, showSummary, showWaiting, reveal };
}
