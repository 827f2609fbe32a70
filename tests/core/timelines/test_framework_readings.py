"""A second reading of the framework: each case quotes the words it rests on, with dates written out.

The cases are those of issue 12: limits read the right way round, the day of feedback, complaints,
thresholds, and who acts.
"""

from __future__ import annotations

import pytest

from sccif_core.errors import InputError
from sccif_core.timelines import compute
from sccif_core.timelines.kinds import KIND_RULES, KINDS, UNDATED
from sccif_core.timelines.model import ACTORS, Milestone
from sccif_core.timelines.rules import REG48_URL


def dates(kind: str, **fields: str) -> dict[str, Milestone]:
    return {m.key: m for m in compute(kind, fields).milestones}


class TestManagerAbsence:
    """Case 1: "Regulations 48 and 49 require the responsible individual to notify Ofsted if the
    manager is to be absent for 28 days or more" (#homes-with-no-registered-manager-2)."""

    def test_planned_absence_notice_one_month_before(self) -> None:
        """A planned absence from Monday 15 June 2026 is notified by Friday 15 May 2026."""
        # Regulation 48(2)(a): "no later than one month before the proposed absence commences"
        got = dates("manager", absence="2026-06-15")
        notice = got["absence_notice"]
        assert (notice.type, notice.date) == ("by", "2026-05-15")
        assert notice.source == "homes-with-no-registered-manager-2"
        assert notice.actor == "provider"
        assert any(law.url == REG48_URL and "one month before" in law.words for law in notice.laws)

    def test_one_month_before_31_march_is_the_last_day_of_february(self) -> None:
        """An absence from Wednesday 31 March 2027 is notified by Sunday 28 February 2027."""
        # Regulation 48(2)(a): "one month before": February 2027 has no 31st, so its last day
        assert dates("manager", absence="2027-03-31")["absence_notice"].date == "2027-02-28"

    def test_one_month_before_30_april_is_30_march(self) -> None:
        """An absence from Friday 30 April 2027 is notified by Tuesday 30 March 2027: the same day of the month."""
        assert dates("manager", absence="2027-04-30")["absence_notice"].date == "2027-03-30"

    def test_emergency_absence_notice_within_one_week(self) -> None:
        """An emergency absence from Monday 15 June 2026 is notified by Monday 22 June 2026."""
        # Regulation 48(3)(a): "within one week of the beginning of the absence"
        got = dates("manager", absence="2026-06-15", absence_emergency="yes")
        assert (got["absence_notice"].type, got["absence_notice"].date) == ("by", "2026-06-22")

    def test_return_to_duty_notice_within_7_days(self) -> None:
        """Last day of absence Friday 14 August 2026: back on the 15th, notice of the return by Saturday 22 August 2026."""
        # Regulation 48(5): "not later than 7 days after the date of that person's return"
        got = dates("manager", absence="2026-06-15", absence_end="2026-08-14")
        assert (got["return_notice"].type, got["return_notice"].date) == ("by", "2026-08-22")

    def test_an_absence_under_28_days_needs_no_notice(self) -> None:
        """An absence of 27 days (1 to 27 June 2026) is not notified: no notice dates are given."""
        timeline = compute("manager", {"absence": "2026-06-01", "absence_end": "2026-06-27"})
        assert not {"absence_notice", "return_notice"} & {m.key for m in timeline.milestones}
        assert "less than 28 days" in timeline.summary[0]

    def test_regulation_40_without_delay_is_listed(self) -> None:
        """Regulation 40 notifications are "without delay": listed, never dated."""
        # #notifications-under-regulation-40-1: "must notify Ofsted without delay"
        assert any(item.source.anchor == "notifications-under-regulation-40-1" for item in UNDATED["manager"])


