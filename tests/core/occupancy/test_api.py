"""The occupancy adapter (occupancy/api.py), as the browser's worker calls it through sccif_core.browser_api.call.

It takes the CSV text (or the form's typed rows) and the page's options and gives the command's JSON,
plus the answer, how the records were read and the chart's series. Errors come back as
{"error": {...}} naming the row and column. Expected figures: the hand-worked homes in test_checker.py.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sccif_core import browser_api
from sccif_core.occupancy import answer, check, eighteenth_birthdays, read_csv, read_rows, template_csv
from sccif_core.occupancy.residents import Stay

BIRTHDAY_HOME = (
    "id,date_of_birth,admission_date,discharge_date\nAB,2006-04-01,2024-01-01,\nCD,2009-01-01,2024-01-01,\n"
)


def call(name: str, **payload: Any) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(browser_api.call(name, json.dumps(payload)))
    return result


def expand(runs: list[list[int]]) -> list[int]:
    return [value for value, count in runs for _ in range(count)]


class TestCheck:
    """occupancy.check."""

    def test_same_as_the_command(self) -> None:
        """The result carries the command's figures: 91 majority days of 366, does not meet."""
        result = call("occupancy.check", csv=BIRTHDAY_HOME, to="2024-12-31", today="2025-01-10")["result"]
        assert result["verdict"] == "does-not-meet"
        assert result["latest_window"]["children_majority_days"] == 91
        assert result["input"]["stays"] == 2

    def test_series(self) -> None:
        """The series is run-length encoded per day and per window and adds up to the windows' figures."""
        result = call("occupancy.check", csv=BIRTHDAY_HOME, to="2024-12-31")["result"]
        series = result["series"]
        children = expand(series["children"])
        adults = expand(series["young_adults"])
        assert series["start"] == "2024-01-01"
        assert series["period_days"] == 366
        assert len(children) == len(adults) == series["days"]
        # 1 Jan - 31 Mar 2024: 2 children. 1 Apr 2024 - 31 Dec 2026 (275 + 365 + 365 = 1,005 days):
        # CD a child, AB a young adult. From 1 Jan 2027 CD is 18 too; the projection runs to the end
        # of the window starting then, 31 Dec 2027 (365 days): 366 + 365 x 3 = 1,461 days in all.
        assert series["children"] == [[2, 91], [1, 1005], [0, 365]]
        assert series["young_adults"] == [[0, 91], [1, 1005], [2, 365]]
        assert series["days"] == 1461
        assert children[90:92] == [2, 1] and adults[90:92] == [0, 1]
        windows = series["windows"]
        assert windows["checked"] == 1
        assert windows["children_majority_days"][0] == 91
        assert windows["occupied_days"][0] == 366
        assert expand(windows["days"])[0] == 366
        assert len(windows["children_majority_days"]) == windows["count"] == len(expand(windows["days"]))

    def test_monthly_table(self) -> None:
        """The monthly table's nights add up to the window's person-nights for 2024."""
        result = call("occupancy.check", csv=BIRTHDAY_HOME, to="2024-12-31")["result"]
        months = [row for row in result["series"]["monthly"] if row["month"].startswith("2024-")]
        assert len(months) == 12
        assert sum(row["child_nights"] for row in months) == 457
        assert sum(row["young_adult_nights"] for row in months) == 275
        assert months[2]["children_majority_days"] == 31  # March 2024: AB still 17
        assert months[3]["children_majority_days"] == 0  # April 2024: AB is 18
        assert months[11]["window"]["end"] == "2024-12-31"
        assert months[11]["projected"] is False

    def test_options(self) -> None:
        """Planned discharges and admissions, and the 29 February setting, are read from the payload."""
        home = "id,dob,admitted,left\nAB,2008-09-15,2025-01-01,\nCD,2011-01-01,2025-01-01,\n"
        base = {"csv": home, "to": "2025-12-31"}
        plain = call("occupancy.check", **base)["result"]["projection"]
        discharged = call(
            "occupancy.check",
            **base,
            planned_discharges=[{"id": "AB", "date": "01/12/2026"}, {"id": "CD", "date": ""}],
        )["result"]["projection"]
        admitted = call(
            "occupancy.check",
            **base,
            planned_admissions=[{"id": "GH", "date_of_birth": "2014-01-01", "admission_date": "15/09/2026"}],
        )["result"]["projection"]
        assert (plain["fails_from"], discharged["fails_from"], admitted["fails_from"]) == (
            "2027-03-16",
            "2029-07-02",
            "2029-07-02",
        )
        leap = call("occupancy.check", **base, leap_birthday="feb-28")["result"]
        assert leap["leap_birthday"] == "feb-28"

    def test_columns(self) -> None:
        """Columns chosen on the page (by header or number) are used."""
        text = "Kid,Born when,In,Out\nAB,2006-04-01,2024-01-01,\nCD,2009-01-01,2024-01-01,\n"
        result = call(
            "occupancy.check", csv=text, to="2024-12-31", columns={"id": 1, "date_of_birth": "Born when"}
        )
        assert result["result"]["latest_window"]["children_majority_days"] == 91


