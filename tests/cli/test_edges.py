"""`sccif` at the edges a careless or hostile user finds (issue 19): the calendar's ends, a hostile
--base-url, control and right-to-left characters in messages, and the size of files too big to read.

Each test is named after the issue's case it checks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sccif_core.cli import main
from sccif_core.errors import terminal_safe

RANGE = "(1 January 1900 to 31 December 2200)"
HEADER = "id,date_of_birth,admission_date,discharge_date\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``sccif`` in-process; return the exit status, stdout and stderr."""
    try:
        status = main(list(argv))
    except SystemExit as exit_:  # argparse usage errors
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def residents(tmp_path: Path) -> Any:
    def write(text: str) -> str:
        path = tmp_path / "residents.csv"
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


class TestCase1CalendarEnds:
    """Case 1: tracebacks at the ends of the calendar are now one-line input errors (exit 2), or answers."""

    def test_case_1_occupancy_discharge_9999_12_31_is_still_resident(
        self, capsys: pytest.CaptureFixture[str], residents: Any
    ) -> None:
        """A discharge date of 9999-12-31 is read as still resident, and the report says so."""
        path = residents(HEADER + "AB,2006-01-01,2024-01-01,9999-12-31\nCD,2009-01-01,2024-01-01,\n")
        status, out, err = run(capsys, "occupancy", path, "--to", "2025-06-01")
        assert (status, err) == (0, "")
        assert (
            "Note: Row 2 has the discharge date 31/12/9999, a common placeholder for 'no end date': "
            "read as still resident, like a blank discharge date."
        ) in out
        status, out, err = run(capsys, "occupancy", path, "--to", "2025-06-01", "--format", "json")
        data = json.loads(out)
        assert data["input"]["no_end_date_rows"] == [2]
        assert data["young_adults"][0]["still_resident"] is True

    @pytest.mark.parametrize(
        ("extra", "option"),
        [
            (("--to", "9990-01-01"), "--to"),
            (("--to", "9999-12-31"), "--to"),
            (("--from", "0001-01-01", "--to", "2025-01-01"), "--from"),
            (("--to", "2025-01-01", "--planned-discharge", "AB=9999-12-01"), "--planned-discharge"),
            (("--to", "2025-01-01", "--planned-admission", "X,2010-01-01,9999-12-01"), "--planned-admission"),
        ],
    )
    def test_case_1_occupancy_dates_near_9999_or_0001(
        self, capsys: pytest.CaptureFixture[str], residents: Any, extra: tuple[str, ...], option: str
    ) -> None:
        """--to from 9990 to 9999, --from 0001-01-01 and plans near 9999 give one line naming the option."""
        path = residents(HEADER + "AB,2008-01-01,2024-01-01,\n")
        status, out, err = run(capsys, "occupancy", path, *extra)
        assert (status, out) == (2, "")
        assert err.startswith(f"sccif: error: {option}: '")
        assert err.rstrip("\n").endswith(f"is outside the dates these tools work with {RANGE}.")
        assert err.count("\n") == 1

    @pytest.mark.parametrize(
        ("argv", "option"),
        [
            (("compliance", "--notice", "9999-12-31"), "column '--notice'"),
            (("inspection-year", "--date", "0001-01-01"), "--date"),
            (("inspection-year", "--date", "9999-12-31"), "--date"),
            (("no-children", "--removed", "0001-01-01"), "--removed"),
            (("no-children", "--removed", "9999-12-31"), "--removed"),
            (("manager", "--vacancy", "9999-12-30"), "--vacancy"),
            (("manager", "--vacancy", "2026-01-05", "--absence", "9999-12-30"), "--absence"),
            (("interpreter", "--needed", "0001-01-01"), "--needed"),
        ],
    )
    def test_case_1_timeline_dates_at_the_calendar_ends(
        self, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], option: str
    ) -> None:
        """Each timeline the issue lists refuses 0001-01-01 or 9999-12-3x with one line naming the option."""
        status, out, err = run(capsys, "timeline", *argv)
        assert (status, out) == (2, "")
        assert f"{option}: '" in err and f"outside the dates these tools work with {RANGE}." in err
        assert err.count("\n") == 1

    @pytest.mark.parametrize(
        ("argv", "option", "edge"),
        [
            (("reg44", "--visit", "2200-12-31"), "--visit", "past 31 December 2200"),
            (("no-children", "--removed", "2200-12-31"), "--removed", "past 31 December 2200"),
            (("interpreter", "--needed", "1900-01-01"), "--needed", "before 1 January 1900"),
        ],
    )
    def test_case_1_timeline_results_past_the_range(
        self, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], option: str, edge: str
    ) -> None:
        """A supported date whose timeline would run outside the range gives the input error, naming the option."""
        status, out, err = run(capsys, "timeline", *argv)
        assert (status, out) == (2, "")
        assert err == (
            f"sccif: error: {option}: counting from this date runs {edge}, "
            f"outside the dates these tools work with {RANGE}.\n"
        )

    def test_case_1_the_range_is_stated_in_the_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`sccif --help` and `sccif occupancy --help` state the supported range."""
        assert "1 January 1900 to 31 December 2200" in " ".join(run(capsys, "--help")[1].split())
        assert "1 January 1900 to 31 December 2200" in " ".join(run(capsys, "occupancy", "--help")[1].split())
        assert "31/12/9999" in run(capsys, "occupancy", "--help")[1]


class TestCase7BaseUrl:
    """Case 7: --base-url must be an absolute http(s) URL with no control characters."""

    def test_case_7_crlf_cannot_add_calendar_properties(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A --base-url with CR/LF is refused: no ATTACH line reaches the calendar."""
        status, out, err = run(
            capsys,
            "timeline",
            "full",
            "--end",
            "2026-11-19",
            "--format",
            "ics",
            "--base-url",
            "http://x/\r\nATTACH:http://evil",
        )
        assert (status, out) == (2, "")
        assert "argument --base-url: the site's address has a character a web address cannot hold" in err
        assert err.count("\n") == 1

    @pytest.mark.parametrize(
        "url", ["javascript:alert(1)", "data:text/html,x", "//example.org/", "example.org", "file:///etc/"]
    )
    def test_case_7_only_http_and_https(self, capsys: pytest.CaptureFixture[str], url: str) -> None:
        """javascript:, data:, file: and relative addresses are refused with a usage error naming --base-url."""
        status, out, err = run(
            capsys, "timeline", "full", "--end", "2026-11-19", "--format", "ics", "--base-url", url
        )
        assert (status, out) == (2, "")
        assert "argument --base-url: the site's address must start with http:// or https://" in err

    def test_case_7_a_good_address_links_each_event(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A plain https address (a missing final slash added) links every event to its paragraph."""
        status, out, err = run(
            capsys,
            "timeline",
            "full",
            "--end",
            "2026-11-19",
            "--format",
            "ics",
            "--base-url",
            "https://example.org/sccif",
        )
        assert status == 0
        events = out.count("BEGIN:VEVENT")
        urls = [line for line in out.split("\r\n") if line.startswith("URL:")]
        assert events > 0 and len(urls) == events
        assert all(line.startswith("URL:https://example.org/sccif/framework/") for line in urls)


class TestCase9Messages:
    """Case 9: CLI messages show control and right-to-left characters escaped; file sizes as read."""

    def test_case_9_crlf_and_bidi_in_an_error_message(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A date argument holding CR, LF and U+202E is quoted in the message as \\r, \\n and \\u202e."""
        status, out, err = run(capsys, "workdays", "add", "2026-01-01\r\nsccif: ok \u202eevil", "1")
        assert status == 2
        assert "\r" not in err and "\u202e" not in err and err.count("\n") == 1
        assert "'2026-01-01\\r\\nsccif: ok \\u202eevil' is not a date" in err

    def test_case_9_usage_errors_are_escaped_too(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An argparse usage error echoing the value (an invalid choice) escapes it as well."""
        status, out, err = run(capsys, "timeline", "full", "--end", "2026-11-19", "--format", "ics\u202e\n")
        assert status == 2
        assert "\u202e" not in err and "ics\\u202e\\n" in err and err.count("\n") == 1

    def test_case_9_ids_in_the_occupancy_table_are_escaped(
        self, capsys: pytest.CaptureFixture[str], residents: Any
    ) -> None:
        """An id holding a right-to-left override is shown as \\u202e in the table, not acted on."""
        path = residents(HEADER + "\u202eAB,2006-01-01,2024-01-01,\n")
        status, out, err = run(capsys, "occupancy", path, "--to", "2025-06-01")
        assert status == 0
        assert "\u202e" not in out and "\\u202eAB" in out

    def test_case_9_terminal_safe(self) -> None:
        """terminal_safe escapes controls, format characters and separators, and leaves other text alone."""
        assert terminal_safe("Row 2: 'Zoë' café – ok") == "Row 2: 'Zoë' café – ok"
        assert terminal_safe("a\rb\nc\td\x1b[31m\u202e\u2066\u2028\ufeff") == (
            "a\\rb\\nc\\td\\x1b[31m\\u202e\\u2066\\u2028\\ufeff"
        )

    def test_case_9_dev_zero_is_more_than_50_mb(self, capsys: pytest.CaptureFixture[str]) -> None:
        """/dev/zero, which never ends, is reported as more than 50 MB, not as a made-up size."""
        status, out, err = run(capsys, "occupancy", "/dev/zero")
        assert status == 2
        assert err.startswith(
            "sccif: error: The file is more than 50 MB; the checker reads files up to 50 MB."
        )

    def test_case_9_a_63_mb_file_is_reported_as_63_mb(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A 63 MB file is reported as 63.0 MB, its real size."""
        path = tmp_path / "big.csv"
        with path.open("wb") as handle:
            handle.truncate(63 * 1024 * 1024)
        status, out, err = run(capsys, "occupancy", str(path))
        assert status == 2
        assert err.startswith("sccif: error: The file is 63.0 MB; the checker reads files up to 50 MB.")


class TestCase9Deferrals:
    """Case 9: the timeline said "At most 500 dates" about deferral periods."""

    def test_case_9_too_many_deferral_periods_are_called_periods(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """501 deferral periods are refused as "at most 500 periods", naming --deferral."""
        deferrals = [arg for _ in range(501) for arg in ("--deferral", "6 months")]
        status, out, err = run(
            capsys, "timeline", "qualification", "--role", "manager", "--start", "2026-01-05", *deferrals
        )
        assert (status, out) == (2, "")
        assert err == "sccif: error: --deferral: at most 500 periods at once, not 501.\n"
