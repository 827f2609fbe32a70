"""``sccif occupancy FILE``: the "wholly or mainly" check on a home's records, from a terminal."""

from __future__ import annotations

import argparse
import io
import json
import os
import stat
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from ..dates import SUPPORTED_RANGE, parse_date
from ..errors import InputError, terminal_safe
from ..occupancy import (
    LEAP_BIRTHDAY_SETTINGS,
    MAX_BYTES,
    METHOD,
    READINGS,
    Stay,
    check_records,
    planned_admission,
)
from ..occupancy.csv_input import ColumnChoice, parse_discharge_cell, too_large
from ..occupancy.residents import FIELDS

DESCRIPTION = f"""\
Check a secure children's home's records against Ofsted's 'wholly or mainly' policy: for the
majority of time in any 12-month period, the home must accommodate more children than young
adults (SCCIF for secure children's homes, updated 5 April 2024, 'Guidelines for judging
whether a home is meeting the wholly or mainly policy').

FILE is a CSV with a header row and one row per stay: id, date_of_birth, admission_date,
discharge_date (blank, or the placeholder 31/12/9999, while still resident). Common aliases
such as dob, admitted and left are recognised; other columns are ignored. Dates are ISO
(2026-11-25) or UK (25/11/2026), from {SUPPORTED_RANGE}. Use - to read the CSV from
standard input. Nothing is sent anywhere.

The method:
""" + "\n".join(f"  - {line}" for line in (*METHOD, READINGS["A"], READINGS["B"]))

EPILOG = """\
verdicts: meets (every window meets under reading B, so under A too); does-not-meet (some
window fails even under A); depends-on-empty-days (all meet under A, some fail under B);
not-enough-history (the period is shorter than 12 months).

exit status: 0 when the check ran, whatever the verdict; 2 with a one-line message naming the
row and column for bad input (an impossible date, a date outside the supported range, a
discharge before an admission, a birth after an admission, overlapping stays of one person, a
missing column, an empty file)."""

ARGUMENT_NAMES = {
    "from": "--from",
    "to": "--to",
    "leap_birthday": "--leap-birthday",
    "planned_discharge": "--planned-discharge",
    "columns": "--column",
}


def register(subparsers: Any) -> None:
    """Add ``sccif occupancy`` to the ``sccif`` parser."""
    parser = subparsers.add_parser(
        "occupancy",
        help="the 'wholly or mainly' check: any 12-month period, from a home's own records",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="the residents CSV, or - for standard input")
    parser.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help="first day of the period (default: the earliest admission)",
    )
    parser.add_argument("--to", dest="end", metavar="DATE", help="last day of the period (default: today)")
    parser.add_argument(
        "--leap-birthday",
        choices=LEAP_BIRTHDAY_SETTINGS,
        default="mar-1",
        help="when someone born on 29 February turns 18 in a common year: mar-1 (default) or feb-28",
    )
    parser.add_argument(
        "--planned-discharge",
        metavar="ID=DATE",
        action="append",
        default=[],
        help="assume the resident ID, still resident, leaves on DATE (after the period); repeatable",
    )
    parser.add_argument(
        "--planned-admission",
        metavar="ID,DOB,ADMISSION[,DISCHARGE]",
        action="append",
        default=[],
        help="what if someone is admitted after the period; repeatable",
    )
    parser.add_argument(
        "--column",
        metavar="FIELD=HEADER",
        action="append",
        default=[],
        help=f"which column holds FIELD ({', '.join(FIELDS)}), by header or number, "
        "when the headers are not recognised; repeatable",
    )
    parser.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table (default): a readable summary; json: every figure, ISO dates",
    )
    parser.set_defaults(func=_run)


def today() -> date:
    """Today's date on this computer (tests replace this)."""
    return date.today()


