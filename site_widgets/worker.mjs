// The module Web Worker that runs the Python core: Pyodide plus the sccif_core wheel.
//
// bridge.js starts exactly one of these per page session. Everything slow (downloading
// 13 MB, compiling WebAssembly, starting Python) happens here, never on the page's thread.
//
// Messages in:   {type: "call", id, name, payload}  payload is a JSON string
//                {type: "crash"}                    tests only: fail like an out-of-memory would
//                {type: "vanish"}                   tests only: stop without a word (no error event)
// Messages out:  {type: "alive", lock}              this worker holds the Web Lock `lock` until it ends
//                {type: "progress", step, steps, stage}
//                {type: "ready", timings}
//                {type: "failed", reason, detail}   the runtime could not load; nothing will answer
//                {type: "answer", id, json}         the core's JSON answer ({result} or {error})
//                {type: "broken", id, reason}       the runtime broke while answering; restart it
//
// Timings: performance.mark() names start with "sccif:"; "ready" carries them, with the
// runtime downloads from Resource Timing, so `make bench` can split the load into its parts.
//
// Returning readers: starting Python (about a second) is most of a load. So the first load
// keeps a memory snapshot of the started interpreter, taken after the core is imported and
// before any call (so it holds no reader's data), in this browser's storage (snapshot-store.mjs)
// under a key naming the Pyodide version and the core's content-hashed folder. Later loads
// restore it instead of starting Python again. It never leaves the browser; a stale, damaged or
// unusable one is deleted and Python starts the ordinary way.

import { CORE_MODULE, CORE_PACKAGE, LOCKFILE_URL, PYODIDE_VERSION, RUNTIME_URL, STDLIB_URL } from "./config.mjs";
import { forgetSnapshot, readSnapshot, saveSnapshot } from "./snapshot-store.mjs";

function fileName(url) {
  return new URL(url, self.location.href).pathname.split("/").pop();
}

const STEPS = 3;
// Not a file on the server: a key naming this runtime and this build of the core.
const SNAPSHOT_KEY = new URL(`python-${PYODIDE_VERSION}.snapshot`, LOCKFILE_URL).href;
const runtimeFiles = new Set(["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", fileName(STDLIB_URL)]);

performance.mark("sccif:worker-start");

// A death notice: this worker holds a Web Lock for as long as it lives, and the browser releases it
// when the worker ends however it ends (closed, killed, its thread gone), with no error event
// needed. bridge.js queues for the same lock, so it learns at once; a worker that is only busy
// (a long calculation) keeps the lock, so it is never mistaken for a dead one.
const LIFE_LOCK = `sccif-runtime-alive-${performance.timeOrigin}-${Math.random().toString(36).slice(2)}`;
navigator.locks
  ?.request(LIFE_LOCK, () => {
    self.postMessage({ type: "alive", lock: LIFE_LOCK });
    return new Promise(() => {}); // held until the worker ends
  })
  .catch(() => {}); // no Web Locks here: bridge.js falls back on its call time-out

let failLoad;
const failed = new Promise((_, reject) => {
  failLoad = reject;
});

// Pyodide swallows some download failures (a failed wasm download only logs a warning and
// then waits for ever), so watch the runtime's own requests and fail at once, naming the file.
const realFetch = self.fetch.bind(self);
const WASM_URL = `${RUNTIME_URL}pyodide.asm.wasm`;

// Start the large downloads now, beside importing Pyodide's 1.2 MB of JavaScript: Pyodide would
// ask for them only once that is parsed. Its own requests for these URLs get these responses.
const early = new Map(
  [WASM_URL, STDLIB_URL, LOCKFILE_URL].map((url) => {
    const response = realFetch(url);
    response.catch(() => {}); // a failure is reported when Pyodide asks for the file
    return [url, response];
  }),
);
// Read beside Pyodide's own copy, so a restored runtime can fetch the core's wheel while Python restores.
const lockfile = early.get(LOCKFILE_URL).then((response) => response.clone().json());
lockfile.catch(() => {});

