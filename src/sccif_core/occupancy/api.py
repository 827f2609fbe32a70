"""The occupancy check as the browser's worker calls it: JSON-friendly payloads in and out.

``occupancy.check`` takes the CSV text and the page's options and returns the same
object as ``sccif occupancy --format json``, plus ``input`` (how the file was read),
``lists`` (how long each list that grows with the records is, and how much of it was sent:
see ``list_limit``) and ``series`` (the chart's data). Nothing here touches the network or storage.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from ..dates import parse_date
from ..errors import InputError
from ..payload import whole_in_range
from .checker import check
from .csv_input import (
    ALIASES,
    MAX_BYTES,
    MAX_ROWS,
    TEMPLATE_FILENAME,
    ColumnChoice,
    parse_date_cell,
    parse_discharge_cell,
    preview_csv,
    read_csv,
    template_csv,
)
from .projection import planned_admission
from .residents import DEFAULT_LEAP_BIRTHDAY, FIELDS, Stay
from .series import series

__all__ = ["BROWSER_FUNCTIONS", "MAX_FORM_ROWS"]

MAX_FORM_ROWS = 500
"""The most rows the page copies into its form for editing (and so the largest preview sample)."""


def _check(payload: dict[str, Any]) -> dict[str, Any]:
    parsed = read_csv(_csv(payload), columns=_columns(payload))
    result = check(
        parsed.stays,
        start=_date(payload, "from"),
        end=_date(payload, "to"),
        today=_date(payload, "today"),
        leap_birthday=_text(payload, "leap_birthday") or DEFAULT_LEAP_BIRTHDAY,
        planned_discharges=_planned_discharges(payload.get("planned_discharges")),
        planned_admissions=_planned_admissions(payload.get("planned_admissions")),
    )
    output = result.as_dict()
    output["input"] = parsed.as_dict()
    output["notes"] += parsed.notes
    output["lists"] = _limit_lists(output, _list_limit(payload))
    if payload.get("series", True):
        output["series"] = series(result)
    return output


def _list_limit(payload: Mapping[str, Any]) -> int | None:
    value = payload.get("list_limit")
    if value is None:
        return None
    whole_in_range(value, "list_limit", most=MAX_ROWS, least=1)
    return int(value)


def _limit_lists(output: dict[str, Any], limit: int | None) -> dict[str, dict[str, int]]:
    """Cut the lists that grow with the records to their first ``limit`` entries; say how long each was.

    With 100,000 stays these lists hold 100,000 rows, more than a page can show at once. The page
    asks for a first page (``list_limit``) and offers the whole result as a download, which it
    gets by asking again without a limit.
    """
    projection = output["projection"]
    lists = {
        "young_adults": (output, "young_adults"),
        "open_stays": (projection, "open_stays"),
        "upcoming_18th_birthdays": (projection, "upcoming_18th_birthdays"),
    }
    counts: dict[str, dict[str, int]] = {}
    for name, (holder, key) in lists.items():
        total = len(holder[key])
        if limit is not None and total > limit:
            holder[key] = holder[key][:limit]
        counts[name] = {"total": total, "shown": len(holder[key])}
    return counts


def _preview(payload: dict[str, Any]) -> dict[str, Any]:
    sample = payload.get("sample", 10)
    if isinstance(sample, bool) or not isinstance(sample, int) or not 0 <= sample <= MAX_FORM_ROWS:
        raise InputError(f"the sample must be a whole number from 0 to {MAX_FORM_ROWS}.", field="sample")
    return preview_csv(_csv(payload), columns=_columns(payload), sample=sample)


def _template(payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "filename": TEMPLATE_FILENAME,
        "text": template_csv(),
        "fields": list(FIELDS),
        "aliases": {name: list(ALIASES[name]) for name in FIELDS},
        "max_bytes": MAX_BYTES,
        "max_rows": MAX_ROWS,
    }


def _csv(payload: Mapping[str, Any]) -> str | bytes:
    """The file as the page read it: text, or (when it is not UTF-8 text) its bytes in base64."""
    encoded = payload.get("csv_base64")
    if isinstance(encoded, str):
        if len(encoded) > (MAX_BYTES // 3 + 1) * 4:
            raise InputError(
                f"the file is larger than {MAX_BYTES // 1024 // 1024} MB, the most the checker reads.",
                field="csv",
            )
        try:
            return base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise InputError("the file could not be read: its content was garbled.", field="csv") from None
    text = payload.get("csv")
    if not isinstance(text, str):
        raise InputError("no residents were given: load a CSV file, paste rows or add them.", field="csv")
    return text


def _columns(payload: Mapping[str, Any]) -> dict[str, ColumnChoice] | None:
    chosen = payload.get("columns")
    if chosen in (None, {}):
        return None
    if not isinstance(chosen, dict):
        raise InputError("the column choices must be an object of field: column.", field="columns")
    columns: dict[str, ColumnChoice] = {}
    for name, value in chosen.items():
        if value in (None, ""):
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise InputError(f"the column chosen for {name} must be a header or a number.", field="columns")
        columns[str(name)] = value
    return columns or None


def _text(payload: Mapping[str, Any], key: str) -> str | None:
    value = payload.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"expected text, got {type(value).__name__}.", field=key)
    return value


def _date(payload: Mapping[str, Any], key: str) -> date | None:
    text = _text(payload, key)
    return None if text is None else parse_date(text, field=key)


def _planned_discharges(value: Any) -> dict[str, date]:
    """``{"AB": "2026-09-01"}`` or ``[{"id": "AB", "date": "2026-09-01"}]``."""
    if value in (None, "", [], {}):
        return {}
    pairs: list[tuple[Any, Any]]
    if isinstance(value, dict):
        pairs = list(value.items())
    elif isinstance(value, list) and all(isinstance(item, dict) for item in value):
        pairs = [(item.get("id"), item.get("date")) for item in value]
    else:
        raise InputError("planned discharges must be a list of {id, date}.", field="planned_discharge")
    planned: dict[str, date] = {}
    for person, day in pairs:
        if not isinstance(person, str) or not person.strip():
            raise InputError("each planned discharge needs the resident's id.", field="planned_discharge")
        if not isinstance(day, str) or not day.strip():
            continue  # an id chosen but no date yet: no plan
        key = person.strip()
        if key in planned:
            raise InputError(f"'{key}' has two planned discharges; keep one.", field="planned_discharge")
        planned[key] = parse_date(day, field="planned_discharge")
    return planned


def _planned_admissions(value: Any) -> tuple[Stay, ...]:
    """``[{"id", "date_of_birth", "admission_date", "discharge_date"}]``."""
    if value in (None, "", []):
        return ()
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise InputError("planned admissions must be a list of rows.", field="planned_admissions")
    stays: list[Stay] = []
    for number, item in enumerate(value, start=1):
        where = f"planned admission {number}"

        def cell(name: str, item: dict[str, Any] = item) -> str:
            raw = item.get(name)
            return raw.strip() if isinstance(raw, str) else ""

        person = cell("id")
        if not person:
            raise InputError("an id is needed (initials will do).", field=where)
        born = parse_date_cell(cell("date_of_birth"), field=f"{where}, date of birth", row=None)
        admitted = parse_date_cell(cell("admission_date"), field=f"{where}, admission date", row=None)
        discharged = parse_discharge_cell(cell("discharge_date"), field=f"{where}, discharge date", row=None)
        if born > admitted:
            raise InputError(
                "the date of birth is after the admission date.", field=f"{where}, date of birth"
            )
        if discharged is not None and discharged < admitted:
            raise InputError(
                "the discharge date is before the admission date.", field=f"{where}, discharge date"
            )
        stays.append(planned_admission(person, born, admitted, discharged))
    return tuple(stays)


BROWSER_FUNCTIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "occupancy.check": _check,
    "occupancy.preview": _preview,
    "occupancy.template": _template,
}
"""The browser's functions: JSON-friendly payloads in, JSON-friendly results out."""
