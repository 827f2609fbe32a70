"""Working days in England: Monday to Friday, except bank holidays in England and Wales.

This is the meaning Ofsted uses: "a working day is any weekday other than a public
(bank) holiday". It does not depend on the days an inspected home operates.

The framework's day tables fix how "within N working days of X" is counted: the
deadline is the Nth working day *after* X, and X itself is not counted. In the full
inspection timeframe the last on-site day is day 4 and the draft report, "within 18
working days from the end of the inspection", is day 22 = 4 + 18.

    >>> from datetime import date
    >>> add_working_days(date(2026, 12, 24), 1)   # Christmas Day and the substitute Boxing Day skipped
    datetime.date(2026, 12, 29)

Bank holidays come from the generated table in ``bank_holidays_england``. Years after
``PUBLISHED_UNTIL`` are not yet on GOV.UK's list and can still change by royal
proclamation, so results that touch them are *provisional*. Dates outside
``FIRST_YEAR`` .. ``LAST_YEAR`` raise ``OutOfRange`` rather than give a wrong answer.

Speed: weekdays are counted with ordinal arithmetic and bank holidays with ``bisect``
over a sorted tuple, so ``count`` and ``after`` take microseconds even across decades.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from .bank_holidays_england import BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR, PUBLISHED_UNTIL
from .citations import cite
from .dates import WEEKDAYS, format_long, parse_date
from .errors import InputError

__all__ = [
    "ASSURANCE_RULE_SOURCE",
    "BROWSER_FUNCTIONS",
    "ENGLAND",
    "EXTRA_REASON",
    "FIRST_YEAR",
    "INTERPRETATION",
    "InputErrors",
    "LAST_YEAR",
    "PUBLISHED_UNTIL",
    "RULE_SOURCE",
    "RULE_WORDING",
    "NonWorkingDay",
    "OutOfRange",
    "Problems",
    "WorkingDays",
    "add_result",
    "add_working_days",
    "calendar",
    "count_result",
    "count_working_days",
    "is_result",
    "is_working_day",
    "next_working_day",
    "parse_days",
    "parse_extra",
]

# The framework's day tables are the source of the counting rule. The full inspection
# "Timeframe" table: day 4 is the last on-site day, day 22 is "within 18 working days
# from the end of the inspection". The assurance "Timeline" table says the same from day 2.
RULE_SOURCE = "timeframe-1"
ASSURANCE_RULE_SOURCE = "assurance-timeline-2"
RULE_WORDING = (
    "Draft report sent to the registered provider within 18 working days from the end of the inspection."
)
INTERPRETATION = (
    "Within N working days of a date means by the Nth working day after it: the day itself "
    "is not counted, as in the framework's day tables (the last on-site day is day 4, and the "
    "draft report, within 18 working days, is day 22). A working day is Monday to Friday, "
    "except bank holidays in England and Wales."
)
EXTRA_REASON = "extra non-working day"

FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)


class OutOfRange(InputError):
    """A date outside the years the bank-holiday table covers."""


@dataclass(frozen=True, slots=True)
class NonWorkingDay:
    """A day that is not a working day, and why: "Saturday", "Christmas Day", ..."""

    day: date
    reason: str


# --- weekday arithmetic on proleptic ordinals (ordinal 1 = Monday 1 January 0001) ---


def _weekdays_up_to(ordinal: int) -> int:
    """How many Mondays to Fridays have ordinals 1 .. ordinal: the weekday's rank."""
    weeks, rest = divmod(ordinal, 7)
    return 5 * weeks + min(rest, 5)


def _weekday_of_rank(rank: int) -> int:
    """The ordinal of the weekday whose rank is ``rank`` (inverse of ``_weekdays_up_to``)."""
    weeks, rest = divmod(rank - 1, 5)
    return 7 * weeks + rest + 1


def _is_weekend(day: date) -> bool:
    return day.weekday() >= 5


