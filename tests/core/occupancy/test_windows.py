"""sccif_core.occupancy.windows: 12-month windows, daily counts and summaries.

Where the rules come from: the framework's guidelines accept "any 12-month period"
(anchor wholly-or-mainly-guidelines-2); the window rule ("S up to the day before the
same date 12 months later; the month's last day if that day does not exist") and the
nights rule ("from the admission date up to, but not including, the discharge date")
are the method stated in sccif_core.occupancy.rules.METHOD (issue 6).
"""

from __future__ import annotations

from datetime import date

import pytest

from sccif_core.occupancy import Stay, add_months, daily_counts, window_end
from sccif_core.occupancy.windows import Sweep, WindowStats, summarise


class TestWindowEnd:
    """window_end(start): the last day of the 12-month window starting on start."""

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            # An ordinary date: the day before 15 March 2026.
            (date(2025, 3, 15), date(2026, 3, 14)),
            # 1 January: the window is a calendar year.
            (date(2025, 1, 1), date(2025, 12, 31)),
            # A window containing 29 February 2024 has 366 days: 1 March 2023 to 29 February 2024.
            (date(2023, 3, 1), date(2024, 2, 29)),
            # The example: 29 February 2025 does not exist, so 28 February 2025 less a day.
            (date(2024, 2, 29), date(2025, 2, 27)),
            # 28 February 2024 -> 28 February 2025 exists: the window also ends on 27 February 2025.
            (date(2024, 2, 28), date(2025, 2, 27)),
            # 1 March 2024 -> the day before 1 March 2025.
            (date(2024, 3, 1), date(2025, 2, 28)),
            # 31 December -> the day before 31 December next year.
            (date(2025, 12, 31), date(2026, 12, 30)),
        ],
    )
    def test_examples(self, start: date, end: date) -> None:
        """Each start gives the end written out beside it."""
        assert window_end(start) == end

    def test_add_months_clamps_to_month_end(self) -> None:
        """A day of the month that does not exist becomes the month's last day (31 January + 1 month)."""
        assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
        assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
        assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
        assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


class TestDailyCounts:
    """daily_counts(stays, start, end): children and young adults accommodated each night."""

    def test_nights_exclude_discharge_day(self) -> None:
        """A stay from 1 to 4 March counts the nights of 1, 2 and 3 March, not 4 March."""
        stay = Stay("AB", date(2010, 1, 1), date(2025, 3, 1), date(2025, 3, 4))
        counts = daily_counts([stay], date(2025, 2, 28), date(2025, 3, 5))
        # 28 Feb, 1, 2, 3, 4, 5 March
        assert counts.children == (0, 1, 1, 1, 0, 0)
        assert counts.young_adults == (0, 0, 0, 0, 0, 0)

    def test_same_day_admission_and_discharge_has_no_nights(self) -> None:
        """Admitted and discharged on the same day: no night accommodated."""
        stay = Stay("AB", date(2010, 1, 1), date(2025, 3, 1), date(2025, 3, 1))
        assert daily_counts([stay], date(2025, 3, 1), date(2025, 3, 2)).children == (0, 0)

    def test_eighteenth_birthday_night_is_adult(self) -> None:
        """The night of the 18th birthday is a young adult's night; the night before is a child's."""
        stay = Stay("AB", date(2007, 6, 10), date(2025, 6, 1), None)
        counts = daily_counts([stay], date(2025, 6, 8), date(2025, 6, 11))
        # 8 and 9 June: 17 years old; 10 June 2025 is the 18th birthday.
        assert counts.children == (1, 1, 0, 0)
        assert counts.young_adults == (0, 0, 1, 1)

    def test_open_stay_runs_to_the_end(self) -> None:
        """A blank discharge date means still resident, to the last day counted."""
        stay = Stay("AB", date(2010, 1, 1), date(2025, 1, 30), None)
        assert daily_counts([stay], date(2025, 1, 29), date(2025, 2, 2)).children == (0, 1, 1, 1, 1)

    def test_empty_range(self) -> None:
        """An end before the start gives no days."""
        assert daily_counts([], date(2025, 1, 2), date(2025, 1, 1)).days == 0


class TestWindowStats:
    """WindowStats: the two readings of one window."""

    def test_reading_a_sets_empty_days_aside(self) -> None:
        """121 children-majority days out of 182 occupied meets reading A but not B (365 days)."""
        window = WindowStats(date(2025, 1, 1), date(2025, 12, 31), 365, 182, 121, 121, 61)
        # A: 2 x 121 = 242 > 182. B: 242 is not more than 365.
        assert (window.meets, window.meets_all_days) == (True, False)

    def test_exactly_half_is_not_a_majority(self) -> None:
        """Half the days is not "more than half": 183 of 366 fails both readings."""
        window = WindowStats(date(2023, 3, 1), date(2024, 2, 29), 366, 366, 183, 0, 0)
        assert (window.meets, window.meets_all_days) == (False, False)

    def test_no_occupied_days_meets_reading_a(self) -> None:
        """A window with nobody resident meets reading A, fails reading B, and has no share under A."""
        window = WindowStats(date(2025, 1, 1), date(2025, 12, 31), 365, 0, 0, 0, 0)
        assert (window.meets, window.meets_all_days, window.share) == (True, False, None)


class TestSummarise:
    """summarise(windows): counts, latest, worst and first failing windows."""

    def make(self, start_day: int, occupied: int, majority: int) -> WindowStats:
        start = date(2025, 1, start_day)
        return WindowStats(start, window_end(start), 365, occupied, majority, 0, 0)

    def test_worst_is_lowest_share_then_earliest(self) -> None:
        """On a tie of shares the earliest window is the worst; an empty window is never worst under A."""
        windows = [self.make(1, 0, 0), self.make(2, 100, 40), self.make(3, 200, 80), self.make(4, 10, 9)]
        summary = summarise(windows)
        # Shares under A: none, 0.4, 0.4, 0.9 -> the earliest 0.4 (2 January).
        assert summary.worst is windows[1]
        # Under B: 0/365 is the lowest.
        assert summary.worst_all_days is windows[0]
        assert summary.latest is windows[3]
        assert (summary.total, summary.meeting, summary.meeting_all_days) == (4, 2, 0)
        assert summary.first_failing is windows[1]
        assert summary.first_failing_all_days is windows[0]
        assert summary.verdict == "does-not-meet"

    def test_verdicts(self) -> None:
        """The four verdicts come from the two readings as the issue defines them."""
        assert summarise([]).verdict == "not-enough-history"
        assert summarise([self.make(1, 365, 183)]).verdict == "meets"
        assert summarise([self.make(1, 182, 121)]).verdict == "depends-on-empty-days"
        assert summarise([self.make(1, 182, 91)]).verdict == "does-not-meet"


class TestSweep:
    """Sweep: prefix sums give any window's figures."""

    def test_window_offsets_respect_bounds(self) -> None:
        """Windows start on each day from the first start and stop once one would end after the last day."""
        counts = daily_counts([], date(2024, 2, 28), date(2025, 2, 28))
        offsets = list(Sweep(counts).window_offsets(date(2024, 2, 28), date(2025, 2, 28)))
        # 28 Feb 2024 -> 27 Feb 2025 (offset 365); 29 Feb 2024 -> 27 Feb 2025; 1 Mar 2024 -> 28 Feb 2025.
        assert offsets == [(0, 365), (1, 365), (2, 366)]
