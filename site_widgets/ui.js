// @ts-check
// Shared widget UI: elements built from text only, GOV.UK-style fields and error summary,
// and the runtime's loading / ready / failed status that readers see.
//
// Nothing here uses innerHTML: every string becomes a text node, so values a reader typed
// (or a CSV cell, or a query string) can never become markup.

import { PYODIDE_VERSION, RUNTIME_URL, SITE_ROOT } from "./config.mjs";

let uid = 0;

/** A unique id for an element, with a readable prefix. @param {string} [prefix] */
export function id(prefix = "sccif") {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** @typedef {Node | string | number | null | undefined | false | Child[]} Child */
/** @typedef {Record<string, any>} Attributes */

/**
 * Build an element. attrs: {class, text, hidden, on: {event: handler}, ...other attributes};
 * children: strings (become text), nodes, arrays, or null/false (skipped).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") element.className = value;
    else if (name === "text") element.textContent = String(value);
    else if (name === "on") for (const [type, handler] of Object.entries(value)) element.addEventListener(type, handler);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/** @param {Element} parent @param {Child[]} children */
function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Empty an element and fill it again with new children.
 * @template {Element} E
 * @param {E} element
 * @param {...Child} children
 * @returns {E}
 */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** "enter a date." -> "Enter a date." (the core words problems to follow "Row 4: ...") @param {unknown} text */
export function sentence(text) {
  const value = String(text ?? "").trim();
  return value ? value[0].toUpperCase() + value.slice(1) : value;
}

/** Hide the text written for readers without JavaScript; the widget takes its place. @param {HTMLElement} root */
export function replaceFallback(root) {
  for (const child of root.children) {
    if (child instanceof HTMLElement && !child.hasAttribute("data-sccif-widget")) child.hidden = true;
  }
  root.classList.add("sccif-tool--live");
}

/**
 * A link to a framework paragraph: path is relative to the site root, e.g. "framework/report/#report-3".
 * @param {string | null | undefined} path
 * @param {Child} text
 * @returns {HTMLElement}
 */
export function citation(path, text) {
  if (!path) return h("span", { class: "sccif-citation" }, text);
  return h("a", { class: "sccif-citation", href: new URL(path, SITE_ROOT).href }, text);
}

/**
 * The error line of a field or group, wired to its control: while it shows, the control's
 * aria-describedby names the hint (if any) and then the error, and the inputs are aria-invalid
 * (the control itself, or for a group of radios, each radio).
 * @param {{field: HTMLElement, control: HTMLElement, idPrefix: string, hintId?: string | null, invalid?: HTMLElement[]}} parts
 * @returns {{element: HTMLElement, set(text: string | null): void}}
 */
export function errorLine({ field, control, idPrefix, hintId = null, invalid = [control] }) {
  const errorId = `${idPrefix}-error`;
  const element = h("p", { class: "sccif-error-message", id: errorId, hidden: true });
  /** @param {string | null} text */
  function set(text) {
    const describedBy = [hintId];
    if (text) {
      replace(element, h("span", { class: "sccif-visually-hidden" }, "Error: "), sentence(text));
      element.hidden = false;
      field.classList.add("sccif-field--error");
      for (const input of invalid) input.setAttribute("aria-invalid", "true");
      describedBy.push(errorId);
    } else {
      element.hidden = true;
      element.replaceChildren();
      field.classList.remove("sccif-field--error");
      for (const input of invalid) input.removeAttribute("aria-invalid");
    }
    const value = describedBy.filter(Boolean).join(" ");
    if (value) control.setAttribute("aria-describedby", value);
    else control.removeAttribute("aria-describedby");
  }
  return { element, set };
}

/**
 * @typedef {object} Field
 * @property {HTMLElement} element the whole field: label, hint, error and control
 * @property {HTMLInputElement | HTMLTextAreaElement} input
 * @property {(text: string | null) => void} setError
 */

/**
 * A text input (or, with rows, a textarea) with label, hint and error message (the GOV.UK pattern).
 * @param {{name: string, label: string, hint?: string, inputmode?: string | null, width?: string | null,
 *   autocomplete?: string, rows?: number | null}} spec
 * @returns {Field}
 */
export function field({ name, label, hint = "", inputmode = null, width = null, autocomplete = "off", rows = null }) {
  const inputId = id(`sccif-${name}`);
  const hintId = hint ? `${inputId}-hint` : null;
  const shared = { id: inputId, name, spellcheck: "false", "aria-describedby": hintId };
  const input = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (
    rows
      ? h("textarea", { ...shared, class: "sccif-textarea", rows: String(rows) })
      : h("input", { ...shared, class: `sccif-input${width ? ` sccif-input--${width}` : ""}`, type: "text", inputmode, autocomplete })
  );
  const element = h("div", { class: "sccif-field" });
  const error = errorLine({ field: element, control: input, idPrefix: inputId, hintId });
  append(element, [
    h("label", { class: "sccif-label", for: inputId }, label),
    hint ? h("div", { class: "sccif-hint", id: hintId }, hint) : null,
    error.element,
    input,
  ]);
  return { element, input, setError: error.set };
}

/** @typedef {{text: string, input?: HTMLElement | null}} SummaryItem */

/**
 * "There is a problem" with a link to each field in error. Focus moves to it when shown, which is
 * how it is announced: it is not also a live region, so it is heard once.
 * @returns {{element: HTMLElement, show(items: SummaryItem[]): void, hide(): void}}
 */
export function errorSummary() {
  const titleId = id("sccif-error-title");
  const list = h("ul", { class: "sccif-error-summary__list" });
  const element = h(
    "div",
    { class: "sccif-error-summary", tabindex: "-1", hidden: true, "aria-labelledby": titleId },
    h("h2", { class: "sccif-error-summary__title", id: titleId }, "There is a problem"),
    list,
  );
  /** @param {SummaryItem[]} items */
  function show(items) {
    replace(
      list,
      items.map(({ text, input }) =>
        h(
          "li",
          {},
          input
            ? h(
                "a",
                {
                  href: `#${input.id}`,
                  on: {
                    /** @param {Event} event */
                    click(event) {
                      // Focus the field itself; stop Material's instant navigation handling the link.
                      event.preventDefault();
                      event.stopPropagation();
                      input.focus();
                    },
                  },
                },
                sentence(text),
              )
            : sentence(text),
        ),
      ),
    );
    element.hidden = false;
    element.focus();
  }
  function hide() {
    element.hidden = true;
    list.replaceChildren();
  }
  return { element, show, hide };
}

// What a first visit downloads for the calculator: the files the worker fetches (pyodide.mjs,
// pyodide.asm.mjs and .wasm, the standard library, the core's wheel and lockfile, the worker's own
// modules), as the site sends them (.br where there is one): 4.97 MB for Pyodide 314.0.7.
// tests/site/test_home_page.py adds them up in the built site and fails if this figure is out of date.
export const FIRST_VISIT_DOWNLOAD = "about 5 MB";

/**
 * Whether this browser already holds the runtime, so loading it downloads nothing big: the worker's
 * stored snapshot of this Pyodide version (kept only after a complete first load), or the offline
 * copy the service worker keeps. Never throws; false when it cannot tell.
 */
async function runtimeIsStored() {
  try {
    if (!self.caches) return false;
    const wasm = new URL("pyodide.asm.wasm", RUNTIME_URL).href;
    if (await caches.match(wasm, { ignoreSearch: true })) return true;
    if (!(await caches.has("sccif-python-snapshot"))) return false; // has(): open() would create it
    const keys = await (await caches.open("sccif-python-snapshot")).keys();
    return keys.some((request) => request.url.endsWith(`/python-${PYODIDE_VERSION}.snapshot`));
  } catch {
    return false;
  }
}
/** @type {Promise<boolean> | null} one answer per page session */
let stored = null;

/** "is" or "are" after the tool's name: "The calculator is ready", "The practice questions are ready". @param {string} what */
function isOrAre(what) {
  return what.endsWith("questions") ? "are" : "is";
}

/**
 * The runtime as a widget sees it (bridge.js).
 * @typedef {object} Runtime
 * @property {"loading" | "ready" | "failed" | "crashed"} state
 * @property {string | null} reason why it failed or crashed, in words for the reader
 * @property {{step: number, steps: number, stage?: string}} progress
 * @property {(listener: () => void) => () => void} onChange
 * @property {() => void} restart
 */

/**
 * The runtime's state as readers see it: getting ready (with the download size on a first visit
 * only), ready, could not load, stopped. what: the tool's name in a sentence, e.g. "calculator".
 * @param {Runtime} runtime
 * @param {{what?: string}} [options]
 * @returns {{element: HTMLElement, destroy: () => void}}
 */
export function runtimeStatus(runtime, { what = "calculator" } = {}) {
  const element = h("div", { class: "sccif-status", role: "status", "data-sccif-status": runtime.state });
  let shown = "";
  /** @type {boolean | null} unknown until runtimeIsStored() answers */
  let firstVisit = null;
  function render() {
    const key = `${runtime.state}:${runtime.progress.step}:${runtime.reason}:${firstVisit}`;
    if (key === shown) return;
    shown = key;
    element.dataset.sccifStatus = runtime.state;
    element.classList.toggle("sccif-status--problem", runtime.state === "failed" || runtime.state === "crashed");
    const { step, steps } = runtime.progress;
    const size = firstVisit ? ` (first visit only: ${FIRST_VISIT_DOWNLOAD})` : "";
    const bar = element.querySelector("progress");
    if (runtime.state === "loading" && bar) {
      // Already saying it is getting ready: move the bar and add the size, but do not redraw the
      // words, which a screen reader would hear again at every step (issue 18: one announcement).
      bar.value = step;
      const words = /** @type {HTMLElement} */ (element.querySelector(".sccif-status__text"));
      if (size && !words.textContent?.endsWith(size)) words.append(size);
    } else if (runtime.state === "loading") {
      replace(
        element,
        h("p", { class: "sccif-status__text" }, `Getting the ${what} ready…${size}`),
        h("progress", { class: "sccif-status__progress", max: String(steps), value: String(step), "aria-label": `Getting the ${what} ready` }),
        h("p", { class: "sccif-status__hint" }, `You can fill in the form now. Your answer will appear as soon as the ${what} ${isOrAre(what)} ready.`),
      );
    } else if (runtime.state === "ready") {
      replace(element, h("p", { class: "sccif-status__text sccif-status__text--ready" }, `The ${what} ${isOrAre(what)} ready.`));
    } else if (runtime.state === "failed") {
      replace(
        element,
        h("p", { class: "sccif-status__title" }, `The ${what} could not load`),
        h("p", {}, `Reason: ${sentence(runtime.reason ?? "unknown.")}`),
        h("p", {}, "What you can try:"),
        h(
          "ul",
          {},
          h("li", {}, "Reload the page, or press the button below."),
          h("li", {}, "Check you are connected to the network."),
          h(
            "li",
            {},
            `On a work or council network, ask your IT team to allow this site's .wasm, .mjs and .whl files (${FIRST_VISIT_DOWNLOAD}, downloaded once).`,
          ),
          h("li", {}, "Open the site through its web address (http:// or https://), not as a file on your computer."),
          h("li", {}, "Use an up-to-date Edge, Chrome, Firefox or Safari."),
        ),
        h("button", { type: "button", class: "md-button sccif-button", on: { click: () => runtime.restart() } }, "Try again"),
      );
    } else if (runtime.state === "crashed") {
      replace(
        element,
        h("p", { class: "sccif-status__title" }, `The ${what} stopped working`),
        h("p", {}, `Reason: ${sentence(runtime.reason ?? "unknown.")}`),
        h("p", {}, "What you typed is still in the form. Restart it to carry on."),
        h("button", { type: "button", class: "md-button sccif-button", on: { click: () => runtime.restart() } }, `Restart the ${what}`),
      );
    }
  }
  render();
  const stop = runtime.onChange(render);
  if (runtime.state === "loading") {
    stored ??= runtimeIsStored();
    stored.then((isStored) => {
      firstVisit = !isStored;
      element.dataset.sccifFirstVisit = String(firstVisit);
      render();
    });
  }
  return { element, destroy: stop };
}

/**
 * A polite live region for announcing what does not move focus (a download started); create it at
 * mount, before anything changes.
 * @returns {{element: HTMLElement, say(text: string): void}}
 */
export function announcer() {
  const element = h("div", { class: "sccif-visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
  /** @param {string} text */
  function say(text) {
    element.textContent = "";
    // A fresh text node after a tick is announced even when the words repeat.
    setTimeout(() => {
      element.textContent = text;
    }, 50);
  }
  return { element, say };
}
