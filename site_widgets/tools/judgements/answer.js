// @ts-check
// "What the framework allows", in full: the grade scales for the overall judgement and for
// leaders and managers, any conflict with a hard limit, and every rule that applies, quoted.

import { GRADE_KEYS, GRADE_LABEL, JUDGEMENT_TITLE } from "./data.js";
import { kindOf, ruleCard } from "./rule-card.js";
import { paragraphLink } from "../../lib/source-link.js";

const SHOWN = ["overall-experiences", "leaders-and-managers"];

/** @param {typeof import("../../ui.js")} ui */
export function answerSection(ui) {
  const { h } = ui;
  const element = h("section", { class: "sccif-judge__answer", "aria-labelledby": "sccif-judge-answer-title" });
  const title = () => h("h2", { id: "sccif-judge-answer-title", tabindex: "-1" }, "Every rule that applies");
  ui.replace(element, title(), h("p", { class: "sccif-result__waiting" }, "The answer will appear here as soon as the explorer has loaded."));

  /** @param {string} key @param {any} outlook */
  function gradeScale(key, outlook) {
    return h(
      "ul",
      { class: "sccif-scale", "aria-label": `Grades for ${JUDGEMENT_TITLE[key].toLowerCase()}, best to worst` },
      GRADE_KEYS.map((grade) => {
        const allowed = outlook.allowed.includes(grade);
        const usual = allowed && outlook.usual.includes(grade) && outlook.usual.length < outlook.allowed.length;
        const state = !allowed ? "ruled-out" : usual ? "usual" : "allowed";
        const tag = !allowed ? "Ruled out: a hard limit" : usual ? "Allowed, and usual here: a tendency" : "Allowed";
        return h(
          "li",
          { class: `sccif-scale__grade sccif-scale__grade--${state}`, "data-grade": grade, "data-state": state },
          h("span", { class: "sccif-scale__icon", "aria-hidden": "true" }, !allowed ? "✕" : usual ? "★" : "✓"),
          h(
            "span",
            { class: "sccif-scale__body" },
            h("span", { class: "sccif-scale__name" }, GRADE_LABEL[grade]),
            outlook.given === grade ? h("span", { class: "sccif-scale__given" }, "Your grade") : null,
            h("span", { class: "sccif-scale__tag" }, tag),
          ),
        );
      }),
    );
  }

  /** @param {any} passage */
  function passageItem(passage) {
    return h(
      "li",
      {},
      h("blockquote", {}, h("p", {}, passage.text)),
      h("p", { class: "sccif-rule-card__source" }, paragraphLink(ui, passage.source_path)),
    );
  }

  /** @param {any} rule */
  function ruleItem(rule) {
    const extra = rule.see_also.length
      ? [" (also ", rule.see_also.map((/** @type {any} */ item, /** @type {number} */ i) => [i ? ", " : "", ui.citation(item.source_path, `paragraph ${i + 2}`)]), ")"]
      : null;
    return ruleCard(ui, rule, { extra });
  }

  /** result: judge.evaluate. onNext: follow "See what happens after an overall inadequate judgement". */
  /** @param {any} result  judge.evaluate @param {(event: Event) => void} onNext */
  function show(result, onNext) {
    /** @param {string} kind */
    const ofKind = (kind) => result.rule_details.filter((/** @type {any} */ r) => kindOf(r) === kind);
    const limits = ofKind("limit");
    const tendencies = ofKind("tendency");
    const special = ofKind("special");
    const conflicts = result.conflicts;
    const byId = Object.fromEntries(result.rule_details.map((/** @type {any} */ r) => [r.id, r]));
    ui.replace(
      element,
      title(),
      h("p", { class: "sccif-judge__best-fit" }, result.best_fit),
      conflicts.length
        ? h(
            "div",
            { class: "sccif-warning sccif-judge__conflicts", "data-sccif-conflicts": String(conflicts.length) },
            h("p", {}, h("strong", {}, conflicts.length === 1 ? "A conflict with a hard limit" : `${conflicts.length} conflicts with hard limits`)),
            h(
              "ul",
              {},
              conflicts.map((/** @type {any} */ conflict) => h("li", {}, conflict.message, " ", conflict.rules.map((/** @type {string} */ id, /** @type {number} */ i) => [i ? ", " : "", ui.citation(byId[id]?.source_path, "see the rule")]))),
            ),
          )
        : null,
      h(
        "div",
        { class: "sccif-judge__outlooks" },
        SHOWN.map((key) => {
          const outlook = result.judgements[key];
          return h(
            "div",
            { class: "sccif-outlook", "data-judgement": key },
            h("h3", {}, JUDGEMENT_TITLE[key]),
            outlook.allowed.length ? gradeScale(key, outlook) : h("p", { class: "sccif-outlook__none" }, "No judgement is made."),
            outlook.sentences.map((/** @type {string} */ line) => h("p", { class: "sccif-outlook__sentence" }, line)),
          );
        }),
      ),
      h("h3", {}, "Rules that apply"),
      result.rule_details.length === 0
        ? h("p", { "data-sccif-no-rules": true }, "None. No rule limits these judgements for what you have chosen: any grade is possible, by best fit.")
        : null,
      limits.length ? [h("h4", {}, "Hard limits: the framework says always, never, cannot or certainly"), h("ul", { class: "sccif-rule-list" }, limits.map(ruleItem))] : null,
      tendencies.length ? [h("h4", {}, "Tendencies: the framework says likely, usually or unlikely"), h("ul", { class: "sccif-rule-list" }, tendencies.map(ruleItem))] : null,
      special.length ? [h("h4", {}, "Special cases"), h("ul", { class: "sccif-rule-list" }, special.map(ruleItem))] : null,
      result.considerations.length ? [h("h3", {}, "Taken into account, with no limit"), h("ul", { class: "sccif-passages" }, result.considerations.map(passageItem))] : null,
      h("details", { class: "sccif-details" }, h("summary", {}, "Why this is best fit, not a checklist"), h("ul", { class: "sccif-passages" }, result.principles.map(passageItem))),
      result.next_steps_apply
        ? h("p", {}, h("a", { href: "#sccif-judge-next", class: "sccif-judge__next-link", on: { click: onNext } }, "See what happens after an overall inadequate judgement"))
        : null,
    );
  }

  /** @param {string} text */
  function showProblem(text, { alert = false } = {}) {
    ui.replace(element, title(), alert ? h("div", { class: "sccif-warning", role: "alert" }, h("p", {}, text)) : h("p", {}, text));
  }

  return { element, show, showProblem };
}
