"""Reading a timeline's inputs as a form or a command line gives them: text and lists of text.

Every problem is an ``InputError`` naming the field (and, in a list, the row), worded
for the person who typed it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from ..dates import parse_date
from ..errors import InputError
from .fields import Field
from .model import Offset, Unit

MAX_ITEMS = 500
_SPLIT = re.compile(r"[\s,;]+")
_LINES = re.compile(r"[\r\n]+")
_PERIOD_PART = re.compile(
    r"\s*(\d{1,4})\s*(days?|d|weeks?|wks?|w|months?|mths?|mo|m|years?|yrs?|y)\b\s*,?\s*(?:and\s+)?",
    re.IGNORECASE,
)
_UNITS: dict[str, Unit] = {"d": "calendar_days", "w": "weeks", "m": "months", "y": "years"}


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def required_date(fields: Mapping[str, object], name: str, *, hint: str = "") -> date:
    value = fields.get(name)
    if _blank(value):
        raise InputError(hint or "enter a date, like 25/11/2026.", field=name)
    return _date(value, name)


def optional_date(fields: Mapping[str, object], name: str) -> date | None:
    value = fields.get(name)
    return None if _blank(value) else _date(value, name)


def _date(value: object, name: str, row: int | None = None) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"expected a date as text, got {type(value).__name__}.", field=name, row=row)
    return parse_date(value, field=name, row=row)


def _items(value: object, name: str, *, by_line: bool, what: str = "dates") -> list[object]:
    """A list field: a JSON list, or text with one item per line (or separated by commas)."""
    if _blank(value):
        return []
    if isinstance(value, str):
        splitter = _LINES if by_line else _SPLIT
        items: list[object] = [part.strip() for part in splitter.split(value) if part.strip()]
    elif isinstance(value, list | tuple):
        items = [item for item in value if not _blank(item)]
    else:
        raise InputError(f"expected a list of {what}.", field=name)
    if len(items) > MAX_ITEMS:
        raise InputError(f"at most {MAX_ITEMS} {what} at once, not {len(items)}.", field=name)
    return items


def date_list(fields: Mapping[str, object], name: str, *, required: bool, hint: str = "") -> tuple[date, ...]:
    items = _items(fields.get(name), name, by_line=False)
    if required and not items:
        raise InputError(hint or "enter at least one date, like 25/11/2026.", field=name)
    return tuple(_date(item, name, row=index) for index, item in enumerate(items, start=1))


def visit_list(
    fields: Mapping[str, object], name: str, *, required: bool, hint: str = ""
) -> tuple[tuple[date, date | None], ...]:
    """Visits, each with the date its report was sent if known: "14/01/2026, 10/02/2026"."""
    items = _items(fields.get(name), name, by_line=True, what="visits")
    if required and not items:
        raise InputError(hint or "enter at least one visit date, like 14/01/2026.", field=name)
    visits = []
    for row, item in enumerate(items, start=1):
        if isinstance(item, Mapping):
            parts = [item.get("visit"), item.get("sent")]
        elif isinstance(item, str):
            parts = [part for part in re.split(r"[\s,;]+|\bsent\b", item, flags=re.IGNORECASE) if part]
        else:
            raise InputError(
                "each visit must be a date, or a visit date and the date its report was sent.",
                field=name,
                row=row,
            )
        if not parts or len(parts) > 2:
            raise InputError(
                f"'{item}' should be a visit date, optionally followed by the date its report was sent.",
                field=name,
                row=row,
            )
        visit = _date(parts[0], name, row)
        sent = None if len(parts) < 2 or _blank(parts[1]) else _date(parts[1], name, row)
        if sent is not None and sent < visit:
            raise InputError(
                f"the report date {sent.isoformat()} is before the visit on {visit.isoformat()}.",
                field=name,
                row=row,
            )
        visits.append((visit, sent))
    return tuple(visits)


def period_list(fields: Mapping[str, object], name: str) -> tuple[Offset, ...]:
    """Deferral periods: "6 months", "10 weeks", "1 year 3 months", "45 days" (one per line or item)."""
    periods: list[Offset] = []
    for row, item in enumerate(_items(fields.get(name), name, by_line=True, what="periods"), start=1):
        if not isinstance(item, str):
            raise InputError("a period must be text, like 6 months.", field=name, row=row)
        periods.extend(parse_period(item, field=name, row=row))
    return tuple(periods)


def parse_period(text: str, *, field: str, row: int | None = None) -> tuple[Offset, ...]:
    """ "1 year 3 months" -> (Offset(1, "years"), Offset(3, "months"))."""
    position, parts = 0, []
    cleaned = text.strip()
    while position < len(cleaned):
        match = _PERIOD_PART.match(cleaned, position)
        if not match or match.end() == position:
            raise InputError(
                f"'{cleaned}' is not a period. Write it like 6 months, 10 weeks, 45 days or 1 year.",
                field=field,
                row=row,
                value=cleaned,
            )
        amount = int(match.group(1))
        unit = _UNITS[match.group(2)[0].lower()]
        parts.append(Offset(amount, unit))
        position = match.end()
    if not parts:
        raise InputError("enter a period, like 6 months.", field=field, row=row)
    return tuple(parts)


def choice(fields: Mapping[str, object], name: str, choices: Sequence[str], default: str) -> str:
    value = fields.get(name)
    if _blank(value):
        return default
    if not isinstance(value, str) or value.strip() not in choices:
        shown = ", ".join(choices)
        raise InputError(f"'{value}' is not one of: {shown}.", field=name)
    return value.strip()


def read_field(fields: Mapping[str, object], field: Field) -> object:
    """A field read as its type says, without requiring it: every problem with what was typed."""
    if field.type == "date":
        return optional_date(fields, field.name)
    if field.type == "dates":
        return date_list(fields, field.name, required=False)
    if field.type == "visits":
        return visit_list(fields, field.name, required=False)
    if field.type == "periods":
        return period_list(fields, field.name)
    return choice(fields, field.name, field.values, field.values[0])