class TestErrors:
    """Errors come back as data, naming the row and column."""

    def test_row_and_column(self) -> None:
        """An impossible date: row 4, column date_of_birth."""
        error = call("occupancy.check", csv=BIRTHDAY_HOME + "EF,30/02/2009,2024-01-01,\n")["error"]
        assert (error["row"], error["field"]) == (4, "date_of_birth")
        assert error["message"] == "Row 4, column 'date_of_birth': '30/02/2009' is not a real date."

    def test_missing_csv(self) -> None:
        """No CSV text is an error on the csv field."""
        assert call("occupancy.check")["error"]["field"] == "csv"

    def test_bad_option_types(self) -> None:
        """Wrongly typed options are errors, never tracebacks."""
        assert call("occupancy.check", csv=BIRTHDAY_HOME, to=5)["error"]["field"] == "to"
        assert (
            call("occupancy.check", csv=BIRTHDAY_HOME, planned_discharges="AB")["error"]["field"]
            == "planned_discharge"
        )
        assert call("occupancy.check", csv=BIRTHDAY_HOME, planned_admissions=[{"id": "X"}])["error"][
            "field"
        ].startswith("planned admission 1")
        assert call("occupancy.check", csv=BIRTHDAY_HOME, columns=[1])["error"]["field"] == "columns"
        assert (
            call("occupancy.check", csv=BIRTHDAY_HOME, leap_birthday="x")["error"]["field"] == "leap_birthday"
        )


class TestPreviewAndTemplate:
    """occupancy.preview and occupancy.template."""

    def test_preview(self) -> None:
        """The preview gives headers, the columns found (numbered from 1), the row count and a sample."""
        result = call("occupancy.preview", csv="Kid;Born when;Admitted;Left\nAB;01/01/2009;01/01/2024;\n")[
            "result"
        ]
        assert result["columns"] == {
            "id": None,
            "date_of_birth": None,
            "admission_date": 3,
            "discharge_date": 4,
        }
        assert (result["rows"], result["recognised"]) == (1, False)

    def test_template(self) -> None:
        """The template is the CSV the core writes, and it reads back."""
        result = call("occupancy.template")["result"]
        assert result["filename"] == "occupancy-template.csv"
        assert result["text"] == template_csv()
        assert len(read_csv(result["text"]).stays) == 3


