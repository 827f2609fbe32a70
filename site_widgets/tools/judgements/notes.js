// "What good looks like, with your evidence notes": the core's "good" descriptors, a notes box
// under each, and the notes as a Markdown file. Notes stay in memory unless the reader ticks
// "Save my notes on this device" (then localStorage); they are never put in the address.

import { VERSION } from "./data.js";

const NOTES_KEY = "sccif-judgement-notes-v1";

// Markdown and HTML in what the reader typed must stay text in the file: every character
// Markdown gives a meaning to is escaped with a backslash, and <, > and & become entities, so
// "<img onerror=…>", "[x](javascript:…)" or "# Heading" in a note are shown, never run or obeyed.
// A line's leading spaces would make code, and a leading "=" a heading: both are removed or escaped.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!~]/g;
const HTML_SPECIAL = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** One line of the reader's text, safe to put in a Markdown file as plain text. */
export function escapeMarkdown(text) {
  return String(text)
    .replace(/^\s+/, "")
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_SPECIAL[c])
    .replace(/^=/, "\\=");
}

/** A note as Markdown: each line escaped, kept as its own line. */
function noteBlock(text) {
  return String(text)
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line))
    .join("  \n");
}

/** The notes as a Markdown file: each descriptor quoted, the reader's note (escaped) under it. */
export function notesMarkdown(descriptors, notes, today) {
  const lines = [
    "# Evidence notes against what “good” looks like",
    "",
    `Written with the SCCIF guide (Social care common inspection framework: secure children's homes, ${VERSION.replace(/^U/, "u")}), ${today}.`,
    "These are notes, not a grade: judgements are best fit, not a checklist.",
    "",
  ];
  for (const judgement of descriptors ?? []) {
    const items = judgement.descriptors.filter((d) => notes.has(d.anchor));
    if (!items.length) continue;
    lines.push(`## ${judgement.title}`, "");
    for (const item of items) {
      lines.push(`### Descriptor ${item.anchor}`, "", ...[item.text, ...item.points.map((p) => `- ${p.text}`)].map((t) => `> ${t}`), "", noteBlock(notes.get(item.anchor)), "");
    }
  }
  const known = new Set((descriptors ?? []).flatMap((j) => j.descriptors.map((d) => d.anchor)));
  const orphans = [...notes.keys()].filter((a) => !known.has(a));
  if (orphans.length) {
    lines.push("## Other notes", "");
    for (const anchor of orphans) lines.push(`### ${escapeMarkdown(anchor)}`, "", noteBlock(notes.get(anchor)), "");
  }
  return `${lines.join("\n")}\n`;
}

