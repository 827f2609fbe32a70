"""Browser fixtures: Debian's Chromium, driven by Playwright, against the built site served locally.

Every page a test opens is watched: a request to another origin, an uncaught
error, a console error or a Content-Security-Policy violation fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    BrowserContext,
    CDPSession,
    Page,
    Playwright,
    expect,
    sync_playwright,
)

from bench.chromium import CHROMIUM, launch_options
from scripts import serve
from tests.browser.runtime_helpers import TOOL_PAGE, wait_until_ready, wait_until_resolves_true

ROOT = Path(__file__).resolve().parents[2]
# How long to wait for a condition. Waits end as soon as the condition holds, so generous limits
# cost nothing when the tests pass; they are sized for a 2-core machine that other jobs load too.
EXPECT_TIMEOUT_MS = 20_000  # expect(...) assertions: a page reacting to input
ACTION_TIMEOUT_MS = 45_000  # clicks, fills, evaluate and wait_for_* without their own timeout
NAVIGATION_TIMEOUT_MS = 60_000  # page.goto and reloads
expect.set_options(timeout=EXPECT_TIMEOUT_MS)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def built_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as a path relative to the site root ("" is the home page)."""
    pages = sorted(
        path.relative_to(site_dir).parent.as_posix()
        for path in site_dir.rglob("index.html")
        if "assets" not in path.parts and "runtime" not in path.parts
    )
    return ["" if page == "." else page + "/" for page in pages]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "text_pages_only: a browser test file that opens no tool page, so its profile skips warming up the runtime",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder `browser` (`make test-fast` leaves them out)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site, served by scripts/serve.py as `make serve` serves it."""
    with serve.running(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make chromium` installs Debian's chromium")
    browser = playwright.chromium.launch(**launch_options(for_tests=True))
    yield browser
    browser.close()


@dataclass
class PageWatch:
    """What a page did that a user or a test should know about."""

    origin: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def on_request(self, url: str) -> None:
        self.requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign.append(url)

    def watch(self, page: Page) -> Page:
        """Record the page's requests, page errors and console errors."""
        page.on("request", lambda request: self.on_request(request.url))
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on(
            "console",
            lambda message: (
                self.errors.append(f"console {message.type}: {message.text}")
                if message.type == "error"
                else None
            ),
        )
        return page

    def assert_clean(self, page: Page) -> None:
        """Nothing left the origin, broke the Content-Security-Policy or raised an error."""
        violations: list[str] = []
        if not page.is_closed():
            try:
                violations = page.evaluate("window.__cspViolations || []")
            except Exception:  # the page may be mid-navigation at teardown
                violations = []
        assert not self.foreign, f"requests left the site's origin: {self.foreign}"
        assert not violations, f"Content-Security-Policy violations: {violations}"
        assert not self.errors, f"errors on the page: {self.errors}"


def new_context(browser: Browser, **options: Any) -> BrowserContext:
    """A new browser profile as the tests use it: British locale and time zone, CSP violations recorded, waits
    sized for a loaded machine."""
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London", **options)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    context.add_init_script(_CSP_LISTENER)
    return context


# True once the runtime's worker has stored its snapshot of the started interpreter (site_widgets/worker.mjs).
_SNAPSHOT_STORED = """async () => {
  const cache = await caches.open("sccif-python-snapshot");
  return (await cache.keys()).length > 0;
}"""


def warm_up(context: BrowserContext, site_url: str) -> None:
    """Start the runtime once in this profile and wait until its snapshot is stored, as after a reader's first visit.

    Every tool page the profile opens afterwards restores the stored interpreter: the same, quicker
    path for every test of a file, whichever test runs first.
    """
    page = context.new_page()
    try:
        page.goto(site_url + TOOL_PAGE)
        wait_until_ready(page)
        wait_until_resolves_true(page, _SNAPSHOT_STORED)
    finally:
        page.close()


# What a test leaves on the device, as a page of the site sees it.
_NOTHING_STORED = """async () => localStorage.length === 0 && (await indexedDB.databases()).length === 0"""
# A cleared origin that still shows something after this many clears is a failure, not a race.
_CLEARS = 20


