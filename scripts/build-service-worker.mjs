// Write the site's service worker, <site>/sw.js, with Workbox's injectManifest.
//
// Usage: node scripts/build-service-worker.mjs <built site folder> [search languages, e.g. en,fr]
// Run by hooks/offline.py after every other build step, so the built site is complete.
// Prints one line of JSON: {"count": files precached, "size": their bytes, "warnings": [...],
// "workbox": the folder Workbox was copied into}.
//
// - Copies Workbox's browser files (workbox-sw and the four modules the worker uses, production
//   builds) from node_modules into <site>/runtime/workbox-<version>/: a versioned folder, like
//   the rest of runtime/, so hosts can cache it for a year.
// - Writes sw.js from scripts/service-worker.js, with the precache list: every file of the site
//   except precompressed twins (.br, .gz), source maps, Workbox itself (the
//   browser keeps a service worker's imported scripts with the worker) and, when search is in
//   English only, Material's lunr language files (0.9 MB the search never loads for English).
//
// injectManifest with workbox-sw, rather than generateSW, because generateSW bundles the worker
// with Rollup, Babel and Terser on every build (about 3 s here); this takes well under a second,
// and the worker's source stays readable in the repository.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import process from "node:process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
// Only the injectManifest part of workbox-build: loading all of it (Rollup, Babel) takes seconds.
const { injectManifest } = require("workbox-build/build/inject-manifest.js");

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.join(HERE, "service-worker.js");
const MODULES = ["workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching"];

// Files whose URL changes whenever their content does: Material's hashed bundles and everything
// under runtime/ (hooks/pyodide_runtime.py names each folder there by version or content hash).
// They are precached without a revision, which also lets the install reuse the copy the browser
// has just downloaded (no second download of the 9.6 MB WebAssembly file).
const VERSIONED = /^(?:runtime\/|assets\/(?:javascripts|stylesheets)\/.*\.[0-9a-f]{8}\.min\.(?:js|css)$)/;

async function copyWorkbox(siteDir) {
  const { version } = require("workbox-sw/package.json");
  const folder = `runtime/workbox-${version}`;
  const target = path.join(siteDir, folder);
  await fs.mkdir(target, { recursive: true });
  const files = [
    [require.resolve("workbox-sw/build/workbox-sw.js"), "workbox-sw.js"],
    ...MODULES.map((name) => [require.resolve(`${name}/build/${name}.prod.js`), `${name}.prod.js`]),
  ];
  for (const [from, name] of files) {
    const code = await fs.readFile(from, "utf8");
    // No source maps are shipped, so drop the comment that would make devtools ask for one.
    await fs.writeFile(path.join(target, name), code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"));
  }
  return folder;
}

async function main(siteDir, searchLanguages) {
  const globDirectory = path.resolve(siteDir);
  const workbox = await copyWorkbox(globDirectory);
  const source = (await fs.readFile(SOURCE, "utf8")).replaceAll("WORKBOX_PATH", workbox);
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), "sccif-sw-"));
  const swSrc = path.join(temp, "service-worker.js");
  await fs.writeFile(swSrc, source);
  try {
    const { count, size, warnings } = await injectManifest({
      swSrc,
      swDest: path.join(globDirectory, "sw.js"),
      globDirectory,
      globPatterns: ["**/*"],
      globIgnores: [
        "sw.js",
        `${workbox}/**`,
        "**/*.br", // precompressed twins: the browser asks for the plain name
        "**/*.gz",
        "**/*.map",
        ...(searchLanguages.every((lang) => lang === "en") ? ["assets/javascripts/lunr/**"] : []),
      ],
      dontCacheBustURLsMatching: VERSIONED,
      // Pyodide's WebAssembly file is 9.6 MB; Workbox would leave out anything over 2 MB by default.
      maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
    });
    return { count, size, warnings, workbox };
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
}

const siteDir = process.argv[2];
if (!siteDir) {
  console.error("usage: node scripts/build-service-worker.mjs <built site folder> [search languages]");
  process.exit(2);
}
try {
  const searchLanguages = (process.argv[3] || "en").split(",").map((lang) => lang.trim());
  console.log(JSON.stringify(await main(siteDir, searchLanguages)));
} catch (error) {
  console.error(`build-service-worker: ${error && error.message ? error.message : error}`);
  process.exit(1);
}
