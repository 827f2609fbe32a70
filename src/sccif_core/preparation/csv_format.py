"""A self-evaluation as CSV, one row per item and per finding, for a spreadsheet; and back.

Columns (the first row names them; reading goes by name, so columns may be moved):

    Section, Part, Item, Framework text, Link, Self-assessment, Where the evidence is kept,
    Children (initials only), Notes, Answer

``Item`` is the item's id (its anchor), or a finding's key. Reading needs ``Item`` and at
least one of the columns that hold the user's work; the framework's text is there for people
and is ignored on the way back in. Rows are numbered as a spreadsheet numbers them (the header
is row 1), so a problem is reported as "Row 5, column 'Self-assessment': …".

A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) is written with an apostrophe in front, as OWASP advises; so is one that already starts
with an apostrophe. Reading removes exactly that apostrophe again.
"""

from __future__ import annotations

import csv
import io

from ..citations import cite
from ..errors import InputError
from ..urls import check_base_url
from .findings import FINDINGS
from .items import groups
from .workspace import (
    ANSWER_LABELS,
    ASSESSMENT_LABELS,
    Entry,
    Workspace,
    check_finding_key,
    check_item_id,
    entry_from_fields,
    parse_answer,
)

COLUMNS: tuple[str, ...] = (
    "Section",
    "Part",
    "Item",
    "Framework text",
    "Link",
    "Self-assessment",
    "Where the evidence is kept",
    "Children (initials only)",
    "Notes",
    "Answer",
)
FINDINGS_SECTION = "Findings the framework's rules refer to"
# Our names for the user's fields -> the column that holds each.
USER_COLUMNS: dict[str, str] = {
    "assessment": "Self-assessment",
    "evidence": "Where the evidence is kept",
    "initials": "Children (initials only)",
    "notes": "Notes",
}
MAX_CHARS = 2_000_000
MAX_ROWS = 2_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def protect(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def unprotect(cell: str) -> str:
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r'" else cell


def write_csv(workspace: Workspace, *, base_url: str = "") -> str:
    base_url = check_base_url(base_url)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for group in groups():
        for part in group.parts:
            for item in part.items:
                entry = workspace.entry(item.id)
                text = item.text + "".join(f"\n- {point.text}" for point in item.points)
                row = (
                    group.title,
                    part.title,
                    item.id,
                    text,
                    f"{base_url}{cite(item.id).path}",
                    ASSESSMENT_LABELS[entry.assessment] if entry.assessment else "",
                    entry.evidence,
                    entry.initials,
                    entry.notes,
                    "",
                )
                writer.writerow([protect(cell) for cell in row])
    for found in FINDINGS:
        answer = workspace.answer(found.key)
        row = (
            FINDINGS_SECTION,
            item_label_for_finding(found.key),
            found.key,
            found.question,
            f"{base_url}{cite(found.source).path}",
            "",
            "",
            "",
            "",
            ANSWER_LABELS[answer] if answer else "",
        )
        writer.writerow([protect(cell) for cell in row])
    return out.getvalue()


def item_label_for_finding(key: str) -> str:
    return f"Finding {[f.key for f in FINDINGS].index(key) + 1}"


def read_csv(text: str) -> Workspace:
    """A workspace from CSV that ``write_csv`` wrote (perhaps re-saved by a spreadsheet)."""
    if len(text) > MAX_CHARS:
        raise InputError(
            f"the file is too big to be a self-evaluation (over {MAX_CHARS:,} characters).", field="file"
        )
    try:
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    except csv.Error as error:
        raise InputError(f"the file could not be read as CSV ({error}).", field="file") from None
    if not rows:
        raise InputError("the file is empty.", field="file")
    header = [cell.strip() for cell in rows[0]]
    if "Item" not in header or not any(name in header for name in (*USER_COLUMNS.values(), "Answer")):
        raise InputError(
            "this is not a self-evaluation downloaded from this page: its first row needs the columns "
            "'Item' and 'Self-assessment' (and the others it was downloaded with).",
            row=1,
        )
    for name in header:
        if name and header.count(name) > 1:
            raise InputError(f"the column '{name}' appears twice.", row=1, field=name)
    if len(rows) > MAX_ROWS:
        raise InputError(f"the file has {len(rows):,} rows; a self-evaluation has far fewer.", field="file")
    at = {name: i for i, name in enumerate(header)}
    finding_keys = {f.key for f in FINDINGS}
    entries: dict[str, Entry] = {}
    findings: dict[str, str] = {}
    seen: dict[str, int] = {}
    for number, raw in enumerate(rows[1:], start=2):
        cells = [unprotect(cell) for cell in raw]
        if not any(cell.strip() for cell in cells):
            continue

        def cell(name: str) -> str | None:  # called only within this row's iteration
            index = at.get(name)
            return cells[index] if index is not None and index < len(cells) else None  # noqa: B023

        key = (cell("Item") or "").strip()
        if not key:
            raise InputError("the item is empty.", row=number, field="Item")
        if key in seen:
            raise InputError(f"'{key}' is also on row {seen[key]}.", row=number, field="Item")
        seen[key] = number
        if key in finding_keys:
            finding = check_finding_key(key, row=number, field="Item")
            answer = parse_answer(cell("Answer"), row=number, field="Answer")
            if answer:
                findings[finding] = answer
            continue
        item_id = check_item_id(key, row=number, field="Item")
        fields = {ours: cell(column) for ours, column in USER_COLUMNS.items()}
        entry = entry_from_fields(item_id, fields, row=number, names=USER_COLUMNS)
        if not entry.empty:
            entries[item_id] = entry
    return Workspace(entries, findings)
