"""Written-out dates for every kind of timeline, each with where it comes from.

Bank holidays are England and Wales (GOV.UK). Anchors are this site's framework anchors.
"""

from __future__ import annotations

from typing import Any

import pytest

from sccif_core.errors import InputError
from sccif_core.timelines import Milestone, compute


def dates(kind: str, **fields: Any) -> dict[str, Milestone]:
    return {milestone.key: milestone for milestone in compute(kind, fields).milestones}


def holidays(milestone: Milestone) -> list[str]:
    return [item.day for item in milestone.bank_holidays]


class TestFullInspection:
    def test_quiet_month(self) -> None:
        """With no bank holiday in the way the four report dates are days 22, 27, 34 and 39 of the table."""
        got = dates("full", end="19/11/2026")  # Thursday, day 4 of #timeframe-1-4
        assert got["draft_report"].date == "2026-12-15"  # day 22: 18 working days (#timeframe-1-8)
        assert got["provider_comments"].date == "2026-12-22"  # day 27: 5 more (#timeframe-1-9)
        assert not got["draft_report"].moved_by_holidays
        # day 34: 30 working days (#timeframe-1-10), across Christmas Day (Fri 25 Dec 2026),
        # Boxing Day's substitute (Mon 28 Dec 2026) and New Year's Day (Fri 1 Jan 2027)
        assert got["final_report"].date == "2027-01-05"
        assert holidays(got["final_report"]) == ["2026-12-25", "2026-12-28", "2027-01-01"]
        assert got["publication"].date == "2027-01-12"  # day 39: 5 working days later (#timeframe-1-11)

    def test_christmas_2026(self) -> None:
        """Christmas 2026 with Boxing Day's substitute Monday pushes every report date."""
        got = dates("full", end="2026-12-10")  # Thursday 10 December 2026
        # 18 working days skip Fri 25 Dec (Christmas Day), Mon 28 Dec (Boxing Day, substitute)
        # and Fri 1 Jan 2027 (New Year's Day): #timeframe-1-8
        assert got["draft_report"].date == "2027-01-08"
        assert holidays(got["draft_report"]) == ["2026-12-25", "2026-12-28", "2027-01-01"]
        assert got["provider_comments"].date == "2027-01-15"  # 5 working days after 8 Jan (#timeframe-1-9)
        assert got["final_report"].date == "2027-01-26"  # 30 working days (#timeframe-1-10)
        assert got["publication"].date == "2027-02-02"  # 5 working days after 26 Jan (#timeframe-1-11)
        assert all(got[key].moved_by_holidays for key in ("draft_report", "final_report", "publication"))

    def test_christmas_2027_substitute_days(self) -> None:
        """Christmas 2027 falls at a weekend: the substitute days 27 and 28 December and 3 January are skipped."""
        got = dates("full", end="2027-12-10")  # Friday 10 December 2027
        # Christmas Day (Sat) -> Mon 27 Dec, Boxing Day (Sun) -> Tue 28 Dec, New Year's Day 2028
        # (Sat) -> Mon 3 Jan 2028: 18 working days land on Monday 10 January 2028 (#timeframe-1-8)
        assert got["draft_report"].date == "2028-01-10"
        assert holidays(got["draft_report"]) == ["2027-12-27", "2027-12-28", "2028-01-03"]
        assert [h.name for h in got["draft_report"].bank_holidays] == [
            "Christmas Day (substitute day)",
            "Boxing Day (substitute day)",
            "New Year's Day (substitute day)",
        ]
        assert got["provider_comments"].date == "2028-01-17"  # #timeframe-1-9
        assert got["final_report"].date == "2028-01-26"  # #timeframe-1-10
        assert got["publication"].date == "2028-02-02"  # #timeframe-1-11

    def test_easter_2027_contact(self) -> None:
        """The provider's contact day after an inspection ending before Easter is the Tuesday after Easter Monday."""
        got = dates("full", end="2027-03-25")  # Thursday; Good Friday 26 Mar, Easter Monday 29 Mar 2027
        # "on the working day after the end of the inspection" (#end-of-the-inspection-and-feedback-10)
        assert got["contact_ofsted"].date == "2027-03-30"
        assert holidays(got["contact_ofsted"]) == ["2027-03-26", "2027-03-29"]

    def test_early_may_and_spring_2026(self) -> None:
        """The early May and spring bank holidays 2026 each add a day to the draft report date."""
        got = dates("full", end="2026-05-01")  # Friday 1 May 2026
        # skips Mon 4 May (early May) and Mon 25 May 2026 (spring bank holiday): #timeframe-1-8
        assert got["draft_report"].date == "2026-05-29"
        assert holidays(got["draft_report"]) == ["2026-05-04", "2026-05-25"]
        assert got["provider_comments"].date == "2026-06-05"  # #timeframe-1-9
        assert got["final_report"].date == "2026-06-16"  # #timeframe-1-10

    def test_platinum_jubilee_2022(self) -> None:
        """The moved spring bank holiday and the Platinum Jubilee (2 and 3 June 2022) delay the contact day."""
        got = dates("full", end="2022-06-01")  # Wednesday 1 June 2022
        assert got["contact_ofsted"].date == "2022-06-06"  # next working day: Monday 6 June 2022
        # "within 5 working days of the end of the on-site visit" (#how-inspectors-record-the-evidence-8)
        assert got["handwritten_evidence"].date == "2022-06-10"

    def test_day_table_rows_before_the_end(self) -> None:
        """Days 1 to 3 of the table are the working days before the last day on site, marked as usual."""
        got = dates("full", end="2026-11-19")  # Thursday
        assert got["preparation"].date == "2026-11-16"  # day 1 (#timeframe-1-1)
        assert got["site_visit_day_2"].date == "2026-11-17"  # day 2 (#timeframe-1-2)
        assert got["site_visit_day_3"].date == "2026-11-18"  # day 3 (#timeframe-1-3)
        assert got["site_visit_day_4"].date == "2026-11-19"  # day 4, the date given (#timeframe-1-4)
        assert got["preparation"].qualifier == "usually"
        assert got["quality_assurance"].date_from == "2026-11-24"  # day 7 (#timeframe-1-7)
        assert got["quality_assurance"].date_to == "2026-11-27"  # day 10

    def test_actual_draft_date(self) -> None:
        """The provider's 5 working days count from the day the draft was actually sent, if given."""
        got = dates("full", end="2026-11-19", draft_sent="2026-12-10")
        assert got["draft_report"].date == "2026-12-15"  # still the latest date it was due
        assert got["provider_comments"].date == "2026-12-17"  # Thu 10 Dec + 5 working days

    def test_provisional_year(self) -> None:
        """A date counted across 2029, beyond GOV.UK's published list, is provisional."""
        got = dates("full", end="2028-12-14")  # Thursday 14 December 2028
        assert got["contact_ofsted"].date == "2028-12-15"
        assert not got["contact_ofsted"].provisional
        # Christmas Day (Mon 25), Boxing Day (Tue 26 Dec 2028), New Year's Day (Mon 1 Jan 2029)
        assert got["draft_report"].date == "2029-01-12"
        assert got["draft_report"].provisional
        assert got["draft_report"].provisional_years == (2029,)


