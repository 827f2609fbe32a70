"""Hypothesis strategies shared by the tests (append yours)."""

from __future__ import annotations

import functools
from datetime import date

from hypothesis import strategies as st

from sccif_core.workdays import FIRST_YEAR, LAST_YEAR


def dates_in_range(first: date | None = None, last: date | None = None) -> st.SearchStrategy[date]:
    """Dates the working-day table covers (default: every year of it)."""
    return st.dates(
        min_value=first or date(FIRST_YEAR, 1, 1),
        max_value=last or date(LAST_YEAR, 12, 31),
    )


def dates_out_of_range() -> st.SearchStrategy[date]:
    """Real dates before or after the years the working-day table covers."""
    return st.one_of(
        st.dates(max_value=date(FIRST_YEAR - 1, 12, 31)),
        st.dates(min_value=date(LAST_YEAR + 1, 1, 1)),
    )


def working_day_counts(max_value: int = 2_000) -> st.SearchStrategy[int]:
    """A number of working days: 0 up to about 8 years' worth by default."""
    return st.integers(min_value=0, max_value=max_value)


def uk_date_text(day: date) -> str:
    """25/11/2026: the way people in England type dates."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def date_texts() -> st.SearchStrategy[tuple[date, str]]:
    """A date in the table's range, and a way of typing it (ISO, UK, d/m/yyyy)."""
    return dates_in_range().flatmap(
        lambda day: st.tuples(
            st.just(day),
            st.sampled_from(
                [
                    day.isoformat(),
                    uk_date_text(day),
                    f"{day.day}/{day.month}/{day.year}",
                    f" {day.isoformat()} ",
                ]
            ),
        )
    )


# --- occupancy: histories of a home's stays (tests/core/occupancy) ---

from dataclasses import dataclass, field  # noqa: E402
from datetime import timedelta  # noqa: E402

from sccif_core.occupancy import Stay  # noqa: E402

# Births whose 18th birthdays fall in 2021..2027, with 29 February ones that turn 18 in a
# common year (2022, 2026) so the 29 February setting matters, and their neighbours.
EDGE_BIRTHS = (
    date(2004, 2, 29),
    date(2008, 2, 29),
    date(2004, 2, 28),
    date(2008, 3, 1),
    date(2005, 12, 31),
    date(2006, 1, 1),
)


@dataclass(frozen=True)
class OccupancyHistory:
    """A home's stays, the period to check and any plans, as the checker takes them."""

    stays: tuple[Stay, ...]
    start: date | None
    end: date
    leap_birthday: str
    planned_discharges: dict[str, date] = field(default_factory=dict)
    planned_admissions: tuple[Stay, ...] = ()


@st.composite
def occupancy_histories(draw: st.DrawFn, max_people: int = 7, plans: bool = True) -> OccupancyHistory:
    """1 to ``max_people`` people with 1 to 3 non-overlapping stays each, over 150 to 1,000 days.

    Birth dates put 18th birthdays in or near the period; stays start and end on any day,
    including the period's edges; the last stay may be open; plans come after the period.
    """
    base = draw(st.dates(date(2021, 1, 1), date(2024, 12, 31)))
    end = base + timedelta(days=draw(st.integers(150, 1_000)))
    young = st.dates(base - timedelta(days=19 * 365), end - timedelta(days=16 * 365))
    stays: list[Stay] = []
    open_people: dict[str, date] = {}
    for number in range(draw(st.integers(1, max_people))):
        person = f"P{number}"
        born = draw(st.one_of(young, st.sampled_from(EDGE_BIRTHS)))
        cursor = max(born, draw(st.dates(base - timedelta(days=150), end)))
        count = draw(st.integers(1, 3))
        for index in range(count):
            admitted = cursor + timedelta(days=draw(st.integers(0, 120)))
            if index == count - 1 and draw(st.booleans()):
                stays.append(Stay(person, born, admitted, None, row=len(stays) + 2))
                open_people[person] = admitted
                break
            discharged = admitted + timedelta(days=draw(st.integers(0, 400)))
            stays.append(Stay(person, born, admitted, discharged, row=len(stays) + 2))
            cursor = discharged + timedelta(days=draw(st.integers(0, 90)))
    start = draw(st.one_of(st.none(), st.dates(base - timedelta(days=60), base + timedelta(days=60))))
    if start is None and min(stay.admission for stay in stays) > end:
        start = base
    planned: dict[str, date] = {}
    admissions: list[Stay] = []
    if plans:
        for person, admitted in open_people.items():
            if draw(st.booleans()):
                planned[person] = max(end, admitted) + timedelta(days=draw(st.integers(1, 600)))
        for number in range(draw(st.integers(0, 2))):
            admitted = end + timedelta(days=draw(st.integers(1, 400)))
            born = draw(st.one_of(young, st.sampled_from(EDGE_BIRTHS)))
            leaves = draw(st.one_of(st.none(), st.integers(0, 500)))
            admissions.append(
                Stay(
                    f"N{number}",
                    born,
                    admitted,
                    None if leaves is None else admitted + timedelta(days=leaves),
                )
            )
    return OccupancyHistory(
        stays=tuple(stays),
        start=start,
        end=end,
        leap_birthday=draw(st.sampled_from(("mar-1", "feb-28"))),
        planned_discharges=planned,
        planned_admissions=tuple(admissions),
    )


