"""Reading a home's residents from a CSV file, with errors that name the row and column.

The file has a header row (row 1) and one row per stay. It may be UTF-8 with or
without a byte-order mark (or UTF-16, as Excel's "Unicode text" saves), separated by
commas, semicolons or tabs (what a spreadsheet puts on the clipboard). Columns are
found by name, with common aliases (``dob``, ``admitted``, ``left`` ...), in any case
and spacing; extra columns are ignored. Dates are ISO (2026-11-25) or UK (25/11/2026).
A discharge date of 31/12/9999, the usual "no end date" placeholder, means still resident,
as a blank one does, and the result says which rows used it.

Nothing is dropped silently: a row that cannot be read stops the check with an
``InputError`` saying which row and column, and wholly blank rows are counted and
reported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..dates import NO_END_DATE, is_no_end_date, parse_date
from ..errors import InputError
from .residents import FIELDS, Stay, validate_stays

__all__ = [
    "ALIASES",
    "DELIMITERS",
    "MAX_BYTES",
    "MAX_ROWS",
    "ParsedResidents",
    "TEMPLATE_FILENAME",
    "parse_date_cell",
    "parse_discharge_cell",
    "preview_csv",
    "read_csv",
    "read_rows",
    "row_problems",
    "template_csv",
    "too_large",
]

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
DELIMITERS: tuple[str, ...] = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
TEMPLATE_FILENAME = "occupancy-template.csv"

REQUIRED: tuple[str, ...] = FIELDS
DESCRIPTIONS = {
    "id": "an id for each person (initials will do)",
    "date_of_birth": "the date of birth",
    "admission_date": "the admission date",
    "discharge_date": "the discharge date (blank while still resident)",
}

# Header names are compared after lower-casing, dropping anything in brackets and
# removing everything but letters and digits: "Date of birth (dd/mm/yyyy)" -> "dateofbirth".
ALIASES: Mapping[str, tuple[str, ...]] = {
    "id": (
        "id",
        "ids",
        "ref",
        "reference",
        "initials",
        "name",
        "resident",
        "residentid",
        "residentref",
        "child",
        "childid",
        "childref",
        "person",
        "personid",
        "youngperson",
        "youngpersonid",
        "code",
        "identifier",
        "no",
        "number",
    ),
    "date_of_birth": (
        "dateofbirth",
        "dob",
        "birthdate",
        "birthday",
        "born",
        "dateborn",
        "birth",
    ),
    "admission_date": (
        "admissiondate",
        "admission",
        "admissions",
        "admitted",
        "dateadmitted",
        "admitteddate",
        "admittedon",
        "dateofadmission",
        "admit",
        "admitdate",
        "start",
        "startdate",
        "arrived",
        "arrival",
        "arrivaldate",
        "datearrived",
        "movedin",
        "movein",
        "placementstart",
        "placementstartdate",
        "in",
        "datein",
        "from",
    ),
    "discharge_date": (
        "dischargedate",
        "discharge",
        "discharged",
        "datedischarged",
        "dischargeddate",
        "dischargedon",
        "dateofdischarge",
        "left",
        "leftdate",
        "dateleft",
        "leavingdate",
        "leaving",
        "leave",
        "end",
        "enddate",
        "departure",
        "departed",
        "departuredate",
        "moveout",
        "movedout",
        "placementend",
        "placementenddate",
        "out",
        "dateout",
        "to",
        "until",
    ),
}
_ALIAS_TO_FIELD = {alias: name for name, aliases in ALIASES.items() for alias in aliases}

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MIDNIGHT = re.compile(r"(\S+?)(?:[ T]0?0:00(?::00(?:\.0+)?)?)")

_SPREADSHEET_HELP = (
    "Save it as CSV first. In Excel: File > Save As (or Save a Copy), then choose "
    "'CSV UTF-8 (Comma delimited) (*.csv)'. In LibreOffice Calc: File > Save As, choose "
    "'Text CSV (.csv)', tick 'Edit filter settings' and pick Unicode (UTF-8). "
    "Or copy the cells and paste them into the box on this page."
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "This is a spreadsheet workbook (.xlsx or .ods), not a CSV file. "),
    (b"\xd0\xcf\x11\xe0", "This is an old-style Excel workbook (.xls), not a CSV file. "),
    (b"%PDF", "This is a PDF, not a CSV file. "),
)


@dataclass(frozen=True, slots=True)
class ParsedResidents:
    """The stays read from a file, and how the file was read."""

    stays: tuple[Stay, ...]
    columns: Mapping[str, str] = field(default_factory=dict)
    """Each of the four fields -> the column name as written in the file."""
    delimiter: str = ","
    rows: int = 0
    """Rows below the header, blank ones included."""
    blank_rows: tuple[int, ...] = ()
    """Rows with nothing in them, which were passed over (row numbers, the header is row 1)."""
    ignored_columns: tuple[str, ...] = ()
    no_end_date_rows: tuple[int, ...] = ()
    """Rows whose discharge date was the placeholder 9999-12-31, read as still resident."""

    @property
    def notes(self) -> tuple[str, ...]:
        """How the file was read, where a reader could be surprised, in sentences."""
        return no_end_date_notes(self.no_end_date_rows)

    def as_dict(self) -> dict[str, Any]:
        return {
            "columns": dict(self.columns),
            "delimiter": DELIMITER_NAMES.get(self.delimiter, self.delimiter),
            "rows": self.rows,
            "stays": len(self.stays),
            "people": len({stay.person for stay in self.stays}),
            "blank_rows": list(self.blank_rows),
            "ignored_columns": list(self.ignored_columns),
            "no_end_date_rows": list(self.no_end_date_rows),
            "notes": list(self.notes),
        }


def no_end_date_notes(rows: Sequence[int]) -> tuple[str, ...]:
    """The sentence saying which rows had 31/12/9999 as the discharge date, and how it was read."""
    if not rows:
        return ()
    listed = ", ".join(str(row) for row in rows[:20]) + (
        f" and {len(rows) - 20:,} more" if len(rows) > 20 else ""
    )
    which = f"Rows {listed} have" if len(rows) > 1 else f"Row {listed} has"
    return (f"{which} the discharge date {NO_END_DATE_TEXT}, {NO_END_DATE_READING}",)


NO_END_DATE_TEXT = NO_END_DATE.strftime("%d/%m/%Y")
NO_END_DATE_READING = (
    "a common placeholder for 'no end date': read as still resident, like a blank discharge date."
)


ColumnChoice = str | int
"""A column picked by the user: its header text, or its position counting from 1."""


def read_csv(
    data: bytes | str,
    *,
    columns: Mapping[str, ColumnChoice] | None = None,
) -> ParsedResidents:
    """Read stays from CSV text or bytes; raise ``InputError`` naming the row and column.

    ``columns`` maps any of ``id``, ``date_of_birth``, ``admission_date`` and
    ``discharge_date`` to a header (or a 1-based column number), for files whose
    headers are not recognised.
    """
    text = decode(data)
    delimiter, header, records = _table(text)
    index = _map_columns(header, columns)
    labels = {name: _label(header, position) for name, position in index.items()}
    used = set(index.values())
    ignored = tuple(_label(header, i) for i in range(len(header)) if i not in used and header[i].strip())
    return _read_records(records, index, labels, delimiter=delimiter, ignored=ignored)


def read_rows(rows: Sequence[Any]) -> ParsedResidents:
    """Read stays from rows typed into a form: a list of objects with the four fields as text.

    The same row reader as ``read_csv``, so a typed row gets the same messages as a CSV row.
    Rows are numbered from 1 (there is no header row), and the fields keep their own names.
    """
    records = _typed_records(rows)
    index = {name: position for position, name in enumerate(FIELDS)}
    return _read_records(iter(records), index, {name: name for name in FIELDS}, first_row=1)


def row_problems(rows: Sequence[Any]) -> list[InputError]:
    """Every problem in rows typed into a form, not only the first: each cell that cannot be read.

    The page reports them all at once. When every cell reads, the rows are checked together as
    ``read_rows`` checks them (a birth after an admission, overlapping stays ...), which stops at
    the first problem.
    """
    try:
        records = _typed_records(rows)
    except InputError as error:
        return [error]
    problems: list[InputError] = []
    for number, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        record = dict(zip(FIELDS, (cell.strip() for cell in cells), strict=True))
        if not record["id"]:
            problems.append(
                InputError("an id is needed for every stay (initials will do).", row=number, field="id")
            )
        for name in ("date_of_birth", "admission_date"):
            try:
                parse_date_cell(record[name], field=name, row=number)
            except InputError as error:
                problems.append(error)
        try:
            parse_discharge_cell(record["discharge_date"], field="discharge_date", row=number)
        except InputError as error:
            problems.append(error)
    if problems:
        return problems
    try:
        read_rows(rows)
    except InputError as error:
        return [error]
    return []


def _typed_records(rows: Sequence[Any]) -> list[tuple[int, list[str]]]:
    """Typed rows as numbered records of the four fields' text, or the ``InputError`` of the first bad row."""
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Sequence):
        raise InputError("the rows must be a list of residents.", field="rows")
    if len(rows) > MAX_ROWS:
        raise InputError(f"there are more than {MAX_ROWS:,} rows; the checker reads up to {MAX_ROWS:,}.")
    records: list[tuple[int, list[str]]] = []
    for number, item in enumerate(rows, start=1):
        if not isinstance(item, Mapping):
            raise InputError("this row is not a resident's fields.", row=number, field="rows")
        cells: list[str] = []
        for name in FIELDS:
            value = item.get(name, "")
            if value is None:
                value = ""
            if not isinstance(value, str):
                raise InputError(f"expected text, got {type(value).__name__}.", row=number, field=name)
            cells.append(value)
        records.append((number, cells))
    return records