class TestAssuranceInspection:
    def test_christmas_2026(self) -> None:
        """The assurance table's days 20, 25, 32 and 37 across Christmas 2026."""
        got = dates("assurance", visit="2026-12-02")  # Wednesday, day 2 (#assurance-timeline-2-2)
        assert got["preparation"].date == "2026-12-01"  # day 1 (#assurance-timeline-2-1)
        assert got["draft_report"].date == "2026-12-30"  # day 20 (#assurance-timeline-2-5)
        # 5 working days skip New Year's Day (Fri 1 Jan 2027): #assurance-timeline-2-6
        assert got["provider_comments"].date == "2027-01-07"
        assert got["final_report"].date == "2027-01-18"  # day 32 (#assurance-timeline-2-7)
        assert got["publication"].date == "2027-01-25"  # day 37 (#assurance-timeline-2-8)
        assert got["draft_report"].qualifier == "usually"  # "The usual timeframe" (#assurance-timeline-1)

    def test_easter_2026(self) -> None:
        """Good Friday and Easter Monday 2026 move the handwritten-evidence and draft dates."""
        got = dates("assurance", visit="2026-04-01")  # Wednesday 1 April 2026
        assert got["contact_ofsted"].date == "2026-04-02"  # #concerns-3
        # Good Friday 3 Apr, Easter Monday 6 Apr 2026 (#how-inspectors-record-the-evidence-8)
        assert got["handwritten_evidence"].date == "2026-04-10"
        assert holidays(got["handwritten_evidence"]) == ["2026-04-03", "2026-04-06"]
        assert got["draft_report"].date == "2026-04-29"  # #assurance-timeline-2-5


