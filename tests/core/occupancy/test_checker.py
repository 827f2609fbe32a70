"""sccif_core.occupancy.check: hand-worked homes, with every expected number worked out in a comment.

Where the rules come from:
- the test: "for the majority of time in any 12-month period, a home must accommodate more
  children than young adults" (framework anchor wholly-or-mainly-guidelines-2);
- a child is a person under 18 (anchor inspecting-homes-where-young-adults-live-1);
- nights, windows, the two readings, the verdicts and the 29 February setting: the method in
  sccif_core.occupancy.rules.METHOD and READINGS (issue 6).
Month lengths used in the sums: 2024 is a leap year (29 days in February); 2025, 2026 and
2027 are common years.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sccif_core.errors import InputError
from sccif_core.occupancy import OccupancyResult, check, read_csv


def run(text: str, **options: Any) -> OccupancyResult:
    return check(read_csv(text).stays, **options)


def window(result: OccupancyResult, which: str = "latest_window") -> dict[str, Any]:
    value = result.as_dict()[which]
    assert value is not None
    return {
        key: value[key]
        for key in (
            "start",
            "end",
            "days",
            "occupied_days",
            "children_majority_days",
            "meets",
            "meets_all_days",
            "child_nights",
            "young_adult_nights",
        )
    }


class TestBirthdayMidWindow:
    """A child turning 18 in the middle of the only window."""

    HOME = (
        "id,date_of_birth,admission_date,discharge_date\n"
        "AB,2006-04-01,2024-01-01,\n"  # turns 18 on 1 April 2024
        "CD,2009-01-01,2024-01-01,\n"  # a child throughout
    )

    def test_numbers(self) -> None:
        """1 Jan to 31 Mar 2024 are children-majority days (91); from AB's birthday, 1 v 1 is not a majority."""
        result = run(self.HOME, end=date(2024, 12, 31))
        # One window: 1 January to 31 December 2024 (366 days, all occupied).
        # 1 Jan - 31 Mar 2024: 31 + 29 + 31 = 91 days with 2 children, 0 young adults.
        # 1 Apr - 31 Dec 2024: 366 - 91 = 275 days with 1 child (CD) and 1 young adult (AB).
        # Child nights: AB 91 + CD 366 = 457. Young adult nights: AB 275.
        # 2 x 91 = 182 is not more than 366: fails both readings.
        assert window(result) == {
            "start": "2024-01-01",
            "end": "2024-12-31",
            "days": 366,
            "occupied_days": 366,
            "children_majority_days": 91,
            "meets": False,
            "meets_all_days": False,
            "child_nights": 457,
            "young_adult_nights": 275,
        }
        assert result.verdict == "does-not-meet"
        assert result.summary.total == 1
        assert [(p.person, p.turned_18, p.adult_nights) for p in result.young_adults] == [
            ("AB", date(2024, 4, 1), 275)
        ]

    def test_birthday_later_in_the_year_meets(self) -> None:
        """With AB turning 18 on 15 July 2024, 196 of 366 days have a children majority: it meets."""
        home = self.HOME.replace("2006-04-01", "2006-07-15")
        result = run(home, end=date(2024, 12, 31))
        # 1 Jan - 14 Jul 2024: 31 + 29 + 31 + 30 + 31 + 30 + 14 = 196 days with 2 children.
        # 15 Jul - 31 Dec: 17 + 31 + 30 + 31 + 30 + 31 = 170 days, 1 v 1.
        # 2 x 196 = 392 > 366: meets both readings (every day is occupied).
        assert window(result)["children_majority_days"] == 196
        assert window(result)["young_adult_nights"] == 170
        assert result.verdict == "meets"


