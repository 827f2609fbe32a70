"""From a provider's own answers to the rules engine's conditions, and back to the framework's rules.

A self-evaluation never predicts a grade. What it can do is remind the provider of the hard
limits and tendencies the framework ties to facts about the home: if the provider says none,
or very few, staff are qualified, the framework's rule on staff qualifications applies, in its
own words (``sccif_core.judgements``: the rule's wording, strength and anchor come from there).

A finding here is a yes/no question in our words. Each maps to one condition of the rules
engine (``judgements.conditions``); the engine decides which rules bind. ``related`` names the
self-evaluation items whose "needs work" should point the provider at the question.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..citations import cite
from ..judgements.conditions import (
    EXCEPTIONAL_CIRCUMSTANCES,
    MANAGER_NOT_REGISTERED_12_WEEKS,
    MANAGER_VACANCY_26_WEEKS,
    NO_CHILDREN_FIRST_INSPECTION,
    REG28_BREACH,
    STAFF_UNQUALIFIED,
    condition,
)
from ..judgements.engine import evaluate, facts
from ..judgements.rules import Passage, Rule

Answer = Literal["yes", "no", ""]
ANSWERS: tuple[tuple[str, str], ...] = (("yes", "Yes"), ("no", "No"), ("", "Not answered"))


@dataclass(frozen=True, slots=True)
class Finding:
    key: str  # the engine's condition key
    question: str  # our words, asked of the provider
    related: tuple[str, ...] = ()  # self-evaluation item ids that touch the same subject
    exceptions: tuple[
        str, ...
    ] = ()  # engine conditions that only an inspector can find (shown as the exception)

    @property
    def source(self) -> str:
        """Where the framework describes the case: the engine's anchor for the condition."""
        return condition(self.key).anchor


FINDINGS: tuple[Finding, ...] = (
    Finding(
        MANAGER_VACANCY_26_WEEKS,
        "Has the home been without a manager for more than 26 weeks, with no or limited evidence of "
        "attempts to recruit or appoint one?",
        related=("leaders-and-managers-good-1", "leaders-and-managers-evidence-11"),
    ),
    Finding(
        MANAGER_NOT_REGISTERED_12_WEEKS,
        "Has the manager been in post for more than 12 weeks without applying to be registered?",
        related=("leaders-and-managers-good-1",),
    ),
    Finding(
        REG28_BREACH,
        "Does the registered manager's qualification fall short of what regulation 28 requires, so that "
        "inspectors could raise a requirement about it?",
        related=("discussions-with-managers-and-staff-21", "leaders-and-managers-good-1"),
    ),
    Finding(
        STAFF_UNQUALIFIED,
        "Are none, or very few, of the staff qualified, with no prospect that the rest will gain the "
        "qualification within 6 months or by the relevant date?",
        related=(
            "request-for-information-at-an-inspection-10",
            "discussions-with-managers-and-staff-20",
            "leaders-and-managers-good-2",
        ),
        exceptions=(EXCEPTIONAL_CIRCUMSTANCES,),
    ),
    Finding(
        NO_CHILDREN_FIRST_INSPECTION,
        "Will this be the home's first inspection since it was registered, with no children living in "
        "the home?",
    ),
)
FINDING_KEYS: tuple[str, ...] = tuple(f.key for f in FINDINGS)
_BY_KEY = {f.key: f for f in FINDINGS}


def finding(key: str) -> Finding:
    return _BY_KEY[key]


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "strength": rule.strength,
        "kind": "Hard limit" if rule.strength == "always" else "Tendency",
        "signal": rule.signal,
        "text": rule.text,
        "summary": rule.summary,
        "source": rule.anchor,
        "source_path": cite(rule.anchor).path,
    }


def _passage(passage: Passage) -> dict[str, Any]:
    return {"text": passage.text, "source": passage.anchor, "source_path": cite(passage.anchor).path}


def reminders(answers: dict[str, str]) -> list[dict[str, Any]]:
    """For each finding answered "yes": the rules the engine says bind, in the framework's words.

    The engine is asked with the findings only and no grades, so only rules triggered by the
    findings themselves bind; none of them is a predicted grade. Rules an inspector-only
    finding would add (e.g. "exceptional circumstances") are listed as the framework's exception.
    """
    yes = [f for f in FINDINGS if answers.get(f.key) == "yes"]
    if not yes:
        return []
    chosen = [f.key for f in yes]
    result = evaluate(facts({}, chosen))
    out = []
    for item in yes:
        own = [r for r in result.rules if item.key in r.when_conditions]
        exceptions: list[Rule] = []
        if item.exceptions:
            wider = evaluate(facts({}, [*chosen, *item.exceptions]))
            exceptions = [r for r in wider.rules if r not in result.rules and item.key in r.when_conditions]
        considerations = [p for p in result.considerations if item.key in p.when_conditions]
        out.append(
            {
                "finding": item.key,
                "question": item.question,
                "source": item.source,
                "source_path": cite(item.source).path,
                "rules": [_rule(r) for r in own],
                "exceptions": [_rule(r) for r in exceptions],
                "considerations": [_passage(p) for p in considerations],
            }
        )
    return out


def prompts(assessments: dict[str, str], answers: dict[str, str]) -> list[dict[str, Any]]:
    """Items marked "needs work" that touch a finding not yet answered: point at the question."""
    out = []
    for item in FINDINGS:
        if answers.get(item.key) in ("yes", "no"):
            continue
        touched = [i for i in item.related if assessments.get(i) == "needs-work"]
        if touched:
            out.append({"finding": item.key, "question": item.question, "items": touched})
    return out