class TestAfterInadequateOrSeriousConcerns:
    def test_inadequate_weeks(self) -> None:
        """Case review in 5 working days, a return by 8 weeks at the latest, reinspection usually by 16 weeks."""
        got = dates("inadequate", end="2026-03-27")  # Friday 27 March 2026
        # 5 working days: Good Friday 3 Apr and Easter Monday 6 Apr 2026 skipped
        # (#post-inspection-debrief-and-case-reviews-1)
        assert got["case_review"].date == "2026-04-07"
        # "We always return to carry out some inspection activity within 6 to 8 weeks"
        # (#subsequent-inspection-activity-1): a latest date, 8 weeks on, Friday 22 May 2026
        assert got["return_visit"].type == "by"
        assert got["return_visit"].date == "2026-05-22"
        assert got["full_reinspection"].date == "2026-07-17"  # 16 weeks (#subsequent-inspection-activity-17)
        assert got["full_reinspection"].qualifier == "usually"

    def test_early_may_case_review(self) -> None:
        """The early May bank holiday 2026 moves the case review to Monday 11 May."""
        got = dates("inadequate", end="2026-05-01")  # Friday; Mon 4 May 2026 is a bank holiday
        assert got["case_review"].date == "2026-05-11"

    def test_state_funeral_2022(self) -> None:
        """The State Funeral bank holiday (19 September 2022) moves the email and the case review."""
        got = dates("serious-concerns", visit="2022-09-16")  # Friday 16 September 2022
        # "by the end of the next working day following the visit"
        # (#serious-and-widespread-concerns-next-steps-2): Monday 19 Sep 2022 was a bank holiday
        assert got["dcs_ycs_email"].date == "2022-09-20"
        assert holidays(got["dcs_ycs_email"]) == ["2022-09-19"]
        assert got["case_review"].date == "2022-09-26"  # #serious-and-widespread-concerns-next-steps-1
        assert got["return_visit"].qualifier == "likely"  # #serious-and-widespread-concerns-next-steps-6

    def test_coronation_2023(self) -> None:
        """The Coronation bank holiday (8 May 2023) moves the next-working-day email to Tuesday."""
        got = dates("serious-concerns", visit="2023-05-05")  # Friday 5 May 2023
        assert got["dcs_ycs_email"].date == "2023-05-09"
        assert holidays(got["dcs_ycs_email"]) == ["2023-05-08"]

    def test_no_sixteen_weeks_for_serious_concerns(self) -> None:
        """The 16-week reinspection is not dated for serious concerns, as the framework does not state it there."""
        got = dates("serious-concerns", visit="2026-06-03")
        assert "full_reinspection" not in got


class TestComplaintsAndMonitoring:
    def test_annex_steps(self) -> None:
        """The annex's steps 2 to 6, with steps 3 and 6 marked "normally"."""
        got = dates("complaints", end="2026-11-19")
        assert (
            got["contact_ofsted"].date == "2026-11-20"
        )  # step 2 (#post-inspection-and-complaints-procedure-1-2)
        assert got["draft_report"].date == "2026-12-15"  # step 3
        assert got["draft_report"].qualifier == "normally"
        assert got["provider_comments"].date == "2026-12-22"  # step 4
        assert got["final_report"].date == "2027-01-05"  # step 6
        assert got["publication"].date == "2027-01-12"  # step 6: "5 working days later"

    def test_monitoring_report_same_timescales(self) -> None:
        """A monitoring visit's report follows the standard report timescales, across Easter 2026."""
        got = dates("monitoring", end="2026-03-27")  # Friday; Good Friday 3 Apr, Easter Monday 6 Apr
        assert (
            got["draft_report"].date == "2026-04-24"
        )  # 18 working days (#quality-assurance-and-publishing-3)
        assert got["final_report"].date == "2026-05-13"  # 30 working days, Early May 4 May skipped too