self.fetch = async (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const name = fileName(url);
  const watched = runtimeFiles.has(name) || url === LOCKFILE_URL || name.endsWith(".whl");
  const started = init?.integrity ? undefined : early.get(url);
  early.delete(url);
  let response;
  try {
    response = await (started ?? realFetch(input, init));
  } catch (error) {
    if (watched) {
      const what = init?.integrity
        ? `the file ${name} could not be downloaded, or its contents did not match the checksum in the lockfile`
        : `the file ${name} could not be downloaded`;
      failLoad(new LoadFailure("download", `${what} (${error.message}).`));
    }
    throw error;
  }
  if (watched && !response.ok) {
    failLoad(new LoadFailure("download", `the file ${name} could not be downloaded: the server answered ${response.status}.`));
  }
  return response;
};

// While loading, Pyodide starts downloads before anything awaits them; when one fails its
// rejected promise may never be handled. Treat that as the load failing (the watch above has
// usually named the file already) rather than as an unexplained error in the console.
let loading = true;
self.addEventListener("unhandledrejection", (event) => {
  if (!loading) return;
  event.preventDefault();
  const reason = event.reason?.message ?? String(event.reason);
  failLoad(new LoadFailure("error", `the runtime stopped while starting (${reason}).`));
});

// Compile the WebAssembly as it downloads, from the start, beside everything else; Pyodide would
// start only after its JavaScript is parsed and (for a returning reader) the snapshot is read.
// compileStreaming keeps the browser's compiled-code cache working for returning readers.
// Pyodide's own request for the file gets the same response, and passes it here unread.
const compiled =
  typeof WebAssembly === "object" && WebAssembly.compileStreaming ? WebAssembly.compileStreaming(early.get(WASM_URL)) : null;
compiled?.then(() => performance.mark("sccif:wasm-compiled"), () => {});
if (compiled) {
  WebAssembly.instantiateStreaming = async (_unread, imports) => {
    performance.mark("sccif:wasm-instantiate-start");
    let module, instance;
    try {
      module = await compiled;
      instance = await WebAssembly.instantiate(module, imports);
    } catch (error) {
      // Pyodide would only log this and wait for ever.
      failLoad(new LoadFailure("download", `the file pyodide.asm.wasm could not be compiled (${error.message}).`));
      throw error;
    }
    performance.mark("sccif:wasm-instantiated");
    progress(2, "starting-python");
    return { module, instance };
  };
}

class LoadFailure extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

function progress(step, stage) {
  self.postMessage({ type: "progress", step, steps: STEPS, stage });
}

async function load() {
  if (typeof WebAssembly !== "object") {
    throw new LoadFailure("unsupported", "this browser cannot run WebAssembly, or it has been turned off.");
  }
  progress(1, "downloading");
  // Fetch both modules at once; pyodide.asm.mjs is handed to loadPyodide ready-made.
  const asm = import(`${RUNTIME_URL}pyodide.asm.mjs`);
  asm.catch(() => {});
  const stored = readSnapshot(SNAPSHOT_KEY);
  const { loadPyodide, version } = await import(`${RUNTIME_URL}pyodide.mjs`);
  performance.mark("sccif:pyodide-imported");
  if (version !== PYODIDE_VERSION) {
    throw new LoadFailure("version", `the runtime is Pyodide ${version}, but this site needs ${PYODIDE_VERSION}.`);
  }
  const start = (snapshot) =>
    loadPyodide({
      indexURL: RUNTIME_URL,
      lockFileURL: LOCKFILE_URL,
      stdLibURL: STDLIB_URL, // the standard library precompiled to bytecode at build time
      createPyodideModule: async (settings) => (await asm).default(settings),
      stdout: () => {},
      stderr: (text) => console.warn(`Python: ${text}`),
      env: { PYTHONDONTWRITEBYTECODE: "1" },
      ...(snapshot ? { _loadSnapshot: snapshot } : { _makeSnapshot: true }),
    });
  const snapshot = await stored;
  performance.mark("sccif:snapshot-read");
  let pyodide = null;
  let wheel = null;
  if (snapshot) {
    wheel = fetchCoreWheel();
    wheel.catch(() => {}); // the fetch watch reports a failure; unused if the restore fails
    try {
      pyodide = await start(snapshot);
    } catch (error) {
      console.warn("sccif: the stored snapshot could not be restored; starting Python afresh", error);
      forgetSnapshot();
    }
  }
  const restored = pyodide !== null;
  pyodide ??= await start(null);
  performance.mark("sccif:python-started");
  progress(3, "core");
  if (restored) unpackCore(pyodide, await wheel);
  else await installCore(pyodide);
  performance.mark("sccif:core-installed");
  const api = pyodide.pyimport(CORE_MODULE);
  performance.mark("sccif:core-imported");
  return { pyodide, call: api.call, restored };
}

