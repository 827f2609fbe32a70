"""The one supported date range (1 January 1900 to 31 December 2200) and the "no end date" placeholder (issue 19, case 1)."""

from __future__ import annotations

from datetime import date

import pytest

from sccif_core import browser_api
from sccif_core.dates import (
    FIRST_SUPPORTED,
    LAST_SUPPORTED,
    NO_END_DATE,
    SUPPORTED_RANGE,
    check_result,
    check_supported,
    is_no_end_date,
    parse_date,
)
from sccif_core.errors import InputError
from sccif_core.occupancy import check, preview_csv, read_csv
from sccif_core.timelines import compute

HEADER = "id,date_of_birth,admission_date,discharge_date\n"


class TestSupportedRange:
    """parse_date and check_supported: dates from 1 January 1900 to 31 December 2200, refused outside it."""

    def test_the_range_in_words(self) -> None:
        """The range is stated once, in words, for help texts and messages."""
        assert (date(1900, 1, 1), date(2200, 12, 31)) == (FIRST_SUPPORTED, LAST_SUPPORTED)
        assert SUPPORTED_RANGE == "1 January 1900 to 31 December 2200"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("1900-01-01", date(1900, 1, 1)),
            ("01/01/1900", date(1900, 1, 1)),
            ("2200-12-31", date(2200, 12, 31)),
        ],
    )
    def test_the_ends_are_read(self, text: str, expected: date) -> None:
        """The first and last supported days are read like any other date."""
        assert parse_date(text) == expected

    @pytest.mark.parametrize(
        "text", ["1899-12-31", "2201-01-01", "0001-01-01", "9999-12-31", "31/12/9999", "9990-01-01"]
    )
    def test_outside_the_range_is_refused_naming_the_field(self, text: str) -> None:
        """A real date outside the range is refused with a one-line message naming the field and the range."""
        with pytest.raises(InputError) as raised:
            parse_date(text, field="to", row=3)
        error = raised.value
        assert (error.field, error.row, error.value) == ("to", 3, text)
        assert error.message == (
            f"Row 3, column 'to': '{text}' is outside the dates these tools work with "
            "(1 January 1900 to 31 December 2200)."
        )
        assert "\n" not in error.message

    def test_a_date_object_is_checked_too(self) -> None:
        """check_supported refuses a date object outside the range (the library's callers pass dates)."""
        assert check_supported(date(2026, 1, 1), field="from") == date(2026, 1, 1)
        with pytest.raises(InputError, match="outside the dates these tools work with"):
            check_supported(date(1, 1, 1), field="from")

    def test_a_result_past_the_end_names_the_date_it_was_counted_from(self) -> None:
        """A date worked out past 31 December 2200 is refused, naming the input it was counted from."""
        assert check_result(date(2200, 12, 31), field="visit") == date(2200, 12, 31)
        with pytest.raises(InputError) as raised:
            check_result(date(2201, 2, 25), field="visit")
        assert raised.value.field == "visit"
        assert raised.value.problem.startswith("counting from this date runs past 31 December 2200")
        with pytest.raises(InputError, match="runs before 1 January 1900"):
            check_result(date(1899, 6, 30), field="needed")


class TestNoEndDate:
    """is_no_end_date: 31 December 9999, the usual 'no end date' placeholder, in any accepted form."""

    @pytest.mark.parametrize("text", ["9999-12-31", "31/12/9999", " 31.12.9999 ", "31-12-9999"])
    def test_the_placeholder(self, text: str) -> None:
        """9999-12-31 written any way a date may be written is the placeholder."""
        assert date(9999, 12, 31) == NO_END_DATE
        assert is_no_end_date(text)

    @pytest.mark.parametrize("text", ["9999-12-30", "2026-12-31", "", "none", "31/12/99999"])
    def test_other_text_is_not(self, text: str) -> None:
        """Any other date, or text that is not a date, is not the placeholder."""
        assert not is_no_end_date(text)