class TestBytes:
    """Files that are not UTF-8 text reach the core as base64, so it can say what they are."""

    def test_base64_xlsx(self) -> None:
        """An .xlsx sent as base64 gets the export-to-CSV message on row 1."""
        import base64

        error = call("occupancy.check", csv_base64=base64.b64encode(b"PK\x03\x04" + b"\x00" * 32).decode())[
            "error"
        ]
        assert error["row"] == 1 and "Excel" in error["problem"]

    def test_base64_utf16(self) -> None:
        """A UTF-16 file sent as base64 is read."""
        import base64

        data = base64.b64encode(BIRTHDAY_HOME.encode("utf-16")).decode()
        assert (
            call("occupancy.check", csv_base64=data, to="2024-12-31")["result"]["verdict"] == "does-not-meet"
        )

    def test_garbled_base64(self) -> None:
        """Base64 that is not base64 is an error on the csv field."""
        assert call("occupancy.check", csv_base64="***")["error"]["field"] == "csv"

    def test_xlsx_magic_in_text(self) -> None:
        """A zip that happens to decode as text is still recognised as a workbook."""
        assert "Excel" in call("occupancy.check", csv="PK\x03\x04abc")["error"]["problem"]


# AB is born on 15 June 2009 and CD on 1 January 2011, both admitted on 1 January 2025 and still
# resident. "A child is defined as a person under the age of 18"
# (inspecting-homes-where-young-adults-live-1): AB is a young adult from 15 June 2027, and from then
# each day has one child and one young adult, not "more children than young adults"
# (wholly-or-mainly-guidelines-2). The 12 months ending 14 December 2027 (from 15 December 2026)
# hold 182 children-majority days (15 December 2026 to 14 June 2027) of 365: not "the majority of
# time in any 12-month period" (wholly-or-mainly-guidelines-2); the 12 months ending the day before
# hold 183.
WORKED = "id,dob,admitted,left\nAB,2009-06-15,2025-01-01,\nCD,2011-01-01,2025-01-01,\n"
TYPED = [
    {"id": "AB", "date_of_birth": "15/06/2009", "admission_date": "01/01/2025", "discharge_date": ""},
    {"id": "CD", "date_of_birth": "01/01/2011", "admission_date": "01/01/2025", "discharge_date": ""},
]


class TestAnswer:
    """answer(): the verdict and the first date the home stops meeting the policy, in words."""

    def test_future_failure(self) -> None:
        """Meets now; stops meeting on 14 December 2027, the end of the first failing 12 months (reading B)."""
        result = call("occupancy.check", csv=WORKED, to="2025-12-31")["result"]
        assert result["answer"]["title"] == "Meets the policy"
        assert (
            result["answer"]["text"] == "If nothing changes, it stops meeting the policy on 14 December 2027."
        )
        assert result["answer"]["detail"] == (
            "The 12 months ending 14 December 2027: 182 of 365 days with more children than young adults."
        )
        failure = result["answer"]["first_failure"]
        assert (failure["start"], failure["end"], failure["reading"], failure["projected"]) == (
            "2026-12-15",
            "2027-12-14",
            "B",
            True,
        )

    def test_failure_in_the_history(self) -> None:
        """Does not meet: the answer is the first failing window of the period, reading A."""
        # AB turns 18 on 1 April 2024 (a child is under 18: inspecting-homes-where-young-adults-live-1),
        # so 1 January to 31 December 2024 has 91 children-majority days (January to March) of 366
        # occupied days: not the majority (wholly-or-mainly-guidelines-2).
        result = call("occupancy.check", csv=BIRTHDAY_HOME, to="2024-12-31")["result"]
        assert result["answer"]["text"] == "It first stopped meeting the policy on 31 December 2024."
        assert result["answer"]["detail"] == (
            "The 12 months ending 31 December 2024: 91 of 366 occupied days with more children than young adults."
        )
        assert result["answer"]["reading"] == "Reading A, empty days set aside"

    def test_never_fails(self) -> None:
        """Nobody turns 18 in the projection: the answer says it keeps meeting the policy to its end."""
        # Both born in 2020, so 18 in 2038, after the projection, which stops 10 years after the
        # period (MAX_YEARS_AHEAD): on 31 December 2035. Two children every night meets the policy.
        home = "id,dob,admitted,left\nAB,2020-01-01,2025-01-01,\nCD,2020-02-01,2025-01-01,\n"
        said = answer(check(read_csv(home).stays, end=date(2025, 12, 31)))
        assert said["first_failure"] is None
        assert said["text"] == (
            "If nothing changes, it keeps meeting the policy in every 12-month period to 31 December 2035."
        )


