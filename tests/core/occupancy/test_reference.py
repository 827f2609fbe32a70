"""The fast sweep-line check agrees with a slow day-by-day reference on generated histories.

The reference below is written from the method as the issue states it, without the
core's sweep lines or prefix sums: for every day it asks each stay whether that
person was accommodated that night and whether they were under 18; for every window
it adds up the days one by one. Where the rules come from: the framework's
'wholly or mainly' guidelines (anchor wholly-or-mainly-guidelines-2) and the method in
sccif_core.occupancy.rules.METHOD.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from hypothesis import HealthCheck, given, settings

from sccif_core.occupancy import Stay, check
from tests.strategies import OccupancyHistory, occupancy_histories

ONE_DAY = timedelta(days=1)


# --- the reference: day by day, stay by stay ---


def is_child(born: date, day: date, leap_birthday: str) -> bool:
    """Under 18 on ``day``: their 18th birthday (1 March or 28 February for 29 February births) is later."""
    year = born.year + 18
    month, day_of_month = born.month, born.day
    if (month, day_of_month) == (2, 29) and not calendar.isleap(year):
        month, day_of_month = (3, 1) if leap_birthday == "mar-1" else (2, 28)
    return (day.year, day.month, day.day) < (year, month, day_of_month)


def accommodated(stay: Stay, night: date) -> bool:
    """From the admission date up to, but not including, the discharge date."""
    return stay.admission <= night and (stay.discharge is None or night < stay.discharge)


def reference_end(start: date) -> date:
    """The day before the same date 12 months later (its month's last day if it has no such day)."""
    try:
        same = date(start.year + 1, start.month, start.day)
    except ValueError:  # only 29 February has no same date a year later
        same = date(start.year + 1, start.month, 28)
    return same - ONE_DAY


@dataclass(frozen=True)
class RefWindow:
    start: date
    end: date
    days: int
    occupied_days: int
    children_majority_days: int
    child_nights: int
    young_adult_nights: int

    @property
    def meets(self) -> bool:
        return self.occupied_days == 0 or Fraction(
            self.children_majority_days, self.occupied_days
        ) > Fraction(1, 2)

    @property
    def meets_all_days(self) -> bool:
        return Fraction(self.children_majority_days, self.days) > Fraction(1, 2)


def reference_windows(stays: list[Stay], first: date, last: date, leap_birthday: str) -> list[RefWindow]:
    """Every 12-month window starting on or after ``first`` and ending on or before ``last``."""
    days = [first + timedelta(days=k) for k in range((last - first).days + 1)]
    children: list[int] = []
    adults: list[int] = []
    for night in days:
        here = [stay for stay in stays if accommodated(stay, night)]
        kids = sum(1 for stay in here if is_child(stay.date_of_birth, night, leap_birthday))
        children.append(kids)
        adults.append(len(here) - kids)
    majority = [1 if c > y else 0 for c, y in zip(children, adults, strict=True)]
    occupied = [1 if c + y > 0 else 0 for c, y in zip(children, adults, strict=True)]
    windows = []
    for i, start in enumerate(days):
        end = reference_end(start)
        if end > last:
            break
        j = (end - first).days + 1
        windows.append(
            RefWindow(
                start,
                end,
                j - i,
                sum(occupied[i:j]),
                sum(majority[i:j]),
                sum(children[i:j]),
                sum(adults[i:j]),
            )
        )
    return windows


def reference_verdict(windows: list[RefWindow]) -> str:
    if not windows:
        return "not-enough-history"
    if all(window.meets_all_days for window in windows):
        return "meets"
    if not all(window.meets for window in windows):
        return "does-not-meet"
    return "depends-on-empty-days"


def reference_worst(windows: list[RefWindow], all_days: bool) -> RefWindow | None:
    """Lowest share, the earliest on a tie; with empty days set aside an empty window ranks highest."""

    def share(window: RefWindow) -> Fraction:
        if all_days:
            return Fraction(window.children_majority_days, window.days)
        if window.occupied_days == 0:
            return Fraction(10)
        return Fraction(window.children_majority_days, window.occupied_days)

    ranked = sorted(enumerate(windows), key=lambda pair: (share(pair[1]), pair[0]))
    return ranked[0][1] if ranked else None


def with_plans(history: OccupancyHistory) -> list[Stay]:
    """The stays with each planned discharge applied to that person's open stay, plus planned admissions."""
    stays = []
    for stay in (*history.stays, *history.planned_admissions):
        if stay.discharge is None and stay.person in history.planned_discharges:
            stay = Stay(
                stay.person, stay.date_of_birth, stay.admission, history.planned_discharges[stay.person]
            )
        stays.append(stay)
    return stays


def as_tuple(window: object) -> tuple[object, ...] | None:
    if window is None:
        return None
    return tuple(
        getattr(window, name)
        for name in (
            "start",
            "end",
            "days",
            "occupied_days",
            "children_majority_days",
            "child_nights",
            "young_adult_nights",
            "meets",
            "meets_all_days",
        )
    )


# --- the agreement ---


class TestAgreesWithReference:
    """The fast check and the day-by-day reference give the same figures."""

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(occupancy_histories())
    def test_period(self, history: OccupancyHistory) -> None:
        """Every window's figures, the counts, the worst and latest windows and the verdict agree."""
        result = check(
            history.stays,
            start=history.start,
            end=history.end,
            leap_birthday=history.leap_birthday,
            planned_discharges=history.planned_discharges,
            planned_admissions=history.planned_admissions,
        )
        first = history.start or min(stay.admission for stay in history.stays)
        expected = reference_windows(list(history.stays), first, history.end, history.leap_birthday)
        summary = result.summary
        checked = result.windows[: summary.total]
        assert [as_tuple(window) for window in checked] == [as_tuple(window) for window in expected]
        assert summary.total == len(expected)
        assert summary.meeting == sum(window.meets for window in expected)
        assert summary.meeting_all_days == sum(window.meets_all_days for window in expected)
        assert result.verdict == reference_verdict(expected)
        assert as_tuple(summary.worst) == as_tuple(reference_worst(expected, all_days=False))
        assert as_tuple(summary.worst_all_days) == as_tuple(reference_worst(expected, all_days=True))
        assert as_tuple(summary.latest) == as_tuple(expected[-1] if expected else None)

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(occupancy_histories())
    def test_projection(self, history: OccupancyHistory) -> None:
        """The first failing trailing window after the period agrees, even when the reference looks 400 days further."""
        result = check(
            history.stays,
            start=history.start,
            end=history.end,
            leap_birthday=history.leap_birthday,
            planned_discharges=history.planned_discharges,
            planned_admissions=history.planned_admissions,
        )
        projection = result.projection
        assert not projection.capped
        first = result.period_start
        beyond = projection.end + timedelta(days=400)
        every = reference_windows(with_plans(history), first, beyond, history.leap_birthday)
        ahead = [window for window in every if window.end > history.end]
        within = [window for window in ahead if window.end <= projection.end]
        assert projection.summary.total == len(within)
        assert projection.summary.meeting == sum(window.meets for window in within)
        assert projection.summary.meeting_all_days == sum(window.meets_all_days for window in within)
        assert as_tuple(projection.summary.first_failing) == as_tuple(
            next((window for window in ahead if not window.meets), None)
        )
        assert as_tuple(projection.summary.first_failing_all_days) == as_tuple(
            next((window for window in ahead if not window.meets_all_days), None)
        )

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(occupancy_histories(plans=False))
    def test_young_adult_nights(self, history: OccupancyHistory) -> None:
        """Each young adult's nights as an adult in the period agree, and nobody with adult nights is left out."""
        result = check(
            history.stays, start=history.start, end=history.end, leap_birthday=history.leap_birthday
        )
        first = result.period_start
        nights: dict[str, int] = {}
        night = first
        while night <= history.end:
            for stay in history.stays:
                if accommodated(stay, night) and not is_child(
                    stay.date_of_birth, night, history.leap_birthday
                ):
                    nights[stay.person] = nights.get(stay.person, 0) + 1
            night += ONE_DAY
        assert {person.person: person.adult_nights for person in result.young_adults} == nights


class TestInvariants:
    """Properties every window has, whatever the history."""

    @settings(max_examples=100, deadline=None)
    @given(occupancy_histories())
    def test_majority_within_occupied_within_days(self, history: OccupancyHistory) -> None:
        """A window's children-majority days never exceed its occupied days, nor those its days (365 or 366)."""
        result = check(
            history.stays, start=history.start, end=history.end, leap_birthday=history.leap_birthday
        )
        for window in result.windows:
            assert 0 <= window.children_majority_days <= window.occupied_days <= window.days
            assert window.days in (365, 366)
            # Reading B is stricter: meeting it means meeting reading A.
            assert window.meets or not window.meets_all_days

    @settings(max_examples=100, deadline=None)
    @given(occupancy_histories(plans=False))
    def test_person_nights_add_up(self, history: OccupancyHistory) -> None:
        """The daily counts add up to every stay's nights inside the checked timeline."""
        result = check(
            history.stays, start=history.start, end=history.end, leap_birthday=history.leap_birthday
        )
        counts = result.counts
        stop = counts.end + ONE_DAY
        expected = sum(
            max(0, (min(stay.discharge or stop, stop) - max(stay.admission, counts.start)).days)
            for stay in history.stays
        )
        assert sum(counts.children) + sum(counts.young_adults) == expected
