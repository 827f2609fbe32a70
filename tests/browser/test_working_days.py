"""The working-day calculator page as a reader uses it: answers, errors, keyboard, screen reader, no JavaScript."""

from __future__ import annotations

import json
from datetime import date

import pytest
from playwright.sync_api import Browser, Page, expect

from sccif_core import browser_api
from sccif_core.workdays import add_result
from tests.browser.held_core import hold_the_core
from tests.browser.page_checks import (
    assert_aria_snapshot,
    assert_focus_not_on_body,
    assert_in_view,
    duplicate_control_names,
    follow_citation,
)
from tests.browser.runtime_helpers import (
    LOAD_TIMEOUT_MS,
    TOOL_PAGE,
    call_in_browser,
    fill_and_submit,
    wait_until_ready,
)


def cpython(start: str, days: str, extra: str = "") -> dict:  # type: ignore[type-arg]
    """The CPython core's answer to the same form fields the page sends."""
    return json.loads(
        browser_api.call("workdays.add", json.dumps({"start": start, "days": days, "extra": extra}))
    )


# (start, days, extra) as a reader types them.
CASES = [
    ("24/12/2026", "1", ""),  # Christmas Day and the substitute Boxing Day (Monday 28 December 2026) skipped
    ("19/11/2026", "18", ""),  # a full inspection ending on day 4: the draft report on day 22 (timeframe-1)
    ("2026-03-31", "5", ""),  # Good Friday 3 April and Easter Monday 6 April 2026 skipped
    ("5/5/2023", "1", ""),  # Coronation bank holiday, Monday 8 May 2023 (one-off)
    ("20/12/2029", "3", ""),  # 2029 is after GOV.UK's published list: provisional
    ("1/6/2027", "4", "3/6/2027, 4/6/2027"),  # two extra non-working days added by the reader
    ("15/07/2026", "0", ""),  # zero working days after a date is the date itself
]


class TestAnswers:
    def test_the_page_answers_as_the_cpython_core_does(self, page: Page, site_url: str) -> None:
        """For each input the page shows the date, the skipped days and the warning the CPython core gives."""
        page.goto(site_url + TOOL_PAGE)
        for start, days, extra in CASES:
            expected = cpython(start, days, extra)["result"]
            fill_and_submit(page, start, days, extra)
            answer = page.locator("[data-sccif-answer]")
            expect(answer).to_have_attribute("data-sccif-answer", expected["date"], timeout=LOAD_TIMEOUT_MS)
            expect(answer).to_have_text(expected["date_long"])
            result = page.locator(".sccif-result")
            for skipped in expected["skipped"]:
                if skipped["reason"] not in ("Saturday", "Sunday"):
                    expect(result).to_contain_text(f"{skipped['date_long']}: {skipped['reason']}")
            warning = page.locator(".sccif-warning")
            if expected["provisional"]:
                expect(warning).to_contain_text("Provisional")
                expect(warning).to_contain_text(
                    ", ".join(str(year) for year in expected["provisional_years"])
                )
            else:
                expect(warning).to_have_count(0)

    def test_the_worked_example_from_the_page_text(self, page: Page, site_url: str) -> None:
        """1 working day after Thursday 24 December 2026 is Tuesday 29 December 2026, as the page's text says."""
        page.goto(site_url + TOOL_PAGE)
        fill_and_submit(page, "24/12/2026", "1")
        # Christmas Day (Friday 25 December), the weekend, and Boxing Day's substitute (Monday 28 December 2026).
        expect(page.locator("[data-sccif-answer]")).to_have_text(
            "Tuesday 29 December 2026", timeout=LOAD_TIMEOUT_MS
        )
        expect(page.locator("article")).to_contain_text(
            "1 working day after Thursday 24 December 2026 is Tuesday 29 December 2026"
        )

    def test_the_result_cites_the_framework_paragraph(self, page: Page, site_url: str) -> None:
        """The rule's citation links to the timeframe table, and following it lands on that paragraph."""
        page.goto(site_url + TOOL_PAGE)
        fill_and_submit(page, "19/11/2026", "18")
        link = page.locator(".sccif-result a.sccif-citation")
        expect(link).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        href = link.get_attribute("href") or ""
        assert href.endswith("framework/inspections-notice-scheduling/#timeframe-1"), href
        expect(follow_citation(page, link)).to_contain_text("within 18 working days")

    def test_the_answer_is_announced_once_by_focus_on_its_heading(self, page: Page, site_url: str) -> None:
        """Focus goes to a heading that is the answer itself, in view; no live region says it a second time."""
        page.goto(site_url + TOOL_PAGE)
        fill_and_submit(page, "24/12/2026", "1")
        heading = page.get_by_role(
            "heading", name="1 working day after Thursday 24 December 2026 is Tuesday 29 December 2026"
        )
        expect(heading).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert_focus_not_on_body(page, "submitting")
        assert_in_view(page, heading)
        live = page.locator(".sccif-widget [aria-live], .sccif-widget [role='alert']")
        for region in live.all():
            expect(region).not_to_contain_text("29 December 2026")


