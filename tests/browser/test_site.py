"""The site as a reader meets it: every page accessible, nothing sent elsewhere, search that lands on the text.

Every page of the built site is opened once, in one sweep (the `sweep` fixture), and every check that
applies to each page is made on that one visit; each test below then asserts one check over all pages.
To check something more on every page, add it to `visit` and give it a test here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .conftest import WCAG_TAGS, PageWatch, ReturningReader, built_pages
from .runtime_helpers import wait_for_widget
from .tool_pages import tool_pages

# What every page says about where its text comes from (overrides/partials/provenance, docs/index.md).
PROVENANCE = ("updated 5 April 2024", "Open Government Licence v3.0", "not an official Ofsted or GOV.UK site")

# Read from the page once it has loaded: what it says about its source, its CSP violations, its links
# and every id a link could point at.
_PAGE_FACTS = """
() => ({
  provenance: Array.from(document.querySelectorAll(".sccif-provenance"), (element) => element.textContent),
  csp: window.__cspViolations || [],
  links: Array.from(document.querySelectorAll("a[href]"), (link) => link.href),
  ids: Array.from(document.querySelectorAll("[id], a[name]"), (element) => element.id || element.getAttribute("name")),
})
"""


@dataclass
class PageFindings:
    """What one visit to one page found, for every page-level check."""

    path: str
    axe_report: str = ""
    axe_violations: int = 0
    provenance: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    tool: str = ""  # the tool the page holds, if any
    tool_problem: str = ""  # why its widget or runtime did not get ready, if it did not


def wait_for_tool(page: Page) -> tuple[str, str]:
    """(the page's tool, "" or why it did not get ready): its widget mounted and its runtime, if it has one, ready."""
    holder = page.locator("[data-sccif-tool]")
    if not holder.count():
        return "", ""
    tool = holder.first.get_attribute("data-sccif-tool") or "?"
    try:
        wait_for_widget(page, tool)
    except AssertionError as error:
        return tool, str(error).splitlines()[0]
    return tool, ""


# Pages open this many at a time: a page waiting out its quiet half second (networkidle) leaves the
# processor to the others. Each page is still checked on its own, one after the other.
PAGES_AT_ONCE = 3


def check(page: Page, path: str, watch: PageWatch, axe: Axe) -> PageFindings:
    """Every page-level check on one opened page, once it has stopped fetching.

    axe sees the page as it first settles (a tool still loading); the Content-Security-Policy
    violations, errors and requests are read once a tool page's runtime has started too.
    """
    page.wait_for_load_state("networkidle")
    results = axe.run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    )
    facts: dict[str, Any] = page.evaluate(_PAGE_FACTS)
    tool, tool_problem = wait_for_tool(page)
    if tool:
        facts["csp"] = page.evaluate("window.__cspViolations || []")
    return PageFindings(
        path=path,
        axe_report=results.generate_report() if results.violations_count else "",
        axe_violations=results.violations_count,
        provenance=facts["provenance"],
        csp=facts["csp"],
        requests=list(watch.requests),
        foreign=list(watch.foreign),
        errors=list(watch.errors),
        links=facts["links"],
        ids=set(facts["ids"]),
        tool=tool,
        tool_problem=tool_problem,
    )


@pytest.fixture(scope="module")
def sweep(returning_reader: ReturningReader, site_url: str, site_dir: Path, axe: Axe) -> list[PageFindings]:
    """Every built page, each visited once in a new tab, with what each check found there."""
    pages = built_pages(site_dir)
    assert len(pages) > 20, f"expected the whole framework to be built, found {pages}"
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    findings = []
    for first in range(0, len(pages), PAGES_AT_ONCE):
        opened: list[tuple[str, Page, PageWatch]] = []
        try:
            for path in pages[first : first + PAGES_AT_ONCE]:
                watch = PageWatch(origin=origin)
                page = watch.watch(returning_reader.context.new_page())
                opened.append((path, page, watch))
                page.goto(site_url + path, wait_until="commit")
            findings.extend(check(page, path, watch, axe) for path, page, watch in opened)
        finally:
            for _, page, _ in opened:
                page.close()
    return findings


