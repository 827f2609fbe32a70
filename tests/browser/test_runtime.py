"""The in-browser runtime: one worker, same-origin files, visible failures, restarts, and nothing on text pages."""

from __future__ import annotations

import hashlib
import json
import re
import time
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.conftest import PageWatch, new_context
from tests.browser.runtime_helpers import (
    LOAD_TIMEOUT_MS,
    TOOL_PAGE,
    call_in_browser,
    fill_and_submit,
    runtime_value,
    wait_until_ready,
    wait_until_resolves_true,
    wait_until_settled,
)

TEXT_PAGE = "framework/introduction/"


def _forget_expected_errors(page_watch: PageWatch, *fragments: str) -> None:
    """Drop console errors the test caused on purpose (a blocked download logs one); keep any other."""
    page_watch.errors[:] = [
        error for error in page_watch.errors if not any(fragment in error for fragment in fragments)
    ]


class TestLoads:
    def test_the_runtime_is_served_from_versioned_paths_on_this_origin(
        self, page: Page, site_url: str, page_watch: PageWatch
    ) -> None:
        """The tool page fetches Pyodide, the lockfile and the wheel from this site's versioned runtime/ folders."""
        page.goto(site_url + TOOL_PAGE)
        wait_until_ready(page)
        runtime_requests = [url for url in page_watch.requests if "/runtime/" in url]
        for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json"):
            assert any(url.endswith("/" + name) for url in runtime_requests), f"{name} was not requested"
        assert any("/runtime/pyodide-314.0.7/python_stdlib-" in url for url in runtime_requests)
        assert any("/runtime/pyodide-314.0.7/pyodide.asm.wasm" in url for url in runtime_requests)
        assert any(
            "/runtime/sccif-core-" in url and url.endswith("-py3-none-any.whl") for url in runtime_requests
        )
        assert page_watch.foreign == []

    def test_text_pages_load_no_runtime_or_widget_code(
        self, page: Page, site_url: str, page_watch: PageWatch
    ) -> None:
        """A page without a tool requests nothing from runtime/: no Pyodide bytes, no bridge, no worker.

        This is the page's own loading. The offline service worker (issue 7) precaches the site in
        the background, and what it fetches is not seen here.
        """
        for path in (TEXT_PAGE, "framework/report/", "tools/"):
            page.goto(site_url + path)
            page.wait_for_load_state("networkidle")
        assert page_watch.requests, "no requests were recorded"
        assert [url for url in page_watch.requests if "/runtime/" in url] == []

    @pytest.mark.parametrize(
        "visit",
        [
            # loadPackage fetches and checks the wheel
            pytest.param("first", marks=pytest.mark.fresh_context),
            # the worker fetches it with the browser's integrity check, while the stored interpreter restores
            "return",
        ],
    )
    def test_pyodide_checks_the_wheel_against_the_lockfile(
        self, page: Page, site_url: str, site_dir: Path, page_watch: PageWatch, visit: str
    ) -> None:
        """The lockfile's sha256 is enforced on a first visit and a return: with a wrong checksum for the real wheel
        the core is refused, in words."""
        lock_path = next(site_dir.glob("runtime/sccif-core-*/pyodide-lock.json"))
        lock = json.loads(lock_path.read_text())
        entry = lock["packages"]["sccif-core"]
        wheel = lock_path.with_name(entry["file_name"]).read_bytes()
        assert hashlib.sha256(wheel).hexdigest() == entry["sha256"], "the built lockfile must match its wheel"
        entry["sha256"] = hashlib.sha256(wheel + b"tampered").hexdigest()
        stored: list[int] = []
        if visit == "return":
            page.goto(site_url + TOOL_PAGE)
            wait_until_ready(page)
            stored = wait_for_snapshot(page)
        # The lockfile is the one changed, so that the real wheel arrives with a checksum it does not match:
        # what is tested is the check, not a damaged download.
        page.route("**/pyodide-lock.json", lambda route: route.fulfill(json=lock))
        page.goto(site_url + TOOL_PAGE)
        status = page.locator("[data-sccif-status]")
        expect(status).to_have_attribute("data-sccif-status", "failed", timeout=LOAD_TIMEOUT_MS)
        expect(status).to_contain_text("The calculator could not load")
        expect(status).to_contain_text("did not match the checksum in the lockfile")
        # On a return the stored interpreter was restored, not thrown away (as one that cannot be restored is).
        assert page.evaluate(SNAPSHOTS) == stored
        _forget_expected_errors(page_watch, "integrity", "sccif_core-", "Failed to fetch")