class TestErrors:
    def test_an_impossible_date_is_reported_at_its_field_and_in_the_summary(
        self, page: Page, site_url: str
    ) -> None:
        """31/02/2026 gives an error summary that takes focus, links to the field, and marks the field invalid."""
        page.goto(site_url + TOOL_PAGE)
        fill_and_submit(page, "31/02/2026", "5")
        summary = page.locator(".sccif-error-summary")
        expect(summary).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(summary).to_be_focused()
        expect(summary).to_contain_text("There is a problem")
        expect(summary).to_contain_text("'31/02/2026' is not a real date.")
        start = page.get_by_label("Start date")
        expect(start).to_have_attribute("aria-invalid", "true")
        described_by = (start.get_attribute("aria-describedby") or "").split()
        error_id = next(item for item in described_by if item.endswith("-error"))
        expect(page.locator(f"[id='{error_id}']")).to_have_text("Error: '31/02/2026' is not a real date.")
        summary.get_by_role("link").click()
        expect(start).to_be_focused()
        expect(page.locator(".sccif-result")).to_be_hidden()

    def test_a_bad_number_of_days_points_at_the_days_field(self, page: Page, site_url: str) -> None:
        """'eighteen' working days is reported at the number field, with the core's own words."""
        page.goto(site_url + TOOL_PAGE)
        fill_and_submit(page, "24/12/2026", "eighteen")
        expected = cpython("24/12/2026", "eighteen")["error"]
        assert expected["field"] == "days"
        days = page.get_by_label("Number of working days")
        expect(days).to_have_attribute("aria-invalid", "true", timeout=LOAD_TIMEOUT_MS)
        expect(page.locator(".sccif-error-summary")).to_contain_text(expected["problem"][1:])

    def test_a_bad_extra_day_opens_its_section_and_points_at_it(self, page: Page, site_url: str) -> None:
        """A mistyped extra non-working day is reported at that field, whose section opens to show it."""
        page.goto(site_url + TOOL_PAGE)
        fill_and_submit(page, "24/12/2026", "3", extra="8/5/2027, 99/99/2027")
        extra = page.get_by_label("Extra non-working days (optional)")
        expect(extra).to_have_attribute("aria-invalid", "true", timeout=LOAD_TIMEOUT_MS)
        expect(extra).to_be_visible()
        expect(page.locator(".sccif-error-summary")).to_contain_text("'99/99/2027' is not a real date.")

    def test_a_date_after_the_table_gives_a_clear_error_not_an_answer(
        self, page: Page, site_url: str
    ) -> None:
        """A count that runs past the last year of the bank-holiday table is an error, never a wrong date."""
        page.goto(site_url + TOOL_PAGE)
        fill_and_submit(page, "1/1/2040", "400")
        expect(page.locator(".sccif-error-summary")).to_contain_text(
            "goes past 2040", timeout=LOAD_TIMEOUT_MS
        )
        expect(page.locator("[data-sccif-answer]")).to_have_count(0)


