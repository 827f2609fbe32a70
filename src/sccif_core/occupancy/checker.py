"""The check itself: every 12-month window in the period, both readings, and the projection."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from ..dates import check_supported
from ..errors import InputError
from .projection import Projection, apply_plans, horizon, upcoming_birthdays
from .report import LeapComparison, OccupancyResult, YoungAdult
from .residents import (
    DEFAULT_LEAP_BIRTHDAY,
    LEAP_BIRTHDAY_SETTINGS,
    Birthdays,
    LeapBirthday,
    Stay,
    born_on_leap_day,
    eighteenth_birthday,
    eighteenth_birthdays,
    leap_birthday_setting,
    validate_stays,
)
from .windows import Sweep, daily_counts, summarise_table

__all__ = ["check"]

ONE_DAY = timedelta(days=1)


def check(
    stays: Iterable[Stay],
    *,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    leap_birthday: LeapBirthday | str = DEFAULT_LEAP_BIRTHDAY,
    planned_discharges: Mapping[str, date] | None = None,
    planned_admissions: Iterable[Stay] = (),
    compare_leap_birthday: bool = True,
) -> OccupancyResult:
    """Check a home's stays against the 'wholly or mainly' policy.

    The period runs from ``start`` (default: the earliest admission) to ``end``
    (default: ``today``, which defaults to the computer's date). Every 12-month window
    lying wholly inside it is checked. Planned discharges and admissions must be after
    the period; they only change the projection.
    """
    setting = leap_birthday_setting(leap_birthday)
    for field, day in (("from", start), ("to", end), ("today", today)):
        if day is not None:
            check_supported(day, field=field)
    recorded = validate_stays(stays)
    if not recorded:
        raise InputError("there are no stays to check: add at least one resident.")
    period_end = end if end is not None else (today if today is not None else date.today())
    period_start = start if start is not None else min(stay.admission for stay in recorded)
    if period_start > period_end:
        raise InputError(
            f"the period would start on {period_start.isoformat()} but end on {period_end.isoformat()}, "
            "which is earlier.",
            field="to" if end is not None or start is None else "from",
            value=period_end.isoformat(),
        )
    admissions = tuple(planned_admissions)
    combined, open_stays, admissions = apply_plans(recorded, period_end, planned_discharges, admissions)
    birthdays = eighteenth_birthdays(combined, setting)
    projection_end, capped = horizon(combined, period_end, birthdays)
    counts = daily_counts(combined, period_start, projection_end, birthdays=birthdays)
    table = Sweep(counts).table(period_start, projection_end)
    # Window ends never decrease with the start, so the period's windows come first.
    split = bisect_right(table.ends, (period_end - period_start).days)
    projection = Projection(
        start=period_end + ONE_DAY,
        end=projection_end,
        capped=capped,
        summary=summarise_table(table, split),
        open_stays=open_stays,
        planned_admissions=admissions,
        upcoming_18th_birthdays=upcoming_birthdays(combined, period_end, projection_end, birthdays),
    )
    planned = dict(planned_discharges or {})
    result = OccupancyResult(
        period_start=period_start,
        period_end=period_end,
        leap_birthday=setting,
        summary=summarise_table(table, 0, split),
        projection=projection,
        young_adults=_young_adults(
            recorded, combined, period_start, period_end, projection_end, birthdays, planned
        ),
        people=len({stay.person for stay in recorded}),
        stays=len(recorded),
        counts=counts,
        table=table,
    )
    if not compare_leap_birthday:
        return result
    affected = _leap_day_people(combined, period_start, projection_end)
    if not affected:
        return result
    other = next(value for value in LEAP_BIRTHDAY_SETTINGS if value != setting)
    alternative = check(
        recorded,
        start=period_start,
        end=period_end,
        leap_birthday=other,
        planned_discharges=planned_discharges,
        planned_admissions=admissions,
        compare_leap_birthday=False,
    )
    comparison = LeapComparison(
        leap_birthday=other,
        people=affected,
        verdict=alternative.verdict,
        windows_meeting=alternative.summary.meeting,
        windows_meeting_all_days=alternative.summary.meeting_all_days,
        projection_verdict=alternative.projection.summary.verdict,
    )
    return OccupancyResult(
        period_start=result.period_start,
        period_end=result.period_end,
        leap_birthday=result.leap_birthday,
        summary=result.summary,
        projection=result.projection,
        young_adults=result.young_adults,
        people=result.people,
        stays=result.stays,
        counts=result.counts,
        table=result.table,
        leap_comparison=comparison,
    )


def _nights_between(stay: Stay, first: date, stop: date, birthdays: Birthdays) -> int:
    """Nights as a young adult from ``first`` up to, not including, ``stop``."""
    begin = max(stay.admission, birthdays[stay.person], first)
    finish = stop if stay.discharge is None else min(stay.discharge, stop)
    return max(0, (finish - begin).days)


def _young_adults(
    recorded: Sequence[Stay],
    combined: Sequence[Stay],
    period_start: date,
    period_end: date,
    projection_end: date,
    birthdays: Birthdays,
    planned: Mapping[str, date],
) -> tuple[YoungAdult, ...]:
    after_period = period_end + ONE_DAY
    nights: dict[str, int] = {}
    ahead: dict[str, int] = {}
    resident: set[str] = set()
    born: dict[str, date] = {}
    for stay in recorded:
        born[stay.person] = stay.date_of_birth
        nights[stay.person] = nights.get(stay.person, 0) + _nights_between(
            stay, period_start, after_period, birthdays
        )
        if stay.admission <= period_end and (stay.discharge is None or stay.discharge > period_end):
            resident.add(stay.person)
    for stay in combined:
        ahead[stay.person] = ahead.get(stay.person, 0) + _nights_between(
            stay, after_period, projection_end + ONE_DAY, birthdays
        )
    people = [
        YoungAdult(
            person=person,
            turned_18=birthdays[person],
            born_29_february=born_on_leap_day(born[person]),
            adult_nights=count,
            adult_nights_projected=ahead.get(person, 0),
            still_resident=person in resident,
            planned_discharge=planned.get(person),
        )
        for person, count in nights.items()
        if count > 0
    ]
    people.sort(key=lambda person: (person.turned_18, person.person))
    return tuple(people)


def _leap_day_people(stays: Iterable[Stay], first: date, last: date) -> tuple[str, ...]:
    """People born on 29 February accommodated on a 28 February when they turn 18 in a common year.

    Only for them does the setting change who counts as a child on some night.
    """
    found: set[str] = set()
    for stay in stays:
        if not born_on_leap_day(stay.date_of_birth):
            continue
        march = eighteenth_birthday(stay.date_of_birth, "mar-1")
        if march.month != 3:
            continue  # a leap year: 29 February exists, the setting does not matter
        night = march - ONE_DAY  # 28 February: a child under mar-1, a young adult under feb-28
        if (
            first <= night <= last
            and stay.admission <= night
            and (stay.discharge is None or night < stay.discharge)
        ):
            found.add(stay.person)
    return tuple(sorted(found))