class TestTypedRows:
    """The page's typed rows go to the same row reader as a CSV: same stays, same messages."""

    def test_same_as_the_csv(self) -> None:
        """Typed rows give the CSV's result."""
        typed = call("occupancy.check", rows=TYPED, to="2025-12-31", series=False)["result"]
        from_csv = call("occupancy.check", csv=WORKED, to="2025-12-31", series=False)["result"]
        assert typed["answer"] == from_csv["answer"]
        assert typed["windows_total"] == from_csv["windows_total"] == 1
        assert read_rows(TYPED).stays == tuple(
            Stay(stay.person, stay.date_of_birth, stay.admission, stay.discharge, row=stay.row - 1)
            for stay in read_csv(WORKED).stays
        )

    def test_row_and_field(self) -> None:
        """A bad date in the second typed row is row 2, field date_of_birth, with the CSV's wording."""
        rows = [TYPED[0], {**TYPED[1], "date_of_birth": "30/02/2009"}]
        error = call("occupancy.check", rows=rows)["error"]
        assert (error["row"], error["field"]) == (2, "date_of_birth")
        assert error["problem"] == "'30/02/2009' is not a real date."

    def test_blank_rows_and_bad_types(self) -> None:
        """Blank typed rows are passed over; a value that is not text is refused with its row and field."""
        parsed = read_rows([*TYPED, {"id": "", "date_of_birth": ""}])
        assert (len(parsed.stays), parsed.blank_rows) == (2, (3,))
        error = call("occupancy.check", rows=[{**TYPED[0], "admission_date": 5}])["error"]
        assert (error["row"], error["field"]) == (1, "admission_date")
        assert call("occupancy.check", rows="AB")["error"]["field"] == "rows"


class TestBirthdays:
    """eighteenth_birthdays(): each person's 18th birthday, once."""

    def test_one_per_person(self) -> None:
        """Two stays of one person give one birthday; 29 February follows the setting."""
        stays = read_csv(
            "id,dob,admitted,left\nAB,29/02/2008,2024-01-01,2024-02-01\nAB,29/02/2008,2024-03-01,\n"
        ).stays
        # 2026 is a common year: 1 March by default, 28 February with the other setting.
        assert eighteenth_birthdays(stays) == {"AB": date(2026, 3, 1)}
        assert eighteenth_birthdays(stays, "feb-28") == {"AB": date(2026, 2, 28)}


class TestPreviewRow:
    """occupancy.preview with row: the row a problem is in, when it is past the sample."""

    def test_extra_row(self) -> None:
        """Row 9 comes back as extra after a sample of five; a row inside the sample does not."""
        text = "id,dob,admitted,left\n" + "".join(f"P{n},01/01/2010,01/01/2024,\n" for n in range(8))
        result = call("occupancy.preview", csv=text, sample=5, row=9)["result"]
        assert result["extra"] == {"row": 9, "cells": ["P7", "01/01/2010", "01/01/2024", ""]}
        assert call("occupancy.preview", csv=text, sample=5, row=3)["result"]["extra"] is None
        assert call("occupancy.preview", csv=text, row=0)["error"]["field"] == "row"