class TestLeapDayBirthday:
    """Someone born on 29 February 2008 turns 18 in 2026, a common year."""

    HOME = (
        "id,date_of_birth,admission_date,discharge_date\n"
        "AB,29/02/2008,01/03/2025,\n"  # 18 on 1 March 2026 (default) or 28 February 2026
        "YA,01/01/2000,01/03/2025,\n"  # a young adult throughout
        "CH,01/01/2012,30/08/2025,\n"  # a child, arriving on 30 August 2025
    )
    PERIOD = {"start": date(2025, 3, 1), "end": date(2026, 2, 28)}

    def test_first_of_march_default(self) -> None:
        """Under the default AB is still a child on 28 February 2026: 183 of 365 days, so the home meets."""
        result = run(self.HOME, **self.PERIOD)
        # One window: 1 March 2025 to 28 February 2026, 365 days, all occupied.
        # 1 Mar - 29 Aug 2025 (31 + 30 + 31 + 30 + 31 + 29 = 182 days): AB v YA, 1 v 1, no majority.
        # 30 Aug 2025 - 28 Feb 2026 (2 + 30 + 31 + 30 + 31 + 31 + 28 = 183 days): AB, CH v YA, 2 v 1.
        # Child nights: AB 365 + CH 183 = 548. Young adult nights: YA 365.
        # 2 x 183 = 366 > 365: meets.
        assert window(result) == {
            "start": "2025-03-01",
            "end": "2026-02-28",
            "days": 365,
            "occupied_days": 365,
            "children_majority_days": 183,
            "meets": True,
            "meets_all_days": True,
            "child_nights": 548,
            "young_adult_nights": 365,
        }
        assert result.verdict == "meets"
        assert result.leap_birthday == "mar-1"

    def test_twenty_eighth_of_february_setting(self) -> None:
        """With the 28 February setting AB is a young adult that night: 182 of 365 days, so it does not meet."""
        result = run(self.HOME, leap_birthday="feb-28", **self.PERIOD)
        # 28 Feb 2026: CH v AB, YA is 1 v 2, so that day is lost: 183 - 1 = 182 days.
        # Child nights: AB 364 + CH 183 = 547. Young adult nights: YA 365 + AB 1 = 366.
        # 2 x 182 = 364 is not more than 365.
        assert window(result) == {
            "start": "2025-03-01",
            "end": "2026-02-28",
            "days": 365,
            "occupied_days": 365,
            "children_majority_days": 182,
            "meets": False,
            "meets_all_days": False,
            "child_nights": 547,
            "young_adult_nights": 366,
        }
        assert result.verdict == "does-not-meet"

    def test_result_shows_the_other_setting(self) -> None:
        """Because AB's birthday decides the verdict, the result names AB and gives the other setting's verdict."""
        default = run(self.HOME, **self.PERIOD).as_dict()["leap_birthday_comparison"]
        assert default == {
            "leap_birthday": "feb-28",
            "people": ["AB"],
            "verdict": "does-not-meet",
            "verdict_title": "Does not meet the policy",
            "windows_meeting": 0,
            "windows_meeting_all_days": 0,
            "projection_verdict": "does-not-meet",
        }
        other = run(self.HOME, leap_birthday="feb-28", **self.PERIOD).as_dict()["leap_birthday_comparison"]
        assert (other["leap_birthday"], other["verdict"], other["windows_meeting"]) == ("mar-1", "meets", 1)

    def test_young_adult_row(self) -> None:
        """Under 28 February, AB appears as a young adult from 28 February 2026 with 1 adult night."""
        result = run(self.HOME, leap_birthday="feb-28", **self.PERIOD)
        assert [(p.person, p.turned_18, p.adult_nights, p.born_29_february) for p in result.young_adults] == [
            ("YA", date(2018, 1, 1), 365, False),
            ("AB", date(2026, 2, 28), 1, True),
        ]

    def test_no_comparison_without_a_leap_day_birthday(self) -> None:
        """Nobody born on 29 February: no comparison is shown."""
        assert run(TestBirthdayMidWindow.HOME, end=date(2024, 12, 31)).leap_comparison is None


class TestEqualIsNotAMajority:
    """One child and one young adult all year."""

    def test_numbers(self) -> None:
        """1 v 1 is never "more children": 0 children-majority days of 366, so the home does not meet."""
        home = (
            "id,date_of_birth,admission_date,discharge_date\n"
            "YA,2000-01-01,2024-01-01,\n"
            "CH,2012-01-01,2024-01-01,\n"
        )
        result = run(home, end=date(2024, 12, 31))
        # Child nights 366 (CH), young adult nights 366 (YA); no day has more children.
        assert window(result) == {
            "start": "2024-01-01",
            "end": "2024-12-31",
            "days": 366,
            "occupied_days": 366,
            "children_majority_days": 0,
            "meets": False,
            "meets_all_days": False,
            "child_nights": 366,
            "young_adult_nights": 366,
        }
        assert result.verdict == "does-not-meet"
        assert result.as_dict()["worst_window"]["share"] == 0


