"""The occupancy check's one adapter: the ``sccif occupancy`` command and the browser's worker both call it.

``check_records`` reads the records (CSV text or bytes, or rows typed into the page's form, through
the same row reader), runs the check and returns the JSON object ``sccif occupancy --format json``
prints: the result, ``answer`` (the verdict and the first date the home stops meeting the policy,
in words), ``input`` (how the records were read) and, when asked, ``lists`` (see ``list_limit``) and
``series`` (the chart's data). ``BROWSER_FUNCTIONS`` are the worker's entry points: JSON-friendly
payloads in and out. Nothing here touches the network or storage.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from ..citations import cite
from ..dates import format_day, parse_date
from ..errors import InputError
from ..payload import whole_in_range
from .checker import check
from .csv_input import (
    ALIASES,
    MAX_BYTES,
    MAX_ROWS,
    TEMPLATE_FILENAME,
    ColumnChoice,
    ParsedResidents,
    parse_date_cell,
    parse_discharge_cell,
    preview_csv,
    read_csv,
    read_rows,
    row_problems,
    template_csv,
)
from .download import lists_csv
from .projection import planned_admission
from .report import OccupancyResult
from .residents import DEFAULT_LEAP_BIRTHDAY, FIELDS, LeapBirthday, Stay
from .rules import READING_NAMES, SOURCE, VERDICT_TITLES
from .series import series
from .windows import WindowStats

__all__ = ["BROWSER_FUNCTIONS", "MAX_FORM_ROWS", "answer", "check_records", "read_records"]

MAX_FORM_ROWS = 500
"""The most rows the page copies into its form for editing (and so the largest preview sample)."""

Records = str | bytes | Sequence[Mapping[str, Any]]
"""CSV text or bytes, or rows of the four fields as typed into a form."""


def read_records(records: Records, *, columns: Mapping[str, ColumnChoice] | None = None) -> ParsedResidents:
    """The stays in a CSV file, or in typed rows; either way, one set of row, field and problem messages."""
    if isinstance(records, (str, bytes)):
        return read_csv(records, columns=columns)
    return read_rows(records)


def check_records(
    records: Records,
    *,
    columns: Mapping[str, ColumnChoice] | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    leap_birthday: LeapBirthday | str = DEFAULT_LEAP_BIRTHDAY,
    planned_discharges: Mapping[str, date] | None = None,
    planned_admissions: Iterable[Stay] = (),
    with_series: bool = False,
    drop_stale_plans: bool = False,
) -> dict[str, Any]:
    """Read the records, check them, and give the JSON object of the command and the page.

    With ``drop_stale_plans`` (the page, checking records again after the reader planned), planned
    discharges of people who no longer have a stay without a discharge date are set aside, not
    refused, and ``plans_dropped`` lists their ids so the page can say whose plans went.
    """
    parsed = read_records(records, columns=columns)
    planned_admissions = tuple(planned_admissions)
    dropped: list[str] = []
    if drop_stale_plans and planned_discharges:
        still_open = {stay.person for stay in (*parsed.stays, *planned_admissions) if stay.discharge is None}
        dropped = sorted(person for person in planned_discharges if person not in still_open)
        planned_discharges = {
            person: day for person, day in planned_discharges.items() if person in still_open
        }
    result = check(
        parsed.stays,
        start=start,
        end=end,
        today=today,
        leap_birthday=leap_birthday,
        planned_discharges=planned_discharges,
        planned_admissions=planned_admissions,
    )
    output = result.as_dict()
    output["answer"] = answer(result)
    output["input"] = parsed.as_dict()
    output["notes"] += parsed.notes
    if with_series:
        output["series"] = series(result)
    if drop_stale_plans:
        output["plans_dropped"] = dropped
    return output


def answer(result: OccupancyResult) -> dict[str, Any]:
    """What the user came to find out, first: the verdict, and the first 12 months that fail.

    That window is the first failing one in the period when the home does not meet the policy
    (reading A) or depends on empty days (reading B); otherwise it is the first failing window of
    the projection, under reading B (every day counts), the stricter, so the earlier of the two.
    """
    summary, ahead = result.summary, result.projection.summary
    window: WindowStats | None
    if result.verdict == "does-not-meet":
        reading, window, projected = "A", summary.first_failing, False
    elif result.verdict == "depends-on-empty-days":
        reading, window, projected = "B", summary.first_failing_all_days, False
    else:
        reading, window, projected = "B", ahead.first_failing_all_days, True
        if window is None:
            reading, window = "A", ahead.first_failing
    detail = None
    if window is None:
        text = (
            f"If nothing changes, it keeps meeting the policy in every 12-month period to "
            f"{format_day(result.projection.end)}."
        )
    else:
        counted = window.occupied_days if reading == "A" else window.days
        kind = "occupied days" if reading == "A" else "days"
        text = (
            f"If nothing changes, it stops meeting the policy on {format_day(window.end)}."
            if projected
            else f"It first stopped meeting the policy on {format_day(window.end)}."
        )
        detail = (
            f"The 12 months ending {format_day(window.end)}: {window.children_majority_days} of "
            f"{counted} {kind} with more children than young adults."
        )
    source = cite(SOURCE)
    return {
        "verdict": result.verdict,
        "title": VERDICT_TITLES[result.verdict],
        "text": text,
        "detail": detail,
        "first_failure": None
        if window is None
        else {**window.as_dict(), "reading": reading, "projected": projected},
        "reading": READING_NAMES[reading],
        "source": {"anchor": source.anchor, "path": source.path, "heading": source.heading},
    }


def _check(payload: dict[str, Any]) -> dict[str, Any]:
    output = check_records(
        _records(payload),
        columns=_columns(payload),
        start=_date(payload, "from"),
        end=_date(payload, "to"),
        today=_date(payload, "today"),
        leap_birthday=_text(payload, "leap_birthday") or DEFAULT_LEAP_BIRTHDAY,
        planned_discharges=_planned_discharges(payload.get("planned_discharges")),
        planned_admissions=_planned_admissions(payload.get("planned_admissions")),
        with_series=bool(payload.get("series", True)),
        drop_stale_plans=payload.get("drop_stale_plans") is True,
    )
    output["lists"] = _limit_lists(output, _list_limit(payload))
    return output


def _download(payload: dict[str, Any]) -> dict[str, str]:
    """The whole of one of the result's lists as CSV (the page shows only its first rows)."""
    kind = _text(payload, "kind") or ""
    return lists_csv(_check({**payload, "series": kind == "months", "list_limit": None}), kind)


