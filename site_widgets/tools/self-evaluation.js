// @ts-check
// The self-evaluation workspace for providers.
//
// The items come from the Python core ("prepare.structure"): each judgement's areas of required
// evidence and 'good' descriptors, the Annex A lines of enquiry, the registered manager's
// interview and the cases inspectors may track, all in the framework's words with their anchors.
// The core also summarises ("prepare.summary"), checks ("prepare.check") and turns the work into
// Markdown or CSV and back ("prepare.export_markdown", "prepare.export_csv", "prepare.import").
//
// The sections live beside this file: the form (self-evaluation/form.js), the summary, the
// printable view, files, and the work itself (work.js). Keeping the work is lib/keep.js.
//
// PRIVACY: nothing leaves the browser. The work is held in this page (and kept in memory across
// instant navigation). It is written to this device (localStorage) only once the reader ticks
// "Keep my work on this device", then saved as they go until they forget it or clear everything.
// Every value the reader typed is shown with textContent.

import { SITE_ROOT } from "../config.mjs";
import { confirmation } from "../lib/confirm.js";
import { downloadFile } from "../lib/download.js";
import { keep } from "../lib/keep.js";
import { importBox, openWork } from "./self-evaluation/files.js";
import { contentsLink, createForm } from "./self-evaluation/form.js";
import { renderPrint } from "./self-evaluation/print.js";
import { renderSummary } from "./self-evaluation/summary.js";
import { emptyWork, fromVersion1, isEmpty, todayIso, withAnswer, withField } from "./self-evaluation/work.js";

// Version 1 (sccif-self-evaluation-v1) held the checked workspace, written only on "Save".
const KEEP = { key: "sccif-self-evaluation", version: 2 };
const SUMMARY_DELAY_MS = 400;
/** @type {Record<string, string>} */
const FIELD_LABELS = { assessment: "self-assessment", notes: "notes", evidence: "where the evidence is kept", initials: "children (initials only)" };

/** @typedef {import("./self-evaluation/work.js").Work} Work */

