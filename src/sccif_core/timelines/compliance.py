"""Compliance notices: when Ofsted checks each one, and the fewest visits that check them all.

The framework: the monitoring visit "will be within 5 working days of the date set in the
notice for compliance", and visits for several notices "can be combined if the dates are
close together and if we do not exceed 5 working days from the date of any notice".

Each notice therefore has a window: from the day after its date (a visit checks notices
"of which the completion timescales have passed") to the 5th working day after it. One
visit can check every notice whose window holds the visit's date.

Planning the fewest visits is the classic "stab all intervals with the fewest points"
problem. Windows start and end in the same order as their notice dates, so the greedy
plan is optimal: take the earliest notice not yet covered, visit on the last day of its
window, and count as covered every notice whose window has opened by then. (Any plan
must visit some day in that first window; the last day of it covers every notice any
such day covers.) Tests check this against a brute-force search on small inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..workdays import WorkingDays
from .dating import shift
from .rules import COMPLIANCE_VISIT


@dataclass(frozen=True, slots=True)
class PlannedVisit:
    """One visit: any day from ``earliest`` to ``latest`` checks every notice in ``notices``."""

    earliest: date
    latest: date
    notices: tuple[int, ...]  # positions in the list of notice dates given


def visit_window(notice: date, calendar: WorkingDays) -> tuple[date, date]:
    """The days a visit can check the notice dated ``notice``: the day after, to 5 working days after."""
    assert COMPLIANCE_VISIT.until is not None
    return shift(notice, COMPLIANCE_VISIT.offset, calendar), shift(notice, COMPLIANCE_VISIT.until, calendar)


def covers(visit: date, notice: date, calendar: WorkingDays) -> bool:
    """Whether a visit on ``visit`` is within the window of the notice dated ``notice``."""
    earliest, latest = visit_window(notice, calendar)
    return earliest <= visit <= latest


def plan_visits(notices: Sequence[date], calendar: WorkingDays) -> tuple[PlannedVisit, ...]:
    """The fewest visits that check every notice within its window (greedy, optimal)."""
    windows = [visit_window(notice, calendar) for notice in notices]
    order = sorted(range(len(notices)), key=lambda index: (notices[index], index))
    plan: list[PlannedVisit] = []
    position = 0
    while position < len(order):
        latest = windows[order[position]][1]
        covered: list[int] = []
        while position < len(order) and windows[order[position]][0] <= latest:
            covered.append(order[position])
            position += 1
        earliest = max(windows[index][0] for index in covered)
        plan.append(PlannedVisit(earliest, latest, tuple(covered)))
    return tuple(plan)
