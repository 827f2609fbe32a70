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

- the same first visits on a slow network (CDP Network.emulateNetworkConditions, 20 Mbit/s, 40 ms:
  it reaches the page's dedicated worker too, which the worker's wasm download rate printed shows);
- a second tool page in the same visit: the click on the site's link to the first answer there;
- the bare Pyodide page (bench/bare_pyodide.py), built beside a linked copy of the site for the
  bench only, measured in the same run (cold, slow network and returning loads alternate with the
  site's), and the ratio of each figure to it.

Goals (issue 14, printed last as a table; this 2-core machine): first answer on a first visit in
1.2 s and 0.35 x the bare page; on a return 0.5 s and 0.2 x; a second tool page 0.2 s; 4.5 MB
for a first tool visit; at 20 Mbit/s report it, aim 3 s; a text page under 400 kB with no
Pyodide bytes; (issue 3) a call under 5 ms. Read the times with the load averages printed.
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import bare_pyodide  # noqa: E402
from bench.chromium import CHROMIUM, launch_options  # noqa: E402  (as readers run it; the tests add TEST_ARGS)
from scripts import serve  # noqa: E402  (the server `make serve` runs)

LAUNCH: dict[str, Any] = launch_options()
TOOL_PAGE = "tools/working-days/"
SECOND_TOOL_PAGE = "tools/timeline/"
TEXT_PAGE = "framework/introduction/"
CALLS = 300
# Issue 14's goals: first answer (s) and its ratio to the bare Pyodide page, bytes, a second tool page.
GOALS = {
    "cold": 1200.0,
    "cold_ratio": 0.35,
    "warm": 500.0,
    "warm_ratio": 0.2,
    "second_page": 200.0,
    "first_visit_bytes": 4_500_000,
    "slow_network": 3000.0,
    "call": 5.0,
    "text_page_bytes": 400_000,
}
# The slow-network profile: 20 Mbit/s down, 5 Mbit/s up, 40 ms round trip (CDP, per page and its workers).
SLOW_NETWORK = {
    "offline": False,
    "latency": 40,
    "downloadThroughput": 20_000_000 / 8,
    "uploadThroughput": 5_000_000 / 8,
}
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
        try:
            sizes = request.sizes()
        except PlaywrightError:  # the page closed first: a request after its load, not counted
            return
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


def measure_bare(context: BrowserContext, url: str, network: dict[str, Any] | None = None) -> dict[str, Any]:
    """The bare Pyodide page (bench/bare_pyodide.py): navigation to its first answer, and its bytes."""
    page = context.new_page()
    throttle(context, page, network)
    counted = Bytes(page)
    page.goto(url + bare_pyodide.PAGE, wait_until="commit")
    figures: dict[str, Any] = page.evaluate(bare_pyodide.MEASURE)
    page.wait_for_load_state("networkidle")
    figures["bytes"] = counted.total
    page.close()
    return figures


def throttle(context: BrowserContext, page: Page, network: dict[str, Any] | None) -> None:
    """Emulate ``network`` for ``page`` through CDP (it applies to the page's dedicated worker too)."""
    if network is None:
        return
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", network)


def measure_throttled(context: BrowserContext, url: str) -> dict[str, Any]:
    """A first visit on the slow network: the site's tool page, with the worker's wasm download rate."""
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    throttle(context, page, SLOW_NETWORK)
    counted = Bytes(page)
    page.goto(url + TOOL_PAGE, wait_until="commit")
    figures: dict[str, Any] = page.evaluate(MEASURE)
    wasm = next(d for d in figures["worker"]["downloads"] if d["file"] == "pyodide.asm.wasm")
    # bits per second of the worker's largest download: near 20 Mbit/s when the throttle reaches it
    figures["wasm_mbit_s"] = wasm["transferSize"] * 8 / max(1.0, wasm["end"] - wasm["start"]) / 1000
    page.wait_for_load_state("networkidle")
    figures["bytes"] = counted.total
    page.close()
    return figures


# After a tool page has answered: follow the site's own link to a second tool page (instant navigation
# when the site has it: then the page survives), and time the click to the first answer there.
SECOND_PAGE_CLICK = """
(path) => {
  const link = [...document.querySelectorAll("a[href]")].find((a) => new URL(a.href).pathname.endsWith(path));
  if (!link) throw new Error("no link to " + path);
  window.__sccifClickAt = performance.now();
  link.click();
}
"""
SECOND_PAGE_ANSWER = """
async (tool) => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const clickAt = window.__sccifClickAt ?? 0;  // 0: a full load, timed from its navigation start
  while (!document.querySelector(`[data-sccif-tool="${tool}"] [data-sccif-status]`)) await sleep(2);
  const loader = document.querySelector('script[type="module"][src$="/loader.js"]');
  const { getRuntime } = await import(new URL("bridge.js", loader.src).href);
  const answer = await getRuntime().call("workdays.add", { start: "24/12/2026", days: "18", extra: "" });
  if (!answer.result) throw new Error("no answer: " + JSON.stringify(answer));
  return { ms: performance.now() - clickAt, kept: clickAt > 0 };
}
"""


def measure_second_page(context: BrowserContext, url: str) -> dict[str, Any]:
    """A tool page, then a second one reached by a link: click to first answer on the second."""
    page = context.new_page()
    page.goto(url + TOOL_PAGE, wait_until="commit")
    page.evaluate(MEASURE)
    page.evaluate(SECOND_PAGE_CLICK, SECOND_TOOL_PAGE)
    page.wait_for_url(f"**/{SECOND_TOOL_PAGE}", wait_until="commit")
    figures: dict[str, Any] = page.evaluate(SECOND_PAGE_ANSWER, SECOND_TOOL_PAGE.split("/")[1])
    page.close()
    return figures


def warm_runs(pw: Any, url: str, count: int, service_worker: bool, bare: bool = False) -> dict[str, Any]:
    """Loads by a returning reader: one persistent profile, the browser restarted for each load.

    Returns {"runs": [...], "latency": {...}, "second": [...]}: the loads of the tool page (or of the
    bare Pyodide page), and for the site over the HTTP cache, call latency and a second tool page.
    """
    workers = "allow" if service_worker else "block"
    figures: dict[str, Any] = {"runs": [], "latency": {}, "second": []}
    with tempfile.TemporaryDirectory(prefix="sccif-bench-profile-") as profile:
        # Earlier visits fill the caches (and the service worker's); let the worker store its
        # snapshot and V8 cache the compiled wasm, as for a reader who used the tool before.
        for _ in range(2 if service_worker else 1):
            context = pw.chromium.launch_persistent_context(profile, service_workers=workers, **LAUNCH)
            measure_bare(context, url) if bare else measure_load(context, url, first_visit=True)
            time.sleep(SETTLE_S)
            context.close()
        for _ in range(count):
            context = pw.chromium.launch_persistent_context(profile, service_workers=workers, **LAUNCH)
            figures["runs"].append(measure_bare(context, url) if bare else measure_load(context, url))
            if not bare and not service_worker:
                figures["second"].append(measure_second_page(context, url))
                if len(figures["runs"]) == count:
                    page = context.new_page()
                    page.goto(url + TOOL_PAGE, wait_until="commit")
                    page.evaluate(MEASURE)
                    figures["latency"] = page.evaluate(LATENCY, CALLS)
                    page.close()
            context.close()
    return figures


def served_copy(site: Path, into: Path) -> Path:
    """``into`` holding links to the site's files plus the bare Pyodide page: the site itself is not touched."""
    for entry in site.iterdir():
        if entry.name != "runtime":
            (into / entry.name).symlink_to(entry)
    (into / "runtime").mkdir()
    for entry in (site / "runtime").iterdir():
        (into / "runtime" / entry.name).symlink_to(entry)
    bare_pyodide.build(into)
    return into


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def goals_table(figures: dict[str, Any]) -> None:
    """Issue 14's goals, each with the site's median, the bare page's and their ratio, from this run."""
    cold, bare_cold = figures["cold"], figures["bare_cold"]
    bare_warm = _answers(figures["bare_warm"]["runs"])
    rows: list[tuple[str, list[float], list[float], float, float | None, str]] = [
        (
            "first answer, first visit",
            _answers(cold),
            _answers(bare_cold),
            GOALS["cold"],
            GOALS["cold_ratio"],
            "s",
        ),
        *(
            (
                f"first answer, return ({how})",
                _answers(figures[key]["runs"]),
                bare_warm,
                GOALS["warm"],
                GOALS["warm_ratio"],
                "s",
            )
            for how, key in (("HTTP cache", "warm"), ("service worker", "warm_sw"))
        ),
        (
            "a second tool page, same visit",
            [run["ms"] for run in figures["warm"]["second"]],
            [],
            GOALS["second_page"],
            None,
            "s",
        ),
        (
            "bytes, first tool visit",
            [run["bytes"] for run in cold],
            [run["bytes"] for run in bare_cold],
            GOALS["first_visit_bytes"],
            None,
            "MB",
        ),
        (
            "first answer at 20 Mbit/s, 40 ms, first visit",
            _answers(figures["slow"]),
            _answers(figures["bare_slow"]),
            GOALS["slow_network"],
            None,
            "s",
        ),
    ]
    print("\nIssue 14's goals: median of this run (this site | bare Pyodide page | ratio)")
    for label, ours, bare, goal, ratio_goal, unit in rows:
        mine, theirs = _median(ours), _median(bare)
        ratio = mine / theirs if bare else float("nan")
        shown = _shown(mine, unit)
        met = mine <= goal and (ratio_goal is None or ratio <= ratio_goal)
        goal_text = f"≤ {_shown(goal, unit)}" + (f" and ≤ {ratio_goal} × bare" if ratio_goal else "")
        bare_text = f"{_shown(theirs, unit)} | {ratio:4.2f}" if bare else "- | -"
        print(f"  {label:<46} {shown:>9} | {bare_text:<16} goal {goal_text}: {_verdict(met)}")
    if not figures["warm"]["second"][0]["kept"]:
        print("  (the second tool page was a full page load: instant navigation is off)")
    rates = [run["wasm_mbit_s"] for run in figures["slow"]]
    print(
        f"  (the worker's wasm download on the slow profile ran at {_median(rates):.1f} Mbit/s: the throttle reaches it)"
    )


def _answers(runs: list[dict[str, Any]]) -> list[float]:
    return [run["answerAt"] for run in runs]


def _shown(value: float, unit: str) -> str:
    return f"{value / 1e6:.2f} MB" if unit == "MB" else f"{value / 1000:.2f} s"


def main() -> int:
    site = Path(os.environ.get("SCCIF_SITE_DIR", "site"))
    if not site.is_absolute():
        site = ROOT / site
    if not (site / TOOL_PAGE / "index.html").is_file():
        print(f"bench/runtime: no built tool page in {site}/ (run make site)", file=sys.stderr)
        return 2
    count = int(os.environ.get("BENCH_RUNS", "5"))
    load_before = os.getloadavg()
    figures: dict[str, Any] = {key: [] for key in ("cold", "bare_cold", "slow", "bare_slow")}
    with (
        tempfile.TemporaryDirectory(prefix="sccif-bench-site-") as served,
        serve.running(served_copy(site, Path(served))) as url,
        sync_playwright() as pw,
    ):
        version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"{url}{TOOL_PAGE} served by scripts/serve.py; {version}; {os.cpu_count()} cores")
        print(f"load average before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")

        browser = pw.chromium.launch(**LAUNCH)
        for _ in range(count):  # alternate the two pages, so both meet the same load on the machine
            measures: dict[str, Callable[[BrowserContext], dict[str, Any]]] = {
                "cold": lambda context: measure_load(context, url),
                "bare_cold": lambda context: measure_bare(context, url),
                "slow": lambda context: measure_throttled(context, url),
                "bare_slow": lambda context: measure_bare(context, url, SLOW_NETWORK),
            }
            for key, measure in measures.items():
                context = browser.new_context(service_workers="block")
                figures[key].append(measure(context))
                context.close()
        text_alone = text_page_bytes(browser, url, service_worker=False)
        text_with_worker = text_page_bytes(browser, url, service_worker=True)
        text_saving_data = text_page_bytes(browser, url, service_worker=True, save_data=True)
        browser.close()
        figures["warm"] = warm_runs(pw, url, count, service_worker=False)
        figures["bare_warm"] = warm_runs(pw, url, count, service_worker=False, bare=True)
        figures["warm_sw"] = warm_runs(pw, url, count, service_worker=True)

    cold, warm, warm_sw = figures["cold"], figures["warm"]["runs"], figures["warm_sw"]["runs"]
    report("Cold loads (nothing cached; service worker blocked)", cold, GOALS["cold"])
    report("Warm loads, HTTP cache (service worker blocked)", warm, GOALS["warm"])
    report("Warm loads, offline service worker (a returning reader's browser)", warm_sw, GOALS["warm"])
    latency = figures["warm"]["latency"]
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
    goals_table(figures)
    load_after = os.getloadavg()
    print(f"load average after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
