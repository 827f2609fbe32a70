// @ts-check
// A link to the framework whose visible words many links share ("(source)", "Read this paragraph
// in the framework"): for a screen reader, its name goes on to say what it opens.

/**
 * @param {typeof import("../ui.js")} ui
 * @param {string | null | undefined} path  relative to the site root
 * @param {string} text  the visible words
 * @param {string} which  what it opens, heard after the visible words
 * @param {string} [after]  visible words after it, such as a closing bracket
 */
export function sourceLink(ui, path, text, which, after = "") {
  const link = ui.citation(path, text);
  if (which) link.append(ui.h("span", { class: "sccif-visually-hidden" }, which));
  if (after) link.append(after);
  return link;
}

/** "(source)", named: "(source: <what>)" @param {typeof import("../ui.js")} ui @param {string | null | undefined} path @param {string} what */
export function sourceNote(ui, path, what) {
  return sourceLink(ui, path, "(source", `: ${what}`, ")");
}

/**
 * "Read this paragraph in the framework", named by the paragraph it opens (its anchor, as the
 * framework's pages number them: "health-good-3").
 * @param {typeof import("../ui.js")} ui @param {string | null | undefined} path @param {string} [text]
 */
export function paragraphLink(ui, path, text = "Read this paragraph in the framework") {
  const anchor = String(path ?? "").split("#")[1];
  return anchor ? sourceLink(ui, path, text, ` (paragraph ${anchor})`) : ui.citation(path, text);
}
