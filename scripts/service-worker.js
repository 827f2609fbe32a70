/*
 * The site's service worker: the source of <site>/sw.js.
 *
 * scripts/build-service-worker.mjs copies this file to <site>/sw.js at build time, filling in two
 * lists and the path of the folder it copies Workbox into:
 * - the precache (Workbox's injection point, in precacheAndRoute below): every file of the
 *   deployment, each with a revision, except the tools' runtime: pages, assets, the search index,
 *   the widget code (runtime/widgets-<hash>/);
 * - the runtime list (RUNTIME below): every file of the Pyodide runtime (runtime/pyodide-<version>/)
 *   and of the core's wheel folder (runtime/sccif-core-<hash>/), all under content-versioned
 *   paths, and what they weigh over the network ("bytes", about 5 MB with Brotli).
 * Workbox (npm workbox-sw, precaching, routing, strategies, core) comes from the site itself:
 * importScripts and every URL below are relative to sw.js, so the site works at a domain's root
 * and under a sub-path.
 *
 * What it does:
 * - on install (the first visit to any page), downloads and stores the precache; a file already
 *   stored under the same revision is not downloaded again. The precache holds no runtime file, so
 *   the site is stored (about 0.5 MB) before any of the runtime is fetched;
 * - serves precached files from the store first, so every page and search work with the network
 *   gone, and a page never mixes files of two deployments;
 * - keeps the runtime files in their own cache (Workbox's runtime cache, "sccif-runtime-<scope>")
 *   as a tool page's worker fetches them (cache first: a stored copy is never fetched again), so
 *   a reader who has opened any one tool has every tool offline. The responses are the server's
 *   own, same-origin, with their Content-Type (application/wasm for WebAssembly.instantiateStreaming)
 *   and the exact bytes (the worker fetches the wheel with `integrity`);
 * - on a message {type: "CACHE_RUNTIME"}, fetches every runtime file not yet stored (the tools page's
 *   "Make the tools work offline" button, and every page once it has loaded, unless the browser
 *   asks to save data (offline.js), so that every tool works offline after a first visit to any
 *   page; a tool page's own worker started before this worker controlled it, so the browser's HTTP
 *   cache then answers, with no second download). It answers on
 *   the message's port: {type: "progress", done, total}..., then {type: "done"} or
 *   {type: "failed", message}. {type: "RUNTIME_STATUS"} answers {type: "status", files, cached, bytes};
 * - on activate, deletes stored runtime files that are not in this deployment's list (an old
 *   Pyodide or core), so storage does not grow;
 * - a new deployment's worker installs beside this one and waits; the page offers "A new version
 *   is available" and, on "Reload", posts SKIP_WAITING (docs/assets/javascripts/offline.js);
 *   otherwise it takes over when every tab of the site is closed. Old stores are then deleted;
 * - answers sitemap.xml from the network, keeping a copy for offline use (an empty one if it has none),
 *   since it names the address the site is served at;
 * - an address that is not part of the site, asked for with the network gone, gets the site's
 *   own "page not found" page instead of the browser's error.
 */
/* global workbox */
"use strict";

importScripts("WORKBOX_PATH/workbox-sw.js");
workbox.setConfig({ modulePathPrefix: "WORKBOX_PATH/", debug: false });

workbox.core.setCacheNameDetails({ prefix: "sccif" });
// The first visit: take over the open page at once, so it works offline without a reload.
workbox.core.clientsClaim();

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

workbox.precaching.precacheAndRoute(self.__WB_MANIFEST, {
  // framework/introduction/ is the file framework/introduction/index.html
  directoryIndex: "index.html",
  // Tool pages keep their state in the query string: the page is the same file whatever it says.
  ignoreURLParametersMatching: [/./],
});
workbox.precaching.cleanupOutdatedCaches();

// --- the tools' runtime: cached after the site, on request ------------------------------------

