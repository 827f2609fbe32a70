"""Every deadline in the framework, dated: rules as data, small functions to date them.

    >>> from sccif_core.timelines import compute
    >>> timeline = compute("full", {"end": "2026-11-19"})
    >>> [(m.key, m.date) for m in timeline.milestones if m.key in ("draft_report", "publication")]
    [('draft_report', '2026-12-15'), ('publication', '2027-01-12')]

Semantics, stated wherever dates are shown:

- "Within N working days of X" is the Nth working day after X; X itself is not counted
  (the framework's day tables: day 4 + 18 working days = day 22).
- Weeks, months and years are calendar arithmetic; months keep the day of the month,
  or use the month's last day when the month is shorter (31 January + 1 month =
  28 or 29 February).
- Dates counted in working days across years GOV.UK has not yet published bank
  holidays for are *provisional*.
- Dates the framework gives only as "usually", "normally" or "likely" say so.
"""

from __future__ import annotations

from .kinds import KINDS, compute
from .model import Milestone, Offset, Rule, Source, Timeline
from .results import milestone_dict, timeline_dict

__all__ = [
    "KINDS",
    "Milestone",
    "Offset",
    "Rule",
    "Source",
    "Timeline",
    "compute",
    "milestone_dict",
    "timeline_dict",
]
