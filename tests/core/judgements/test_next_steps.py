"""What follows an overall inadequate judgement or serious or widespread concerns, with dates."""

from __future__ import annotations

from datetime import date

import pytest

from sccif_core.errors import InputError
from sccif_core.judgements.next_steps import STEPS, next_steps, steps_for
from sccif_core.timelines.rules import INADEQUATE, SERIOUS
from sccif_core.workdays import PUBLISHED_UNTIL, OutOfRange


def when(kind: str, end: date, key: str) -> dict[str, object]:
    step = next(s for s in next_steps(kind, end)["steps"] if s["key"] == key)
    result: dict[str, object] = step["when"]
    return result


class TestFullInspection:
    def test_the_steps_the_framework_lists_in_order(self) -> None:
        """After an overall inadequate judgement: debrief, case review, DfE, authorities, Commissioner, return, reinspection."""
        keys = [s.key for s in steps_for("full")]
        assert keys == [
            "debrief",
            "case-review",
            "dfe-informed",
            "local-authorities-alerted",
            "ycs-and-dcs-emailed",
            "not-looked-after",
            "childrens-commissioner",
            "return-visit",
            "improved-judgement",
            "health-and-education-decision",
            "full-reinspection",
        ]

    def test_case_review_across_christmas_2026(self) -> None:
        """An inspection ending Friday 18 December 2026 has its case review by Tuesday 29 December 2026."""
        # post-inspection-debrief-and-case-reviews-1: "certainly no later than 5 working days following
        # the inspection". Working days: 21, 22, 23, 24 Dec; 25 Dec Christmas Day and 28 Dec (Boxing Day,
        # substitute day) are bank holidays; 29 Dec is the 5th.
        due = when("full", date(2026, 12, 18), "case-review")
        assert due["kind"] == "by"
        assert due["date"] == "2026-12-29"
        assert due["date_long"] == "Tuesday 29 December 2026"
        assert [d["date"] for d in due["skipped"] if d["reason"] not in ("Saturday", "Sunday")] == [  # type: ignore[index]
            "2026-12-25",
            "2026-12-28",
        ]

    def test_case_review_across_easter_2026(self) -> None:
        """An inspection ending Wednesday 1 April 2026 has its case review by Friday 10 April 2026."""
        # post-inspection-debrief-and-case-reviews-1; Good Friday 3 April and Easter Monday 6 April 2026
        # are bank holidays: working days 2, 7, 8, 9, 10 April.
        assert when("full", date(2026, 4, 1), "case-review")["date"] == "2026-04-10"

    def test_return_within_6_to_8_weeks(self) -> None:
        """The return visit "within 6 to 8 weeks" is a latest date: by Friday 12 February 2027."""
        # subsequent-inspection-activity-1: "We always return to carry out some inspection activity
        # within 6 to 8 weeks". 18 December 2026 + 8 weeks = 12 February 2027; Ofsted may come before.
        due = when("full", date(2026, 12, 18), "return-visit")
        assert (due["kind"], due["date"]) == ("by", "2027-02-12")
        assert "any time before" in due["note"]

    def test_full_reinspection_usually_within_16_weeks(self) -> None:
        """A full reinspection, usually within 16 weeks: by Friday 9 April 2027, marked as not certain."""
        # subsequent-inspection-activity-17: "schedule a full inspection (usually within 16 weeks from the
        # original inspection)". 18 December 2026 + 16 weeks = 9 April 2027.
        result = next_steps("full", date(2026, 12, 18))
        step = next(s for s in result["steps"] if s["key"] == "full-reinspection")
        assert step["when"]["date"] == "2027-04-09"
        assert step["certainty"] == "possible" and step["usually"] is True

    def test_undated_steps_say_so(self) -> None:
        """Steps with no time limit in the framework carry no date."""
        # contacting-the-childrens-commissioner-1: "After emailing the relevant local authorities ..."
        assert when("full", date(2026, 12, 18), "childrens-commissioner") == {"kind": "undated"}


