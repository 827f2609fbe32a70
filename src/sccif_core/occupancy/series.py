"""The daily series and monthly table behind the page's chart, in a compact JSON shape.

Daily counts change only when someone arrives, leaves or turns 18, so they are
sent run-length encoded: ``[[value, days], ...]``. Window figures are sent as
plain arrays of integers, one per window in order of start (the first window
starts on the series' first day); the page divides them to draw the shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from .report import OccupancyResult
from .windows import WindowStats, WindowTable

__all__ = ["monthly_table", "run_lengths", "series"]


def run_lengths(values: Sequence[int]) -> list[list[int]]:
    """``[3, 3, 2]`` -> ``[[3, 2], [2, 1]]``."""
    runs: list[list[int]] = []
    for value in values:
        if runs and runs[-1][0] == value:
            runs[-1][1] += 1
        else:
            runs.append([value, 1])
    return runs


def series(result: OccupancyResult) -> dict[str, Any]:
    """Daily children and young adults, and every window's figures, from the period's start."""
    counts = result.counts
    table = result.table
    return {
        "start": counts.start.isoformat(),
        "days": counts.days,
        "period_days": result.period_days,
        "children": run_lengths(counts.children),
        "young_adults": run_lengths(counts.young_adults),
        # The chart's scale, so the page need not spread a long period's days into Math.max.
        "most_children": max(counts.children, default=0),
        "most_young_adults": max(counts.young_adults, default=0),
        "windows": {
            "count": len(table),
            "checked": result.summary.total,
            "days": run_lengths(
                [end - start + 1 for start, end in zip(table.starts, table.ends, strict=True)]
            ),
            "children_majority_days": table.majority,
            "occupied_days": table.occupied,
        },
        "monthly": monthly_table(result),
    }


def monthly_table(result: OccupancyResult) -> list[dict[str, Any]]:
    """One row per calendar month: nights, days, and the 12-month shares at the month's end.

    The shares are those of the latest window ending in the month (None before the first
    whole window). This is the chart's data-table alternative.
    """
    counts = result.counts
    ends = _latest_window_by_month(result.table)
    rows: list[dict[str, Any]] = []
    offset = 0
    while offset < counts.days:
        first = counts.day(offset)
        next_month = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        stop = min(offset + (next_month - first).days, counts.days)
        children = counts.children[offset:stop]
        adults = counts.young_adults[offset:stop]
        window = ends.get((first.year, first.month))
        rows.append(
            {
                "month": f"{first.year:04d}-{first.month:02d}",
                "first": first.isoformat(),
                "last": (first + timedelta(days=stop - offset - 1)).isoformat(),
                "days": stop - offset,
                "projected": first > result.period_end,
                "child_nights": sum(children),
                "young_adult_nights": sum(adults),
                "occupied_days": sum(1 for c, y in zip(children, adults, strict=True) if c + y),
                "children_majority_days": sum(1 for c, y in zip(children, adults, strict=True) if c > y),
                "most_children": max(children),
                "most_young_adults": max(adults),
                "window": None
                if window is None
                else {
                    "start": window.start.isoformat(),
                    "end": window.end.isoformat(),
                    "share": window.as_dict()["share"],
                    "share_all_days": window.as_dict()["share_all_days"],
                    "meets": window.meets,
                    "meets_all_days": window.meets_all_days,
                },
            }
        )
        offset = stop
    return rows


def _latest_window_by_month(table: WindowTable) -> dict[tuple[int, int], WindowStats]:
    """For each month, the window with the latest start among those ending in it."""
    latest: dict[tuple[int, int], int] = {}
    start = table.counts.start
    for index, end in enumerate(table.ends):
        day = start + timedelta(days=end)
        latest[(day.year, day.month)] = index
    return {month: table.stats(index) for month, index in latest.items()}
