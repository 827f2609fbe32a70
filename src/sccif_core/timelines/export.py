"""Exports of a timeline: iCalendar (RFC 5545) and CSV (RFC 4180), written by hand.

iCalendar: one all-day event per milestone (``DTSTART;VALUE=DATE``, ``DTEND`` the day
after, as RFC 5545 makes the end exclusive; a window spans all its days), a stable
``UID``, ``DTSTAMP`` in UTC, text escaped (backslash, semicolon, comma, newline), lines
ending CRLF and folded at 75 octets without splitting a UTF-8 character.

CSV: a header row, CRLF line ends, fields quoted where needed; a cell that a spreadsheet
would read as a formula (starting = + - @, a tab or a carriage return) is prefixed with an
apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from .. import __version__
from ..citations import SOURCE_TITLE, SOURCE_URL, SOURCE_VERSION
from ..urls import check_base_url
from .model import Milestone, Timeline
from .results import export_milestones, source_path, when_words

PRODID = f"-//SCCIF guide and tools//sccif-core {__version__}//EN"
ICS_MIME = "text/calendar;charset=utf-8"
CSV_MIME = "text/csv;charset=utf-8"

_SUMMARY_PREFIX = {"by": "Deadline", "from": "From", "window": "Window", "on": ""}


def escape_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str, limit: int = 75) -> str:
    """Fold one content line into CRLF + space continuations of at most ``limit`` octets."""
    parts: list[str] = []
    current, size = "", 0
    room = limit
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > room:
            parts.append(current)
            current, size = "", 0
            room = limit - 1  # a continuation line starts with one space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _date_value(day: date) -> str:
    return day.strftime("%Y%m%d")


def _summary(milestone: Milestone) -> str:
    prefix = _SUMMARY_PREFIX[milestone.type]
    text = f"{prefix}: {milestone.label}" if prefix else milestone.label
    if milestone.qualifier:
        text += f" ({milestone.qualifier})"
    if milestone.provisional:
        text += " (provisional)"
    return text


def _description(milestone: Milestone, base_url: str) -> str:
    lines = [when_words(milestone) + ".", f"Counted as: {milestone.offset}."]
    lines.append(f'The framework says: "{milestone.rule}"')
    path = source_path(milestone.source)
    lines.append(f"Framework paragraph: {base_url + path if base_url and path else '#' + milestone.source}")
    if milestone.qualifier:
        lines.append(f'The framework gives this date as "{milestone.qualifier}": not a fixed limit.')
    if milestone.note:
        lines.append(milestone.note)
    if milestone.moved_by_holidays:
        names = ", ".join(f"{item.name} ({item.day})" for item in milestone.bank_holidays)
        lines.append(f"Moved by bank holidays: {names}." if names else "Moved by bank holidays.")
    if milestone.provisional:
        years = ", ".join(str(year) for year in milestone.provisional_years)
        lines.append(f"Provisional: bank holidays for {years} are not yet published.")
    if milestone.status_text:
        lines.append(f"Status: {milestone.status_text}.")
    lines.append(
        f"From {SOURCE_TITLE} ({SOURCE_VERSION}, {SOURCE_URL}). Not an official Ofsted or GOV.UK calendar."
    )
    return "\n".join(lines)


def to_ics(
    timeline: Timeline, *, stamp: datetime | None = None, base_url: str = "", everything: bool = False
) -> str:
    """The timeline as an iCalendar file: one all-day event per milestone it holds.

    By default it holds the provider's own dates still to come; ``everything`` puts in every date
    (see ``results.export_milestones``).

    ``base_url`` (the site's address, for each event's link) is checked first: an absolute
    http(s) URL with no spaces or control characters, so it cannot add lines to the file.
    """
    base_url = check_base_url(base_url)
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    dtstamp = stamp.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(timeline.title)}",
    ]
    for milestone in export_milestones(timeline, everything=everything):
        start = date.fromisoformat(milestone.date_from or milestone.date)
        end = date.fromisoformat(milestone.date_to or milestone.date) + timedelta(days=1)
        path = source_path(milestone.source)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{timeline.kind}-{timeline.anchor_date}-{milestone.key}@sccif-core",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{_date_value(start)}",
            f"DTEND;VALUE=DATE:{_date_value(end)}",
            f"SUMMARY:{escape_text(_summary(milestone))}",
            f"DESCRIPTION:{escape_text(_description(milestone, base_url))}",
            "TRANSP:TRANSPARENT",
        ]
        if base_url and path:
            lines.append(f"URL:{base_url}{path}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


CSV_COLUMNS = (
    "kind",
    "key",
    "label",
    "type",
    "when",
    "date",
    "date_from",
    "date_to",
    "weekday",
    "counted_as",
    "rule",
    "source",
    "qualifier",
    "provisional",
    "moved_by_bank_holidays",
    "bank_holidays",
    "falls_on",
    "status",
    "note",
)


def _safe(value: str) -> str:
    return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


def csv_rows(timeline: Timeline, *, everything: bool = False) -> Iterable[list[str]]:
    yield list(CSV_COLUMNS)
    for item in export_milestones(timeline, everything=everything):
        yield [
            _safe(text)
            for text in (
                timeline.kind,
                item.key,
                item.label,
                item.type,
                when_words(item),
                item.date,
                item.date_from or "",
                item.date_to or "",
                date.fromisoformat(item.date).strftime("%A"),
                item.offset,
                item.rule,
                item.source,
                item.qualifier or "",
                "yes" if item.provisional else "no",
                "yes" if item.moved_by_holidays else "no",
                "; ".join(f"{h.name} ({h.day})" for h in item.bank_holidays),
                item.falls_on or "",
                item.status_text,
                item.note,
            )
        ]


def to_csv(timeline: Timeline, *, everything: bool = False) -> str:
    """The timeline as CSV with a header row (UTF-8, CRLF line ends); rows as ``to_ics`` chooses them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(csv_rows(timeline, everything=everything))
    return out.getvalue()


def filename(timeline: Timeline, extension: str) -> str:
    """``sccif-timeline-full-2026-11-19.ics``"""
    return f"sccif-timeline-{timeline.kind}-{timeline.anchor_date}.{extension}"