# --- judgements (sccif_core.judgements) ---


def judgement_facts() -> st.SearchStrategy[object]:
    """Any combination of known grades (some unknown) and conditions the engine accepts."""
    from sccif_core.judgements.engine import Facts
    from sccif_core.judgements.grades import GRADES, JUDGEMENTS, NOT_JUDGED

    def grade_for(can_be_not_judged: bool) -> st.SearchStrategy[str | None]:
        values: list[str | None] = [None, *GRADES]
        if can_be_not_judged:
            values.append(NOT_JUDGED)
        return st.sampled_from(values)

    grades = st.fixed_dictionaries({j.key: grade_for(j.can_be_not_judged) for j in JUDGEMENTS})
    plain = st.sets(
        st.sampled_from(
            [
                "manager-vacancy-26-weeks",
                "manager-not-registered-12-weeks",
                "reg28-breach",
                "staff-unqualified",
                "no-children-first-inspection",
            ]
        )
    )
    conditions = st.tuples(plain, st.booleans()).map(
        lambda pair: (
            pair[0] | ({"exceptional-circumstances"} if pair[1] and "staff-unqualified" in pair[0] else set())
        )
    )
    return st.builds(
        lambda g, c: Facts({k: v for k, v in g.items() if v is not None}, frozenset(c)), grades, conditions
    )


# --- timelines (sccif_core.timelines) ---


def timeline_anchor_dates() -> st.SearchStrategy[date]:
    """An event date whose timeline (up to 16 weeks, 3 years) stays inside the bank-holiday table."""
    return st.dates(min_value=date(FIRST_YEAR, 2, 1), max_value=date(LAST_YEAR - 4, 12, 31))


def timeline_fields() -> st.SearchStrategy[tuple[str, dict[str, object]]]:
    """A kind of timeline and valid form fields for it, dates as ISO text."""
    iso = timeline_anchor_dates().map(date.isoformat)
    some = st.lists(iso, min_size=1, max_size=6)
    return st.one_of(
        st.tuples(
            st.sampled_from(["full", "complaints", "monitoring", "inadequate"]),
            st.fixed_dictionaries({"end": iso}),
        ),
        st.tuples(st.sampled_from(["assurance", "serious-concerns"]), st.fixed_dictionaries({"visit": iso})),
        st.tuples(st.just("compliance"), st.fixed_dictionaries({"notices": some})),
        st.tuples(st.just("reg44"), st.fixed_dictionaries({"visits": some})),
        st.tuples(st.just("reg45"), st.fixed_dictionaries({"reports": some})),
        st.tuples(
            st.just("qualification"),
            st.fixed_dictionaries(
                {"role": st.sampled_from(["manager", "care-worker"]), "start": iso},
                optional={
                    "deferrals": st.sampled_from(["6 months", "10 weeks", "1 year 2 months", "45 days"]),
                    "inspection": iso,
                },
            ),
        ),
        st.tuples(
            st.just("manager"),
            st.fixed_dictionaries({"vacancy": iso}, optional={"appointed": iso, "absence": iso}),
        ),
        st.tuples(
            st.just("inspection-year"), st.fixed_dictionaries({"date": iso}, optional={"inspections": some})
        ),
        st.tuples(
            st.just("no-children"), st.fixed_dictionaries({"removed": iso}, optional={"inspection": iso})
        ),
        st.tuples(st.just("reopening"), st.fixed_dictionaries({"reopen": iso}, optional={"told": iso})),
        st.tuples(st.just("interpreter"), st.fixed_dictionaries({"needed": iso})),
        st.tuples(st.just("approval-review"), st.fixed_dictionaries({"review": iso})),
    )


