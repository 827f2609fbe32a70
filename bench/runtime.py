"""How fast the in-browser runtime is, on the working-day calculator page served locally.

Prints, for
- cold loads: a fresh browser profile, nothing cached, the offline service worker blocked;
- warm loads, HTTP cache: a returning reader's persistent profile (browser restarted; HTTP cache,
  compiled-wasm cache and the worker's stored interpreter snapshot kept), service worker blocked;
- warm loads, service worker: the same, with the offline service worker serving the site and the
  runtime from its caches, as a returning reader's browser does;

- navigation to the form being usable, to "ready", and to the first answer (a reader who
  submits the moment the form appears);
- bytes transferred (network bytes, headers included, the worker's requests too);
- the load's parts, from performance marks in the worker: download, wasm compile, interpreter
  start, loading the core, the first call;
- the latency of one call (round trip page -> worker -> Python -> page), median of many;
- a text page's cold transfer: the page alone (its load must include no Pyodide byte), and what
  the offline service worker then downloads in the background (the site; then the runtime, unless
  the browser asks to save data), with and without Save-Data.

Goals (issue 7, this 2-core machine): cold to ready 1.5 s or less, warm 0.7 s or less, a text
page under 400 kB with no Pyodide bytes; (issue 3) a call under 5 ms.
Warm runs never use context.route(), which would turn the HTTP cache off.

    SCCIF_SITE_DIR=site .venv/bin/python bench/run.py runtime
    BENCH_RUNS=3 ...     fewer runs (default 5)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.chromium import CHROMIUM, launch_options  # noqa: E402  (the tests' settings too)
from scripts import serve  # noqa: E402  (the server `make serve` runs)

LAUNCH: dict[str, Any] = launch_options()
TOOL_PAGE = "tools/working-days/"
TEXT_PAGE = "framework/introduction/"
CALLS = 300
GOALS = {"cold": 1500.0, "warm": 700.0, "call": 5.0, "text_page_bytes": 400_000}
# After a load, time for the worker to store its snapshot and for V8 to cache the compiled wasm.
SETTLE_S = 5

# Runs in the page as soon as it commits: wait for the widget to mount (the form is usable),
# ask the core at once, as a reader pressing the button straight away would, then report.
MEASURE = """
async () => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  while (!document.querySelector("[data-sccif-status]")) await sleep(2);
  const formAt = performance.now();
  const loader = document.querySelector('script[type="module"][src$="/loader.js"]');
  const { getRuntime } = await import(new URL("bridge.js", loader.src).href);
  const runtime = getRuntime();
  const answer = await runtime.call("workdays.add", { start: "24/12/2026", days: "18", extra: "" });
  const answerAt = performance.now();
  if (!answer.result) throw new Error("no answer: " + JSON.stringify(answer));
  return {
    formAt, answerAt, readyAt: runtime.readyAt, firstCallMs: runtime.lastCallMs, longestTask: window.__sccifLongestTask,
    pageOrigin: performance.timeOrigin, worker: runtime.timings,
  };
}
"""

# Installed before any page script runs: the longest task that blocked the page's main thread.
LONG_TASKS = """
window.__sccifLongestTask = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__sccifLongestTask = Math.max(window.__sccifLongestTask, entry.duration);
}).observe({ type: "longtask", buffered: true });
"""

LATENCY = """
async (count) => {
  const loader = document.querySelector('script[type="module"][src$="/loader.js"]');
  const { getRuntime } = await import(new URL("bridge.js", loader.src).href);
  const runtime = getRuntime();
  const trips = [], inPython = [];
  for (let i = 0; i < count; i += 1) {
    const day = 1 + (i % 28);
    const started = performance.now();
    await runtime.call("workdays.add", { start: `${day}/11/2026`, days: String(i % 40), extra: "" });
    trips.push(performance.now() - started);
    inPython.push(runtime.lastCallMs);
  }
  return { trips, inPython };
}
"""


class Bytes:
    """Network bytes of every finished request: a page's (its worker's included) or a whole context's."""

    def __init__(self, source: Page | BrowserContext) -> None:
        self.total = 0
        self.runtime = 0
        self.pyodide = 0
        source.on("requestfinished", self._add)

    def _add(self, request: Any) -> None:
        response = request.response()
        if response is None or response.from_service_worker:
            return
        sizes = request.sizes()
        size = max(0, sizes["responseBodySize"]) + max(0, sizes["responseHeadersSize"])
        self.total += size
        if "/runtime/" in request.url:
            self.runtime += size
        if "/runtime/pyodide-" in request.url or "/runtime/sccif-core-" in request.url:
            self.pyodide += size


