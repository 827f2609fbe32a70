"""`sccif judge`: the options, the JSON shape, the readable text and the errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sccif_core import browser_api
from sccif_core.cli import main

ALL = ["outstanding", "good", "requires-improvement", "inadequate"]


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["judge", *args, "--format", "json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON has overall and leadership (allowed, usual), rules (id, strength, text, source) and conflicts."""
    data = run_json(capsys, "--help-protection", "inadequate", "--leadership", "good")
    assert set(data) == {"overall", "leadership", "rules", "conflicts"}
    assert data["overall"] == {"allowed": ["inadequate"], "usual": ["inadequate"]}
    assert data["leadership"] == {"allowed": ALL, "usual": ALL}
    [rule] = data["rules"]  # type: ignore[misc]
    assert set(rule) == {"id", "strength", "text", "source"}
    # judgement-structure-6
    assert rule["source"] == "judgement-structure-6" and rule["strength"] == "always"
    assert data["conflicts"] == []


def test_conditions(capsys: pytest.CaptureFixture[str]) -> None:
    """Every condition option reaches the engine; leadership allowed and usual follow the rules."""
    # leaders-and-managers-inadequate-3, registered-manager-qualifications-4, staff-qualifications-8
    data = run_json(capsys, "--manager-vacancy-26-weeks", "--manager-not-registered-12-weeks",
                    "--reg28-breach", "--staff-unqualified", "--exceptional-circumstances")
    assert data["leadership"] == {"allowed": ["requires-improvement", "inadequate"], "usual": ["inadequate"]}
    assert data["overall"] == {"allowed": ALL, "usual": ["good", "requires-improvement", "inadequate"]}
    strengths = {r["id"]: r["strength"] for r in data["rules"]}  # type: ignore[attr-defined]
    assert strengths["manager-not-registered-leadership-usually-inadequate"] == "usually"
    assert strengths["reg28-requirement-leadership-not-outstanding"] == "always"


def test_conflict_listed(capsys: pytest.CaptureFixture[str]) -> None:
    """A leadership grade the conditions rule out is listed under conflicts."""
    # registered-manager-qualifications-4
    data = run_json(capsys, "--reg28-breach", "--leadership", "outstanding")
    [conflict] = data["conflicts"]  # type: ignore[misc]
    assert conflict["judgement"] == "leaders-and-managers" and conflict["grade"] == "outstanding"
    assert conflict["rules"] == ["reg28-requirement-leadership-not-outstanding"]


def test_next_steps_with_an_end_date(capsys: pytest.CaptureFixture[str]) -> None:
    """With --overall inadequate and --end, the JSON also dates what happens next."""
    data = run_json(capsys, "--overall", "inadequate", "--end", "18/12/2026")
    steps = {s["key"]: s for s in data["next_steps"]["steps"]}  # type: ignore[index]
    # post-inspection-debrief-and-case-reviews-1: 5 working days; 25 and 28 December 2026 are bank holidays.
    assert steps["case-review"]["when"]["date"] == "2026-12-29"


def test_text_output_distinguishes_limits_and_tendencies(capsys: pytest.CaptureFixture[str]) -> None:
    """The readable output labels hard limits and tendencies and quotes the framework."""
    assert main(["judge", "--leadership", "inadequate"]) == 0
    out = capsys.readouterr().out
    assert "HARD LIMIT (always)" in out and "TENDENCY (usually)" in out
    assert "certainly no more than requires improvement" in out
    assert "framework/making-judgements/#judgement-structure-7" in out
    assert "not a predicted grade" in out


def test_text_output_when_nothing_binds(capsys: pytest.CaptureFixture[str]) -> None:
    """With helped and protected requires improvement, the text says no rule limits the overall judgement."""
    assert main(["judge", "--help-protection", "requires-improvement"]) == 0
    out = capsys.readouterr().out
    assert "Overall experiences and progress: no rule limits this judgement" in out
    assert "Rules that apply: none." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--leadership", "excellent"], "invalid choice: 'excellent'"),
        (["--help-protection", "not-judged"], "invalid choice: 'not-judged'"),
        (["--exceptional-circumstances"], "only applies together with 'staff-unqualified'"),
        (["--overall", "inadequate", "--end", "31/02/2026"], "is not a real date"),
    ],
)
def test_bad_input_exits_2_with_one_line(args: list[str], message: str) -> None:
    """Bad input: exit status 2 and one line on stderr, never a traceback."""
    proc = subprocess.run(
        [sys.executable, "-c", "from sccif_core.cli import run; run()", "judge", *args],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help-protection", "inadequate", "--leadership", "inadequate", "--overall", "good"],
        ["--staff-unqualified", "--exceptional-circumstances", "--leadership", "good"],
        ["--no-children-first-inspection", "--overall", "good"],
        ["--education", "not-judged", "--health", "inadequate"],
    ],
)
def test_same_answer_as_the_browser_function(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    """The command and the site's function give the same answer for the same input."""
    data = run_json(capsys, *args)
    options = {"--help-protection": "helped-and-protected", "--leadership": "leaders-and-managers",
               "--education": "education", "--health": "health", "--overall": "overall-experiences"}
    grades = {options[a]: args[i + 1] for i, a in enumerate(args) if a in options}
    conditions = [a[2:] for a in args if a.startswith("--") and a not in options]
    site = json.loads(browser_api.call("judge.evaluate", json.dumps({"grades": grades, "conditions": conditions})))
    assert {key: site["result"][key] for key in data} == data
