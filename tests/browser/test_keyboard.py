"""The theme with the keyboard alone: skip links, the menu drawer, the sticky header (issue 18).

The script is docs/assets/javascripts/keyboard.js, the styles are in docs/assets/stylesheets/site.css.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.runtime_helpers import TOOL_PAGE, wait_until_ready
from tests.browser.tool_pages import tool_pages

NARROW = {"width": 320, "height": 640}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
TEXT_PAGE = "framework/on-site-inspection/"  # a long framework page with a table of contents
MAX_TABS_TO_TOOL = 5  # issue 18: the tool is within 5 Tab presses of the top
CONTROLS = "input, select, textarea, button, summary, a[href]"

# The focused element, where it is drawn, and what could hide it: the header and "Back to top". Read two
# frames after the Tab: Material moves "Back to top" on the frame after the scroll that focusing causes.
_FOCUSED = """async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const element = document.activeElement;
  const box = (node) => {
    if (!node) return null;
    const r = node.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  };
  const top = document.querySelector(".md-top");
  const topShown = top && !top.hidden && getComputedStyle(top).visibility === "visible";
  return {
    tag: element.tagName,
    text: (element.getAttribute("aria-label") || element.textContent || "").trim().slice(0, 60),
    box: box(element),
    inHeader: !!element.closest(".md-header"),
    isSkipLink: element.matches(".md-skip"),
    inDrawer: !!element.closest(".md-sidebar--primary"),
    inTool: !!element.closest("[data-sccif-tool]") && !element.matches("[data-sccif-tool]"),
    header: box(document.querySelector(".md-header")),
    backToTop: topShown ? box(top) : null,
    viewport: { width: innerWidth, height: innerHeight },
  };
}"""


# The focused element is what shows near its top (once scrolled into view, and the page has reacted to
# the scroll), not something drawn over it.
_SEEN = """async () => {
  const element = document.activeElement;
  element.scrollIntoView({ block: "nearest" });
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const r = element.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, Math.min(r.top + 4, innerHeight - 1));
  return !!hit && (hit === element || element.contains(hit) || hit.contains(element));
}"""


def focused(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(_FOCUSED)
    return result


def tab(page: Page) -> dict[str, Any]:
    page.keyboard.press("Tab")
    return focused(page)


def off_screen(found: dict[str, Any]) -> bool:
    box, view = found["box"], found["viewport"]
    return (
        box["width"] == 0
        or box["height"] == 0
        or box["right"] <= 0
        or box["bottom"] <= 0
        or box["left"] >= view["width"]
        or box["top"] >= view["height"]
    )


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def hidden_problem(found: dict[str, Any]) -> str | None:
    """Why the focused element is (partly) hidden by the sticky header or by "Back to top", or None."""
    if found["tag"] == "BODY" or found["inHeader"] or found["isSkipLink"]:
        return None
    box = found["box"]
    if box["top"] < found["header"]["bottom"] - 0.5:
        return f"{found['text']!r} at top {box['top']:.0f} is under the header (bottom {found['header']['bottom']:.0f})"
    if found["backToTop"] and overlaps(box, found["backToTop"]):
        return f"{found['text']!r} is under 'Back to top'"
    return None


def tabs_to_tool_by_skip_link(page: Page) -> int:
    """Tab presses from the top of a ready tool page to its first control, using "Skip to the tool"."""
    presses = 1
    found = tab(page)
    while found["text"] != "Skip to the tool":
        assert presses < 5, f"'Skip to the tool' is not among the first Tab stops (at {found['text']!r})"
        found = tab(page)
        presses += 1
    page.keyboard.press("Enter")
    while not found["inTool"]:
        assert presses <= 20, "Tab never reached the tool"
        found = tab(page)
        presses += 1
    return presses


class TestSkipLinks:
    def test_skip_to_content_focuses_the_content_every_time_while_a_tool_loads(
        self, page: Page, site_url: str
    ) -> None:
        """Ten times, Tab then Enter as soon as the page arrives: focus is on the heading, the next Tab in the content."""
        for attempt in range(1, 11):
            page.goto(site_url + TOOL_PAGE, wait_until="commit")
            skip = page.locator(".md-skip").first
            skip.wait_for(state="attached")
            page.keyboard.press("Tab")
            page.keyboard.press("Enter")
            target = skip.evaluate("(link) => link.hash.slice(1)")
            expect(page.locator(f"[id='{target}']"), f"try {attempt}: focus on #{target}").to_be_focused()
            after = tab(page)
            in_content = page.evaluate("() => !!document.activeElement.closest('.md-content')")
            assert in_content, f"try {attempt}: the next Tab went to {after['text']!r}, outside the content"

    @pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
    @pytest.mark.parametrize(("tool", "path"), tool_pages())
    def test_each_tool_is_within_5_tab_presses_of_the_top(
        self, page: Page, site_url: str, tool: str, path: str, viewport: dict[str, int]
    ) -> None:
        """From the top of each tool page, "Skip to the tool" brings its first control within 5 Tab presses."""
        page.set_viewport_size(viewport)
        page.goto(site_url + path)
        wait_until_ready(page)
        page.locator(f"[data-sccif-tool] :is({CONTROLS}) >> visible=true").first.wait_for()
        presses = tabs_to_tool_by_skip_link(page)
        print(f"{tool} at {viewport['width']} px: {presses} Tab presses to the first control")
        assert presses <= MAX_TABS_TO_TOOL

    def test_text_pages_have_no_tool_skip_link(self, page: Page, site_url: str) -> None:
        """'Skip to the tool' is offered only on pages with a tool."""
        page.goto(site_url + TEXT_PAGE)
        expect(page.locator(".md-skip")).to_have_count(1)
        expect(page.locator(".sccif-skip-tool")).to_have_count(0)


class TestMenu:
    def test_menu_and_search_are_named_buttons(self, page: Page, site_url: str) -> None:
        """At phone width the menu and search are buttons with names and aria-expanded; on a wide screen the menu is hidden."""
        page.set_viewport_size(PHONE)
        page.goto(site_url + TEXT_PAGE)
        menu = page.get_by_role("button", name="Menu", exact=True)
        search = page.get_by_role("button", name="Search", exact=True)
        expect(menu).to_be_visible()
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(search).to_be_visible()
        expect(search).to_have_attribute("aria-expanded", "false")
        expect(page.locator(".md-header label[for=__drawer]")).to_have_count(0)
        search.focus()
        page.keyboard.press("Enter")
        expect(search).to_have_attribute("aria-expanded", "true")
        expect(page.locator(".md-search__input")).to_be_focused()
        page.set_viewport_size(DESKTOP)
        expect(menu).to_be_hidden()

    def test_menu_opens_and_closes_from_the_keyboard(self, page: Page, site_url: str, axe_check) -> None:  # type: ignore[no-untyped-def]
        """Tab reaches the menu button; Enter opens the drawer and moves focus into it; Escape closes it and returns focus."""
        page.set_viewport_size(PHONE)
        page.goto(site_url + TEXT_PAGE)
        menu = page.get_by_role("button", name="Menu", exact=True)
        for _ in range(6):
            if tab(page)["text"] == "Menu":
                break
        expect(menu).to_be_focused()
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
        page.wait_for_function(  # the drawer slides in: where focus is drawn is known once it has arrived
            "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0"
        )
        found = focused(page)
        assert found["inDrawer"] and not off_screen(found), found
        axe_check(page)
        covered = []  # the open sub-menu is drawn over the menu's top level: Tab visits only what shows
        for _ in range(12):
            page.keyboard.press("Tab")
            if not page.evaluate(_SEEN):
                covered.append(focused(page)["text"])
        assert not covered, f"Tab stops in the drawer that cannot be seen: {covered}"
        page.keyboard.press("Escape")
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(menu).to_be_focused()

    @pytest.mark.parametrize("path", [TEXT_PAGE, TOOL_PAGE])
    def test_closed_drawer_links_are_out_of_the_tab_order(self, page: Page, site_url: str, path: str) -> None:
        """At 320 px, none of the first 50 Tab stops is in the closed drawer or off screen."""
        page.set_viewport_size(NARROW)
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        stops = [tab(page) for _ in range(50)]
        stops = [stop for stop in stops if stop["tag"] != "BODY"]  # past the end, focus leaves the page
        in_drawer = [stop["text"] for stop in stops if stop["inDrawer"]]
        hidden = [stop["text"] for stop in stops if off_screen(stop)]
        print(f"{path} at 320 px: {len(hidden)} of the first 50 Tab stops off screen")
        assert not in_drawer, f"links in the closed drawer take focus: {in_drawer}"
        assert not hidden, f"focus off screen: {hidden}"


class TestStickyHeader:
    @pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
    def test_tabbing_never_puts_focus_under_the_header(
        self, page: Page, site_url: str, viewport: dict[str, int]
    ) -> None:
        """Tab forward through 80 stops, then back through 40: no focused element is under the header or 'Back to top'."""
        page.set_viewport_size(viewport)
        page.goto(site_url + TEXT_PAGE)
        problems = []
        for key, times in (("Tab", 80), ("Shift+Tab", 40)):
            for _ in range(times):
                page.keyboard.press(key)
                problem = hidden_problem(focused(page))
                if problem:
                    problems.append(f"{key}: {problem}")
        assert not problems, problems

    def test_contents_links_bring_their_heading_below_the_header(self, page: Page, site_url: str) -> None:
        """Each link in the page's contents, followed from the keyboard, shows its heading below the header."""
        page.set_viewport_size(DESKTOP)
        page.goto(site_url + TEXT_PAGE)
        links = page.locator(".md-sidebar--secondary a.md-nav__link")
        count = links.count()
        assert count > 3
        problems = []
        page.evaluate("() => addEventListener('hashchange', () => window.__followed.push(location.hash))")
        for index in range(count):
            link = links.nth(index)
            target_id = link.evaluate("(link) => link.hash.slice(1)")
            # Each link starts from the top of the page with no fragment in the address, so following it
            # always changes the address. navigation.tracking may rewrite the address as the page scrolls
            # (without a hashchange), so the heading's own address may be there for a moment only.
            page.evaluate(
                "() => { history.replaceState(null, '', location.pathname); scrollTo(0, 0); window.__followed = []; }"
            )
            link.press("Enter")  # focuses the link and presses Enter in one step
            try:
                page.wait_for_function(
                    "(id) => __followed.includes('#' + id) || location.hash === '#' + id",
                    arg=target_id,
                    polling=100,
                    timeout=10_000,
                )
            except PlaywrightTimeoutError:
                seen = page.evaluate(
                    "() => [location.hash, scrollY, __followed, document.activeElement.outerHTML.slice(0, 120)]"
                )
                raise AssertionError(f"link {index} to #{target_id} not followed: {seen}") from None
            top, header_bottom = page.evaluate(
                """(id) => [document.getElementById(id).getBoundingClientRect().top,
                            document.querySelector('.md-header').getBoundingClientRect().bottom]""",
                target_id,
            )
            if top < header_bottom:
                problems.append(f"#{target_id} at {top:.0f}, header bottom {header_bottom:.0f}")
        assert not problems, problems


class TestForcedColours:
    def test_a_disclosure_shows_open_or_closed_without_colour(self, page: Page, site_url: str) -> None:
        """In forced colours, an open and a closed disclosure have different marker glyphs."""
        page.emulate_media(forced_colors="active")
        page.goto(site_url + "tools/timeline/")
        wait_until_ready(page)
        details = page.locator("details.sccif-details").first
        marker = "(summary) => getComputedStyle(summary, '::before').content"
        summary = details.locator("> summary")
        closed = summary.evaluate(marker)
        summary.click()
        expect(details).to_have_attribute("open", "")
        opened = summary.evaluate(marker)
        assert closed not in ("none", "normal", '""'), closed
        assert opened not in ("none", "normal", '""'), opened
        assert closed != opened