# --- robustness fuzzing (tests/core/test_fuzz.py): anything a browser or a file could send ---

HOSTILE_MARKUP = (
    "<img src=x onerror=window.__pwned=1>",
    '"><script>window.__pwned=1</script>',
    "{{constructor.constructor('alert(1)')()}}",
)


@functools.cache  # one strategy object, built and checked once however often it is drawn from
def weird_strings() -> st.SearchStrategy[str]:
    """Text a person, a spreadsheet or an attacker might type: near-dates, huge numbers, markup, control characters."""
    near_dates = st.builds(
        lambda a, sep1, b, sep2, c: f"{a}{sep1}{b}{sep2}{c}",
        st.integers(min_value=-99_999, max_value=99_999),
        st.sampled_from(["-", "/", ".", " ", "", "\u2013", "／"]),
        st.integers(min_value=-99, max_value=9_999),
        st.sampled_from(["-", "/", ".", " ", ""]),
        st.integers(min_value=-99, max_value=99_999),
    )
    return st.one_of(
        st.text(max_size=60),  # any Unicode, lone surrogates included (JSON.stringify can send them)
        near_dates,
        st.sampled_from(
            [
                "",
                " ",
                "\t\n",
                "\x00",
                "NaN",
                "Infinity",
                "-0",
                "1e999",
                "0x10",
                "１２",
                "٢٠٢٦-٠١-٠١",
                "29/02/2023",
                "31/04/2026",
                "0000-00-00",
                "9999-12-31",
                "0001-01-01",
                "10000-01-01",
                "2026-11-25T00:00:00Z",
                "25/11/2026 00:00",
                "\u202e2026-11-25",
                "\ufeff2026-11-25",
                "9" * 5_000,
                "1" * 50,
                "-" * 1_000,
                ",".join(["2026-01-01"] * 500),
                *HOSTILE_MARKUP,
            ]
        ),
    )


@functools.cache  # one strategy object, built and checked once however often it is drawn from
def weird_numbers() -> st.SearchStrategy[object]:
    """Numbers JSON can carry, including ones far beyond any sensible input."""
    return st.one_of(
        st.integers(),
        st.integers(min_value=-(10**40), max_value=10**40),
        st.sampled_from([0, -1, 2**31, 2**53 + 1, 2**63, -(2**63), 10**100]),
        st.floats(allow_nan=True, allow_infinity=True),
    )


@functools.cache  # one strategy object, built and checked once however often it is drawn from
def json_values(max_leaves: int = 12) -> st.SearchStrategy[object]:
    """Any JSON value, with weird strings and numbers at the leaves."""
    leaves = st.one_of(st.none(), st.booleans(), weird_numbers(), weird_strings(), csv_texts())
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=5),
            st.dictionaries(st.one_of(st.text(max_size=12), weird_strings()), children, max_size=5),
        ),
        max_leaves=max_leaves,
    )


