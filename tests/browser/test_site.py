"""The site as a reader meets it: every page accessible, nothing sent elsewhere, search that lands on the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PageWatch, built_pages




@pytest.fixture(scope="module")
def every_page(site_dir: Path) -> list[str]:
    pages = built_pages(site_dir)
    assert len(pages) > 20, f"expected the whole framework to be built, found {pages}"
    return pages


class TestEveryPage:
    def test_every_page_passes_axe(self, page: Page, site_url: str, every_page: list[str], axe_check) -> None:  # type: ignore[no-untyped-def]
        """Every built page has no WCAG 2.2 AA violations that axe can find."""
        for path in every_page:
            page.goto(site_url + path)
            page.wait_for_load_state("networkidle")
            axe_check(page)

    def test_no_page_requests_another_origin(
        self, page: Page, site_url: str, every_page: list[str], page_watch: PageWatch
    ) -> None:
        """Loading every page sends no request anywhere but the site itself."""
        for path in every_page:
            page.goto(site_url + path)
            page.wait_for_load_state("networkidle")
        assert page_watch.requests, "no requests were recorded at all"
        assert page_watch.foreign == []

    def test_every_page_shows_its_source_and_licence(self, page: Page, site_url: str, every_page: list[str]) -> None:
        """Every page names the source version, the OGL and that the site is not official."""
        for path in every_page:
            page.goto(site_url + path)
            provenance = page.locator(".sccif-provenance")
            expect(provenance).to_contain_text("updated 5 April 2024")
            expect(provenance).to_contain_text("Open Government Licence v3.0")
            expect(provenance).to_contain_text("not an official Ofsted or GOV.UK site")


class TestSearch:
    def test_search_finds_a_phrase_deep_in_the_text_and_opens_its_section(self, page: Page, site_url: str) -> None:
        """Typing a phrase from near the end of the framework lists it and the result opens that section."""
        page.goto(site_url)
        page.locator("input.md-search__input").click()
        search = page.locator("input.md-search__input")
        expect(search).to_be_focused()
        page.keyboard.type("controlled drugs")
        result = page.locator(".md-search-result__item a[href*='#']").first
        expect(result).to_be_visible(timeout=10_000)
        result.click()
        page.wait_for_url("**/framework/safeguarding/**")
        assert "#" in page.url, f"search should land on a section, got {page.url}"
        anchor = page.url.split("#", 1)[1]
        target = page.locator(f"[id='{anchor}']")
        expect(target).to_have_count(1)
        expect(page.locator("article")).to_contain_text("controlled drugs")

    def test_search_works_with_the_network_gone(self, page: Page, site_url: str) -> None:
        """The search index is served by the site itself, so search works on a copy with no internet."""
        page.goto(site_url)
        page.locator("input.md-search__input").click()
        page.keyboard.type("Prevent duty")
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
