"""Practice questions for new inspectors, generated from the rules engine.

A scenario holds only the question: the facts, what is asked and the options. The
answer is never stored: ``check`` asks the engine each time, and cites the rules (or,
where no rule binds, the best-fit principle and the rules that do not apply) that
justify it. The same seed and number always give the same scenario, in CPython and
in Pyodide.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from ..payload import chosen_options, whole_in_range
from .conditions import (
    EXCEPTIONAL_CIRCUMSTANCES,
    LEADERS_UNAWARE,
    MANAGER_NOT_REGISTERED_12_WEEKS,
    MANAGER_VACANCY_26_WEEKS,
    REG28_BREACH,
    STAFF_UNQUALIFIED,
    condition,
)
from .engine import Facts, evaluate, rule_dict
from .grades import (
    GRADES,
    HELPED_AND_PROTECTED,
    INADEQUATE,
    LEADERS_AND_MANAGERS,
    OVERALL,
    judgement,
    label,
)
from .rules import PRINCIPLES, RULES, RULES_BY_ID, Rule
from .wording import grade_list

Kind = Literal["allowed", "usual", "strength"]
KINDS: tuple[str, ...] = ("allowed", "usual", "strength")
MAX_SEED = 2**31 - 1
MAX_NUMBER = 10_000

_LEADERSHIP_CONDITIONS = (
    MANAGER_VACANCY_26_WEEKS,
    MANAGER_NOT_REGISTERED_12_WEEKS,
    REG28_BREACH,
    STAFF_UNQUALIFIED,
)
# Rules a strength question can be about: those with a grade effect on one judgement.
_STRENGTH_RULES = tuple(r for r in RULES if r.effect in ("cap", "exact") and len(r.constrains) == 1)


@dataclass(frozen=True, slots=True)
class Scenario:
    seed: int
    number: int
    kind: str
    asks: str  # a judgement key, or a rule id for a strength question
    facts: Facts
    prompt: str
    options: tuple[tuple[str, str], ...]  # (key, label)
    multiple: bool

    @property
    def id(self) -> str:
        return f"{self.seed}-{self.number}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "seed": self.seed,
            "number": self.number,
            "kind": self.kind,
            "asks": self.asks,
            "facts": {"grades": dict(self.facts.grades), "conditions": sorted(self.facts.conditions)},
            "prompt": self.prompt,
            "options": [{"key": k, "label": v} for k, v in self.options],
            "multiple": self.multiple,
        }


@dataclass(frozen=True, slots=True)
class Answer:
    correct: tuple[str, ...]
    rules: tuple[Rule, ...]  # the binding rules that justify it (may be empty)
    not_applying: tuple[Rule, ...]  # rules on the asked judgement whose trigger is not met
    explanation: str
    tendencies: tuple[Rule, ...] = ()  # for an "allowed" question: binding tendencies, which do not limit

    @property
    def sources(self) -> tuple[str, ...]:
        cited = [r.anchor for r in self.rules] or [r.anchor for r in self.not_applying]
        if not self.rules:
            cited.append(_BEST_FIT.anchor)
        return tuple(dict.fromkeys(cited))


_BEST_FIT = next(p for p in PRINCIPLES if p.id == "best-fit")
_GRADE_OPTIONS = tuple((g, label(g)) for g in GRADES)
_STRENGTH_OPTIONS = (("always", "A hard limit (always)"), ("usually", "A tendency (usually)"))


# A set is a run of this many questions (numbers 0 to 9, 10 to 19, ...): no question repeats in it.
SET_SIZE = 10
_TRIES = 40


def scenario(seed: int, number: int) -> Scenario:
    """The ``number``th question of the practice set ``seed``.

    A draw that repeats an earlier question of the same run of ``SET_SIZE`` is drawn again.
    """
    whole_in_range(seed, "seed", MAX_SEED)
    whole_in_range(number, "number", MAX_NUMBER)
    return _run(seed, number - number % SET_SIZE, number % SET_SIZE + 1)[-1]


@cache
def _run(seed: int, first: int, count: int) -> tuple[Scenario, ...]:
    earlier = _run(seed, first, count - 1) if count > 1 else ()
    seen = {_signature(item) for item in earlier}
    number = first + count - 1
    for attempt in range(_TRIES):
        salt = "" if attempt == 0 else f":{attempt}"
        item = _draw(seed, number, random.Random(f"sccif-practice:{seed}:{number}{salt}"))
        if _signature(item) not in seen:
            break
    return (*earlier, item)


def _signature(item: Scenario) -> tuple[object, ...]:
    return (item.prompt, item.options)


def _draw(seed: int, number: int, rng: random.Random) -> Scenario:
    kind = rng.choice(KINDS)
    if kind == "strength":
        return _strength_question(seed, number, rng)
    if kind == "usual":
        return _grade_question(seed, number, rng, "usual")
    return _grade_question(seed, number, rng, "allowed")


def answer(item: Scenario) -> Answer:
    """Computed by the engine, every time."""
    if item.kind == "strength":
        rule = RULES_BY_ID[item.asks]
        bound = [r for r in evaluate(item.facts).rules if r.id == rule.id]
        correct: tuple[str, ...] = tuple(r.strength for r in bound)
        return Answer(correct, tuple(bound), (), _strength_explanation(rule))
    result = evaluate(item.facts)
    outlook = result.outlooks[item.asks]
    correct = outlook.allowed if item.kind == "allowed" else outlook.usual
    cited = outlook.limits if item.kind == "allowed" else outlook.limits + outlook.tendencies
    aside = outlook.tendencies if item.kind == "allowed" else ()
    on_judgement = tuple(
        r
        for r in RULES
        if item.asks in r.constrains and r not in result.rules and r.effect in ("cap", "exact")
    )
    return Answer(correct, cited, on_judgement, _grade_explanation(item, correct, cited, aside), aside)


def check(item: Scenario, response: object) -> dict[str, Any]:
    """Feedback on an answer: right or not, the engine's answer, and the rules that justify it."""
    chosen = chosen_options(response, (key for key, _ in item.options), multiple=item.multiple)
    truth = answer(item)
    return {
        "id": item.id,
        "correct": set(chosen) == set(truth.correct),
        "chosen": list(chosen),
        "answer": list(truth.correct),
        "answer_labels": [dict(item.options)[k] for k in truth.correct],
        "explanation": truth.explanation,
        "rules": [_rule_feedback(r) for r in truth.rules],
        "not_applying": [_rule_feedback(r) for r in truth.not_applying],
        "tendencies": [_rule_feedback(r) for r in truth.tendencies],
        "best_fit": {"text": _BEST_FIT.text, "source": _BEST_FIT.anchor},
        "sources": list(truth.sources),
    }


