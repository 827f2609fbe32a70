"""Looking ahead: planned discharges, planned admissions and birthdays still to come.

Residents with no discharge date are assumed to stay until the planned date the
user gives, or for as long as the projection runs. Their 18th birthdays are known
in advance. The projection checks each trailing 12-month window ending after the
period's last day and finds the first that would stop meeting the policy under
each reading.

How far ahead: once the last admission, discharge or 18th birthday has passed,
nobody comes, goes or turns 18, so every later window is made of identical days and
has the same result as the window starting on that last change. The projection
runs to the end of that window (and at least 12 months), capped at
``MAX_YEARS_AHEAD`` years and at the last date the tools work with (``dates.LAST_SUPPORTED``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ..dates import LAST_SUPPORTED
from ..errors import InputError
from .residents import Birthdays, Stay, validate_stays
from .windows import WindowStats, WindowSummary, add_months, window_end

__all__ = [
    "MAX_YEARS_AHEAD",
    "OpenStay",
    "Projection",
    "apply_plans",
    "horizon",
    "planned_admission",
]

MAX_YEARS_AHEAD = 10
ONE_DAY = timedelta(days=1)

ASSUMPTION = (
    "Residents with no discharge date stay until their planned discharge date, or to the end of "
    "the projection if none is given. Planned admissions arrive on the date given. "
    "18th birthdays are known in advance."
)


@dataclass(frozen=True, slots=True)
class OpenStay:
    """A stay with no recorded discharge date at the end of the period."""

    person: str
    admission: date
    planned_discharge: date | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.person,
            "admission_date": self.admission.isoformat(),
            "planned_discharge": None
            if self.planned_discharge is None
            else self.planned_discharge.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Projection:
    """The trailing 12-month windows ending after the period, under the stated assumptions."""

    start: date
    """The first day after the period."""
    end: date
    """The last day projected."""
    capped: bool
    summary: WindowSummary
    open_stays: tuple[OpenStay, ...]
    planned_admissions: tuple[Stay, ...]
    upcoming_18th_birthdays: tuple[tuple[str, date], ...]

    @property
    def fails_from(self) -> date | None:
        """Reading A: the end date of the first trailing window that would not meet the policy."""
        window = self.summary.first_failing
        return None if window is None else window.end

    @property
    def fails_from_all_days(self) -> date | None:
        window = self.summary.first_failing_all_days
        return None if window is None else window.end

    def as_dict(self) -> dict[str, Any]:
        def window(value: WindowStats | None) -> dict[str, Any] | None:
            return None if value is None else value.as_dict()

        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "capped": self.capped,
            "assumption": ASSUMPTION,
            "verdict": self.summary.verdict,
            "windows_total": self.summary.total,
            "windows_meeting": self.summary.meeting,
            "windows_meeting_all_days": self.summary.meeting_all_days,
            "fails_from": _iso(self.fails_from),
            "fails_from_all_days": _iso(self.fails_from_all_days),
            "first_failing_window": window(self.summary.first_failing),
            "first_failing_window_all_days": window(self.summary.first_failing_all_days),
            "open_stays": [stay.as_dict() for stay in self.open_stays],
            "planned_admissions": [
                {
                    "id": stay.person,
                    "date_of_birth": stay.date_of_birth.isoformat(),
                    "admission_date": stay.admission.isoformat(),
                    "discharge_date": _iso(stay.discharge),
                }
                for stay in self.planned_admissions
            ],
            "upcoming_18th_birthdays": [
                {"id": person, "turns_18": day.isoformat()} for person, day in self.upcoming_18th_birthdays
            ],
        }


def planned_admission(
    person: str,
    date_of_birth: date,
    admission: date,
    discharge: date | None = None,
) -> Stay:
    """A what-if admission: a stay with no spreadsheet row."""
    return Stay(person=person.strip(), date_of_birth=date_of_birth, admission=admission, discharge=discharge)


def apply_plans(
    stays: Sequence[Stay],
    period_end: date,
    planned_discharges: Mapping[str, date] | None = None,
    planned_admissions: Iterable[Stay] = (),
) -> tuple[tuple[Stay, ...], tuple[OpenStay, ...], tuple[Stay, ...]]:
    """Stays with the plans applied, the stays still open after the period, and the planned admissions.

    Plans are about the future: a planned date must be after the period's last day.
    Recorded history is never changed by a what-if.
    """
    admissions = tuple(planned_admissions)
    for number, stay in enumerate(admissions, start=1):
        where = f"planned admission {number}"
        if not stay.person:
            raise InputError("an id is needed (initials will do).", field=where)
        if stay.admission <= period_end:
            raise InputError(
                f"the planned admission date {stay.admission.isoformat()} must be after the period's last "
                f"day, {period_end.isoformat()}. Put past admissions in the records.",
                field=where,
                value=stay.admission.isoformat(),
            )
        known = next((other for other in stays if other.person == stay.person), None)
        if known is not None and known.date_of_birth != stay.date_of_birth:
            raise InputError(
                f"'{stay.person}' is born on {known.date_of_birth.isoformat()} in the records (row "
                f"{known.row}), not {stay.date_of_birth.isoformat()}.",
                field=where,
                value=stay.date_of_birth.isoformat(),
            )
    planned = dict(planned_discharges or {})
    combined = list(stays) + list(admissions)
    people = {stay.person for stay in combined}
    for person, day in planned.items():
        if person not in people:
            raise InputError(
                f"there is no resident with the id '{person}' to plan a discharge for.",
                field="planned_discharge",
                value=person,
            )
        if day <= period_end:
            raise InputError(
                f"the planned discharge of '{person}' on {day.isoformat()} must be after the period's last "
                f"day, {period_end.isoformat()}. Put past discharges in the records.",
                field="planned_discharge",
                value=day.isoformat(),
            )
    result: list[Stay] = []
    open_stays: list[OpenStay] = []
    given: set[str] = set()
    for stay in combined:
        if stay.discharge is None and stay.person in planned:
            day = planned[stay.person]
            if day < stay.admission:
                raise InputError(
                    f"the planned discharge of '{stay.person}' on {day.isoformat()} is before their "
                    f"admission on {stay.admission.isoformat()}.",
                    field="planned_discharge",
                    value=day.isoformat(),
                )
            given.add(stay.person)
            if stay.row is not None:
                open_stays.append(OpenStay(stay.person, stay.admission, day))
            result.append(replace(stay, discharge=day))
            continue
        if stay.discharge is None and stay.row is not None:
            open_stays.append(OpenStay(stay.person, stay.admission, None))
        result.append(stay)
    for person in planned:
        if person not in given:
            raise InputError(
                f"'{person}' has no stay without a discharge date, so there is no discharge to plan. "
                "Change the discharge date in the records instead.",
                field="planned_discharge",
                value=person,
            )
    validate_stays(result)
    open_stays.sort(key=lambda stay: (stay.admission, stay.person))
    return tuple(result), tuple(open_stays), admissions


def horizon(stays: Iterable[Stay], period_end: date, birthdays: Birthdays) -> tuple[date, bool]:
    """The last day worth projecting to, and whether the cap cut it short."""
    last_change = period_end + ONE_DAY
    for stay in stays:
        if stay.discharge is not None and stay.discharge <= period_end:
            continue
        changes = [stay.admission]
        if stay.discharge is not None:
            changes.append(stay.discharge)
        birthday = birthdays[stay.person]
        if stay.discharge is None or birthday < stay.discharge:
            changes.append(birthday)
        for day in changes:
            if day > last_change:
                last_change = day
    end = window_end(last_change)
    cap = min(add_months(period_end, 12 * MAX_YEARS_AHEAD), LAST_SUPPORTED)
    return (cap, True) if end > cap else (end, False)


def upcoming_birthdays(
    stays: Iterable[Stay], period_end: date, until: date, birthdays: Birthdays
) -> tuple[tuple[str, date], ...]:
    """People who will turn 18 while accommodated after the period (to ``until``)."""
    found: dict[str, date] = {}
    for stay in stays:
        birthday = birthdays[stay.person]
        if not period_end < birthday <= until:
            continue
        if stay.admission <= birthday and (stay.discharge is None or birthday < stay.discharge):
            found[stay.person] = birthday
    return tuple(sorted(found.items(), key=lambda item: (item[1], item[0])))


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
