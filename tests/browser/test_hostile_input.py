"""Hostile values typed, pasted, uploaded or put in the address of every tool page are shown as text and never run.

Each tool page present in the built site (docs/tools/*.md with `tool:` in its front matter) gets
hostile values in every text box, text area and file input of its widget, in its query string
(one parameter for each of its inputs' names, plus some common ones) and in its #fragment; then
every submit button is pressed. The tests run once with the Content-Security-Policy switched off
in the browser (``bypass_csp``), so that only the widgets' own care (textContent, never innerHTML)
stands between a value and the page, and once with it on, where any attempt must not even be
reported as a violation. An init script records any element created from a hostile value.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from .conftest import PageWatch, new_context, warm_up
from .runtime_helpers import LOAD_TIMEOUT_MS, fill_and_submit, wait_for_widget, wait_until_settled
from .tool_pages import tool_pages

HOSTILE = (
    "<img src=x onerror=window.__pwned=1>",
    '"><script>window.__pwned=1</script>',
    "<svg/onload=window.__pwned=1>",
    "javascript:window.__pwned=1",
    '\'><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "{{constructor.constructor('window.__pwned=1')()}}",
)
HOSTILE_CSV = (
    "date,<img src=x onerror=window.__pwned=1>\n"
    '"""><script>window.__pwned=1</script>",<svg/onload=window.__pwned=1>\n'
    '2026-01-01,"<img src=x onerror=window.__pwned=1>"\n'
)
# Query-string names tried on every tool page, besides the names of its own inputs. Material reads
# two of them itself: q (a search shared by link opens the search box with it) and h (words to
# highlight on the page after following a search result).
COMMON_PARAMETERS = ("state", "s", "q", "h", "data", "start", "days", "extra", "judgement", "grade")

# Records every element whose markup came from a hostile value: an element carrying an event
# handler, a javascript: URL or a srcdoc that mentions __pwned, a script, iframe, object or
# embed that does, or an <img src="x">. Text that merely shows a hostile value is not markup and is not recorded.
_INJECTION_WATCH = """
window.__injected = [];
(() => {
  const RISKY_TAGS = new Set(["SCRIPT", "IFRAME", "OBJECT", "EMBED", "FRAME"]);
  const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data"]);
  function risky(element) {
    if (RISKY_TAGS.has(element.tagName) && element.outerHTML.includes("__pwned")) return true;
    if (element.tagName === "IMG" && element.getAttribute("src") === "x") return true;
    for (const attribute of Array.from(element.attributes || [])) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value;
      if (name.startsWith("on") && value.includes("__pwned")) return true;
      if (name === "srcdoc" && value.includes("__pwned")) return true;
      if (URL_ATTRIBUTES.has(name) && /^\\s*javascript:/i.test(value) && value.includes("__pwned")) return true;
    }
    return false;
  }
  function check(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    for (const element of [node, ...node.querySelectorAll("*")]) {
      if (risky(element)) window.__injected.push(element.outerHTML.slice(0, 200));
    }
  }
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "attributes") check(record.target);
      for (const node of record.addedNodes) check(node);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
})();
"""


@pytest.fixture(scope="module", params=[False, True], ids=["csp-off-in-browser", "csp-on"])
def hostile_context(
    request: pytest.FixtureRequest, browser: Browser, site_url: str
) -> Iterator[tuple[BrowserContext, bool]]:
    """One browser profile per mode for the whole file (so the runtime is downloaded once), CSP bypassed or enforced.

    Sharing it also means a value one tool stored (in localStorage, say) meets the next page.
    """
    csp_on: bool = request.param
    context = new_context(browser, bypass_csp=not csp_on)
    warm_up(context, site_url)  # before the injection watch, which only the tests need
    context.add_init_script(_INJECTION_WATCH)
    yield context, csp_on
    context.close()


@pytest.fixture
def hostile_page(hostile_context: tuple[BrowserContext, bool], page_watch: PageWatch) -> Iterator[Page]:
    """A fresh page that records injected elements, errors and requests to other origins."""
    context, _ = hostile_context
    page = page_watch.watch(context.new_page())
    yield page
    try:
        page_watch.assert_clean(page)
    finally:
        page.close()


def assert_nothing_ran(page: Page) -> None:
    """No hostile value ran as script or became an element."""
    assert page.evaluate("typeof window.__pwned") == "undefined", "a hostile value ran as script"
    assert page.evaluate("window.__injected") == [], "a hostile value became an element"