class TestFailures:
    @pytest.mark.parametrize(
        ("pattern", "named"),
        [
            ("**/pyodide.asm.wasm", "pyodide.asm.wasm"),
            ("**/python_stdlib-*.zip", "python_stdlib-"),
            ("**/pyodide-lock.json", "pyodide-lock.json"),
            ("**/*.whl", "sccif_core-0.1.0-py3-none-any.whl"),
            ("**/pyodide.asm.mjs", "pyodide.asm.mjs"),
        ],
    )
    def test_a_blocked_runtime_file_shows_why_and_what_to_try(
        self, page: Page, site_url: str, page_watch: PageWatch, pattern: str, named: str
    ) -> None:
        """When a runtime file cannot be fetched the page says the calculator could not load, names the file,
        and offers a retry."""
        page.route(pattern, lambda route: route.abort("blockedbyclient"))
        page.goto(site_url + TOOL_PAGE)
        status = page.locator("[data-sccif-status]")
        expect(status).to_have_attribute("data-sccif-status", "failed", timeout=LOAD_TIMEOUT_MS)
        expect(status).to_contain_text("The calculator could not load")
        if named != "pyodide.asm.mjs":  # a failed module import does not name its URL in every browser
            expect(status).to_contain_text(named)
        expect(status).to_contain_text("ask your IT team to allow this site's .wasm")
        expect(status).to_contain_text("not as a file on your computer")
        expect(status.get_by_role("button", name="Try again")).to_be_visible()
        # The form stays usable and says plainly that no answer can come yet.
        fill_and_submit(page, "24/12/2026", "1")
        expect(page.locator(".sccif-result")).to_contain_text("The calculator is not working")
        # Unblocking the file and pressing "Try again" recovers without a reload, keeping the inputs.
        page.unroute(pattern)
        status.get_by_role("button", name="Try again").click()
        expect(page.locator("[data-sccif-answer]")).to_have_text(
            "Tuesday 29 December 2026", timeout=LOAD_TIMEOUT_MS
        )
        expect(page.get_by_label("Start date")).to_have_value("24/12/2026")
        # Pyodide logs a blocked standard library itself ("Error occurred while installing the standard
        # library", then the failed fetch) before the worker reports it.
        _forget_expected_errors(
            page_watch,
            "net::ERR_BLOCKED_BY_CLIENT",
            "Failed to load resource",
            named,
            "installing the standard library",
            "TypeError: Failed to fetch",
        )

    def test_a_crashed_worker_can_be_restarted_without_losing_inputs(
        self, page: Page, site_url: str, page_watch: PageWatch
    ) -> None:
        """If the worker dies (as when it runs out of memory) the page says so, keeps the form, and a restart answers it."""
        page.goto(site_url + TOOL_PAGE)
        fill_and_submit(page, "24/12/2026", "1")
        expect(page.locator("[data-sccif-answer]")).to_have_text(
            "Tuesday 29 December 2026", timeout=LOAD_TIMEOUT_MS
        )
        runtime_value(page, "runtime.simulateCrash();")
        status = page.locator("[data-sccif-status]")
        expect(status).to_have_attribute("data-sccif-status", "crashed")
        expect(status).to_contain_text("The calculator stopped working")
        expect(status).to_contain_text("What you typed is still in the form")
        page.get_by_label("Number of working days").fill("2")
        page.get_by_role("button", name="Work out the date").click()
        expect(page.locator(".sccif-result")).to_contain_text("The calculator is not working")
        status.get_by_role("button", name="Restart the calculator").click()
        # The question the crash interrupted is answered once the new worker is ready.
        expect(page.locator("[data-sccif-answer]")).to_have_text(
            "Wednesday 30 December 2026", timeout=LOAD_TIMEOUT_MS
        )
        expect(page.get_by_label("Start date")).to_have_value("24/12/2026")
        expect(status).to_have_text("The calculator is ready.")
        _forget_expected_errors(page_watch, "Out of memory (simulated)")

    def test_a_worker_that_ends_silently_is_noticed_at_once(self, page: Page, site_url: str) -> None:
        """A worker that ends with no error event (closed, or ended by the browser) is reported within
        seconds, not after the 30-second call time-out (issue 19 item 9)."""
        page.goto(site_url + TOOL_PAGE)
        wait_until_ready(page)
        # A call sent after the worker has gone: it is rejected with the reason, not left waiting 30 s.
        outcome = runtime_value(
            page,
            """
            runtime.simulateVanish();
            const started = performance.now();
            try {
              await runtime.call("workdays.add", { start: "24/12/2026", days: "1", extra: "" });
              return { answered: true };
            } catch (error) {
              return { reason: error.message, state: error.state, ms: performance.now() - started };
            }
            """,
        )
        assert outcome.get("state") == "crashed", outcome
        assert "stopped unexpectedly" in outcome["reason"]
        assert outcome["ms"] < 5_000, "noticed only by the call time-out"
        status = page.locator("[data-sccif-status]")
        expect(status).to_have_attribute("data-sccif-status", "crashed", timeout=5_000)
        expect(status).to_contain_text("stopped unexpectedly")