def _read_records(
    records: Iterator[tuple[int, list[str]]],
    index: Mapping[str, int],
    labels: Mapping[str, str],
    *,
    delimiter: str = ",",
    ignored: tuple[str, ...] = (),
    first_row: int = 2,
) -> ParsedResidents:
    """The stays in numbered records, each read by ``_stay``; blank records are counted, not read."""
    stays: list[Stay] = []
    blank_rows: list[int] = []
    no_end_date: list[int] = []
    known: dict[str, date] = {}  # dates already read: records repeat them a lot
    row = first_row - 1
    for row, record in records:
        if not any(cell.strip() for cell in record):
            blank_rows.append(row)
            continue
        stays.append(_stay(record, row, index, labels, known))
        if stays[-1].discharge is None and _cell(record, index["discharge_date"]):
            no_end_date.append(row)
    if not stays:
        if first_row == 1:
            raise InputError("there are no residents: every row is blank.", row=1)
        raise InputError(
            "the file has a header row but no residents below it."
            if row == 1
            else "the file has a header row but every row below it is blank.",
            row=2,
        )
    validate_stays(stays, columns=labels)
    return ParsedResidents(
        stays=tuple(stays),
        columns=dict(labels),
        delimiter=delimiter,
        rows=row - first_row + 1,
        blank_rows=tuple(blank_rows),
        ignored_columns=ignored,
        no_end_date_rows=tuple(no_end_date),
    )


