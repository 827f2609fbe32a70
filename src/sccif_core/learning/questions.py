"""Self-check questions for each step of the learning path, made from the engines, seeded.

``question(step, seed, number)`` always gives the same question for the same three numbers,
so the page keeps only those numbers. ``answer(question)`` asks the engines for the answer
every time; it is never stored. ``check`` marks a reader's choice and explains it with the
framework's words and their anchors.

Generators (the step names which ones it uses, see ``path.STEPS``):

* ``dates:<set>``: the timeline and working-day engines (``dates.py``);
* ``judgement-roles``, ``judgement-limits``, ``next-steps``: the judgement rules engine
  (``judgement_questions.py``);
* ``criteria``, ``section:<set>``: the criteria data and the framework's sections
  (``text_questions.py``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..citations import cite
from ..payload import chosen_options, whole_in_range
from . import dates, judgement_questions, text_questions
from .model import MAX_NUMBER, MAX_SEED, Answer, Question
from .path import STEP_NUMBERS, step

Make = Callable[[str, random.Random, int, int, int], Question]


@dataclass(frozen=True, slots=True)
class Family:
    make: Make
    answer: Callable[[Question], Answer]


FAMILIES: dict[str, Family] = {
    "dates": Family(dates.make, dates.answer),
    "section": Family(text_questions.make_section, text_questions.answer_section),
    "criteria": Family(text_questions.make_criteria, text_questions.answer_criteria),
    "judgement-roles": Family(judgement_questions.make_role, judgement_questions.answer_role),
    "judgement-limits": Family(judgement_questions.make_limits, judgement_questions.answer_limits),
    "next-steps": Family(judgement_questions.make_next_step, judgement_questions.answer_next_step),
}


def _family(kind: str) -> Family:
    return FAMILIES[kind.split(":", 1)[0]]


# A set is a run of this many questions (numbers 0 to 4, 5 to 9, ...): no question repeats in it.
SET_SIZE = 5
_TRIES = 25


def question(step_number: int, seed: int, number: int) -> Question:
    """The ``number``th self-check question of step ``step_number`` in the set ``seed``.

    Questions are drawn in runs of ``SET_SIZE``; a draw that repeats an earlier question of the
    same run is drawn again, so a set never asks the same question twice.
    """
    whole_in_range(step_number, "step", STEP_NUMBERS[-1], least=STEP_NUMBERS[0])
    whole_in_range(seed, "seed", MAX_SEED)
    whole_in_range(number, "number", MAX_NUMBER)
    return _run(step_number, seed, number - number % SET_SIZE, number % SET_SIZE + 1)[-1]


@cache
def _run(step_number: int, seed: int, first: int, count: int) -> tuple[Question, ...]:
    if count > 1:
        earlier = _run(step_number, seed, first, count - 1)
    else:
        earlier = ()
    seen = {_signature(item) for item in earlier}
    number = first + count - 1
    for attempt in range(_TRIES):
        salt = "" if attempt == 0 else f":{attempt}"
        rng = random.Random(f"sccif-learn:{step_number}:{seed}:{number}{salt}")
        kind = rng.choice(step(step_number).checks)
        item = _family(kind).make(kind, rng, step_number, seed, number)
        if _signature(item) not in seen:
            break
    return (*earlier, item)


def _signature(item: Question) -> tuple[object, ...]:
    return (item.prompt, item.quote, tuple(sorted(item.options)))


def answer(item: Question) -> Answer:
    """Worked out by the engines, now."""
    return _family(item.kind).answer(item)


def check(item: Question, response: object) -> dict[str, Any]:
    """Right or not, the answer, why (in the framework's words, with links) and how it was worked out."""
    chosen = chosen_options(response, (key for key, _ in item.options), multiple=item.multiple)
    truth = answer(item)
    labels = dict(item.options)
    return {
        "id": item.id,
        "correct": set(chosen) == set(truth.correct),
        "chosen": list(chosen),
        "answer": list(truth.correct),
        "answer_labels": [labels[key] for key in truth.correct],
        "explanation": truth.explanation,
        "quotes": [
            {"text": text, "source": anchor, "source_path": cite(anchor).path}
            for text, anchor in truth.quotes
        ],
        "notes": list(truth.notes),
        "sources": list(truth.sources),
    }
