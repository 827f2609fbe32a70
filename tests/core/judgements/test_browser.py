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