const RUNTIME = self.__SCCIF_RUNTIME;
const RUNTIME_CACHE = workbox.core.cacheNames.runtime; // "sccif-runtime-<scope>"
const runtimeUrls = RUNTIME.files.map((file) => new URL(file, self.location.href).href);
const isRuntimeUrl = new Set(runtimeUrls);
// The server varies its answers on Accept-Encoding; the stored copy is the same file whatever the encoding.
const MATCH = { ignoreVary: true, ignoreSearch: true };

workbox.routing.registerRoute(
  ({ url, request }) => request.method === "GET" && isRuntimeUrl.has(url.origin + url.pathname),
  new workbox.strategies.CacheFirst({ cacheName: RUNTIME_CACHE, matchOptions: MATCH }),
);

let storing = null; // the CACHE_RUNTIME download in progress, shared by every message that asks
const progressListeners = new Set();

function storeRuntime() {
  if (!storing) {
    storing = (async () => {
      const cache = await caches.open(RUNTIME_CACHE);
      let done = 0;
      await Promise.all(
        runtimeUrls.map(async (url) => {
          if (!(await cache.match(url, MATCH))) {
            // The browser's HTTP cache answers when a tool page has just downloaded the file.
            const response = await fetch(url);
            if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
            await cache.put(url, response);
          }
          done += 1;
          progressListeners.forEach((listener) => listener(done));
        }),
      );
    })().finally(() => {
      storing = null;
    });
  }
  return storing;
}

async function runtimeStatus() {
  const cache = await caches.open(RUNTIME_CACHE);
  const stored = await Promise.all(runtimeUrls.map((url) => cache.match(url, MATCH)));
  return { type: "status", files: runtimeUrls.length, cached: stored.filter(Boolean).length, bytes: RUNTIME.bytes };
}

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  const port = event.ports && event.ports[0];
  const reply = (message) => port && port.postMessage(message);
  if (type === "RUNTIME_STATUS") {
    event.waitUntil(runtimeStatus().then(reply));
  } else if (type === "CACHE_RUNTIME") {
    const total = runtimeUrls.length;
    const listener = (done) => reply({ type: "progress", done, total });
    progressListeners.add(listener);
    event.waitUntil(
      storeRuntime()
        .then(
          () => reply({ type: "done", files: total, bytes: RUNTIME.bytes }),
          (error) => reply({ type: "failed", message: error && error.message ? error.message : String(error) }),
        )
        .finally(() => progressListeners.delete(listener)),
    );
  }
});

self.addEventListener("activate", (event) => {
  // Drop the runtime files of earlier deployments (their paths name another version or hash).
  event.waitUntil(
    caches.open(RUNTIME_CACHE).then(async (cache) => {
      const stale = (await cache.keys()).filter((request) => !isRuntimeUrl.has(request.url));
      await Promise.all(stale.map((request) => cache.delete(request)));
    }),
  );
});

// --- the sitemap: it names the address the site is served at ----------------------------------------

// Material switches pages without reloading them only between the addresses sitemap.xml lists, as
// the browser sees them (scripts/serve.py answers it for each address), so it is not precached. The
// network's copy, kept for offline use; with neither, an empty one (pages then load in full).
const SITEMAP_URL = new URL("sitemap.xml", self.location.href).href;
const SITEMAP_CACHE = "sccif-sitemap";
const EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>';

workbox.routing.registerRoute(
  ({ url, request }) => request.method === "GET" && url.origin + url.pathname === SITEMAP_URL,
  async ({ request }) => {
    const cache = await caches.open(SITEMAP_CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(SITEMAP_URL, response.clone());
      return response;
    } catch {
      const stored = await cache.match(SITEMAP_URL);
      return stored ?? new Response(EMPTY_SITEMAP, { headers: { "Content-Type": "application/xml" } });
    }
  },
);

// --- pages that are not part of the site --------------------------------------------------------

workbox.routing.registerRoute(
  ({ request }) => request.mode === "navigate",
  new workbox.strategies.NetworkOnly({
    plugins: [new workbox.precaching.PrecacheFallbackPlugin({ fallbackURL: "404.html" })],
  }),
);