class TestComplaints:
    """Case 2 and 9: "the provider may wish to lodge a formal complaint when it receives the final
    report" (#complaints-1); the final report comes "longer if there has been a complaint"."""

    @pytest.mark.parametrize(
        ("kind", "field", "day", "final"),
        [
            ("full", "end", "2026-11-19", "2027-01-05"),  # day 34: 30 working days after Thu 19 Nov 2026
            (
                "assurance",
                "visit",
                "2026-12-02",
                "2027-01-18",
            ),  # day 32: 30 working days after Wed 2 Dec 2026
        ],
    )
    def test_complaint_from_the_final_report(self, kind: str, field: str, day: str, final: str) -> None:
        """A formal complaint can be made from the day the final report is received."""
        got = dates(kind, **{field: day})
        complaint = got["complaint_final_report"]
        assert (complaint.type, complaint.date, complaint.source) == ("from", final, "complaints-1")
        assert complaint.actor == "provider"
        assert got["provider_comments"].label.endswith("or a complaint at draft stage")

    def test_counted_from_the_actual_final_report(self) -> None:
        """Final report sent on Monday 4 January 2027: a complaint from that day."""
        got = dates("full", end="2026-11-19", final_sent="2027-01-04")
        assert got["complaint_final_report"].date == "2027-01-04"

    def test_a_late_final_report_is_not_called_missed(self) -> None:
        """On Monday 1 February 2027, the final report due by 5 January 2027 is not said to be missed outright."""
        got = dates("full", end="2026-11-19", today="2027-02-01")
        assert got["final_report"].status == "overdue"
        assert "unless there has been a complaint" in got["final_report"].status_text

    def test_with_a_complaint_the_final_report_can_be_later(self) -> None:
        """With a complaint recorded, the final report and what follows it are 'can be later', not passed."""
        got = dates("full", end="2026-11-19", today="2027-02-01", complaint="yes")
        assert got["final_report"].status == "extended"
        assert got["publication"].status == "extended"


class TestDayOfFeedback:
    """Case 7: "The day of feedback is counted as the last day of the inspection."
    (#end-of-the-inspection-and-feedback-3)."""

    def test_deadlines_count_from_feedback_and_on_site_days_from_the_last_day_on_site(self) -> None:
        """Last day on site Thursday 19 November 2026, feedback Monday 23 November 2026."""
        got = dates("full", end="2026-11-19", feedback="2026-11-23")
        assert got["site_visit_day_4"].date == "2026-11-19"
        assert got["preparation"].date == "2026-11-16"  # day 1, 3 working days before day 4
        assert got["feedback_day"].date == "2026-11-23"
        # "within 18 working days from the end of the inspection" (#timeframe-1-8): Thursday 17 December 2026
        assert got["draft_report"].date == "2026-12-17"
        assert got["contact_ofsted"].date == "2026-11-24"  # "the working day after the end of the inspection"

    def test_assurance_feedback_the_next_day(self) -> None:
        """Site visit Wednesday 2 December 2026, feedback Thursday 3 December: draft by Thursday 31 December 2026."""
        got = dates("assurance", visit="2026-12-02", feedback="2026-12-03")
        assert got["site_visit"].date == "2026-12-02"
        # 18 working days after 3 December, skipping Christmas Day and Boxing Day (substitute day)
        assert got["draft_report"].date == "2026-12-31"

    def test_feedback_on_the_last_day_adds_no_row(self) -> None:
        """Feedback on the last day on site is the usual case: no separate feedback row."""
        assert "feedback_day" not in dates("full", end="2026-11-19", feedback="2026-11-19")

    def test_feedback_before_the_last_day_on_site_is_an_error(self) -> None:
        """Feedback cannot come before the last day on site."""
        with pytest.raises(InputError) as caught:
            compute("full", {"end": "2026-11-19", "feedback": "2026-11-18"})
        assert caught.value.field == "feedback"


class TestReturnVisit:
    """Case 4: "We always return to carry out some inspection activity within 6 to 8 weeks"
    (#subsequent-inspection-activity-1): a latest date."""

    def test_inadequate_return_by_8_weeks(self) -> None:
        """Inspection ended Friday 27 March 2026: Ofsted returns by Friday 22 May 2026."""
        got = dates("inadequate", end="2026-03-27")
        assert (got["return_visit"].type, got["return_visit"].date) == ("by", "2026-05-22")
        assert got["return_visit"].date_from is None
        assert "any time before" in got["return_visit"].note

    def test_serious_concerns_return_by_8_weeks(self) -> None:
        """Visit Wednesday 3 June 2026: a return is likely by Wednesday 29 July 2026."""
        got = dates("serious-concerns", visit="2026-06-03")
        assert (got["return_visit"].type, got["return_visit"].date) == ("by", "2026-07-29")
        assert got["return_visit"].qualifier == "likely"