class TestEveryProblemAtOnce:
    def test_three_bad_fields_are_reported_together_each_at_its_field(
        self, page: Page, site_url: str
    ) -> None:
        """A bad date, a bad day count and a bad extra day in one submit: three links, three described fields."""
        page.goto(site_url + TOOL_PAGE)
        fill_and_submit(page, "31/02/2026", "eighteen", extra="99/99/2027")
        summary = page.locator(".sccif-error-summary")
        expect(summary).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert_focus_not_on_body(page, "submitting three mistakes")
        expected = {
            "Start date": "'31/02/2026' is not a real date.",
            "Number of working days": "'eighteen' is not a whole number of working days.",
            "Extra non-working days (optional)": "'99/99/2027' is not a real date.",
        }
        links = summary.get_by_role("link")
        expect(links).to_have_text(list(expected.values()))
        for (label, problem), link in zip(expected.items(), links.all(), strict=True):
            field = page.get_by_label(label)
            expect(field).to_have_attribute("aria-invalid", "true")
            described_by = (field.get_attribute("aria-describedby") or "").split()
            error_id = next(item for item in described_by if item.endswith("-error"))
            expect(page.locator(f"[id='{error_id}']")).to_have_text(f"Error: {problem}")
            link.click()
            expect(field).to_be_focused()
            assert_focus_not_on_body(page, f"following the link to {label}")

    def test_fixing_one_field_leaves_the_others_reported(self, page: Page, site_url: str) -> None:
        """With the date fixed, the day count is still reported, and the date is no longer marked."""
        page.goto(site_url + TOOL_PAGE)
        fill_and_submit(page, "31/02/2026", "eighteen")
        expect(page.get_by_label("Start date")).to_have_attribute(
            "aria-invalid", "true", timeout=LOAD_TIMEOUT_MS
        )
        fill_and_submit(page, "27/02/2026", "eighteen")
        expect(page.get_by_label("Number of working days")).to_have_attribute("aria-invalid", "true")
        expect(page.get_by_label("Start date")).not_to_have_attribute("aria-invalid", "true")
        expect(page.locator(".sccif-error-summary").get_by_role("link")).to_have_count(1)


class TestStates:
    """The accessibility tree of each state, as reviewed in tests/browser/aria/, and no two controls named alike."""

    def test_answered(self, page: Page, site_url: str) -> None:
        page.goto(site_url + TOOL_PAGE)
        fill_and_submit(page, "24/12/2026", "1")
        expect(page.locator("[data-sccif-answer]")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        assert_focus_not_on_body(page, "the answer")
        # The status, the form and the answer: the citation link below carries the test server's random port.
        assert_aria_snapshot(page.locator(".sccif-status"), "working-days-answered-status")
        assert_aria_snapshot(page.locator(".sccif-form"), "working-days-answered-form")
        assert_aria_snapshot(page.locator(".sccif-panel"), "working-days-answered")
        assert duplicate_control_names(page) == {}

    def test_error(self, page: Page, site_url: str) -> None:
        page.goto(site_url + TOOL_PAGE)
        wait_until_ready(page)
        fill_and_submit(page, "31/02/2026", "eighteen", extra="99/99/2027")
        expect(page.locator(".sccif-error-summary")).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert_aria_snapshot(page.locator(".sccif-widget"), "working-days-error")
        assert duplicate_control_names(page) == {}

    def test_waiting_for_the_calculator(self, page: Page, site_url: str) -> None:
        """Submitted while the calculator loads: focus on "Waiting for the calculator", then on the answer."""
        release = hold_the_core(page)
        page.goto(site_url + TOOL_PAGE)
        expect(page.locator("[data-sccif-status]")).to_have_attribute("data-sccif-status", "loading")
        fill_and_submit(page, "24/12/2026", "1")
        waiting = page.get_by_role("heading", name="Waiting for the calculator")
        expect(waiting).to_be_focused()
        assert_focus_not_on_body(page, "submitting while loading")
        assert_aria_snapshot(page.locator(".sccif-result"), "working-days-waiting")
        assert duplicate_control_names(page) == {}
        release()
        expect(page.locator("[data-sccif-answer]")).to_have_text(
            "Tuesday 29 December 2026", timeout=LOAD_TIMEOUT_MS
        )
        expect(page.locator(".sccif-panel__heading")).to_be_focused()


VIEWPORTS = [{"width": 390, "height": 844}, {"width": 1280, "height": 800}]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v['width']}x{v['height']}")
def test_the_answer_is_in_view_without_scrolling(page: Page, site_url: str, viewport: dict[str, int]) -> None:
    """The worked example's answer is wholly in view, below the sticky header, at phone and laptop sizes."""
    page.set_viewport_size(viewport)
    page.goto(site_url + TOOL_PAGE)
    fill_and_submit(page, "24/12/2026", "1")
    panel = page.locator(".sccif-panel")
    expect(panel.locator("[data-sccif-answer]")).to_have_text(
        "Tuesday 29 December 2026", timeout=LOAD_TIMEOUT_MS
    )
    expect(panel.locator("h2")).to_be_focused()
    assert_in_view(page, panel)


