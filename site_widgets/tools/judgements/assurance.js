// "Assurance inspections: one outcome": no grades, the single judgement, the three areas
// inspectors look at and what the report states, each in the framework's words.

export function assuranceSection(ui, { goToNext }) {
  const { h } = ui;
  const body = h("div", {}, h("p", { class: "sccif-result__waiting" }, "The assurance areas will appear here as soon as the explorer has loaded."));
  const element = h(
    "section",
    { class: "sccif-judge__assurance", "aria-labelledby": "sccif-judge-assurance-title" },
    h("h2", { id: "sccif-judge-assurance-title" }, "Assurance inspections: one outcome"),
    body,
  );

  /** data: judge.assurance. */
  function show(data) {
    ui.replace(
      body,
      h("p", {}, "An assurance inspection gives no grades. ", h("q", {}, data.single_judgement.text), " ", ui.citation(data.single_judgement.source_path, "(source)")),
      h("ul", { class: "sccif-outcomes" }, data.outcomes.map((o) => h("li", { "data-outcome": o.key }, o.text, " ", ui.citation(o.source_path, "(source)")))),
      h("ul", { class: "sccif-passages" }, data.not_a_checklist.map((p) => h("li", {}, h("blockquote", {}, h("p", {}, p.text)), h("p", { class: "sccif-rule-card__source" }, ui.citation(p.source_path, "Read this paragraph in the framework"))))),
      h("h3", {}, "The three areas inspectors look at"),
      data.areas.map((area) =>
        h("div", { class: "sccif-assurance-area", "data-area": area.key }, h("h4", {}, area.title, " ", ui.citation(area.source_path, "(source)")), h("ul", {}, area.descriptors.map((d) => h("li", {}, d.text, " ", ui.citation(d.source_path, "(source)"))))),
      ),
      h("h3", {}, "What the report states"),
      h("p", {}, "Whether inspectors identified any serious or widespread concerns as a result of practice that:"),
      h("ul", {}, data.concerns_about_practice_that.map((c) => h("li", {}, c.text, " ", ui.citation(c.source_path, "(source)")))),
      h("p", {}, h("a", { href: "#sccif-judge-next", on: { click: goToNext("assurance") } }, "See what happens after serious or widespread concerns")),
      h("p", {}, "At the first inspection after registration with no children living in the home, inspectors carry out an assurance inspection and do not make a judgement: tick that finding above to see it."),
    );
  }

  return { element, show };
}
