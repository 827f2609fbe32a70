"""sccif_core.dates: reading dates as people in England type them, and writing them out in full."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from sccif_core.dates import format_long, parse_date
from sccif_core.errors import InputError
from tests.strategies import date_texts, dates_in_range


class TestParseDate:
    """parse_date: ISO or UK day/month/year text to a date."""

    @pytest.mark.parametrize(
        "text",
        ["2026-11-25", "25/11/2026", "25-11-2026", "25.11.2026", " 25/11/2026 ", "2026-11-25\n"],
    )
    def test_formats(self, text: str) -> None:
        """ISO dates and UK dates with /, - or . all read as 25 November 2026."""
        assert parse_date(text) == date(2026, 11, 25)

    def test_single_digits(self) -> None:
        """UK dates may leave out leading zeros: 5/1/2027 is 5 January 2027, not 1 May."""
        assert parse_date("5/1/2027") == date(2027, 1, 5)
        assert parse_date("2027-1-5") == date(2027, 1, 5)

    def test_leap_day(self) -> None:
        """29 February is a real date in a leap year."""
        assert parse_date("29/02/2028") == date(2028, 2, 29)

    @pytest.mark.parametrize("text", ["31/02/2026", "29/02/2027", "2026-13-01", "00/01/2026", "2026-04-31"])
    def test_impossible_dates(self, text: str) -> None:
        """A date that does not exist says it is not a real date and names the field."""
        with pytest.raises(InputError) as raised:
            parse_date(text, field="start")
        assert raised.value.field == "start"
        assert raised.value.value == text
        assert str(raised.value) == f"Start: '{text}' is not a real date."

    @pytest.mark.parametrize("text", ["tomorrow", "25 November 2026", "11/25", "2026/11/25x", "20261125"])
    def test_not_dates(self, text: str) -> None:
        """Text that is not a date says so and shows the accepted forms."""
        with pytest.raises(InputError) as raised:
            parse_date(text)
        assert "is not a date" in raised.value.problem
        assert "25/11/2026" in raised.value.problem

    @pytest.mark.parametrize("text", ["", "   "])
    def test_empty(self, text: str) -> None:
        """An empty date says a date is needed."""
        with pytest.raises(InputError, match="empty"):
            parse_date(text)

    def test_not_text(self) -> None:
        """A value that is not text (e.g. a number from JSON) is an InputError, not a TypeError."""
        with pytest.raises(InputError):
            parse_date(20261125)  # type: ignore[arg-type]

    def test_row(self) -> None:
        """A row number, when given, is in the message."""
        with pytest.raises(InputError) as raised:
            parse_date("31/02/2024", field="admission_date", row=4)
        assert str(raised.value) == "Row 4, column 'admission_date': '31/02/2024' is not a real date."

    def test_long_text_is_shortened(self) -> None:
        """Very long input is cut short in the message."""
        with pytest.raises(InputError) as raised:
            parse_date("x" * 500)
        assert len(str(raised.value)) < 200

    @given(date_texts())
    def test_round_trip(self, case: tuple[date, str]) -> None:
        """Any date in range typed as ISO, dd/mm/yyyy or d/m/yyyy reads back as itself."""
        day, text = case
        assert parse_date(text) == day


class TestFormatLong:
    """format_long: a date written out in full, GOV.UK style."""

    def test_example(self) -> None:
        """Tuesday 15 December 2026, with no leading zero and no comma."""
        assert format_long(date(2026, 12, 15)) == "Tuesday 15 December 2026"

    def test_single_digit_day(self) -> None:
        """Friday 1 January 2027."""
        assert format_long(date(2027, 1, 1)) == "Friday 1 January 2027"

    @given(dates_in_range())
    def test_names_the_right_weekday(self, day: date) -> None:
        """The weekday written out is the date's own weekday."""
        assert format_long(day).split()[0] == day.strftime("%A")
        assert format_long(day).endswith(f"{day.day} {day.strftime('%B')} {day.year}")