class TestComplianceNotices:
    def test_coronation_joins_two_visits(self) -> None:
        """Across the early May and Coronation bank holidays 2023, one visit can check notices a week apart."""
        got = dates("compliance", notices=["2023-04-28", "2023-05-05"])
        # 28 Apr + 5 working days skips Mon 1 May (early May) and Mon 8 May (Coronation): Tue 9 May
        assert (got["notice_1"].date_from, got["notice_1"].date_to) == ("2023-04-29", "2023-05-09")
        # 5 May + 5 working days skips Mon 8 May: Mon 15 May (#monitoring-compliance-notices-2)
        assert (got["notice_2"].date_from, got["notice_2"].date_to) == ("2023-05-06", "2023-05-15")
        # one visit from 6 to 9 May checks both (#monitoring-compliance-notices-3)
        assert (got["visit_1"].date_from, got["visit_1"].date_to) == ("2023-05-06", "2023-05-09")
        assert "visit_2" not in got

    def test_two_visits_when_far_apart(self) -> None:
        """Notices whose windows do not meet need separate visits."""
        got = dates("compliance", notices="2026-05-01, 2026-05-04, 2026-05-12, 2026-05-13")
        assert (got["visit_1"].date_from, got["visit_1"].date_to) == ("2026-05-05", "2026-05-11")
        assert (got["visit_2"].date_from, got["visit_2"].date_to) == ("2026-05-14", "2026-05-19")
        assert "visit_3" not in got


class TestRegulationReports:
    def test_reg44_report_month_ends(self) -> None:
        """A regulation 44 report is due by the last day of the month after the visit's month."""
        got = dates("reg44", visits="31/01/2028\n15/01/2027\n10/12/2026")
        # "before the end of the month that follows the month in which the visit took place"
        # (#reports-under-regulations-44-and-45-1): February 2028 has 29 days
        assert got["report_2028-01-31"].date == "2028-02-29"
        assert got["report_2027-01-15"].date == "2027-02-28"
        assert got["report_2026-12-10"].date == "2027-01-31"

    def test_reg44_late_missing_and_overdue(self) -> None:
        """Late and overdue reports and months with no visit are flagged."""
        got = dates(
            "reg44",
            visits="14/01/2026, 10/02/2026\n20/02/2026, 05/04/2026\n2026-04-30",
            today="2026-07-02",
        )
        assert got["report_2026-01-14"].status == "done"
        assert got["report_2026-02-20"].status == "late"  # due 31 March 2026, sent 5 April
        assert "5 days late" in got["report_2026-02-20"].status_text
        assert got["report_2026-04-30"].status == "overdue"  # due 31 May 2026, no date sent
        assert got["visit_2026-03"].status == "missing"  # no visit in March 2026
        assert got["visit_2026-05"].status == "missing"
        assert got["visit_2026-06"].status == "missing"
        assert got["visit_2026-07"].status == "upcoming"  # July 2026 is not over
        assert "visit_2026-02" not in got  # visited on 20 February

    def test_reg45_every_six_months(self) -> None:
        """A regulation 45 report is due 6 calendar months after the last, month-end rule applied."""
        got = dates("reg45", reports=["2025-08-31", "2026-03-05"], today="2026-10-01")
        # 31 August 2025 + 6 months = 28 February 2026 (#reports-under-regulations-44-and-45-3)
        assert got["next_after_2025-08-31"].date == "2026-02-28"
        assert got["next_after_2025-08-31"].status == "late"
        assert got["next_after_2026-03-05"].date == "2026-09-05"
        assert got["next_after_2026-03-05"].status == "overdue"