def preview_csv(
    data: bytes | str,
    *,
    columns: Mapping[str, ColumnChoice] | None = None,
    sample: int = 10,
    row: int | None = None,
) -> dict[str, Any]:
    """What the file looks like: headers, the columns found for each field, the first rows.

    Used by the page to show a preview and offer column mapping before checking. Columns
    are numbered from 1, as ``read_csv``'s ``columns`` takes them. ``row`` (the header is row 1)
    adds that row as ``extra`` when it is past the sample: the row a problem was found in.
    Raises ``InputError`` only for a file that is not readable CSV at all.
    """
    text = decode(data)
    delimiter, header, records = _table(text)
    found: dict[str, int | None] = dict.fromkeys(FIELDS)
    problem: dict[str, Any] | None = None
    try:
        index = _map_columns(header, columns)
    except InputError as error:
        index = _recognise(header, strict=False)
        problem = error.as_dict()
    found.update({name: position + 1 for name, position in index.items()})
    rows: list[list[str]] = []
    no_end_date: list[int] = []
    discharge = index.get("discharge_date")
    extra: dict[str, Any] | None = None
    count = 0
    for number, record in records:
        count += 1
        if len(rows) < sample:
            rows.append([cell.strip() for cell in record])
        elif number == row:
            extra = {"row": number, "cells": [cell.strip() for cell in record]}
        if discharge is not None and is_no_end_date(_without_midnight(_cell(record, discharge))):
            no_end_date.append(number)
    return {
        "delimiter": DELIMITER_NAMES[delimiter],
        "headers": [cell.strip() for cell in header],
        "columns": found,
        "missing": [name for name in FIELDS if found[name] is None],
        "recognised": problem is None,
        "problem": problem,
        "rows": count,
        "sample": rows,
        "extra": extra,
        "no_end_date_rows": no_end_date,
        "notes": list(no_end_date_notes(no_end_date)),
    }


def template_csv() -> str:
    """A template with the four columns and example rows to replace."""
    lines = (
        ",".join(FIELDS),
        "AB,14/03/2008,02/09/2025,",
        "CD,2007-11-30,2025-06-16,2026-01-09",
        "CD,2007-11-30,2026-02-02,",
    )
    return "\r\n".join(lines) + "\r\n"


