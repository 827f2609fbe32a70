"""`sccif timeline`: every kind as a table, JSON, CSV or iCalendar, and clean errors.

Expected dates: the framework's day tables (#timeframe-1, #assurance-timeline-2) and GOV.UK's
England-and-Wales bank holidays.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import icalendar
import pytest

from sccif_core.cli import main
from sccif_core.timelines import KINDS, compute, timeline_dict

SCCIF = Path(sys.executable).parent / "sccif"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``sccif`` in-process; return the exit status, stdout and stderr."""
    try:
        status = main(list(argv))
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


class TestFormats:
    def test_json_is_the_engine(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--format json` prints the kind, the anchor date and milestones exactly as the engine gives them."""
        status, out, err = run(capsys, "timeline", "full", "--end", "10/12/2026", "--format", "json")
        assert (status, err) == (0, "")
        data = json.loads(out)
        assert data == json.loads(json.dumps(timeline_dict(compute("full", {"end": "2026-12-10"}))))
        assert data["kind"] == "full" and data["anchor_date"] == "2026-12-10" and data["end"] == "2026-12-10"
        milestones = {m["key"]: m for m in data["milestones"]}
        # Christmas Day, Boxing Day (substitute) and New Year's Day skipped (#timeframe-1-8)
        assert milestones["draft_report"]["date"] == "2027-01-08"
        assert set(milestones["draft_report"]) >= {
            "key",
            "label",
            "date",
            "date_from",
            "date_to",
            "type",
            "rule",
            "source",
            "provisional",
        }

    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The table shows each date written out, the table day, the framework's words and the counting rule."""
        status, out, _ = run(capsys, "timeline", "full", "--end", "2026-11-19")
        assert status == 0
        assert "by Tue 15 Dec 2026" in out and "22" in out
        assert "Draft report sent to the registered provider within 18 working days" in out
        assert "moved by Christmas Day" in out
        assert "the day itself is not counted" in out

    def test_assurance_end_alias(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`sccif timeline assurance --end DATE` is the same as `--visit DATE`."""
        _, by_end, _ = run(capsys, "timeline", "assurance", "--end", "2026-12-02", "--format", "json")
        _, by_visit, _ = run(capsys, "timeline", "assurance", "--visit", "2026-12-02", "--format", "json")
        assert by_end == by_visit
        assert {m["key"]: m["date"] for m in json.loads(by_end)["milestones"]}["draft_report"] == "2026-12-30"

    def test_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--format csv` prints a header and a row per date that reaches the provider; `--all` every date."""
        status, out, _ = run(capsys, "timeline", "inadequate", "--end", "2026-03-27", "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        assert status == 0
        # Ofsted's internal case review is left out: the return visit and reinspection reach the home
        assert [row["key"] for row in rows] == ["return_visit", "full_reinspection"]
        # "within 6 to 8 weeks" (#subsequent-inspection-activity-1) is a latest date: Friday 22 May 2026
        assert rows[0]["type"] == "by" and rows[0]["date"] == "2026-05-22"
        status, out, _ = run(
            capsys, "timeline", "inadequate", "--end", "2026-03-27", "--format", "csv", "--all"
        )
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [row["key"] for row in rows] == ["case_review", "return_visit", "full_reinspection"]

    def test_files_leave_out_passed_dates(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With `--today`, the .ics holds the provider's dates still to come; `--all` holds every date."""
        args = ("timeline", "full", "--end", "19/11/2026", "--today", "20/12/2026", "--format", "ics")
        _, out, _ = run(capsys, *args)
        starts = [e.decoded("DTSTART").isoformat() for e in icalendar.Calendar.from_ical(out).walk("VEVENT")]
        # comments by Tuesday 22 December 2026 (#timeframe-1-9); final report by Tuesday 5 January
        # 2027 (#timeframe-1-10) and a complaint from then (#complaints-1); published on Tuesday
        # 12 January 2027 (#timeframe-1-11)
        assert starts == ["2026-12-22", "2027-01-05", "2027-01-05", "2027-01-12"]
        _, out, _ = run(capsys, *args, "--all")
        assert len(icalendar.Calendar.from_ical(out).walk("VEVENT")) == 17

    def test_ics(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--format ics` prints an iCalendar file that parses, with all-day events."""
        status, out, _ = run(
            capsys,
            "timeline",
            "compliance",
            "--notice",
            "2023-04-28",
            "--notice",
            "2023-05-05",
            "--format",
            "ics",
        )
        assert status == 0
        calendar = icalendar.Calendar.from_ical(out)
        starts = sorted(e.decoded("DTSTART") for e in calendar.walk("VEVENT"))
        assert date(2023, 5, 6) in starts  # the shared visit window opens (Coronation 8 May skipped)

    def test_today_marks_overdue(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--today` flags a deadline that has passed; Ofsted's own passed step has simply passed."""
        _, out, _ = run(
            capsys,
            "timeline",
            "inadequate",
            "--end",
            "2026-03-27",
            "--today",
            "2026-05-20",
            "--format",
            "json",
        )
        statuses = {m["key"]: m["status"] for m in json.loads(out)["milestones"]}
        assert statuses == {
            "case_review": "past",  # Ofsted's internal case review
            "return_visit": "upcoming",
            "full_reinspection": "upcoming",
        }
        _, out, _ = run(
            capsys, "timeline", "full", "--end", "19/11/2026", "--today", "23/12/2026", "--format", "json"
        )
        statuses = {m["key"]: m["status"] for m in json.loads(out)["milestones"]}
        # comments were due by Tuesday 22 December 2026 (#timeframe-1-9)
        assert statuses["provider_comments"] == "overdue" and statuses["quality_assurance"] == "past"

    def test_provisional_note(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A result in an unpublished bank-holiday year notes that it is provisional."""
        _, out, err = run(capsys, "timeline", "full", "--end", "2028-12-14", "--format", "json")
        assert json.loads(out)["provisional"] is True
        assert "provisional" in err

    @pytest.mark.parametrize(
        "argv",
        [
            ("reg44", "--visit", "14/01/2026,10/02/2026", "--visit", "20/02/2026", "--today", "2026-05-01"),
            ("reg45", "--report", "2025-08-31"),
            ("qualification", "--role", "care-worker", "--start", "2025-08-31", "--deferral", "10 weeks"),
            ("manager", "--vacancy", "2026-01-05", "--absence", "2026-03-02", "--absence-end", "2026-03-29"),
            ("inspection-year", "--date", "2026-06-01", "--inspection", "2026-07-01"),
            ("no-children", "--removed", "2026-06-10"),
            ("reopening", "--reopen", "2027-05-31"),
            ("interpreter", "--needed", "2026-06-10"),
            ("approval-review", "--review", "2024-02-29"),
            ("complaints", "--end", "2026-11-19", "--draft-sent", "2026-12-10"),
            ("monitoring", "--end", "2026-03-27"),
            ("serious-concerns", "--end", "2022-09-16"),
        ],
    )
    def test_every_kind_runs(self, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
        """Every kind has its own command, and its table and JSON both work."""
        status, out, err = run(capsys, "timeline", *argv)
        assert (status, err) == (0, "")
        assert out.strip()
        status, out, _ = run(capsys, "timeline", *argv, "--format", "json")
        assert status == 0 and json.loads(out)["kind"] == argv[0]

    @pytest.mark.parametrize("kind", sorted(KINDS))
    def test_every_kind_has_a_command(self, capsys: pytest.CaptureFixture[str], kind: str) -> None:
        """Each of the engine's kinds is a `sccif timeline` command with its own help."""
        status, out, _ = run(capsys, "timeline", kind, "--help")
        assert status == 0 and KINDS[kind].title in out

    def test_unknown_kind(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A kind the engine does not have is a usage error."""
        status, _, err = run(capsys, "timeline", "fortnightly")
        assert status == 2 and "invalid choice" in err


class TestErrors:
    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (("full", "--end", "31/02/2026"), "sccif: error: --end: '31/02/2026' is not a real date.\n"),
            (
                ("full",),
                "sccif: error: --end: enter the last day on site (the day of feedback), like 19/11/2026.\n",
            ),
            (
                ("compliance", "--notice", "2026-05-01", "--notice", "soon"),
                "sccif: error: Row 2, column '--notice': 'soon' is not a date. "
                "Use day/month/year, like 25/11/2026, or 2026-11-25.\n",
            ),
            (
                ("qualification", "--start", "2024-01-01", "--deferral", "a while"),
                "sccif: error: Row 1, column '--deferral': 'a while' is not a period. "
                "Write it like 6 months, 10 weeks, 45 days or 1 year.\n",
            ),
            (
                ("manager",),
                "sccif: error: --vacancy: enter at least one date: the day the home had no manager or the day "
                "the manager was appointed or the first day of the manager's absence.\n",
            ),
            (
                ("full", "--end", "2026-11-19", "--today", "tomorrow"),
                "sccif: error: --today: 'tomorrow' is not a date. Use day/month/year, like 25/11/2026, or 2026-11-25.\n",
            ),
        ],
    )
    def test_one_line_and_status_2(
        self, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
    ) -> None:
        """Bad input exits with status 2 and one line naming the option and the problem."""
        assert run(capsys, "timeline", *argv) == (2, "", message)

    def test_unknown_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown --format is a usage error with status 2."""
        status, _, err = run(capsys, "timeline", "full", "--end", "2026-11-19", "--format", "pdf")
        assert status == 2 and "invalid choice" in err

    @pytest.mark.skipif(
        not SCCIF.exists() and shutil.which("sccif") is None, reason="console script not installed"
    )
    def test_console_script(self) -> None:
        """The installed `sccif` command prints the timeline and never a traceback."""
        command = str(SCCIF) if SCCIF.exists() else "sccif"
        ok = subprocess.run(
            [command, "timeline", "full", "--end", "2026-11-19", "--format", "csv"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert ok.returncode == 0 and "draft_report,Draft report sent to the provider" in ok.stdout
        bad = subprocess.run(
            [command, "timeline", "full", "--end", "2026-13-01"], capture_output=True, text=True, check=False
        )
        assert bad.returncode == 2 and "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1


def milestones(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, dict[str, object]]:
    status, out, err = run(capsys, "timeline", *argv, "--format", "json")
    assert status == 0, err
    return {m["key"]: m for m in json.loads(out)["milestones"]}


class TestReadingsThroughTheCommand:
    """The contracts of a second reading of the framework, through `sccif timeline ... --format json`."""

    def test_planned_absence_notice(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A planned absence from 31 March 2027 is notified by 28 February 2027, one calendar month before."""
        # "is to be absent for 28 days or more" (#homes-with-no-registered-manager-2); regulation 48(2)(a):
        # "no later than one month before the proposed absence commences"
        got = milestones(capsys, "manager", "--absence", "2027-03-31")["absence_notice"]
        assert (got["type"], got["date"], got["actor"]) == ("by", "2027-02-28", "provider")
        assert got["laws"][0]["url"].startswith("https://www.legislation.gov.uk/uksi/2015/541/regulation/48")

    def test_emergency_absence_and_return(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Emergency absence from 15 June 2026: notice by 22 June; last day absent 14 August: return notice by 22 August 2026."""
        # regulation 48(3)(a): "within one week of the beginning of the absence"; 48(5): "not later than
        # 7 days after the date of that person's return"
        got = milestones(
            capsys, "manager", "--absence", "2026-06-15", "--absence-emergency", "--absence-end", "2026-08-14"
        )
        assert (got["absence_notice"]["type"], got["absence_notice"]["date"]) == ("by", "2026-06-22")
        assert (got["return_notice"]["type"], got["return_notice"]["date"]) == ("by", "2026-08-22")

    def test_complaint_from_the_final_report(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Full inspection ended 19 November 2026: a formal complaint from the final report, due 5 January 2027."""
        # "the provider may wish to lodge a formal complaint when it receives the final report" (#complaints-1)
        got = milestones(capsys, "full", "--end", "2026-11-19")["complaint_final_report"]
        assert (got["type"], got["date"], got["source"]) == ("from", "2027-01-05", "complaints-1")

    def test_return_visit_is_a_latest_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Inadequate, ended Friday 27 March 2026: Ofsted returns by Friday 22 May 2026 (E + 8 weeks)."""
        # "We always return to carry out some inspection activity within 6 to 8 weeks"
        got = milestones(capsys, "inadequate", "--end", "2026-03-27")["return_visit"]
        assert (got["type"], got["date"]) == ("by", "2026-05-22")
        assert "any time before" in got["note"]

    def test_more_than_12_weeks(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Appointed Monday 5 January 2026: more than 12 weeks from Tuesday 31 March 2026."""
        # "once appointed for more than 12 weeks" (#leaders-and-managers-inadequate-4)
        got = milestones(capsys, "manager", "--appointed", "2026-01-05")["not_applied_12_weeks"]
        assert (got["type"], got["date"], got["usually"]) == ("from", "2026-03-31", False)

    def test_after_26_weeks(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No manager from Monday 5 January 2026: after 26 weeks is from Tuesday 7 July 2026."""
        # "The failure to appoint a manager after 26 weeks" (#leaders-and-managers-inadequate-3): read
        # like "more than": 26 weeks end on Monday 6 July 2026, so from the next day.
        got = milestones(capsys, "manager", "--vacancy", "2026-01-05")["no_manager_26_weeks"]
        assert (got["type"], got["date"], got["usually"]) == ("from", "2026-07-07", False)
        assert got["reading"] == "after-26-weeks"

    def test_feedback_day(self, capsys: pytest.CaptureFixture[str]) -> None:
        """On site to 19 November 2026, feedback 23 November: draft by 17 December 2026; day 1 still 16 November."""
        # "The day of feedback is counted as the last day of the inspection." (#end-of-the-inspection-and-feedback-3)
        got = milestones(capsys, "full", "--end", "2026-11-19", "--feedback", "2026-11-23")
        assert got["draft_report"]["date"] == "2026-12-17"
        assert got["preparation"]["date"] == "2026-11-16"

    def test_feedback_before_the_end_is_exit_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Feedback before the last day on site is bad input: one line, exit status 2."""
        status, out, err = run(
            capsys, "timeline", "assurance", "--end", "2026-12-02", "--feedback", "2026-12-01"
        )
        assert (status, out) == (2, "")
        assert err.startswith("sccif: error: --feedback:") and err.count("\n") == 1

    def test_every_milestone_has_an_actor(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every milestone in the JSON says who acts."""
        got = milestones(capsys, "full", "--end", "2026-11-19")
        assert {m["actor"] for m in got.values()} <= {
            "provider",
            "ofsted",
            "inspectors",
            "dfe",
            "local-authority",
        }
        assert all(m["actor"] for m in got.values())
