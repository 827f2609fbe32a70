"""sccif_core.occupancy projection and what-if: when the trailing 12-month window would stop meeting the policy.

Where the rules come from: the test is the framework's (anchor wholly-or-mainly-guidelines-2);
the projection's assumptions (open stays continue until a planned discharge; 18th birthdays
are known) are issue 6's. 2026, 2027 and 2029 are common years; 2028 is a leap year.
"""

from __future__ import annotations

from datetime import date

import pytest

from sccif_core.errors import InputError
from sccif_core.occupancy import OccupancyResult, Stay, check, planned_admission, read_csv

HOME = (
    "id,date_of_birth,admission_date,discharge_date\n"
    "AB,2008-09-15,2025-01-01,\n"  # 18 on 15 September 2026
    "CD,2011-01-01,2025-01-01,\n"  # 18 on 1 January 2029
)
END = date(2025, 12, 31)


def run(**options: object) -> OccupancyResult:
    return check(read_csv(HOME).stays, end=END, **options)  # type: ignore[arg-type]


class TestProjection:
    """The projection from the day after the period."""

    def test_first_failing_date(self) -> None:
        """From AB's 18th birthday the home has 1 child and 1 young adult; the trailing window fails on 16 March 2027."""
        result = run()
        assert result.verdict == "meets"  # two children all through 2025
        projection = result.projection
        # Window ending E (365 days) has E - 14 Sep 2026 days from AB's birthday with no majority.
        # It fails when those reach 183: 14 Sep 2026 + 183 days = 16 Mar 2027
        # (16 + 31 + 30 + 31 + 31 + 28 + 16 = 183).
        # Window 17 Mar 2026 - 16 Mar 2027: 15 + 30 + 31 + 30 + 31 + 31 + 14 = 182 majority days.
        assert projection.fails_from == date(2027, 3, 16)
        assert projection.fails_from_all_days == date(2027, 3, 16)  # every day occupied: same date
        window = projection.as_dict()["first_failing_window"]
        assert (
            window["start"],
            window["end"],
            window["children_majority_days"],
            window["occupied_days"],
        ) == ("2026-03-17", "2027-03-16", 182, 365)
        assert projection.start == date(2026, 1, 1)
        # The last change is CD's 18th birthday, 1 January 2029; the window starting then ends 31 December 2029.
        assert projection.end == date(2029, 12, 31)
        assert projection.as_dict()["upcoming_18th_birthdays"] == [
            {"id": "AB", "turns_18": "2026-09-15"},
            {"id": "CD", "turns_18": "2029-01-01"},
        ]
        assert [stay.as_dict() for stay in projection.open_stays] == [
            {"id": "AB", "admission_date": "2025-01-01", "planned_discharge": None},
            {"id": "CD", "admission_date": "2025-01-01", "planned_discharge": None},
        ]

    def test_planned_discharge_moves_the_date(self) -> None:
        """If AB leaves on 1 December 2026, CD alone keeps a majority until CD turns 18: fails on 2 July 2029."""
        result = run(planned_discharges={"AB": date(2026, 12, 1)})
        # 15 Sep - 30 Nov 2026: 77 days of 1 v 1, never 183 in a window.
        # From 1 Jan 2029 CD is a young adult alone. Window ending 2 Jul 2029 (from 3 Jul 2028, no
        # 29 February in it): 3 Jul - 31 Dec 2028 = 29 + 31 + 30 + 31 + 30 + 31 = 182 majority days.
        assert result.projection.fails_from == date(2029, 7, 2)
        assert result.projection.summary.verdict == "does-not-meet"
        assert result.verdict == "meets"  # the history is unchanged by a plan
        assert result.projection.open_stays[0].planned_discharge == date(2026, 12, 1)

    def test_planned_admission_moves_the_date(self) -> None:
        """A child admitted on AB's 18th birthday keeps the majority (2 v 1) until CD turns 18."""
        child = planned_admission("GH", date(2014, 1, 1), date(2026, 9, 15))
        result = run(planned_admissions=[child])
        # From 15 Sep 2026: CD, GH v AB; from 1 Jan 2029: GH v AB, CD, 1 v 2. Fails 2 July 2029 as above.
        assert result.projection.fails_from == date(2029, 7, 2)
        assert result.projection.as_dict()["planned_admissions"] == [
            {
                "id": "GH",
                "date_of_birth": "2014-01-01",
                "admission_date": "2026-09-15",
                "discharge_date": None,
            }
        ]

    def test_empty_home_fails_only_reading_b(self) -> None:
        """If both leave before turning 18, reading A never fails; reading B fails once empty days outnumber."""
        result = run(planned_discharges={"AB": date(2026, 9, 1), "CD": date(2026, 9, 1)})
        projection = result.projection
        # Last night 31 Aug 2026. A window ending E starts E - 364 days; it has a majority on
        # 31 Aug 2026 - start + 1 days. That is 182 for the window 3 Mar 2026 - 2 Mar 2027
        # (29 + 30 + 31 + 30 + 31 + 31 = 182): the first to fail reading B.
        assert (projection.fails_from, projection.fails_from_all_days) == (None, date(2027, 3, 2))
        assert projection.summary.verdict == "depends-on-empty-days"


class TestPlanErrors:
    """Plans that cannot apply say why, naming the option."""

    def test_unknown_id(self) -> None:
        """A planned discharge for an id not in the records is an error on planned_discharge."""
        with pytest.raises(InputError) as raised:
            run(planned_discharges={"ZZ": date(2026, 1, 5)})
        assert raised.value.field == "planned_discharge"
        assert "'ZZ'" in raised.value.problem

    def test_discharge_in_the_past(self) -> None:
        """A planned discharge on or before the period's last day belongs in the records."""
        with pytest.raises(InputError) as raised:
            run(planned_discharges={"AB": END})
        assert raised.value.field == "planned_discharge"
        assert "must be after the period's last day, 2025-12-31" in raised.value.problem

    def test_no_open_stay(self) -> None:
        """Someone already discharged has no discharge to plan."""
        stays = [Stay("AB", date(2010, 1, 1), date(2025, 1, 1), date(2025, 6, 1), row=2)]
        with pytest.raises(InputError) as raised:
            check(stays, end=END, planned_discharges={"AB": date(2026, 1, 5)})
        assert raised.value.field == "planned_discharge"

    def test_admission_in_the_past(self) -> None:
        """A planned admission must come after the period."""
        with pytest.raises(InputError) as raised:
            run(planned_admissions=[planned_admission("GH", date(2014, 1, 1), END)])
        assert raised.value.field == "planned admission 1"

    def test_admission_overlapping_a_current_stay(self) -> None:
        """Planning to admit someone who is still resident is an overlap."""
        with pytest.raises(InputError) as raised:
            run(planned_admissions=[planned_admission("AB", date(2008, 9, 15), date(2026, 3, 1))])
        assert "overlaps" in raised.value.problem

    def test_admission_with_other_birth_date(self) -> None:
        """A planned admission reusing an id must have the same date of birth."""
        with pytest.raises(InputError) as raised:
            run(planned_admissions=[planned_admission("AB", date(2009, 1, 1), date(2026, 3, 1))])
        assert raised.value.field == "planned admission 1"
