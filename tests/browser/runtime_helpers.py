"""Helpers for the tests that drive the in-browser runtime (bridge.js, worker.mjs) and its widgets."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

TOOL_PAGE = "tools/working-days/"
# Starting Pyodide takes about 2 s on this machine when it is quiet, and over 20 s when other jobs
# share its two cores (seen at a load average of 16). The tests wait on conditions, so a generous
# limit only costs time when something is broken; `make bench` measures.
LOAD_TIMEOUT_MS = 120_000
# The offline service worker's first-visit downloads, the site and then the runtime (about 5 MB).
OFFLINE_READY_TIMEOUT_MS = 180_000


def wait_until_ready(page: Page) -> None:
    """Wait for the calculator's status to say it is ready."""
    expect(page.locator("[data-sccif-status]")).to_have_attribute(
        "data-sccif-status", "ready", timeout=LOAD_TIMEOUT_MS
    )


def wait_for_widget(page: Page, tool: str) -> Locator:
    """The tool's widget, once mounted, with its runtime ready if it has one."""
    widget = page.locator(f"[data-sccif-tool='{tool}']")
    expect(widget.locator("[data-sccif-widget]").first).to_be_attached(timeout=LOAD_TIMEOUT_MS)
    status = widget.locator("[data-sccif-status]")
    if status.count():
        expect(status.first).to_have_attribute("data-sccif-status", "ready", timeout=LOAD_TIMEOUT_MS)
    return widget


def call_in_browser(page: Page, name: str, payload: dict[str, Any]) -> Any:
    """The core's answer to one call, made through bridge.js and the worker."""
    return calls_in_browser(page, [(name, payload)])[0]


def calls_in_browser(page: Page, calls: list[tuple[str, dict[str, Any]]]) -> list[Any]:
    """The core's answers to many calls, sent through bridge.js in one round of messages."""
    script = """
async (calls) => {
  const loader = document.querySelector('script[type="module"][src$="/loader.js"]');
  const { getRuntime } = await import(new URL("bridge.js", loader.src).href);
  const runtime = getRuntime();
  return await Promise.all(calls.map(([name, payload]) => runtime.call(name, payload)));
}
"""
    return page.evaluate(script, [[name, payload] for name, payload in calls])


def runtime_value(page: Page, expression: str) -> Any:
    """Evaluate a JavaScript function body with `runtime` (bridge.js's object) in scope."""
    script = """
async (body) => {
  const loader = document.querySelector('script[type="module"][src$="/loader.js"]');
  const { getRuntime } = await import(new URL("bridge.js", loader.src).href);
  const runtime = getRuntime();
  const run = async () => { %s };
  return await run();
}
"""
    return page.evaluate(script.replace("%s", expression))


def wait_in_page(page: Page, ms: int) -> None:
    """Wait on a timer in the page: it fires after any shorter timer the page started before it, however
    loaded the machine (a fixed wait in the test process does not)."""
    page.evaluate("(ms) => new Promise((done) => setTimeout(done, ms))", ms)


# Longer than any delay a tool waits, after typing, before it asks the core (the self-evaluation
# summary's 400 ms); a press of a button asks at once.
_AFTER_TYPING_MS = 450
_TICK_MS = 50
_SETTLED = """async ([firstMs, tickMs]) => {
  const tick = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  await tick(firstMs);
  const loader = document.querySelector('script[type="module"][src$="/loader.js"]');
  if (!loader) return;
  const { getRuntime } = await import(new URL("bridge.js", loader.src).href);
  const runtime = getRuntime();
  for (let quiet = 0; quiet < 2; await tick(tickMs)) {
    quiet = runtime.unanswered === 0 ? quiet + 1 : 0;
  }
}"""


def wait_until_settled(page: Page, *, after_typing: bool = False) -> None:
    """Wait until the page has done all it will do with what it was given: every call to the core answered.

    The first wait is a timer in the page, so a tool's own shorter delay, started before it, has always
    run first, however loaded the machine. Then no call may be waiting at two checks in a row, so an
    answer that leads to another call is waited for too.
    """
    page.evaluate(_SETTLED, [_AFTER_TYPING_MS if after_typing else _TICK_MS, _TICK_MS])


def fill_and_submit(page: Page, start: str, days: str, extra: str = "") -> None:
    """Type into the calculator's form as a reader would and press its button."""
    page.get_by_label("Start date").fill(start)
    page.get_by_label("Number of working days").fill(days)
    if extra:
        details = page.locator(
            "details.sccif-details", has=page.get_by_label("Extra non-working days (optional)")
        )
        if details.get_attribute("open") is None:
            details.locator("summary").click()
        page.get_by_label("Extra non-working days (optional)").fill(extra)
    # Twice in loaded runs, after going back to the page, the start date was empty when the form was
    # sent: say so before the press, with where focus was and every start field on the page.
    for label, typed in (("Start date", start), ("Number of working days", days)):
        held = page.get_by_label(label).input_value()
        if held != typed:
            seen = page.evaluate(
                "() => [document.activeElement?.outerHTML.slice(0, 100),"
                " [...document.querySelectorAll('input[name=start]')].map((e) => [e.id, e.value])]"
            )
            raise AssertionError(
                f"{label} holds {held!r}, not the {typed!r} typed into it; focus and fields: {seen}"
            )
    page.get_by_role("button", name="Work out the date").click()


def wait_until_offline_ready(page: Page) -> None:
    """Wait until the service worker has precached the site and controls the page."""
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null", timeout=OFFLINE_READY_TIMEOUT_MS
    )


def runtime_files(site_dir: Path) -> set[str]:
    """The runtime's files (not their .br/.gz twins), relative to the site."""
    return {
        path.relative_to(site_dir).as_posix()
        for folder in ("pyodide-*", "sccif-core-*")
        for path in site_dir.glob(f"runtime/{folder}/*")
        if path.is_file() and path.suffix not in (".br", ".gz")
    }


def wait_until_resolves_true(
    page: Page, script: str, arg: Any = None, *, timeout_ms: int = LOAD_TIMEOUT_MS
) -> None:
    """Wait until an async page function resolves to a true value, asking every quarter second.

    page.wait_for_function cannot wait on an async function: the Promise it returns counts as true at once.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_ms} ms: {script}")
        page.wait_for_timeout(250)


def wait_until_tools_offline(page: Page, site_url: str, site_dir: Path) -> None:
    """Wait until the service worker's runtime cache holds every runtime file of this deployment."""
    wanted = sorted(site_url + name for name in runtime_files(site_dir))
    wait_until_resolves_true(
        page,
        """async (wanted) => {
          const names = (await caches.keys()).filter((name) => name.startsWith("sccif-runtime-"));
          if (names.length !== 1) return false;
          const stored = (await (await caches.open(names[0])).keys()).map((request) => request.url);
          return wanted.every((url) => stored.includes(url));
        }""",
        wanted,
        timeout_ms=OFFLINE_READY_TIMEOUT_MS,
    )