class TestEveryProblemAtOnce:
    """occupancy.problems: every problem in the typed rows and the period, for one error summary (issue 18)."""

    def test_every_bad_cell_and_the_period(self) -> None:
        """Two bad dates in two rows, a missing id and a bad 'to' date come back together, each with its field."""
        rows = [
            {**TYPED[0], "date_of_birth": "31/04/2025"},
            {**TYPED[1], "id": "", "admission_date": "2025-13-01"},
        ]
        problems = call("occupancy.problems", rows=rows, to="32/12/2025")["result"]["problems"]
        assert [(p["row"], p["field"]) for p in problems] == [
            (None, "to"),
            (1, "date_of_birth"),
            (2, "id"),
            (2, "admission_date"),
        ]
        assert problems[1]["problem"] == "'31/04/2025' is not a real date."

    def test_rows_that_read_are_checked_together(self) -> None:
        """When every cell reads, the rows' first problem together (a birth after the admission) is given."""
        rows = [{**TYPED[0], "date_of_birth": "01/01/2026"}]
        problems = call("occupancy.problems", rows=rows)["result"]["problems"]
        assert [(p["row"], p["field"]) for p in problems] == [(1, "date_of_birth")]
        assert call("occupancy.problems", rows=TYPED, to="2025-12-31")["result"]["problems"] == []


class TestPlansKeptOnARecheck:
    """drop_stale_plans: plans for people still in the records stay; others are set aside by name (issue 19, 4)."""

    def test_only_the_stale_plan_is_dropped(self) -> None:
        """AB still has an open stay, so its plan applies; ZZ is not in the records and is listed as dropped."""
        plans = [{"id": "AB", "date": "2026-12-01"}, {"id": "ZZ", "date": "2026-12-01"}]
        refused = call("occupancy.check", rows=TYPED, to="2025-12-31", planned_discharges=plans)
        assert refused["error"]["field"] == "planned_discharge"
        result = call(
            "occupancy.check", rows=TYPED, to="2025-12-31", planned_discharges=plans, drop_stale_plans=True
        )["result"]
        assert result["plans_dropped"] == ["ZZ"]
        assert [
            stay["planned_discharge"] for stay in result["projection"]["open_stays"] if stay["id"] == "AB"
        ] == ["2026-12-01"]


class TestDownload:
    """occupancy.download: the whole of a list the page shows only the first rows of (issue 19, 6)."""

    def test_young_adults_in_full(self) -> None:
        """All 300 young adults are in the CSV though the check was asked for 20; an id like '=1+1' stays text."""
        rows = ["id,dob,admitted,left", "=1+1,2000-01-01,2024-01-01,2024-01-10"]
        rows += [f"P{n},2000-01-01,2024-01-01,2024-01-10" for n in range(299)]
        text = "\n".join(rows) + "\n"
        shown = call("occupancy.check", csv=text, to="2024-12-31", series=False, list_limit=20)["result"]
        assert (len(shown["young_adults"]), shown["lists"]["young_adults"]) == (
            20,
            {"total": 300, "shown": 20},
        )
        download = call("occupancy.download", csv=text, to="2024-12-31", kind="young-adults")["result"]
        lines = download["text"].split("\r\n")
        assert download["filename"] == "occupancy-young-adults.csv"
        assert (
            lines[0] == "id,turned_18,nights_as_young_adult_in_period,still_resident_at_end,planned_discharge"
        )
        # Born 1 January 2000, so 18 from 1 January 2018; nights 1 to 9 January 2024 (left on the 10th).
        assert lines[1] == "'=1+1,2018-01-01,9,no,"
        assert len(lines) == 1 + 300 + 1  # the heading, every person, and the final line end

    def test_months(self) -> None:
        """The month-by-month figures: March 2024 has 62 child nights and 31 children-majority days."""
        download = call("occupancy.download", csv=BIRTHDAY_HOME, to="2024-12-31", kind="months")["result"]
        march = next(line for line in download["text"].split("\r\n") if line.startswith("2024-03"))
        # AB (born 1 April 2006) and CD are both under 18 all March 2024 (a child is under 18).
        assert march.split(",")[:6] == ["2024-03", "no", "62", "0", "31", "31"]
        assert call("occupancy.download", csv=BIRTHDAY_HOME, kind="other")["error"]["field"] == "kind"
