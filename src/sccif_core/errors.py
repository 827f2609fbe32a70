"""The one error type for bad input, worded for the person who typed it, and showing text safely in a terminal."""

from __future__ import annotations

import unicodedata


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


# Characters a terminal would act on or reorder rather than show: controls (Cc), format
# characters such as the right-to-left override U+202E (Cf), lone surrogates (Cs), and line and
# paragraph separators.
_HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def terminal_safe(text: str) -> str:
    """``text`` with control and bidirectional characters shown as escapes: \\r, \\n, \\u202e."""
    if text.isprintable():
        return text
    return "".join(_escape(char) if unicodedata.category(char) in _HIDDEN else char for char in text)


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