class TestInstantNavigation:
    def test_a_tool_reached_from_a_text_page_works_and_keeps_one_worker(
        self, page: Page, site_url: str, site_dir: Path, page_watch: PageWatch
    ) -> None:
        """Following links (Material's instant navigation, no reload) to the tool, away and back gives a working
        calculator and one worker."""
        page.goto(site_url + "tools/")
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__sccifSamePage = true")
        assert [url for url in page_watch.requests if "/runtime/" in url] == []

        page.locator("article").get_by_role("link", name="Working-day calculator").click()
        page.wait_for_url("**/" + TOOL_PAGE)
        assert page.evaluate("window.__sccifSamePage === true"), "the link caused a full page load"
        fill_and_submit(page, "24/12/2026", "1")
        expect(page.locator("[data-sccif-answer]")).to_have_text(
            "Tuesday 29 December 2026", timeout=LOAD_TIMEOUT_MS
        )

        # Away to a text page and back again, still without a reload.
        page.locator(".sccif-result a.sccif-citation").click()
        page.wait_for_url("**/framework/inspections-notice-scheduling/**")
        page.go_back()
        page.wait_for_url("**/" + TOOL_PAGE)
        assert page.evaluate("window.__sccifSamePage === true"), "going back caused a full page load"
        wait_until_ready(page)
        expect(page.locator("form.sccif-form")).to_have_count(1)
        # Typed at once, under load the start date was twice lost (ci30, and once locally): let the page
        # finish what going back set off first, as a reader moving to the field would.
        wait_until_settled(page, after_typing=True)
        fill_and_submit(page, "31/03/2026", "5")
        # Good Friday (3 April) and Easter Monday (6 April 2026) are skipped.
        expect(page.locator("[data-sccif-answer]")).to_have_text(
            "Thursday 9 April 2026", timeout=LOAD_TIMEOUT_MS
        )
        workers = [url for url in page_watch.requests if url.endswith("/worker.mjs")]
        assert len(workers) == 1, f"expected one runtime worker for the session, saw {workers}"
        wasm = [url for url in page_watch.requests if url.endswith("/pyodide.asm.wasm")]
        assert len(wasm) == 1, f"the runtime was downloaded {len(wasm)} times"


