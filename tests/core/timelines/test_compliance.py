"""Compliance notices: the greedy plan of visits is the fewest possible (checked by brute force)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from sccif_core.timelines.compliance import covers, plan_visits, visit_window
from sccif_core.workdays import ENGLAND


def fewest_by_brute_force(notices: list[date]) -> int:
    """Try every set of 1, 2, ... candidate visit days until one checks every notice."""
    first = min(notices) + timedelta(days=1)
    last = max(visit_window(notice, ENGLAND)[1] for notice in notices)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    for size in range(1, len(notices) + 1):
        for visits in combinations(days, size):
            if all(any(covers(visit, notice, ENGLAND) for visit in visits) for notice in notices):
                return size
    raise AssertionError("one visit per notice always works")


# Small inputs around Christmas, Easter and the May bank holidays make the windows uneven.
small_notices = st.sampled_from(
    [date(2026, 12, 18), date(2027, 3, 22), date(2026, 4, 27), date(2023, 4, 24), date(2022, 9, 12)]
).flatmap(
    lambda start: st.lists(
        st.integers(0, 20).map(lambda n: start + timedelta(days=n)), min_size=1, max_size=5
    )
)


class TestPlanVisits:
    @settings(max_examples=150, deadline=None)
    @given(small_notices)
    def test_greedy_is_fewest(self, notices: list[date]) -> None:
        """The greedy plan uses as few visits as an exhaustive search finds."""
        assert len(plan_visits(notices, ENGLAND)) == fewest_by_brute_force(notices)

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(st.dates(min_value=date(2012, 1, 1), max_value=date(2038, 12, 1)), min_size=1, max_size=30)
    )
    def test_plan_checks_every_notice_in_its_window(self, notices: list[date]) -> None:
        """Every notice is in exactly one planned visit, and every day of that visit's range is in its window."""
        plan = plan_visits(notices, ENGLAND)
        assigned = sorted(index for visit in plan for index in visit.notices)
        assert assigned == list(range(len(notices)))
        for visit in plan:
            assert visit.earliest <= visit.latest
            for index in visit.notices:
                start, end = visit_window(notices[index], ENGLAND)
                assert start <= visit.earliest and visit.latest <= end

    def test_window_is_after_the_date(self) -> None:
        """A visit cannot check a notice on the notice's own date, only from the day after."""
        notice = date(2026, 6, 3)  # Wednesday
        assert not covers(notice, notice, ENGLAND)
        assert covers(date(2026, 6, 4), notice, ENGLAND)
        assert covers(date(2026, 6, 10), notice, ENGLAND)  # 5th working day after
        assert not covers(date(2026, 6, 11), notice, ENGLAND)

    def test_same_date_twice(self) -> None:
        """Two notices with the same date share one visit."""
        plan = plan_visits([date(2026, 6, 3), date(2026, 6, 3)], ENGLAND)
        assert len(plan) == 1 and plan[0].notices == (0, 1)

    def test_chain_needs_two(self) -> None:
        """Notices on 1, 5 and 10 June 2026 need two visits: the first two share one, the third its own."""
        notices = [date(2026, 6, 1), date(2026, 6, 5), date(2026, 6, 10)]
        plan = plan_visits(notices, ENGLAND)
        # windows: 2 to 8 June, 6 to 12 June, 11 to 17 June (5 working days after each date)
        assert [visit.notices for visit in plan] == [(0, 1), (2,)]
        assert [(visit.earliest, visit.latest) for visit in plan] == [
            (date(2026, 6, 6), date(2026, 6, 8)),
            (date(2026, 6, 11), date(2026, 6, 17)),
        ]
        assert len(plan) == fewest_by_brute_force(notices)
