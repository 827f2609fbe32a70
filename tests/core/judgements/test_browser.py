"""The judgement tools' browser functions: JSON in and out, errors as data, hostile input refused."""

from __future__ import annotations

import json

import pytest

from sccif_core import browser_api
from sccif_core.judgements.grades import GRADES


def call(name: str, payload: object) -> dict[str, object]:
    result: dict[str, object] = json.loads(browser_api.call(name, json.dumps(payload)))
    return result


def test_registered() -> None:
    """Every judgement function is reachable through the one browser entry point."""
    for name in (
        "judge.evaluate",
        "judge.rules",
        "judge.criteria",
        "judge.assurance",
        "judge.next_steps",
        "judge.scenario",
        "judge.check",
        "judge.notes_file",
    ):
        assert name in browser_api.FUNCTIONS


def test_evaluate_adds_links_and_sentences() -> None:
    """judge.evaluate gives the CLI's answer plus links to each rule's paragraph and plain sentences."""
    result = call("judge.evaluate", {"grades": {"helped-and-protected": "inadequate"}})["result"]
    assert result["overall"] == {"allowed": ["inadequate"], "usual": ["inadequate"]}  # type: ignore[index]
    [detail] = result["rule_details"]  # type: ignore[index]
    assert detail["source_path"] == "framework/making-judgements/#judgement-structure-6"
    assert result["judgements"]["overall-experiences"]["sentences"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"grades": {"overall-experiences": "<img src=x onerror=alert(1)>"}}, "overall-experiences"),
        ({"grades": {"<b>": "good"}}, "judgement"),
        ({"conditions": ["javascript:alert(1)"]}, "conditions"),
        ({"grades": "good"}, "grades"),
        ({"conditions": "reg28-breach"}, "conditions"),
    ],
)
def test_hostile_input_is_an_error_not_a_crash(payload: object, field: str) -> None:
    """Values the engine does not know come back as an error naming the field, never a traceback."""
    answer = call("judge.evaluate", payload)
    assert answer["error"]["field"] == field  # type: ignore[index]


def test_rules_lists_everything_the_page_needs() -> None:
    """judge.rules gives grades best to worst, the judgements, conditions and every rule with a link."""
    data = call("judge.rules", {})["result"]
    assert [g["key"] for g in data["grades"]] == list(GRADES)  # type: ignore[index]
    assert all(r["source_path"] for r in data["rules"])  # type: ignore[index]


def test_criteria_and_assurance_have_links() -> None:
    """Descriptors and assurance areas carry a link to their paragraph."""
    criteria = call("judge.criteria", {})["result"]
    assert criteria[0]["descriptors"][0]["source_path"].endswith("#overall-experiences-good-1")  # type: ignore[index]
    areas = call("judge.assurance", {})["result"]["areas"]  # type: ignore[index]
    assert [len(a["descriptors"]) for a in areas] == [3, 3, 5]


def test_next_steps_dated_and_errors() -> None:
    """judge.next_steps dates the steps from an end date and reports a bad date as a field error."""
    steps = call("judge.next_steps", {"kind": "assurance", "end": "24/12/2026"})["result"]["steps"]  # type: ignore[index]
    # serious-and-widespread-concerns-next-steps-2; 25 and 28 December 2026 are bank holidays.
    assert next(s for s in steps if s["key"] == "ycs-and-dcs-emailed")["when"]["date"] == "2026-12-29"
    assert call("judge.next_steps", {"kind": "full", "end": "soon"})["error"]["field"] == "end"  # type: ignore[index]


def test_scenario_and_check_round_trip() -> None:
    """A scenario from judge.scenario is marked by judge.check, with links for every source."""
    item = call("judge.scenario", {"seed": 5, "number": 2})["result"]
    first = item["options"][0]["key"]  # type: ignore[index]
    answer = [first] if item["multiple"] else first  # type: ignore[index]
    feedback = call("judge.check", {"seed": 5, "number": 2, "answer": answer})["result"]
    assert isinstance(feedback["correct"], bool)  # type: ignore[index]
    assert all(feedback["source_paths"])  # type: ignore[index]
    assert call("judge.check", {"seed": "x", "number": 2, "answer": []})["error"]["field"] == "seed"  # type: ignore[index]


class TestWhatEachChoiceDoes:
    def test_helped_and_protected_inadequate_names_its_consequence(self) -> None:
        """Helped and protected inadequate: beside it, the overall grade can only be inadequate (judgement-structure-6)."""
        # "if inspectors judge this area to be inadequate, then the 'overall experiences and progress'
        # judgement will always be inadequate." (#judgement-structure-6)
        result = call("judge.evaluate", {"grades": {"helped-and-protected": "inadequate"}})["result"]
        effect = result["effects"]["helped-and-protected"]  # type: ignore[index]
        assert effect == {
            "rules": ["helped-and-protected-inadequate-overall-inadequate"],
            "given": None,
            "idle": None,
        }
        [rule] = result["rule_details"]  # type: ignore[index]
        assert rule["caused_by"] == ["helped-and-protected"]
        assert rule["consequence"] == "So the overall grade can only be inadequate."
        assert rule["words"] == "always be inadequate"
        assert (
            result["judgements"]["overall-experiences"]["can_be"] == "The overall grade can be: inadequate."
        )  # type: ignore[index]

    def test_a_grade_that_limits_nothing_says_when_it_would(self) -> None:
        """Helped and protected requires improvement: no limit, and the page says it limits only when inadequate."""
        result = call("judge.evaluate", {"grades": {"helped-and-protected": "requires-improvement"}})[
            "result"
        ]
        effect = result["effects"]["helped-and-protected"]  # type: ignore[index]
        assert effect["rules"] == [] and "only when it is inadequate" in effect["idle"]
        assert result["judgements"]["overall-experiences"]["can_be"] == "The overall grade can be: any grade."  # type: ignore[index]

    def test_a_ruled_out_grade_is_flagged_beside_its_own_control(self) -> None:
        """Overall 'good' with helped and protected inadequate: the overall control says a hard limit rules it out."""
        result = call(
            "judge.evaluate",
            {"grades": {"helped-and-protected": "inadequate", "overall-experiences": "good"}},
        )["result"]
        assert "a hard limit rules this out" in result["effects"]["overall-experiences"]["given"]  # type: ignore[index]

    def test_a_finding_with_a_limit_and_a_tendency_shows_both(self) -> None:
        """No manager after 26 weeks: leadership at most requires improvement (never), usually inadequate (usually)."""
        # "will usually lead to an inadequate judgement for leadership but never more than requires
        # improvement. Also, the overall judgement is unlikely to be better than good."
        # (#leaders-and-managers-inadequate-3)
        result = call("judge.evaluate", {"conditions": ["manager-vacancy-26-weeks"]})["result"]
        assert result["effects"]["manager-vacancy-26-weeks"]["rules"] == [  # type: ignore[index]
            "manager-vacancy-leadership-at-most-requires-improvement",
            "manager-vacancy-leadership-usually-inadequate",
            "manager-vacancy-overall-unlikely-better-than-good",
        ]
        assert result["judgements"]["leaders-and-managers"]["can_be"] == (  # type: ignore[index]
            "The leaders and managers grade can be: requires improvement to be good or inadequate. "
            "Usually inadequate."
        )