SNAPSHOTS = """
async () => {
  const cache = await caches.open("sccif-python-snapshot");
  const sizes = [];
  for (const key of await cache.keys()) sizes.push((await (await cache.match(key)).arrayBuffer()).byteLength);
  return sizes;
}
"""


# True once a snapshot is stored whose sizes are not the `replacing` ones.
_NEW_SNAPSHOT = f"""async (replacing) => {{
  const sizes = await ({SNAPSHOTS.strip()})();
  return sizes.length > 0 && JSON.stringify(sizes) !== JSON.stringify(replacing);
}}"""


def wait_for_snapshot(page: Page, replacing: list[int] | None = None) -> list[int]:
    """The sizes of the stored snapshots, once there is one (other than the ``replacing`` ones)."""
    wait_until_resolves_true(page, _NEW_SNAPSHOT, replacing)
    sizes: list[int] = page.evaluate(SNAPSHOTS)
    return sizes


def assert_the_restored_runtime_answers(page: Page) -> None:
    """The page's runtime was restored from the stored snapshot, and its core's files are back: tools answer."""
    assert runtime_value(page, "return runtime.timings.restored;") is True
    fill_and_submit(page, "24/12/2026", "1")
    # Friday 25 December 2026 is Christmas Day, 26-27 the weekend and Monday 28 December the
    # substitute Boxing Day (GOV.UK bank holidays, England and Wales), so one working day on is Tuesday 29.
    expect(page.locator("[data-sccif-answer]")).to_have_text(
        "Tuesday 29 December 2026", timeout=LOAD_TIMEOUT_MS
    )
    # A tool the first session never imported loads from the wheel installed again after the restore.
    kinds = call_in_browser(page, "timeline.kinds", {})
    assert "result" in kinds and kinds["result"], kinds


@pytest.mark.fresh_context
class TestReturningReaders:
    def test_a_returning_reader_starts_from_the_stored_snapshot(self, page: Page, site_url: str) -> None:
        """The first load stores one snapshot of the started interpreter; the next load restores it and every tool still works."""
        page.goto(site_url + TOOL_PAGE)
        wait_until_ready(page)
        assert runtime_value(page, "return runtime.timings.restored;") is False
        sizes = wait_for_snapshot(page)
        assert len(sizes) == 1 and sizes[0] > 10_000_000, (
            f"expected one snapshot of the interpreter's memory, got {sizes}"
        )

        page.goto(site_url + TOOL_PAGE)  # a new page session, so a new worker
        wait_until_ready(page)
        assert_the_restored_runtime_answers(page)
        assert page.evaluate(SNAPSHOTS) == sizes, "a restored runtime must not store another snapshot"

    def test_a_damaged_snapshot_is_thrown_away_and_python_starts_afresh(
        self, page: Page, site_url: str, page_watch: PageWatch
    ) -> None:
        """A snapshot that cannot be restored costs a slower start, never a broken calculator, and is replaced."""
        page.goto(site_url + TOOL_PAGE)
        wait_until_ready(page)
        wait_for_snapshot(page)
        page.evaluate(
            """async () => {
              const cache = await caches.open("sccif-python-snapshot");
              const [key] = await cache.keys();
              await cache.put(key, new Response(new Uint8Array(65536).fill(7)));
            }"""
        )
        page.goto(site_url + TOOL_PAGE)
        wait_until_ready(page)
        assert runtime_value(page, "return runtime.timings.restored;") is False
        fill_and_submit(page, "24/12/2026", "2")
        # As above, plus Tuesday 29 December 2026: two working days on is Wednesday 30 December.
        expect(page.locator("[data-sccif-answer]")).to_have_text(
            "Wednesday 30 December 2026", timeout=LOAD_TIMEOUT_MS
        )
        sizes = wait_for_snapshot(page, replacing=[65536])
        assert len(sizes) == 1 and sizes[0] > 10_000_000, f"the damaged snapshot was not replaced: {sizes}"
        _forget_expected_errors(page_watch, "snapshot")

    def test_a_compressed_wheel_is_still_installed_after_a_restore(
        self, page: Page, site_url: str, site_dir: Path
    ) -> None:
        """The worker writes a restored runtime's core files straight from the wheel only when they are stored
        uncompressed (as the build makes it); a wheel with compressed files is unpacked by Pyodide instead."""
        lock_path = next(site_dir.glob("runtime/sccif-core-*/pyodide-lock.json"))
        lock = json.loads(lock_path.read_text())
        built = lock_path.with_name(lock["packages"]["sccif-core"]["file_name"]).read_bytes()
        compressed = BytesIO()
        with zipfile.ZipFile(BytesIO(built)) as source, zipfile.ZipFile(compressed, "w") as target:
            for info in source.infolist():
                target.writestr(info.filename, source.read(info), compress_type=zipfile.ZIP_DEFLATED)
        page.goto(site_url + TOOL_PAGE)
        wait_until_ready(page)
        wait_for_snapshot(page)
        lock["packages"]["sccif-core"]["sha256"] = hashlib.sha256(compressed.getvalue()).hexdigest()
        page.route("**/pyodide-lock.json", lambda route: route.fulfill(json=lock))
        page.route("**/*.whl", lambda route: route.fulfill(body=compressed.getvalue()))
        page.goto(site_url + TOOL_PAGE)
        wait_until_ready(page)
        assert_the_restored_runtime_answers(page)


