"""`sccif occupancy FILE`: the 'wholly or mainly' check from a terminal, its JSON shape and its exit statuses.

Expected figures: the hand-worked homes in tests/core/occupancy/test_checker.py
(the framework's test, anchor wholly-or-mainly-guidelines-2, with the method of issue 6).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sccif_core.cli import main
from sccif_core.cli import occupancy as occupancy_cli

SCCIF = Path(sys.executable).parent / "sccif"

BIRTHDAY_HOME = (
    "id,date_of_birth,admission_date,discharge_date\n"
    "AB,2006-04-01,2024-01-01,\n"  # 18 on 1 April 2024
    "CD,2009-01-01,2024-01-01,\n"
)
LEAP_HOME = (
    "id,date_of_birth,admission_date,discharge_date\n"
    "AB,29/02/2008,01/03/2025,\n"
    "YA,01/01/2000,01/03/2025,\n"
    "CH,01/01/2012,30/08/2025,\n"
)
WINDOW_KEYS = {
    "start",
    "end",
    "days",
    "occupied_days",
    "children_majority_days",
    "meets",
    "meets_all_days",
    "child_nights",
    "young_adult_nights",
    "share",
    "share_all_days",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``sccif`` in-process; return the exit status, stdout and stderr."""
    try:
        status = main(list(argv))
    except SystemExit as exit_:  # argparse usage errors
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def csv_file(tmp_path: Path) -> Any:
    def write(text: str | bytes, name: str = "residents.csv") -> str:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return str(path)

    return write