class TestQualificationsAndManagers:
    def test_manager_leap_day(self) -> None:
        """A manager starting on 29 February 2024 has until 28 February 2027 (regulation 28, 3 years)."""
        got = dates("qualification", role="manager", start="29/02/2024")
        assert got["qualification_due"].date == "2027-02-28"  # #registered-manager-qualifications-2

    def test_care_worker_two_years(self) -> None:
        """A care worker has 2 years from starting (regulation 32)."""
        got = dates("qualification", role="care-worker", start="2025-08-31")
        assert got["qualification_due"].date == "2027-08-31"  # #staff-qualifications-2

    def test_deferral_extends(self) -> None:
        """A deferral extends the date by the period given, after the 3 years."""
        got = dates("qualification", role="manager", start="2024-08-31", deferrals="6 months")
        assert got["qualification_due_without_deferral"].date == "2027-08-31"
        assert got["qualification_due"].date == "2028-02-29"  # 31 Aug 2027 + 6 months, leap year

    def test_staff_prospect(self) -> None:
        """Six months after an inspection on 31 August 2026 is 28 February 2027 (#staff-qualifications-8)."""
        got = dates("qualification", role="care-worker", start="2026-01-05", inspection="2026-08-31")
        assert got["staff_prospect"].date == "2027-02-28"

    def test_manager_weeks(self) -> None:
        """ "After 26 weeks" and "more than 12 weeks" each start the day after the weeks end."""
        got = dates("manager", vacancy="2026-01-05", appointed="2026-01-05", absence="2026-03-02")
        # "The failure to appoint a manager after 26 weeks" (#leaders-and-managers-inadequate-3):
        # 26 weeks end on Monday 6 July 2026, so after 26 weeks is from Tuesday 7 July 2026
        assert got["no_manager_26_weeks"].date == "2026-07-07"
        # "will usually lead to an inadequate judgement": "usually" is about the judgement, not the date
        assert got["no_manager_26_weeks"].qualifier is None
        # "once appointed for more than 12 weeks" (#leaders-and-managers-inadequate-4):
        # 12 weeks end on Monday 30 March 2026, so more than 12 weeks is from Tuesday 31 March 2026
        assert got["not_applied_12_weeks"].date == "2026-03-31"
        assert got["not_applied_12_weeks"].qualifier is None
        # "is to be absent for 28 days or more" (#homes-with-no-registered-manager-2), regulation
        # 48(2)(a): "no later than one month before the proposed absence commences": 2 February 2026
        assert got["absence_notice"].date == "2026-02-02"

    def test_absence_length(self) -> None:
        """An absence of 28 days counting both ends needs notice; 27 days does not."""
        long = compute("manager", {"absence": "2026-03-02", "absence_end": "2026-03-29"})
        short = compute("manager", {"absence": "2026-03-02", "absence_end": "2026-03-28"})
        assert "28 days or more" in long.summary[0]
        assert "less than 28 days" in short.summary[0]


class TestInspectionYearAndNotices:
    def test_inspection_year(self) -> None:
        """31 March 2027 is the last day of the inspection year that began on 1 April 2026."""
        got = dates("inspection-year", date="2027-03-31")
        assert got["year_start"].date == "2026-04-01"  # #frequency-of-inspections-2
        assert got["two_inspections"].date == "2027-03-31"
        assert got["full_inspection"].qualifier == "usually"  # #full-inspections-1

    def test_two_inspections_recorded(self) -> None:
        """Two inspections in the year meet "at least twice"; one outside the year is not counted."""
        timeline = compute(
            "inspection-year",
            {
                "date": "2026-06-01",
                "inspections": "2026-05-03, 2026-11-01, 2027-05-01",
                "today": "2027-04-02",
            },
        )
        got = {m.key: m for m in timeline.milestones}
        assert got["two_inspections"].status == "done"
        assert "1 date outside this year not counted" in timeline.summary[1]

    @pytest.mark.parametrize(
        ("removed", "key", "expected"),
        [
            # 1 April to 30 September: one inspection "before 31 March" of the following year
            # (#no-children-living-in-the-home-11), read literally as by 30 March
            ("2026-04-01", "inspection_before_31_march", "2027-03-30"),
            ("2026-09-30", "inspection_before_31_march", "2027-03-30"),
            # 1 October to 31 March: no inspection until the next inspection year, 1 April
            ("2026-10-01", "no_inspection_until", "2027-04-01"),
            ("2027-03-31", "no_inspection_until", "2027-04-01"),
            ("2027-04-01", "inspection_before_31_march", "2028-03-30"),
        ],
    )
    def test_no_children_condition_removed(self, removed: str, key: str, expected: str) -> None:
        """The removal date's half of the year decides whether an inspection is due or deferred."""
        got = dates("no-children", removed=removed)
        assert list(got) == [key]
        assert got[key].date == expected

    def test_admission_horizon(self) -> None:
        """Intending to admit "within the next 3 months" of an inspection on 30 November 2026 means by 28 February 2027."""
        got = dates("no-children", inspection="2026-11-30")
        assert got["admission_horizon"].date == "2027-02-28"  # #no-children-living-in-the-home-4

    @pytest.mark.parametrize(
        ("reopen", "tell_by"),
        [
            ("2027-05-31", "2027-02-28"),  # 28 Feb + 3 months = 28 May <= 31 May; 1 Mar + 3 = 1 Jun
            ("2027-04-30", "2027-01-31"),  # 31 Jan + 3 months = 30 Apr (month-end rule)
            ("2028-05-31", "2028-02-29"),  # leap year
            ("2027-06-15", "2027-03-15"),
        ],
    )
    def test_reopening_notice(self, reopen: str, tell_by: str) -> None:
        """The latest day to tell Ofsted is the last one still at least 3 months before reopening."""
        got = dates("reopening", reopen=reopen)
        assert got["tell_ofsted_by"].date == tell_by  # #no-children-living-in-the-home-10

    def test_earliest_reopening(self) -> None:
        """Told on 30 November 2026, the home can accommodate children from 28 February 2027."""
        got = dates("reopening", told="2026-11-30")
        assert got["earliest_reopening"].date == "2027-02-28"

    def test_interpreter(self) -> None:
        """An interpreter needed on 10 June 2026 is requested by 27 May 2026, where possible."""
        got = dates("interpreter", needed="2026-06-10")
        assert got["interpreter_request"].date == "2026-05-27"  # #communication-methods-3
        assert got["interpreter_request"].qualifier == "where possible"

    def test_approval_review(self) -> None:
        """The DfE's review is due within 3 years: 29 February 2024 gives 28 February 2027."""
        got = dates("approval-review", review="2024-02-29")
        assert got["approval_review"].date == "2027-02-28"  # #approval-of-secure-childrens-homes-2


