/*
 * The site's service worker: the source of <site>/sw.js.
 *
 * scripts/build-service-worker.mjs copies this file to <site>/sw.js at build time, with Workbox's
 * injectManifest putting the list of every file of the deployment, each with a revision, in place
 * of the injection point below, and with the path of the folder it copies Workbox into filled in.
 * Workbox (npm workbox-sw, precaching, routing, strategies, core) comes from the site itself:
 * importScripts and every URL below are relative to sw.js, so the site works at a domain's root
 * and under a sub-path.
 *
 * What it does:
 * - on install, downloads and stores every file of the deployment (pages, assets, search index,
 *   the Pyodide runtime, the core's wheel and lockfile); a file already stored under the same
 *   revision is not downloaded again;
 * - serves those files from the store first, so the whole site, search and the tools work with
 *   the network gone, and a page never mixes files of two deployments;
 * - a new deployment's worker installs beside this one and waits; the page offers "A new version
 *   is available" and, on "Reload", posts SKIP_WAITING (docs/assets/javascripts/offline.js);
 *   otherwise it takes over when every tab of the site is closed. Old stores are then deleted;
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

workbox.routing.registerRoute(
  ({ request }) => request.mode === "navigate",
  new workbox.strategies.NetworkOnly({
    plugins: [new workbox.precaching.PrecacheFallbackPlugin({ fallbackURL: "404.html" })],
  }),
);
