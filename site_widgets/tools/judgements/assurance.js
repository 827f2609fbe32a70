// @ts-check
// "Assurance inspections: one outcome": no grades, the single judgement, the three areas
// inspectors look at and what the report states, each in the framework's words.

import { paragraphLink, sourceNote } from "../../lib/source-link.js";

/** @param {typeof import("../../ui.js")} ui @param {{goToNext: (to: string) => (event: Event) => void}} options */
export function assuranceSection(ui, { goToNext }) {
  const { h } = ui;
  const body = h("div", {}, h("p", { class: "sccif-result__waiting" }, "The assurance areas will appear here as soon as the explorer has loaded."));
  const element = h(
    "section",
    { class: "sccif-judge__assurance", "aria-labelledby": "sccif-judge-assurance-title" },
    h("h2", { id: "sccif-judge-assurance-title" }, "Assurance inspections: one outcome"),
    body,
  );

  /** @param {any} data  judge.assurance */
  function show(data) {
    ui.replace(
      body,
      h("p", {}, "An assurance inspection gives no grades. ", h("q", {}, data.single_judgement.text), " ", sourceNote(ui, data.single_judgement.source_path, "an assurance inspection's single judgement")),
      h("ul", { class: "sccif-outcomes" }, data.outcomes.map((/** @type {any} */ o) => h("li", { "data-outcome": o.key }, o.text, " ", sourceNote(ui, o.source_path, `outcome: ${o.text}`)))),
      h("ul", { class: "sccif-passages" }, data.not_a_checklist.map((/** @type {any} */ p) => h("li", {}, h("blockquote", {}, h("p", {}, p.text)), h("p", { class: "sccif-rule-card__source" }, paragraphLink(ui, p.source_path))))),
      h("h3", {}, "The three areas inspectors look at"),
      data.areas.map((/** @type {any} */ area) =>
        h(
          "div",
          { class: "sccif-assurance-area", "data-area": area.key },
          h("h4", {}, area.title, " ", sourceNote(ui, area.source_path, area.title)),
          h("ul", {}, area.descriptors.map((/** @type {any} */ d, /** @type {number} */ i) => h("li", {}, d.text, " ", sourceNote(ui, d.source_path, `${area.title}, point ${i + 1}`)))),
        ),
      ),
      h("h3", {}, "What the report states"),
      h("p", {}, "Whether inspectors identified any serious or widespread concerns as a result of practice that:"),
      h("ul", {}, data.concerns_about_practice_that.map((/** @type {any} */ c, /** @type {number} */ i) => h("li", {}, c.text, " ", sourceNote(ui, c.source_path, `concern ${i + 1} the report states`)))),
      h("p", {}, h("a", { href: "#sccif-judge-next", on: { click: goToNext("assurance") } }, "See what happens after serious or widespread concerns")),
      h("p", {}, "At the first inspection after registration with no children living in the home, inspectors carry out an assurance inspection and do not make a judgement: tick that finding above to see it."),
    );
  }

  return { element, show };
}