def _run(args: argparse.Namespace) -> int:
    try:
        data = check_records(
            _read(args.file),
            columns=_columns(args.column),
            start=None if args.start is None else parse_date(args.start, field="from"),
            end=None if args.end is None else parse_date(args.end, field="to"),
            today=today(),
            leap_birthday=args.leap_birthday,
            planned_discharges=_planned_discharges(args.planned_discharge),
            planned_admissions=_planned_admissions(args.planned_admission),
        )
    except InputError as error:
        field = ARGUMENT_NAMES.get(error.field or "", error.field) if error.row is None else error.field
        if field == error.field:
            raise
        raise InputError(error.problem, row=error.row, field=field, value=error.value) from None
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(table(data, blank_rows=data["input"]["blank_rows"]))
    return 0


def _read(name: str) -> bytes:
    if name == "-":
        return _read_at_most(sys.stdin.buffer)
    path = Path(name)
    try:
        with path.open("rb") as handle:
            return _read_at_most(handle)
    except FileNotFoundError:
        raise InputError(f"there is no file '{name}'.", field="FILE") from None
    except IsADirectoryError:
        raise InputError(f"'{name}' is a folder, not a CSV file.", field="FILE") from None
    except OSError as error:
        raise InputError(f"cannot read '{name}': {error.strerror}.", field="FILE") from None