# A first visit: wait (at most a minute) until the worker has stored its snapshot.
SNAPSHOT_STORED = """
async () => {
  for (let i = 0; i < 600; i += 1) {
    const cache = await caches.open("sccif-python-snapshot");
    if ((await cache.keys()).length) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
"""


def measure_load(context: BrowserContext, url: str, first_visit: bool = False) -> dict[str, Any]:
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    counted = Bytes(page)
    page.goto(url + TOOL_PAGE, wait_until="commit")
    figures: dict[str, Any] = page.evaluate(MEASURE)
    page.wait_for_load_state("networkidle")
    if first_visit and not page.evaluate(SNAPSHOT_STORED):
        print("  (the first visit stored no snapshot within a minute)")
    figures["bytes"] = counted.total
    figures["runtime_bytes"] = counted.runtime
    figures.update(parts(figures))
    page.close()
    return figures


def parts(figures: dict[str, Any]) -> dict[str, float]:
    """The load's parts, in ms, from the worker's marks and Resource Timing (worker clock)."""
    worker = figures["worker"]
    marks = worker["marks"]
    shift = worker["timeOrigin"] - figures["pageOrigin"]  # worker clock -> page clock
    runtime_files = [d for d in worker["downloads"] if not d["file"].endswith(".whl")]
    wasm = next(d for d in worker["downloads"] if d["file"] == "pyodide.asm.wasm")
    download_start = min(d["start"] for d in runtime_files)
    download_end = max(d["end"] for d in runtime_files)
    # The wasm compiles as it streams in; what is left once its last byte has arrived:
    compiled = marks.get("wasm-compiled", marks["wasm-instantiated"])
    started_from = max(marks["wasm-instantiated"], marks["snapshot-read"])
    return {
        "restored": 1.0 if worker.get("restored") else 0.0,
        "worker_start": shift + marks["worker-start"],
        "download": download_end - download_start,
        "wasm_compile": max(0.0, compiled - wasm["end"]),
        "snapshot_read": marks["snapshot-read"] - marks["worker-start"] if worker.get("restored") else 0.0,
        "interpreter": marks["python-started"] - started_from,
        "core": marks["core-imported"] - marks["python-started"],
        "core_install": marks["core-installed"] - marks["python-started"],
        "core_import": marks["core-imported"] - marks["core-installed"],
        "first_call": figures["firstCallMs"] or 0.0,
    }


SAVE_DATA = "Object.defineProperty(navigator, 'connection', { value: { saveData: true } });"


def text_page_bytes(browser: Any, url: str, service_worker: bool, save_data: bool = False) -> Bytes:
    """A text page's cold first visit; with the service worker, everything it fetches within SETTLE_S too."""
    context = browser.new_context(service_workers="allow" if service_worker else "block")
    if save_data:
        context.add_init_script(SAVE_DATA)
    counted = Bytes(context)
    page = context.new_page()
    page.goto(url + TEXT_PAGE)
    page.wait_for_load_state("networkidle")
    if service_worker:
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        time.sleep(SETTLE_S)
        page.wait_for_load_state("networkidle")
    context.close()
    return counted


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _row(label: str, values: list[float], unit: str = "ms", goal: str = "") -> str:
    if not values:
        return f"  {label:<34} -"
    if unit == "s":
        text = f"{_median(values) / 1000:6.2f} s   ({min(values) / 1000:.2f}–{max(values) / 1000:.2f})"
    elif unit == "MB":
        text = f"{_median(values) / 1e6:6.2f} MB  ({min(values) / 1e6:.2f}–{max(values) / 1e6:.2f})"
    else:
        text = f"{_median(values):6.0f} ms  ({min(values):.0f}–{max(values):.0f})"
    return f"  {label:<34} {text:<28} {goal}"


def report(kind: str, runs: list[dict[str, Any]], goal_ms: float) -> None:
    print(f"\n{kind}, {len(runs)} runs: median (min–max)")
    ready = [run["readyAt"] for run in runs]
    print(_row("navigation → form usable", [run["formAt"] for run in runs], "s"))
    verdict = "met" if _median(ready) <= goal_ms else "NOT met"
    print(_row("navigation → ready", ready, "s", f"goal {goal_ms / 1000:.1f} s: {verdict}"))
    print(_row("navigation → first answer", [run["answerAt"] for run in runs], "s"))
    print(_row("longest main-thread task", [run["longestTask"] for run in runs]))
    print(_row("bytes transferred", [run["bytes"] for run in runs], "MB"))
    print(_row("  of which runtime/", [run["runtime_bytes"] for run in runs], "MB"))
    print(f"  started from the stored snapshot    {sum(int(run['restored']) for run in runs)} of {len(runs)}")
    print("  the load's parts (worker marks):")
    for key, label in (
        ("worker_start", "worker running, after navigation"),
        ("download", "download (runtime files)"),
        ("wasm_compile", "wasm compile (after its download)"),
        ("snapshot_read", "reading the stored snapshot"),
        ("interpreter", "interpreter start (or restore)"),
        ("core", "loading the core (wheel + import)"),
        ("core_install", "  of which fetching + installing"),
        ("core_import", "  of which importing"),
        ("first_call", "first call (in Python)"),
    ):
        print(_row("  " + label, [run[key] for run in runs]))


