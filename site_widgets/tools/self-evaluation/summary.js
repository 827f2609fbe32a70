// @ts-check
// The summary: no grade, the counts, the items marked "needs work" by group, and the rules the
// framework ties to the reader's answers about the manager and staff, all from "prepare.summary".

import { contentsLink, quoteBlock } from "./form.js";
import { paragraphLink } from "../../lib/source-link.js";
import { safeId } from "./work.js";

/** @param {typeof import("../../ui.js").h} h @param {typeof import("../../ui.js")} ui @param {any} reminder */
function ruleCards(h, ui, reminder) {
  return reminder.quotes.map((/** @type {any} */ quote) =>
    h(
      "div",
      { class: `sccif-prep__rule${quote.exception ? " sccif-prep__rule--exception" : ""}` },
      h("p", { class: "sccif-prep__rule-kind" }, quote.exception ? "The framework's exception" : "The framework says"),
      h("blockquote", {}, h("p", {}, quote.text)),
      h(
        "ul",
        { class: "sccif-prep__rule-list" },
        quote.rules.map((/** @type {any} */ rule) =>
          h("li", { "data-rule": rule.id, "data-strength": rule.strength }, h("strong", {}, rule.strength === "always" ? "Hard limit: " : "Tendency: "), rule.summary),
        ),
      ),
      h("p", {}, paragraphLink(ui, quote.source_path)),
    ),
  );
}

/**
 * Fill box with the summary. With openGroup (the page, not the printable view), item names and
 * questions are links to them.
 */
/**
 * @param {HTMLElement} box @param {any} data  prepare.summary
 * @param {{h: typeof import("../../ui.js").h, ui: typeof import("../../ui.js"), openGroup?: ((key: string) => void) | null}} parts
 */
export function renderSummary(box, data, { h, ui, openGroup = null }) {
  const c = data.counts;
  /** @type {HTMLElement[]} */
  const parts = [
    h("p", { class: "sccif-prep__no-grade" }, data.no_grade),
    quoteBlock(h, ui, data.not_a_checklist[0], "How inspectors use the evaluation criteria"),
    h("p", { "data-sccif-prep-counts": "" }, `Items: ${c.total}. Strong: ${c.strong}. Adequate: ${c.adequate}. Needs work: ${c["needs-work"]}. Not relevant here: ${c["not-relevant"]}. Not assessed yet: ${c[""]}.`),
    h("h3", {}, "Marked \u201cneeds work\u201d"),
  ];
  const groups = data.groups.filter((/** @type {any} */ g) => g.needs_work.length);
  if (!groups.length) parts.push(h("p", {}, "Nothing is marked \u201cneeds work\u201d."));
  for (const group of groups) {
    parts.push(
      h("h4", {}, group.title),
      h(
        "ul",
        { class: "sccif-prep__needs-work", "data-sccif-prep-needs-work": group.key },
        group.needs_work.map((/** @type {any} */ item) =>
          h(
            "li",
            { "data-item": item.id },
            openGroup
              ? contentsLink(h, `sccif-prep-${safeId(item.id)}-item`, item.label, () => openGroup(group.key))
              : h("strong", {}, item.label),
            ": ",
            item.text,
            item.notes ? h("p", { class: "sccif-prep__note" }, h("span", { class: "sccif-prep__note-label" }, "Your notes: "), item.notes) : null,
          ),
        ),
      ),
    );
  }
  parts.push(h("h3", {}, "Rules the framework ties to your answers"));
  if (!data.reminders.length) parts.push(h("p", {}, "None: no question about your manager or staff qualifications is answered \u201cYes\u201d."));
  for (const reminder of data.reminders) {
    parts.push(
      h(
        "div",
        { class: "sccif-prep__reminder", "data-finding": reminder.finding },
        h("p", { class: "sccif-prep__reminder-question" }, h("strong", {}, reminder.question), " You answered yes."),
        ruleCards(h, ui, reminder),
        reminder.considerations.map((/** @type {any} */ p) =>
          h("div", { class: "sccif-prep__rule" }, h("p", { class: "sccif-prep__rule-kind" }, "Also"), h("blockquote", {}, h("p", {}, p.text)), h("p", {}, paragraphLink(ui, p.source_path))),
        ),
      ),
    );
  }
  for (const prompt of data.prompts) {
    parts.push(
      h(
        "p",
        { class: "sccif-prep__prompt", "data-prompt": prompt.finding },
        `You marked ${prompt.items.length === 1 ? "an item" : "items"} about this as needing work. The framework has a rule for it: `,
        openGroup ? contentsLink(h, `sccif-prep-finding-${prompt.finding}-set`, prompt.question, null) : prompt.question,
      ),
    );
  }
  ui.replace(box, parts);
}
