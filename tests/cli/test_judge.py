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
    """JSON has overall and leadership (allowed, usual), rules (id, strength, summary, text, source), conflicts."""
    data = run_json(capsys, "--help-protection", "inadequate", "--leadership", "good")
    assert set(data) == {"overall", "leadership", "rules", "conflicts"}
    assert data["overall"] == {"allowed": ["inadequate"], "usual": ["inadequate"]}
    assert data["leadership"] == {"allowed": ALL, "usual": ALL}
    [rule] = data["rules"]  # type: ignore[misc]
    assert set(rule) == {"id", "strength", "summary", "text", "source"}
    # judgement-structure-6
    assert rule["source"] == "judgement-structure-6" and rule["strength"] == "always"
    assert data["conflicts"] == []


def test_conditions(capsys: pytest.CaptureFixture[str]) -> None:
    """Every condition option reaches the engine; leadership allowed and usual follow the rules."""
    # leaders-and-managers-inadequate-3, registered-manager-qualifications-4, staff-qualifications-8
    data = run_json(
        capsys,
        "--manager-vacancy-26-weeks",
        "--manager-not-registered-12-weeks",
        "--reg28-breach",
        "--staff-unqualified",
        "--exceptional-circumstances",
    )
    assert data["leadership"] == {"allowed": ["requires-improvement", "inadequate"], "usual": ["inadequate"]}
    assert data["overall"] == {"allowed": ALL, "usual": ["good", "requires-improvement", "inadequate"]}
    strengths = {r["id"]: r["strength"] for r in data["rules"]}  # type: ignore[attr-defined]
    assert strengths["manager-not-registered-leadership-usually-inadequate"] == "usually"
    assert strengths["reg28-requirement-leadership-not-outstanding"] == "always"


def test_staff_qualifications_without_exceptional_circumstances(capsys: pytest.CaptureFixture[str]) -> None:
    """None or very few staff qualified: leadership certainly no more than requires improvement, likely inadequate."""
    # staff-qualifications-8: "the judgement for the effectiveness of leaders and managers is likely to be
    # inadequate, and certainly no more than requires improvement."
    data = run_json(capsys, "--staff-unqualified", "--leadership", "good")
    assert data["leadership"] == {"allowed": ["requires-improvement", "inadequate"], "usual": ["inadequate"]}
    [conflict] = data["conflicts"]  # type: ignore[misc]
    assert conflict["rules"] == ["staff-unqualified-leadership-at-most-requires-improvement"]


def test_exceptional_circumstances_lift_the_limit(capsys: pytest.CaptureFixture[str]) -> None:
    """With exceptional circumstances no hard limit applies; a tendency note says good needs explaining."""
    # staff-qualifications-8: "Only in exceptional circumstances can the home be judged good for the
    # effectiveness of leaders and managers and inspectors must clearly explain these circumstances in the
    # report." "Can be judged good" lifts the requires-improvement limit; it is not a hard cap at good.
    data = run_json(capsys, "--staff-unqualified", "--exceptional-circumstances", "--leadership", "good")
    assert data["leadership"] == {"allowed": ALL, "usual": ["inadequate"]}
    assert data["conflicts"] == []
    rules = {r["id"]: r for r in data["rules"]}  # type: ignore[attr-defined]
    assert {r["strength"] for r in rules.values()} == {"usually"}
    note = rules["staff-unqualified-exceptional-leadership-can-be-good"]
    assert "can be judged good only in exceptional circumstances" in note["summary"]
    assert "inspectors must explain in the report" in note["summary"]
    assert note["source"] == "staff-qualifications-8"


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
        capture_output=True,
        text=True,
        check=False,
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
    options = {
        "--help-protection": "helped-and-protected",
        "--leadership": "leaders-and-managers",
        "--education": "education",
        "--health": "health",
        "--overall": "overall-experiences",
    }
    grades = {options[a]: args[i + 1] for i, a in enumerate(args) if a in options}
    conditions = [a[2:] for a in args if a.startswith("--") and a not in options]
    site = json.loads(
        browser_api.call("judge.evaluate", json.dumps({"grades": grades, "conditions": conditions}))
    )
    assert {key: site["result"][key] for key in data} == data


class TestLeadersUnaware:
    """ "The effectiveness of leaders and managers will be judged inadequate if there is evidence of the
    following: The experiences, progress or protection of children are inadequate, and leaders and
    managers do not know the strengths and weaknesses of the home." (#leaders-and-managers-inadequate-1)"""

    @pytest.mark.parametrize("grade", [("--help-protection", "inadequate"), ("--overall", "inadequate")])
    def test_forces_leadership_inadequate(
        self, capsys: pytest.CaptureFixture[str], grade: tuple[str, str]
    ) -> None:
        """With protection or overall experiences inadequate, leadership can only be inadequate: a hard limit."""
        data = run_json(capsys, *grade, "--leaders-unaware-of-weaknesses")
        assert data["leadership"] == {"allowed": ["inadequate"], "usual": ["inadequate"]}
        rule = next(r for r in data["rules"] if r["id"] == "leaders-unaware-leadership-inadequate")  # type: ignore[union-attr]
        assert (rule["strength"], rule["source"]) == ("always", "leaders-and-managers-inadequate-1")
        assert rule["lead"]["source"] == "leaders-and-managers-inadequate-intro"

    def test_on_its_own_forces_nothing(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The finding alone, with no inadequate grade, limits nothing."""
        data = run_json(capsys, "--leaders-unaware-of-weaknesses")
        assert data["leadership"] == {"allowed": ALL, "usual": ALL}


class TestNextStepsThroughJudge:
    def test_return_visit_by_8_weeks(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`judge --overall inadequate --end 2026-03-27`: the return is by Friday 22 May 2026, as the timeline says."""
        # "We always return to carry out some inspection activity within 6 to 8 weeks" (#subsequent-inspection-activity-1)
        data = run_json(capsys, "--overall", "inadequate", "--end", "2026-03-27")
        step = next(s for s in data["next_steps"]["steps"] if s["key"] == "return-visit")  # type: ignore[index]
        assert (step["when"]["kind"], step["when"]["date"]) == ("by", "2026-05-22")

    def test_improved_judgement_conditions(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A monitoring visit leads to a better judgement only if every condition holds; otherwise it remains."""
        # #subsequent-inspection-activity-8 "The home must have met all requirements in full."; -11 to -13;
        # -9 "the inadequate judgement remains"
        data = run_json(capsys, "--overall", "inadequate", "--end", "2026-03-27")
        step = next(s for s in data["next_steps"]["steps"] if s["key"] == "improved-judgement")  # type: ignore[index]
        assert [c["source"] for c in step["conditions"]] == [
            "subsequent-inspection-activity-8",
            "subsequent-inspection-activity-11",
            "subsequent-inspection-activity-12",
            "subsequent-inspection-activity-13",
        ]
        assert "the inadequate judgement remains" in step["otherwise"]["text"]