/** Notes kept on this device, read defensively: only text notes under anchor-like keys survive. */
function loadSavedNotes() {
  let raw;
  try {
    raw = window.localStorage.getItem(NOTES_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const data = JSON.parse(raw);
    const notes = new Map();
    if (data && typeof data.notes === "object") {
      for (const [anchor, text] of Object.entries(data.notes)) {
        if (/^[a-z0-9-]{1,80}$/.test(anchor) && typeof text === "string" && text.trim()) notes.set(anchor, text.slice(0, 20000));
      }
    }
    return notes;
  } catch {
    return new Map();
  }
}

export function notesSection(ui) {
  const { h } = ui;
  const saved = loadSavedNotes();
  const notes = saved ?? new Map();
  let saving = saved !== null;
  const saveId = ui.id("sccif-judge-save");
  const saveBox = h("input", { type: "checkbox", class: "sccif-checkbox__input", id: saveId, "aria-describedby": `${saveId}-hint` });
  saveBox.checked = saving;
  const status = h("p", { class: "sccif-judge__notes-status", role: "status" });
  const downloadButton = h("button", { type: "button", class: "md-button sccif-button" }, "Download my notes (Markdown)");
  const deleteButton = h("button", { type: "button", class: "md-button sccif-button" }, "Delete all my notes");
  const list = h("div", { class: "sccif-judge__good-list" }, h("p", { class: "sccif-result__waiting" }, "The descriptors will appear here as soon as the explorer has loaded."));
  const element = h(
    "section",
    { class: "sccif-judge__good", "aria-labelledby": "sccif-judge-good-title" },
    h("h2", { id: "sccif-judge-good-title" }, "What “good” looks like, with your evidence notes"),
    h("p", {}, "Inspectors use the descriptions of what “good” looks like as benchmarks. Add your own notes of evidence against any of them. This is not a checklist and gives no grade."),
    h(
      "div",
      { class: "sccif-checkbox" },
      saveBox,
      h("label", { class: "sccif-checkbox__label", for: saveId }, "Save my notes on this device"),
      h(
        "div",
        { class: "sccif-hint", id: `${saveId}-hint` },
        "Without this, your notes stay in this page only and are gone when you leave it. With it, they are kept in this browser on this device until you delete them. They are never put in the web address or sent anywhere.",
      ),
    ),
    h("div", { class: "sccif-judge__actions" }, downloadButton, deleteButton),
    status,
    list,
  );
  let descriptors = null; // judge.criteria, once loaded
  const counters = [];
  let persistTimer = 0;

  function persist() {
    if (!saving) return;
    try {
      window.localStorage.setItem(NOTES_KEY, JSON.stringify({ version: 1, notes: Object.fromEntries(notes) }));
      status.textContent = "";
    } catch {
      status.textContent = "Your notes could not be saved on this device (the browser refused). They are still on this page: download them to keep them.";
    }
  }

  function updateCounts() {
    for (const { element: counter, anchors } of counters) {
      const count = anchors.filter((a) => notes.has(a)).length;
      counter.textContent = count ? ` (${count} with notes)` : "";
    }
  }

  function noteChanged(anchor, text) {
    if (text.trim()) notes.set(anchor, text);
    else notes.delete(anchor);
    updateCounts();
    clearTimeout(persistTimer);
    persistTimer = setTimeout(persist, 300);
  }

  saveBox.addEventListener("change", () => {
    saving = saveBox.checked;
    if (saving) {
      persist();
      if (!status.textContent) status.textContent = "Your notes are now saved on this device.";
    } else {
      try {
        window.localStorage.removeItem(NOTES_KEY);
      } catch {
        // nothing stored, nothing to remove
      }
      status.textContent = "Your notes are no longer saved on this device, and the saved copy has been deleted. They stay on this page until you leave it.";
    }
  });

  deleteButton.addEventListener("click", () => {
    if (notes.size && !window.confirm("Delete all your notes? This cannot be undone.")) return;
    notes.clear();
    for (const area of list.querySelectorAll("textarea")) area.value = "";
    updateCounts();
    try {
      window.localStorage.removeItem(NOTES_KEY);
    } catch {
      // nothing stored
    }
    status.textContent = "All your notes have been deleted.";
  });

  downloadButton.addEventListener("click", () => {
    if (!notes.size) {
      status.textContent = "You have no notes to download yet.";
      return;
    }
    const today = new Date().toISOString().slice(0, 10);
    const blob = new Blob([notesMarkdown(descriptors, notes, today)], { type: "text/markdown;charset=utf-8" });
    const link = h("a", { href: URL.createObjectURL(blob), download: `sccif-evidence-notes-${today}.md`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    status.textContent = "Your notes have been downloaded as a Markdown file.";
  });

  function descriptorItem(item) {
    const areaId = ui.id(`sccif-note-${item.anchor}`);
    const area = h("textarea", { class: "sccif-textarea", id: areaId, rows: "3", "data-anchor": item.anchor });
    area.value = notes.get(item.anchor) ?? "";
    area.addEventListener("input", () => noteChanged(item.anchor, area.value));
    return h(
      "li",
      { class: "sccif-descriptor", "data-anchor": item.anchor },
      h("p", {}, item.text),
      item.points.length ? h("ul", {}, item.points.map((p) => h("li", {}, p.text))) : null,
      h("p", { class: "sccif-descriptor__source" }, ui.citation(item.source_path, "Read this paragraph in the framework")),
      h("label", { class: "sccif-label sccif-descriptor__label", for: areaId }, "Your evidence notes"),
      area,
    );
  }

  /** data: judge.criteria. Each judgement's descriptors are built when the reader opens it. */
  function show(data) {
    descriptors = data;
    counters.length = 0;
    ui.replace(
      list,
      data.map((judgement) => {
        const count = h("span", { class: "sccif-judge__count", "data-sccif-count": true });
        counters.push({ element: count, anchors: judgement.descriptors.map((d) => d.anchor) });
        const body = h("div", {});
        const details = h("details", { class: "sccif-details sccif-judge__judgement", "data-judgement": judgement.judgement }, h("summary", {}, judgement.title, count), body);
        let built = false;
        details.addEventListener("toggle", () => {
          if (!details.open || built) return;
          built = true;
          ui.replace(
            body,
            h("p", {}, judgement.intro.text, " ", ui.citation(judgement.source_path, "Read the “good” descriptors in the framework")),
            h("ol", { class: "sccif-descriptors" }, judgement.descriptors.map(descriptorItem)),
            judgement.evidence.length
              ? h("details", { class: "sccif-details" }, h("summary", {}, "Areas of required evidence"), h("ul", {}, judgement.evidence.map((e) => h("li", {}, e.text, " ", ui.citation(e.source_path, "(source)")))))
              : null,
          );
        });
        return details;
      }),
    );
    updateCounts();
  }

  function showProblem(text) {
    list.replaceChildren(h("p", {}, text));
  }

  return { element, show, showProblem, destroy: () => clearTimeout(persistTimer) };
}
