"""What a parent types into the site's search finds the public page that answers it, in the first three.

Issue 16: "Search for 'complaint', 'concern', 'inadequate' and 'how often' finds the right public page
among the first three results." The search is Material's own, typed into the header search box.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.text_pages_only  # home, search and text pages: no runtime needed

FIRST = 3

SEARCHES = [
    ("complaint", "public/raise-a-concern/"),
    ("concern", "public/raise-a-concern/"),
    ("inadequate", "public/inadequate/"),
    ("how often", "public/how-often/"),
]


def first_result_pages(page: Page, site_url: str, query: str) -> list[str]:
    """The pages of the first results Material lists for the query, as site paths (no section).

    The search box is emptied first, so the list read is the one for this query, not an earlier one.
    """
    search = page.locator("input.md-search__input")
    search.click()
    expect(search).to_be_focused()
    items = page.locator(".md-search-result__item")
    # Material reads the box on keyup (and on focus), not on input: each fill is followed by a key press
    # that moves nothing, as a paste with Ctrl+V ends with a keyup.
    search.fill("")
    search.press("End")
    expect(items).to_have_count(0)
    # The whole query in one go (as a paste is): typed letter by letter, the list can still show the
    # results for "inadeq" when it is read.
    search.fill(query)
    search.press("End")
    expect(items.nth(FIRST - 1), f"fewer than {FIRST} results listed for {query!r}").to_be_visible()
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Initializing")
    pages: list[str] = []
    for i in range(FIRST):
        href = items.nth(i).locator("a.md-search-result__link").first.get_attribute("href") or ""
        path = urlsplit(urljoin(page.url, href)).path
        pages.append(path.removeprefix(urlsplit(site_url).path))
    return pages


def test_search_finds_the_public_page_among_the_first_three(page: Page, site_url: str) -> None:
    """For each question, typed into the search box of one page in turn, the public page that answers it is one of
    the first three results."""
    page.goto(site_url)
    found = {query: first_result_pages(page, site_url, query) for query, _ in SEARCHES}
    missed = {query: found[query] for query, expected in SEARCHES if expected not in found[query]}
    assert missed == {}, f"the first {FIRST} results lack the expected page: {missed}"


def test_the_result_opens_the_page(page: Page, site_url: str) -> None:
    """Choosing the result opens the public page with its answer at the top."""
    page.goto(site_url)
    first_result_pages(page, site_url, "concern")
    page.locator(
        ".md-search-result__item a.md-search-result__link[href*='public/raise-a-concern/']"
    ).first.click()
    page.wait_for_url("**/public/raise-a-concern/**")
    expect(page.locator("article.md-content__inner h1")).to_contain_text(
        "Raise a concern or complaint about a child's care"
    )
    expect(page.locator("article.md-content__inner h1 + p")).to_contain_text("call 999")