/** @param {HTMLElement} root @param {{call: (name: string, payload?: any) => Promise<any>, runtime: import("../ui.js").Runtime, ui: typeof import("../ui.js")}} context */
export function mount(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);

  const status = ui.runtimeStatus(runtime, { what: "self-evaluation" });
  const announcer = ui.announcer();
  const loadingNote = h("p", { class: "sccif-prep__loading" }, "The self-evaluation will appear here as soon as it has loaded.");
  const widget = h("div", { class: "sccif-widget sccif-prep", "data-sccif-widget": true }, status.element, loadingNote, announcer.element);
  root.append(widget);

  // Set once the structure has loaded (start, then build); nothing uses them before.
  /** @type {any} prepare.structure */
  let structure = null;
  let work = emptyWork();
  /** @type {ReturnType<typeof createForm>} */
  let form = /** @type {any} */ (null);
  /** @type {import("../lib/keep.js").Keeper<Work>} */
  let keeper = /** @type {any} */ (null);
  /** @type {any} the page's parts that later steps change */
  let refs = null;
  let summaryTimer = 0;
  /** @type {any} prepare.summary, once shown */
  let lastSummary = null;
  let destroyed = false;

  /** @param {Work} next */
  function edited(next) {
    work = next;
    form.showProgress(work);
    keeper.changed();
    scheduleSummary();
  }

  /** "Item 3 of Annex A, notes: ..." for a core error that names an item's field. */
  /** @param {any} error */
  function describe(error) {
    const match = /^(\S+) (assessment|notes|evidence|initials)$/.exec(error.field ?? "");
    const item = match && structure.groups.flatMap((/** @type {any} */ g) => g.parts.flatMap((/** @type {any} */ p) => p.items)).find((/** @type {any} */ i) => i.id === match[1]);
    if (!item) return ui.sentence(error.message ?? error.problem);
    return `${item.label}, ${FIELD_LABELS[match[2]]}: ${error.problem}`;
  }

  /** The work as the core checks and tidies it; throws (for keep) when it refuses, showing the field. */
  /** @param {Work} state @returns {Promise<Work>} */
  async function checked(state) {
    const reply = await call("prepare.check", { workspace: state });
    if (reply.error) {
      form.showFieldError(reply.error);
      throw new Error(describe(reply.error));
    }
    form.clearErrors();
    return { items: reply.result.items, findings: reply.result.findings };
  }

  /** Kept work back into the page. A problem with one field is shown there; anything else is refused. */
  /** @param {Work} state */
  async function restoreWork(state) {
    const reply = await call("prepare.check", { workspace: state });
    if (reply.error && !/^(\S+) (assessment|notes|evidence|initials)$/.test(reply.error.field ?? "")) {
      throw new Error(ui.sentence(reply.error.message ?? reply.error.problem));
    }
    work = reply.error ? state : { items: reply.result.items, findings: reply.result.findings };
    form.fill(work);
    if (reply.error) form.showFieldError(reply.error);
    scheduleSummary();
  }

  // --- building the page ---------------------------------------------------------------

  function build() {
    form = createForm({
      h,
      ui,
      structure,
      onField: (id, field, value) => edited(withField(work, id, field, value)),
      onAnswer: (key, answer) => edited(withAnswer(work, key, answer)),
    });
    keeper = keep({
      ...KEEP,
      read: () => work,
      check: checked,
      write: restoreWork,
      migrate: (old, from) => (from === 1 ? fromVersion1(old) : null),
      empty: isEmpty,
      hint: "Your work is then saved in this browser as you go, until you forget it or clear everything. Anyone who uses this browser could see it: do not tick this on a shared computer.",
    });

    const markdownButton = h("button", { type: "button", class: "md-button sccif-button" }, "Download as Markdown");
    const csvButton = h("button", { type: "button", class: "md-button sccif-button" }, "Download as CSV (spreadsheet)");
    const printButton = h("button", { type: "button", class: "md-button sccif-button" }, "Printable view");
    const clearButton = h("button", { type: "button", class: "md-button sccif-button sccif-button--warning" }, "Clear everything");
    const notice = h("p", { class: "sccif-prep__notice", "data-sccif-prep-notice": "", hidden: true });
    const errors = ui.errorSummary();
    const files = importBox(h, ui, openFile);

    const confirmClear = confirmation({
      title: "Clear everything?",
      text: "This empties the form and removes your self-evaluation from this device. It cannot be undone. Download it first if you want to keep a copy.",
      yes: "Yes, clear everything",
      onConfirm: clearAll,
    });

    // In view while the reader edits: keeping their work, and whether it is saved.
    const bar = h("div", { class: "sccif-prep__bar", "data-sccif-prep-bar": "" }, keeper.parts.choice, keeper.parts.status);
    const title = h("h2", { id: "sccif-prep-storage-title", class: "sccif-prep__title" }, "Your work on this device");
    const toolbar = h(
      "section",
      { class: "sccif-prep__toolbar", "aria-labelledby": "sccif-prep-storage-title" },
      keeper.parts.hint,
      keeper.parts.message,
      notice,
      errors.element,
      h("div", { class: "sccif-prep__actions" }, markdownButton, csvButton, printButton, keeper.parts.forget, clearButton),
      confirmClear.element,
      files.element,
    );

    const contents = h("ul", { class: "sccif-prep__contents" });
    const nav = h("nav", { class: "sccif-prep__nav", "aria-labelledby": "sccif-prep-contents-title" }, h("h2", { id: "sccif-prep-contents-title" }, "Contents"), contents);
    for (const group of structure.groups) {
      contents.append(h("li", {}, contentsLink(h, `sccif-prep-group-${group.key}`, group.title, () => form.open(group.key))));
    }
    contents.append(h("li", {}, contentsLink(h, "sccif-prep-findings", "Your manager and staff qualifications", null)));
    contents.append(h("li", {}, contentsLink(h, "sccif-prep-summary", "Summary", null)));

    const summaryBox = h("div", { class: "sccif-prep__summary-body", "data-sccif-prep-summary": "" });
    const formBox = h(
      "div",
      { class: "sccif-prep__form" },
      form.sections,
      h("section", { class: "sccif-prep__summary", "aria-labelledby": "sccif-prep-summary" }, h("h2", { id: "sccif-prep-summary", tabindex: "-1" }, "Summary"), summaryBox),
    );

    const printView = h("div", { class: "sccif-prep__print", hidden: true, "data-sccif-prep-print": "" });
    const printTitle = h("h2", { tabindex: "-1" }, "Printable view");
    const printNow = h("button", { type: "button", class: "md-button md-button--primary sccif-button" }, "Print");
    const printBack = h("button", { type: "button", class: "md-button sccif-button" }, "Back to the self-evaluation");
    const printScreen = h("div", { class: "sccif-prep__print-screen", hidden: true }, printTitle, h("div", { class: "sccif-prep__actions" }, printNow, printBack));

    loadingNote.remove();
    widget.append(title, bar, toolbar, nav, formBox, printScreen, printView);
    refs = { title, bar, notice, errors, form: formBox, nav, toolbar, summaryBox, printView, printScreen, printTitle, printButton, clearButton };

    markdownButton.addEventListener("click", () => download("prepare.export_markdown"));
    csvButton.addEventListener("click", () => download("prepare.export_csv"));
    printButton.addEventListener("click", showPrintView);
    printNow.addEventListener("click", () => window.print());
    printBack.addEventListener("click", hidePrintView);
    clearButton.addEventListener("click", () => confirmClear.open(clearButton));
  }

  /** @param {string} text */
  function tell(text) {
    refs.notice.textContent = text;
    refs.notice.hidden = !text;
    if (text) announcer.say(text);
  }

  /** @param {any} error */
  function showCoreError(error) {
    const input = form.showFieldError(error);
    refs.errors.show([{ text: describe(error), input }]);
  }

  // --- the summary and the printable view ----------------------------------------------

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
      lastSummary = null;
      ui.replace(refs.summaryBox, h("p", { class: "sccif-error-message" }, `The summary cannot be shown: ${describe(reply.error)}`));
      return;
    }
    renderSummary(refs.summaryBox, reply.result, { h, ui, openGroup: form.open });
    renderPrint(refs.printView, { h, ui, structure, work, summary: reply.result });
    lastSummary = reply.result;
  }

  /** @param {boolean} on */
  function setPrintView(on) {
    refs.toolbar.hidden = on;
    refs.title.hidden = on;
    refs.bar.hidden = on;
    refs.nav.hidden = on;
    refs.form.hidden = on;
    refs.printScreen.hidden = !on;
    refs.printView.hidden = !on;
    root.classList.toggle("sccif-prep--print-view", on);
  }

  async function showPrintView() {
    clearTimeout(summaryTimer);
    await refreshSummary();
    if (!lastSummary) {
      refs.errors.show([{ text: "the printable view cannot be made until the problem in the summary is put right.", input: null }]);
      return;
    }
    refs.errors.hide();
    setPrintView(true);
    refs.printTitle.focus();
  }

  function hidePrintView() {
    setPrintView(false);
    refs.printButton.focus();
  }

  // --- files, clearing ------------------------------------------------------------------

  /** @param {string} name */
  async function download(name) {
    // A problem with one field is shown at that field, with a link to it; the file is made after.
    let checkedReply;
    try {
      checkedReply = await call("prepare.check", { workspace: work });
    } catch {
      return; // the status line says why
    }
    if (checkedReply.error) {
      showCoreError(checkedReply.error);
      return;
    }
    const made = await downloadFile(call, name, { workspace: work, base_url: SITE_ROOT, today: todayIso() });
    if (!made.file) {
      refs.errors.show([{ text: made.problem, input: null }]);
      return;
    }
    refs.errors.hide();
    tell(`Downloaded as ${made.file.filename}.`);
  }

  /** @param {HTMLInputElement} input */
  async function openFile(input) {
    const opened = await openWork(call, input, structure.limits);
    if (!opened) return;
    if (opened.problem) {
      form.clearErrors();
      refs.errors.show([{ text: opened.problem, input }]);
      return;
    }
    refs.errors.hide();
    if (!opened.work) return;
    work = opened.work;
    form.fill(work);
    keeper.changed();
    scheduleSummary();
    const s = (/** @type {number} */ n) => (n === 1 ? "" : "s");
    const kept = keeper.kept() ? "" : " It is not kept on this device unless you tick \u201cKeep my work on this device\u201d.";
    tell(`Opened ${opened.name}: ${opened.items} item${s(opened.items)} with your work, ${opened.findings} answer${s(opened.findings)}.${kept}`);
    input.value = "";
  }

  function clearAll() {
    keeper.forget();
    work = emptyWork();
    keeper.settled();
    refs.errors.hide();
    form.fill(work);
    scheduleSummary();
    tell("Cleared. Nothing is kept on this device.");
    refs.clearButton.focus();
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
    form.fill(work);
    const restored = await keeper.restore();
    if (!restored) refreshSummary();
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
    keeper?.destroy();
    stopListening();
    status.destroy();
  };
}