class TestOccupancyEdges:
    """Issue 19, case 1: the occupancy check with dates at the ends of the calendar."""

    def test_case_1_a_discharge_date_of_9999_12_31_means_still_resident(self) -> None:
        """A discharge date of 9999-12-31 is read as blank: still resident, and the rows are listed in a note."""
        placeholder = read_csv(
            HEADER + "AB,2008-01-01,2024-01-01,9999-12-31\nCD,2009-01-01,2024-01-01,31/12/9999 00:00\n"
        )
        blank = read_csv(HEADER + "AB,2008-01-01,2024-01-01,\nCD,2009-01-01,2024-01-01,\n")
        assert [stay.discharge for stay in placeholder.stays] == [None, None]
        assert placeholder.no_end_date_rows == (2, 3)
        assert placeholder.notes == (
            "Rows 2, 3 have the discharge date 31/12/9999, a common placeholder for 'no end date': "
            "read as still resident, like a blank discharge date.",
        )
        assert placeholder.as_dict()["no_end_date_rows"] == [2, 3]
        assert blank.notes == ()
        kept, left_blank = (
            check(parsed.stays, end=date(2025, 6, 1)).as_dict() for parsed in (placeholder, blank)
        )
        assert kept == left_blank

    def test_case_1_the_browser_result_and_preview_say_how_the_placeholder_was_read(self) -> None:
        """occupancy.check adds the note to the notes the page shows; occupancy.preview lists the rows."""
        csv = HEADER + "AB,2006-01-01,2024-01-01,9999-12-31\n"  # 18 on 1 January 2024
        payload = {"csv": csv, "to": "2025-06-01", "series": False}
        result = browser_api.FUNCTIONS["occupancy.check"](payload)
        assert result["notes"][-1].startswith("Row 2 has the discharge date 31/12/9999")
        assert result["young_adults"][0]["still_resident"] is True
        preview = preview_csv(csv)
        assert preview["no_end_date_rows"] == [2]
        assert preview["notes"][0].startswith("Row 2 has the discharge date 31/12/9999")

    def test_case_1_a_planned_admission_may_use_the_placeholder(self) -> None:
        """A planned admission with the discharge date 9999-12-31 stays to the end of the projection."""
        payload = {
            "csv": HEADER + "AB,2010-01-01,2024-01-01,\n",
            "to": "2025-06-01",
            "series": False,
            "planned_admissions": [
                {
                    "id": "N1",
                    "date_of_birth": "2011-05-05",
                    "admission_date": "2025-07-01",
                    "discharge_date": "9999-12-31",
                }
            ],
        }
        result = browser_api.FUNCTIONS["occupancy.check"](payload)
        assert result["projection"]["planned_admissions"][0]["discharge_date"] is None

    @pytest.mark.parametrize("discharge", ["3000-01-01", "2201-01-01"])
    def test_case_1_any_other_far_date_is_refused_naming_row_and_column(self, discharge: str) -> None:
        """A discharge date past the range that is not the placeholder is an input error naming the row and column."""
        with pytest.raises(InputError) as raised:
            read_csv(HEADER + f"AB,2008-01-01,2024-01-01,{discharge}\n")
        assert (raised.value.row, raised.value.field) == (2, "discharge_date")

    @pytest.mark.parametrize("field", ["start", "end", "today"])
    def test_case_1_the_library_refuses_period_dates_outside_the_range(self, field: str) -> None:
        """check() given a date object outside the range (here 1 January 0001) refuses it, naming the argument."""
        stays = read_csv(HEADER + "AB,2008-01-01,2024-01-01,\n").stays
        with pytest.raises(InputError) as raised:
            check(stays, **{field: date(1, 1, 1)})  # type: ignore[arg-type]
        assert raised.value.field == {"start": "from", "end": "to", "today": "today"}[field]

    def test_case_1_the_projection_stops_at_the_last_supported_day(self) -> None:
        """A period ending near 31 December 2200 projects up to that day, and says so, rather than past it."""
        stays = read_csv(HEADER + "AB,2190-01-01,2200-01-01,\n").stays
        result = check(stays, end=date(2200, 6, 30))
        # The projection would run 10 years (MAX_YEARS_AHEAD) but the supported range ends first.
        assert result.projection.end == date(2200, 12, 31)
        assert result.projection.capped
        assert "The projection stops at 2200-12-31, the last date these tools work with." in result.notes

    def test_case_1_the_whole_supported_range_can_be_checked(self) -> None:
        """A period from 1 January 1900 to 31 December 2200 (109,938 days) is checked, with every window counted."""
        stays = read_csv(HEADER + "AB,1900-01-01,1900-01-01,1917-06-01\nCD,2190-01-01,2190-01-01,\n").stays
        result = check(stays, start=date(1900, 1, 1), end=date(2200, 12, 31))
        assert result.period_days == (date(2200, 12, 31) - date(1900, 1, 1)).days + 1 == 109_938
        # One window per start day from 1 January 1900 to 1 January 2200 (ending 31 December 2200).
        assert result.summary.total == (date(2200, 1, 1) - date(1900, 1, 1)).days + 1


