// @ts-check
// The form: one section per group of items (collapsed until opened), each item in the
// framework's words with its link, and the findings questions about the manager and staff.
// It reports every change through onField / onAnswer and is filled from the work by fill().

import { sourceLink } from "../../lib/source-link.js";
import { entryOf, safeId } from "./work.js";

/**
 * A same-page link that opens what it needs first and moves focus to its target.
 * @param {typeof import("../../ui.js").h} h @param {string} targetId @param {string} text @param {(() => void) | null} before
 */
export function contentsLink(h, targetId, text, before) {
  return h(
    "a",
    {
      href: `#${targetId}`,
      on: {
        click(/** @type {Event} */ event) {
          event.preventDefault();
          event.stopPropagation();
          before?.();
          const target = document.getElementById(targetId);
          target?.scrollIntoView({ block: "start" });
          target?.focus({ preventScroll: true });
        },
      },
    },
    text,
  );
}

/** @param {typeof import("../../ui.js").h} h @param {typeof import("../../ui.js")} ui @param {{text: string, source_path: string}} quote */
export function quoteBlock(h, ui, quote, linkText = "Read it in the framework", which = "") {
  return h(
    "div",
    { class: "sccif-prep__quote" },
    h("blockquote", {}, h("p", {}, quote.text)),
    h("p", { class: "sccif-prep__quote-source" }, sourceLink(ui, quote.source_path, linkText, which ? ` (${which})` : "")),
  );
}

/**
 * @param {{h: typeof import("../../ui.js").h, ui: typeof import("../../ui.js"), structure: any, onField: (id: string, field: keyof import("./work.js").Entry, value: string) => void, onAnswer: (key: string, answer: string) => void}} parts
 *   structure: prepare.structure
 */