def _records(payload: Mapping[str, Any]) -> Records:
    """Typed rows (``rows``) or a file (``csv`` or ``csv_base64``)."""
    rows = payload.get("rows")
    if rows is not None:
        if not isinstance(rows, list):
            raise InputError("the rows must be a list of residents.", field="rows")
        return rows
    return _csv(payload)


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
    row = payload.get("row")
    if row is not None:
        whole_in_range(row, "row", most=MAX_ROWS + 1, least=1)
    return preview_csv(_csv(payload), columns=_columns(payload), sample=sample, row=row)


def _problems(payload: dict[str, Any]) -> dict[str, Any]:
    """Every problem in typed rows and the period, at once, for the page's error summary."""
    problems: list[InputError] = []
    for key in ("from", "to"):
        try:
            _date(payload, key)
        except InputError as error:
            problems.append(error)
    rows = payload.get("rows")
    if rows is not None:
        problems += row_problems(rows)
    return {"problems": [problem.as_dict() for problem in problems]}


def _template(payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "filename": TEMPLATE_FILENAME,
        "mime": "text/csv",
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
    "occupancy.download": _download,
    "occupancy.preview": _preview,
    "occupancy.problems": _problems,
    "occupancy.template": _template,
}
"""The browser's functions: JSON-friendly payloads in, JSON-friendly results out."""
