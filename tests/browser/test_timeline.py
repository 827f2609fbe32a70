"""The timeline page as a reader uses it: the engine's dates, today, errors, exports, print, keyboard, axe."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import Browser, Page, expect

from sccif_core import browser_api
from sccif_core.timelines import KINDS

from .held_core import hold_the_core
from .page_checks import (
    assert_aria_snapshot,
    assert_focus_not_on_body,
    assert_in_view,
    duplicate_control_names,
    follow_citation,
    wait_until_opened_at,
)
from .runtime_helpers import LOAD_TIMEOUT_MS, wait_until_ready

TOOL = "tools/timeline/"
THEME_CHROME = [".md-header", ".md-sidebar", ".md-progress", ".md-footer", ".md-tabs"]


def engine(payload: dict[str, Any]) -> dict[str, Any]:
    """The CPython core's answer to the same fields the page sends."""
    answer = json.loads(browser_api.call("timeline.compute", json.dumps(payload)))
    return answer["result"]  # type: ignore[no-any-return]


def fill(page: Page, kind: str, today: str = "", **fields: str) -> None:
    """Choose what happened, type the dates as a reader would, and press the button."""
    page.get_by_label("What happened?").select_option(kind)
    panel = page.locator(f"[data-sccif-kind='{kind}']")
    for box in panel.locator("input[type='text'], textarea").all():
        box.fill("")  # start from an empty form, as after a reload
    for name, value in fields.items():
        box = panel.locator(f"[data-sccif-field='{name}']")
        if name == "role":
            box.locator(f"input[value='{value}']").check()
        else:
            box.locator("input, textarea").fill(value)
    page.get_by_label("Today's date").fill(today)
    page.get_by_role("button", name="Show the dates").click()


def shown_rows(page: Page) -> list[tuple[str, str]]:
    """(key, ISO date) of every milestone row in the tables (yours, then Ofsted's), in date order."""
    rows = page.locator(".sccif-tl-table tbody tr:not(.sccif-tl-row--today)")
    found = [
        (row.get_attribute("data-sccif-key") or "", row.get_attribute("data-sccif-date") or "")
        for row in rows.all()
    ]
    return sorted(found, key=lambda pair: (pair[1], pair[0]))


# (kind, today, fields) as a reader types them; the comments say why each case is here.
CASES: list[tuple[str, str, dict[str, str]]] = [
    ("full", "", {"end": "10/12/2026"}),  # Christmas 2026 with Boxing Day's substitute Monday
    ("full", "05/01/2027", {"end": "19/11/2026", "draft_sent": "10/12/2026"}),  # actual draft date, today
    ("assurance", "", {"visit": "01/04/2026"}),  # Easter 2026
    ("serious-concerns", "", {"visit": "16/09/2022"}),  # the State Funeral, 19 September 2022
    ("compliance", "", {"notices": "28/04/2023\n05/05/2023"}),  # the Coronation joins two visits
    ("reg44", "02/07/2026", {"visits": "14/01/2026, 10/02/2026\n20/02/2026, 05/04/2026\n30/04/2026"}),
    ("qualification", "", {"role": "manager", "start": "29/02/2024", "deferrals": "6 months"}),
    ("inadequate", "20/05/2026", {"end": "27/03/2026"}),
    ("reopening", "", {"reopen": "31/05/2027"}),
    ("full", "", {"end": "14/12/2028"}),  # provisional: 2029 bank holidays not yet published
]


