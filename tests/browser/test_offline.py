"""Offline after the first visit, at a domain's root and under a sub-path, and updates that reach readers.

The service worker (hooks/offline.py, scripts/service-worker.js) precaches the site (pages, assets,
search, widget code) on the first visit to any page, but never the tools' runtime (Pyodide and the
core's wheel): that is cached when a tool page uses it, or when the reader presses "Make the tools
work offline" on the tools page. docs/assets/javascripts/offline.js registers it, sends those
requests, and offers "A new version is available" when a new deployment is waiting. Every test
goes offline with Playwright's ``context.set_offline(True)``, which cuts the page and its workers
off from the network. Every test starts from a new browser profile (fresh_context).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, Request, expect

from scripts import serve

from .conftest import WCAG_TAGS, built_pages
from .runtime_helpers import (
    LOAD_TIMEOUT_MS,
    OFFLINE_READY_TIMEOUT_MS,
    fill_and_submit,
    wait_until_offline_ready,
    wait_until_tools_offline,
)

pytestmark = pytest.mark.fresh_context  # a new profile each, with the service worker allowed

# Precaching the site (about 3 MB, 0.5 MB over the network) takes a second or two on a quiet machine;
# the runtime (about 5 MB over the network) a few more.
UPDATE_MARKER = "This deployment is the second one."
# The tools' runtime, which no text page may download.
RUNTIME_PATH = re.compile(r"/runtime/(?:pyodide-[^/]+|sccif-core-[0-9a-f]+)/")
TOOLS_PAGE = "tools/"
# The browser's Save-Data setting, as a page sees it.
SAVE_DATA = "Object.defineProperty(navigator, 'connection', { value: { saveData: true } });"
# The service worker's answer to {type: "RUNTIME_STATUS"}: {type: "status", files, cached, bytes}.
RUNTIME_STATUS = """() => navigator.serviceWorker.ready.then((registration) => new Promise((answered) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => answered(event.data);
  registration.active.postMessage({ type: "RUNTIME_STATUS" }, [channel.port2]);
}))"""


# --- helpers ---------------------------------------------------------------------------------


def use_a_tool_offline(page: Page, context: BrowserContext, site_url: str, site_dir: Path) -> None:
    """Once the runtime is stored, cut the network and get the working-day calculator's answer."""
    wait_until_tools_offline(page, site_url, site_dir)
    context.set_offline(True)
    page.goto(site_url + "tools/working-days/")
    work_out_one_working_day_after_christmas_eve(page)


def watch_requests(context: BrowserContext) -> list[tuple[str, bool]]:
    """Every request from now on, the pages' and the service worker's alike: (url, made by the service worker)."""
    seen: list[tuple[str, bool]] = []

    def record(request: Request) -> None:
        seen.append((request.url, request.service_worker is not None))

    context.on("request", record)
    return seen


def search_for(page: Page, words: str) -> None:
    """Open Material's search and type, as a reader does (it reacts to key presses, not to fill)."""
    search = page.locator("input.md-search__input")
    if search.is_visible():
        search.click()
    else:  # a narrow window: the search box opens from a button in the header
        page.locator(".md-header__button[for='__search']").click()
    expect(search).to_be_focused()
    page.keyboard.type(words)


def work_out_one_working_day_after_christmas_eve(page: Page) -> None:
    """Use the working-day calculator and check its answer."""
    fill_and_submit(page, "24/12/2026", "1")
    # Christmas Day (Friday 25 December), the weekend, and Monday 28 December 2026, the substitute
    # day for Boxing Day (GOV.UK's England and Wales bank holidays): the docs/tools/working-days.md example.
    expect(page.locator("[data-sccif-tool='working-days']")).to_contain_text(
        "Tuesday 29 December 2026", timeout=LOAD_TIMEOUT_MS
    )


class SiteServer:
    """scripts/serve.py on a fixed port, which a test can stop and start again on another folder."""

    def __init__(self, directory: Path, *, prefix: str = "/", port: int | None = None) -> None:
        self.port = port or serve.free_port()
        self.prefix = prefix
        self.directory = directory
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def start(self, directory: Path | None = None) -> None:
        if directory is not None:
            self.directory = directory
        self.process = serve.start(self.directory, port=self.port, prefix=self.prefix)

    def stop(self) -> None:
        if self.process is not None:
            serve.stop(self.process)
            self.process = None


