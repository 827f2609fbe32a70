"""The bench's baseline: the plainest page anyone would build with Pyodide. Built for `make bench` only.

A module worker loads the npm package's files as shipped (``pyodide.mjs``, ``pyodide.asm.mjs``,
``pyodide.asm.wasm``, ``python_stdlib.zip``, ``pyodide-lock.json``), imports
``datetime, json, csv, re, dataclasses`` and posts one date back to the page. It is served by
the same server as the site, under ``runtime/`` (so with the same year-long caching) and with
the same ``.br``/``.gz`` twins (hooks/compress.py), so the two are compared on equal terms:
no precompiled standard library, no snapshot, no early downloads.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hooks.compress import compress_site

ROOT = Path(__file__).resolve().parents[1]
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
SHIPPED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
PAGE = "bare/"

INDEX = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title>
<script type="module" src="main.js"></script></head>
<body><p>Bare Pyodide page (bench baseline)</p></body></html>
"""
MAIN = """const worker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  window.__bareAnswer = { answer: event.data, answerAt: performance.now() };
};
"""
WORKER = """import { loadPyodide } from "../runtime/bare-pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: new URL("../runtime/bare-pyodide/", import.meta.url).href });
postMessage(pyodide.runPython(
  "import datetime, json, csv, re, dataclasses\\nstr(datetime.date(2026, 12, 24) + datetime.timedelta(days=18))"
));
"""

# Runs in the bare page as soon as it commits: its first answer, on the page's clock.
MEASURE = """
async () => {
  while (!window.__bareAnswer) await new Promise((resolve) => setTimeout(resolve, 2));
  return window.__bareAnswer;
}
"""


def build(directory: Path) -> str:
    """Write the bare page and its runtime into ``directory`` (a copy of the site); its path."""
    runtime = directory / "runtime" / "bare-pyodide"
    runtime.mkdir(parents=True, exist_ok=True)
    for name in SHIPPED:
        shutil.copyfile(NODE_PYODIDE / name, runtime / name)
    page = directory / PAGE
    page.mkdir(parents=True, exist_ok=True)
    (page / "index.html").write_text(INDEX, encoding="utf-8")
    (page / "main.js").write_text(MAIN, encoding="utf-8")
    (page / "worker.mjs").write_text(WORKER, encoding="utf-8")
    compress_site(runtime)
    return PAGE
