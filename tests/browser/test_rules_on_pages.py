"""The tool pages show the same answers as `sccif ... --format json` for the second reading of the framework.

Each case quotes the framework words it rests on, with the expected date written out.
"""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Page, expect

from sccif_core import browser_api
from sccif_core.register import READINGS

from .runtime_helpers import LOAD_TIMEOUT_MS, wait_until_ready

TIMELINE = "tools/timeline/"
EXPLORER = "tools/judgements/"
READINGS_PAGE = "interpretations/"


def engine(payload: dict[str, Any]) -> dict[str, Any]:
    answer = json.loads(browser_api.call("timeline.compute", json.dumps(payload)))
    return answer["result"]  # type: ignore[no-any-return]


def show(page: Page, kind: str, **fields: str) -> None:
    """Choose what happened, type the dates, tick any choice, and ask for the dates."""
    page.get_by_label("What happened?").select_option(kind)
    panel = page.locator(f"[data-sccif-kind='{kind}']")
    for name, value in fields.items():
        box = panel.locator(f"[data-sccif-field='{name}']")
        if box.locator("input[type='radio']").count():
            box.locator(f"input[value='{value}']").check()
        else:
            box.locator("input, textarea").fill(value)
    page.get_by_role("button", name="Show the dates").click()


def row(page: Page, key: str):  # type: ignore[no-untyped-def]
    return page.locator(f".sccif-tl-table tr[data-sccif-key='{key}']")


class TestTimelinePage:
    def test_feedback_day_moves_every_deadline(self, page: Page, site_url: str) -> None:
        """On site to Thursday 19 November 2026, feedback Monday 23 November: draft by Thursday 17 December 2026."""
        # "The day of feedback is counted as the last day of the inspection." (#end-of-the-inspection-and-feedback-3)
        page.goto(site_url + TIMELINE)
        show(page, "full", end="19/11/2026", feedback="23/11/2026")
        expect(row(page, "draft_report")).to_have_attribute(
            "data-sccif-date", "2026-12-17", timeout=LOAD_TIMEOUT_MS
        )
        expect(row(page, "site_visit_day_4")).to_have_attribute("data-sccif-date", "2026-11-19")
        expected = engine({"kind": "full", "end": "19/11/2026", "feedback": "23/11/2026"})
        for m in expected["milestones"]:
            expect(row(page, m["key"])).to_have_attribute("data-sccif-date", m["date"])

    def test_complaint_and_who_acts(self, page: Page, site_url: str) -> None:
        """A complaint from the final report (by Tuesday 5 January 2027), and each row says who acts."""
        # "the provider may wish to lodge a formal complaint when it receives the final report" (#complaints-1)
        page.goto(site_url + TIMELINE)
        show(page, "full", end="19/11/2026", complaint="yes")
        complaint = row(page, "complaint_final_report")
        expect(complaint).to_have_attribute("data-sccif-date", "2027-01-05", timeout=LOAD_TIMEOUT_MS)
        expect(complaint.locator(".sccif-tl-when")).to_have_text("From Tuesday 5 January 2027")
        expect(row(page, "provider_comments").locator("[data-sccif-actor]")).to_have_text("The provider")
        expect(row(page, "draft_report").locator("[data-sccif-actor]")).to_have_text("Ofsted")
        expect(row(page, "final_report")).to_contain_text("can come later")

    def test_absence_notice_before_the_absence(self, page: Page, site_url: str) -> None:
        """A planned absence from Wednesday 31 March 2027 is notified by Sunday 28 February 2027."""
        # "is to be absent for 28 days or more" (#homes-with-no-registered-manager-2); regulation 48(2)(a)
        page.goto(site_url + TIMELINE)
        show(page, "manager", absence="31/03/2027")
        notice = row(page, "absence_notice")
        expect(notice.locator(".sccif-tl-when")).to_have_text(
            "By Sunday 28 February 2027", timeout=LOAD_TIMEOUT_MS
        )
        expect(
            notice.locator("a[href*='legislation.gov.uk/uksi/2015/541/regulation/48']").first
        ).to_be_visible()
        expect(notice.get_by_role("link", name="How this site reads it")).to_have_attribute(
            "href", site_url + READINGS_PAGE + "#absence-notice"
        )

    def test_return_visit_is_a_latest_date(self, page: Page, site_url: str) -> None:
        """Inadequate, ended Friday 27 March 2026: Ofsted returns by Friday 22 May 2026 at the latest."""
        # "We always return to carry out some inspection activity within 6 to 8 weeks" (#subsequent-inspection-activity-1)
        page.goto(site_url + TIMELINE)
        show(page, "inadequate", end="27/03/2026")
        visit = row(page, "return_visit")
        expect(visit.locator(".sccif-tl-when")).to_have_text("By Friday 22 May 2026", timeout=LOAD_TIMEOUT_MS)
        expect(visit).to_contain_text("any time before")


class TestExplorerPage:
    def test_leaders_unaware_forces_leadership_inadequate(self, page: Page, site_url: str) -> None:
        """Helped and protected inadequate, and leaders do not know the home's weaknesses: leadership inadequate only."""
        # "The effectiveness of leaders and managers will be judged inadequate if there is evidence of the
        # following: The experiences, progress or protection of children are inadequate, and leaders and
        # managers do not know the strengths and weaknesses of the home." (#leaders-and-managers-inadequate-1)
        page.goto(
            site_url + EXPLORER + "?helped-and-protected=inadequate&conditions=leaders-unaware-of-weaknesses"
        )
        wait_until_ready(page)
        card = page.locator('[data-rule="leaders-unaware-leadership-inadequate"]')
        expect(card).to_contain_text("will be judged inadequate", timeout=LOAD_TIMEOUT_MS)
        leadership = page.locator('.sccif-outlook[data-judgement="leaders-and-managers"]')
        for grade in ("outstanding", "good", "requires-improvement"):
            expect(leadership.locator(f'[data-grade="{grade}"]')).to_have_attribute("data-state", "ruled-out")

    def test_next_steps_return_by_8_weeks_and_conditions(self, page: Page, site_url: str) -> None:
        """Ended Friday 27 March 2026: the return is by Friday 22 May 2026; an improved judgement lists its conditions."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        page.get_by_label("judged inadequate at a full inspection").check()
        page.get_by_label("The day the inspection ended").fill("27/03/2026")
        page.get_by_role("button", name="Show what happens next").click()
        expect(page.locator('[data-step="return-visit"] .sccif-step__when')).to_contain_text(
            "By Friday 22 May 2026", timeout=LOAD_TIMEOUT_MS
        )
        conditions = page.locator('[data-step="improved-judgement"] .sccif-step__conditions li')
        expect(conditions).to_have_count(4)
        expect(page.locator('[data-step="improved-judgement"] .sccif-step__otherwise')).to_contain_text(
            "the inadequate judgement remains"
        )


class TestReadingsPage:
    def test_every_reading_has_its_anchor(self, page: Page, site_url: str) -> None:
        """ "How this site reads the framework" has a heading for every reading the tools name."""
        page.goto(site_url + READINGS_PAGE)
        for item in READINGS:
            expect(page.locator(f"[id='{item.key}']")).to_have_count(1)
