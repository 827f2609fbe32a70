"""sccif_core.errors: InputError, the one error type for bad input."""

from __future__ import annotations

from sccif_core.errors import InputError
from sccif_core.workdays import OutOfRange


class TestInputError:
    """InputError reads as one sentence saying where the problem is and what it is."""

    def test_problem_only(self) -> None:
        """With no row or field the message is the problem, as a sentence."""
        assert str(InputError("the request must be a JSON object.")) == "The request must be a JSON object."

    def test_field(self) -> None:
        """A field name leads the message, capitalised."""
        error = InputError("enter a date, like 25/11/2026.", field="start")
        assert error.message == "Start: enter a date, like 25/11/2026."

    def test_row(self) -> None:
        """A row number leads the message."""
        assert InputError("too many columns.", row=7).message == "Row 7: too many columns."

    def test_row_and_field(self) -> None:
        """With a row, the field is named as a column."""
        error = InputError("'31/02/2024' is not a real date.", row=4, field="admission_date")
        assert str(error) == "Row 4, column 'admission_date': '31/02/2024' is not a real date."

    def test_as_dict(self) -> None:
        """as_dict gives the browser the problem, row, field and whole message."""
        error = InputError("is not a whole number.", field="days", value="1.5")
        assert error.as_dict() == {
            "problem": "is not a whole number.",
            "row": None,
            "field": "days",
            "message": "Days: is not a whole number.",
        }
        assert error.value == "1.5"

    def test_is_a_value_error(self) -> None:
        """Callers that catch ValueError also catch InputError."""
        assert isinstance(InputError("x"), ValueError)


class TestOutOfRange:
    """OutOfRange, for dates outside the bank-holiday table, is an InputError."""

    def test_is_an_input_error(self) -> None:
        """The CLI and the browser report it like any other bad input."""
        error = OutOfRange("2050-01-01 is outside the years.", field="start")
        assert isinstance(error, InputError)
        assert error.message == "Start: 2050-01-01 is outside the years."
