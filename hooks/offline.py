"""Make the built site work offline: write its service worker, ``sw.js``.

After the other build steps (this hook's ``on_post_build`` runs at priority -100; only
hooks/compress.py runs later), Node runs ``scripts/build-service-worker.mjs``, which calls
Workbox's ``injectManifest`` over the built site. Two lists go into ``sw.js``:

- the precache, downloaded when the service worker installs on a reader's first visit to any
  page: the pages, assets, the search index and the widget code (``runtime/widgets-*/``);
- the runtime list (``runtime_manifest``): every file of the Pyodide runtime
  (``runtime/pyodide-*/``) and of the core's wheel folder (``runtime/sccif-core-*/``), with what
  they weigh over the network (from hooks/compress.py's twins). They are not precached: once the
  site is stored, offline.js asks the service worker to fetch them in the background (unless the
  browser asks to save data: then when a tool is used, or the reader asks on the tools page). A
  page's own load never includes them.

``docs/assets/javascripts/offline.js`` registers it on every page and offers "A new version is
available" when a new deployment waits.

``mkdocs serve`` gets no service worker (a cache-first worker would hide every edit behind
"Reload"); the template includes ``offline.js`` only when ``extra.offline`` is true, which this
hook sets. Its ``sw.js`` is instead one that removes itself and its caches, so that a worker left
in the browser by an earlier ``make serve`` on the same address does not serve stale pages. The
build fails loudly when Node or workbox-build is missing, or when Workbox would leave a file out
of the precache.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

try:
    from hooks import compress  # the project's root on sys.path (tests, `python -m mkdocs`)
except ImportError:  # MkDocs loads each hook by its path, with hooks/ on sys.path while it does
    import compress  # type: ignore[no-redef,import-not-found]

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "build-service-worker.mjs"
WORKBOX = ROOT / "node_modules" / "workbox-build" / "package.json"
SERVICE_WORKER = "sw.js"
# The tools' runtime: cached by the service worker after the site, never precached.
RUNTIME_FOLDERS = ("runtime/pyodide-*", "runtime/sccif-core-*")
TWINS = (".br", ".gz", ".map")
# For `mkdocs serve`: replaces any worker the browser kept for this address, then removes itself.
SELF_REMOVING_WORKER = """\
// mkdocs serve: no offline copy while editing. This removes a service worker (and its caches)
// left by an earlier build served at this address. Written by hooks/offline.py.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.map((key) => caches.delete(key))))
      .then(() => self.registration.unregister())
      .then(() => self.clients.matchAll({ type: "window" }))
      .then((clients) => clients.forEach((client) => client.navigate(client.url))),
  );
});
"""

log = logging.getLogger("mkdocs.hooks.offline")
_state: dict[str, str] = {"command": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: Any) -> Any:
    config["extra"]["offline"] = enabled()
    return config


@event_priority(-100)  # after every other hook has written its files into the site
def on_post_build(config: Any) -> None:
    if not enabled():
        (Path(config["site_dir"]) / SERVICE_WORKER).write_text(SELF_REMOVING_WORKER, encoding="utf-8")
        return
    site_dir = Path(config["site_dir"])
    started = time.monotonic()
    summary = build_service_worker(site_dir, search_languages(config))
    log.info(
        "offline: sw.js precaches %d files, %.1f MB; the tools' runtime, %d files, %.1f MB over the network, "
        "is cached after the site (%.1f s)",
        summary["count"],
        summary["size"] / 1_000_000,
        len(summary["runtime"]["files"]),
        summary["runtime"]["bytes"] / 1_000_000,
        time.monotonic() - started,
    )


def enabled() -> bool:
    """No service worker under `mkdocs serve`, where files change all the time."""
    return _state["command"] != "serve"


def search_languages(config: Any) -> list[str]:
    """The languages of the site search: Material's search loads lunr language files for all but English."""
    for name in ("material/search", "search"):
        plugin = config["plugins"].get(name)
        if plugin is not None:
            languages = plugin.config.get("lang") or [config["theme"]["language"]]
            return [str(language) for language in languages]
    return ["en"]


def runtime_manifest(site_dir: Path) -> dict[str, Any]:
    """The tools' runtime in ``site_dir``: {"folders", "files" (site-relative URLs), "bytes" over the network}.

    "bytes" counts what a browser that accepts Brotli downloads: each file's smallest twin as
    hooks/compress.py writes it (from its cache, so the build compresses each file once).
    """
    folders = sorted(
        path.relative_to(site_dir).as_posix()
        for pattern in RUNTIME_FOLDERS
        for path in site_dir.glob(pattern)
        if path.is_dir()
    )
    files: list[str] = []
    size = 0
    for folder in folders:
        for path in sorted((site_dir / folder).rglob("*")):
            if path.is_file() and path.suffix not in TWINS:
                files.append(path.relative_to(site_dir).as_posix())
                size += compress.wire_size(path.read_bytes(), path.name)
    return {"folders": folders, "files": files, "bytes": size}


def build_service_worker(site_dir: Path, languages: list[str] | None = None) -> dict[str, Any]:
    """Run Workbox over ``site_dir``; return {"count", "size", "warnings", "workbox", "runtime"}. Raises PluginError."""
    node = shutil.which("node")
    if node is None:
        raise PluginError(
            "offline: Node.js is needed to build the service worker (see the README's quick start)"
        )
    if not WORKBOX.is_file():
        raise PluginError(
            "offline: node_modules/workbox-build is missing: run `make deps` (it runs `npm ci`)"
        )
    runtime = runtime_manifest(site_dir)
    with tempfile.TemporaryDirectory(prefix="sccif-sw-") as work:
        runtime_json = Path(work) / "runtime.json"
        runtime_json.write_text(json.dumps(runtime), encoding="utf-8")
        result = subprocess.run(
            [node, str(SCRIPT), str(site_dir), ",".join(languages or ["en"]), str(runtime_json)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    if result.returncode != 0:
        raise PluginError(
            f"offline: building the service worker failed: {result.stderr.strip() or result.stdout}"
        )
    try:
        summary: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise PluginError(f"offline: unexpected output from {SCRIPT.name}: {result.stdout!r}") from None
    if summary.get("warnings"):
        # For example a file over the size limit, which would then be missing offline.
        raise PluginError("offline: " + "; ".join(str(warning) for warning in summary["warnings"]))
    if not (site_dir / SERVICE_WORKER).is_file():
        raise PluginError(f"offline: {SCRIPT.name} did not write {SERVICE_WORKER}")
    summary["runtime"] = runtime
    return summary
