"""The occupancy functions the browser's worker calls through sccif_core.browser_api.call.

They take the CSV text and the page's options and give the command's JSON, plus how the
file was read and the chart's series. Errors come back as {"error": {...}} naming the row
and column. Expected figures: the hand-worked homes in test_checker.py.
"""

from __future__ import annotations

import json
from typing import Any

from sccif_core import browser_api
from sccif_core.occupancy import read_csv, template_csv

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