export function createForm({ h, ui, structure, onField, onAnswer }) {
  const hidden = (/** @type {string} */ text) => h("span", { class: "sccif-visually-hidden" }, text);
  /** @type {Map<string, {input: HTMLInputElement | HTMLTextAreaElement, setError?: (text: string | null) => void}>} "<item>|<field>", for errors and filling in */
  const controls = new Map();
  /** @type {Map<string, {section: HTMLElement, body: HTMLElement, toggle: HTMLElement, progress: HTMLElement, group: any, count: number}>} by group key */
  const groupViews = new Map();

  /** @param {string} key @param {boolean} open */
  function setOpen(key, open) {
    const view = groupViews.get(key);
    if (!view) return;
    view.body.hidden = !open;
    view.toggle.setAttribute("aria-expanded", String(open));
    ui.replace(view.toggle, `${open ? "Hide" : "Show"} the ${view.count} items`, hidden(` in ${view.group.title}`));
  }

  /** @param {any} group */
  function groupSection(group) {
    const headingId = `sccif-prep-group-${group.key}`;
    const bodyId = `sccif-prep-body-${group.key}`;
    const count = group.parts.reduce((/** @type {number} */ n, /** @type {any} */ part) => n + part.items.length, 0);
    const progress = h("p", { class: "sccif-prep__progress", "data-sccif-prep-progress": group.key });
    const toggle = h("button", { type: "button", class: "md-button sccif-button sccif-prep__toggle", "aria-expanded": "false", "aria-controls": bodyId }, `Show the ${count} items`, hidden(` in ${group.title}`));
    const body = h("div", { class: "sccif-prep__group-body", id: bodyId, hidden: true });
    if (group.site_note) body.append(h("p", { class: "sccif-prep__site-note" }, h("strong", {}, "Note from this site: "), group.site_note));
    group.notes.forEach((/** @type {any} */ note, /** @type {number} */ i) => body.append(quoteBlock(h, ui, note, undefined, `note ${i + 1} on ${group.title.toLowerCase()}`)));
    for (const part of group.parts) {
      body.append(h("h3", {}, part.title));
      if (part.lead) body.append(quoteBlock(h, ui, part.lead, undefined, `${part.title.toLowerCase()}, ${group.title.toLowerCase()}`));
      body.append(h("ol", { class: "sccif-prep__items" }, part.items.map((/** @type {any} */ item) => itemView(item, group))));
    }
    const section = h(
      "section",
      { class: `sccif-prep__group sccif-prep__group--${group.kind}`, "aria-labelledby": headingId, "data-sccif-prep-group": group.key },
      h("h2", { id: headingId, tabindex: "-1" }, group.title),
      h("p", { class: "sccif-prep__group-source" }, ui.citation(group.source_path, group.kind === "judgement" ? "This judgement's criteria in the framework" : "This part of the framework")),
      progress,
      toggle,
      body,
    );
    toggle.addEventListener("click", () => setOpen(group.key, toggle.getAttribute("aria-expanded") !== "true"));
    groupViews.set(group.key, { section, body, toggle, progress, group, count });
    return section;
  }

  /**
   * @param {any} item @param {string} base @param {"evidence" | "initials"} field @param {string} label @param {string} hint
   * @param {number} limit @param {string} which
   */
  function textField(item, base, field, label, hint, limit, which) {
    const made = ui.field({ name: `${base}-${field}`, label, hint });
    made.element.querySelector("label")?.append(hidden(` (${which})`));
    made.input.maxLength = limit;
    made.input.addEventListener("input", () => onField(item.id, field, made.input.value));
    controls.set(`${item.id}|${field}`, made);
    return made.element;
  }

  /** @param {any} item @param {string} base @param {string} which */
  function notesField(item, base, which) {
    const notesId = `${base}-notes`;
    const notesError = h("p", { class: "sccif-error-message", id: `${notesId}-error`, hidden: true });
    const notes = h("textarea", { class: "sccif-textarea", id: notesId, name: notesId, rows: "3", maxlength: String(structure.limits.notes) });
    notes.addEventListener("input", () => onField(item.id, "notes", notes.value));
    controls.set(`${item.id}|notes`, {
      input: notes,
      setError(/** @type {string | null} */ text) {
        notesError.hidden = !text;
        notesError.textContent = text ? `Error: ${ui.sentence(text)}` : "";
        if (text) {
          notes.setAttribute("aria-invalid", "true");
          notes.setAttribute("aria-describedby", notesError.id);
        } else {
          notes.removeAttribute("aria-invalid");
          notes.removeAttribute("aria-describedby");
        }
      },
    });
    return h("div", { class: "sccif-field" }, h("label", { class: "sccif-label", for: notesId }, "Notes", hidden(` (${which})`)), notesError, notes);
  }

  /** @param {any} item @param {any} group */
  function itemView(item, group) {
    const base = `sccif-prep-${safeId(item.id)}`;
    // Every item's controls share their visible words: their names end with the item's own.
    const which = `${item.label}, ${group.title}`;
    const li = h("li", { class: "sccif-prep-item", id: `${base}-item`, "data-item": item.id, tabindex: "-1" });
    const radios = [{ key: "", label: "Not assessed yet" }, ...structure.assessments].map((choice) => {
      const input = h("input", { type: "radio", class: "sccif-radio__input", name: `${base}-assessment`, id: `${base}-a-${choice.key || "none"}`, value: choice.key });
      input.addEventListener("change", () => {
        if (!input.checked) return;
        li.dataset.assessment = choice.key;
        onField(item.id, "assessment", choice.key);
      });
      return h("div", { class: "sccif-radio sccif-radio--inline" }, input, h("label", { class: "sccif-radio__label", for: input.id }, choice.label));
    });
    controls.set(`${item.id}|assessment`, { input: /** @type {HTMLInputElement} */ (radios[0].querySelector("input")) });
    ui.replace(
      li,
      h("h4", { class: "sccif-prep-item__title", id: `${base}-title` }, item.label),
      h("blockquote", { class: "sccif-prep-item__text" }, h("p", {}, item.text), item.points.length ? h("ul", {}, item.points.map((/** @type {any} */ p) => h("li", {}, p.text))) : null),
      h("p", { class: "sccif-prep-item__source" }, sourceLink(ui, item.source_path, "Read it in the framework", ` (${which})`)),
      // The item's controls, together: what the reader fills in.
      h(
        "div",
        { class: "sccif-prep-item__controls" },
        h(
          "fieldset",
          { class: "sccif-fieldset sccif-prep-item__assessment", "aria-describedby": `${base}-title` },
          h("legend", { class: "sccif-fieldset__legend" }, "Your self-assessment", hidden(` (${which})`)),
          h("div", { class: "sccif-prep-item__radios" }, radios),
        ),
        textField(item, base, "evidence", "Where the evidence is kept", "", structure.limits.evidence, which),
        item.asks_initials
          ? textField(item, base, "initials", "Children this applies to (initials only)", "Initials only, like AB, CD. Never write a child's name.", structure.limits.initials, which)
          : null,
        notesField(item, base, which),
      ),
    );
    return li;
  }

  function findingsSection() {
    const list = h("div", { class: "sccif-prep__findings" });
    for (const finding of structure.findings) {
      const base = `sccif-prep-finding-${finding.key}`;
      const radios = structure.answers.map((/** @type {any} */ choice) => {
        const input = h("input", { type: "radio", class: "sccif-radio__input", name: base, id: `${base}-${choice.key || "none"}`, value: choice.key });
        input.addEventListener("change", () => {
          if (input.checked) onAnswer(finding.key, choice.key);
        });
        return h("div", { class: "sccif-radio sccif-radio--inline" }, input, h("label", { class: "sccif-radio__label", for: input.id }, choice.label));
      });
      list.append(
        h(
          "fieldset",
          { class: "sccif-fieldset sccif-prep__finding", id: `${base}-set`, "data-finding": finding.key },
          h("legend", { class: "sccif-fieldset__legend" }, finding.question),
          h("div", { class: "sccif-prep-item__radios" }, radios),
          h("p", { class: "sccif-prep-item__source" }, ui.citation(finding.source_path, "What the framework says about this")),
        ),
      );
    }
    return h(
      "section",
      { class: "sccif-prep__group", "aria-labelledby": "sccif-prep-findings" },
      h("h2", { id: "sccif-prep-findings", tabindex: "-1" }, "Your manager and staff qualifications"),
      h("p", {}, "The framework sets rules for a few facts about a home's manager and staff. Answer these questions if you know. A \u201cYes\u201d shows the rule in the summary, in the framework's words. It does not predict a grade."),
      list,
    );
  }

  /** Put the work into every control. @param {import("./work.js").Work} work */
  function fill(work) {
    for (const group of structure.groups) {
      for (const part of group.parts) {
        for (const item of part.items) {
          const values = entryOf(work, item.id);
          const base = `sccif-prep-${safeId(item.id)}`;
          const radio = /** @type {HTMLInputElement | null} */ (document.getElementById(`${base}-a-${values.assessment || "none"}`));
          if (radio) radio.checked = true;
          const li = document.getElementById(`${base}-item`);
          if (li) li.dataset.assessment = values.assessment;
          for (const field of /** @type {const} */ (["evidence", "notes", "initials"])) {
            const control = controls.get(`${item.id}|${field}`);
            if (control) control.input.value = values[field];
          }
        }
      }
    }
    for (const finding of structure.findings) {
      const radio = /** @type {HTMLInputElement | null} */ (document.getElementById(`sccif-prep-finding-${finding.key}-${work.findings[finding.key] || "none"}`));
      if (radio) radio.checked = true;
    }
    clearErrors();
    showProgress(work);
  }

  /** @param {import("./work.js").Work} work */
  function showProgress(work) {
    for (const [key, view] of groupViews) {
      /** @type {Record<string, number>} */
      const counts = { "": 0, strong: 0, adequate: 0, "needs-work": 0, "not-relevant": 0 };
      for (const part of view.group.parts) for (const item of part.items) counts[entryOf(work, item.id).assessment] += 1;
      const assessed = view.count - counts[""];
      view.progress.textContent = `${assessed} of ${view.count} assessed. Needs work: ${counts["needs-work"]}.`;
      view.progress.dataset.sccifPrepProgress = key;
    }
  }

  function clearErrors() {
    for (const control of controls.values()) control.setError?.(null);
  }

  /**
   * Show a core error at its field ("<item id> <field>"), opening its group.
   * Returns the control's input to link to, or null when the error names no field on the page.
   * @param {{field?: string | null, problem?: string, message?: string}} error
   */
  function showFieldError(error) {
    clearErrors();
    const match = /^(\S+) (assessment|notes|evidence|initials)$/.exec(error.field ?? "");
    const control = match ? controls.get(`${match[1]}|${match[2]}`) : null;
    if (!match || !control) return null;
    const group = structure.groups.find((/** @type {any} */ g) => g.parts.some((/** @type {any} */ p) => p.items.some((/** @type {any} */ i) => i.id === match[1])));
    if (group) setOpen(group.key, true);
    control.setError?.(error.problem ?? error.message ?? null);
    return control.input;
  }

  const sections = structure.groups.map(groupSection);
  sections.push(findingsSection());
  return { sections, fill, showProgress, clearErrors, showFieldError, open: (/** @type {string} */ key) => setOpen(key, true) };
}
