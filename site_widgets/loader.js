// The entry point on tool pages, and only on them.
//
// hooks/pyodide_runtime.py puts <script type="module" src=".../loader.js"> inside the content
// of pages whose front matter has `tool:`. On a full page load it runs once. When Material's
// instant navigation brings in a tool page it re-inserts the tag; a module runs only once per
// page session, so after the first time this file just keeps listening to `document$`,
// Material's observable of "a new page is in place", and mounts the widgets it finds.
//
// Text pages never load this file, the bridge, the worker or any Pyodide byte.

import { getRuntime } from "./bridge.js";
import * as ui from "./ui.js";

// Start the worker first: the runtime's download and start-up dominate, so begin them now,
// before the page has even finished parsing (this module is loaded with `async`).
const runtime = getRuntime();
const call = (name, payload) => runtime.call(name, payload);
const TOOL_NAME = /^[a-z][a-z0-9-]*$/;

// container element -> {unmount} for the widgets on the current page
const mounted = new Map();

async function mountTool(root) {
  const name = root.dataset.sccifTool ?? "";
  if (!TOOL_NAME.test(name)) throw new Error(`"${name}" is not a tool name`);
  const tool = await import(new URL(`./tools/${name}.js`, import.meta.url).href);
  if (!root.isConnected) return;
  const unmount = tool.mount(root, { call, runtime, ui });
  mounted.set(root, { unmount: typeof unmount === "function" ? unmount : null });
}

function scan() {
  for (const [root, widget] of mounted) {
    if (!root.isConnected) {
      mounted.delete(root);
      try {
        widget.unmount?.();
      } catch (error) {
        console.error(error);
      }
    }
  }
  for (const root of document.querySelectorAll("[data-sccif-tool]")) {
    if (mounted.has(root)) continue;
    mounted.set(root, { unmount: null });
    mountTool(root).catch((error) => {
      ui.replaceFallback(root);
      root.append(
        ui.h(
          "div",
          { class: "sccif-status sccif-status--problem", role: "status", "data-sccif-widget": true },
          ui.h("p", { class: "sccif-status__title" }, "The calculator could not load"),
          ui.h("p", {}, `Reason: its page code could not be loaded (${error.message}).`),
          ui.h("p", {}, "Reload the page to try again."),
        ),
      );
    });
  }
}

// Material for MkDocs publishes `document$` (an RxJS subject that replays the current page).
// This module is loaded `async`, so on a full page load it can run before Material's bundle
// has defined `document$`: wait for the document to be parsed, then subscribe. Without
// `document$` (another theme, or instant navigation off) the page never changes under us.
function attach() {
  if (typeof window.document$?.subscribe === "function") window.document$.subscribe(scan);
  else scan();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach, { once: true });
else attach();