class TestEveryPage:
    def test_every_page_passes_axe(self, sweep: list[PageFindings]) -> None:
        """Every built page has no WCAG 2.2 AA violations that axe can find."""
        failing = [f"{found.path or '/'}:\n{found.axe_report}" for found in sweep if found.axe_violations]
        assert not failing, "\n\n".join(failing)

    def test_no_page_requests_another_origin(self, sweep: list[PageFindings]) -> None:
        """Loading every page sends no request anywhere but the site itself."""
        assert all(found.requests for found in sweep), "a page made no request at all: the watch is broken"
        assert {found.path: found.foreign for found in sweep if found.foreign} == {}

    def test_no_page_causes_a_csp_violation(self, sweep: list[PageFindings]) -> None:
        """Loading every page of the site reports no Content-Security-Policy violation."""
        assert {found.path: found.csp for found in sweep if found.csp} == {}

    def test_no_page_has_an_error_in_its_console(self, sweep: list[PageFindings]) -> None:
        """No page throws an uncaught error or logs a console error while it loads."""
        assert {found.path: found.errors for found in sweep if found.errors} == {}

    def test_every_tool_page_starts_its_runtime(self, sweep: list[PageFindings]) -> None:
        """Each tool page mounts its widget and starts its runtime (Pyodide in a worker) under the policy.

        Its Content-Security-Policy violations, errors and requests, read after the start, are
        checked by the tests above.
        """
        started = {found.path: found.tool_problem or found.tool for found in sweep if found.tool}
        assert started == {path: tool for tool, path in tool_pages()}

    def test_every_page_shows_its_source_and_licence(self, sweep: list[PageFindings]) -> None:
        """Every page names the source version, the OGL and that the site is not official."""
        missing = {
            found.path: [words for words in PROVENANCE if not any(words in text for text in found.provenance)]
            for found in sweep
        }
        assert {path: words for path, words in missing.items() if words} == {}

    def test_every_link_within_the_site_opens_a_page_and_its_section(
        self, sweep: list[PageFindings], site_url: str, site_dir: Path
    ) -> None:
        """Every link from a page to the site itself opens a file that exists, and its #fragment names an element there."""
        ids = {site_url + found.path: found.ids for found in sweep}
        broken = []
        for found in sweep:
            for link in found.links:
                if not link.startswith(site_url):
                    continue  # other sites: not fetched by the tests (nothing may leave the machine)
                address, _, fragment = link.partition("#")
                address = address.split("?", 1)[0]
                relative = address[len(site_url) :]
                target = (
                    site_dir / relative / "index.html"
                    if relative.endswith("/") or not relative
                    else site_dir / relative
                )
                if not target.is_file():
                    broken.append(f"{found.path or '/'}: {link} (no such file)")
                elif fragment and address in ids and fragment not in ids[address]:
                    broken.append(f"{found.path or '/'}: {link} (no element with id {fragment!r})")
        assert broken == []


# Counts the search indexes given to Material's search worker (its "set up" message, type 0, carries the docs).
_COUNT_SEARCH_SETUPS = """
window.__searchSetups = 0;
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  if (message && message.type === 0 && Array.isArray(message.data?.docs)) window.__searchSetups += 1;
  return post.call(this, message, ...rest);
};
"""


class TestSearch:
    def test_the_index_is_built_once_and_only_when_the_reader_searches(
        self, page: Page, site_url: str
    ) -> None:
        """docs/assets/javascripts/search-on-demand.js: loading a page builds no index; opening the search
        builds it, once."""
        page.add_init_script(_COUNT_SEARCH_SETUPS)
        page.goto(site_url + "framework/on-site-inspection/")
        page.wait_for_load_state("networkidle")  # the index file has been fetched
        assert page.evaluate("window.__searchSetups") == 0
        search = page.locator("input.md-search__input")
        items = page.locator(".md-search-result__item")
        for phrase in ("controlled drugs", "Prevent duty"):
            search.click()
            # Material searches on keyup, which fill() does not send: End sends one, and the last results go.
            search.fill("")
            search.press("End")
            expect(items).to_have_count(0)
            page.keyboard.type(phrase)
            expect(items.first).to_contain_text(re.compile(phrase.split()[0], re.I))
            page.keyboard.press("Escape")
        assert page.evaluate("window.__searchSetups") == 1

    def test_a_search_in_the_address_is_answered(self, page: Page, site_url: str) -> None:
        """A shared search link (?q=) opens the search with its results, the index built for it."""
        page.add_init_script(_COUNT_SEARCH_SETUPS)
        page.goto(site_url + "?q=controlled+drugs")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        assert page.evaluate("window.__searchSetups") == 1

    def test_search_finds_a_phrase_deep_in_the_text_and_opens_its_section(
        self, page: Page, site_url: str
    ) -> None:
        """Typing a phrase from near the end of the framework lists it and the result opens that section."""
        page.goto(site_url)
        page.locator("input.md-search__input").click()
        search = page.locator("input.md-search__input")
        expect(search).to_be_focused()
        page.keyboard.type("controlled drugs")
        result = page.locator(".md-search-result__item a[href*='#']").first
        expect(result).to_be_visible()
        result.click()
        page.wait_for_url("**/framework/safeguarding/**")
        assert "#" in page.url, f"search should land on a section, got {page.url}"
        anchor = page.url.split("#", 1)[1]
        target = page.locator(f"[id='{anchor}']")
        expect(target).to_have_count(1)
        expect(page.locator("article.md-content__inner")).to_contain_text("controlled drugs")

    def test_search_works_with_the_network_gone(self, page: Page, site_url: str) -> None:
        """The search index is served by the site itself, so search works on a copy with no internet."""
        page.goto(site_url)
        page.wait_for_load_state("networkidle")  # the search index has been fetched
        page.context.set_offline(True)  # the context fixture puts it back online
        page.locator("input.md-search__input").click()
        page.keyboard.type("Prevent duty")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
