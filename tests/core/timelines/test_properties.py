"""Properties every timeline keeps, for any valid dates."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sccif_core.timelines import compute, timeline_dict
from sccif_core.timelines.kinds import KIND_RULES
from sccif_core.timelines.model import Rule
from sccif_core.timelines.periods import add_months, latest_at_least_months_before, month_end
from sccif_core.workdays import ENGLAND
from tests.strategies import timeline_anchor_dates, timeline_fields

SINGLE_ANCHOR = {
    "full": "end",
    "complaints": "end",
    "monitoring": "end",
    "inadequate": "end",
    "assurance": "visit",
    "serious-concerns": "visit",
}


def rule_for(kind: str, key: str) -> Rule:
    return next(rule for rule in KIND_RULES[kind] if rule.key == key)


class TestEveryKind:
    @settings(max_examples=300, deadline=None)
    @given(timeline_fields())
    def test_json_and_shape(self, case: tuple[str, dict[str, object]]) -> None:
        """Any valid input gives a JSON-serialisable timeline whose windows run forwards and keys are unique."""
        kind, fields = case
        timeline = compute(kind, fields)
        data = json.loads(json.dumps(timeline_dict(timeline)))
        assert data["kind"] == kind
        assert data["anchor_date"] == timeline.anchor_date
        keys = [m["key"] for m in data["milestones"]]
        assert len(keys) == len(set(keys))
        for milestone in data["milestones"]:
            assert milestone["type"] in ("by", "from", "window", "on")
            if milestone["type"] == "window":
                assert milestone["date_from"] <= milestone["date_to"] == milestone["date"]
            else:
                assert milestone["date_from"] is None and milestone["date_to"] is None
            assert milestone["usually"] == (milestone["qualifier"] is not None)
        dated = [m.date_from or m.date for m in timeline.milestones]
        assert dated == sorted(dated)

    @settings(max_examples=300, deadline=None)
    @given(timeline_fields())
    # Found by Hypothesis: preparation, counted back from a visit ending Tuesday 28 December 2010,
    # crosses the substitute Christmas Day (Monday 27 December 2010) after its own date.
    @example(("full", {"end": "2010-12-28"}))
    def test_holiday_moves_are_explained(self, case: tuple[str, dict[str, object]]) -> None:
        """A date is moved by bank holidays exactly when it counts working days across one before it, which it lists."""
        kind, fields = case
        for milestone in compute(kind, fields).milestones:
            if not milestone.uses_working_days:
                assert not milestone.moved_by_holidays and not milestone.bank_holidays
                assert not milestone.provisional
            else:
                # A holiday on the date itself is listed (the reader should know) but moves nothing;
                # any other listed holiday was crossed counting from the anchor, forwards or back
                # (preparation before a visit, say), and moved it.
                crossed = [item for item in milestone.bank_holidays if item.day != milestone.date]
                assert milestone.moved_by_holidays == bool(crossed)
            for item in milestone.bank_holidays:
                assert not ENGLAND.is_working_day(date.fromisoformat(item.day))
                assert date.fromisoformat(item.day).weekday() < 5


class TestAnchoredTimelines:
    @settings(deadline=None)
    @given(st.sampled_from(sorted(SINGLE_ANCHOR)), timeline_anchor_dates())
    def test_never_before_the_anchor(self, kind: str, anchor: date) -> None:
        """A milestone counted forwards is never before its anchor; one counted back is never after it."""
        timeline = compute(kind, {SINGLE_ANCHOR[kind]: anchor.isoformat()})
        for milestone in timeline.milestones:
            start = date.fromisoformat(milestone.date_from or milestone.date)
            if rule_for(kind, milestone.key).offset.amount >= 0:
                assert start >= anchor
            else:
                assert start < anchor

    @settings(deadline=None)
    @given(st.sampled_from(sorted(SINGLE_ANCHOR)), timeline_anchor_dates())
    def test_working_day_dates_are_working_days(self, kind: str, anchor: date) -> None:
        """A date counted in working days (a deadline, a table day, a window's end) is a working day."""
        for milestone in compute(kind, {SINGLE_ANCHOR[kind]: anchor.isoformat()}).milestones:
            rule = rule_for(kind, milestone.key)
            last = rule.until or rule.offset
            if last.unit == "working_days" and last.amount != 0:
                assert ENGLAND.is_working_day(date.fromisoformat(milestone.date))

    @settings(deadline=None)
    @given(timeline_anchor_dates())
    def test_comments_follow_the_draft(self, end: date) -> None:
        """The provider's comments are due 5 working days after the draft, and publication 5 after the final report."""
        got = {
            m.key: date.fromisoformat(m.date) for m in compute("full", {"end": end.isoformat()}).milestones
        }
        assert ENGLAND.count(got["draft_report"], got["provider_comments"]) == 5
        assert ENGLAND.count(got["final_report"], got["publication"]) == 5
        assert ENGLAND.count(end, got["draft_report"]) == 18
        assert ENGLAND.count(end, got["final_report"]) == 30


class TestMonthArithmetic:
    @settings(deadline=None)
    @given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 60))
    def test_add_months(self, day: date, months: int) -> None:
        """Adding months moves the month exactly and keeps the day, or takes the shorter month's last day."""
        later = add_months(day, months)
        assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
        assert later.day == min(day.day, month_end(later).day)

    @settings(deadline=None)
    @given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.integers(1, 60))
    def test_count_back_is_the_latest(self, later: date, months: int) -> None:
        """Counting back gives the latest date from which counting forward still reaches the later date."""
        start = latest_at_least_months_before(later, months)
        assert add_months(start, months) <= later
        assert add_months(start + timedelta(days=1), months) > later

    @settings(deadline=None)
    @given(timeline_anchor_dates())
    def test_reg44_deadline_is_next_month_end(self, visit: date) -> None:
        """A regulation 44 report's deadline is the last day of the month after the visit's month."""
        (report,) = [
            m
            for m in compute("reg44", {"visits": [visit.isoformat()]}).milestones
            if m.key.startswith("report_")
        ]
        deadline = date.fromisoformat(report.date)
        assert deadline == month_end(month_end(visit) + timedelta(days=1))
        assert 28 <= (deadline - visit).days <= 61
