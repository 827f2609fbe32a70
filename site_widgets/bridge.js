// The page's side of the Python runtime: one module Web Worker per page session, and a
// promise-based call API over postMessage.
//
// WIDGET CONTRACT (for site_widgets/tools/<name>.js)
// --------------------------------------------------
// A tool page has front matter `tool: <name>` and, in its Markdown, a container
//     <div class="sccif-tool" data-sccif-tool="<name>" markdown> ...text for readers without JavaScript... </div>
// loader.js imports tools/<name>.js and calls, once per container on the page:
//     export function mount(root, { call, runtime, ui }) { ...; return unmount /* optional */ }
//   root     the container element. Call ui.replaceFallback(root) to hide the no-JavaScript text.
//   call     call(name, payload) -> Promise of the core's answer, exactly as
//            sccif_core.browser_api.call returns it: {result: ...} or {error: {problem, field, row, message}}.
//            Calls made while the runtime loads wait for it: build the form at once and let the
//            answer appear when it comes. The promise rejects (with a RuntimeFailure) only when
//            the runtime cannot answer: it failed to load, crashed, or was restarted.
//   runtime  {state, reason, onChange(listener) -> unsubscribe, restart()}; state is
//            "loading" | "ready" | "failed" | "crashed". Show it with ui.runtimeStatus(runtime, ...).
//   ui       the shared helpers in ui.js: text-only element builder, fields with hint and error,
//            error summary, status line, citation links.
// The widget must render every user-supplied or computed value with textContent (ui.h does),
// never innerHTML. unmount() is called when instant navigation has taken the container away.
//
// WHY IT IS BUILT THIS WAY
// - One worker for the whole page session: Material's instant navigation swaps page content
//   without reloading, so this module (and its worker) outlive a page; loader.js re-mounts
//   widgets on each of Material's `document$` emissions.
// - Every URL comes from import.meta.url (see config.mjs), never from document.currentScript or
//   the page's location, which instant navigation changes under us.
// - No inline script, no eval: works under `script-src 'self' 'wasm-unsafe-eval'`.

const WORKER_URL = new URL("./worker.mjs", import.meta.url);
// A load that takes longer than this has failed for the reader, whatever the cause.
const LOAD_TIMEOUT_MS = 90_000;
// A call that does not answer in this time means the runtime has hung. (A worker that dies is
// noticed at once, through the Web Lock it holds while alive: see "alive" below.)
const CALL_TIMEOUT_MS = 30_000;

/** The runtime could not answer a call: it failed to load, crashed or was restarted. */
export class RuntimeFailure extends Error {
  constructor(state, reason) {
    super(reason);
    this.name = "RuntimeFailure";
    this.state = state;
  }
}

class Runtime {
  constructor() {
    this.state = "loading";
    this.reason = null; // why it failed or crashed, in words for the reader
    this.progress = { step: 0, steps: 3, stage: "starting" };
    this.timings = null; // from the worker, once ready (for `make bench`)
    this.startedAt = 0;
    this.readyAt = 0;
    this.firstAnswerAt = 0;
    this.lastCallMs = null;
    this.generation = 0;
    this._listeners = new Set();
    this._pending = new Map();
    this._nextId = 1;
    this._start();
  }

  /** Call a core function; see the contract above. */
  call(name, payload = {}) {
    if (this.state === "failed" || this.state === "crashed") {
      return Promise.reject(new RuntimeFailure(this.state, this.reason));
    }
    const id = this._nextId++;
    return new Promise((resolve, reject) => {
      const entry = { resolve, reject, name, sent: performance.now(), timer: 0 };
      this._pending.set(id, entry);
      if (this.state === "ready") this._arm(id, entry);
      // With no worker (it could not start) the pending call is rejected by _fail.
      this._worker?.postMessage({ type: "call", id, name, payload: JSON.stringify(payload) });
    });
  }