def payloads_for(keys: list[str]) -> st.SearchStrategy[object]:
    """A browser call's payload: mostly objects using the function's own field names, with wrong types and values."""
    values = json_values(max_leaves=6)
    text = st.one_of(weird_strings(), csv_texts())
    # Each of the function's own names present or not, so that the fields it reads are usually there.
    named = st.fixed_dictionaries({}, optional={key: st.one_of(values, text) for key in keys})
    loose = st.dictionaries(
        st.one_of(st.sampled_from(keys), st.text(max_size=12)) if keys else st.text(max_size=12),
        values,
        max_size=8,
    )
    # A few of its names at a time, so one field's problem does not always hide another's.
    few = (
        st.lists(st.sampled_from(keys), min_size=1, max_size=3, unique=True).flatmap(
            lambda chosen: st.fixed_dictionaries({key: st.one_of(values, text) for key in chosen})
        )
        if keys
        else loose
    )
    return st.one_of(named, few, few, loose, json_values())


# Parts of a field name that say it holds free text or a whole file.
TEXT_FIELD_HINTS = ("csv", "text", "note", "data", "input", "paste", "content", "comment", "evidence")


def text_field_payloads(keys: list[str]) -> st.SearchStrategy[dict[str, str]]:
    """One free-text or file field (csv, text, notes ...) of a browser call, holding file-like or weird text."""
    fields = [key for key in keys if any(part in key for part in TEXT_FIELD_HINTS)]
    if not fields:
        return st.nothing()
    return st.builds(
        lambda key, text: {key: text},
        st.sampled_from(fields),
        st.one_of(csv_texts(), csv_texts(), weird_strings()),
    )


@functools.cache
def _csv_headers_and_rows(
    headers: tuple[str, ...],
) -> tuple[st.SearchStrategy[list[str]], st.SearchStrategy[list[list[str]]]]:
    header_names = st.sampled_from(headers) if headers else st.text(max_size=10)
    cell = st.one_of(weird_strings(), st.dates().map(date.isoformat), st.just(""), st.just('"'))
    return (
        st.lists(st.one_of(header_names, weird_strings()), min_size=1, max_size=6),
        st.lists(st.lists(cell, min_size=1, max_size=7), min_size=1, max_size=12),
    )


