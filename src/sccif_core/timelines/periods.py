"""Calendar arithmetic for weeks, months, years and Ofsted's inspection year.

Month-end rule: adding months keeps the day of the month; when the target month is
shorter, the date is the target month's last day. So 31 January 2026 + 1 month is
28 February 2026, 31 January 2028 + 1 month is 29 February 2028, and 29 February 2028
+ 1 year is 28 February 2029. A "3 years" or "6 months" period ends on that date: a
manager who started on 1 September 2026 has until 1 September 2029.

Counting back ("at least 3 months before 31 May") gives the latest date from which
counting forward still reaches the given date: 28 February (29 in a leap year), as
1 March + 3 months is 1 June, too late.

The inspection year runs from 1 April to 31 March (the framework's "year-long cycle
from 1 April to 31 March").
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from ..errors import InputError

MONTH_END_RULE = (
    "Months and years are counted on the calendar: the same day of the month, N months "
    "later. If that month is shorter, the last day of the month is used (31 January + 1 "
    "month = 28 February, or 29 February in a leap year; 29 February + 1 year = 28 February)."
)
COUNT_BACK_RULE = (
    'Counting back ("at least 3 months before") gives the latest date from which counting '
    "forward still reaches the later date."
)
WEEKS_RULE = "Weeks are counted on the calendar: N weeks after a Tuesday is a Tuesday."


def month_end(day: date) -> date:
    """The last day of ``day``'s month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (negative goes back), month-end rule applied."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise InputError(f"{day.isoformat()} plus {months} months is outside the calendar.")
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def latest_at_least_months_before(later: date, months: int) -> date:
    """The latest date T with ``add_months(T, months) <= later`` (``months`` > 0)."""
    if months <= 0:
        raise ValueError("months must be positive")
    candidate = add_months(later, -months)
    # Month ends can let a later start still land on ``later`` (30 April - 3 months:
    # 31 January + 3 months = 30 April), so step forward while that holds.
    while add_months(candidate + timedelta(days=1), months) <= later:
        candidate += timedelta(days=1)
    return candidate


def inspection_year_start(day: date) -> date:
    """1 April that starts the inspection year holding ``day``."""
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def inspection_year_end(day: date) -> date:
    """31 March that ends the inspection year holding ``day``."""
    return date(inspection_year_start(day).year + 1, 3, 31)


def next_inspection_year_start(day: date) -> date:
    """The first 1 April after ``day``."""
    return date(inspection_year_start(day).year + 1, 4, 1)


def inspection_year_label(day: date) -> str:
    """ "2026 to 2027" for any day from 1 April 2026 to 31 March 2027."""
    start = inspection_year_start(day).year
    return f"{start} to {start + 1}"
