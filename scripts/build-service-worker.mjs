// Write the site's service worker, <site>/sw.js, with Workbox's injectManifest.
//
// Usage: node scripts/build-service-worker.mjs <built site folder> [search languages, e.g. en,fr]
//          [runtime.json]
// Run by hooks/offline.py after the other build steps (only hooks/compress.py runs later), so the
// built site is complete. Prints one line of JSON: {"count": files precached, "size": their bytes,
// "warnings": [...], "workbox": the folder Workbox was copied into}.
//
// runtime.json, written by hooks/offline.py (runtime_manifest), describes the tools' runtime:
// {"folders": ["runtime/pyodide-<version>", "runtime/sccif-core-<hash>"], "files": [every file in
// them, relative to the site], "bytes": what they weigh over the network}. Without it, there is none.
//
// - Copies Workbox's browser files (workbox-sw and the four modules the worker uses, production
//   builds) from node_modules into <site>/runtime/workbox-<version>/: a versioned folder, like
//   the rest of runtime/, so hosts can cache it for a year.
// - Writes sw.js from scripts/service-worker.js, with
//   - the precache list (self.__WB_MANIFEST), downloaded on install: every file of the site
//     except the runtime folders, precompressed twins (.br, .gz), source maps, Workbox itself (the
//     browser keeps a service worker's imported scripts with the worker) and, when search is in
//     English only, Material's lunr language files (0.9 MB the search never loads for English);
//   - the runtime list (self.__SCCIF_RUNTIME: {"files", "bytes"}), which the worker caches after
//     the site (see offline.js), and uses to delete old deployments' copies.
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
// has just downloaded (a tool page's widget code, for instance).
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

async function readRuntime(file) {
  if (!file) return { folders: [], files: [], bytes: 0 };
  const runtime = JSON.parse(await fs.readFile(file, "utf8"));
  for (const folder of runtime.folders) {
    if (!/^runtime\/[A-Za-z0-9._-]+$/.test(folder)) throw new Error(`not a runtime folder: ${folder}`);
  }
  return runtime;
}

async function main(siteDir, searchLanguages, runtimeFile) {
  const globDirectory = path.resolve(siteDir);
  const workbox = await copyWorkbox(globDirectory);
  const runtime = await readRuntime(runtimeFile);
  const template = await fs.readFile(SOURCE, "utf8");
  const injectionPoint = "const RUNTIME = self.__SCCIF_RUNTIME;";
  if (template.split(injectionPoint).length !== 2) throw new Error(`${SOURCE} needs one "${injectionPoint}"`);
  const runtimeList = JSON.stringify({ files: runtime.files, bytes: runtime.bytes });
  const source = template
    .replaceAll("WORKBOX_PATH", workbox)
    .replace(injectionPoint, () => `const RUNTIME = ${runtimeList};`);
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
        "sitemap.xml", // scripts/serve.py (or a host) answers it for the address the site is served at
        `${workbox}/**`,
        ...runtime.folders.map((folder) => `${folder}/**`), // cached after the site, not on install
        "**/*.br", // precompressed twins: the browser asks for the plain name
        "**/*.gz",
        "**/*.map",
        ...(searchLanguages.every((lang) => lang === "en") ? ["assets/javascripts/lunr/**"] : []),
      ],
      dontCacheBustURLsMatching: VERSIONED,
      // Workbox leaves out anything over 2 MB by default; nothing precached is near that now (the
      // 9.6 MB WebAssembly file is in the runtime list), but a file left out would be missing offline.
      maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
    });
    return { count, size, warnings, workbox };
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
}

const siteDir = process.argv[2];
if (!siteDir) {
  console.error("usage: node scripts/build-service-worker.mjs <built site folder> [search languages] [runtime.json]");
  process.exit(2);
}
try {
  const searchLanguages = (process.argv[3] || "en").split(",").map((lang) => lang.trim());
  console.log(JSON.stringify(await main(siteDir, searchLanguages, process.argv[4])));
} catch (error) {
  console.error(`build-service-worker: ${error && error.message ? error.message : error}`);
  process.exit(1);
}
