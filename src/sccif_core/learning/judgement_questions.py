"""Questions from the judgement rules engine (``sccif_core.judgements``).

* ``judgement-roles``: which judgement plays which part (limiting, graded and capping the
  overall judgement, taken into account, made first). The answer is read off the engine's
  rules and judgement data when the reader's choice is checked.
* ``judgement-limits``: the judgement tools' own practice scenarios ("Helped and protected is
  inadequate … what can the overall judgement be?"), made and marked by
  ``judgements.practice``, which asks the engine; adapted here to the learning path's shape.
* ``next-steps``: a step that follows an overall inadequate judgement (or serious or
  widespread concerns) is quoted; is it certain, usual or only possible? The answer is the
  certainty the engine's ``next_steps`` records for it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from ..citations import cite
from ..judgements import practice
from ..judgements.grades import (
    INADEQUATE,
    JUDGEMENTS,
    OVERALL,
    REQUIRES_IMPROVEMENT,
    judgement,
)
from ..judgements.next_steps import TRIGGER, steps_for
from ..judgements.rules import CONSIDERATIONS, PRINCIPLES, RULES, Rule
from .model import Answer, Question

_JUDGEMENT_OPTIONS = tuple((j.key, j.short) for j in JUDGEMENTS if j.key != OVERALL)


def _limit_rules(effect: str, grade: str) -> list[Rule]:
    """Hard limits on the overall judgement that an inadequate grade elsewhere triggers."""
    return [
        r
        for r in RULES
        if r.strength == "always"
        and OVERALL in r.constrains
        and r.effect == effect
        and r.grade == grade
        and any(g == INADEQUATE for _, g in r.when_any_grade)
    ]


def _passage(passage_id: str) -> tuple[str, str]:
    found = next(p for p in CONSIDERATIONS if p.id == passage_id)
    return cite(found.anchor).text, found.anchor


@dataclass(frozen=True, slots=True)
class Role:
    key: str
    prompt: str
    multiple: bool
    answer: Callable[[], tuple[tuple[str, ...], tuple[tuple[str, str], ...]]]


def _always_inadequate() -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    rules = _limit_rules("exact", INADEQUATE)
    keys = tuple(dict.fromkeys(j for r in rules for j, g in r.when_any_grade if g == INADEQUATE))
    return keys, tuple((r.text, r.anchor) for r in rules)


def _capped() -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Capped at requires improvement, but not certainly inadequate: only one judgement fits.

    A judgement whose inadequate grade makes the overall judgement always inadequate also caps
    it, so it is left out: the prompt asks for "likely ..., and certainly no better than".
    """
    rules = _limit_rules("cap", REQUIRES_IMPROVEMENT)
    always, _ = _always_inadequate()
    keys = tuple(
        dict.fromkeys(j for r in rules for j, g in r.when_any_grade if g == INADEQUATE and j not in always)
    )
    return keys, tuple((r.text, r.anchor) for r in rules)


def _of_kind(*kinds: str) -> tuple[str, ...]:
    return tuple(j.key for j in JUDGEMENTS if j.kind in kinds)


ROLES: tuple[Role, ...] = (
    Role(
        "always-inadequate",
        "If inspectors judge this area inadequate, the overall experiences and progress judgement will "
        "always be inadequate. Which judgement is it?",
        False,
        _always_inadequate,
    ),
    Role(
        "caps-overall",
        "If inspectors judge this area inadequate, the overall experiences and progress judgement is likely, "
        "but not certain, to be inadequate, and certainly no better than requires improvement to be good. "
        "Which judgement is it?",
        False,
        _capped,
    ),
    Role(
        "taken-into-account",
        "Which judgements does the overall experiences and progress judgement take into account, with no "
        "rule that ties the overall grade to them? Choose every one.",
        True,
        lambda: (_of_kind("taken into account"), (_passage("education-and-health-taken-into-account"),)),
    ),
    Role(
        "made-first",
        "Which judgements do inspectors make first, so that they can take them into account for the "
        "overall experiences and progress judgement? Choose every one.",
        True,
        lambda: (_of_kind("limiting", "graded"), (_passage("limiting-and-graded-judgements-first"),)),
    ),
)
_ROLES = {role.key: role for role in ROLES}


def make_role(kind: str, rng: random.Random, step: int, seed: int, number: int) -> Question:
    role = rng.choice(ROLES)
    return Question(
        step,
        seed,
        number,
        kind,
        role.prompt,
        _JUDGEMENT_OPTIONS,
        multiple=role.multiple,
        facts=(("role", role.key),),
    )


def answer_role(question: Question) -> Answer:
    keys, quotes = _ROLES[question.fact("role")].answer()
    names = [judgement(k).short for k in keys]
    return Answer(keys, f"The answer: {' and '.join(names)}.", quotes)


def make_limits(kind: str, rng: random.Random, step: int, seed: int, number: int) -> Question:
    item = practice.scenario(rng.randrange(practice.MAX_SEED + 1), rng.randrange(practice.MAX_NUMBER + 1))
    return Question(
        step,
        seed,
        number,
        kind,
        item.prompt,
        item.options,
        multiple=item.multiple,
        facts=(("practice_seed", str(item.seed)), ("practice_number", str(item.number))),
    )


def answer_limits(question: Question) -> Answer:
    item = practice.scenario(int(question.fact("practice_seed")), int(question.fact("practice_number")))
    truth = practice.answer(item)
    shown = truth.rules + truth.tendencies or truth.not_applying
    quotes = [(r.text, r.anchor) for r in shown]
    best_fit = next(p for p in PRINCIPLES if p.id == "best-fit")
    quotes.append((best_fit.text, best_fit.anchor))
    unique = tuple(dict.fromkeys(quotes))
    # One passage can hold a hard limit and a tendency: name the words that make each.
    words = tuple(
        f"{'A hard limit' if r.strength == 'always' else 'A tendency'}: the words \u201c{r.words}\u201d."
        for r in truth.rules + truth.tendencies
    )
    notes = (
        ("No rule applies here; the rules that would apply in other cases are quoted so you can see why.",)
        if not truth.rules and truth.not_applying
        else words
    )
    return Answer(truth.correct, truth.explanation, unique, notes)


CERTAINTY_OPTIONS: tuple[tuple[str, str], ...] = (
    ("always", "It always happens: the framework says it will, or must"),
    ("usually", "It usually happens: the framework says usually or likely"),
    ("possible", "It may happen: it is one possible outcome"),
)


def make_next_step(kind: str, rng: random.Random, step: int, seed: int, number: int) -> Question:
    which = rng.choice(("full", "assurance"))
    chosen = rng.choice(steps_for(which))
    prompt = f"{TRIGGER[which]}. Read this step. How sure is it to follow?"
    return Question(
        step,
        seed,
        number,
        kind,
        prompt,
        CERTAINTY_OPTIONS,
        quote=(chosen.text, chosen.anchor),
        facts=(("kind", which), ("step", chosen.key)),
    )


def answer_next_step(question: Question) -> Answer:
    chosen = next(s for s in steps_for(question.fact("kind")) if s.key == question.fact("step"))
    label = dict(CERTAINTY_OPTIONS)[chosen.certainty]
    notes = (chosen.note,) if chosen.note else ()
    return Answer((chosen.certainty,), f"{label}. ({chosen.label}.)", ((chosen.text, chosen.anchor),), notes)