class TestTodayAndErrors:
    def test_status_against_today(self) -> None:
        """Against today, later dates are upcoming, and Ofsted's own passed step has passed (not "overdue")."""
        got = dates("inadequate", end="2026-03-27", today="2026-05-20")
        assert got["case_review"].status == "past"  # Ofsted's internal case review: not the provider's
        assert got["case_review"].status_text == "Passed"
        assert got["return_visit"].status == "upcoming"  # by Friday 22 May 2026
        assert got["full_reinspection"].status == "upcoming"

    def test_only_the_providers_deadline_is_missed(self) -> None:
        """Full inspection ended Thursday 19 November 2026; on Wednesday 23 December 2026 the provider's
        comments (due by Tuesday 22 December) are overdue, the inspectors' quality assurance has passed."""
        got = dates("full", end="2026-11-19", today="2026-12-23")
        # "Provider returns the report with comments or submits a formal complaint within 5 working
        # days" (#timeframe-1-9): by Tuesday 22 December 2026
        assert (got["provider_comments"].date, got["provider_comments"].status) == ("2026-12-22", "overdue")
        # "Inspection evidence and report submitted for quality assurance" (#timeframe-1-7): days 7 to
        # 10, Tuesday 24 to Friday 27 November 2026, an inspectors' step
        assert (got["quality_assurance"].date, got["quality_assurance"].status) == ("2026-11-27", "past")
        assert got["quality_assurance"].yours is False and got["provider_comments"].yours is True

    def test_unknown_kind(self) -> None:
        """An unknown kind of timeline is an input error naming the field."""
        with pytest.raises(InputError) as caught:
            compute("fortnightly", {})
        assert caught.value.field == "kind"

    def test_missing_anchor(self) -> None:
        """A missing last day on site is an input error naming the field."""
        with pytest.raises(InputError) as caught:
            compute("full", {"end": ""})
        assert caught.value.field == "end"

    def test_draft_before_end(self) -> None:
        """A draft report date before the inspection ended is refused."""
        with pytest.raises(InputError) as caught:
            compute("full", {"end": "2026-11-19", "draft_sent": "2026-11-18"})
        assert caught.value.field == "draft_sent"

    def test_out_of_range(self) -> None:
        """A working-day timeline past the bank-holiday table's last year is a clear error."""
        with pytest.raises(InputError):
            compute("full", {"end": "2040-12-20"})

    def test_optional_events_need_one(self) -> None:
        """A manager timeline with no date at all is refused."""
        with pytest.raises(InputError) as caught:
            compute("manager", {})
        assert caught.value.field == "vacancy"

    def test_extra_non_working_day(self) -> None:
        """An extra non-working day the user gives moves working-day dates and is listed."""
        got = dates("full", end="2026-11-19", extra=["2026-11-20"])
        assert got["contact_ofsted"].date == "2026-11-23"
        assert got["contact_ofsted"].bank_holidays[0].name == "extra non-working day"