@st.composite
def csv_texts(draw: st.DrawFn, headers: tuple[str, ...] = ()) -> str:
    """CSV-like text: known or random headers, cells of weird text, mixed delimiters, quotes and line ends."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    header_lists, row_lists = _csv_headers_and_rows(headers)
    header = draw(header_lists)
    rows = draw(row_lists)
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    return draw(st.sampled_from(["", "\ufeff"])) + newline.join(lines) + draw(st.sampled_from(["", newline]))


def file_bytes() -> st.SearchStrategy[bytes]:
    """What a file upload can hold: random bytes, spreadsheet and zip signatures, UTF-16, broken UTF-8."""
    return st.one_of(
        st.binary(max_size=300),
        st.builds(lambda tail: b"PK\x03\x04" + tail, st.binary(max_size=60)),  # .xlsx is a zip file
        st.builds(
            lambda tail: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + tail, st.binary(max_size=60)
        ),  # old .xls
        csv_texts().map(lambda text: b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass")),
        csv_texts().map(lambda text: text.encode("utf-8", "surrogatepass")),
    )


# --- self-evaluation workspaces (sccif_core.preparation) ---


def self_evaluation_notes() -> st.SearchStrategy[str]:
    """Notes as people write them, with the lines that could be mistaken for Markdown structure or formulas."""
    tricky_lines = st.sampled_from(
        [
            "# heading",
            "#### Area 1 \u00b7 [overall-experiences-evidence-1](x)",
            "\\back",
            "**Self-assessment:** Strong",
            "**Notes:**",
            "=SUM(A1:A2)",
            "+44 20 7946 0000",
            "-- dash",
            "@mention",
            "'quoted",
            "<b>bold</b> & more",
            "&lt;already escaped&gt;",
            "> a quote",
            "- a bullet",
            "   indented",
            "",
            "Format: sccif-self-evaluation 1",
        ]
    )
    line = st.one_of(tricky_lines, st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30))
    return st.lists(line, max_size=6).map("\n".join)


@st.composite
def self_evaluation_workspaces(draw: st.DrawFn) -> object:
    """A checked workspace: some items with any self-assessment, notes, evidence and (for cases) initials."""
    from sccif_core.preparation.findings import FINDING_KEYS
    from sccif_core.preparation.items import items_by_id
    from sccif_core.preparation.workspace import ASSESSMENTS, workspace_from_json

    ids = sorted(items_by_id())
    chosen = draw(st.lists(st.sampled_from(ids), max_size=8, unique=True))
    items: dict[str, dict[str, str]] = {}
    for item_id in chosen:
        entry = {
            "assessment": draw(st.sampled_from(["", *(key for key, _ in ASSESSMENTS)])),
            "notes": draw(self_evaluation_notes()),
            "evidence": draw(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)),
        }
        if items_by_id()[item_id].asks_initials:
            entry["initials"] = draw(st.sampled_from(["", "AB", "A.B., CD", "xyz", "J R S"]))
        items[item_id] = entry
    findings = draw(st.dictionaries(st.sampled_from(list(FINDING_KEYS)), st.sampled_from(["yes", "no", ""])))
    return workspace_from_json({"items": items, "findings": findings})


# --- any date Python can hold (tests/core/test_fuzz.py: the supported range, issue 19) ---


@functools.cache  # one strategy object, built and checked once however often it is drawn from
def any_dates() -> st.SearchStrategy[date]:
    """Any date from 1 January 0001 to 31 December 9999, with the calendar's ends and the supported range's ends often."""
    from sccif_core.dates import FIRST_SUPPORTED, LAST_SUPPORTED

    edges = (
        date(1, 1, 1),
        date(9999, 12, 31),
        date(9999, 12, 30),
        date(9990, 1, 1),
        FIRST_SUPPORTED,
        LAST_SUPPORTED,
        FIRST_SUPPORTED - timedelta(days=1),
        LAST_SUPPORTED + timedelta(days=1),
        LAST_SUPPORTED - timedelta(days=20),
        FIRST_SUPPORTED + timedelta(days=20),
    )
    return st.one_of(st.dates(), st.sampled_from(edges), st.dates(date(1899, 1, 1), date(2202, 12, 31)))


@functools.cache  # one strategy object, built and checked once however often it is drawn from
def any_date_texts() -> st.SearchStrategy[str]:
    """A date from ``any_dates`` as a person would type it: ISO or day/month/year with four-digit years."""
    return st.builds(
        lambda day, iso: day.isoformat() if iso else f"{day.day:02d}/{day.month:02d}/{day.year:04d}",
        any_dates(),
        st.booleans(),
    )


@st.composite
def occupancy_csv_any_dates(draw: st.DrawFn, max_rows: int = 4) -> str:
    """A residents CSV whose dates are any dates, in any order (so many rows are refused)."""
    rows = ["id,date_of_birth,admission_date,discharge_date"]
    for number in range(draw(st.integers(1, max_rows))):
        born, admitted = draw(any_date_texts()), draw(any_date_texts())
        left = draw(st.one_of(st.just(""), st.just("9999-12-31"), st.just("31/12/9999"), any_date_texts()))
        rows.append(f"P{number},{born},{admitted},{left}")
    return "\n".join(rows) + "\n"


def date_payload_for(name: str, keys: list[str]) -> st.SearchStrategy[dict[str, object]]:
    """A browser call's payload with a date (or a list of dates) in each of its fields.

    The fields that pick what is computed get real choices: a timeline's kind and fields, a
    residents CSV, so that the dates reach the arithmetic rather than an earlier check.
    """
    from sccif_core.timelines import KINDS

    dates = any_date_texts()
    one_or_more = st.one_of(dates, st.lists(dates, min_size=1, max_size=3))
    if name.startswith("timeline."):

        def fields_of(kind: str) -> st.SearchStrategy[dict[str, object]]:
            spec = KINDS[kind]
            shapes: dict[str, st.SearchStrategy[object]] = {}
            for field_ in spec.fields:
                if field_.type == "choice":
                    shapes[field_.name] = st.sampled_from(field_.values)
                elif field_.type == "periods":
                    shapes[field_.name] = st.sampled_from(["6 months", "10 weeks", "45 days", "9999 years"])
                elif field_.type in ("dates", "visits"):
                    shapes[field_.name] = st.lists(dates, min_size=1, max_size=3)
                else:
                    shapes[field_.name] = dates
            optional = {
                "today": dates,
                "extra": st.lists(dates, max_size=2),
                "base_url": st.just("https://example.org/"),
            }
            return st.fixed_dictionaries({"kind": st.just(kind), **shapes}, optional=optional)

        return st.sampled_from(sorted(KINDS)).flatmap(fields_of)
    if name.startswith("occupancy."):
        planned = st.lists(
            st.fixed_dictionaries({"id": st.sampled_from(["P0", "P1", "N0"]), "date": dates}), max_size=2
        )
        admissions = st.lists(
            st.fixed_dictionaries(
                {
                    "id": st.just("N0"),
                    "date_of_birth": dates,
                    "admission_date": dates,
                    "discharge_date": st.one_of(st.just(""), st.just("9999-12-31"), dates),
                }
            ),
            max_size=1,
        )
        return st.fixed_dictionaries(
            {"csv": occupancy_csv_any_dates()},
            optional={
                "from": dates,
                "to": dates,
                "today": dates,
                "planned_discharges": planned,
                "planned_admissions": admissions,
            },
        )
    return st.fixed_dictionaries({}, optional=dict.fromkeys(keys, one_or_more))


@st.composite
def cli_date_commands(draw: st.DrawFn) -> tuple[list[str], str]:
    """A ``sccif`` command line of any tool with any dates in its date arguments, and the CSV for its standard input."""
    from sccif_core.cli.timeline import _flag
    from sccif_core.timelines import KINDS

    day = any_date_texts()
    tool = draw(st.sampled_from(["workdays", "judge", "timeline", "occupancy"]))
    stdin = ""
    if tool == "workdays":
        command = draw(st.sampled_from(["add", "count", "is", "next"]))
        argv = ["workdays", command, draw(day)]
        if command == "add":
            argv.append(str(draw(st.integers(0, 400))))
        elif command == "count":
            argv.append(draw(day))
        if draw(st.booleans()):
            argv += ["--extra-non-working", draw(day)]
        argv += ["--format", draw(st.sampled_from(["text", "json"]))]
    elif tool == "judge":
        argv = ["judge", "--end", draw(day), "--format", draw(st.sampled_from(["text", "json"]))]
    elif tool == "timeline":
        spec = KINDS[draw(st.sampled_from(sorted(KINDS)))]
        argv = ["timeline", spec.key]
        for field_ in spec.fields:
            if field_.type == "choice":
                argv += [_flag(field_), draw(st.sampled_from(field_.values))]
            elif field_.type == "periods":
                if draw(st.booleans()):
                    argv += [_flag(field_), draw(st.sampled_from(["6 months", "1 year 2 months", "45 days"]))]
            elif field_.type in ("dates", "visits"):
                for _ in range(draw(st.integers(1 if field_.required else 0, 2))):
                    argv += [_flag(field_), draw(day)]
            elif field_.required or draw(st.booleans()):
                argv += [_flag(field_), draw(day)]
        if draw(st.booleans()):
            argv += ["--today", draw(day)]
        if draw(st.booleans()):
            argv += ["--extra-non-working", draw(day)]
        argv += [
            "--format",
            draw(st.sampled_from(["table", "json", "csv", "ics"])),
            "--base-url",
            "https://example.org/",
        ]
    else:
        stdin = draw(occupancy_csv_any_dates())
        argv = ["occupancy", "-", "--format", draw(st.sampled_from(["table", "json"]))]
        for flag in ("--from", "--to"):
            if draw(st.booleans()):
                argv += [flag, draw(day)]
        if draw(st.booleans()):
            argv += ["--planned-discharge", f"P0={draw(day)}"]
        if draw(st.booleans()):
            argv += [
                "--planned-admission",
                f"N0,{draw(day)},{draw(day)},{draw(st.sampled_from(['', '9999-12-31']))}",
            ]
    return argv, stdin
