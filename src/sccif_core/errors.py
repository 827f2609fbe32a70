"""The one error type for bad input, worded for the person who typed it."""

from __future__ import annotations


class InputError(ValueError):
    """Input that cannot be used, with where it came from and what is wrong.

    ``str()`` reads as one sentence, e.g.
    "Row 4, column 'admission_date': '31/02/2024' is not a real date."
    """

    def __init__(
        self,
        problem: str,
        *,
        row: int | None = None,
        field: str | None = None,
        value: str | None = None,
    ) -> None:
        self.problem = problem
        self.row = row
        self.field = field
        self.value = value
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"Row {self.row}")
        if self.field is not None:
            where.append(f"column '{self.field}'" if self.row is not None else self.field)
        text = ", ".join(where) + ": " + self.problem if where else self.problem
        return text[:1].upper() + text[1:]

    def as_dict(self) -> dict[str, object]:
        return {"problem": self.problem, "row": self.row, "field": self.field, "message": self.message}