def _read_at_most(handle: BinaryIO) -> bytes:
    """Up to ``MAX_BYTES``; past that, the error gives a file's real size, or "more than" for a stream."""
    data = handle.read(MAX_BYTES + 1)
    if len(data) <= MAX_BYTES:
        return data
    try:
        status = os.fstat(handle.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        raise too_large(None) from None
    raise too_large(status.st_size if stat.S_ISREG(status.st_mode) else None)


def _pair(text: str, option: str, separator: str = "=") -> tuple[str, str]:
    key, found, value = text.rpartition(separator)
    if not found or not key.strip() or not value.strip():
        raise InputError(f"'{text}' should look like {option}.", field=option.split()[0])
    return key.strip(), value.strip()


def _planned_discharges(values: Sequence[str]) -> dict[str, date]:
    planned: dict[str, date] = {}
    for text in values:
        person, day = _pair(text, "--planned-discharge ID=DATE")
        if person in planned:
            raise InputError(f"'{person}' has two planned discharges; keep one.", field="--planned-discharge")
        planned[person] = parse_date(day, field="--planned-discharge")
    return planned


def _planned_admissions(values: Sequence[str]) -> list[Stay]:
    stays = []
    for text in values:
        parts = [part.strip() for part in text.split(",")]
        if len(parts) not in (3, 4) or not parts[0]:
            raise InputError(
                f"'{text}' should look like ID,DOB,ADMISSION or ID,DOB,ADMISSION,DISCHARGE.",
                field="--planned-admission",
            )
        born = parse_date(parts[1], field="--planned-admission")
        admitted = parse_date(parts[2], field="--planned-admission")
        left = (
            parse_discharge_cell(parts[3], field="--planned-admission", row=None) if len(parts) == 4 else None
        )
        if born > admitted:
            raise InputError(f"in '{text}' the birth is after the admission.", field="--planned-admission")
        if left is not None and left < admitted:
            raise InputError(
                f"in '{text}' the discharge is before the admission.", field="--planned-admission"
            )
        stays.append(planned_admission(parts[0], born, admitted, left))
    return stays


def _columns(values: Sequence[str]) -> dict[str, ColumnChoice] | None:
    chosen: dict[str, ColumnChoice] = {}
    for text in values:
        name, header = _pair(text, "--column FIELD=HEADER")
        chosen[name] = int(header) if header.isdigit() else header
    return chosen or None


# --- the table format ---


def table(data: dict[str, Any], *, blank_rows: Sequence[int] = ()) -> str:
    """A plain-text report of the JSON result, for reading in a terminal or printing."""
    period = data["period"]
    answer = data["answer"]
    lines = [
        f"{answer['title']}. {answer['text']}",
        *([f"  {answer['detail']}"] if answer["detail"] else []),
        f"  ({answer['reading']}; source: {answer['source']['path']})",
        "",
        f"'Wholly or mainly' check: {period['start']} to {period['end']} ({period['days']} days), "
        f"{data['residents']['people']} people, {data['residents']['stays']} stays",
        f"Verdict: {data['verdict']}",
        f"  {data['verdict_text']}",
        f"29 February setting: {data['leap_birthday']}. {data['leap_birthday_text']}",
    ]
    comparison = data["leap_birthday_comparison"]
    if comparison:
        lines.append(
            f"  With {comparison['leap_birthday']} instead ({', '.join(comparison['people'])} born on "
            f"29 February): verdict {comparison['verdict']}, {comparison['windows_meeting']} windows meeting "
            f"(A), {comparison['windows_meeting_all_days']} (B)."
        )
    lines += [
        "",
        f"12-month windows checked: {data['windows_total']}",
        f"  Reading A (empty days set aside): {data['windows_meeting']} meet, {data['windows_failing']} fail",
        f"  Reading B (every day counts):     {data['windows_meeting_all_days']} meet, "
        f"{data['windows_failing_all_days']} fail",
        "",
    ]
    rows = [
        ("Latest window", data["latest_window"]),
        ("Worst, reading A", data["worst_window"]),
        ("Worst, reading B", data["worst_window_all_days"]),
    ]
    header = (
        "",
        "Start",
        "End",
        "Days",
        "Occupied",
        "Majority",
        "Share A",
        "Share B",
        "Child nights",
        "YA nights",
        "A",
        "B",
    )
    body = [
        (
            label,
            window["start"],
            window["end"],
            str(window["days"]),
            str(window["occupied_days"]),
            str(window["children_majority_days"]),
            _percent(window["share"]),
            _percent(window["share_all_days"]),
            str(window["child_nights"]),
            str(window["young_adult_nights"]),
            _yes(window["meets"]),
            _yes(window["meets_all_days"]),
        )
        for label, window in rows
        if window is not None
    ]
    if body:
        lines += _columns_text([header, *body]) + [
            "  Majority: days with more children than young adults. Occupied: days with anyone resident.",
            "",
        ]
    young = data["young_adults"]
    lines.append(f"Young adults in the period: {len(young)}")
    if young:
        lines += _columns_text(
            [
                ("", "ID", "Turned 18", "Adult nights", "Still resident"),
                *(
                    (
                        "",
                        p["id"],
                        p["turned_18"] + (" (29 Feb birth)" if p["born_29_february"] else ""),
                        str(p["adult_nights"]),
                        _yes(p["still_resident"]),
                    )
                    for p in young
                ),
            ]
        )
    projection = data["projection"]
    lines += [
        "",
        f"Projection, {projection['start']} to {projection['end']}: {projection['assumption']}",
        f"  Reading A: {_fails(projection['fails_from'])}",
        f"  Reading B: {_fails(projection['fails_from_all_days'])}",
    ]
    if projection["upcoming_18th_birthdays"]:
        lines.append(
            "  18th birthdays to come: "
            + ", ".join(f"{p['id']} on {p['turns_18']}" for p in projection["upcoming_18th_birthdays"])
        )
    for note in data["notes"]:
        lines.append(f"Note: {note}")
    if blank_rows:
        lines.append(f"Note: blank rows passed over: {', '.join(str(row) for row in blank_rows)}.")
    lines += ["", f"Source: {data['source']['heading']} ({data['source']['path']})"]
    # Ids come from the file: a line break or a right-to-left override in one is shown, not acted on.
    return "\n".join(terminal_safe(line) for line in lines)


def _fails(day: str | None) -> str:
    if day is None:
        return "every trailing 12-month window keeps meeting the policy"
    return f"the first trailing 12-month window that would not meet the policy ends on {day}"


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share * 100:.1f}%"


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _columns_text(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