def fill_everything(page: Page, widget: Locator) -> int:
    """Put a hostile value in every text box, text area and file input of the widget; return how many."""
    filled = 0
    for details in widget.locator("details:not([open]) > summary").all():
        if details.is_visible():
            details.click()
    text_boxes = widget.locator(
        "input:not([type]), input[type=text], input[type=search], input[type=date], input[type=number], "
        "input[type=url], input[type=email], input[type=tel], textarea"
    )
    for index, box in enumerate(text_boxes.all()):
        if not (box.is_visible() and box.is_editable()):
            continue
        kind = box.get_attribute("type") or "text"
        tag = box.evaluate("element => element.tagName")
        value = HOSTILE_CSV if tag == "TEXTAREA" else HOSTILE[index % len(HOSTILE)]
        if kind in ("date", "number"):
            continue  # the browser itself refuses anything but a date or a number here
        box.fill(value)
        filled += 1
    for index, upload in enumerate(widget.locator("input[type=file]").all()):
        name = f"{HOSTILE[index % len(HOSTILE)].replace('/', '_')}.csv"
        upload.set_input_files({"name": name, "mimeType": "text/csv", "buffer": HOSTILE_CSV.encode()})
        filled += 1
    return filled


def press_every_submit_button(page: Page, widget: Locator) -> None:
    """Press each submit button in turn; after each, once the tool has answered, nothing has run."""
    for button in widget.locator("form button[type=submit], form input[type=submit]").all():
        if button.is_visible() and button.is_enabled():
            button.click()
            wait_until_settled(page)
            assert_nothing_ran(page)


def input_names(widget: Locator) -> set[str]:
    """The names of the widget's inputs, text areas and selects: the query-string names it might read."""
    names: list[str] = widget.locator("input[name], textarea[name], select[name]").evaluate_all(
        "elements => elements.map((element) => element.name)"
    )
    return {name for name in names if name}


def hostile_address(site_url: str, tool_page: str, names: set[str]) -> str:
    """The tool page's address with a hostile value for each name (and the common ones) and as its #fragment."""
    parameters = {
        name: HOSTILE[index % len(HOSTILE)]
        for index, name in enumerate(sorted(names | set(COMMON_PARAMETERS)))
    }
    return f"{site_url}{tool_page}?{urlencode(parameters)}#{quote(HOSTILE[0])}"


@pytest.mark.parametrize(("tool", "tool_page"), tool_pages(), ids=[name for name, _ in tool_pages()])
class TestEveryTool:
    def test_hostile_values_in_the_form_and_the_address_are_shown_as_text(
        self,
        hostile_page: Page,
        page_watch: PageWatch,
        site_url: str,
        site_dir: Path,
        tool: str,
        tool_page: str,
    ) -> None:
        """Hostile values typed, pasted or uploaded into a tool's form, and put in its query string and
        #fragment, never run and never become elements."""
        if not (site_dir / tool_page / "index.html").is_file():
            pytest.skip(f"{tool_page} is not in this build of the site")
        page = hostile_page
        page.goto(site_url + tool_page)
        widget = wait_for_widget(page, tool)
        address = hostile_address(site_url, tool_page, input_names(widget))
        fill_everything(page, widget)
        wait_until_settled(page, after_typing=True)  # uploads and live updates are handled asynchronously
        assert_nothing_ran(page)
        press_every_submit_button(page, widget)
        assert_nothing_ran(page)
        page_watch.assert_clean(page)
        page.close()  # the address is opened in a new tab: leaving a filled form may ask to confirm

        page = page_watch.watch(page.context.new_page())
        try:
            page.goto(address)
            widget = wait_for_widget(page, tool)
            wait_until_settled(page)  # what the tool read from the address is answered
            assert_nothing_ran(page)
            if page.locator("#__search").is_checked():  # ?q= opened Material's search: close it
                page.keyboard.press("Escape")
            press_every_submit_button(page, widget)
            assert_nothing_ran(page)
            page_watch.assert_clean(page)
        finally:
            page.close()


class TestWorkingDayCalculator:
    def test_a_hostile_date_and_hostile_extra_days_come_back_in_the_error_message_as_text(
        self, hostile_page: Page, site_url: str
    ) -> None:
        """A date typed as markup is named in the error message, character for character, as text; corrected, with a
        hostile 'extra non-working day' added, that is reported as text too; nothing runs."""
        page = hostile_page
        page.goto(site_url + "tools/working-days/")
        wait_for_widget(page, "working-days")
        fill_and_submit(page, HOSTILE[0], "1")
        summary = page.locator(".sccif-error-summary")
        expect(summary).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        # The core quotes what was typed ("'<img src=x ...' is not a date"), shortened if long.
        expect(summary).to_contain_text("<img src=x onerror=")
        assert_nothing_ran(page)

        fill_and_submit(page, "24/12/2026", "1", extra=HOSTILE[1])
        expect(summary).to_contain_text("<script>", timeout=LOAD_TIMEOUT_MS)
        expect(summary).not_to_contain_text("<img src=x onerror=")
        expect(summary).to_be_visible()
        assert_nothing_ran(page)
