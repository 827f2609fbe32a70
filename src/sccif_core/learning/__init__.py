"""A learning path through the framework for new inspectors, with self-checks from the engines.

* ``path``: ten ordered steps, each naming the framework's sections by anchor;
* ``questions``: seeded self-check questions per step, whose answers the engines work out
  when they are checked (dates from the timeline engine, limits from the judgement engine,
  criteria and sections from the extracted framework); never stored;
* ``review``: spaced review, questions answered wrongly first.
"""

from __future__ import annotations

from .browser import BROWSER_FUNCTIONS
from .model import Answer, Question
from .path import STEPS, Step
from .questions import answer, check, question
from .review import Record, review_order

__all__ = [
    "BROWSER_FUNCTIONS",
    "STEPS",
    "Answer",
    "Question",
    "Record",
    "Step",
    "answer",
    "check",
    "question",
    "review_order",
]