class TestLoading:
    def test_the_form_works_while_the_runtime_loads_and_the_answer_follows(
        self, page: Page, site_url: str
    ) -> None:
        """A reader can submit before the runtime is ready: the page says the answer is coming, then shows it."""
        release = hold_the_core(page)  # hold the core back until the form is sent
        page.goto(site_url + TOOL_PAGE)
        status = page.locator("[data-sccif-status]")
        expect(status).to_have_attribute("data-sccif-status", "loading")
        expect(status).to_contain_text("Getting the calculator ready")
        expect(page.locator(".sccif-status__progress")).to_be_attached()
        fill_and_submit(page, "24/12/2026", "1")
        expect(page.locator(".sccif-result")).to_contain_text(
            "Your answer will appear here as soon as the calculator has loaded."
        )
        expect(status).to_have_attribute("data-sccif-status", "loading")
        release()
        expect(page.locator("[data-sccif-answer]")).to_have_text(
            "Tuesday 29 December 2026", timeout=LOAD_TIMEOUT_MS
        )
        expect(status).to_have_text("The calculator is ready.")

    def test_the_loading_words_are_written_once(self, page: Page, site_url: str) -> None:
        """While the calculator loads, its bar moves but its words are written once: a screen reader hears them once."""
        page.add_init_script(WORDS_WRITTEN)
        page.goto(site_url + TOOL_PAGE)
        expect(page.locator("[data-sccif-status]")).to_have_text(
            "The calculator is ready.", timeout=LOAD_TIMEOUT_MS
        )
        assert page.evaluate("window.loadingWordsWritten") == 1


# Counts each time the words "Getting the calculator ready" are put into the page.
WORDS_WRITTEN = """
window.loadingWordsWritten = 0;
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    const found = [node, ...node.querySelectorAll(".sccif-status__text")].filter(
      (e) => e.matches(".sccif-status__text") && e.textContent.startsWith("Getting the calculator ready"));
    window.loadingWordsWritten += found.length;
  }
}).observe(document, { subtree: true, childList: true });
"""


# The theme's header, navigation, progress bar and footer are the same on every page and are
# checked there by tests/browser/test_site.py; these tests are about the tool's own states.
THEME_CHROME = [".md-header", ".md-sidebar", ".md-progress", ".md-footer", ".md-tabs"]


