// @ts-check
// The printable view: the summary, then every item with the reader's work. Kept up to date with
// the summary, so the browser's own Print (Ctrl+P) prints it at once (see preparation.css).

import { renderSummary } from "./summary.js";
import { entryOf, whenWords } from "./work.js";

/**
 * @param {HTMLElement} view
 * @param {{h: typeof import("../../ui.js").h, ui: typeof import("../../ui.js"), structure: any, work: import("./work.js").Work, summary: any}} parts
 */
export function renderPrint(view, { h, ui, structure, work, summary }) {
  const labels = Object.fromEntries([["", "Not assessed yet"], ...structure.assessments.map((/** @type {any} */ a) => [a.key, a.label])]);
  const answers = Object.fromEntries(structure.answers.map((/** @type {any} */ a) => [a.key, a.label]));
  const summaryBox = h("div");
  renderSummary(summaryBox, summary, { h, ui });
  /** @type {HTMLElement[]} */
  const parts = [
    h("h2", {}, "Self-evaluation against the SCCIF for secure children's homes"),
    h("p", {}, `Printed ${whenWords(new Date().toISOString())}. Made on this device by the self-evaluation page; not an Ofsted document.`),
    h("h2", {}, "Summary"),
    summaryBox,
  ];
  for (const group of structure.groups) {
    parts.push(h("h2", {}, group.title));
    for (const part of group.parts) {
      parts.push(h("h3", {}, part.title));
      for (const item of part.items) {
        const values = entryOf(work, item.id);
        parts.push(
          h(
            "div",
            { class: "sccif-prep-print__item", "data-item": item.id },
            h("h4", {}, item.label),
            h("blockquote", {}, h("p", {}, item.text), item.points.length ? h("ul", {}, item.points.map((/** @type {any} */ p) => h("li", {}, p.text))) : null),
            h("p", {}, h("strong", {}, "Self-assessment: "), labels[values.assessment] ?? ""),
            values.evidence ? h("p", {}, h("strong", {}, "Where the evidence is kept: "), values.evidence) : null,
            values.initials ? h("p", {}, h("strong", {}, "Children (initials only): "), values.initials) : null,
            values.notes ? h("div", { class: "sccif-prep-print__notes" }, h("strong", {}, "Notes:"), h("p", {}, values.notes)) : null,
          ),
        );
      }
    }
  }
  parts.push(h("h2", {}, "Your manager and staff qualifications"));
  parts.push(h("ul", {}, structure.findings.map((/** @type {any} */ f) => h("li", {}, f.question, " ", h("strong", {}, answers[work.findings[f.key] ?? ""] ?? "")))));
  ui.replace(view, parts);
}