class WorkingDays:
    """A calendar of working days: weekdays that are not bank holidays in England and Wales.

    ``WorkingDays(extra=(date(2027, 6, 7),))`` also treats the given dates as
    non-working, e.g. a newly announced bank holiday.
    """

    def __init__(self, extra: Iterable[date] = ()) -> None:
        extra = tuple(extra)
        for day in extra:
            if not isinstance(day, date):
                raise InputError(f"an extra non-working day must be a date, not {day!r}.", field="extra")
        # A datetime is a date but never equals one: keep only the calendar date.
        self.extra: tuple[date, ...] = tuple(sorted({date(d.year, d.month, d.day) for d in extra}))
        # Weekday closures only: weekends are closed by arithmetic. (The table lists no weekend dates.)
        reasons = {day: name for day, name in BANK_HOLIDAYS.items() if not _is_weekend(day)}
        for day in self.extra:
            if not _is_weekend(day):
                reasons.setdefault(day, EXTRA_REASON)
        self._reasons: dict[date, str] = dict(sorted(reasons.items()))
        # The weekday ranks (see _weekdays_up_to) of the closed weekdays, sorted for bisect.
        self._closed: tuple[int, ...] = tuple(_weekdays_up_to(day.toordinal()) for day in self._reasons)

    def __repr__(self) -> str:
        return f"WorkingDays(extra={self.extra!r})"

    # --- questions about one day ---

    def is_working_day(self, day: date) -> bool:
        """True for Monday to Friday unless it is a bank holiday or an extra non-working day."""
        return self.why_not(day) is None

    def why_not(self, day: date) -> str | None:
        """None for a working day, otherwise the reason: "Sunday", "Good Friday", ..."""
        _check_in_range(day)
        if _is_weekend(day):
            return WEEKDAYS[day.weekday()]
        return self._reasons.get(day)

    def next_after(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.after(day, 1)

    # --- counting ---

    def after(self, start: date, n: int) -> date:
        """The nth working day after ``start``; ``start`` itself is not counted (n=0 gives start)."""
        _check_count(n)
        _check_in_range(start, field="start")
        if n == 0:
            return start
        # The working day we want is the (working_rank(start) + n)th working day overall.
        target = self._working_rank(start.toordinal()) + n
        # Find the weekday rank r with r - (closed weekdays up to r) == target that is
        # not itself closed. Each pass adds the closed days met so far; it stops after a
        # pass or two, since holidays are sparse.
        rank = target
        while True:
            moved = target + bisect_right(self._closed, rank)
            if moved == rank:
                break
            rank = moved
        ordinal = _weekday_of_rank(rank)
        if ordinal > LAST_DAY.toordinal():
            raise OutOfRange(
                f"{n} working days after {start.isoformat()} goes past {LAST_YEAR}, the last year "
                f"this calculator knows bank holidays for ({FIRST_YEAR} to {LAST_YEAR}).",
                field="days",
                value=str(n),
            )
        return date.fromordinal(ordinal)

    def count(self, start: date, end: date) -> int:
        """How many working days fall after ``start``, up to and including ``end``."""
        _check_in_range(start, field="start")
        _check_in_range(end, field="end")
        if end < start:
            raise InputError(
                f"the end date {end.isoformat()} is before the start date {start.isoformat()}.",
                field="end",
                value=end.isoformat(),
            )
        return self._working_rank(end.toordinal()) - self._working_rank(start.toordinal())

    def skipped(self, start: date, end: date) -> list[NonWorkingDay]:
        """The non-working days after ``start``, up to and including ``end``, in date order."""
        _check_in_range(start, field="start")
        _check_in_range(end, field="end")
        closed = [NonWorkingDay(day, reason) for day, reason in self._reasons.items() if start < day <= end]
        return sorted(closed + list(_weekend_days(start, end)), key=lambda skipped: skipped.day)

    def provisional_years(self, start: date, end: date) -> list[int]:
        """Years after PUBLISHED_UNTIL that ``start`` .. ``end`` touches: their bank holidays may change."""
        low, high = min(start, end), max(start, end)
        return list(range(max(low.year, PUBLISHED_UNTIL + 1), high.year + 1))

    # --- internals ---

    def _working_rank(self, ordinal: int) -> int:
        """How many working days have ordinals up to and including ``ordinal``."""
        rank = _weekdays_up_to(ordinal)
        return rank - bisect_right(self._closed, rank)


def _weekend_days(start: date, end: date) -> Iterator[NonWorkingDay]:
    """Saturdays and Sundays after ``start``, up to and including ``end``."""
    first = start + timedelta(days=1)
    saturday = first - timedelta(days=(first.weekday() - 5) % 7)  # on or before ``first``
    while saturday <= end:
        for day, name in ((saturday, "Saturday"), (saturday + timedelta(days=1), "Sunday")):
            if first <= day <= end:
                yield NonWorkingDay(day, name)
        saturday += timedelta(days=7)


def _check_in_range(day: date, *, field: str = "date") -> None:
    if not isinstance(day, date):
        raise InputError(f"expected a date, got {type(day).__name__}.", field=field)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise OutOfRange(
            f"{day.isoformat()} is outside the years this calculator knows bank holidays for "
            f"({FIRST_YEAR} to {LAST_YEAR}).",
            field=field,
            value=day.isoformat(),
        )


def _check_count(n: int, *, field: str = "days") -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise InputError(f"the number of working days must be a whole number, not {n!r}.", field=field)
    if n < 0:
        raise InputError(f"the number of working days must be 0 or more, not {n}.", field=field, value=str(n))


ENGLAND = WorkingDays()
"""Working days in England with the published (and provisional) bank holidays."""


def calendar(extra: Iterable[date] = ()) -> WorkingDays:
    """The England calendar, plus any extra non-working days."""
    extra = tuple(extra)
    return WorkingDays(extra) if extra else ENGLAND


def add_working_days(start: date, n: int, extra: Iterable[date] = ()) -> date:
    """The nth working day after ``start`` in England (``start`` not counted)."""
    return calendar(extra).after(start, n)


def count_working_days(start: date, end: date, extra: Iterable[date] = ()) -> int:
    """Working days in England after ``start``, up to and including ``end``."""
    return calendar(extra).count(start, end)


def is_working_day(day: date, extra: Iterable[date] = ()) -> bool:
    """Whether ``day`` is a working day in England."""
    return calendar(extra).is_working_day(day)


def next_working_day(day: date, extra: Iterable[date] = ()) -> date:
    """The first working day in England strictly after ``day``."""
    return calendar(extra).next_after(day)


# --- JSON-friendly results: the browser's "workdays.*" functions and `sccif workdays --format json` ---

_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


def parse_days(value: object, *, field: str = "days") -> int:
    """Read a number of working days as typed in a form or on a command line: 0, 5, 18."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise InputError("enter a number of working days, like 18.", field=field)
        if not _WHOLE_NUMBER.fullmatch(text):
            raise InputError(
                f"'{_shown(text)}' is not a whole number of working days.", field=field, value=text
            )
        if len(text.lstrip("+-")) > 6:
            raise InputError(
                f"{_shown(text)} working days is more than this calculator can count "
                f"({FIRST_YEAR} to {LAST_YEAR}).",
                field=field,
                value=text,
            )
        value = int(text)
    if value is None:
        raise InputError("enter a number of working days, like 18.", field=field)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"the number of working days must be a whole number, not {value!r}.", field=field)
    _check_count(value, field=field)
    return value


def parse_extra(value: object, *, field: str = "extra") -> tuple[date, ...]:
    """Read extra non-working days: a list of dates, or one text with dates separated by commas or spaces."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items: list[object] = list(re.split(r"[\s,;]+", value))
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise InputError("extra non-working days must be a list of dates.", field=field)
    days = []
    for item in items:
        if not isinstance(item, str):
            raise InputError(f"an extra non-working day must be a date as text, not {item!r}.", field=field)
        if item.strip():  # blank entries, e.g. an empty row in a form, are ignored
            days.append(parse_date(item, field=field))
    return tuple(days)


def add_result(start: date, n: int, extra: Iterable[date] = ()) -> dict[str, Any]:
    """The nth working day after ``start``, with what it skipped and the rule it used."""
    days_off = calendar(extra)
    result = days_off.after(start, n)
    return {
        "start": start.isoformat(),
        "start_long": format_long(start),
        "days": n,
        **_day(result),
        "skipped": _skipped(days_off, start, result),
        **_provisional(days_off, start, result),
        "extra": [day.isoformat() for day in days_off.extra],
        **_rule(),
    }


def count_result(start: date, end: date, extra: Iterable[date] = ()) -> dict[str, Any]:
    """How many working days fall after ``start`` up to and including ``end``, and what was skipped."""
    days_off = calendar(extra)
    count = days_off.count(start, end)
    return {
        "start": start.isoformat(),
        "start_long": format_long(start),
        "end": end.isoformat(),
        "end_long": format_long(end),
        "count": count,
        "skipped": _skipped(days_off, start, end),
        **_provisional(days_off, start, end),
        "extra": [day.isoformat() for day in days_off.extra],
        **_rule(),
    }


def is_result(day: date, extra: Iterable[date] = ()) -> dict[str, Any]:
    """Whether ``day`` is a working day, why not, and the next working day after it."""
    days_off = calendar(extra)
    reason = days_off.why_not(day)
    following: date | None
    try:
        following = days_off.next_after(day)
    except OutOfRange:
        following = None
    return {
        **_day(day),
        "working_day": reason is None,
        "reason": reason,
        "next_working_day": following.isoformat() if following else None,
        "next_working_day_long": format_long(following) if following else None,
        **_provisional(days_off, day, following or day),
        "extra": [extra_day.isoformat() for extra_day in days_off.extra],
        **_rule(),
    }


def _day(day: date) -> dict[str, str]:
    return {"date": day.isoformat(), "date_long": format_long(day)}


def _skipped(days_off: WorkingDays, start: date, end: date) -> list[dict[str, str]]:
    return [{**_day(item.day), "reason": item.reason} for item in days_off.skipped(start, end)]


def _provisional(days_off: WorkingDays, start: date, end: date) -> dict[str, Any]:
    years = days_off.provisional_years(start, end)
    return {"provisional": bool(years), "provisional_years": years, "published_until": PUBLISHED_UNTIL}


def _rule() -> dict[str, Any]:
    return {
        "rule": RULE_WORDING,
        "source": RULE_SOURCE,
        "source_path": _source_path(RULE_SOURCE),
        "interpretation": INTERPRETATION,
    }


def _source_path(anchor: str) -> str | None:
    """``framework/.../#anchor`` from data/framework.json; None only while that file is not built yet."""
    try:
        return cite(anchor).path
    except FileNotFoundError:
        return None


def _shown(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- every problem in a request at once ---

T = TypeVar("T")


class InputErrors(InputError):
    """Every problem in one request, each naming its field, so a form can show them all at once.

    It reads as its first problem (``problem``, ``field``, ``row``); ``as_dict()`` adds ``errors``,
    the list of all of them, and ``message`` joins all their sentences.
    """

    def __init__(self, errors: Sequence[InputError]) -> None:
        self.errors = tuple(errors)
        first = self.errors[0]
        super().__init__(first.problem, row=first.row, field=first.field, value=first.value)

    @property
    def message(self) -> str:
        return " ".join(error.message for error in self.errors)

    def as_dict(self) -> dict[str, object]:
        return {
            **self.errors[0].as_dict(),
            "message": self.message,
            "errors": [e.as_dict() for e in self.errors],
        }


class Problems:
    """Read each field of a request in turn, keeping every problem rather than stopping at the first.

    >>> problems = Problems()
    >>> days = problems.read(lambda: parse_days("x"), 0)
    >>> start = problems.read(lambda: parse_date("31/02/2026", field="start"), FIRST_DAY)
    >>> [error.field for error in problems.found]
    ['days', 'start']

    ``check()`` then raises the one problem, or ``InputErrors`` with all of them. The fallback a
    failed ``read`` returns is only there to keep types whole: ``check()`` stops it going further.
    """

    def __init__(self) -> None:
        self.found: list[InputError] = []

    def read(self, reader: Callable[[], T], fallback: T) -> T:
        try:
            return reader()
        except InputError as error:
            self.found.append(error)
            return fallback

    def add(self, error: InputError) -> None:
        """A problem found later (by a computation), unless one about its field is already known."""
        if all(known.field != error.field for known in self.found):
            self.found.append(error)

    def check(self, order: Sequence[str] = ()) -> None:
        """Raise what was found; with ``order`` (field names as the form shows them), in that order."""
        if order:
            rank = {name: index for index, name in enumerate(order)}
            self.found.sort(key=lambda error: rank.get(error.field or "", len(rank)))
        if len(self.found) == 1:
            raise self.found[0]
        if self.found:
            raise InputErrors(self.found)


_NO_DAYS: tuple[date, ...] = ()


def _browser_add(payload: dict[str, Any]) -> dict[str, Any]:
    problems = Problems()
    start = problems.read(lambda: _required_date(payload, "start"), FIRST_DAY)
    days = problems.read(lambda: parse_days(payload.get("days"), field="days"), 0)
    extra = problems.read(lambda: parse_extra(payload.get("extra")), _NO_DAYS)
    problems.check()
    return add_result(start, days, extra)


def _browser_count(payload: dict[str, Any]) -> dict[str, Any]:
    problems = Problems()
    start = problems.read(lambda: _required_date(payload, "start"), FIRST_DAY)
    end = problems.read(lambda: _required_date(payload, "end"), FIRST_DAY)
    extra = problems.read(lambda: parse_extra(payload.get("extra")), _NO_DAYS)
    problems.check()
    return count_result(start, end, extra)


def _browser_is(payload: dict[str, Any]) -> dict[str, Any]:
    problems = Problems()
    day = problems.read(lambda: _required_date(payload, "date"), FIRST_DAY)
    extra = problems.read(lambda: parse_extra(payload.get("extra")), _NO_DAYS)
    problems.check()
    return is_result(day, extra)


def _required_date(payload: dict[str, Any], field: str) -> date:
    value = payload.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError("enter a date, like 25/11/2026.", field=field)
    return parse_date(value, field=field)


BROWSER_FUNCTIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "workdays.add": _browser_add,
    "workdays.count": _browser_count,
    "workdays.is": _browser_is,
}
"""The browser's functions: JSON-friendly payloads in (form fields), JSON-friendly results out."""
