"""Which grades the framework allows, and which it says are usual, for what is known.

Give the grades that are known (any may be unknown) and the findings (conditions);
``evaluate`` answers, for every judgement:

* ``allowed``: the grades no hard limit ("always") rules out, best to worst;
* ``usual``: the allowed grades the tendencies ("usually") point to; the same as
  ``allowed`` when no tendency applies;

and lists the rules that apply (bind), and any conflict: a given grade that a hard
limit rules out. A grade outside ``usual`` is not a conflict: the framework's
judgements are best fit, and a tendency is not a limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .conditions import parse_conditions
from .grades import (
    GRADES,
    JUDGEMENT_KEYS,
    LEADERS_AND_MANAGERS,
    NOT_JUDGED,
    OVERALL,
    in_order,
    judgement,
    label,
    no_better_than,
    no_worse_than,
    parse_grade,
)
from .rules import CONSIDERATIONS, PRINCIPLES, RULES, Passage, Rule


@dataclass(frozen=True, slots=True)
class Facts:
    """What is known: a grade (or 'not-judged') per judgement, and the findings."""

    grades: Mapping[str, str] = field(default_factory=dict)
    conditions: frozenset[str] = frozenset()

    def grade(self, key: str) -> str | None:
        return self.grades.get(key)


def facts(grades: Mapping[str, object] | None = None, conditions: Iterable[object] = ()) -> Facts:
    """Checked facts from loose input (e.g. JSON): unknown names are errors, None means unknown."""
    known: dict[str, str] = {}
    for key, value in (grades or {}).items():
        judgement(str(key))
        grade = parse_grade(value, field=str(key))
        if grade is not None:
            known[str(key)] = grade
    return Facts(known, parse_conditions(conditions))


@dataclass(frozen=True, slots=True)
class Outlook:
    """The answer for one judgement."""

    judgement: str
    allowed: tuple[str, ...]
    usual: tuple[str, ...]
    given: str | None
    limits: tuple[Rule, ...]  # binding hard rules on this judgement
    tendencies: tuple[Rule, ...]  # binding "usually" rules on this judgement

    @property
    def no_judgement(self) -> bool:
        return not self.allowed


@dataclass(frozen=True, slots=True)
class Conflict:
    """A given grade that a hard limit rules out."""

    judgement: str
    grade: str
    rules: tuple[Rule, ...]

    @property
    def message(self) -> str:
        name = judgement(self.judgement).short
        if any(rule.effect == "no-judgement" for rule in self.rules):
            return f"{name}: '{label(self.grade)}' was given, but no judgement is made in this case."
        return f"{name} cannot be '{label(self.grade)}' here: a hard limit rules it out."

    def as_dict(self) -> dict[str, Any]:
        return {
            "judgement": self.judgement,
            "grade": self.grade,
            "rules": [rule.id for rule in self.rules],
            "sources": [rule.anchor for rule in self.rules],
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Evaluation:
    facts: Facts
    outlooks: Mapping[str, Outlook]
    rules: tuple[Rule, ...]
    conflicts: tuple[Conflict, ...]
    considerations: tuple[Passage, ...]
    principles: tuple[Passage, ...] = PRINCIPLES

    @property
    def overall(self) -> Outlook:
        return self.outlooks[OVERALL]

    @property
    def leadership(self) -> Outlook:
        return self.outlooks[LEADERS_AND_MANAGERS]

    def as_dict(self) -> dict[str, Any]:
        """The `sccif judge --format json` shape."""
        return {
            "overall": _outlook_dict(self.overall),
            "leadership": _outlook_dict(self.leadership),
            "rules": [rule_dict(rule) for rule in self.rules],
            "conflicts": [conflict.as_dict() for conflict in self.conflicts],
        }


def rule_dict(rule: Rule) -> dict[str, Any]:
    result: dict[str, Any] = {
        "id": rule.id,
        "strength": rule.strength,
        "summary": rule.summary,
        "text": rule.text,
        "source": rule.anchor,
    }
    if rule.lead is not None:
        result["lead"] = {"text": rule.lead[0], "source": rule.lead[1]}
    return result


def _outlook_dict(outlook: Outlook) -> dict[str, list[str]]:
    return {"allowed": list(outlook.allowed), "usual": list(outlook.usual)}


def applies(rule: Rule, known: Facts) -> bool:
    """The rule's trigger holds for what is known."""
    if rule.when_any_grade and not any(known.grade(j) == g for j, g in rule.when_any_grade):
        return False
    if not rule.when_conditions <= known.conditions:
        return False
    return not (rule.unless_conditions & known.conditions)


def triggers(rule: Rule, known: Facts) -> tuple[str, ...]:
    """What set a binding rule off: the judgements whose grade matched, then its findings."""
    grades = tuple(dict.fromkeys(j for j, g in rule.when_any_grade if known.grade(j) == g))
    return grades + tuple(sorted(rule.when_conditions))


def grades_permitted(rule: Rule) -> tuple[str, ...]:
    """The grades a rule leaves open for the judgement it constrains."""
    if rule.effect == "cap":
        return no_better_than(_grade_of(rule))
    if rule.effect == "floor":
        return no_worse_than(_grade_of(rule))
    if rule.effect == "exact":
        return (_grade_of(rule),)
    if rule.effect == "no-judgement":
        return ()
    return GRADES  # "permits" and "not-judged" explain a grade or a value; they limit no grade


def evaluate(known: Facts, rules: Iterable[Rule] = RULES) -> Evaluation:
    binding = tuple(rule for rule in rules if applies(rule, known))
    outlooks = {key: _outlook(key, known, binding) for key in JUDGEMENT_KEYS}
    conflicts = tuple(c for c in (_conflict(o) for o in outlooks.values()) if c is not None)
    return Evaluation(known, outlooks, binding, conflicts, _considerations(known))


def _outlook(key: str, known: Facts, binding: tuple[Rule, ...]) -> Outlook:
    on_this = [rule for rule in binding if key in rule.constrains]
    limits = tuple(rule for rule in on_this if rule.strength == "always")
    tendencies = tuple(rule for rule in on_this if rule.strength == "usually")
    allowed = _intersect(GRADES, limits)
    usual = _intersect(allowed, tendencies) or allowed
    return Outlook(key, allowed, usual, known.grade(key), limits, tendencies)


def _intersect(start: tuple[str, ...], rules: Iterable[Rule]) -> tuple[str, ...]:
    remaining = set(start)
    for rule in rules:
        remaining &= set(grades_permitted(rule))
    return in_order(remaining)


def _conflict(outlook: Outlook) -> Conflict | None:
    given = outlook.given
    if given is None:
        return None
    if given == NOT_JUDGED:
        blocking = tuple(r for r in outlook.limits if r.effect == "no-judgement")
    elif given in outlook.allowed:
        return None
    else:
        blocking = tuple(r for r in outlook.limits if given not in grades_permitted(r))
    return Conflict(outlook.judgement, given, blocking) if blocking else None


def _considerations(known: Facts) -> tuple[Passage, ...]:
    graded = {key for key, grade in known.grades.items() if grade != NOT_JUDGED}
    return tuple(
        passage
        for passage in CONSIDERATIONS
        if (not passage.when_any_known or graded & set(passage.when_any_known))
        and passage.when_conditions <= known.conditions
    )


def _grade_of(rule: Rule) -> str:
    if rule.grade is None:
        raise ValueError(f"rule '{rule.id}' has effect '{rule.effect}' but no grade.")
    return rule.grade