class TestAssuranceInspection:
    def test_email_by_the_end_of_the_next_working_day(self) -> None:
        """Serious concerns at a visit on Thursday 24 December 2026: email by Tuesday 29 December 2026."""
        # serious-and-widespread-concerns-next-steps-2: "by the end of the next working day following the
        # visit". 25 December (Christmas Day), 26-27 weekend, 28 December (Boxing Day, substitute day).
        assert when("assurance", date(2026, 12, 24), "ycs-and-dcs-emailed")["date"] == "2026-12-29"

    def test_case_review_same_5_working_days(self) -> None:
        """The case review after a visit on Thursday 24 December 2026 is by Tuesday 5 January 2027."""
        # serious-and-widespread-concerns-next-steps-1: "certainly no later than 5 working days following
        # the inspection". 29, 30, 31 December; 1 January 2027 (New Year's Day) is a bank holiday; 4, 5 January.
        assert when("assurance", date(2026, 12, 24), "case-review")["date"] == "2027-01-05"

    def test_return_is_likely_not_certain(self) -> None:
        """After an assurance inspection the 6-to-8-week return is 'likely', shown as 'usually'."""
        # serious-and-widespread-concerns-next-steps-6: "we are likely to return ... within 6 to 8 weeks"
        step = next(
            s for s in next_steps("assurance", date(2026, 12, 24))["steps"] if s["key"] == "return-visit"
        )
        assert step["certainty"] == "usually"
        # 24 December 2026 + 8 weeks = Thursday 18 February 2027, at the latest
        assert (step["when"]["kind"], step["when"]["date"]) == ("by", "2027-02-18")

    def test_both_readings_about_notifying_local_authorities_are_shown(self) -> None:
        """After an assurance inspection, alerting local authorities depends on the case review: not 'always'."""
        # feedback-to-local-authorities-1: "This also applies if we have judged a home to have serious or
        # widespread concerns at the assurance inspection and it has been agreed at the case review that
        # the relevant local authorities should be notified"
        step = next(s for s in steps_for("assurance") if s.key == "local-authorities-alerted")
        assert "feedback-to-local-authorities-1" in step.note
        assert step.certainty == "possible"


class TestDatesAndInput:
    def test_years_after_the_published_list_are_provisional(self) -> None:
        """A working-day date in a year GOV.UK has not published yet is marked provisional."""
        end = date(PUBLISHED_UNTIL + 1, 6, 1)
        due = when("full", end, "case-review")
        assert due["provisional"] is True and due["provisional_years"] == [PUBLISHED_UNTIL + 1]

    def test_without_an_end_date_the_rules_are_shown_undated(self) -> None:
        """With no end date, each step shows its time limit in the framework's words."""
        step = next(s for s in next_steps("full")["steps"] if s["key"] == "case-review")
        assert step["when"] == {
            "kind": "rule",
            "words": "certainly no later than 5 working days following the inspection",
        }

    def test_unknown_kind(self) -> None:
        """Only full and assurance inspections have next steps here."""
        with pytest.raises(InputError, match="Use 'full' or 'assurance'"):
            next_steps("monitoring")

    def test_date_outside_the_bank_holiday_table(self) -> None:
        """A date the bank-holiday table does not cover is a clear error, never a wrong date."""
        with pytest.raises(OutOfRange):
            next_steps("full", date(1999, 1, 4))


class TestSharedWithTimelines:
    @pytest.mark.parametrize("step", [s for s in STEPS if s.timing], ids=lambda s: f"{s.kinds[0]}-{s.key}")
    def test_timing_comes_from_the_timeline_rules(self, step: object) -> None:
        """Each dated step uses a rule of the timeline tools that quotes the same time limit."""
        timing = step.timing  # type: ignore[attr-defined]
        rule = timing.source
        assert rule in (INADEQUATE + SERIOUS)
        assert timing.words in step.text  # type: ignore[attr-defined]
        assert any(timing.words in quoted.words for quoted in rule.sources)


class TestSecondReading:
    def test_sixteen_weeks_is_not_dated_after_an_assurance_inspection(self) -> None:
        """The 16 weeks follow inadequate provision; after serious concerns Ofsted 'then decide when to inspect'."""
        # frequency-of-inspections-4: "we then decide when to inspect it again"
        steps = next_steps("assurance", date(2026, 12, 24))["steps"]
        assert "full-reinspection" not in [s["key"] for s in steps]
        assert not any("16 weeks" in (s["when"].get("words") or "") for s in steps)

    def test_commissioner_after_the_local_authorities(self) -> None:
        """ "After emailing the relevant local authorities, the inspector will also email the Office of the
        Children's Commissioner" (contacting-the-childrens-commissioner-1): the step comes after."""
        for kind in ("full", "assurance"):
            keys = [s.key for s in steps_for(kind)]
            assert keys.index("childrens-commissioner") > keys.index("ycs-and-dcs-emailed"), kind

    def test_improved_judgement_is_only_possible(self) -> None:
        """A better judgement after a monitoring visit is one possible outcome, with its conditions quoted."""
        step = next(s for s in steps_for("full") if s.key == "improved-judgement")
        assert step.certainty == "possible"
        assert len(step.conditions) == 4 and step.otherwise is not None
