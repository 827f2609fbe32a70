"""The "wholly or mainly" occupancy check: any 12-month period, from a home's own records.

Ofsted's guidelines (framework anchor ``wholly-or-mainly-guidelines-2``): "for the
majority of time in any 12-month period, a home must accommodate more children than
young adults, even if at times it does not. We will accept any 12-month period".

    >>> from datetime import date
    >>> parsed = read_csv("id,dob,admitted,left\\nAB,01/06/2008,2025-01-01,\\nCD,2009-01-01,2025-02-01,\\n")
    >>> result = check(parsed.stays, today=date(2026, 6, 30))
    >>> result.verdict, result.summary.total
    ('meets', 182)
    >>> result.projection.fails_from      # AB turned 18 on 1 June 2026; CD is the only child
    datetime.date(2026, 11, 30)

The method is in ``rules.METHOD``; the JSON shape is ``OccupancyResult.as_dict()``.
Everything here is standard library only and runs the same in Pyodide.
"""

from __future__ import annotations

from .api import BROWSER_FUNCTIONS, answer, check_records, read_records
from .checker import check
from .csv_input import MAX_BYTES, MAX_ROWS, ParsedResidents, preview_csv, read_csv, read_rows, template_csv
from .projection import MAX_YEARS_AHEAD, Projection, planned_admission
from .report import LeapComparison, OccupancyResult, YoungAdult
from .residents import (
    DEFAULT_LEAP_BIRTHDAY,
    LEAP_BIRTHDAY_SETTINGS,
    LeapBirthday,
    Stay,
    eighteenth_birthday,
    eighteenth_birthdays,
)
from .rules import CITATIONS, FRAMEWORK_WORDING, METHOD, READINGS, SOURCE, VERDICT_TEXT, VERDICTS
from .windows import DailyCounts, WindowStats, WindowSummary, add_months, daily_counts, window_end

__all__ = [
    "BROWSER_FUNCTIONS",
    "CITATIONS",
    "DEFAULT_LEAP_BIRTHDAY",
    "FRAMEWORK_WORDING",
    "LEAP_BIRTHDAY_SETTINGS",
    "MAX_BYTES",
    "MAX_ROWS",
    "MAX_YEARS_AHEAD",
    "METHOD",
    "READINGS",
    "SOURCE",
    "VERDICTS",
    "VERDICT_TEXT",
    "DailyCounts",
    "LeapBirthday",
    "LeapComparison",
    "OccupancyResult",
    "ParsedResidents",
    "Projection",
    "Stay",
    "WindowStats",
    "WindowSummary",
    "YoungAdult",
    "add_months",
    "answer",
    "check",
    "check_records",
    "daily_counts",
    "eighteenth_birthday",
    "eighteenth_birthdays",
    "planned_admission",
    "preview_csv",
    "read_csv",
    "read_records",
    "read_rows",
    "template_csv",
    "window_end",
]