class TestThresholds:
    """Case 6: "once appointed for more than 12 weeks" (#leaders-and-managers-inadequate-4)."""

    def test_more_than_12_weeks_starts_the_day_after(self) -> None:
        """Appointed Monday 5 January 2026: more than 12 weeks from Tuesday 31 March 2026."""
        got = dates("manager", appointed="2026-01-05")
        assert (got["not_applied_12_weeks"].type, got["not_applied_12_weeks"].date) == ("from", "2026-03-31")

    def test_after_26_weeks_starts_the_day_after(self) -> None:
        """No manager from Monday 5 January 2026: after 26 weeks is from Tuesday 7 July 2026."""
        # "The failure to appoint a manager after 26 weeks where there is no or limited evidence of
        # attempts to recruit/appoint, will usually lead to an inadequate judgement for leadership"
        # (#leaders-and-managers-inadequate-3): read like "more than", so 26 weeks (Monday 6 July
        # 2026) plus one day.
        got = dates("manager", vacancy="2026-01-05")
        assert (got["no_manager_26_weeks"].type, got["no_manager_26_weeks"].date) == ("from", "2026-07-07")
        assert got["no_manager_26_weeks"].reading == "after-26-weeks"

    def test_usually_is_about_the_judgement_not_the_date(self) -> None:
        """ "will usually lead to an inadequate judgement": the 26- and 12-week dates are not marked usually."""
        got = dates("manager", vacancy="2026-01-05", appointed="2026-01-05")
        assert (
            got["no_manager_26_weeks"].date == "2026-07-07"
        )  # the day after 26 weeks from Monday 5 January 2026
        assert not got["no_manager_26_weeks"].usually and not got["not_applied_12_weeks"].usually


class TestSmallerPoints:
    """Case 11."""

    def test_one_day_late(self) -> None:
        """A regulation 44 report due by 28 February 2026 and sent on 1 March 2026 is "1 day late"."""
        # "before the end of the month that follows the month in which the visit took place"
        got = dates("reg44", visits="2026-01-14, 2026-03-01")
        assert got["report_2026-01-14"].status_text == "Sent on 1 March 2026: 1 day late"

    def test_calendar_dates_are_not_flagged_as_moved_by_a_bank_holiday(self) -> None:
        """A 3-year review due on Christmas Day 2025 is not moved, so not flagged as falling on a bank holiday."""
        # "The DfE will review the approval at least every 3 years" (#approval-of-secure-childrens-homes-2)
        got = dates("approval-review", review="2022-12-25")
        assert got["approval_review"].date == "2025-12-25"
        assert got["approval_review"].falls_on is None

    def test_requirement_due_before_the_report_is_given_at_feedback(self) -> None:
        """ "the inspectors must be clear at the inspection feedback what the requirement and its deadline is"."""
        got = dates("full", end="2026-11-19", feedback="2026-11-23")
        step = got["requirement_deadline_at_feedback"]
        assert (step.type, step.date, step.source) == ("on", "2026-11-23", "requirements-6")

    def test_revised_judgements_before_the_draft(self) -> None:
        """ "inform the provider of the revised judgements ... before the provider receives the draft report"."""
        got = dates("full", end="2026-11-19")
        step = got["revised_judgements"]
        assert (step.type, step.date, step.source) == (
            "by",
            "2026-12-15",
            "quality-assurance-and-publishing-2",
        )


class TestWhoActs:
    @pytest.mark.parametrize("kind", sorted(KIND_RULES))
    def test_every_rule_names_who_acts(self, kind: str) -> None:
        """Every timeline rule says who acts: provider, ofsted, inspectors, dfe or local-authority."""
        assert all(rule.actor in ACTORS for rule in KIND_RULES[kind])

    def test_every_milestone_carries_its_actor(self) -> None:
        """The dated milestones carry the actor, so the provider's own deadlines can be shown apart."""
        got = dates("full", end="2026-11-19")
        assert got["provider_comments"].actor == "provider"
        assert got["draft_report"].actor == "ofsted"
        assert got["site_visit_day_4"].actor == "inspectors"
        assert dates("approval-review", review="2024-02-29")["approval_review"].actor == "dfe"
        assert set(KINDS) == set(KIND_RULES)