/** A first start: Pyodide's package loader fetches the wheel, checks its sha256, unpacks and records it. */
async function installCore(pyodide) {
  const problems = [];
  await pyodide.loadPackage([CORE_PACKAGE], {
    checkIntegrity: true,
    messageCallback: () => {},
    // loadPackage does not reject when a package fails: any error message is fatal here.
    errorCallback: (message) => problems.push(message),
  });
  if (problems.length) {
    throw new LoadFailure("core", `the site's own Python code (sccif-core) could not be installed: ${problems.join(" ")}`);
  }
}

/** The core's wheel as the lockfile names it; the browser checks its sha256 (Subresource Integrity). */
async function fetchCoreWheel() {
  const entry = (await lockfile).packages[CORE_PACKAGE];
  const url = new URL(entry.file_name, LOCKFILE_URL).href;
  // A damaged wheel fails here in the same words as in loadPackage, from the fetch watch above.
  const response = await self.fetch(url, { integrity: `sha256-${hexToBase64(entry.sha256)}` });
  return response.arrayBuffer();
}

/**
 * After a restore the core is already imported, but its files are not in the restored file system
 * (the framework's text, modules imported later): put them back, without loadPackage's machinery.
 * The wheel is stored uncompressed (hooks/pyodide_runtime.py), so its files are written straight
 * from its bytes: Python's unpacking (pyodide.unpackArchive, or loadPackage) takes ten times as long.
 */
function unpackCore(pyodide, wheel) {
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  const files = storedZipFiles(new Uint8Array(wheel));
  if (files) {
    const folders = new Set();
    for (const [name, content] of files) {
      const path = `${sitePackages}/${name}`;
      const folder = path.slice(0, path.lastIndexOf("/"));
      if (!folders.has(folder)) pyodide.FS.mkdirTree(folder);
      folders.add(folder);
      pyodide.FS.writeFile(path, content);
    }
  } else {
    pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
  }
  pyodide.runPython("import importlib; importlib.invalidate_caches()"); // as loadPackage does after installing
  pyodide.loadedPackages[CORE_PACKAGE] = "default channel"; // what loadPackage records for a lockfile package
}

