"""Putting dates on rules: small plain functions over the rule data.

``date_rules`` runs a tuple of rules over the event dates the user gave. Each rule
counts from an event: a given date, or the date of an earlier rule in the same tuple
(so "5 working days after the draft report" counts from the draft report's date, or
from the date it was actually sent if the user gave one).

Every timeline is dated twice: with the real calendar, and with a calendar that skips
weekends only. A milestone whose date differs between the two was *moved by bank
holidays*, and the bank holidays (and any extra non-working days) it crossed are listed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol

from .. import workdays
from ..workdays import OutOfRange, WorkingDays
from .model import HolidayMove, Milestone, MonthsBack, Offset, Rule, Snap, is_the_providers
from .periods import (
    add_months,
    inspection_year_end,
    inspection_year_start,
    latest_at_least_months_before,
    month_end,
    next_inspection_year_start,
)


class Calendar(Protocol):
    """What dating needs of a calendar: ``workdays.WorkingDays`` has it."""

    def after(self, start: date, n: int) -> date: ...

    def is_working_day(self, day: date) -> bool: ...


class WeekendsOnly:
    """Monday to Friday, no bank holidays: the calendar that shows what bank holidays moved."""

    def after(self, start: date, n: int) -> date:
        day, found = start, 0
        while found < n:
            day += timedelta(days=1)
            if day.weekday() < 5:
                found += 1
        return day

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5


WEEKENDS_ONLY = WeekendsOnly()

CONDITIONS: Mapping[str, Callable[[date], bool]] = {
    "april_to_september": lambda day: 4 <= day.month <= 9,
    "october_to_march": lambda day: not 4 <= day.month <= 9,
}
"""Named conditions on the anchor date, for rules that apply only to some dates."""

_WEEKEND = ("Saturday", "Sunday")


def shift(day: date, offset: Offset, calendar: Calendar, months_back: MonthsBack = "at_least") -> date:
    """``day`` moved by ``offset``: working days on ``calendar``, the rest on the calendar.

    Months counted back give the latest date still at least that many months before
    (``at_least``), or the same day of the month, or that month's last day (``same_day``).
    """
    n = offset.amount
    if offset.unit == "working_days":
        return calendar.after(day, n) if n >= 0 else working_days_before(calendar, day, -n)
    if offset.unit == "calendar_days":
        return day + timedelta(days=n)
    if offset.unit == "weeks":
        return day + timedelta(weeks=n)
    months = n if offset.unit == "months" else 12 * n
    if months >= 0 or months_back == "same_day":
        return add_months(day, months)
    return latest_at_least_months_before(day, -months)


def working_days_before(calendar: Calendar, day: date, n: int) -> date:
    """The nth working day before ``day`` (``day`` itself not counted)."""
    found = 0
    while found < n:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            found += 1
    return day


def snap(day: date, how: Snap | None) -> date:
    """Read a date off the calendar: the month's end, the inspection year's end, ..."""
    if how is None:
        return day
    if how == "month_end":
        return month_end(day)
    if how == "inspection_year_start":
        return inspection_year_start(day)
    if how == "inspection_year_end":
        return inspection_year_end(day)
    if how == "inspection_year_end_exclusive":
        return inspection_year_end(day) - timedelta(days=1)
    return next_inspection_year_start(day)


@dataclass(frozen=True, slots=True)
class _Span:
    start: date
    end: date
    root: date  # the given date this chain of rules counts from
    uses_working_days: bool


def _run(rules: Sequence[Rule], events: Mapping[str, date], calendar: Calendar) -> dict[str, _Span]:
    spans: dict[str, _Span] = {}
    for rule in rules:
        base = _event(rule.after, events, spans)
        if base is None:
            continue
        if rule.when is not None and not CONDITIONS[rule.when](base.root):
            continue
        start = snap(shift(base.end, rule.offset, calendar, rule.months_back), rule.snap)
        end = (
            snap(shift(base.end, rule.until, calendar, rule.months_back), rule.snap) if rule.until else start
        )
        uses = base.uses_working_days or any(
            offset.unit == "working_days" and offset.amount != 0
            for offset in (rule.offset, rule.until)
            if offset is not None
        )
        spans[rule.key] = _Span(start, end, base.root, uses)
    return spans


def _event(name: str, events: Mapping[str, date], spans: Mapping[str, _Span]) -> _Span | None:
    if name in events:  # a date the user gave, including an actual date for a milestone
        return _Span(events[name], events[name], events[name], False)
    return spans.get(name)


def date_rules(
    rules: Sequence[Rule],
    events: Mapping[str, date],
    event_labels: Mapping[str, str],
    calendar: WorkingDays,
    *,
    today: date | None = None,
) -> list[Milestone]:
    """Date every rule whose event is known, in rule order."""
    real = _run(rules, events, calendar)
    plain = _run(rules, events, WEEKENDS_ONLY)
    labels = {**{rule.key: rule.label.lower() for rule in rules}, **event_labels}
    milestones = []
    for rule in rules:
        span = real.get(rule.key)
        if span is None:
            continue
        milestones.append(
            _milestone(rule, span, plain[rule.key], labels.get(rule.after, rule.after), calendar, today)
        )
    return milestones


def _milestone(
    rule: Rule,
    span: _Span,
    plain: _Span,
    after_label: str,
    calendar: WorkingDays,
    today: date | None,
) -> Milestone:
    moved_by = _holidays_crossed(span, calendar) if span.uses_working_days else ()
    years = (
        tuple(calendar.provisional_years(min(span.root, span.start), max(span.root, span.end)))
        if span.uses_working_days
        else ()
    )
    window = rule.type == "window"
    milestone = Milestone(
        key=rule.key,
        label=rule.label,
        type=rule.type,
        date=span.end.isoformat(),
        date_from=span.start.isoformat() if window else None,
        date_to=span.end.isoformat() if window else None,
        rule=rule.wording,
        source=rule.anchor,
        also=tuple(dict.fromkeys(source.anchor for source in rule.also if source.anchor != rule.anchor)),
        after=rule.after,
        after_label=after_label,
        offset=offset_words(rule, after_label),
        provisional=bool(years),
        provisional_years=years,
        usually=rule.usually,
        qualifier=rule.qualifier,
        moved_by_holidays=(span.start, span.end) != (plain.start, plain.end),
        bank_holidays=moved_by,
        # A date counted on the calendar (weeks, months) is not moved by a bank holiday, so it
        # is not flagged as falling on one; only working-day dates say so.
        falls_on=bank_holiday_on(span.end, calendar) if span.uses_working_days else None,
        day=rule.day,
        day_to=rule.day_to,
        note=rule.note,
        uses_working_days=span.uses_working_days,
        actor=rule.actor or "",
        reading=rule.reading,
        laws=rule.laws,
        yours=is_the_providers(rule),
    )
    return with_status(milestone, today)


def _holidays_crossed(span: _Span, calendar: WorkingDays) -> tuple[HolidayMove, ...]:
    """Bank holidays (and extra non-working days) between the given date and the milestone."""
    if span.end >= span.root:
        low, high = span.root, span.end
    else:
        low, high = span.start - timedelta(days=1), span.root - timedelta(days=1)
    return tuple(
        HolidayMove(skipped.day.isoformat(), skipped.reason)
        for skipped in calendar.skipped(low, high)
        if skipped.reason not in _WEEKEND
    )


def bank_holiday_on(day: date, calendar: WorkingDays) -> str | None:
    """The bank holiday (or extra non-working day) that ``day`` is, if any; weekends are None."""
    try:
        reason = calendar.why_not(day)
    except OutOfRange:
        return None
    return None if reason in _WEEKEND else reason


def offset_words(rule: Rule, after: str) -> str:
    """How the date is counted, in words: "18 working days after the end of the inspection"."""
    if rule.counted:
        return rule.counted
    if rule.snap == "month_end":
        if rule.offset.amount == 0:
            return "the last day of the month"
        return f"the last day of the month after the month of {after}"
    if rule.snap == "inspection_year_start":
        return f"1 April starting the inspection year of {after}"
    if rule.snap == "inspection_year_end":
        return f"31 March ending the inspection year of {after}"
    if rule.snap == "inspection_year_end_exclusive":
        return f"before 31 March ending the inspection year of {after}"
    if rule.snap == "next_inspection_year_start":
        return f"1 April after {after}"
    if rule.until is not None:
        if rule.offset.unit == rule.until.unit:
            amount = f"{abs(rule.offset.amount)} to {rule.until.words()}"
        else:
            amount = f"from {rule.offset.words()} to {rule.until.words()}"
        return f"{amount} after {after}"
    if rule.offset.amount == 0:
        return after[0].upper() + after[1:] if after else ""
    direction = "after" if rule.offset.amount > 0 else "before"
    return f"{rule.offset.words()} {direction} {after}"


STATUS_TEXT = {
    "overdue": "Deadline passed",
    "due-today": "Due today",
    "upcoming": "Upcoming",
    "open": "Open now",
    "past": "Passed",
    "today": "Today",
    "applies": "Applies now",
}


def with_status(milestone: Milestone, today: date | None) -> Milestone:
    """Mark a milestone against today: deadline passed, due today, open now, upcoming, ..."""
    if today is None or milestone.status is not None:
        return milestone
    end = date.fromisoformat(milestone.date)
    start = date.fromisoformat(milestone.date_from) if milestone.date_from else end
    # Only the provider's own dates can show as a deadline passed: a step inside Ofsted has passed.
    missed = "overdue" if milestone.yours else "past"
    if milestone.type == "by":
        status = missed if today > end else "due-today" if today == end else "upcoming"
    elif milestone.type == "window":
        status = missed if today > end else "open" if today >= start else "upcoming"
    elif milestone.type == "from":
        status = "applies" if today >= end else "upcoming"
    else:
        status = "past" if today > end else "today" if today == end else "upcoming"
    return replace(milestone, status=status, status_text=STATUS_TEXT[status])


def england(extra: Sequence[date] = ()) -> WorkingDays:
    """The England calendar, with any extra non-working days the user gave."""
    return workdays.calendar(extra)
