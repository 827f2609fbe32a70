"""Residents, their stays, and when each of them turns 18.

A *stay* is one row of a home's records: a person, their date of birth, the date
they were admitted and the date they were discharged (``None`` while they are
still resident). A person with several stays has several rows.

A person is accommodated on each *night* from the admission date up to, but not
including, the discharge date. They are a *child* before their 18th birthday and a
*young adult* from it (Family Law Reform Act 1969, s.9: an age is attained at the
start of the anniversary of the birth).

No statute settles when someone born on 29 February turns 18 in a common year, so
it is a setting: 1 March (the default) or 28 February.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Literal

from ..dates import FIRST_SUPPORTED, LAST_SUPPORTED, check_supported
from ..errors import InputError

__all__ = [
    "ADULT_AGE",
    "DEFAULT_LEAP_BIRTHDAY",
    "FIELDS",
    "LEAP_BIRTHDAY_SETTINGS",
    "LeapBirthday",
    "Stay",
    "Birthdays",
    "born_on_leap_day",
    "eighteenth_birthdays",
    "eighteenth_birthday",
    "leap_birthday_setting",
    "validate_stays",
]

ADULT_AGE = 18

LeapBirthday = Literal["mar-1", "feb-28"]
LEAP_BIRTHDAY_SETTINGS: tuple[LeapBirthday, ...] = ("mar-1", "feb-28")
DEFAULT_LEAP_BIRTHDAY: LeapBirthday = "mar-1"

# The four columns a home's records need, in the order of the template.
FIELDS: tuple[str, ...] = ("id", "date_of_birth", "admission_date", "discharge_date")


@dataclass(frozen=True, slots=True)
class Stay:
    """One stay of one person: accommodated from ``admission`` until the night before ``discharge``.

    ``row`` is the spreadsheet row the stay came from (the header is row 1), or
    ``None`` for a planned admission typed in for a what-if.
    """

    person: str
    date_of_birth: date
    admission: date
    discharge: date | None = None
    row: int | None = None

    def nights(self, until: date) -> int:
        """Nights accommodated from admission up to, not including, the discharge (or ``until``)."""
        end = self.discharge if self.discharge is not None else until
        return max(0, (min(end, until) - self.admission).days)


def leap_birthday_setting(value: str, *, field: str = "leap_birthday") -> LeapBirthday:
    """Check a 29 February setting: "mar-1" or "feb-28"."""
    cleaned = value.strip().lower() if isinstance(value, str) else value
    for setting in LEAP_BIRTHDAY_SETTINGS:
        if cleaned == setting:
            return setting
    raise InputError(
        f"the 29 February setting must be 'mar-1' or 'feb-28', not {value!r}.",
        field=field,
        value=str(value),
    )


def born_on_leap_day(date_of_birth: date) -> bool:
    return date_of_birth.month == 2 and date_of_birth.day == 29


def eighteenth_birthday(date_of_birth: date, leap_birthday: LeapBirthday = DEFAULT_LEAP_BIRTHDAY) -> date:
    """The day a person becomes a young adult.

    >>> eighteenth_birthday(date(2008, 2, 29))           # 2026 is a common year
    datetime.date(2026, 3, 1)
    >>> eighteenth_birthday(date(2008, 2, 29), "feb-28")
    datetime.date(2026, 2, 28)
    >>> eighteenth_birthday(date(2006, 2, 28))
    datetime.date(2024, 2, 28)
    """
    year = date_of_birth.year + ADULT_AGE
    if born_on_leap_day(date_of_birth) and not _is_leap_year(year):
        return date(year, 3, 1) if leap_birthday == "mar-1" else date(year, 2, 28)
    return date_of_birth.replace(year=year)


Birthdays = Mapping[str, date]
"""Each person's 18th birthday, by id."""


