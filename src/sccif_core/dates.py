"""Reading dates as people type them in England, and writing them out in full."""

from __future__ import annotations

import re
from datetime import date

from .errors import InputError

_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_UK = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})")

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def parse_date(text: str, *, field: str = "date", row: int | None = None) -> date:
    """Read an ISO date (2026-11-25) or a UK date (25/11/2026, 25-11-2026, 25.11.2026)."""
    if not isinstance(text, str):
        raise InputError(f"expected a date as text, got {type(text).__name__}.", row=row, field=field)
    cleaned = text.strip()
    if not cleaned:
        raise InputError("a date is needed here but it is empty.", row=row, field=field)
    iso = _ISO.fullmatch(cleaned)
    uk = _UK.fullmatch(cleaned)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif uk:
        day, month, year = (int(part) for part in uk.groups())
    else:
        raise InputError(
            f"'{_shown(cleaned)}' is not a date. Use day/month/year, like 25/11/2026, or 2026-11-25.",
            row=row, field=field, value=cleaned,
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(
            f"'{_shown(cleaned)}' is not a real date.", row=row, field=field, value=cleaned
        ) from None


def format_long(day: date) -> str:
    """Tuesday 15 December 2026."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _shown(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