def warm_runs(
    pw: Any, url: str, count: int, service_worker: bool
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Loads by a returning reader: one persistent profile, the browser restarted for each load."""
    workers = "allow" if service_worker else "block"
    runs = []
    latency: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="sccif-bench-profile-") as profile:
        # Earlier visits fill the caches (and the service worker's); let the worker store its
        # snapshot and V8 cache the compiled wasm, as for a reader who used the tool before.
        for _ in range(2 if service_worker else 1):
            context = pw.chromium.launch_persistent_context(profile, service_workers=workers, **LAUNCH)
            measure_load(context, url, first_visit=True)
            time.sleep(SETTLE_S)
            context.close()
        for _ in range(count):
            context = pw.chromium.launch_persistent_context(profile, service_workers=workers, **LAUNCH)
            runs.append(measure_load(context, url))
            if len(runs) == count and not service_worker:
                page = context.new_page()
                page.goto(url + TOOL_PAGE, wait_until="commit")
                page.evaluate(MEASURE)
                latency = page.evaluate(LATENCY, CALLS)
                page.close()
            context.close()
    return runs, latency


def main() -> int:
    site = Path(os.environ.get("SCCIF_SITE_DIR", "site"))
    if not site.is_absolute():
        site = ROOT / site
    if not (site / TOOL_PAGE / "index.html").is_file():
        print(f"bench/runtime: no built tool page in {site}/ (run make site)", file=sys.stderr)
        return 2
    count = int(os.environ.get("BENCH_RUNS", "5"))
    load_before = os.getloadavg()
    with serve.running(site) as url, sync_playwright() as pw:
        version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"{url}{TOOL_PAGE} served by scripts/serve.py; {version}; {os.cpu_count()} cores")
        print(f"load average before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")

        browser = pw.chromium.launch(**LAUNCH)
        cold = []
        for _ in range(count):
            context = browser.new_context(service_workers="block")
            cold.append(measure_load(context, url))
            context.close()
        text_alone = text_page_bytes(browser, url, service_worker=False)
        text_with_worker = text_page_bytes(browser, url, service_worker=True)
        text_saving_data = text_page_bytes(browser, url, service_worker=True, save_data=True)
        browser.close()
        warm, latency = warm_runs(pw, url, count, service_worker=False)
        warm_sw, _ = warm_runs(pw, url, count, service_worker=True)

    report("Cold loads (nothing cached; service worker blocked)", cold, GOALS["cold"])
    report("Warm loads, HTTP cache (service worker blocked)", warm, GOALS["warm"])
    report("Warm loads, offline service worker (a returning reader's browser)", warm_sw, GOALS["warm"])
    trips = latency["trips"]
    in_python = [value for value in latency["inPython"] if value is not None]
    p95 = sorted(trips)[int(len(trips) * 0.95)]
    verdict = "met" if _median(trips) < GOALS["call"] else "NOT met"
    print(f"\nOne call, {CALLS} calls after ready (workdays.add):")
    print(
        f"  round trip page → worker → page   median {_median(trips):.2f} ms, p95 {p95:.2f} ms   goal < 5 ms: {verdict}"
    )
    print(f"  of which in Python                median {_median(in_python):.2f} ms")
    goal = GOALS["text_page_bytes"]
    print(f"\nText page {TEXT_PAGE}, cold first visit:")
    verdict = "met" if text_alone.total < goal and text_alone.pyodide == 0 else "NOT met"
    print(
        f"  the page's load                            {text_alone.total / 1000:7.0f} kB, {text_alone.pyodide} bytes"
        f" of Pyodide and the core   goal under {goal / 1000:.0f} kB and none: {verdict}"
    )
    print(
        f"  then, in the background, the offline copy (service worker, {SETTLE_S} s after the page's load):"
    )
    for label, counted in (
        ("the site, then the runtime", text_with_worker),
        ("with Save-Data: the site only", text_saving_data),
    ):
        print(
            f"    {label:<40} {counted.total / 1000:7.0f} kB in all, {counted.pyodide / 1000:.0f} kB"
            " of Pyodide and the core"
        )
    load_after = os.getloadavg()
    print(f"load average after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
