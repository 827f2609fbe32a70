"""Daily counts and 12-month windows, by sweep line and prefix sums.

Each stay adds +1 to a difference array on its first night and -1 after its last,
split at the 18th birthday into a child part and a young-adult part. One pass of
running sums gives, for every day, how many children and how many young adults
were accommodated. From those, each day is *occupied* (anyone accommodated) and
*children-majority* (strictly more children than young adults). Prefix sums of
those flags answer "how many such days in this window?" in constant time, so
checking every window costs O(days + stays), whatever the number of residents or
windows.

A 12-month window starting on S ends the day before the same date 12 months
later; where that day of the month does not exist, the month's last day is used.
So 29 February 2024 to 27 February 2025 is one window.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from typing import Any

from .residents import DEFAULT_LEAP_BIRTHDAY, Birthdays, LeapBirthday, Stay, eighteenth_birthdays

__all__ = [
    "DailyCounts",
    "Sweep",
    "WindowStats",
    "WindowSummary",
    "WindowTable",
    "add_months",
    "daily_counts",
    "summarise",
    "summarise_table",
    "window_bounds",
    "window_end",
]

ONE_DAY = timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later, or that month's last day if it has no such day."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def window_end(start: date) -> date:
    """The last day of the 12-month window starting on ``start``.

    >>> window_end(date(2024, 3, 1))
    datetime.date(2025, 2, 28)
    >>> window_end(date(2024, 2, 29))     # 29 February 2025 does not exist: 28 February, less a day
    datetime.date(2025, 2, 27)
    """
    return add_months(start, 12) - ONE_DAY


@dataclass(frozen=True, slots=True)
class DailyCounts:
    """How many children and young adults were accommodated each night, from ``start``."""

    start: date
    children: tuple[int, ...]
    young_adults: tuple[int, ...]

    @property
    def days(self) -> int:
        return len(self.children)

    @property
    def end(self) -> date:
        return self.start + timedelta(days=self.days - 1)

    def day(self, offset: int) -> date:
        return self.start + timedelta(days=offset)


def daily_counts(
    stays: Iterable[Stay],
    start: date,
    end: date,
    leap_birthday: LeapBirthday = DEFAULT_LEAP_BIRTHDAY,
    *,
    birthdays: Birthdays | None = None,
) -> DailyCounts:
    """Children and young adults accommodated on each night from ``start`` to ``end`` inclusive.

    ``birthdays``: each person's 18th birthday, when the caller has worked them out already.
    """
    stays = tuple(stays)
    turns_18 = eighteenth_birthdays(stays, leap_birthday) if birthdays is None else birthdays
    first = start.toordinal()
    days = end.toordinal() - first + 1
    if days <= 0:
        return DailyCounts(start, (), ())
    child_delta = [0] * (days + 1)
    adult_delta = [0] * (days + 1)
    for stay in stays:
        begin = max(stay.admission.toordinal() - first, 0)
        stop = days if stay.discharge is None else min(stay.discharge.toordinal() - first, days)
        if begin >= stop:
            continue
        adult_from = turns_18[stay.person].toordinal() - first
        turn = min(max(adult_from, begin), stop)
        if begin < turn:
            child_delta[begin] += 1
            child_delta[turn] -= 1
        if turn < stop:
            adult_delta[turn] += 1
            adult_delta[stop] -= 1
    children = tuple(accumulate(child_delta[:days]))
    young_adults = tuple(accumulate(adult_delta[:days]))
    return DailyCounts(start, children, young_adults)


@dataclass(frozen=True, slots=True)
class WindowStats:
    """One 12-month window and what happened in it. ``end`` is inclusive."""

    start: date
    end: date
    days: int
    occupied_days: int
    children_majority_days: int
    child_nights: int
    young_adult_nights: int

    @property
    def meets(self) -> bool:
        """Reading A, empty days set aside: children-majority days are more than half the occupied days."""
        return self.occupied_days == 0 or 2 * self.children_majority_days > self.occupied_days

    @property
    def meets_all_days(self) -> bool:
        """Reading B, every day counts: children-majority days are more than half of all days."""
        return 2 * self.children_majority_days > self.days

    @property
    def share(self) -> float | None:
        """Children-majority days as a share of occupied days (reading A); None with no occupied days."""
        return self.children_majority_days / self.occupied_days if self.occupied_days else None

    @property
    def share_all_days(self) -> float:
        """Children-majority days as a share of all days (reading B)."""
        return self.children_majority_days / self.days

    def as_dict(self) -> dict[str, Any]:
        share = self.share
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": self.days,
            "occupied_days": self.occupied_days,
            "children_majority_days": self.children_majority_days,
            "meets": self.meets,
            "meets_all_days": self.meets_all_days,
            "share": None if share is None else round(share, 4),
            "share_all_days": round(self.share_all_days, 4),
            "child_nights": self.child_nights,
            "young_adult_nights": self.young_adult_nights,
        }


def window_bounds(origin: date, first_start: date, last_end: date) -> tuple[list[int], list[int]]:
    """Day offsets from ``origin`` of the start and end of every 12-month window that starts on
    or after ``first_start`` and ends on or before ``last_end``, in order of start.

    Worked a month at a time: within a month, the window starting on day d ends on day d of
    the same month a year later, less one day (or on that month's last day, less one day).
    """
    base = origin.toordinal()
    limit = last_end.toordinal() - base
    starts: list[int] = []
    ends: list[int] = []
    year, month, day = first_start.year, first_start.month, first_start.day
    while True:
        month_days = calendar.monthrange(year, month)[1]
        later_days = calendar.monthrange(year + 1, month)[1]
        month_start = date(year, month, 1).toordinal() - base - 1
        later_start = date(year + 1, month, 1).toordinal() - base - 2
        for d in range(day, month_days + 1):
            end = later_start + min(d, later_days)
            if end > limit:
                return starts, ends
            starts.append(month_start + d)
            ends.append(end)
        day = 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


@dataclass(frozen=True, slots=True)
class WindowTable:
    """Every window's figures as plain lists of integers (one entry per window, in order of start).

    Building a ``WindowStats`` for each of thousands of windows costs more than the sums
    themselves, so the table keeps numbers and makes ``WindowStats`` only when asked.
    """

    counts: DailyCounts
    starts: list[int]
    ends: list[int]
    occupied: list[int]
    majority: list[int]
    child_nights: list[int]
    young_adult_nights: list[int]

    def __len__(self) -> int:
        return len(self.starts)

    def days(self, index: int) -> int:
        return self.ends[index] - self.starts[index] + 1

    def stats(self, index: int) -> WindowStats:
        return WindowStats(
            start=self.counts.day(self.starts[index]),
            end=self.counts.day(self.ends[index]),
            days=self.days(index),
            occupied_days=self.occupied[index],
            children_majority_days=self.majority[index],
            child_nights=self.child_nights[index],
            young_adult_nights=self.young_adult_nights[index],
        )

    def windows(self, lo: int = 0, hi: int | None = None) -> list[WindowStats]:
        return [self.stats(index) for index in range(lo, len(self) if hi is None else hi)]


class Sweep:
    """Prefix sums over daily counts: any window's figures in constant time."""

    __slots__ = ("counts", "_adult", "_child", "_majority", "_occupied")

    def __init__(self, counts: DailyCounts) -> None:
        self.counts = counts
        pairs = tuple(zip(counts.children, counts.young_adults, strict=True))
        self._majority = (0, *accumulate(1 if c > y else 0 for c, y in pairs))
        self._occupied = (0, *accumulate(1 if c + y > 0 else 0 for c, y in pairs))
        self._child = (0, *accumulate(counts.children))
        self._adult = (0, *accumulate(counts.young_adults))

    def stats(self, first: int, last: int) -> WindowStats:
        """The window from day offset ``first`` to ``last`` inclusive."""
        stop = last + 1
        return WindowStats(
            start=self.counts.day(first),
            end=self.counts.day(last),
            days=stop - first,
            occupied_days=self._occupied[stop] - self._occupied[first],
            children_majority_days=self._majority[stop] - self._majority[first],
            child_nights=self._child[stop] - self._child[first],
            young_adult_nights=self._adult[stop] - self._adult[first],
        )

    def window_offsets(self, first_start: date, last_end: date) -> Iterator[tuple[int, int]]:
        """(start, end) day offsets of each 12-month window starting on or after ``first_start``
        and ending on or before ``last_end``, in order of start."""
        starts, ends = window_bounds(
            self.counts.start, max(first_start, self.counts.start), min(last_end, self.counts.end)
        )
        return zip(starts, ends, strict=True)

    def table(self, first_start: date, last_end: date) -> WindowTable:
        """Every window's figures, by prefix sums: a few list operations per window."""
        starts, ends = window_bounds(
            self.counts.start, max(first_start, self.counts.start), min(last_end, self.counts.end)
        )
        stops = [end + 1 for end in ends]

        def sums(prefix: tuple[int, ...]) -> list[int]:
            return [prefix[stop] - prefix[start] for start, stop in zip(starts, stops, strict=True)]

        return WindowTable(
            counts=self.counts,
            starts=starts,
            ends=ends,
            occupied=sums(self._occupied),
            majority=sums(self._majority),
            child_nights=sums(self._child),
            young_adult_nights=sums(self._adult),
        )

    def windows(self, first_start: date, last_end: date) -> list[WindowStats]:
        return self.table(first_start, last_end).windows()


@dataclass(frozen=True, slots=True)
class WindowSummary:
    """What a run of windows adds up to under both readings."""

    total: int
    meeting: int
    meeting_all_days: int
    latest: WindowStats | None
    worst: WindowStats | None
    worst_all_days: WindowStats | None
    first_failing: WindowStats | None
    first_failing_all_days: WindowStats | None

    @property
    def verdict(self) -> str:
        if self.total == 0:
            return "not-enough-history"
        if self.meeting_all_days == self.total:
            return "meets"
        if self.meeting < self.total:
            return "does-not-meet"
        return "depends-on-empty-days"


def summarise(windows: Sequence[WindowStats]) -> WindowSummary:
    """Count, and find the latest, worst (lowest share, earliest on a tie) and first failing windows."""
    worst: WindowStats | None = None
    worst_all: WindowStats | None = None
    first_failing: WindowStats | None = None
    first_failing_all: WindowStats | None = None
    meeting = meeting_all = 0
    for window in windows:
        if window.meets:
            meeting += 1
        elif first_failing is None:
            first_failing = window
        if window.meets_all_days:
            meeting_all += 1
        elif first_failing_all is None:
            first_failing_all = window
        if worst is None or _lower_share(window, worst):
            worst = window
        if worst_all is None or (
            window.children_majority_days * worst_all.days < worst_all.children_majority_days * window.days
        ):
            worst_all = window
    return WindowSummary(
        total=len(windows),
        meeting=meeting,
        meeting_all_days=meeting_all,
        latest=windows[-1] if windows else None,
        worst=worst,
        worst_all_days=worst_all,
        first_failing=first_failing,
        first_failing_all_days=first_failing_all,
    )


def summarise_table(table: WindowTable, lo: int = 0, hi: int | None = None) -> WindowSummary:
    """``summarise`` over windows ``lo`` to ``hi`` of a table, on its integers.

    The same rules: reading A meets when there are no occupied days or the majority days are
    more than half of them; reading B when they are more than half of all days; the worst is
    the lowest share (compared exactly, by cross-multiplying), the earliest on a tie.
    """
    hi = len(table) if hi is None else hi
    occupied, majority, starts, ends = table.occupied, table.majority, table.starts, table.ends
    meeting = meeting_all = 0
    first_failing = first_failing_all = worst = worst_all = -1
    for index in range(lo, hi):
        occ = occupied[index]
        cm = majority[index]
        days = ends[index] - starts[index] + 1
        if occ == 0 or 2 * cm > occ:
            meeting += 1
        elif first_failing < 0:
            first_failing = index
        if 2 * cm > days:
            meeting_all += 1
        elif first_failing_all < 0:
            first_failing_all = index
        if (
            occ
            and (worst < 0 or occupied[worst] == 0 or cm * occupied[worst] < majority[worst] * occ)
            or worst < 0
        ):
            worst = index
        if worst_all < 0 or cm * (ends[worst_all] - starts[worst_all] + 1) < majority[worst_all] * days:
            worst_all = index

    def pick(index: int) -> WindowStats | None:
        return None if index < 0 else table.stats(index)

    return WindowSummary(
        total=hi - lo,
        meeting=meeting,
        meeting_all_days=meeting_all,
        latest=pick(hi - 1 if hi > lo else -1),
        worst=pick(worst),
        worst_all_days=pick(worst_all),
        first_failing=pick(first_failing),
        first_failing_all_days=pick(first_failing_all),
    )


def _lower_share(window: WindowStats, than: WindowStats) -> bool:
    """Reading A: is ``window``'s share strictly lower? A window with no occupied days ranks highest."""
    if window.occupied_days == 0:
        return False
    if than.occupied_days == 0:
        return True
    return (
        window.children_majority_days * than.occupied_days
        < than.children_majority_days * window.occupied_days
    )
