"""Checks that any browser test can make of a page as a reader meets it: in view, focus, names, the accessibility tree.

- `assert_in_view(page, locator)`: wholly inside the viewport as the page is scrolled now, and not under the
  sticky header (the test does no scrolling of its own).
- `assert_focus_not_on_body(page)`: after an action, focus is on an element, never on the page body.
- `duplicate_control_names(page)`: form controls and buttons that share an accessible name, from Chromium's
  own accessibility tree.
- `assert_aria_snapshot(locator, name)`: the element's accessibility tree (Playwright's `aria_snapshot()`)
  equals the reviewed file `tests/browser/aria/<name>.yml`. Run with `SCCIF_UPDATE_ARIA=1` to write the
  files afresh, then read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page

ARIA_DIR = Path(__file__).parent / "aria"
# Roles whose accessible name must be unique on a page. Radio buttons are left out: their name is read
# with their group's ("Met, Your self-assessment: area 1"), so "Yes" may stand in many groups.
NAMED_CONTROL_ROLES = frozenset(
    {"textbox", "searchbox", "combobox", "listbox", "spinbutton", "slider", "checkbox", "switch", "button"}
)
_HEADER = ".md-header"
# The test server listens on a new port each run, and ui.id() numbers the ids it makes in the order a
# page makes them: snapshots name the site's origin as {site} and such an id's number as N.
_ORIGIN = re.compile(r"https?://(?:127\.0\.0\.1|localhost):\d+")
_MADE_ID = re.compile(r"(#sccif-[a-z-]+)-\d+\b")


def box_of(locator: Locator) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not rendered"
    return box


def in_view(page: Page, locator: Locator) -> bool:
    """Whether the element lies wholly inside the viewport as the page is now scrolled, below the sticky header."""
    box = box_of(locator)
    size = page.viewport_size
    assert size is not None
    header = page.locator(_HEADER)
    top = box_of(header)["height"] if header.count() and header.is_visible() else 0
    return (
        box["x"] >= 0
        and box["y"] >= top
        and box["x"] + box["width"] <= size["width"]
        and box["y"] + box["height"] <= size["height"]
    )


def assert_in_view(page: Page, locator: Locator, what: str = "the answer") -> None:
    """The element is wholly in view without scrolling by the test, and not hidden by the sticky header."""
    assert in_view(page, locator), (
        f"{what} is not wholly in view at {page.viewport_size}: its box is {box_of(locator)}, "
        f"the page is scrolled to {page.evaluate('window.scrollY')}"
    )


def follow_citation(page: Page, link: Locator) -> Locator:
    """Follow a citation as a reader does, and return its target once the page has opened at it.

    The reader scrolls to the link and reads before clicking: the link is brought into view first (a
    click would scroll it there itself), and the click waits longer than Material's 100 ms save of
    the scroll position. (Following at once is the timeline's "slow machine" test, of
    anchor-links.js.) Once there, the address may name the heading in view instead of the target
    (Material's navigation.tracking), so the target's place is checked.
    """
    href = link.get_attribute("href") or ""
    path, _, anchor = href.partition("#")
    link.scroll_into_view_if_needed()
    # Scroll events fire with the next frame; then longer than Material's 100 ms, on the page's clock.
    page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 250))))"
    )
    link.click()
    page.wait_for_url(f"**/{path.rstrip('/').rsplit('/', 1)[-1]}/**")
    return wait_until_opened_at(page, anchor)


def wait_until_opened_at(page: Page, anchor: str, timeout: float = 10_000) -> Locator:
    """Wait until the element with id ``anchor`` starts in the top half of the screen, as a page opened
    at it does; return it."""
    page.wait_for_function(
        "(id) => { const target = document.getElementById(id); if (!target) return false;"
        " const top = target.getBoundingClientRect().top; return top >= 0 && top < window.innerHeight / 2; }",
        arg=anchor,
        timeout=timeout,
    )
    return page.locator(f"[id='{anchor}']")


def assert_focus_not_on_body(page: Page, after: str = "the action") -> None:
    """Focus sits on an element a reader can find, not on the page body (where the next Tab starts at the top)."""
    focused = page.evaluate(
        "() => { const e = document.activeElement;"
        " return e && e !== document.body && e !== document.documentElement ? e.outerHTML.slice(0, 120) : null; }"
    )
    assert focused is not None, f"after {after}, focus fell to the page body"


def _ax_nodes(page: Page) -> list[dict[str, Any]]:
    session = page.context.new_cdp_session(page)
    try:
        nodes: list[dict[str, Any]] = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    return nodes


def duplicate_control_names(page: Page) -> dict[str, int]:
    """{(role) name: how many} for every name shared by two or more named controls that a reader can reach."""
    names: Counter[str] = Counter()
    for node in _ax_nodes(page):
        if node.get("ignored"):
            continue
        role = node.get("role", {}).get("value")
        if role not in NAMED_CONTROL_ROLES:
            continue
        name = (node.get("name") or {}).get("value", "").strip()
        names[f"({role}) {name}"] += 1
    return {name: count for name, count in names.items() if count > 1}


def assert_aria_snapshot(locator: Locator, name: str) -> None:
    """The element's accessibility tree matches the reviewed `aria/<name>.yml` (SCCIF_UPDATE_ARIA=1 rewrites it)."""
    snapshot = _MADE_ID.sub(r"\1-N", _ORIGIN.sub("{site}", locator.aria_snapshot())).strip() + "\n"
    reviewed = ARIA_DIR / f"{name}.yml"
    if os.environ.get("SCCIF_UPDATE_ARIA") == "1":
        reviewed.parent.mkdir(exist_ok=True)
        reviewed.write_text(snapshot, encoding="utf-8")
        return
    assert reviewed.is_file(), f"no reviewed snapshot {reviewed}: run with SCCIF_UPDATE_ARIA=1 and read it"
    assert snapshot == reviewed.read_text(encoding="utf-8"), (
        f"the accessibility tree differs from {reviewed.name} (SCCIF_UPDATE_ARIA=1 writes the new one):\n{snapshot}"
    )