/** A zip's files as [name, bytes] pairs, if every one is stored uncompressed; otherwise null. */
function storedZipFiles(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.length);
  const end = zip.length - 22; // the end-of-directory record, with no comment after it
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50) return null;
  const names = new TextDecoder();
  const files = [];
  let entry = view.getUint32(end + 16, true);
  for (let i = view.getUint16(end + 10, true); i > 0; i -= 1) {
    if (view.getUint32(entry, true) !== 0x02014b50 || view.getUint16(entry + 10, true) !== 0) return null;
    const size = view.getUint32(entry + 24, true);
    const nameLength = view.getUint16(entry + 28, true);
    const local = view.getUint32(entry + 42, true);
    const name = names.decode(zip.subarray(entry + 46, entry + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (!name.endsWith("/")) files.push([name, zip.subarray(start, start + size)]);
    entry += 46 + nameLength + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  return files;
}

function hexToBase64(hex) {
  return btoa(String.fromCharCode(...hex.match(/../g).map((byte) => parseInt(byte, 16))));
}

/** Keep the started interpreter for next time. */
async function keepSnapshot(pyodide) {
  // Pyodide refuses a snapshot whose record of loaded packages is not empty, as at start-up.
  // That record lives outside the snapshot, and so do the core's files: a restored runtime has
  // the core imported but installs its files again, and only then records it as loaded.
  const loaded = { ...pyodide.loadedPackages };
  for (const name of Object.keys(loaded)) delete pyodide.loadedPackages[name];
  let memory;
  try {
    memory = pyodide.makeMemorySnapshot();
  } finally {
    Object.assign(pyodide.loadedPackages, loaded);
  }
  performance.mark("sccif:snapshot-made");
  await saveSnapshot(SNAPSHOT_KEY, memory);
  performance.mark("sccif:snapshot-saved");
}

function timings(restored) {
  const marks = {};
  for (const mark of performance.getEntriesByType("mark")) {
    if (mark.name.startsWith("sccif:")) marks[mark.name.slice(6)] = mark.startTime;
  }
  const downloads = performance
    .getEntriesByType("resource")
    .filter((entry) => runtimeFiles.has(fileName(entry.name)) || entry.name === LOCKFILE_URL || entry.name.endsWith(".whl"))
    .map((entry) => ({
      file: fileName(entry.name),
      start: entry.startTime,
      end: entry.responseEnd,
      transferSize: entry.transferSize,
      encodedBodySize: entry.encodedBodySize,
    }));
  // The worker's clock starts when the worker does; timeOrigin lets the page line it up with its own.
  return { timeOrigin: performance.timeOrigin, marks, downloads, restored };
}

const ready = Promise.race([load(), failed]);
ready.then(
  () => {
    loading = false;
  },
  () => {},
);

// Calls wait for this: the runtime loaded, the framework's text read, the snapshot taken.
const prepared = ready.then((runtime) => {
  self.postMessage({ type: "ready", timings: timings(runtime.restored) });
  // Read the framework's text now, while the reader is still typing: every tool's answer
  // cites it, and reading it (about 0.4 MB of JSON) would otherwise slow the first answer.
  try {
    runtime.pyodide.runPython("from sccif_core import citations\ncitations.framework()");
  } catch (error) {
    console.warn("sccif: could not read the framework text ahead of time", error);
  }
  if (!runtime.restored && self.caches) {
    // Taken now, before the first call, so no reader's data is in it (keepSnapshot makes it before
    // its first await); stored while the reader types.
    keepSnapshot(runtime.pyodide).catch((error) => console.warn("sccif: could not take or store the snapshot", error));
  }
  return runtime;
});

prepared.catch((error) => {
  const known = error instanceof LoadFailure;
  self.postMessage({
    type: "failed",
    reason: known ? error.kind : "error",
    detail: known ? error.message : `the runtime stopped while starting (${error?.message ?? error}).`,
  });
});

let broken = null;
let answeredOnce = false;

self.onmessage = async (event) => {
  const message = event.data;
  if (message?.type === "crash") {
    // Tests only: behave as a runtime that has run out of memory does.
    broken = "the runtime ran out of memory (simulated by a test).";
    setTimeout(() => {
      throw new RangeError("Out of memory (simulated)");
    });
    return;
  }
  if (message?.type === "vanish") {
    self.close(); // tests only: a worker that ends without an error event
    return;
  }
  if (message?.type !== "call") return;
  const { id, name, payload } = message;
  let runtime;
  try {
    runtime = await prepared;
  } catch {
    return; // "failed" has been posted; bridge.js rejects the call
  }
  if (broken) {
    self.postMessage({ type: "broken", id, reason: broken });
    return;
  }
  const started = performance.now();
  try {
    const json = runtime.call(name, payload);
    const ms = performance.now() - started;
    if (!answeredOnce) {
      answeredOnce = true;
      performance.mark("sccif:first-answer");
    }
    self.postMessage({ type: "answer", id, json, ms });
  } catch (error) {
    if (error instanceof runtime.pyodide.ffi.PythonError) {
      // A Python exception that is not bad input is a bug in the core; the runtime is fine.
      const last = String(error.message).trim().split("\n").pop();
      const problem = `the calculator hit an internal error (${last}). Please report it.`;
      const json = JSON.stringify({ error: { problem, field: null, row: null, message: problem, internal: true } });
      self.postMessage({ type: "answer", id, json, ms: performance.now() - started });
      return;
    }
    // Anything else is the runtime itself failing (out of memory, a Pyodide fatal error):
    // this worker cannot be trusted with another call. Say so, and let the page restart it.
    broken = `${error?.name ?? "Error"}: ${error?.message ?? error}`;
    self.postMessage({ type: "broken", id, reason: broken });
  }
};