@pytest.fixture
def subpath_server(site_dir: Path) -> Iterator[SiteServer]:
    server = SiteServer(site_dir, prefix="/sccif/")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def second_deployment(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site with one page changed and its service worker built again, as a new deployment."""
    from hooks import offline as offline_hook

    copy = tmp_path_factory.mktemp("second-deployment") / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("*.br", "*.gz"))
    home = copy / "index.html"
    html = home.read_text(encoding="utf-8")
    changed = html.replace("</h1>", f"</h1>\n<p data-test-deployment>{UPDATE_MARKER}</p>", 1)
    assert changed != html, "the home page has no <h1> to mark"
    home.write_text(changed, encoding="utf-8")
    offline_hook.build_service_worker(copy)
    assert (copy / "sw.js").read_bytes() != (site_dir / "sw.js").read_bytes()
    return copy


# --- the tests -------------------------------------------------------------------------------


class TestOfflineAtTheRoot:
    def test_a_first_visit_to_a_text_page_makes_the_tools_work_offline(
        self, page: Page, context: BrowserContext, site_url: str, site_dir: Path
    ) -> None:
        """The page's own load asks for nothing from the runtime; once the site is stored the service worker fetches
        the runtime, and offline a calculator never opened gives the right answer."""
        requests = watch_requests(context)
        page.goto(site_url + "framework/introduction/")
        page.wait_for_load_state("networkidle")
        assert [url for url, by_worker in requests if RUNTIME_PATH.search(url) and not by_worker] == []
        wait_until_offline_ready(page)
        use_a_tool_offline(page, context, site_url, site_dir)

    def test_with_save_data_a_text_page_downloads_no_runtime_and_then_works_offline(
        self, page: Page, context: BrowserContext, site_url: str
    ) -> None:
        """With the browser's Save-Data setting on, a first visit to a text page: the service worker precaches the site
        but neither it nor the page asks for anything under runtime/pyodide-* or runtime/sccif-core-*; offline, the
        page reloads and search works."""
        context.add_init_script(SAVE_DATA)
        requests = watch_requests(context)
        page.goto(site_url + "framework/introduction/")
        wait_until_offline_ready(page)
        # The service worker answers a page's messages in order, so once it has answered this one it has
        # been given whatever the page asked of it on taking over (a CACHE_RUNTIME it must not be sent).
        assert page.evaluate(RUNTIME_STATUS)["cached"] == 0
        assert any(by_worker and "search_index.json" in url for url, by_worker in requests), (
            "nothing was precached"
        )
        context.set_offline(True)
        page.reload()
        expect(page.locator("article h1").first).to_be_visible()
        search_for(page, "safeguarding")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        assert [url for url, _ in requests if RUNTIME_PATH.search(url)] == []

    def test_after_a_first_visit_to_the_home_page_the_site_works_offline(
        self, page: Page, context: BrowserContext, site_url: str, site_dir: Path
    ) -> None:
        """After one visit to the home page, with the network gone: following a link (Material's instant navigation)
        opens the next page, search finds text, every page of the site opens, and an address that is not part of the
        site shows the site's own 'page not found' page."""
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", (site_dir / "404.html").read_text(encoding="utf-8"), re.S)
        assert heading, "404.html has no heading"
        page.goto(site_url)
        wait_until_offline_ready(page)
        context.set_offline(True)
        page.reload()
        expect(page.locator("article h1")).to_be_visible()

        next_link = page.locator("a.md-footer__link--next")
        href = next_link.get_attribute("href")
        assert href, "the home page has no 'Next' link"
        next_link.click()
        page.wait_for_url(urljoin(page.url, href))
        expect(page.locator("article h1").first).to_be_visible()
        search_for(page, "safeguarding")
        expect(page.locator(".md-search-result__item").first).to_be_visible()

        for path in built_pages(site_dir):
            response = page.goto(site_url + path)
            assert response is not None and response.ok, f"{path} did not open offline"
            expect(page.locator("article h1").first).to_be_visible()

        page.goto(site_url + "no-such-page/")
        expect(page.locator("h1").first).to_have_text(re.sub(r"<[^>]+>", "", heading.group(1)).strip())

    def test_the_button_makes_the_tools_work_offline_before_using_one(
        self, page: Page, context: BrowserContext, site_url: str, site_dir: Path, axe: Axe
    ) -> None:
        """On the tools page, "Make the tools work offline" downloads the runtime; offline, a calculator never opened works."""
        page.goto(site_url + TOOLS_PAGE)
        wait_until_offline_ready(page)
        button = page.get_by_role(
            "button", name=re.compile(r"^Make the tools work offline \(about [0-9.]+ MB\)$")
        )
        expect(button).to_be_visible(timeout=OFFLINE_READY_TIMEOUT_MS)
        status = page.locator("[data-sccif-offline-tools] [role='status']")
        expect(status).to_be_empty()
        button.click()
        expect(status).to_have_text("Done: the tools now work offline.", timeout=OFFLINE_READY_TIMEOUT_MS)
        results = axe.run(
            page,
            context={"include": [["[data-sccif-offline-tools]"]]},
            options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
        )
        assert results.violations_count == 0, results.generate_report()
        use_a_tool_offline(page, context, site_url, site_dir)

    def test_the_tools_page_says_nothing_large_is_downloaded_when_saving_data(
        self, page: Page, context: BrowserContext, site_url: str
    ) -> None:
        """With the browser's Save-Data setting on, the tools page says nothing large is downloaded until a tool is used."""
        context.add_init_script(SAVE_DATA)
        page.goto(site_url + TOOLS_PAGE)
        expect(page.locator("[data-sccif-offline-tools]")).to_contain_text(
            "downloads nothing large until you use a tool", timeout=OFFLINE_READY_TIMEOUT_MS
        )

    def test_a_tool_page_keeps_working_offline_after_a_reload(
        self, page: Page, context: BrowserContext, site_url: str, site_dir: Path
    ) -> None:
        """A tool page opened once, reloaded with the network gone, still gives the right answer."""
        page.goto(site_url + "tools/working-days/")
        wait_until_offline_ready(page)
        wait_until_tools_offline(page, site_url, site_dir)
        context.set_offline(True)
        page.reload()
        work_out_one_working_day_after_christmas_eve(page)


class TestOfflineUnderASubPath:
    @pytest.fixture
    def site_url(self, subpath_server: SiteServer) -> str:
        """The built site served at http://127.0.0.1:<port>/sccif/ (the page fixture watches this origin)."""
        return subpath_server.url

    def test_the_service_worker_is_scoped_to_the_sub_path(
        self, page: Page, context: BrowserContext, site_url: str
    ) -> None:
        """Under /sccif/ the service worker lives at /sccif/sw.js, controls /sccif/, and nothing (it included) asks outside it."""
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))  # the worker's own requests too
        page.goto(site_url)
        wait_until_offline_ready(page)
        scope = page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.scope)")
        script = page.evaluate("navigator.serviceWorker.controller.scriptURL")
        assert scope == site_url
        assert script == site_url + "sw.js"
        assert any(url.startswith(site_url + "glossary/index.html") for url in requests), (
            "the site was not precached"
        )
        outside = [url for url in requests if not url.startswith(site_url)]
        assert outside == []

    def test_pages_search_and_the_calculator_work_offline(
        self, page: Page, context: BrowserContext, site_url: str, site_dir: Path
    ) -> None:
        """Under a sub-path, after one visit to a tool page, pages, search and the calculator work with the network gone."""
        page.goto(site_url + "tools/working-days/")
        wait_until_offline_ready(page)
        wait_until_tools_offline(page, site_url, site_dir)
        context.set_offline(True)
        page.goto(site_url)
        expect(page.locator("article h1").first).to_be_visible()
        search_for(page, "safeguarding")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        page.goto(site_url + "tools/working-days/")
        work_out_one_working_day_after_christmas_eve(page)