def eighteenth_birthdays(
    stays: Iterable[Stay], leap_birthday: LeapBirthday = DEFAULT_LEAP_BIRTHDAY
) -> Birthdays:
    """Each person's 18th birthday, worked out once for a check (one person has one date of birth)."""
    born = {stay.person: stay.date_of_birth for stay in stays}
    return {person: eighteenth_birthday(day, leap_birthday) for person, day in born.items()}


def validate_stays(stays: Iterable[Stay], *, columns: Mapping[str, str] | None = None) -> tuple[Stay, ...]:
    """Check stays make sense on their own and together; return them unchanged.

    Raises ``InputError`` naming the row and the column for: a discharge before the
    admission, a birth after the admission, a person whose date of birth differs
    between rows, and two stays of one person that overlap. ``columns`` maps the
    canonical field names to the column names the user sees.
    """
    label = {field: field for field in FIELDS} | dict(columns or {})
    checked = tuple(stays)
    first_seen: dict[str, Stay] = {}
    by_person: dict[str, list[Stay]] = {}
    for stay in checked:
        _check_one(stay, label)
        earlier = first_seen.setdefault(stay.person, stay)
        if earlier.date_of_birth != stay.date_of_birth:
            raise InputError(
                f"'{stay.person}' has the date of birth {stay.date_of_birth.isoformat()} here but "
                f"{earlier.date_of_birth.isoformat()} {_where(earlier)}. One person has one date of birth; "
                "if these are two people, give them different ids.",
                row=stay.row,
                field=label["date_of_birth"],
                value=stay.date_of_birth.isoformat(),
            )
        by_person.setdefault(stay.person, []).append(stay)
    for person_stays in by_person.values():
        _check_no_overlap(person_stays, label)
    return checked


def _check_one(stay: Stay, label: Mapping[str, str]) -> None:
    if not stay.person:
        raise InputError(
            "an id is needed for every resident (initials will do).", row=stay.row, field=label["id"]
        )
    latest = stay.admission if stay.discharge is None else stay.discharge
    # Births come before admissions and admissions before discharges (checked below), so these two
    # comparisons cover the three dates; the loop names the one that is out of range.
    if not (stay.date_of_birth >= FIRST_SUPPORTED and latest <= LAST_SUPPORTED):
        for name, day in zip(FIELDS[1:], (stay.date_of_birth, stay.admission, stay.discharge), strict=True):
            if day is not None:
                check_supported(day, field=label[name], row=stay.row)
    if stay.date_of_birth > stay.admission:
        raise InputError(
            f"the date of birth {stay.date_of_birth.isoformat()} is after the admission date "
            f"{stay.admission.isoformat()}.",
            row=stay.row,
            field=label["date_of_birth"],
            value=stay.date_of_birth.isoformat(),
        )
    if stay.discharge is not None and stay.discharge < stay.admission:
        raise InputError(
            f"the discharge date {stay.discharge.isoformat()} is before the admission date "
            f"{stay.admission.isoformat()}.",
            row=stay.row,
            field=label["discharge_date"],
            value=stay.discharge.isoformat(),
        )


def _check_no_overlap(stays: list[Stay], label: Mapping[str, str]) -> None:
    ordered = sorted(stays, key=lambda stay: (stay.admission, _row_key(stay)))
    for before, after in pairwise(ordered):
        if before.discharge is None or after.admission < before.discharge:
            until = (
                "with no discharge date, so they are still resident"
                if before.discharge is None
                else f"until {before.discharge.isoformat()}"
            )
            raise InputError(
                f"this stay of '{after.person}', admitted {after.admission.isoformat()}, overlaps their "
                f"stay {_where(before)} (admitted {before.admission.isoformat()}, {until}). "
                "One person can only be in the home once at a time.",
                row=after.row,
                field=label["admission_date"],
                value=after.admission.isoformat(),
            )


def _where(stay: Stay) -> str:
    return f"on row {stay.row}" if stay.row is not None else "in the planned admissions"


def _row_key(stay: Stay) -> int:
    return stay.row if stay.row is not None else 1 << 62


def _is_leap_year(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