@dataclass
class ReturningReader:
    """The browser profile the tests share, and a tab kept open on the site to clear its storage between tests.

    The tab shows the site's sitemap (a hundred bytes: a page of the site's origin with no scripts), so
    it sees the origin's local storage and IndexedDB as the test pages did.
    """

    context: BrowserContext
    site_url: str
    warmed_up: bool = False
    _storage_tab: Page = field(init=False)
    _session: CDPSession = field(init=False)

    def __post_init__(self) -> None:
        self._storage_tab = self.context.new_page()
        self._storage_tab.goto(self.site_url + "sitemap.xml")
        self._session = self.context.new_cdp_session(self._storage_tab)

    @property
    def origin(self) -> str:
        return _origin(self.site_url)

    def warm_up(self, site_url: str) -> None:
        """Start the runtime in this profile, the first time a test file needs it (`warm_up`)."""
        if not self.warmed_up:
            warm_up(self.context, site_url)
            self.warmed_up = True

    def forget_the_test(self) -> None:
        """Close the test's pages, then clear what they saved on the device (local storage, IndexedDB).

        A write a page made just before it closed can reach the browser's storage after a clear (it was
        red once under load: the next test found the last one's work kept). So the clear is repeated
        until a page of the site sees nothing stored.
        """
        self.context.set_offline(False)
        self.context.clear_cookies()
        for page in self.context.pages:
            if page is not self._storage_tab:
                page.close()
        for _ in range(_CLEARS):
            self._session.send(
                "Storage.clearDataForOrigin",
                {"origin": self.origin, "storageTypes": "local_storage,indexeddb"},
            )
            if self._storage_tab.evaluate(_NOTHING_STORED):
                return
            self._storage_tab.wait_for_timeout(100)
        raise AssertionError(f"{self.origin} still has something stored after {_CLEARS} clears")


@pytest.fixture(scope="session")
def returning_profile(browser: Browser, site_url: str) -> Iterator[ReturningReader]:
    """One browser profile for every test file a test process runs, as a reader who keeps coming back has.

    The HTTP cache and the stored snapshot of the started interpreter carry over from test to test and
    from file to file; what a reader saves on the device (local storage, IndexedDB) is cleared after
    every test. The offline service worker is blocked.
    """
    context = new_context(browser, service_workers="block")
    yield ReturningReader(context, site_url)
    context.close()


@pytest.fixture(scope="module")
def returning_reader(
    request: pytest.FixtureRequest, returning_profile: ReturningReader, site_url: str
) -> ReturningReader:
    """The shared profile, with the runtime started once before the first test file that opens a tool page.

    Tests of a first visit, of loading from scratch or of offline use are marked `fresh_context` and get
    a new profile. A file marked `text_pages_only` opens no tool page, so it does not wait for the runtime.
    """
    if not request.node.get_closest_marker("text_pages_only"):
        returning_profile.warm_up(site_url)
    return returning_profile


@pytest.fixture
def context(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    """The test's browser profile: the file's returning reader, or a new one for tests marked fresh_context."""
    if request.node.get_closest_marker("fresh_context"):
        context = new_context(browser)
        yield context
        context.close()
        return
    reader: ReturningReader = request.getfixturevalue("returning_reader")
    yield reader.context
    reader.forget_the_test()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def page_watch(site_url: str) -> PageWatch:
    return PageWatch(origin=_origin(site_url))


@pytest.fixture
def page(context: BrowserContext, page_watch: PageWatch) -> Iterator[Page]:
    """A fresh page that fails the test on foreign requests, page errors, console errors and CSP violations."""
    page = page_watch.watch(context.new_page())
    yield page
    page_watch.assert_clean(page)


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


@pytest.fixture
def axe_check(axe: Axe):  # type: ignore[no-untyped-def]
    """axe_check(page, exclude=[...]): no WCAG 2.2 AA violations on the page as it is now."""

    def check(page: Page, *, exclude: list[str] | None = None) -> None:
        context = {"exclude": [[selector] for selector in exclude]} if exclude else None
        results = axe.run(
            page,
            context=context,
            options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
        )
        assert results.violations_count == 0, results.generate_report()

    return check