def _rule_feedback(rule: Rule) -> dict[str, Any]:
    """A rule as feedback shows it: its words, and the clause that makes it a hard limit or a tendency."""
    return {**rule_dict(rule), "words": rule.words}


# --- building questions ---


def _grade_question(seed: int, number: int, rng: random.Random, kind: str) -> Scenario:
    asks = rng.choice((OVERALL, OVERALL, LEADERS_AND_MANAGERS))
    grades: dict[str, str] = {}
    conditions: set[str] = set()
    if asks == OVERALL:
        grades[HELPED_AND_PROTECTED] = rng.choice(GRADES + (INADEQUATE,))
        if rng.random() < 0.8:
            grades[LEADERS_AND_MANAGERS] = rng.choice(GRADES + (INADEQUATE,))
        if rng.random() < 0.3:
            conditions.add(MANAGER_VACANCY_26_WEEKS)
    else:
        for key in _LEADERSHIP_CONDITIONS:
            if rng.random() < 0.35:
                conditions.add(key)
        if STAFF_UNQUALIFIED in conditions and rng.random() < 0.4:
            conditions.add(EXCEPTIONAL_CIRCUMSTANCES)
        # Leaders who do not know the home's weaknesses: a hard limit only with inadequate protection.
        if rng.random() < 0.3:
            conditions.add(LEADERS_UNAWARE)
            if rng.random() < 0.7:
                grades[HELPED_AND_PROTECTED] = rng.choice((INADEQUATE, INADEQUATE, *GRADES))
    facts = Facts(grades, frozenset(conditions))
    if kind == "usual" and not evaluate(facts).outlooks[asks].tendencies:
        kind = "allowed"  # nothing is "usual" here beyond what is allowed: ask the other question
    name = judgement(asks).title.lower()
    if kind == "allowed":
        question = f"What can {_the(name)} judgement be? Choose every grade the framework allows."
    else:
        question = (
            f"Which grade or grades does the framework say {_the(name)} judgement will usually or is "
            "likely to be? Choose every one. (A tendency, not a prediction: the judgement is best fit.)"
        )
    return Scenario(seed, number, kind, asks, facts, f"{_describe(facts)} {question}", _GRADE_OPTIONS, True)


def _strength_question(seed: int, number: int, rng: random.Random) -> Scenario:
    rule = rng.choice(_STRENGTH_RULES)
    grades = dict(rule.when_any_grade[:1])
    facts = Facts(grades, rule.when_conditions)
    target = judgement(rule.constrains[0]).title.lower()
    effect = (
        f"{_the(target)} judgement is no better than '{label(str(rule.grade))}'"
        if rule.effect == "cap"
        else f"{_the(target)} judgement is '{label(str(rule.grade))}'"
    )
    words = f"{rule.lead[0]} {rule.text}" if rule.lead else rule.text
    prompt = (
        f"The framework says: \u201c{words}\u201d In this passage, the point that {effect}: "
        "is it a hard limit or a tendency?"
    )
    return Scenario(seed, number, "strength", rule.id, facts, prompt, _STRENGTH_OPTIONS, False)


def _the(name: str) -> str:
    return name if name.startswith("the ") else f"the {name}"


def _describe(facts: Facts) -> str:
    parts = []
    for key, grade in facts.grades.items():
        parts.append(f"{judgement(key).title} is judged {label(grade)}.")
    for key in sorted(facts.conditions):
        parts.append(f"{condition(key).label}.")
    if not parts:
        return "Nothing else is known."
    if not facts.conditions:
        parts.append("There are no findings about the manager or staff qualifications.")
    return " ".join(parts)


def _grade_explanation(
    item: Scenario, correct: tuple[str, ...], cited: tuple[Rule, ...], aside: tuple[Rule, ...] = ()
) -> str:
    name = judgement(item.asks).short
    if not cited and aside:
        return (
            f"No hard limit applies to {name.lower()} here, so any grade is possible. The framework does "
            "state a tendency (below), but a tendency does not rule any grade out."
        )
    if not cited:
        return (
            f"No rule limits {name.lower()} here, so any grade is possible; it is a best-fit judgement. "
            "The rules about it apply only in other circumstances."
        )
    if item.kind == "allowed":
        return f"{name} can be {grade_list(correct)}: the hard limits below apply."
    return (
        f"{name} is usually {grade_list(correct)}: the rules below say so. This is a tendency, not a limit."
    )


def _strength_explanation(rule: Rule) -> str:
    kind = "a hard limit" if rule.strength == "always" else "a tendency"
    return f"It is {kind}: the framework's word here is '{rule.signal}'."
