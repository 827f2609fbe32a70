"""``sccif timeline``: every deadline in the framework, dated, as a table, JSON, CSV or iCalendar."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from ..dates import format_long
from ..errors import InputError
from ..timelines import KINDS, compute, timeline_dict
from ..timelines.export import to_csv, to_ics
from ..timelines.fields import Field
from ..timelines.kinds import Kind
from ..timelines.model import Milestone, Timeline
from ..timelines.periods import MONTH_END_RULE
from ..urls import base_url_option
from ..workdays import INTERPRETATION, PUBLISHED_UNTIL

DESCRIPTION = f"""\
Date the framework's time limits from what happened: an inspection's last day on site, an
assurance visit, compliance notice dates, regulation 44 visits, a manager's start date...

How dates are counted:
  {INTERPRETATION}
  {MONTH_END_RULE}
  Dates counted in working days across years after {PUBLISHED_UNTIL} are provisional (GOV.UK
  has not published those bank holidays). Dates the framework gives only as "usually",
  "normally" or "likely" are marked so.
Dates may be ISO (2026-11-25) or UK style (25/11/2026)."""

EPILOG = """\
exit status: 0 on success; 2 with a one-line message for bad input.
examples:
  sccif timeline full --end 19/11/2026
  sccif timeline full --end 19/11/2026 --feedback 23/11/2026 --complaint
  sccif timeline manager --absence 01/06/2026 --absence-end 31/07/2026
  sccif timeline assurance --end 2026-12-02 --format ics > assurance.ics
  sccif timeline full --end 19/11/2026 --today today --format ics --all > every-date.ics
  sccif timeline compliance --notice 2026-05-01 --notice 2026-05-04 --notice 2026-05-12
  sccif timeline reg44 --visit 14/01/2026,10/02/2026 --visit 20/02/2026 --today today"""

# List fields take one value per option: --notice DATE --notice DATE ...
_SINGULAR = {
    "notices": "notice",
    "visits": "visit",
    "reports": "report",
    "inspections": "inspection",
    "deferrals": "deferral",
}
# Extra spellings, e.g. `sccif timeline assurance --end DATE` as in the full inspection.
_ALIASES = {("assurance", "visit"): ("--end",), ("serious-concerns", "visit"): ("--end",)}
_METAVAR = {"date": "DATE", "dates": "DATE", "visits": "VISIT[,SENT]", "periods": "PERIOD", "choice": None}


def _flag(field: Field) -> str:
    return "--" + _SINGULAR.get(field.name, field.name).replace("_", "-")


def register(subparsers: Any) -> None:
    """Add ``sccif timeline`` and one command per kind of timeline."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--format",
        choices=("table", "json", "csv", "ics"),
        default="table",
        help="table (default), json (kind, anchor date, milestones), csv, or ics (iCalendar, all-day events)",
    )
    common.add_argument(
        "--today",
        metavar="DATE",
        help="mark each date against DATE (or the word 'today'): deadline passed, due today, upcoming",
    )
    common.add_argument(
        "--extra-non-working",
        metavar="DATE",
        action="append",
        default=[],
        help="also treat DATE as a non-working day, e.g. a newly announced bank holiday (repeatable)",
    )
    common.add_argument(
        "--all",
        dest="everything",
        action="store_true",
        help="for --format ics or csv: every date, not only the provider's own dates still to come",
    )
    common.add_argument(
        "--base-url",
        metavar="URL",
        default="",
        type=base_url_option,
        help="for --format ics: the site's address, so each event links to its framework paragraph",
    )
    parser = subparsers.add_parser(
        "timeline",
        help="date every deadline that follows an inspection, notice or regulation",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="kind", metavar="KIND")
    commands.required = True
    for kind in KINDS.values():
        command = commands.add_parser(
            kind.key,
            parents=[common],
            help=kind.title,
            description=f"{kind.title}. {kind.question}",
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        for field in kind.fields:
            _add_field(command, kind, field)
        command.set_defaults(func=_run, timeline_kind=kind.key)


def _add_field(command: argparse.ArgumentParser, kind: Kind, field: Field) -> None:
    flags = (_flag(field), *_ALIASES.get((kind.key, field.name), ()))
    label = field.shown_label.rstrip("?")
    help_text = label + (" (required)" if field.required else "") + (f". {field.hint}" if field.hint else "")
    if field.type == "choice" and field.values == ("no", "yes"):
        command.add_argument(
            *flags, dest=field.name, action="store_const", const="yes", default="no", help=help_text
        )
    elif field.type == "choice":
        command.add_argument(
            *flags, dest=field.name, choices=field.values, default=field.values[0], help=help_text
        )
    elif field.type in ("dates", "visits", "periods"):
        command.add_argument(
            *flags,
            dest=field.name,
            metavar=_METAVAR[field.type],
            action="append",
            default=[],
            help=help_text + " (repeatable)",
        )
    else:
        command.add_argument(*flags, dest=field.name, metavar="DATE", help=help_text)


def _fields(args: argparse.Namespace, kind: Kind) -> dict[str, object]:
    fields: dict[str, object] = {field.name: getattr(args, field.name) for field in kind.fields}
    fields["extra"] = list(args.extra_non_working)
    if args.today:
        fields["today"] = date.today().isoformat() if args.today.strip().lower() == "today" else args.today
    return fields


def _option_names(kind: Kind) -> dict[str, str]:
    names = {field.name: _flag(field) for field in kind.fields}
    names.update({"today": "--today", "extra": "--extra-non-working", "kind": "KIND"})
    return names


def _run(args: argparse.Namespace) -> int:
    kind = KINDS[args.timeline_kind]
    timeline = _named(lambda: compute(kind.key, _fields(args, kind)), _option_names(kind))
    output = {
        "json": lambda: json.dumps(timeline_dict(timeline), indent=2, ensure_ascii=False) + "\n",
        "csv": lambda: to_csv(timeline, everything=args.everything),
        "ics": lambda: to_ics(timeline, base_url=args.base_url, everything=args.everything),
        "table": lambda: table(timeline),
    }[args.format]()
    sys.stdout.write(output)
    if args.format != "table" and any(item.provisional for item in timeline.milestones):
        print(
            f"sccif: note: provisional: some dates count working days across years after {PUBLISHED_UNTIL}, "
            "whose bank holidays GOV.UK has not yet published.",
            file=sys.stderr,
        )
    return 0


def _named(compute_it: Callable[[], Timeline], names: dict[str, str]) -> Timeline:
    """Run ``compute_it``, naming any bad input after this command's options."""
    try:
        return compute_it()
    except InputError as error:
        field = names.get(error.field or "", error.field)
        if field == error.field:
            raise
        raise InputError(error.problem, row=error.row, field=field, value=error.value) from None


# --- the table ---


def _short_date(day: str) -> str:
    parts = format_long(date.fromisoformat(day)).split(" ")
    return f"{parts[0][:3]} {parts[1]} {parts[2][:3]} {parts[3]}"


def _when(item: Milestone) -> str:
    if item.type == "window" and item.date_from and item.date_to:
        return f"between {_short_date(item.date_from)} and {_short_date(item.date_to)}"
    return f"{item.type} {_short_date(item.date)}"


def _flags(item: Milestone) -> str:
    flags = []
    if item.actor:
        flags.append(item.actor)
    if item.qualifier:
        flags.append(item.qualifier)
    if item.moved_by_holidays:
        flags.append("moved by " + ", ".join(h.name for h in item.bank_holidays))
    if item.falls_on:
        flags.append(f"falls on {item.falls_on}")
    if item.provisional:
        flags.append("provisional " + ", ".join(str(y) for y in item.provisional_years))
    if item.status_text:
        flags.append(
            item.status_text.upper() if item.status in ("overdue", "late", "missing") else item.status_text
        )
    return "; ".join(flags)


def _day(item: Milestone) -> str:
    if item.day is None:
        return ""
    return f"{item.day} to {item.day_to}" if item.day_to else str(item.day)


def table(timeline: Timeline) -> str:
    """A plain-text table: when, table day, milestone, notes, source; then the framework's words."""
    header = ("When", "Day", "Milestone", "Notes", "Source")
    rows = [(_when(m), _day(m), m.label, _flags(m), "#" + m.source) for m in timeline.milestones]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = [
        timeline.title,
        f"Counted from {timeline.anchor_label}: {format_long(date.fromisoformat(timeline.anchor_date))}",
    ]
    if timeline.today:
        lines.append(f"Today: {format_long(date.fromisoformat(timeline.today))}")
    lines.append("")
    for row in (header, tuple("-" * w for w in widths), *rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    if timeline.summary:
        lines += ["", *timeline.summary]
    lines += ["", "What the framework says:"]
    seen: set[tuple[str, str, str]] = set()
    for m in timeline.milestones:
        if (m.source, m.rule, m.note) not in seen:
            seen.add((m.source, m.rule, m.note))
            lines.append(f'  #{m.source}: "{m.rule}"')
            if m.note:
                lines.append(f"      ({m.label}: {m.note})")
            for law in m.laws:
                lines.append(f'      {law.title}: "{law.words}" {law.url}')
    if timeline.undated:
        lines += ["", "Also in the framework, with no fixed date:"]
        lines += [f"  {item.label} (#{item.source.anchor})" for item in timeline.undated]
    lines += ["", "How dates are counted:"]
    lines += [f"  - {note}" for note in timeline.notes]
    return "\n".join(lines) + "\n"
