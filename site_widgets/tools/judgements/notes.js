// @ts-check
// "What good looks like, with your evidence notes": the core's "good" descriptors, a notes box
// under each, and the notes as a Markdown file that the core writes ("judge.notes_file"). Notes stay on this page unless the reader ticks
// "Keep my notes on this device" (lib/keep.js: then saved as they type); they are never put in the
// address. A note holds at most NOTE_LIMIT characters while typing; a longer one kept before is
// shown whole with a message, never cut.

import { confirmation } from "../../lib/confirm.js";
import { downloadFile } from "../../lib/download.js";
import { keep } from "../../lib/keep.js";
import { characterCount, thousands } from "./character-count.js";
import { sourceLink, sourceNote } from "../../lib/source-link.js";
import { todayIso } from "../self-evaluation/work.js";

/** @typedef {{anchor: string, text: string, points: {text: string}[], source_path: string}} DescriptorItem */
/** @typedef {{judgement: string, title: string, descriptors: DescriptorItem[], intro: {text: string}, source_path: string, evidence: {text: string, source_path: string}[]}} Criteria */
/** @typedef {{notes: Record<string, string>}} KeptNotes */

export const NOTE_LIMIT = 20000;
// Version 1 (sccif-judgement-notes-v1, {version: 1, notes}) was written by this page before keep.js.
const KEEP = { key: "sccif-judgement-notes", version: 2 };
const ANCHOR = /^[a-z0-9-]{1,80}$/;

/**
 * Notes from kept work, read defensively: only text notes under anchor-like names survive.
 * @param {unknown} value  {notes: {anchor: text}}
 * @returns {Map<string, string>}
 */
export function readNotes(value) {
  const notes = new Map();
  const given = value && typeof value === "object" ? /** @type {{notes?: unknown}} */ (value).notes : null;
  if (!given || typeof given !== "object") return notes;
  for (const [anchor, text] of Object.entries(given)) {
    if (ANCHOR.test(anchor) && typeof text === "string" && text.trim()) notes.set(anchor, text);
  }
  return notes;
}

/**
 * @param {typeof import("../../ui.js")} ui
 * @param {{call?: (name: string, payload?: any) => Promise<any>, runtime?: import("../../ui.js").Runtime}} [core]  the widget's call and runtime, for the download
 */
