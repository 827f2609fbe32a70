"""Practice scenarios: generated from the engine, answered by the engine, every answer justified."""

from __future__ import annotations

import dataclasses

import pytest

from sccif_core.citations import framework
from sccif_core.errors import InputError
from sccif_core.judgements import engine, practice
from sccif_core.judgements.engine import Evaluation, Facts, evaluate

SEEDS = range(0, 12)
NUMBERS = range(0, 40)
ALL_SCENARIOS = [practice.scenario(seed, n) for seed in SEEDS for n in NUMBERS]


def test_a_scenario_stores_no_answer() -> None:
    """A scenario holds the question only: no field carries the answer."""
    fields = {f.name for f in dataclasses.fields(practice.Scenario)}
    assert fields == {"seed", "number", "kind", "asks", "facts", "prompt", "options", "multiple"}
    assert not any("answer" in key or "correct" in key for key in practice.scenario(1, 1).as_dict())


@pytest.mark.parametrize("item", ALL_SCENARIOS, ids=lambda s: s.id)
def test_every_answer_is_the_engines_and_is_justified(item: practice.Scenario) -> None:
    """For 480 scenarios, the answer is what the engine computes, with cited rules whose anchors exist."""
    truth = practice.answer(item)
    result = evaluate(item.facts)
    if item.kind == "strength":
        [rule] = [r for r in result.rules if r.id == item.asks]
        assert truth.correct == (rule.strength,)
    elif item.kind == "allowed":
        assert truth.correct == result.outlooks[item.asks].allowed
    else:
        assert truth.correct == result.outlooks[item.asks].usual
        assert result.outlooks[item.asks].tendencies, "a 'usual' question needs a tendency to ask about"
    assert truth.correct, "every question has at least one right option"
    assert set(truth.correct) <= {key for key, _ in item.options}
    assert truth.sources and all(a in framework()["anchors"] for a in truth.sources)
    assert all(r in result.rules for r in truth.rules)
    assert truth.explanation
    feedback = practice.check(item, list(truth.correct) if item.multiple else truth.correct[0])
    assert feedback["correct"] is True


def test_answers_are_computed_not_stored(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the engine answered differently, the practice answer would change with it."""
    item = next(s for s in ALL_SCENARIOS if s.kind == "allowed" and s.asks == "overall-experiences")
    before = practice.answer(item).correct

    def other_engine(known: Facts) -> Evaluation:
        real = engine.evaluate(known)
        changed = dataclasses.replace(real.outlooks["overall-experiences"], allowed=("good",))
        return dataclasses.replace(real, outlooks={**real.outlooks, "overall-experiences": changed})

    monkeypatch.setattr(practice, "evaluate", other_engine)
    assert practice.answer(item).correct == ("good",) != before


def test_same_seed_same_scenarios() -> None:
    """A seed and number always give the same scenario."""
    assert practice.scenario(7, 3) == practice.scenario(7, 3)
    assert [practice.scenario(7, n).prompt for n in range(10)] != [
        practice.scenario(8, n).prompt for n in range(10)
    ]


def test_the_set_covers_every_kind_and_the_no_rule_case() -> None:
    """Scenarios include each kind of question, and cases where no rule binds."""
    assert {s.kind for s in ALL_SCENARIOS} == {"allowed", "usual", "strength"}
    assert any(not practice.answer(s).rules and s.kind == "allowed" for s in ALL_SCENARIOS)
    assert {s.asks for s in ALL_SCENARIOS if s.kind == "strength"} >= {
        "helped-and-protected-inadequate-overall-inadequate",
        "reg28-requirement-leadership-not-outstanding",
    }


def test_the_issue_example() -> None:
    """'Helped and protected is inadequate and leadership is good': overall can only be inadequate."""
    # judgement-structure-6
    item = practice.Scenario(
        0,
        0,
        "allowed",
        "overall-experiences",
        Facts({"helped-and-protected": "inadequate", "leaders-and-managers": "good"}),
        "",
        tuple((g, g) for g in ("outstanding", "good", "requires-improvement", "inadequate")),
        True,
    )
    feedback = practice.check(item, ["inadequate"])
    assert feedback["correct"] is True
    assert [r["id"] for r in feedback["rules"]] == ["helped-and-protected-inadequate-overall-inadequate"]
    assert practice.check(item, ["requires-improvement", "inadequate"])["correct"] is False


def test_no_rule_answer_cites_best_fit_and_the_rules_that_do_not_apply() -> None:
    """Where no rule binds, feedback cites the best-fit paragraph and why the limits do not apply."""
    item = practice.Scenario(
        0,
        0,
        "allowed",
        "overall-experiences",
        Facts({"helped-and-protected": "requires-improvement"}),
        "",
        tuple((g, g) for g in ("outstanding", "good", "requires-improvement", "inadequate")),
        True,
    )
    feedback = practice.check(item, ["outstanding", "good", "requires-improvement", "inadequate"])
    assert feedback["correct"] is True and feedback["rules"] == []
    assert "how-inspectors-use-the-evaluation-criteria-4" in feedback["sources"]
    assert "judgement-structure-6" in feedback["sources"]


@pytest.mark.parametrize("bad", [["excellent"], [3], "<img src=x>", []])
def test_bad_answers_are_input_errors(bad: object) -> None:
    """An answer that is not one of the options is an input error."""
    item = next(s for s in ALL_SCENARIOS if s.kind == "strength")
    with pytest.raises(InputError):
        practice.check(item, bad)


@pytest.mark.parametrize(("seed", "number"), [(-1, 0), (0, -1), (2**31, 0), ("1", 0), (True, 0)])
def test_seed_and_number_are_checked(seed: object, number: object) -> None:
    """Seeds and numbers outside their ranges are input errors."""
    with pytest.raises(InputError):
        practice.scenario(seed, number)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", range(0, 400, 7))
def test_a_set_never_repeats_a_question(seed: int) -> None:
    """Within a set (numbers 0 to 9, 10 to 19, ...) no question comes twice, for many seeds."""
    for first in (0, practice.SET_SIZE, 5 * practice.SET_SIZE):
        items = [practice.scenario(seed, n) for n in range(first, first + practice.SET_SIZE)]
        assert len({(s.prompt, s.options) for s in items}) == practice.SET_SIZE, (seed, first)


def test_feedback_names_the_words_that_make_a_limit_and_a_tendency() -> None:
    """Leadership inadequate: one passage (judgement-structure-7) is a hard limit and a tendency, each with its words."""
    # "this is likely to lead to a judgement of inadequate, and certainly no more than requires
    # improvement, for 'overall experiences and progress'" (#judgement-structure-7)
    item = practice.Scenario(
        0,
        0,
        "allowed",
        "overall-experiences",
        Facts({"leaders-and-managers": "inadequate"}),
        "",
        tuple((g, g) for g in ("outstanding", "good", "requires-improvement", "inadequate")),
        True,
    )
    feedback = practice.check(item, ["requires-improvement", "inadequate"])
    assert feedback["correct"] is True
    [limit] = feedback["rules"]
    [tendency] = feedback["tendencies"]
    assert (
        limit["text"] == tendency["text"] and limit["source"] == tendency["source"] == "judgement-structure-7"
    )
    assert limit["words"] == "certainly no more than requires improvement"
    assert tendency["words"] == "likely to lead to a judgement of inadequate"