class TestJson:
    """--format json: the object the issue specifies."""

    def test_shape_and_numbers(self, capsys: pytest.CaptureFixture[str], csv_file: Any) -> None:
        """The JSON has the issue's keys, and the birthday home's figures (91 majority days of 366)."""
        status, out, err = run(
            capsys, "occupancy", csv_file(BIRTHDAY_HOME), "--to", "2024-12-31", "--format", "json"
        )
        assert (status, err) == (0, "")
        data = json.loads(out)
        assert {
            "verdict",
            "period",
            "windows_total",
            "windows_meeting",
            "windows_meeting_all_days",
            "latest_window",
            "worst_window",
            "worst_window_all_days",
            "projection",
            "young_adults",
        } <= data.keys()
        assert data["verdict"] == "does-not-meet"
        assert data["period"] == {"start": "2024-01-01", "end": "2024-12-31", "days": 366}
        assert (data["windows_total"], data["windows_meeting"], data["windows_meeting_all_days"]) == (1, 0, 0)
        for key in ("latest_window", "worst_window", "worst_window_all_days"):
            assert set(data[key]) == WINDOW_KEYS
        # 1 Jan - 31 Mar 2024: 91 days with two children; then AB (18 on 1 April) v CD, 1 v 1.
        assert data["latest_window"] | {"share": None, "share_all_days": None} == {
            "start": "2024-01-01",
            "end": "2024-12-31",
            "days": 366,
            "occupied_days": 366,
            "children_majority_days": 91,
            "meets": False,
            "meets_all_days": False,
            "child_nights": 457,
            "young_adult_nights": 275,
            "share": None,
            "share_all_days": None,
        }
        assert data["young_adults"] == [
            {
                "id": "AB",
                "turned_18": "2024-04-01",
                "born_29_february": False,
                "adult_nights": 275,
                "adult_nights_projected": data["young_adults"][0]["adult_nights_projected"],
                "still_resident": True,
                "planned_discharge": None,
            }
        ]
        assert data["source"]["anchor"] == "wholly-or-mainly-guidelines-2"
        assert data["source"]["path"] == "framework/young-adults/#wholly-or-mainly-guidelines-2"
        assert data["input"]["columns"]["date_of_birth"] == "date_of_birth"

    def test_leap_birthday_option(self, capsys: pytest.CaptureFixture[str], csv_file: Any) -> None:
        """--leap-birthday feb-28 turns the leap-day home's 183 majority days into 182: the verdict changes."""
        path = csv_file(LEAP_HOME)
        options = ("--from", "01/03/2025", "--to", "28/02/2026", "--format", "json")
        default = json.loads(run(capsys, "occupancy", path, *options)[1])
        other = json.loads(run(capsys, "occupancy", path, *options, "--leap-birthday", "feb-28")[1])
        assert (default["verdict"], default["latest_window"]["children_majority_days"]) == ("meets", 183)
        assert (other["verdict"], other["latest_window"]["children_majority_days"]) == ("does-not-meet", 182)
        assert default["leap_birthday_comparison"]["verdict"] == "does-not-meet"

    def test_planned_discharge(self, capsys: pytest.CaptureFixture[str], csv_file: Any) -> None:
        """--planned-discharge ID=DATE changes the projection, not the verdict."""
        home = "id,dob,admitted,left\nAB,2008-09-15,2025-01-01,\nCD,2011-01-01,2025-01-01,\n"
        path = csv_file(home)
        before = json.loads(run(capsys, "occupancy", path, "--to", "2025-12-31", "--format", "json")[1])
        after = json.loads(
            run(
                capsys,
                "occupancy",
                path,
                "--to",
                "2025-12-31",
                "--format",
                "json",
                "--planned-discharge",
                "AB=01/12/2026",
            )[1]
        )
        # See tests/core/occupancy/test_projection.py: 16 March 2027 without the plan, 2 July 2029 with it.
        assert before["projection"]["fails_from"] == "2027-03-16"
        assert after["projection"]["fails_from"] == "2029-07-02"
        assert before["verdict"] == after["verdict"] == "meets"

    def test_planned_admission(self, capsys: pytest.CaptureFixture[str], csv_file: Any) -> None:
        """--planned-admission ID,DOB,ADMISSION adds a what-if stay to the projection."""
        home = "id,dob,admitted,left\nAB,2008-09-15,2025-01-01,\nCD,2011-01-01,2025-01-01,\n"
        status, out, _ = run(
            capsys,
            "occupancy",
            csv_file(home),
            "--to",
            "2025-12-31",
            "--format",
            "json",
            "--planned-admission",
            "GH,2014-01-01,15/09/2026",
        )
        assert status == 0
        assert json.loads(out)["projection"]["fails_from"] == "2029-07-02"

    def test_default_period_ends_today(
        self, capsys: pytest.CaptureFixture[str], csv_file: Any, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without --to the period ends on today's date."""
        monkeypatch.setattr(occupancy_cli, "today", lambda: date(2025, 6, 30))
        data = json.loads(run(capsys, "occupancy", csv_file(BIRTHDAY_HOME), "--format", "json")[1])
        assert data["period"] == {"start": "2024-01-01", "end": "2025-06-30", "days": 547}

    def test_stdin(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        """FILE - reads the CSV from standard input."""
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BIRTHDAY_HOME.encode())))
        status, out, _ = run(capsys, "occupancy", "-", "--to", "2024-12-31", "--format", "json")
        assert (status, json.loads(out)["verdict"]) == (0, "does-not-meet")

    def test_column_option(self, capsys: pytest.CaptureFixture[str], csv_file: Any) -> None:
        """--column FIELD=HEADER maps headers the checker does not recognise."""
        path = csv_file("Kid,Born when,In,Out\nAB,2006-04-01,2024-01-01,\nCD,2009-01-01,2024-01-01,\n")
        status, out, _ = run(
            capsys,
            "occupancy",
            path,
            "--to",
            "2024-12-31",
            "--format",
            "json",
            "--column",
            "id=Kid",
            "--column",
            "date_of_birth=2",
        )
        assert (status, json.loads(out)["latest_window"]["children_majority_days"]) == (0, 91)


class TestTable:
    """--format table (the default): a readable summary."""

    def test_summary(self, capsys: pytest.CaptureFixture[str], csv_file: Any) -> None:
        """The table names the verdict, both readings' counts, the young adults and the source."""
        status, out, _ = run(capsys, "occupancy", csv_file(BIRTHDAY_HOME), "--to", "2024-12-31")
        assert status == 0
        assert "Verdict: does-not-meet" in out
        assert "Reading A (empty days set aside): 0 meet, 1 fail" in out
        assert "AB  2024-04-01  275" in out
        assert "framework/young-adults/#wholly-or-mainly-guidelines-2" in out

    def test_answer_first(self, capsys: pytest.CaptureFixture[str], csv_file: Any) -> None:
        """The first lines are the answer: the verdict and when the home stopped meeting the policy."""
        status, out, _ = run(capsys, "occupancy", csv_file(BIRTHDAY_HOME), "--to", "2024-12-31")
        assert status == 0
        # AB turns 18 on 1 April 2024 ("a person under the age of 18" is a child,
        # inspecting-homes-where-young-adults-live-1): 91 children-majority days (January to March)
        # of 366 occupied days in 2024 is not "the majority of time" (wholly-or-mainly-guidelines-2).
        assert out.splitlines()[:2] == [
            "Does not meet the policy. It first stopped meeting the policy on 31 December 2024.",
            "  The 12 months ending 31 December 2024: 91 of 366 occupied days with more children than young adults.",
        ]


