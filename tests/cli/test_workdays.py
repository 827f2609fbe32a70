"""`sccif workdays`: add, count, is and next from a terminal, with exit statuses scripts can rely on.

Expected dates: the framework's day tables (a deadline "within N working days" of a date is the
Nth working day after it, the date not counted) and GOV.UK's England-and-Wales bank holidays.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sccif_core.cli import main
from sccif_core.workdays import LAST_YEAR, RULE_SOURCE

SCCIF = Path(sys.executable).parent / "sccif"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``sccif`` in-process; return the exit status, stdout and stderr."""
    try:
        status = main(list(argv))
    except SystemExit as exit_:  # argparse usage errors
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


class TestAdd:
    """sccif workdays add DATE N."""

    def test_issue_example(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`add 2026-12-24 1` prints exactly 2026-12-29: Christmas Day and Boxing Day's substitute skipped."""
        assert run(capsys, "workdays", "add", "2026-12-24", "1") == (0, "2026-12-29\n", "")

    def test_uk_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A UK-style date works the same: 18 working days after Thursday 19 November 2026 is 15 December."""
        # Full inspection timeframe: day 4 + 18 = day 22, no bank holidays in between.
        assert run(capsys, "workdays", "add", "19/11/2026", "18") == (0, "2026-12-15\n", "")

    def test_zero(self, capsys: pytest.CaptureFixture[str]) -> None:
        """N = 0 prints the date itself."""
        assert run(capsys, "workdays", "add", "25/12/2026", "0")[1] == "2026-12-25\n"

    def test_extra_non_working(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--extra-non-working (repeatable) skips the given days too."""
        status, out, _ = run(
            capsys,
            "workdays",
            "add",
            "2026-12-24",
            "1",
            "--extra-non-working",
            "29/12/2026",
            "--extra-non-working",
            "2026-12-30",
        )
        assert (status, out) == (0, "2026-12-31\n")

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json gives ISO dates, the skipped days and why, the provisional flag and the rule's anchor."""
        status, out, err = run(capsys, "workdays", "add", "24/12/2026", "1", "--format", "json")
        assert (status, err) == (0, "")
        result = json.loads(out)
        assert result["date"] == "2026-12-29"
        assert result["start"] == "2026-12-24"
        assert [(item["date"], item["reason"]) for item in result["skipped"]] == [
            ("2026-12-25", "Christmas Day"),
            ("2026-12-26", "Saturday"),
            ("2026-12-27", "Sunday"),
            ("2026-12-28", "Boxing Day (substitute day)"),
        ]
        assert result["provisional"] is False
        assert result["source"] == RULE_SOURCE
        assert "within 18 working days" in result["rule"]

    def test_provisional_note(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A result in a provisional year still prints the bare date, with a note on stderr."""
        # Friday 22 December 2028 + 5: skips 25, 26 December 2028 and Monday 1 January 2029.
        status, out, err = run(capsys, "workdays", "add", "2028-12-22", "5")
        assert (status, out) == (0, "2029-01-03\n")
        assert "provisional" in err and "2029" in err

    def test_provisional_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """In json the provisional years are data, and stderr stays empty."""
        status, out, err = run(capsys, "workdays", "add", "2028-12-22", "5", "--format", "json")
        assert (status, err) == (0, "")
        assert json.loads(out)["provisional_years"] == [2029]


class TestCount:
    """sccif workdays count START END."""

    def test_full_inspection(self, capsys: pytest.CaptureFixture[str]) -> None:
        """From day 4 (Thursday 19 November 2026) to day 34 (Tuesday 5 January 2027) is 30 working days."""
        # Skips Christmas Day, Boxing Day's substitute (28 December) and New Year's Day 2027.
        assert run(capsys, "workdays", "count", "19/11/2026", "2027-01-05") == (0, "30\n", "")

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json gives the count and the skipped days."""
        status, out, _ = run(capsys, "workdays", "count", "2022-09-16", "2022-09-20", "--format", "json")
        result = json.loads(out)
        # Monday 19 September 2022: the State Funeral of Queen Elizabeth II.
        assert (status, result["count"]) == (0, 1)
        assert result["skipped"][-1]["reason"] == "Bank Holiday for the State Funeral of Queen Elizabeth II"

    def test_end_before_start(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An END before START exits 2 naming END."""
        status, out, err = run(capsys, "workdays", "count", "2026-12-15", "2026-11-19")
        assert (status, out) == (2, "")
        assert err.startswith("sccif: error: END: ")


class TestIs:
    """sccif workdays is DATE: exit 0 for a working day, 1 for a non-working day."""

    def test_bank_holiday(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Christmas Day 2026 is not a working day, says why, and exits 1."""
        assert run(capsys, "workdays", "is", "2026-12-25") == (
            1,
            "2026-12-25 is not a working day: Christmas Day\n",
            "",
        )

    def test_substitute_day(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Monday 28 December 2026 is Boxing Day's substitute day."""
        assert run(capsys, "workdays", "is", "28/12/2026")[1] == (
            "2026-12-28 is not a working day: Boxing Day (substitute day)\n"
        )

    def test_weekend(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A Saturday is not a working day because it is a Saturday."""
        assert run(capsys, "workdays", "is", "2026-11-28")[:2] == (
            1,
            "2026-11-28 is not a working day: Saturday\n",
        )

    def test_working_day(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Christmas Eve 2026 (a Thursday) is a working day and exits 0."""
        assert run(capsys, "workdays", "is", "2026-12-24") == (0, "2026-12-24 is a working day\n", "")

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json says working_day, the reason and the next working day; the exit status is the same."""
        status, out, _ = run(capsys, "workdays", "is", "2027-12-27", "--format", "json")
        result = json.loads(out)
        assert status == 1
        assert result["working_day"] is False
        assert result["reason"] == "Christmas Day (substitute day)"
        assert result["next_working_day"] == "2027-12-29"

    def test_help_documents_exit_status(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`is --help` explains that exit status 1 means not a working day."""
        status, out, _ = run(capsys, "workdays", "is", "--help")
        assert status == 0
        assert "1 if it is not" in out


class TestNext:
    """sccif workdays next DATE."""

    def test_christmas_2027(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The next working day after Friday 24 December 2027 is Wednesday 29 December 2027."""
        # Monday 27 and Tuesday 28 December 2027: substitutes for Christmas Day and Boxing Day.
        assert run(capsys, "workdays", "next", "24/12/2027") == (0, "2027-12-29\n", "")


class TestBadInput:
    """Bad input exits 2 with one line on stderr naming the problem, never a traceback."""

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["add", "31/02/2026", "1"], "sccif: error: DATE: '31/02/2026' is not a real date."),
            (["add", "2026-02-30", "1"], "sccif: error: DATE: '2026-02-30' is not a real date."),
            (["add", "tomorrow", "1"], "sccif: error: DATE: 'tomorrow' is not a date."),
            (
                ["add", "2026-12-24", "-1"],
                "sccif: error: N: the number of working days must be 0 or more, not -1.",
            ),
            (["add", "2026-12-24", "1.5"], "sccif: error: N: '1.5' is not a whole number of working days."),
            (["add", "2026-12-24", "ten"], "sccif: error: N: 'ten' is not a whole number of working days."),
            (["add", "2050-01-01", "1"], "sccif: error: DATE: 2050-01-01 is outside the years"),
            (["add", "2009-12-31", "1"], "sccif: error: DATE: 2009-12-31 is outside the years"),
            (["add", f"20/12/{LAST_YEAR}", "100"], "sccif: error: N: 100 working days after"),
            (["is", "2099-01-01"], "sccif: error: DATE: 2099-01-01 is outside the years"),
            (["count", "2026-01-01", "2060-01-01"], "sccif: error: END: 2060-01-01 is outside the years"),
            (["next", "32/01/2026"], "sccif: error: DATE: '32/01/2026' is not a real date."),
            (
                ["add", "2026-12-24", "1", "--extra-non-working", "30/02/2026"],
                "sccif: error: --extra-non-working: '30/02/2026' is not a real date.",
            ),
        ],
    )
    def test_one_line_and_status_2(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
    ) -> None:
        """Each bad value gives exit status 2 and one line starting with the expected message."""
        status, out, err = run(capsys, "workdays", *argv)
        assert (status, out) == (2, "")
        assert err.startswith(message)
        assert err.count("\n") == 1
        assert "Traceback" not in err

    @pytest.mark.parametrize(
        "argv", [["add"], ["add", "2026-12-24"], ["frob"], [], ["add", "2026-12-24", "1", "--format", "xml"]]
    )
    def test_usage_errors(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """Missing arguments and unknown commands or formats exit 2 with one line."""
        status, out, err = run(capsys, "workdays", *argv)
        assert (status, out) == (2, "")
        assert err.count("\n") == 1
        assert "error:" in err


@pytest.mark.skipif(
    not SCCIF.exists() and shutil.which("sccif") is None, reason="the sccif console script is not installed"
)
class TestConsoleScript:
    """The installed `sccif` console script, run as a separate process."""

    def command(self) -> str:
        return str(SCCIF) if SCCIF.exists() else str(shutil.which("sccif"))

    def test_add(self) -> None:
        """`sccif workdays add 2026-12-24 1` prints 2026-12-29 and exits 0."""
        done = subprocess.run(
            [self.command(), "workdays", "add", "2026-12-24", "1"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (done.returncode, done.stdout, done.stderr) == (0, "2026-12-29\n", "")

    def test_bad_date(self) -> None:
        """An impossible date exits 2 with one line on stderr and no traceback."""
        done = subprocess.run(
            [self.command(), "workdays", "add", "31/02/2026", "1"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2
        assert done.stdout == ""
        assert done.stderr == "sccif: error: DATE: '31/02/2026' is not a real date.\n"

    def test_is_exit_status(self) -> None:
        """`sccif workdays is` on Christmas Day exits 1, so a shell `if` can use it."""
        done = subprocess.run(
            [self.command(), "workdays", "is", "25/12/2026"], capture_output=True, text=True, check=False
        )
        assert done.returncode == 1
