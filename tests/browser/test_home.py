"""The home page: the four questions people bring are in view without scrolling, and each opens its tool ready."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.page_checks import wait_until_opened_at
from tests.browser.runtime_helpers import LOAD_TIMEOUT_MS

QUESTIONS = [
    "When will our report arrive?",
    "Do we still meet 'wholly or mainly'?",
    "What can the overall grade be?",
    "How many working days until…?",
]
VIEWPORTS = [(390, 844), (1280, 800)]


def in_view(page: Page, locator) -> bool:  # type: ignore[no-untyped-def]
    """Whether the element lies wholly inside the viewport as the page is now scrolled."""
    box = locator.bounding_box()
    size = page.viewport_size
    assert box is not None and size is not None
    right, bottom = box["x"] + box["width"], box["y"] + box["height"]
    return box["x"] >= 0 and box["y"] >= 0 and right <= size["width"] and bottom <= size["height"]


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_the_four_questions_are_in_view_without_scrolling(
    page: Page, site_url: str, width: int, height: int
) -> None:
    """On a phone and on a laptop, every question's box is inside the first screen, and the routes follow them."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url)
    page.wait_for_load_state("load")
    assert page.evaluate("window.scrollY") == 0
    tasks = page.locator(".sccif-task")
    expect(tasks).to_have_count(len(QUESTIONS))
    for task, question in zip(tasks.all(), QUESTIONS, strict=True):
        expect(task.get_by_role("link")).to_have_text(question)
        assert in_view(page, task), f"{question!r} is not in view at {width}x{height}: {task.bounding_box()}"
    routes = page.get_by_role("heading", name="Start here")
    assert (routes.bounding_box() or {"y": 0})["y"] > (tasks.last.bounding_box() or {"y": 0})["y"]


def open_question(page: Page, site_url: str, question: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url)
    page.get_by_role("link", name=question, exact=True).click()


def tool_in_view(page: Page) -> None:
    """The link's #sccif-tool brings the tool to the top of the screen, not the page's introduction."""
    tool = page.locator("[data-sccif-tool]").first
    expect(tool).to_have_attribute("id", "sccif-tool")
    wait_until_opened_at(page, "sccif-tool")


def test_when_will_our_report_arrive_opens_the_timeline_for_a_full_inspection(
    page: Page, site_url: str
) -> None:
    """The timeline opens with "full inspection" chosen, asking for the last day on site."""
    open_question(page, site_url, "When will our report arrive?")
    page.wait_for_url("**/tools/timeline/?kind=full#sccif-tool")
    expect(page.get_by_label("What happened?")).to_have_value("full", timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_label("Last day on site", exact=True)).to_be_visible()
    tool_in_view(page)


@pytest.mark.parametrize(
    ("question", "path", "first_field"),
    [
        ("Do we still meet 'wholly or mainly'?", "tools/occupancy/", "Load a CSV file"),
        ("What can the overall grade be?", "tools/judgements/", "How well children are helped and protected"),
        ("How many working days until…?", "tools/working-days/", "Start date"),
    ],
)
def test_each_other_question_opens_its_tool_at_the_form(
    page: Page, site_url: str, question: str, path: str, first_field: str
) -> None:
    """The link opens the tool's page scrolled to the tool, with its form there to fill in."""
    open_question(page, site_url, question)
    page.wait_for_url(f"**/{path}#sccif-tool")
    expect(page.get_by_label(first_field, exact=True)).to_be_attached(timeout=LOAD_TIMEOUT_MS)
    tool_in_view(page)