def parse_date_cell(text: str, *, field: str, row: int | None) -> date:
    """``parse_date``, also accepting a midnight time a spreadsheet may add ("25/11/2026 00:00")."""
    return parse_date(_without_midnight(text), field=field, row=row)


def parse_discharge_cell(text: str, *, field: str, row: int | None) -> date | None:
    """A discharge date, or None (still resident) for a blank cell or the placeholder 9999-12-31."""
    cleaned = _without_midnight(text)
    if not cleaned or is_no_end_date(cleaned):
        return None
    return parse_date(cleaned, field=field, row=row)


def _without_midnight(text: str) -> str:
    cleaned = text.strip()
    midnight = _MIDNIGHT.fullmatch(cleaned)
    return midnight.group(1) if midnight else cleaned


# --- reading the bytes ---


def decode(data: bytes | str) -> str:
    """The file as text, after the size, binary and encoding checks."""
    if isinstance(data, str):
        text = data
        size = len(text) if len(text) * 4 <= MAX_BYTES else len(text.encode("utf-8", "replace"))
        _check_size(size)
        for magic, what in _MAGIC:
            if text.startswith(magic.decode("latin-1")):
                raise InputError(what + _SPREADSHEET_HELP, row=1)
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        _check_size(len(raw))
        for magic, what in _MAGIC:
            if raw.startswith(magic):
                raise InputError(what + _SPREADSHEET_HELP, row=1)
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                text = raw.decode("utf-16")
            except UnicodeDecodeError:
                raise InputError("the file says it is UTF-16 text but it is not.", row=1) from None
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                row = raw[: error.start].count(b"\n") + 1
                raise InputError(
                    f"this is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read). "
                    + _binary_or_encoding(raw),
                    row=row,
                ) from None
    else:
        raise InputError(f"expected the CSV file's text, got {type(data).__name__}.")
    text = text.removeprefix("\ufeff")
    control = _CONTROL.search(text)
    if control:
        row = text.count("\n", 0, control.start()) + 1
        raise InputError(
            "the file contains binary content, not text, so it cannot be a CSV file. " + _SPREADSHEET_HELP,
            row=row,
        )
    if not text.strip():
        raise InputError(
            "the file is empty. It needs a header row (id, date_of_birth, admission_date, "
            "discharge_date) and one row for each stay.",
            row=1,
        )
    return text


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise too_large(size)


def too_large(size: int | None) -> InputError:
    """The error for a file over ``MAX_BYTES``: its size as read, or None for a stream that goes on."""
    limit = f"{MAX_BYTES // 1024 // 1024} MB"
    what = f"more than {limit}" if size is None else f"{size / 1024 / 1024:.1f} MB"
    return InputError(
        f"the file is {what}; the checker reads files up to {limit}. A home's residents fit in far "
        "less: remove other columns or sheets and save as CSV."
    )


def _binary_or_encoding(raw: bytes) -> str:
    if b"\x00" in raw[:4096]:
        return "It looks like binary content, not a CSV file. " + _SPREADSHEET_HELP
    return (
        "Save it as 'CSV UTF-8' (in Excel: File > Save As, 'CSV UTF-8 (Comma delimited)'; in "
        "LibreOffice: 'Text CSV', character set Unicode (UTF-8))."
    )