class TestTimelineEdges:
    """Issue 19, case 1: timelines whose dates would be counted past the supported range."""

    @pytest.mark.parametrize(
        ("kind", "fields", "field"),
        [
            ("reg44", {"visits": ["2200-12-31"]}, "visits"),
            ("inspection-year", {"date": "2200-12-31"}, "date"),
            ("interpreter", {"needed": "1900-01-01"}, "needed"),
            ("manager", {"vacancy": "2200-12-30"}, "vacancy"),
        ],
    )
    def test_case_1_a_result_outside_the_range_is_an_input_error(
        self, kind: str, fields: dict[str, object], field: str
    ) -> None:
        """A date counted from the last (or first) supported day that leaves the range is refused, naming the input."""
        with pytest.raises(InputError) as raised:
            compute(kind, fields)
        assert raised.value.field == field
        assert "outside the dates these tools work with" in raised.value.problem


class TestLargeResults:
    """Issue 19, case 6 (the core's part): lists that grow with the records can be sent a page at a time."""

    def test_case_6_list_limit_sends_the_first_rows_and_the_totals(self) -> None:
        """With list_limit 2, three young adults and three open stays come back as two of each, with totals of three."""
        csv = HEADER + "".join(f"Y{n},2000-01-0{n},2024-01-01,\n" for n in (1, 2, 3))  # all adults throughout
        full = browser_api.FUNCTIONS["occupancy.check"]({"csv": csv, "to": "2024-12-31", "series": False})
        cut = browser_api.FUNCTIONS["occupancy.check"](
            {"csv": csv, "to": "2024-12-31", "series": False, "list_limit": 2}
        )
        assert full["lists"]["young_adults"] == {"total": 3, "shown": 3}
        assert cut["lists"]["young_adults"] == {"total": 3, "shown": 2}
        assert cut["lists"]["open_stays"] == {"total": 3, "shown": 2}
        assert cut["young_adults"] == full["young_adults"][:2]
        assert cut["projection"]["open_stays"] == full["projection"]["open_stays"][:2]
        assert cut["verdict"] == full["verdict"] and cut["windows_total"] == full["windows_total"]

    @pytest.mark.parametrize("limit", [0, -1, "2", True, 100_001])
    def test_case_6_a_bad_list_limit_is_an_input_error(self, limit: object) -> None:
        """list_limit must be a whole number from 1 to 100,000."""
        with pytest.raises(InputError, match="list_limit must be a whole number from 1 to 100000"):
            browser_api.FUNCTIONS["occupancy.check"](
                {"csv": HEADER + "A,2000-01-01,2024-01-01,\n", "list_limit": limit}
            )


class TestLongPeriods:
    """Issue 19, case 5 (the core's part): a long period's chart data gives its scale without a day-by-day spread."""

    def test_case_5_the_series_gives_the_most_children_and_young_adults(self) -> None:
        """Over 1900 to 2200 the series says the most children (2) and young adults (2) on any night."""
        csv = (
            HEADER
            + "A,1900-01-01,1900-01-01,1950-01-01\nB,1905-06-01,1910-01-01,1930-01-01\nC,2180-01-01,2199-01-01,\n"
        )
        result = browser_api.FUNCTIONS["occupancy.check"](
            {"csv": csv, "from": "1900-01-01", "to": "2200-12-31"}
        )
        series = result["series"]
        # From 1 January 1910 A and B are both children; A turns 18 on 1 January 1918 and B on
        # 1 June 1923, so both are young adults until B leaves on 1 January 1930.
        assert (series["most_children"], series["most_young_adults"]) == (2, 2)
        assert series["days"] == 109_938
