// Files: download the work as Markdown or CSV (written by the core), and open such a file again.
// The file is read in this browser and turned back into work by the core ("prepare.import").

import { SITE_ROOT } from "../../config.mjs";
import { todayIso } from "./work.js";

/** The import box: a file input and its button. Calls onOpen(file, input) when pressed. */
export function importBox(h, ui, onOpen) {
  const fileId = ui.id("sccif-prep-file");
  const fileInput = h("input", { type: "file", id: fileId, class: "sccif-prep__file", accept: ".md,.markdown,.txt,.csv,text/markdown,text/csv,text/plain", "aria-describedby": `${fileId}-hint` });
  const openButton = h("button", { type: "button", class: "md-button sccif-button" }, "Open the file");
  openButton.addEventListener("click", () => onOpen(fileInput));
  const element = h(
    "div",
    { class: "sccif-field sccif-prep__import" },
    h("label", { class: "sccif-label", for: fileId }, "Open a file you downloaded from this page before"),
    h("div", { class: "sccif-hint", id: `${fileId}-hint` }, "A Markdown (.md) or CSV (.csv) file. Opening it replaces what is on this page. The file is read on this device; it is not uploaded."),
    fileInput,
    openButton,
  );
  return { element, fileInput };
}

/**
 * Ask the core for the file ("prepare.export_markdown" or "prepare.export_csv") and save it.
 * Returns {what} ("a CSV file"), {error} from the core, or null when the runtime failed (its status says why).
 */
export async function downloadWork(call, h, name, work) {
  let reply;
  try {
    reply = await call(name, { workspace: work, base_url: SITE_ROOT, today: todayIso() });
  } catch {
    return null;
  }
  if (reply.error) return { error: reply.error };
  const { text, media_type: type, extension } = reply.result;
  const blob = new Blob([extension === "csv" ? "\ufeff" + text : text], { type });
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: `sccif-self-evaluation-${todayIso()}.${extension}`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return { what: extension === "csv" ? "a CSV file" : "a Markdown file" };
}

/**
 * Read the chosen file into work. Returns {work, items, findings, name}, {problem} (a sentence for
 * the error summary), or null when the runtime failed.
 */
export async function openWork(call, input, limits) {
  const file = input.files?.[0];
  if (!file) return { problem: "choose a file to open." };
  if (file.size > limits.file * 4) return { problem: "the file is too big to be a self-evaluation." };
  let text;
  try {
    text = await file.text();
  } catch {
    return { problem: "the file could not be read." };
  }
  let reply;
  try {
    reply = await call("prepare.import", { text, name: file.name });
  } catch {
    return null;
  }
  if (reply.error) return { problem: `${file.name}: ${reply.error.message ?? reply.error.problem}` };
  const { workspace, items, findings } = reply.result;
  return { work: { items: workspace.items, findings: workspace.findings }, items, findings, name: file.name };
}
