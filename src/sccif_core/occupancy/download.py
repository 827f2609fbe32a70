"""The page's downloads of a result's long lists, as CSV: the whole list, where the page shows a first page.

``young-adults``: everyone accommodated as a young adult in the period. ``months``: the chart's figures,
month by month. UTF-8 with CRLF line ends; a cell that a spreadsheet would run as a formula is kept as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..errors import InputError
from ..preparation.csv_format import protect

__all__ = ["KINDS", "lists_csv"]


def _young_adults(output: Mapping[str, Any]) -> Iterable[Sequence[object]]:
    yield ("id", "turned_18", "nights_as_young_adult_in_period", "still_resident_at_end", "planned_discharge")
    for person in output["young_adults"]:
        yield (
            person["id"],
            person["turned_18"],
            person["adult_nights"],
            "yes" if person["still_resident"] else "no",
            person["planned_discharge"] or "",
        )


def _months(output: Mapping[str, Any]) -> Iterable[Sequence[object]]:
    yield (
        "month",
        "projected",
        "child_nights",
        "young_adult_nights",
        "days_with_anyone_resident",
        "children_majority_days",
        "share_12_months_reading_a",
        "share_12_months_reading_b",
    )
    for row in output["series"]["monthly"]:
        window = row["window"] or {}
        yield (
            row["month"],
            "yes" if row["projected"] else "no",
            row["child_nights"],
            row["young_adult_nights"],
            row["occupied_days"],
            row["children_majority_days"],
            "" if window.get("share") is None else f"{window['share']:.4f}",
            "" if window.get("share_all_days") is None else f"{window['share_all_days']:.4f}",
        )


KINDS: Mapping[str, tuple[str, Callable[[Mapping[str, Any]], Iterable[Sequence[object]]]]] = {
    "young-adults": ("occupancy-young-adults.csv", _young_adults),
    "months": ("occupancy-months.csv", _months),
}


def lists_csv(output: Mapping[str, Any], kind: str) -> dict[str, str]:
    """The CSV of one of a check's lists (see ``KINDS``) as ``{"filename", "mime", "text"}``, as lib/download.js takes it."""
    if kind not in KINDS:
        raise InputError(f"the download must be one of {', '.join(KINDS)}.", field="kind")
    filename, rows = KINDS[kind]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows(output):
        writer.writerow([protect(value) if isinstance(value, str) else value for value in row])
    return {"filename": filename, "mime": "text/csv", "text": out.getvalue()}
