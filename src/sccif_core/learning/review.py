"""Spaced review: which questions to ask again, questions answered wrongly first.

The page keeps a history of answers, one record per answer:
``{"step": 4, "seed": 123, "number": 0, "correct": false, "at": 17}`` (``at`` counts answers,
so it orders them without a clock). ``review_order`` puts each question asked before in the
order to ask it again:

1. questions whose latest answer was wrong, those got wrong most often first;
2. then the rest, fewest right answers in a row first (a question got right once comes back
   before one got right three times), and the longest unseen first.

Ties keep a fixed order (by step, seed and number) so the same history gives the same order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from .model import MAX_NUMBER, MAX_SEED
from .path import STEP_NUMBERS

MAX_RECORDS = 5_000


@dataclass(frozen=True, slots=True)
class Record:
    step: int
    seed: int
    number: int
    correct: bool
    at: int

    @property
    def question(self) -> tuple[int, int, int]:
        return (self.step, self.seed, self.number)


@dataclass(frozen=True, slots=True)
class Due:
    step: int
    seed: int
    number: int
    last_correct: bool
    wrong: int  # times answered wrongly
    streak: int  # right answers in a row, most recent last
    last_seen: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": f"{self.step}:{self.seed}:{self.number}",
            "step": self.step,
            "seed": self.seed,
            "number": self.number,
            "last_correct": self.last_correct,
            "wrong": self.wrong,
            "streak": self.streak,
        }


def review_order(records: Sequence[Record]) -> list[Due]:
    """Every question in the history once, in the order to review it."""
    history: dict[tuple[int, int, int], list[Record]] = {}
    for record in sorted(records, key=lambda r: r.at):
        history.setdefault(record.question, []).append(record)
    due = []
    for (step, seed, number), answers in history.items():
        streak = 0
        for record in reversed(answers):
            if not record.correct:
                break
            streak += 1
        due.append(
            Due(
                step,
                seed,
                number,
                answers[-1].correct,
                sum(not r.correct for r in answers),
                streak,
                answers[-1].at,
            )
        )
    return sorted(
        due,
        key=lambda d: (
            d.last_correct,
            -d.wrong if not d.last_correct else 0,
            d.streak,
            d.last_seen,
            d.step,
            d.seed,
            d.number,
        ),
    )


def records_from_json(data: object) -> list[Record]:
    """Checked records from the page's JSON."""
    if not isinstance(data, list):
        raise InputError("history must be a list of answers.", field="history")
    if len(data) > MAX_RECORDS:
        raise InputError(f"history can hold at most {MAX_RECORDS:,} answers.", field="history")
    out = []
    for row, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise InputError("each answer must be an object.", row=row, field="history")
        values = {}
        for name, least, most in (
            ("step", STEP_NUMBERS[0], STEP_NUMBERS[-1]),
            ("seed", 0, MAX_SEED),
            ("number", 0, MAX_NUMBER),
            ("at", 0, 2**53),
        ):
            value = item.get(name)
            if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
                raise InputError(
                    f"{name} must be a whole number from {least} to {most}.", row=row, field=name
                )
            values[name] = value
        if not isinstance(item.get("correct"), bool):
            raise InputError("correct must be true or false.", row=row, field="correct")
        out.append(
            Record(values["step"], values["seed"], values["number"], bool(item["correct"]), values["at"])
        )
    return out