class TestUpdates:
    @pytest.fixture
    def server(self, site_dir: Path) -> Iterator[SiteServer]:
        server = SiteServer(site_dir)
        server.start()
        yield server
        server.stop()

    @pytest.fixture
    def site_url(self, server: SiteServer) -> str:
        return server.url

    def test_a_new_deployment_is_offered_and_reload_shows_it(
        self, page: Page, server: SiteServer, second_deployment: Path, axe: Axe
    ) -> None:
        """When a new deployment is published, the page says so, and its Reload button shows the new version."""
        page.goto(server.url)
        wait_until_offline_ready(page)
        banner = page.locator("[data-sccif-update]")
        expect(banner).to_have_attribute("role", "status")
        expect(banner).to_be_empty()

        server.stop()
        server.start(second_deployment)
        page.reload()
        # The old version is still what the page shows until the reader chooses to reload...
        expect(page.locator("[data-test-deployment]")).to_have_count(0)
        # ...and the new one, installed in the background, is offered.
        expect(banner).to_contain_text("A new version is available", timeout=OFFLINE_READY_TIMEOUT_MS)
        reload_button = banner.get_by_role("button", name="Reload")
        expect(reload_button).to_be_visible()
        # The banner itself meets WCAG 2.2 AA (the whole page is test_site.py's job).
        results = axe.run(
            page,
            context={"include": [["[data-sccif-update]"]]},
            options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
        )
        assert results.violations_count == 0, results.generate_report()

        reload_button.click()
        expect(page.locator("[data-test-deployment]")).to_have_text(
            UPDATE_MARKER, timeout=OFFLINE_READY_TIMEOUT_MS
        )
        expect(page.locator("[data-sccif-update]")).to_be_empty()

    def test_the_new_version_is_served_once_every_tab_is_closed(
        self, page: Page, context: BrowserContext, server: SiteServer, second_deployment: Path
    ) -> None:
        """A reader who ignores the offer gets the new version on the next visit after closing the site's tabs."""
        page.goto(server.url)
        wait_until_offline_ready(page)
        server.stop()
        server.start(second_deployment)
        page.reload()
        expect(page.locator("[data-sccif-update]")).to_contain_text(
            "A new version is available", timeout=OFFLINE_READY_TIMEOUT_MS
        )
        page.close()
        # The waiting worker takes over once no tab uses the old one, which takes the browser a moment.
        # A tab opened too soon is itself controlled by the old worker and would keep it in charge for
        # as long as it stays open (reloading it does not let go), so each try is a fresh tab, closed again.
        deadline = time.monotonic() + OFFLINE_READY_TIMEOUT_MS / 1000
        while True:
            later = context.new_page()
            later.goto(server.url)
            if later.locator("[data-test-deployment]").count() == 1 or time.monotonic() > deadline:
                break
            later.close()
            time.sleep(0.5)
        expect(later.locator("[data-test-deployment]")).to_have_text(UPDATE_MARKER)
        later.close()