def _table(text: str) -> tuple[str, list[str], Iterator[tuple[int, list[str]]]]:
    """The delimiter, the header cells and the numbered rows below the header."""
    first_line = next(iter(text.splitlines()), "")
    delimiter = _sniff(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered = _numbered(reader)
    try:
        _, header = next(numbered)
    except StopIteration:  # pragma: no cover - empty text is rejected before
        raise InputError("the file is empty.", row=1) from None
    if not any(cell.strip() for cell in header):
        raise InputError(
            "the first row is blank. It must be the header row naming the columns: "
            + ", ".join(FIELDS)
            + ".",
            row=1,
        )
    return delimiter, header, numbered


def _numbered(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    row = 0
    while True:
        row += 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InputError(
                f"this row cannot be read as CSV ({error}). A quotation mark may be left open.", row=row
            ) from None
        if row > MAX_ROWS + 1:
            raise InputError(
                f"the file has more than {MAX_ROWS:,} rows below the header; the checker reads up to "
                f"{MAX_ROWS:,}. Remove rows that are not stays in the home.",
                row=row,
            )
        yield row, record


def _sniff(line: str) -> str:
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            continue
        score = (len(_recognise(cells, strict=False)), len(cells))
        if score > best_score:
            best, best_score = delimiter, score
    return best


# --- columns ---


def normalise_header(text: str) -> str:
    return _NOT_ALNUM.sub("", _BRACKETS.sub("", text.strip().lower()))


def _recognise(header: list[str], *, strict: bool) -> dict[str, int]:
    """Columns whose names are known aliases; the best-ranked alias wins for each field.

    Two columns with the same name for one field are an error when ``strict``.
    """
    best: dict[str, tuple[int, int]] = {}
    for position, cell in enumerate(header):
        key = normalise_header(cell)
        name = _ALIAS_TO_FIELD.get(key)
        if name is None:
            continue
        rank = ALIASES[name].index(key)
        if name in best:
            best_rank, best_position = best[name]
            if rank == best_rank and strict:
                raise InputError(
                    f"both '{_label(header, best_position)}' and '{_label(header, position)}' look like "
                    f"the {name} column. Rename or remove one of them, or choose the columns yourself.",
                    row=1,
                    field=_label(header, position),
                )
            if rank >= best_rank:
                continue
        best[name] = (rank, position)
    return {name: position for name, (_, position) in best.items()}


def _map_columns(header: list[str], chosen: Mapping[str, ColumnChoice] | None) -> dict[str, int]:
    index: dict[str, int] = {}
    for name, choice in (chosen or {}).items():
        if name not in FIELDS:
            raise InputError(
                f"'{name}' is not one of the columns the checker uses ({', '.join(FIELDS)}).", field="columns"
            )
        index[name] = _position(header, name, choice)
    for name, position in _recognise(header, strict=not chosen).items():
        if name not in index and position not in index.values():
            index[name] = position
    missing = [name for name in REQUIRED if name not in index]
    if missing:
        name = missing[0]
        headers = ", ".join(f"'{cell.strip()}'" for cell in header if cell.strip()) or "none"
        raise InputError(
            f"there is no {name} column: the file needs {DESCRIPTIONS[name]}. Name the column "
            f"'{name}' (or e.g. {', '.join(repr(alias) for alias in ALIASES[name][1:3])}), or choose "
            f"which column it is. Columns found: {headers}.",
            row=1,
            field=name,
        )
    taken: dict[int, str] = {}
    for name in FIELDS:
        position = index[name]
        if position in taken:
            raise InputError(
                f"the column '{_label(header, position)}' is chosen for both {taken[position]} and {name}.",
                row=1,
                field=_label(header, position),
            )
        taken[position] = name
    return index


def _position(header: list[str], name: str, choice: ColumnChoice) -> int:
    if isinstance(choice, bool):
        choice = str(choice)
    if isinstance(choice, int):
        if 1 <= choice <= len(header):
            return choice - 1
        raise InputError(
            f"column {choice} was chosen for {name}, but the file has {len(header)} columns.",
            row=1,
            field=name,
        )
    wanted = str(choice).strip()
    for position, cell in enumerate(header):
        if cell.strip() == wanted:
            return position
    for position, cell in enumerate(header):
        if normalise_header(cell) == normalise_header(wanted) and normalise_header(wanted):
            return position
    raise InputError(f"there is no column called '{wanted}' (chosen for {name}).", row=1, field=name)


def _label(header: list[str], position: int) -> str:
    text = header[position].strip() if position < len(header) else ""
    return text or f"column {position + 1}"


# --- rows ---


def _stay(
    record: list[str],
    row: int,
    index: Mapping[str, int],
    labels: Mapping[str, str],
    known: dict[str, date],
) -> Stay:
    def cell(name: str) -> str:
        return _cell(record, index[name])

    def read(name: str, text: str) -> date:
        day = known.get(text)
        if day is None:
            day = known[text] = parse_date_cell(text, field=labels[name], row=row)
        return day

    person = cell("id")
    if not person:
        raise InputError("an id is needed for every stay (initials will do).", row=row, field=labels["id"])
    born = read("date_of_birth", cell("date_of_birth"))
    admitted = read("admission_date", cell("admission_date"))
    left = cell("discharge_date")
    discharged = known.get(left) if left else None
    if left and discharged is None:
        discharged = parse_discharge_cell(left, field=labels["discharge_date"], row=row)
        if discharged is not None:
            known[left] = discharged
    return Stay(person=person, date_of_birth=born, admission=admitted, discharge=discharged, row=row)


def _cell(record: list[str], position: int) -> str:
    return record[position].strip() if position < len(record) else ""
