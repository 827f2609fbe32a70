"""``sccif workdays``: working days in England (Monday to Friday, not bank holidays in England and Wales)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from typing import Any

from ..dates import SUPPORTED_RANGE, parse_date
from ..errors import InputError
from ..workdays import (
    FIRST_YEAR,
    INTERPRETATION,
    LAST_YEAR,
    PUBLISHED_UNTIL,
    add_result,
    count_result,
    is_result,
    parse_days,
)

DESCRIPTION = "\n\n".join(
    textwrap.fill(paragraph, width=88)
    for paragraph in (
        "Working days in England: Monday to Friday, except bank holidays in England and Wales "
        f"({FIRST_YEAR} to {LAST_YEAR}; years after {PUBLISHED_UNTIL} are provisional because "
        "GOV.UK has not published them yet).",
        INTERPRETATION.split(" A working day is")[0],
        f"Dates may be ISO (2026-11-25) or UK style (25/11/2026), from {SUPPORTED_RANGE}; working "
        f"days are counted from {FIRST_YEAR} to {LAST_YEAR}.",
    )
)

EXIT_STATUS = """\
exit status: 0 on success; 2 with a one-line message for bad input (a date that is not
real, a negative or non-whole number, a year outside {first} to {last})."""

IS_EXIT_STATUS = """\
exit status: 0 if DATE is a working day, 1 if it is not (so scripts can write
`if sccif workdays is "$day"; then ...`), 2 for bad input. The same with --format json."""

# Field names used by the core, as this command's arguments are named.
ARGUMENT_NAMES = {"start": "DATE", "date": "DATE", "days": "N", "end": "END", "extra": "--extra-non-working"}


def register(subparsers: Any) -> None:
    """Add ``sccif workdays`` and its commands to the ``sccif`` parser."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--extra-non-working",
        metavar="DATE",
        action="append",
        default=[],
        help="also treat DATE as a non-working day, e.g. a newly announced bank holiday (repeatable)",
    )
    common.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json: ISO dates, the days skipped and why, the provisional flag, "
        "the rule and its framework anchor",
    )
    epilog = EXIT_STATUS.format(first=FIRST_YEAR, last=LAST_YEAR)
    parser = subparsers.add_parser(
        "workdays",
        help="add, count and check working days in England",
        description=DESCRIPTION,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    add = commands.add_parser(
        "add",
        parents=[common],
        help="the Nth working day after DATE (DATE itself not counted)",
        description="Print the Nth working day after DATE, as an ISO date. DATE itself is not counted: "
        "a draft report due within 18 working days of Thursday 19 November 2026 is due on "
        "Tuesday 15 December 2026. N = 0 prints DATE.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("date", metavar="DATE", help="the start date, not itself counted")
    add.add_argument("n", metavar="N", help="the number of working days, 0 or more")
    add.set_defaults(func=_add)

    count = commands.add_parser(
        "count",
        parents=[common],
        help="the number of working days after START, up to and including END",
        description="Print the number of working days after START, up to and including END.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    count.add_argument("start", metavar="START")
    count.add_argument("end", metavar="END", help="not before START")
    count.set_defaults(func=_count)

    is_ = commands.add_parser(
        "is",
        parents=[common],
        help="whether DATE is a working day, and if not, why",
        description='Say whether DATE is a working day, e.g. "2026-12-25 is not a working day: '
        'Christmas Day".',
        epilog=IS_EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    is_.add_argument("date", metavar="DATE")
    is_.set_defaults(func=_is)

    next_ = commands.add_parser(
        "next",
        parents=[common],
        help="the first working day after DATE",
        description="Print the first working day strictly after DATE, as an ISO date.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    next_.add_argument("date", metavar="DATE")
    next_.set_defaults(func=_next)


def _add(args: argparse.Namespace) -> int:
    result = _named(lambda: add_result(_date(args.date), parse_days(args.n, field="N"), _extra(args)))
    return _print(args, result, result["date"])


def _count(args: argparse.Namespace) -> int:
    result = _named(lambda: count_result(_date(args.start, "START"), _date(args.end, "END"), _extra(args)))
    return _print(args, result, str(result["count"]))


def _is(args: argparse.Namespace) -> int:
    result = _named(lambda: is_result(_date(args.date), _extra(args)))
    if result["working_day"]:
        text = f"{result['date']} is a working day"
    else:
        text = f"{result['date']} is not a working day: {result['reason']}"
    _print(args, result, text)
    return 0 if result["working_day"] else 1


def _next(args: argparse.Namespace) -> int:
    result = _named(lambda: add_result(_date(args.date), 1, _extra(args)))
    return _print(args, result, result["date"])


def _date(text: str, field: str = "DATE") -> date:
    return parse_date(text, field=field)


def _extra(args: argparse.Namespace) -> tuple[date, ...]:
    return tuple(parse_date(text, field="--extra-non-working") for text in args.extra_non_working)


def _named(compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``compute``, naming any bad input after this command's arguments."""
    try:
        return compute()
    except InputError as error:
        field = ARGUMENT_NAMES.get(error.field or "", error.field)
        if field == error.field:
            raise
        raise InputError(error.problem, row=error.row, field=field, value=error.value) from None


def _print(args: argparse.Namespace, result: dict[str, Any], text: str) -> int:
    if args.format == "json":
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(text)
    if result["provisional"]:
        years = ", ".join(str(year) for year in result["provisional_years"])
        print(
            f"sccif: note: provisional: bank holidays for {years} are not yet published by GOV.UK "
            f"(published to {PUBLISHED_UNTIL}) and can still change.",
            file=sys.stderr,
        )
    return 0