class TestEmptyStretches:
    """A home that stands empty for part of the year: the two readings differ."""

    HOME = (
        "id,date_of_birth,admission_date,discharge_date\n"
        "CH,2012-01-01,2024-01-01,2024-05-01\n"  # nights 1 Jan - 30 Apr 2024: 31 + 29 + 31 + 30 = 121
        "YA,2000-01-01,2024-06-01,2024-08-01\n"  # nights 1 Jun - 31 Jul 2024: 30 + 31 = 61
    )

    def test_readings_differ(self) -> None:
        """121 of 182 occupied days meets reading A; 121 of 366 days fails reading B."""
        result = run(self.HOME, end=date(2024, 12, 31))
        # Occupied: 121 + 61 = 182 days. Children majority: CH's 121 days.
        # A: 2 x 121 = 242 > 182, meets. B: 242 is not more than 366, fails.
        assert window(result) == {
            "start": "2024-01-01",
            "end": "2024-12-31",
            "days": 366,
            "occupied_days": 182,
            "children_majority_days": 121,
            "meets": True,
            "meets_all_days": False,
            "child_nights": 121,
            "young_adult_nights": 61,
        }
        assert result.verdict == "depends-on-empty-days"
        assert result.as_dict()["verdict_text"].startswith(
            "It depends on how days with nobody resident are counted"
        )

    def test_an_empty_window_meets_reading_a_only(self) -> None:
        """Windows after everyone left have no occupied days: they meet reading A and fail reading B."""
        result = run(self.HOME, end=date(2025, 12, 31))
        # Windows start 1 Jan 2024 .. 1 Jan 2025: 367 windows (2024 has 366 days, plus 1 Jan 2025).
        # Those starting on or after 1 August 2024 (YA's last night was 31 July) have nobody:
        # 1 Aug - 31 Dec 2024 is 31 + 30 + 31 + 30 + 31 = 153 starts, plus 1 Jan 2025: 154.
        assert result.summary.total == 367
        latest = result.as_dict()["latest_window"]
        assert (latest["start"], latest["occupied_days"], latest["meets"], latest["meets_all_days"]) == (
            "2025-01-01",
            0,
            True,
            False,
        )
        assert latest["share"] is None
        assert sum(1 for w in result.windows[:367] if w.occupied_days == 0) == 154
        # Reading A: the worst window is never an empty one; it is the earliest with the lowest share.
        worst = result.as_dict()["worst_window"]
        assert worst["occupied_days"] > 0
        assert result.verdict == "does-not-meet"

    def test_worst_window_reading_a(self) -> None:
        """Reading A's worst window: the first one whose only occupied days are YA's 61."""
        result = run(self.HOME, end=date(2025, 12, 31))
        # From the window starting 1 May 2024, CH's nights are outside it and YA's 61 days are all
        # occupied days with no majority: share 0. The earliest such window starts on 1 May 2024.
        worst = result.as_dict()["worst_window"]
        assert (worst["start"], worst["end"], worst["occupied_days"], worst["children_majority_days"]) == (
            "2024-05-01",
            "2025-04-30",
            61,
            0,
        )


class TestWindowEdges:
    """Stays that begin or end on a window's first or last day."""

    HOME = (
        "id,date_of_birth,admission_date,discharge_date\n"
        "C1,2012-01-01,2024-02-01,2024-03-01\n"  # last night 29 Feb 2024
        "C2,2012-06-01,2024-03-01,2024-03-02\n"  # one night, 1 March 2024
        "YA,2000-01-01,2025-02-28,\n"  # first night 28 Feb 2025
    )

    def test_two_windows(self) -> None:
        """From 29 Feb 2024 to 28 Feb 2025 there are exactly two windows, and edge nights fall as expected."""
        result = run(self.HOME, start=date(2024, 2, 29), end=date(2025, 2, 28))
        first, second = result.windows[:2]
        assert result.summary.total == 2
        # 29 Feb 2024 -> 27 Feb 2025 (29 Feb 2025 does not exist): 365 days.
        # Occupied: 29 Feb (C1's last night) and 1 Mar (C2); both children-majority days.
        # YA arrives on 28 Feb 2025, the day after this window ends.
        assert first.as_dict() | {"share": None, "share_all_days": None} == {
            "start": "2024-02-29",
            "end": "2025-02-27",
            "days": 365,
            "occupied_days": 2,
            "children_majority_days": 2,
            "meets": True,
            "meets_all_days": False,
            "share": None,
            "share_all_days": None,
            "child_nights": 2,
            "young_adult_nights": 0,
        }
        # 1 Mar 2024 -> 28 Feb 2025: 365 days. C1 left on 1 March, so not counted that night.
        # Occupied: 1 Mar 2024 (C2, a majority) and 28 Feb 2025 (YA's first night, 0 v 1).
        # A: 2 x 1 = 2 is not more than 2: fails.
        assert (
            second.start,
            second.end,
            second.days,
            second.occupied_days,
            second.children_majority_days,
        ) == (date(2024, 3, 1), date(2025, 2, 28), 365, 2, 1)
        assert (second.child_nights, second.young_adult_nights, second.meets) == (1, 1, False)
        assert (result.summary.meeting, result.summary.meeting_all_days) == (1, 0)
        assert result.verdict == "does-not-meet"
        assert result.summary.latest == second
        assert result.summary.worst == second  # share 1/2 < 2/2
        assert result.summary.worst_all_days == second  # 1/365 < 2/365

    def test_period_ending_28_february_in_a_leap_year(self) -> None:
        """No window ends on 28 February 2028: the latest ends on 27 February and a note says why."""
        home = "id,dob,admitted,left\nC1,2015-01-01,2026-01-01,\n"
        result = run(home, start=date(2027, 1, 1), end=date(2028, 2, 28))
        # The window starting 28 Feb 2027 ends 27 Feb 2028; the one starting 1 Mar 2027 ends 29 Feb 2028.
        assert result.summary.latest is not None
        assert (result.summary.latest.start, result.summary.latest.end) == (
            date(2027, 2, 28),
            date(2028, 2, 27),
        )
        assert result.as_dict()["notes"] == [
            "No 12-month window ends exactly on the period's last day (2028-02-28): the window starting "
            "on 2027-02-28 ends on 2028-02-27 and the next one would end on 2028-02-29. The latest window "
            "checked ends on 2028-02-27."
        ]