class TestBadInput:
    """Bad input: exit status 2, one line on stderr naming the row and column, no traceback."""

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                BIRTHDAY_HOME + "EF,30/02/2009,2024-01-01,\n",
                "Row 4, column 'date_of_birth': '30/02/2009' is not a real date.",
            ),
            (
                BIRTHDAY_HOME + "EF,2009-01-01,2024-05-01,2024-04-01\n",
                "Row 4, column 'discharge_date': the discharge date 2024-04-01 is before",
            ),
            (
                BIRTHDAY_HOME + "EF,2024-06-01,2024-05-01,\n",
                "Row 4, column 'date_of_birth': the date of birth 2024-06-01 is after",
            ),
            (
                BIRTHDAY_HOME + "AB,2006-04-01,2024-06-01,\n",
                "Row 4, column 'admission_date': this stay of 'AB'",
            ),
            (
                "id,dob,left\nAB,2006-04-01,\n",
                "Row 1, column 'admission_date': there is no admission_date column",
            ),
            ("", "Row 1: the file is empty."),
        ],
    )
    def test_messages(
        self, capsys: pytest.CaptureFixture[str], csv_file: Any, text: str, message: str
    ) -> None:
        """Each malformed file gives status 2 and a message starting with its row and column."""
        status, out, err = run(capsys, "occupancy", csv_file(text), "--to", "2024-12-31")
        assert (status, out) == (2, "")
        assert err.startswith("sccif: error: " + message)
        assert err.count("\n") == 1

    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A file that does not exist is named."""
        status, _, err = run(capsys, "occupancy", str(tmp_path / "nope.csv"))
        assert status == 2
        assert "there is no file" in err

    def test_xlsx(self, capsys: pytest.CaptureFixture[str], csv_file: Any) -> None:
        """An Excel workbook is refused with how to save it as CSV."""
        status, _, err = run(capsys, "occupancy", csv_file(b"PK\x03\x04" + b"\x00" * 64, "residents.xlsx"))
        assert status == 2
        assert "Row 1: This is a spreadsheet workbook" in err and "CSV UTF-8" in err

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            (
                ("--planned-discharge", "AB"),
                "--planned-discharge: 'AB' should look like --planned-discharge ID=DATE.",
            ),
            (
                ("--planned-discharge", "ZZ=2025-06-01"),
                "--planned-discharge: there is no resident with the id 'ZZ'",
            ),
            (("--planned-discharge", "AB=2024-06-01"), "--planned-discharge: the planned discharge of 'AB'"),
            (("--from", "2025-13-01"), "--from: '2025-13-01' is not a real date."),
            (
                ("--planned-admission", "GH,2014-01-01"),
                "--planned-admission: 'GH,2014-01-01' should look like",
            ),
        ],
    )
    def test_options(
        self, capsys: pytest.CaptureFixture[str], csv_file: Any, options: tuple[str, ...], message: str
    ) -> None:
        """Bad options are named after the option."""
        status, _, err = run(capsys, "occupancy", csv_file(BIRTHDAY_HOME), "--to", "2024-12-31", *options)
        assert status == 2
        assert err.startswith("sccif: error: " + message)

    def test_leap_birthday_choice(self, capsys: pytest.CaptureFixture[str], csv_file: Any) -> None:
        """--leap-birthday accepts only mar-1 and feb-28."""
        status, _, err = run(capsys, "occupancy", csv_file(BIRTHDAY_HOME), "--leap-birthday", "feb-29")
        assert status == 2
        assert "invalid choice" in err

    def test_installed_command(self, csv_file: Any) -> None:
        """The installed `sccif` command exits 2 with one line and no traceback."""
        path = csv_file(BIRTHDAY_HOME + "EF,2009-01-01,2024-05-01,2024-04-01\n")
        done = subprocess.run([str(SCCIF), "occupancy", path], capture_output=True, text=True, check=False)
        assert done.returncode == 2
        assert "Traceback" not in done.stderr
        assert done.stderr.startswith("sccif: error: Row 4, column 'discharge_date'")