def hold(page: Page, pattern: str) -> list[Route]:
    """Hold back the requests for ``pattern`` until the test lets them go; returns the list they collect in."""
    held: list[Route] = []
    page.route(pattern, lambda route: held.append(route))
    return held


def release(page: Page, held: list[Route]) -> None:
    """Wait until the worker asks for a held file (it does once Python has started), then let it through."""
    deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert held, "the worker never asked for the held file"
    while held:
        held.pop().continue_()


class TestLoadingWords:
    def test_a_first_visit_says_how_much_it_downloads_and_a_return_visit_does_not(
        self, browser: Browser, site_url: str, page_watch: PageWatch
    ) -> None:
        """Plain words while loading: the download size on a first visit only (never "Python" or "Step 2 of 3"),
        and the size stated is what the browser really fetched, to within half a megabyte."""
        # A new profile, without the offline service worker: the requests held below would otherwise be
        # answered from its cache on the return visit, out of the test's reach.
        context = new_context(browser, service_workers="block")
        try:
            page = page_watch.watch(context.new_page())
            held = hold(page, "**/*.whl")  # keep it loading while the words are read
            page.goto(site_url + TOOL_PAGE)
            status = page.locator("[data-sccif-status]")
            words = status.locator(".sccif-status__text")
            expect(status).to_have_attribute("data-sccif-first-visit", "true")
            expect(words).to_have_text(
                re.compile(r"^Getting the calculator ready… \(first visit only: about [0-9.]+ MB\)$")
            )
            expect(status).to_contain_text("You can fill in the form now.")
            for jargon in ("Python", "Step ", "runtime", "Pyodide"):
                expect(status).not_to_contain_text(jargon)
            stated = float(re.findall(r"about ([0-9.]+) MB", words.inner_text())[0])
            release(page, held)
            wait_until_ready(page)
            downloads = runtime_value(page, "return runtime.timings.downloads;")
            fetched = sum(entry["encodedBodySize"] for entry in downloads) / 1_000_000
            assert abs(fetched - stated) <= 0.5, (
                f"the page says about {stated} MB; the browser fetched {fetched:.2f} MB"
            )
            wait_for_snapshot(page)

            page.goto(site_url + TOOL_PAGE)  # a return visit: the runtime is in this browser now
            expect(status).to_have_attribute("data-sccif-first-visit", "false")
            expect(words).to_have_text("Getting the calculator ready…")
            expect(status).not_to_contain_text("MB")
            release(page, held)
            wait_until_ready(page)
            expect(status).to_have_text("The calculator is ready.")
            page_watch.assert_clean(page)
        finally:
            context.close()