class TestAccessibility:
    def test_axe_finds_nothing_while_loading_with_an_answer_and_with_an_error(
        self, page: Page, site_url: str, axe_check
    ) -> None:  # type: ignore[no-untyped-def]
        """The tool page has no WCAG 2.2 AA violations in its loading, answered and error states."""
        page.goto(site_url + TOOL_PAGE)
        axe_check(page, exclude=THEME_CHROME)
        fill_and_submit(page, "20/12/2029", "3", extra="2/1/2030")
        expect(page.locator("[data-sccif-answer]")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        page.locator(".sccif-result details summary").click()
        axe_check(page, exclude=THEME_CHROME)
        fill_and_submit(page, "31/02/2026", "3")
        expect(page.locator(".sccif-error-summary")).to_be_visible()
        axe_check(page, exclude=THEME_CHROME)

    def test_the_calculator_can_be_used_with_the_keyboard_alone(self, page: Page, site_url: str) -> None:
        """Tab reaches every field and the button in order, Enter submits, and the answer appears."""
        page.goto(site_url + TOOL_PAGE)
        expect(page.get_by_label("Start date")).to_be_attached()
        page.locator("h1").first.click()  # start from the top of the content, as a reader would
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement?.name") == "start":
                break
        else:
            pytest.fail("Tab never reached the start date field")
        page.keyboard.type("24/12/2026")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement?.name") == "days"
        page.keyboard.type("3")
        page.keyboard.press("Tab")  # the "Add extra non-working days" disclosure
        assert page.evaluate("document.activeElement?.tagName") == "SUMMARY"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement?.name") == "extra"
        page.keyboard.type("30/12/2026")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement?.textContent") == "Work out the date"
        page.keyboard.press("Enter")
        # Christmas Day, the weekend, Boxing Day's substitute (Mon 28 Dec), the reader's extra day (Wed 30 Dec
        # 2026), New Year's Day (Fri 1 Jan 2027) and the next weekend are skipped: Tue 29 Dec is the 1st working
        # day, Thu 31 Dec the 2nd and Monday 4 January 2027 the 3rd.
        assert add_result(date(2026, 12, 24), 3, (date(2026, 12, 30),))["date"] == "2027-01-04"
        expect(page.locator("[data-sccif-answer]")).to_have_text(
            "Monday 4 January 2027", timeout=LOAD_TIMEOUT_MS
        )
        # Enter in a text field submits too.
        page.get_by_label("Number of working days").focus()
        page.keyboard.press("Control+A")
        page.keyboard.type("1")
        page.keyboard.press("Enter")
        expect(page.locator("[data-sccif-answer]")).to_have_text("Tuesday 29 December 2026")


class TestWithoutJavaScript:
    def test_the_page_explains_the_rule_without_javascript(self, browser: Browser, site_url: str) -> None:
        """With JavaScript off the page still states the rule, cites the framework and says why there is no form."""
        context = browser.new_context(java_script_enabled=False)
        try:
            page = context.new_page()
            page.goto(site_url + TOOL_PAGE)
            tool = page.locator("[data-sccif-tool='working-days']")
            expect(tool).to_contain_text("The calculator needs JavaScript")
            article = page.locator("article")
            expect(article).to_contain_text(
                "A working day is Monday to Friday, except bank holidays in England and Wales."
            )
            expect(
                article.locator("a[href$='framework/inspections-notice-scheduling/#timeframe-1']")
            ).to_have_count(1)
            expect(page.locator("form.sccif-form")).to_have_count(0)
        finally:
            context.close()


def test_the_call_api_answers_like_cpython(page: Page, site_url: str) -> None:
    """bridge.js's call() returns exactly the JSON the CPython core returns for the same request."""
    page.goto(site_url + TOOL_PAGE)
    wait_until_ready(page)
    payload = {"start": "24/12/2026", "days": "18", "extra": ""}
    assert call_in_browser(page, "workdays.add", payload) == json.loads(
        browser_api.call("workdays.add", json.dumps(payload))
    )