export function notesSection(ui, { call, runtime } = {}) {
  const { h } = ui;
  /** @type {Map<string, string>} */
  let notes = new Map();
  /** @type {Criteria[] | null} */
  let descriptors = null; // judge.criteria, once loaded
  /** @type {Map<string, {area: HTMLTextAreaElement, count: {update: () => void}}>} boxes built so far, by anchor */
  const boxes = new Map();
  /** @type {{element: HTMLElement, anchors: string[]}[]} */
  const counters = [];
  const announcer = ui.announcer();

  const keeper = keep({
    ...KEEP,
    what: "my notes",
    hint: "Your notes are then saved in this browser as you type, until you forget them. Without this, they stay on this page only. They are never put in the web address or sent anywhere. Anyone who uses this browser could see them: do not tick this on a shared computer.",
    read: () => /** @type {KeptNotes} */ ({ notes: Object.fromEntries(notes) }),
    write: (state) => {
      notes = readNotes(state);
      for (const [anchor, { area, count }] of boxes) {
        area.value = notes.get(anchor) ?? "";
        count.update();
      }
      updateCounts();
      showOverLimit();
    },
    migrate: (old, from) => (from === 1 ? { notes: Object.fromEntries(readNotes(old)) } : null),
    empty: (state) => !Object.keys(state.notes).length,
  });

  const status = h("p", { class: "sccif-judge__notes-status", role: "status" });
  const overLimit = h("div", { class: "sccif-warning sccif-judge__over-limit", "data-sccif-over-limit": "", hidden: true });
  const downloadButton = h("button", { type: "button", class: "md-button sccif-button" }, "Download my notes (Markdown)");
  const deleteButton = h("button", { type: "button", class: "md-button sccif-button sccif-button--warning" }, "Delete all my notes");
  const list = h("div", { class: "sccif-judge__good-list" }, h("p", { class: "sccif-result__waiting" }, "The descriptors will appear here as soon as the explorer has loaded."));
  const confirmDelete = confirmation({
    title: "Delete all your notes?",
    text: "This empties every notes box and removes your notes from this device. It cannot be undone. Download them first if you want to keep a copy.",
    yes: "Yes, delete all my notes",
    onConfirm: deleteAll,
  });
  // In view while the reader types: keeping their notes, and whether they are saved.
  const bar = h("div", { class: "sccif-judge__notes-bar", "data-sccif-notes-bar": "" }, keeper.parts.choice, keeper.parts.status);
  const element = h(
    "section",
    { class: "sccif-judge__good", "aria-labelledby": "sccif-judge-good-title" },
    h("h2", { id: "sccif-judge-good-title" }, "What “good” looks like, with your evidence notes"),
    h("p", {}, "Inspectors use the descriptions of what “good” looks like as benchmarks. Add your own notes of evidence against any of them. This is not a checklist and gives no grade."),
    keeper.parts.hint,
    keeper.parts.message,
    overLimit,
    h("div", { class: "sccif-judge__actions" }, downloadButton, keeper.parts.forget, deleteButton),
    confirmDelete.element,
    status,
    list,
    bar,
    announcer.element,
  );

  /** "Children's health, descriptor 3" (or the anchor, before the descriptors have loaded) @param {string} anchor */
  function nameOf(anchor) {
    for (const judgement of descriptors ?? []) {
      const at = judgement.descriptors.findIndex((d) => d.anchor === anchor);
      if (at >= 0) return `${judgement.title}, descriptor ${at + 1}`;
    }
    return anchor;
  }

  function updateCounts() {
    for (const { element: counter, anchors } of counters) {
      const count = anchors.filter((a) => notes.has(a)).length;
      counter.textContent = count ? ` (${count} with notes)` : "";
    }
  }

  /** Notes longer than a note may be: shown whole, and the reader told which and by how much. */
  function showOverLimit() {
    const long = [...notes].filter(([, text]) => text.length > NOTE_LIMIT);
    overLimit.hidden = !long.length;
    ui.replace(
      overLimit,
      long.length
        ? [
            h("p", {}, `${long.length === 1 ? "A note is" : "Some notes are"} longer than the ${thousands(NOTE_LIMIT)} characters a note can hold. Nothing has been cut: ${long.length === 1 ? "it is" : "they are"} shown and kept whole. Shorten ${long.length === 1 ? "it" : "them"} before adding more, or download your notes to keep a copy.`),
            h("ul", {}, long.map(([anchor, text]) => h("li", {}, `${nameOf(anchor)}: ${thousands(text.length)} characters`))),
          ]
        : null,
    );
  }

  /** @param {string} anchor @param {string} text */
  function noteChanged(anchor, text) {
    const wasLong = (notes.get(anchor)?.length ?? 0) > NOTE_LIMIT;
    if (text.trim()) notes.set(anchor, text);
    else notes.delete(anchor);
    updateCounts();
    if (wasLong || text.length > NOTE_LIMIT) showOverLimit();
    keeper.changed();
  }

  function deleteAll() {
    keeper.forget();
    notes.clear();
    for (const { area, count } of boxes.values()) {
      area.value = "";
      count.update();
    }
    keeper.settled();
    updateCounts();
    showOverLimit();
    status.textContent = "All your notes have been deleted, from this page and this device.";
  }

  deleteButton.addEventListener("click", () => {
    if (notes.size) confirmDelete.open(deleteButton);
    else deleteAll();
  });

  downloadButton.addEventListener("click", async () => {
    if (!notes.size) {
      status.textContent = "You have no notes to download yet.";
      return;
    }
    if (!call) {
      status.textContent = "Your notes cannot be downloaded: the explorer is not working. Copy them from the boxes below.";
      return;
    }
    // A call made while the runtime loads waits for it: say so, so the button does not seem dead.
    if (runtime?.state === "loading") status.textContent = "The explorer is still getting ready: your notes will download as soon as it is.";
    const made = await downloadFile(call, "judge.notes_file", { notes: Object.fromEntries(notes), today: todayIso() });
    status.textContent = made.file ? "Your notes have been downloaded as a Markdown file." : `Your notes could not be downloaded. ${made.problem}`;
  });

  /** @param {DescriptorItem} item @param {number} index @param {Criteria} judgement */
  function descriptorItem(item, index, judgement) {
    const areaId = ui.id(`sccif-note-${item.anchor}`);
    const area = /** @type {HTMLTextAreaElement} */ (h("textarea", { class: "sccif-textarea", id: areaId, rows: "3", "data-anchor": item.anchor }));
    area.value = notes.get(item.anchor) ?? "";
    const count = characterCount(area, NOTE_LIMIT, announcer);
    boxes.set(item.anchor, { area, count });
    area.addEventListener("input", () => noteChanged(item.anchor, area.value));
    const which = `${judgement.title}, descriptor ${index + 1}`;
    return h(
      "li",
      { class: "sccif-descriptor", "data-anchor": item.anchor },
      h("p", {}, item.text),
      item.points.length ? h("ul", {}, item.points.map((p) => h("li", {}, p.text))) : null,
      h("p", { class: "sccif-descriptor__source" }, sourceLink(ui, item.source_path, "Read this paragraph in the framework", ` (${which})`)),
      h(
        "div",
        { class: "sccif-descriptor__notes" },
        h("label", { class: "sccif-label sccif-descriptor__label", for: areaId }, "Your evidence notes", h("span", { class: "sccif-visually-hidden" }, ` (${which})`)),
        area,
        count.element,
      ),
    );
  }

  /** @param {Criteria[]} data  judge.criteria. Each judgement's descriptors are built when the reader opens it. */
  function show(data) {
    descriptors = data;
    counters.length = 0;
    boxes.clear();
    ui.replace(
      list,
      data.map((judgement) => {
        const count = h("span", { class: "sccif-judge__count", "data-sccif-count": true });
        counters.push({ element: count, anchors: judgement.descriptors.map((d) => d.anchor) });
        const body = h("div", {});
        const details = /** @type {HTMLDetailsElement} */ (h("details", { class: "sccif-details sccif-judge__judgement", "data-judgement": judgement.judgement }, h("summary", {}, judgement.title, count), body));
        let built = false;
        details.addEventListener("toggle", () => {
          if (!details.open || built) return;
          built = true;
          ui.replace(
            body,
            h("p", {}, judgement.intro.text, " ", ui.citation(judgement.source_path, `Read the “good” descriptors for ${judgement.title.toLowerCase()} in the framework`)),
            h("ol", { class: "sccif-descriptors" }, judgement.descriptors.map((item, i) => descriptorItem(/** @type {DescriptorItem} */ (item), i, judgement))),
            judgement.evidence.length
              ? h(
                  "details",
                  { class: "sccif-details" },
                  h("summary", {}, "Areas of required evidence"),
                  h("ul", {}, judgement.evidence.map((e, i) => h("li", {}, e.text, " ", sourceNote(ui, e.source_path, `area of required evidence ${i + 1}, ${judgement.title}`)))),
                )
              : null,
          );
        });
        return details;
      }),
    );
    updateCounts();
    showOverLimit();
  }

  /** @param {string} text */
  function showProblem(text) {
    list.replaceChildren(h("p", {}, text));
  }

  keeper.restore();
  return { element, show, showProblem, destroy: () => keeper.destroy() };
}