class TestMultipleStays:
    """One person leaving and coming back."""

    HOME = (
        "id,date_of_birth,admission_date,discharge_date\n"
        "AB,2007-07-01,2025-01-01,2025-03-01\n"  # 59 nights as a child (31 + 28)
        "CD,2011-01-01,2025-01-01,\n"
        "AB,2007-07-01,2025-06-01,\n"  # back on 1 June; 18 on 1 July 2025
    )

    def test_numbers(self) -> None:
        """Both stays count, and the second crosses AB's 18th birthday: 181 of 365 days, so it does not meet."""
        result = run(self.HOME, end=date(2025, 12, 31))
        # 1 Jan - 28 Feb (59 days): AB, CD children.   1 Mar - 31 May (31 + 30 + 31 = 92): CD alone.
        # 1 - 30 Jun (30): AB, CD children.             1 Jul - 31 Dec (184): AB adult v CD, 1 v 1.
        # Children-majority days: 59 + 92 + 30 = 181. 2 x 181 = 362 is not more than 365.
        # Child nights: AB 59 + 30 = 89, CD 365: 454. Young adult nights: AB 184.
        assert window(result) == {
            "start": "2025-01-01",
            "end": "2025-12-31",
            "days": 365,
            "occupied_days": 365,
            "children_majority_days": 181,
            "meets": False,
            "meets_all_days": False,
            "child_nights": 454,
            "young_adult_nights": 184,
        }
        assert (result.people, result.stays) == (2, 3)
        [ab] = result.young_adults
        assert (ab.person, ab.turned_18, ab.adult_nights, ab.still_resident) == (
            "AB",
            date(2025, 7, 1),
            184,
            True,
        )

    def test_uk_and_iso_dates_give_the_same_result(self) -> None:
        """The same home written with UK dates (and d/m/yyyy) gives identical figures."""
        uk = (
            "id,date_of_birth,admission_date,discharge_date\n"
            "AB,01/07/2007,01/01/2025,01/03/2025\n"
            "CD,1/1/2011,2025-01-01,\n"
            "AB,1/7/2007,01/06/2025,\n"
        )
        assert run(uk, end=date(2025, 12, 31)).as_dict() == run(self.HOME, end=date(2025, 12, 31)).as_dict()


class TestPeriod:
    """The period: from the earliest admission to today, unless given."""

    HOME = "id,date_of_birth,admission_date,discharge_date\nCH,2012-01-01,2024-01-01,\n"

    def test_defaults_to_earliest_admission_and_today(self) -> None:
        """With no dates given the period runs from 1 January 2024 to the injected today."""
        result = run(self.HOME, today=date(2025, 6, 30))
        assert (result.period_start, result.period_end) == (date(2024, 1, 1), date(2025, 6, 30))
        # Windows start 1 Jan 2024 .. 1 Jul 2024 (ends 30 Jun 2025): 31 + 29 + 31 + 30 + 31 + 30 + 1 = 183.
        assert result.summary.total == 183
        assert result.verdict == "meets"

    def test_shorter_than_twelve_months(self) -> None:
        """1 January to 30 December 2024 holds no whole window: not enough history."""
        result = run(self.HOME, end=date(2024, 12, 30))
        assert result.verdict == "not-enough-history"
        data = result.as_dict()
        assert (data["windows_total"], data["latest_window"], data["worst_window"]) == (0, None, None)

    def test_end_before_start(self) -> None:
        """A period ending before it starts is an error naming the option."""
        with pytest.raises(InputError) as raised:
            run(self.HOME, end=date(2023, 12, 31))
        assert raised.value.field == "to"

    def test_period_after_the_data(self) -> None:
        """A period that starts after everyone left has only empty days: reading A meets, B does not."""
        home = "id,dob,admitted,left\nCH,2012-01-01,2020-01-01,2020-06-01\n"
        result = run(home, start=date(2024, 1, 1), end=date(2024, 12, 31))
        assert result.verdict == "depends-on-empty-days"
