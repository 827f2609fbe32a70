// @ts-check
// A rule in the framework's words, as the explorer and the practice questions show it: what
// kind of rule it is, the quote with the words that make it a hard limit or a tendency marked,
// and a link to its paragraph. One passage can hold both ("likely to lead to a judgement of
// inadequate, and certainly no more than requires improvement"): each card names its own words.

import { paragraphLink } from "../../lib/source-link.js";

/** @type {Record<string, string>} */
const KIND_LABEL = { limit: "Hard limit (always)", tendency: "Tendency (usually)", special: "Special case" };
/** @type {Record<string, string>} */
const WORDS_MAKE = { limit: "The words that make it a hard limit", tendency: "The words that make it a tendency", special: "The words that decide it" };

/** @typedef {typeof import("../../ui.js").h} H */

/** "limit", "tendency" or "special", from the core's fields. @param {any} rule  a rule as the core gives it */
export function kindOf(rule) {
  if (rule.kind) return rule.kind;
  if (rule.effect === "not-judged" || rule.effect === "no-judgement") return "special";
  return rule.strength === "always" ? "limit" : "tendency";
}

/** A paragraph of framework words with `words` (if found in it) marked. @param {H} h @param {string} text @param {string | null} words */
export function markedText(h, text, words) {
  const at = words ? text.indexOf(words) : -1;
  if (!words || at < 0) return h("p", {}, text);
  return h("p", {}, text.slice(0, at), h("strong", { class: "sccif-words" }, words), text.slice(at + words.length));
}

/** The quote: the lead-in sentence (if any) and the rule's words, with its deciding words marked. @param {H} h @param {any} rule */
export function ruleQuote(h, rule) {
  return h(
    "blockquote",
    { class: "sccif-rule-card__quote" },
    rule.lead ? markedText(h, rule.lead.text, rule.words) : null,
    markedText(h, rule.text, rule.lead?.text.includes(rule.words) ? null : rule.words),
  );
}

/**
 * "The words that make it a hard limit: “certainly no more than requires improvement”." and an optional link.
 * @param {H} h @param {any} rule @param {HTMLElement | null} [link]
 */
export function decidingWords(h, rule, link = null) {
  if (!rule.words) return null;
  return h("p", { class: "sccif-rule-card__words" }, `${WORDS_MAKE[kindOf(rule)]}: “${rule.words}”.`, link ? [" ", link] : null);
}

/**
 * The whole card. path: the link to the rule's paragraph.
 * @param {typeof import("../../ui.js")} ui @param {any} rule
 * @param {{path?: string, summary?: string | null, extra?: import("../../ui.js").Child}} [options]
 */
export function ruleCard(ui, rule, { path = rule.source_path, summary = rule.summary, extra = null } = {}) {
  const { h } = ui;
  const kind = kindOf(rule);
  return h(
    "li",
    { class: `sccif-rule-card sccif-rule-card--${kind}`, "data-rule": rule.id },
    h("p", { class: "sccif-rule-card__kind" }, KIND_LABEL[kind]),
    summary ? h("p", { class: "sccif-rule-card__summary" }, summary) : null,
    ruleQuote(h, rule),
    decidingWords(h, rule),
    h("p", { class: "sccif-rule-card__source" }, paragraphLink(ui, path), extra),
  );
}
