"""Reading dates as people type them in England, and writing them out in full.

Every date the tools read is checked against one supported range, ``FIRST_SUPPORTED`` to
``LAST_SUPPORTED``, before any arithmetic, so no sum can run off Python's calendar (years 1 to
9999) and a typing slip such as 2062 for 2026 is caught where it is entered. Dates the tools work
out from the ones typed are checked against the same range with ``check_result``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from .errors import InputError

_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_UK = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

FIRST_SUPPORTED = date(1900, 1, 1)
"""The earliest date the tools read: before any resident's date of birth or any inspection."""
LAST_SUPPORTED = date(2200, 12, 31)
"""The latest date the tools read or give: far past any plan, well short of the year 9999."""

NO_END_DATE = date(9999, 12, 31)
"""What many record systems put for "no end date yet". Where a blank end date is allowed (an
occupancy discharge date), this date is read as blank: "still living here"."""


def format_long(day: date) -> str:
    """Tuesday 15 December 2026."""
    return f"{WEEKDAYS[day.weekday()]} {format_day(day)}"


def format_day(day: date) -> str:
    """15 December 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


SUPPORTED_RANGE = f"{format_day(FIRST_SUPPORTED)} to {format_day(LAST_SUPPORTED)}"
"""The supported range in words, for help texts and messages: "1 January 1900 to 31 December 2200"."""


def parse_date(text: str, *, field: str = "date", row: int | None = None) -> date:
    """Read an ISO date (2026-11-25) or a UK date (25/11/2026, 25-11-2026, 25.11.2026).

    A date outside ``FIRST_SUPPORTED`` .. ``LAST_SUPPORTED`` is refused, naming the field.
    """
    return check_supported(_read(text, field=field, row=row), field=field, row=row, typed=text.strip())


def check_supported(day: date, *, field: str, row: int | None = None, typed: str | None = None) -> date:
    """Check a date given to the tools is in the supported range; return it.

    ``typed`` is the text the date was read from, to quote it as the person wrote it.
    """
    if not isinstance(day, date):
        raise InputError(f"expected a date, got {type(day).__name__}.", row=row, field=field)
    if FIRST_SUPPORTED <= day <= LAST_SUPPORTED:
        return day
    text = typed if typed is not None else day.isoformat()
    raise InputError(
        f"'{shown(text)}' is outside the dates these tools work with ({SUPPORTED_RANGE}).",
        row=row,
        field=field,
        value=text,
    )


def is_no_end_date(text: str) -> bool:
    """Whether ``text`` is the "no end date" placeholder 9999-12-31 (or 31/12/9999)."""
    if not isinstance(text, str) or "9999" not in text:
        return False
    try:
        return _read(text, field="date", row=None) == NO_END_DATE
    except InputError:
        return False


def check_result(day: date, *, field: str, row: int | None = None) -> date:
    """Check a date worked out from the ones given is still in the supported range; return it.

    ``field`` names the input it was counted from, so the message points at what to change.
    """
    if FIRST_SUPPORTED <= day <= LAST_SUPPORTED:
        return day
    edge = "before" if day < FIRST_SUPPORTED else "past"
    limit = FIRST_SUPPORTED if day < FIRST_SUPPORTED else LAST_SUPPORTED
    raise InputError(
        f"counting from this date runs {edge} {format_day(limit)}, "
        f"outside the dates these tools work with ({SUPPORTED_RANGE}).",
        row=row,
        field=field,
        value=day.isoformat(),
    )


def check_results(days: Iterable[str | date | None], *, field: str) -> None:
    """``check_result`` for each of a result's dates (ISO text or dates; None is passed over)."""
    for day in days:
        if day is not None:
            check_result(date.fromisoformat(day) if isinstance(day, str) else day, field=field)


def shown(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read(text: str, *, field: str, row: int | None) -> date:
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
            f"'{shown(cleaned)}' is not a date. Use day/month/year, like 25/11/2026, or 2026-11-25.",
            row=row,
            field=field,
            value=cleaned,
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(
            f"'{shown(cleaned)}' is not a real date.", row=row, field=field, value=cleaned
        ) from None
