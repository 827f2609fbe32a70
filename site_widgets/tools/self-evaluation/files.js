// @ts-check
// Files: open a Markdown or CSV file downloaded from this page before (the core writes those:
// "prepare.export_markdown", "prepare.export_csv", saved by lib/download.js). The file is read in
// this browser and turned back into work by the core ("prepare.import").

/**
 * The import box: a file input and its button. Calls onOpen(input) when pressed.
 * @param {typeof import("../../ui.js").h} h @param {typeof import("../../ui.js")} ui @param {(input: HTMLInputElement) => void} onOpen
 */
export function importBox(h, ui, onOpen) {
  const fileId = ui.id("sccif-prep-file");
  const fileInput = /** @type {HTMLInputElement} */ (h("input", { type: "file", id: fileId, class: "sccif-prep__file", accept: ".md,.markdown,.txt,.csv,text/markdown,text/csv,text/plain", "aria-describedby": `${fileId}-hint` }));
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
 * Read the chosen file into work. Returns {work, items, findings, name}, {problem} (a sentence for
 * the error summary), or null when the runtime failed.
 * @param {(name: string, payload?: any) => Promise<any>} call @param {HTMLInputElement} input @param {{file: number}} limits
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