  /** Listen to state and progress changes; returns a function that stops listening. */
  onChange(listener) {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** Throw the worker away and start a fresh one (after a failure, a crash, or on request). */
  restart() {
    this._worker?.terminate();
    this._rejectAll(new RuntimeFailure("restarted", "the calculator was restarted"));
    this.state = "loading";
    this.reason = null;
    this.progress = { step: 0, steps: 3, stage: "starting" };
    this._start();
    this._emit();
  }

  /** How many calls are still waiting for their answer (tests wait for none before checking a page). */
  get unanswered() {
    return this._pending.size;
  }

  /** Tests only: make the worker fail as a runtime that runs out of memory does. */
  simulateCrash() {
    this._worker?.postMessage({ type: "crash" });
  }

  /** Tests only: make the worker end silently, with no error event and no message. */
  simulateVanish() {
    this._worker?.postMessage({ type: "vanish" });
  }

  _start() {
    this.generation += 1;
    const generation = this.generation;
    this.startedAt = performance.now();
    clearTimeout(this._loadTimer);
    this._loadTimer = setTimeout(() => {
      if (generation === this.generation && this.state === "loading") {
        this._fail("failed", `it took more than ${LOAD_TIMEOUT_MS / 1000} seconds to load.`);
      }
    }, LOAD_TIMEOUT_MS);
    let worker;
    try {
      worker = new Worker(WORKER_URL, { type: "module", name: "sccif-runtime" });
    } catch (error) {
      // For example a Content-Security-Policy without worker-src 'self'.
      this._worker = null;
      queueMicrotask(() => this._fail("failed", `the browser would not start it (${error.message}).`));
      return;
    }
    this._worker = worker;
    worker.onmessage = (event) => {
      if (generation === this.generation) this._receive(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (generation !== this.generation) return;
      if (this.state === "loading") {
        // The worker script itself could not be fetched or run.
        this._fail("failed", `its worker could not start${event.message ? ` (${event.message})` : ""}.`);
      } else {
        this._fail("crashed", `it stopped working${event.message ? ` (${event.message})` : ""}.`);
      }
    };
    worker.onmessageerror = () => {
      if (generation === this.generation) this._fail("crashed", "it sent a message the page could not read.");
    };
  }

  _receive(message) {
    switch (message?.type) {
      case "alive":
        this._watch(message.lock);
        break;
      case "progress":
        this.progress = { step: message.step, steps: message.steps, stage: message.stage };
        this._emit();
        break;
      case "ready":
        clearTimeout(this._loadTimer);
        this.state = "ready";
        this.readyAt = performance.now();
        this.timings = message.timings;
        for (const [id, entry] of this._pending) this._arm(id, entry);
        this._emit();
        break;
      case "failed":
        this._fail("failed", message.detail);
        break;
      case "answer": {
        const entry = this._take(message.id);
        if (!entry) break;
        this.lastCallMs = message.ms; // time spent in Python, for `make bench`
        this.firstAnswerAt ||= performance.now();
        try {
          entry.resolve(JSON.parse(message.json));
        } catch (error) {
          entry.reject(new RuntimeFailure("crashed", `its answer was not readable (${error.message}).`));
        }
        break;
      }
      case "broken":
        this._fail("crashed", `it stopped working (${message.reason}).`);
        break;
      default:
        break;
    }
  }

  /** Queue for the Web Lock the worker holds while it lives: it is ours only once the worker has ended. */
  _watch(lock) {
    const generation = this.generation;
    navigator.locks
      .request(lock, () => {
        if (generation !== this.generation) return; // a worker we ended ourselves
        if (this.state === "loading") this._fail("failed", "its worker stopped while loading.");
        else this._fail("crashed", "it stopped unexpectedly (the browser may have closed it, for example to free memory).");
      })
      .catch(() => {});
  }

  _arm(id, entry) {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      if (this._pending.has(id)) this._fail("crashed", `it did not answer within ${CALL_TIMEOUT_MS / 1000} seconds.`);
    }, CALL_TIMEOUT_MS);
  }

  _take(id) {
    const entry = this._pending.get(id);
    if (entry) {
      clearTimeout(entry.timer);
      this._pending.delete(id);
    }
    return entry;
  }

  _fail(state, reason) {
    if (this.state === "failed" || this.state === "crashed") return;
    clearTimeout(this._loadTimer);
    this.state = state;
    this.reason = reason;
    // A failed or crashed worker holds memory and may still print errors: end it now.
    this._worker?.terminate();
    this._rejectAll(new RuntimeFailure(state, reason));
    this._emit();
  }

  _rejectAll(error) {
    for (const [id, entry] of this._pending) {
      clearTimeout(entry.timer);
      entry.reject(error);
      this._pending.delete(id);
    }
  }

  _emit() {
    for (const listener of [...this._listeners]) {
      try {
        listener(this);
      } catch (error) {
        console.error(error);
      }
    }
  }
}

let runtime = null;

/** The page session's runtime, started on first use. */
export function getRuntime() {
  runtime ??= new Runtime();
  return runtime;
}
