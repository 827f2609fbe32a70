// The self-evaluation workspace for providers.
//
// The items come from the Python core ("prepare.structure"): each judgement's areas of required
// evidence and 'good' descriptors, the Annex A lines of enquiry, the registered manager's
// interview and the cases inspectors may track, all in the framework's words with their anchors.
// The core also summarises ("prepare.summary"), checks ("prepare.check") and turns the work into
// Markdown or CSV and back ("prepare.export_markdown", "prepare.export_csv", "prepare.import").
//
// PRIVACY: nothing leaves the browser. The work is held in this page (and in this module's
// memory while the tab is open, so instant navigation away and back keeps it). It is written to
// this device (localStorage) only when the reader presses "Save on this device", and removed
// when they press "Clear everything". Every value the reader typed is shown with textContent.

import { SITE_ROOT } from "../config.mjs";

const STORE_KEY = "sccif-self-evaluation-v1";
const SUMMARY_DELAY_MS = 400;

// Unsaved work survives instant navigation within the tab (this module outlives the page).
let memory = null;

function emptyWork() {
  return { items: {}, findings: {} };
}

function readStore() {
  try {
    const raw = window.localStorage.getItem(STORE_KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function todayIso() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function whenWords(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleString("en-GB", {
    weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
  });
}

function safeId(text) {
  return String(text).replace(/[^A-Za-z0-9_-]/g, "-");
}

export function mount(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);

  const status = ui.runtimeStatus(runtime, { what: "self-evaluation" });
  const announcer = ui.announcer();
  const loadingNote = h("p", { class: "sccif-prep__loading" }, "The self-evaluation will appear here as soon as it has loaded.");
  const widget = h("div", { class: "sccif-widget sccif-prep", "data-sccif-widget": true }, status.element, loadingNote, announcer.element);
  root.append(widget);

  let structure = null;
  let work = emptyWork();
  let dirty = false;
  let savedAt = null;
  let summaryTimer = 0;
  let lastSummary = null;
  let destroyed = false;
  const controls = new Map(); // "<item>|<field>" -> element, for errors and for filling in
  const groupViews = new Map(); // group key -> {section, body, toggle, progress}
  let refs = null;

  function entry(id) {
    return work.items[id] ?? { assessment: "", notes: "", evidence: "", initials: "" };
  }

  function setField(id, field, value) {
    const next = { ...entry(id), [field]: value };
    if (!next.assessment && !next.notes && !next.evidence && !next.initials) delete work.items[id];
    else work.items[id] = next;
    changed();
  }

  function changed() {
    dirty = true;
    memory = { work, dirty, savedAt };
    showStorage();
    scheduleSummary();
  }

  // --- building the page ---------------------------------------------------------------

  function build() {
    const saveButton = h("button", { type: "button", class: "md-button md-button--primary sccif-button" }, "Save on this device");
    const markdownButton = h("button", { type: "button", class: "md-button sccif-button" }, "Download as Markdown");
    const csvButton = h("button", { type: "button", class: "md-button sccif-button" }, "Download as CSV (spreadsheet)");
    const printButton = h("button", { type: "button", class: "md-button sccif-button" }, "Printable view");
    const clearButton = h("button", { type: "button", class: "md-button sccif-button sccif-button--warning" }, "Clear everything");
    const storageStatus = h("p", { class: "sccif-prep__storage-status", "data-sccif-prep-storage": "" });
    const errors = ui.errorSummary();

    const fileId = ui.id("sccif-prep-file");
    const fileInput = h("input", { type: "file", id: fileId, class: "sccif-prep__file", accept: ".md,.markdown,.txt,.csv,text/markdown,text/csv,text/plain", "aria-describedby": `${fileId}-hint` });
    const openButton = h("button", { type: "button", class: "md-button sccif-button" }, "Open the file");
    const importBox = h(
      "div",
      { class: "sccif-field sccif-prep__import" },
      h("label", { class: "sccif-label", for: fileId }, "Open a file you downloaded from this page before"),
      h("div", { class: "sccif-hint", id: `${fileId}-hint` }, "A Markdown (.md) or CSV (.csv) file. Opening it replaces what is on this page. The file is read on this device; it is not uploaded."),
      fileInput,
      openButton,
    );

    const confirmYes = h("button", { type: "button", class: "md-button md-button--primary sccif-button sccif-button--warning" }, "Yes, clear everything");
    const confirmNo = h("button", { type: "button", class: "md-button sccif-button" }, "Cancel");
    const confirmTitleId = ui.id("sccif-prep-confirm");
    const confirmTitle = h("h3", { tabindex: "-1", class: "sccif-prep__confirm-title", id: confirmTitleId }, "Clear everything?");
    const confirmBox = h(
      "div",
      { class: "sccif-prep__confirm", role: "group", "aria-labelledby": confirmTitleId, hidden: true },
      confirmTitle,
      h("p", {}, "This empties the form and removes your self-evaluation from this device. It cannot be undone. Download it first if you want to keep a copy."),
      h("div", { class: "sccif-prep__actions" }, confirmYes, confirmNo),
    );

    const toolbar = h(
      "section",
      { class: "sccif-prep__toolbar", "aria-labelledby": "sccif-prep-storage-title" },
      h("h2", { id: "sccif-prep-storage-title" }, "Your work on this device"),
      storageStatus,
      errors.element,
      h("div", { class: "sccif-prep__actions" }, saveButton, markdownButton, csvButton, printButton, clearButton),
      confirmBox,
      importBox,
    );

    const contents = h("ul", { class: "sccif-prep__contents" });
    const nav = h("nav", { class: "sccif-prep__nav", "aria-labelledby": "sccif-prep-contents-title" }, h("h2", { id: "sccif-prep-contents-title" }, "Contents"), contents);

    const form = h("div", { class: "sccif-prep__form" });
    for (const group of structure.groups) {
      form.append(groupSection(group));
      contents.append(h("li", {}, contentsLink(`sccif-prep-group-${group.key}`, group.title, () => openGroup(group.key))));
    }
    form.append(findingsSection());
    contents.append(h("li", {}, contentsLink("sccif-prep-findings", "Your manager and staff qualifications", null)));
    const summaryBox = h("div", { class: "sccif-prep__summary-body", "data-sccif-prep-summary": "" });
    form.append(
      h(
        "section",
        { class: "sccif-prep__summary", "aria-labelledby": "sccif-prep-summary" },
        h("h2", { id: "sccif-prep-summary", tabindex: "-1" }, "Summary"),
        summaryBox,
      ),
    );
    contents.append(h("li", {}, contentsLink("sccif-prep-summary", "Summary", null)));

    const printView = h("div", { class: "sccif-prep__print", hidden: true, "data-sccif-prep-print": "" });
    const printTitle = h("h2", { tabindex: "-1" }, "Printable view");
    const printNow = h("button", { type: "button", class: "md-button md-button--primary sccif-button" }, "Print");
    const printBack = h("button", { type: "button", class: "md-button sccif-button" }, "Back to the self-evaluation");
    const printScreen = h("div", { class: "sccif-prep__print-screen", hidden: true }, printTitle, h("div", { class: "sccif-prep__actions" }, printNow, printBack));

    loadingNote.remove();
    widget.append(toolbar, nav, form, printScreen, printView);
    refs = { storageStatus, errors, form, nav, toolbar, summaryBox, printView, printScreen, printTitle, printButton, confirmBox, confirmTitle, clearButton, fileInput };

    saveButton.addEventListener("click", save);
    markdownButton.addEventListener("click", () => download("prepare.export_markdown"));
    csvButton.addEventListener("click", () => download("prepare.export_csv"));
    printButton.addEventListener("click", showPrintView);
    printNow.addEventListener("click", () => window.print());
    printBack.addEventListener("click", hidePrintView);
    clearButton.addEventListener("click", () => {
      confirmBox.hidden = false;
      confirmTitle.focus();
    });
    confirmNo.addEventListener("click", () => {
      confirmBox.hidden = true;
      clearButton.focus();
    });
    confirmYes.addEventListener("click", clearAll);
    openButton.addEventListener("click", () => openFile(fileInput));
  }

  function contentsLink(targetId, text, before) {
    return h(
      "a",
      {
        href: `#${targetId}`,
        on: {
          click(event) {
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

  function quoteBlock(quote, linkText = "Read it in the framework") {
    return h(
      "div",
      { class: "sccif-prep__quote" },
      h("blockquote", {}, h("p", {}, quote.text)),
      h("p", { class: "sccif-prep__quote-source" }, ui.citation(quote.source_path, linkText)),
    );
  }

  function groupSection(group) {
    const headingId = `sccif-prep-group-${group.key}`;
    const bodyId = `sccif-prep-body-${group.key}`;
    const count = group.parts.reduce((n, part) => n + part.items.length, 0);
    const progress = h("p", { class: "sccif-prep__progress", "data-sccif-prep-progress": group.key });
    const toggle = h("button", { type: "button", class: "md-button sccif-button sccif-prep__toggle", "aria-expanded": "false", "aria-controls": bodyId }, `Show the ${count} items`);
    const body = h("div", { class: "sccif-prep__group-body", id: bodyId, hidden: true });
    if (group.site_note) body.append(h("p", { class: "sccif-prep__site-note" }, h("strong", {}, "Note from this site: "), group.site_note));
    for (const note of group.notes) body.append(quoteBlock(note));
    for (const part of group.parts) {
      body.append(h("h3", {}, part.title));
      if (part.lead) body.append(quoteBlock(part.lead));
      const list = h("ol", { class: "sccif-prep__items" });
      for (const item of part.items) list.append(itemView(item));
      body.append(list);
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

  function setOpen(key, open) {
    const view = groupViews.get(key);
    if (!view) return;
    view.body.hidden = !open;
    view.toggle.setAttribute("aria-expanded", String(open));
    view.toggle.textContent = open ? `Hide the ${view.count} items` : `Show the ${view.count} items`;
  }

  function openGroup(key) {
    setOpen(key, true);
  }

  function itemView(item) {
    const base = `sccif-prep-${safeId(item.id)}`;
    const legendId = `${base}-legend`;
    const radios = [{ key: "", label: "Not assessed yet" }, ...structure.assessments].map((choice) => {
      const input = h("input", { type: "radio", class: "sccif-radio__input", name: `${base}-assessment`, id: `${base}-a-${choice.key || "none"}`, value: choice.key });
      input.addEventListener("change", () => {
        if (input.checked) {
          setField(item.id, "assessment", choice.key);
          li.dataset.assessment = choice.key;
        }
      });
      return h("div", { class: "sccif-radio sccif-radio--inline" }, input, h("label", { class: "sccif-radio__label", for: input.id }, choice.label));
    });
    controls.set(`${item.id}|assessment`, radios[0].querySelector("input"));
    const evidenceField = ui.field({ name: `${base}-evidence`, label: "Where the evidence is kept", hint: "" });
    evidenceField.input.maxLength = structure.limits.evidence;
    evidenceField.input.addEventListener("input", () => setField(item.id, "evidence", evidenceField.input.value));
    controls.set(`${item.id}|evidence`, evidenceField);
    let initialsField = null;
    if (item.asks_initials) {
      initialsField = ui.field({
        name: `${base}-initials`,
        label: "Children this applies to (initials only)",
        hint: "Initials only, like AB, CD. Never write a child's name.",
      });
      initialsField.input.maxLength = structure.limits.initials;
      initialsField.input.addEventListener("input", () => setField(item.id, "initials", initialsField.input.value));
      controls.set(`${item.id}|initials`, initialsField);
    }
    const notesId = `${base}-notes`;
    const notesError = h("p", { class: "sccif-error-message", id: `${notesId}-error`, hidden: true });
    const notes = h("textarea", { class: "sccif-textarea", id: notesId, name: notesId, rows: "3", maxlength: String(structure.limits.notes) });
    notes.addEventListener("input", () => setField(item.id, "notes", notes.value));
    controls.set(`${item.id}|notes`, {
      input: notes,
      setError(text) {
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
    const quote = h("blockquote", { class: "sccif-prep-item__text" }, h("p", {}, item.text), item.points.length ? h("ul", {}, item.points.map((p) => h("li", {}, p.text))) : null);
    const li = h(
      "li",
      { class: "sccif-prep-item", id: `${base}-item`, "data-item": item.id, tabindex: "-1" },
      h("h4", { class: "sccif-prep-item__title", id: `${base}-title` }, item.label),
      quote,
      h("p", { class: "sccif-prep-item__source" }, ui.citation(item.source_path, "Read it in the framework")),
      h(
        "fieldset",
        { class: "sccif-fieldset sccif-prep-item__assessment", "aria-describedby": `${base}-title` },
        h("legend", { class: "sccif-fieldset__legend", id: legendId }, "Your self-assessment"),
        h("div", { class: "sccif-prep-item__radios" }, radios),
      ),
      evidenceField.element,
      initialsField?.element ?? null,
      h("div", { class: "sccif-field" }, h("label", { class: "sccif-label", for: notesId }, "Notes"), notesError, notes),
    );
    return li;
  }

  function findingsSection() {
    const list = h("div", { class: "sccif-prep__findings" });
    for (const finding of structure.findings) {
      const base = `sccif-prep-finding-${finding.key}`;
      const radios = structure.answers.map((choice) => {
        const input = h("input", { type: "radio", class: "sccif-radio__input", name: base, id: `${base}-${choice.key || "none"}`, value: choice.key });
        input.addEventListener("change", () => {
          if (!input.checked) return;
          if (choice.key) work.findings[finding.key] = choice.key;
          else delete work.findings[finding.key];
          changed();
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

  // --- filling in ----------------------------------------------------------------------

  function fillForm() {
    for (const group of structure.groups) {
      for (const part of group.parts) {
        for (const item of part.items) {
          const values = entry(item.id);
          const base = `sccif-prep-${safeId(item.id)}`;
          const radio = document.getElementById(`${base}-a-${values.assessment || "none"}`);
          if (radio) radio.checked = true;
          const li = document.getElementById(`${base}-item`);
          if (li) li.dataset.assessment = values.assessment;
          controls.get(`${item.id}|evidence`).input.value = values.evidence;
          controls.get(`${item.id}|notes`).input.value = values.notes;
          const initials = controls.get(`${item.id}|initials`);
          if (initials) initials.input.value = values.initials;
        }
      }
    }
    for (const finding of structure.findings) {
      const radio = document.getElementById(`sccif-prep-finding-${finding.key}-${work.findings[finding.key] || "none"}`);
      if (radio) radio.checked = true;
    }
    clearFieldErrors();
  }

  function showProgress() {
    for (const [key, view] of groupViews) {
      const counts = { "": 0, strong: 0, adequate: 0, "needs-work": 0, "not-relevant": 0 };
      for (const part of view.group.parts) for (const item of part.items) counts[entry(item.id).assessment] += 1;
      const assessed = view.count - counts[""];
      view.progress.textContent = `${assessed} of ${view.count} assessed. Needs work: ${counts["needs-work"]}.`;
      view.progress.dataset.sccifPrepProgress = key;
    }
  }

  function showStorage() {
    if (!refs) return;
    let text;
    if (dirty) text = savedAt ? "You have changes that are not saved on this device." : "Not saved on this device yet. Press \u201cSave on this device\u201d to keep your work here.";
    else if (savedAt) text = `Saved on this device (${whenWords(savedAt)}).`;
    else text = "Nothing is saved on this device.";
    refs.storageStatus.textContent = text;
    refs.storageStatus.dataset.sccifPrepStorage = dirty ? "unsaved" : savedAt ? "saved" : "empty";
    showProgress();
  }

  // --- errors from the core ------------------------------------------------------------

  function clearFieldErrors() {
    for (const control of controls.values()) control.setError?.(null);
  }

  function showCoreError(error, fallbackInput) {
    clearFieldErrors();
    const text = error.message ?? error.problem;
    let input = fallbackInput ?? null;
    // Fields from a workspace look like "<item id> <field>".
    const match = /^(\S+) (assessment|notes|evidence|initials)$/.exec(error.field ?? "");
    if (match) {
      const control = controls.get(`${match[1]}|${match[2]}`);
      if (control) {
        const item = structure.groups.find((g) => g.parts.some((p) => p.items.some((i) => i.id === match[1])));
        if (item) openGroup(item.key);
        control.setError?.(error.problem);
        input = control.input ?? control;
      }
    }
    refs.errors.show([{ text, input }]);
  }

  // --- the summary ---------------------------------------------------------------------

  function scheduleSummary() {
    clearTimeout(summaryTimer);
    summaryTimer = setTimeout(refreshSummary, SUMMARY_DELAY_MS);
  }

  async function refreshSummary() {
    let reply;
    try {
      reply = await call("prepare.summary", { workspace: work });
    } catch {
      return; // the status line says why
    }
    if (destroyed) return;
    if (reply.error) {
      ui.replace(refs.summaryBox, h("p", { class: "sccif-error-message" }, `The summary cannot be shown: ${ui.sentence(reply.error.message ?? reply.error.problem)}`));
      return;
    }
    renderSummary(refs.summaryBox, reply.result, { interactive: true });
    renderPrint(reply.result);
    lastSummary = reply.result;
  }

  function ruleCards(reminder) {
    return reminder.quotes.map((quote) =>
      h(
        "div",
        { class: `sccif-prep__rule${quote.exception ? " sccif-prep__rule--exception" : ""}` },
        h("p", { class: "sccif-prep__rule-kind" }, quote.exception ? "The framework's exception" : "The framework says"),
        h("blockquote", {}, h("p", {}, quote.text)),
        h(
          "ul",
          { class: "sccif-prep__rule-list" },
          quote.rules.map((rule) =>
            h("li", { "data-rule": rule.id, "data-strength": rule.strength }, h("strong", {}, rule.strength === "always" ? "Hard limit: " : "Tendency: "), rule.summary),
          ),
        ),
        h("p", {}, ui.citation(quote.source_path, "Read this paragraph in the framework")),
      ),
    );
  }

  function renderSummary(box, data, { interactive }) {
    const c = data.counts;
    const first = data.not_a_checklist[0];
    const parts = [
      h("p", { class: "sccif-prep__no-grade" }, data.no_grade),
      quoteBlock(first, "How inspectors use the evaluation criteria"),
      h("p", { "data-sccif-prep-counts": "" }, `Items: ${c.total}. Strong: ${c.strong}. Adequate: ${c.adequate}. Needs work: ${c["needs-work"]}. Not relevant here: ${c["not-relevant"]}. Not assessed yet: ${c[""]}.`),
      h("h3", {}, "Marked \u201cneeds work\u201d"),
    ];
    const groups = data.groups.filter((g) => g.needs_work.length);
    if (!groups.length) parts.push(h("p", {}, "Nothing is marked \u201cneeds work\u201d."));
    for (const group of groups) {
      parts.push(
        h("h4", {}, group.title),
        h(
          "ul",
          { class: "sccif-prep__needs-work", "data-sccif-prep-needs-work": group.key },
          group.needs_work.map((item) =>
            h(
              "li",
              { "data-item": item.id },
              interactive ? itemLink(group.key, item) : h("strong", {}, item.label),
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
          ruleCards(reminder),
          reminder.considerations.map((p) => h("div", { class: "sccif-prep__rule" }, h("p", { class: "sccif-prep__rule-kind" }, "Also"), h("blockquote", {}, h("p", {}, p.text)), h("p", {}, ui.citation(p.source_path, "Read this paragraph in the framework")))),
        ),
      );
    }
    for (const prompt of data.prompts) {
      parts.push(
        h(
          "p",
          { class: "sccif-prep__prompt", "data-prompt": prompt.finding },
          `You marked ${prompt.items.length === 1 ? "an item" : "items"} about this as needing work. The framework has a rule for it: `,
          interactive ? contentsLink(`sccif-prep-finding-${prompt.finding}-set`, prompt.question, null) : prompt.question,
        ),
      );
    }
    ui.replace(box, parts);
  }

  function itemLink(groupKey, item) {
    const target = `sccif-prep-${safeId(item.id)}-item`;
    return contentsLink(target, item.label, () => openGroup(groupKey));
  }

  // --- the printable view --------------------------------------------------------------

  // Kept up to date with the summary, so the browser's own Print (Ctrl+P) prints it at once.
  function renderPrint(summary) {
    const labels = Object.fromEntries([["", "Not assessed yet"], ...structure.assessments.map((a) => [a.key, a.label])]);
    const answers = Object.fromEntries(structure.answers.map((a) => [a.key, a.label]));
    const summaryBox = h("div");
    renderSummary(summaryBox, summary, { interactive: false });
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
          const values = entry(item.id);
          parts.push(
            h(
              "div",
              { class: "sccif-prep-print__item", "data-item": item.id },
              h("h4", {}, item.label),
              h("blockquote", {}, h("p", {}, item.text), item.points.length ? h("ul", {}, item.points.map((p) => h("li", {}, p.text))) : null),
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
    parts.push(h("ul", {}, structure.findings.map((f) => h("li", {}, f.question, " ", h("strong", {}, answers[work.findings[f.key] ?? ""] ?? "")))));
    ui.replace(refs.printView, parts);
  }

  async function showPrintView() {
    clearTimeout(summaryTimer);
    await refreshSummary();
    if (!lastSummary || refs.summaryBox.querySelector(".sccif-error-message")) {
      refs.errors.show([{ text: "the printable view cannot be made until the problem in the summary is put right.", input: null }]);
      return;
    }
    refs.toolbar.hidden = true;
    refs.nav.hidden = true;
    refs.form.hidden = true;
    refs.printScreen.hidden = false;
    refs.printView.hidden = false;
    root.classList.add("sccif-prep--print-view");
    refs.printTitle.focus();
  }

  function hidePrintView() {
    refs.toolbar.hidden = false;
    refs.nav.hidden = false;
    refs.form.hidden = false;
    refs.printScreen.hidden = true;
    refs.printView.hidden = true;
    root.classList.remove("sccif-prep--print-view");
    refs.printButton.focus();
  }

  // --- storage, files ------------------------------------------------------------------

  async function checked() {
    const reply = await call("prepare.check", { workspace: work });
    if (reply.error) {
      showCoreError(reply.error);
      return null;
    }
    refs.errors.hide();
    clearFieldErrors();
    return reply.result;
  }

  async function save() {
    let result;
    try {
      result = await checked();
    } catch {
      return;
    }
    if (!result) return;
    const stamp = new Date().toISOString();
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify({ ...result, saved_at: stamp }));
    } catch {
      refs.storageStatus.textContent = "Your work could not be saved on this device: the browser refused. It is still on this page. Download it to keep it.";
      announcer.say("Your work could not be saved on this device.");
      return;
    }
    savedAt = stamp;
    dirty = false;
    memory = { work, dirty, savedAt };
    showStorage();
    announcer.say("Saved on this device.");
  }

  async function clearAll() {
    try {
      window.localStorage.removeItem(STORE_KEY);
    } catch {
      // nothing was stored, or storage is off: the page is emptied either way
    }
    work = emptyWork();
    dirty = false;
    savedAt = null;
    memory = null;
    refs.confirmBox.hidden = true;
    refs.errors.hide();
    fillForm();
    showStorage();
    scheduleSummary();
    refs.storageStatus.textContent = "Cleared. Nothing is saved on this device.";
    announcer.say("Cleared. Nothing is saved on this device.");
    refs.clearButton.focus();
  }

  async function download(name) {
    let reply;
    try {
      reply = await call(name, { workspace: work, base_url: SITE_ROOT, today: todayIso() });
    } catch {
      return;
    }
    if (reply.error) {
      showCoreError(reply.error);
      return;
    }
    refs.errors.hide();
    const { text, media_type: type, extension } = reply.result;
    const blob = new Blob([extension === "csv" ? "\ufeff" + text : text], { type });
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: `sccif-self-evaluation-${todayIso()}.${extension}`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    const what = extension === "csv" ? "a CSV file" : "a Markdown file";
    refs.storageStatus.textContent = `Downloaded as ${what}. ${dirty ? "Your changes are still not saved on this device." : ""}`.trim();
    announcer.say(`Downloaded as ${what}.`);
  }

  async function openFile(input) {
    const file = input.files?.[0];
    if (!file) {
      refs.errors.show([{ text: "choose a file to open.", input }]);
      return;
    }
    if (file.size > structure.limits.file * 4) {
      refs.errors.show([{ text: "the file is too big to be a self-evaluation.", input }]);
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch {
      refs.errors.show([{ text: "the file could not be read.", input }]);
      return;
    }
    let reply;
    try {
      reply = await call("prepare.import", { text, name: file.name });
    } catch {
      return;
    }
    if (reply.error) {
      clearFieldErrors();
      refs.errors.show([{ text: `${file.name}: ${ui.sentence(reply.error.message ?? reply.error.problem)}`, input }]);
      return;
    }
    refs.errors.hide();
    work = { items: reply.result.workspace.items, findings: reply.result.workspace.findings };
    dirty = true;
    memory = { work, dirty, savedAt };
    fillForm();
    showStorage();
    scheduleSummary();
    const words = `Opened ${file.name}: ${reply.result.items} item${reply.result.items === 1 ? "" : "s"} with your work, ${reply.result.findings} answer${reply.result.findings === 1 ? "" : "s"}. It is not saved on this device until you press \u201cSave on this device\u201d.`;
    refs.storageStatus.textContent = words;
    announcer.say(words);
    input.value = "";
  }

  // --- start ---------------------------------------------------------------------------

  async function start() {
    let reply;
    try {
      reply = await call("prepare.structure", {});
    } catch {
      loadingNote.textContent = "The self-evaluation is not working. See the message above.";
      return false;
    }
    if (destroyed) return true;
    if (reply.error) {
      loadingNote.textContent = ui.sentence(reply.error.message ?? reply.error.problem);
      return true;
    }
    structure = reply.result;
    build();
    const stored = readStore();
    if (memory) {
      ({ work, dirty, savedAt } = memory);
    } else if (stored) {
      const check = await call("prepare.check", { workspace: stored });
      if (check.error) {
        showCoreError({ ...check.error, message: `The work saved on this device could not be read (${ui.sentence(check.error.message ?? check.error.problem)}) Clear everything to start again.` });
      } else {
        work = { items: check.result.items, findings: check.result.findings };
        savedAt = typeof stored.saved_at === "string" ? stored.saved_at : null;
      }
    }
    fillForm();
    showStorage();
    refreshSummary();
    return true;
  }

  // Start now (calls wait for the runtime to load); if the runtime failed and is restarted by
  // the reader, start again once it is ready.
  let starting = true;
  let failed = false;
  const begin = () => {
    starting = true;
    start().then((ok) => {
      starting = false;
      failed = !ok;
    });
  };
  const stopListening = runtime.onChange(() => {
    if (runtime.state === "ready" && failed && !starting && !structure) begin();
  });
  begin();

  return () => {
    destroyed = true;
    clearTimeout(summaryTimer);
    stopListening();
    status.destroy();
  };
}