class TestAgainstTheEngine:
    def test_the_page_shows_the_engines_dates(self, page: Page, site_url: str) -> None:
        """For each case the table lists exactly the engine's milestones, dates, statuses and bank-holiday moves."""
        page.goto(site_url + TOOL)
        for kind, today, fields in CASES:
            expected = engine({"kind": kind, "today": today, **fields})
            fill(page, kind, today, **fields)
            first = expected["milestones"][0]
            expect(page.locator(f".sccif-tl-table tr[data-sccif-key='{first['key']}']")).to_have_attribute(
                "data-sccif-date", first["date"], timeout=LOAD_TIMEOUT_MS
            )
            expect(page.locator(".sccif-result__title")).to_have_text(expected["title"])
            assert shown_rows(page) == sorted(
                [(m["key"], m["date"]) for m in expected["milestones"]], key=lambda pair: (pair[1], pair[0])
            )
            for m in expected["milestones"]:
                row = page.locator(f".sccif-tl-table tr[data-sccif-key='{m['key']}']")
                when = (
                    f"Between {m['date_from_long']} and {m['date_to_long']}"
                    if m["type"] == "window"
                    else f"{m['type_words'].capitalize()} {m['date_long']}"
                )
                expect(row.locator(".sccif-tl-when")).to_have_text(when)
                expect(row.locator("[data-sccif-status]")).to_have_attribute(
                    "data-sccif-status", m["status"] or ""
                )
                holidays = row.locator("[data-sccif-holidays]")
                expect(holidays).to_have_attribute(
                    "data-sccif-holidays", "moved" if m["moved_by_holidays"] else "no"
                )
                for moved in m["bank_holidays"]:
                    expect(holidays).to_contain_text(moved["name"])
                if m["qualifier"]:
                    expect(row.locator(".sccif-tag--usually")).to_have_text(m["qualifier"].capitalize())
                if m["provisional"]:
                    expect(row.locator(".sccif-tag--provisional")).to_have_text("Provisional")
            warning = page.locator(".sccif-tl-result .sccif-warning")
            expect(warning).to_have_count(1 if expected["provisional"] else 0)

    def test_today_is_marked_and_passed_deadlines_flagged(self, page: Page, site_url: str) -> None:
        """A Today row sits between past and future dates, and a passed deadline says so in words."""
        page.goto(site_url + TOOL)
        fill(page, "inadequate", "20/05/2026", end="27/03/2026")
        today = page.locator(".sccif-tl-row--today").first
        expect(today).to_contain_text("Today: Wednesday 20 May 2026", timeout=LOAD_TIMEOUT_MS)
        keys = page.locator(".sccif-tl-table tbody tr").evaluate_all(
            "rows => rows.map(r => r.dataset.sccifKey)"
        )
        # the return is by 22 May at the latest and reinspection (17 July) later: the provider's dates;
        # then, under "What Ofsted does meanwhile", the case review (7 April), which has passed
        assert keys == ["today", "return_visit", "full_reinspection", "case_review", "today"]
        passed = page.locator("tr[data-sccif-key='case_review']")
        expect(passed).to_have_class("sccif-tl-row")  # Ofsted's own step: not the provider's deadline
        expect(passed).to_contain_text("Passed")
        expect(passed).not_to_contain_text("Deadline passed")
        expect(page.locator("tr[data-sccif-key='return_visit']")).to_contain_text("Upcoming")
        expect(page.locator(".sccif-tl-chart__today")).to_have_text("Today, 20 May 2026")

    def test_a_passed_provider_deadline_is_flagged(self, page: Page, site_url: str) -> None:
        """Full inspection ended 19/11/2026, today 23/12/2026: the comments (by 22 December) are flagged."""
        page.goto(site_url + TOOL)
        fill(page, "full", "23/12/2026", end="19/11/2026")
        # "Provider returns the report with comments or submits a formal complaint within 5 working
        # days" (#timeframe-1-9): by Tuesday 22 December 2026
        comments = page.locator("tr[data-sccif-key='provider_comments']")
        expect(comments).to_have_class("sccif-tl-row sccif-tl-row--alert", timeout=LOAD_TIMEOUT_MS)
        expect(comments).to_contain_text("Deadline passed")
        # "Inspection evidence and report submitted for quality assurance" (#timeframe-1-7): passed
        qa = page.locator("tr[data-sccif-key='quality_assurance']")
        expect(qa).to_have_class("sccif-tl-row")
        expect(qa.locator("[data-sccif-status]")).to_have_text("Passed")

    def test_each_row_cites_its_paragraph(self, page: Page, site_url: str) -> None:
        """Each row quotes the framework and links to the paragraph, which opens at that anchor."""
        page.goto(site_url + TOOL)
        fill(page, "full", "", end="19/11/2026")
        row = page.locator("tr[data-sccif-key='draft_report']")
        expect(row).to_contain_text(
            "Draft report sent to the registered provider within 18 working days", timeout=LOAD_TIMEOUT_MS
        )
        link = row.locator("a.sccif-citation")
        href = link.get_attribute("href") or ""
        assert href.endswith("framework/inspections-notice-scheduling/#timeframe-1-8"), href
        target = follow_citation(page, link)
        # the anchor is on the row's first cell (day 22); its row holds the framework's words
        expect(page.locator("tr", has=target)).to_contain_text("within 18 working days")

    def test_a_citation_followed_at_once_on_a_slow_machine_opens_at_its_paragraph(
        self, page: Page, site_url: str
    ) -> None:
        """A reader who reaches the citation and follows it at once (Tab, then Enter), on a machine slow
        enough that the next page takes longer than 100 ms, still lands on the paragraph. Material
        alone returns to where the reader was on the timeline (docs/assets/javascripts/anchor-links.js)."""
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(site_url + TOOL)
        fill(page, "full", "", end="19/11/2026")
        link = page.locator("tr[data-sccif-key='draft_report'] a.sccif-citation")
        expect(link).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 10})
        link.focus()  # scrolls it into view, as Tab does
        page.keyboard.press("Enter")
        page.wait_for_url("**/framework/inspections-notice-scheduling/**")
        wait_until_opened_at(page, "timeframe-1-8", timeout=LOAD_TIMEOUT_MS)

    def test_the_form_offers_the_engines_kinds_and_fields(self, page: Page, site_url: str) -> None:
        """Every kind of the engine is offered, and each shows exactly the engine's fields."""
        page.goto(site_url + TOOL)
        select = page.get_by_label("What happened?")
        # The form exists once the widget has mounted; evaluate_all alone would not wait for it.
        expect(select.locator("option")).to_have_count(len(KINDS))
        options = select.locator("option").evaluate_all("options => options.map(o => o.value)")
        assert sorted(options) == sorted(KINDS)
        for kind in KINDS:
            select.select_option(kind)
            panel = page.locator(f"[data-sccif-kind='{kind}']")
            expect(panel).to_be_visible()
            names = panel.locator("[data-sccif-field]").evaluate_all(
                "fields => fields.map(f => f.dataset.sccifField)"
            )
            assert names == [field.name for field in KINDS[kind].fields], kind
            assert page.locator("[data-sccif-kind]:visible").count() == 1


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 800}])
class TestTheAnswerFirst:
    def test_your_dates_are_in_view_after_submitting(
        self, page: Page, site_url: str, viewport: dict[str, int]
    ) -> None:
        """Full inspection ended 19/11/2026: the provider's dates are in words, focused and in view."""
        page.set_viewport_size(viewport)
        page.goto(site_url + TOOL)
        fill(page, "full", "", end="19/11/2026")
        answer = page.locator("[data-sccif-answer]")
        # Focus on the answer's short heading, which names the region it opens.
        expect(answer.get_by_role("heading", name="Your dates")).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert_focus_not_on_body(page, "submitting")
        expected = [
            # "can contact Ofsted on the working day after the end of the inspection"
            # (#end-of-the-inspection-and-feedback-10)
            ("contact_ofsted", "On Friday 20 November 2026"),
            # "Draft report sent to the registered provider within 18 working days" (#timeframe-1-8)
            ("draft_report", "By Tuesday 15 December 2026"),
            # "Provider returns the report with comments or submits a formal complaint within 5
            # working days" (#timeframe-1-9)
            ("provider_comments", "By Tuesday 22 December 2026"),
            # "Final report sent to the registered provider within 30 working days" (#timeframe-1-10),
            # past Christmas Day, Boxing Day (substitute day) and New Year's Day
            ("final_report", "By Tuesday 5 January 2027"),
            # "lodge a formal complaint when it receives the final report" (#complaints-1)
            ("complaint_final_report", "From Tuesday 5 January 2027"),
            # "published on the Ofsted reports website 5 days after it is sent" (#timeframe-1-11)
            ("publication", "On Tuesday 12 January 2027"),
        ]
        items = answer.locator("li")
        expect(items).to_have_count(len(expected))
        for item, (key, when) in zip(items.all(), expected, strict=True):
            assert item.get_attribute("data-sccif-key") == key
            expect(item.locator(".sccif-tl-answer__when")).to_have_text(when)
        assert_in_view(page, answer)
        # Ofsted's own steps are collapsed underneath, still with their citations
        meanwhile = page.locator("details.sccif-tl-meanwhile")
        expect(meanwhile.locator("summary")).to_contain_text("What Ofsted does meanwhile")
        expect(meanwhile).not_to_have_attribute("open", "")
        expect(meanwhile.locator("tr[data-sccif-key='quality_assurance'] a.sccif-citation")).to_have_count(1)

    def test_nothing_is_wider_than_the_tool(
        self, page: Page, site_url: str, viewport: dict[str, int]
    ) -> None:
        """With an answer shown and Ofsted's steps open, no element sticks out of the tool's box."""
        page.set_viewport_size(viewport)
        page.goto(site_url + TOOL)
        fill(page, "full", "20/12/2026", end="19/11/2026")
        expect(page.locator("[data-sccif-answer]")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        page.locator("details.sccif-tl-meanwhile summary").click()
        wider = page.evaluate(
            """() => {
              const tool = document.querySelector('.sccif-timeline').getBoundingClientRect();
              return [...document.querySelectorAll('.sccif-timeline *')]
                .filter((e) => { const b = e.getBoundingClientRect();
                  return b.width > 0 && (b.left < tool.left - 1 || b.right > tool.right + 1); })
                .map((e) => `${e.tagName}.${e.className}`);
            }"""
        )
        assert wider == []
        sizes = page.locator(".sccif-tl-chart li").evaluate_all(
            "items => items.map(i => parseFloat(getComputedStyle(i).fontSize))"
        )
        assert sizes and min(sizes) >= 12, sizes


class TestTheAddress:
    def test_kind_in_the_address_is_chosen(self, page: Page, site_url: str) -> None:
        """`?kind=monitoring` preselects that kind; an unknown kind is ignored with no error."""
        page.goto(site_url + TOOL + "?kind=monitoring#sccif-tool")
        expect(page.get_by_label("What happened?")).to_have_value("monitoring")
        expect(page.locator("[data-sccif-kind='monitoring']")).to_be_visible()
        page.goto(site_url + TOOL + "?kind=no-such-kind")
        expect(page.get_by_label("What happened?")).to_have_value("full")


class TestErrors:
    def test_a_bad_date_points_at_its_field(self, page: Page, site_url: str) -> None:
        """An impossible date is reported beside its field and in the summary, which links to it."""
        page.goto(site_url + TOOL)
        fill(page, "full", "", end="31/02/2026")
        summary = page.locator(".sccif-error-summary")
        expect(summary).to_contain_text("'31/02/2026' is not a real date.", timeout=LOAD_TIMEOUT_MS)
        expect(summary).to_be_focused()
        field = page.locator("[data-sccif-kind='full'] [data-sccif-field='end']")
        expect(field.locator(".sccif-error-message")).to_contain_text("is not a real date")
        expect(field.locator("input")).to_have_attribute("aria-invalid", "true")
        summary.locator("a").click()
        expect(field.locator("input")).to_be_focused()

    def test_a_bad_line_in_a_list_names_the_line(self, page: Page, site_url: str) -> None:
        """A bad date in a list of notices is reported with its line number."""
        page.goto(site_url + TOOL)
        fill(page, "compliance", "", notices="01/05/2026\nsoon")
        expect(page.locator(".sccif-error-summary")).to_contain_text(
            "Line 2: 'soon' is not a date.", timeout=LOAD_TIMEOUT_MS
        )


class TestEveryProblemAtOnce:
    def test_every_bad_field_is_reported_in_one_submit(self, page: Page, site_url: str) -> None:
        """A bad last day, a bad draft date and a bad today: three links, each field marked and described."""
        page.goto(site_url + TOOL)
        fill(page, "full", "soon", end="31/02/2026", draft_sent="10/13/2026")
        summary = page.locator(".sccif-error-summary")
        expect(summary).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert_focus_not_on_body(page, "submitting three mistakes")
        panel = page.locator("[data-sccif-kind='full']")
        fields = {
            panel.get_by_label("Last day on site", exact=True): "'31/02/2026' is not a real date.",
            panel.get_by_label(
                "Draft report actually sent on (optional)"
            ): "'10/13/2026' is not a real date.",
            page.get_by_label("Today's date"): "'soon' is not a date.",
        }
        links = summary.get_by_role("link")
        expect(links).to_have_count(3)
        for (field, problem), link in zip(fields.items(), links.all(), strict=True):
            expect(link).to_contain_text(problem)
            expect(field).to_have_attribute("aria-invalid", "true")
            described_by = (field.get_attribute("aria-describedby") or "").split()
            error_id = next(item for item in described_by if item.endswith("-error"))
            expect(page.locator(f"[id='{error_id}']")).to_contain_text(f"Error: {problem}")
            link.click()
            expect(field).to_be_focused()

    def test_a_bad_choice_and_a_missing_date_together(self, page: Page, site_url: str) -> None:
        """A bad deferral period and no start date for a qualification: both reported, the period by its line."""
        page.goto(site_url + TOOL)
        fill(page, "qualification", "", role="manager", deferrals="6 months\na while")
        summary = page.locator(".sccif-error-summary")
        expect(summary.get_by_role("link")).to_have_count(2, timeout=LOAD_TIMEOUT_MS)
        expect(summary).to_contain_text("Line 2: 'a while' is not a period.")
        expect(summary).to_contain_text("Enter the date they started")


class TestStates:
    """The accessibility tree of each state, as reviewed in tests/browser/aria/, and no two controls named alike."""

    def test_answered(self, page: Page, site_url: str) -> None:
        page.goto(site_url + TOOL)
        # A fixed today, so which dates have passed does not depend on the day the test runs.
        fill(page, "full", "20/11/2026", end="19/11/2026")
        answer = page.locator("[data-sccif-answer]")
        expect(answer.get_by_role("heading", name="Your dates")).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert_aria_snapshot(answer, "timeline-answered")
        assert duplicate_control_names(page) == {}

    def test_error(self, page: Page, site_url: str) -> None:
        page.goto(site_url + TOOL)
        wait_until_ready(page)
        fill(page, "full", "soon", end="31/02/2026")
        expect(page.locator(".sccif-error-summary")).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert_aria_snapshot(page.locator(".sccif-timeline"), "timeline-error")
        assert duplicate_control_names(page) == {}

    def test_waiting_for_the_timeline(self, page: Page, site_url: str) -> None:
        """Submitted while the timeline loads: focus on "Waiting for the timeline", then on the answer."""
        release = hold_the_core(page)
        page.goto(site_url + TOOL)
        expect(page.locator("[data-sccif-status]")).to_have_attribute("data-sccif-status", "loading")
        fill(page, "full", "20/11/2026", end="19/11/2026")
        expect(page.get_by_role("heading", name="Waiting for the timeline")).to_be_focused()
        assert_focus_not_on_body(page, "submitting while loading")
        assert_aria_snapshot(page.locator(".sccif-tl-result"), "timeline-waiting")
        assert duplicate_control_names(page) == {}
        release()
        expect(page.get_by_role("heading", name="Your dates")).to_be_focused(timeout=LOAD_TIMEOUT_MS)


class TestExports:
    def test_the_ics_download_parses_with_the_engines_dates(
        self, page: Page, site_url: str, tmp_path: Path
    ) -> None:
        """The .ics download is a valid iCalendar file with one all-day event per milestone on the engine's dates."""
        page.goto(site_url + TOOL)
        fill(page, "full", "", end="10/12/2026")
        expected = engine({"kind": "full", "end": "10/12/2026", "today": ""})
        button = page.get_by_role("button", name="Download for a calendar (.ics)")
        expect(button).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        page.get_by_label("Put every date in the file").check()
        with page.expect_download() as info:
            button.click()
        download = info.value
        assert download.suggested_filename == "sccif-timeline-full-2026-12-10.ics"
        path = tmp_path / "timeline.ics"
        download.save_as(path)
        raw = path.read_bytes()
        assert b"\r\n" in raw and raw.endswith(b"END:VCALENDAR\r\n")
        calendar = icalendar.Calendar.from_ical(raw)
        starts = [event.decoded("DTSTART").isoformat() for event in calendar.walk("VEVENT")]
        assert starts == [m["date_from"] or m["date"] for m in expected["milestones"]]
        urls = [str(event.get("URL")) for event in calendar.walk("VEVENT")]
        assert all(url.startswith(site_url + "framework/") for url in urls)

    def test_the_csv_download_matches(self, page: Page, site_url: str, tmp_path: Path) -> None:
        """By default the .csv holds the provider's own dates (those still to come), readable as UTF-8."""
        page.goto(site_url + TOOL)
        fill(page, "assurance", "", visit="01/04/2026")
        expected = engine({"kind": "assurance", "visit": "01/04/2026", "today": ""})
        button = page.get_by_role("button", name="Download as a spreadsheet (.csv)")
        expect(button).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        with page.expect_download() as info:
            button.click()
        path = tmp_path / "timeline.csv"
        info.value.save_as(path)
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        assert [(row["key"], row["date"]) for row in rows] == [
            (m["key"], m["date"]) for m in expected["milestones"] if m["key"] in expected["answer"]
        ]
        assert "quality_assurance" not in [row["key"] for row in rows]

    def test_the_print_view_shows_the_answer_only(self, page: Page, site_url: str) -> None:
        """Printed, the page keeps the table and the timeline and drops the form and buttons."""
        page.goto(site_url + TOOL)
        fill(page, "full", "", end="19/11/2026")
        expect(page.locator(".sccif-tl-table").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(page.get_by_role("button", name="Print this timeline")).to_be_visible()
        page.emulate_media(media="print")
        expect(page.locator(".sccif-timeline form")).to_be_hidden()
        expect(page.locator(".sccif-tl-actions")).to_be_hidden()
        expect(page.locator(".sccif-tl-table").first).to_be_visible()
        expect(page.locator(".sccif-tl-figure")).to_be_visible()


class TestAccessibility:
    def test_axe_finds_nothing_loading_answered_and_in_error(
        self, page: Page, site_url: str, axe_check
    ) -> None:  # type: ignore[no-untyped-def]
        """The timeline page has no WCAG 2.2 AA violations while loading, with an answer and with an error."""
        page.goto(site_url + TOOL)
        axe_check(page, exclude=THEME_CHROME)
        fill(page, "full", "20/12/2026", end="19/11/2026")
        expect(page.locator(".sccif-tl-table").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        page.locator("details.sccif-tl-meanwhile summary").click()
        axe_check(page, exclude=THEME_CHROME)
        fill(page, "qualification", "", role="care-worker", start="2025-08-31", deferrals="a while")
        expect(page.locator(".sccif-error-summary")).to_be_visible()
        axe_check(page, exclude=THEME_CHROME)

    def test_keyboard_alone(self, page: Page, site_url: str) -> None:
        """With the keyboard alone a reader picks a timeline, types a date, submits and downloads the .ics."""
        page.goto(site_url + TOOL)
        wait_until_ready(page)
        page.locator("h1").first.click()
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement?.name") == "kind":
                break
        else:
            pytest.fail("Tab never reached the 'What happened?' list")
        page.keyboard.press("ArrowDown")  # the second option: an assurance inspection
        assert page.get_by_label("What happened?").input_value() == "assurance"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement?.name") == "visit"
        page.keyboard.type("02/12/2026")
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement?.textContent") == "Show the dates":
                break
        else:
            pytest.fail("Tab never reached the button")
        page.keyboard.press("Enter")
        expect(page.locator("tr[data-sccif-key='draft_report']")).to_have_attribute(
            "data-sccif-date", "2026-12-30"
        )
        page.get_by_role("button", name="Download for a calendar (.ics)").focus()
        with page.expect_download() as info:
            page.keyboard.press("Enter")
        assert info.value.suggested_filename == "sccif-timeline-assurance-2026-12-02.ics"


class TestWithoutJavaScript:
    def test_the_page_states_the_rules(self, browser: Browser, site_url: str) -> None:
        """With JavaScript off the page states how dates are counted and links the framework's tables."""
        context = browser.new_context(java_script_enabled=False)
        try:
            page = context.new_page()
            page.goto(site_url + TOOL)
            expect(page.locator("[data-sccif-tool='timeline']")).to_contain_text(
                "The timeline needs JavaScript"
            )
            article = page.locator("article")
            expect(article).to_contain_text("is the Nth working day after X. X itself is not counted.")
            expect(article).to_contain_text("31 January + 1 month is 28 February")
            expect(article).to_contain_text("provisional")
            expect(
                article.locator("a[href$='framework/inspections-notice-scheduling/#timeframe-1']")
            ).to_have_count(2)
            expect(page.locator("form.sccif-form")).to_have_count(0)
        finally:
            context.close()
