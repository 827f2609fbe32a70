"""The shape of a self-check question and of its answer.

A question holds what the reader sees and the facts its answer is worked out from; never the
answer. ``questions.answer`` asks the engines again every time it is called.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..citations import cite

MAX_SEED = 2**31 - 1
MAX_NUMBER = 9_999


@dataclass(frozen=True, slots=True)
class Question:
    step: int
    seed: int
    number: int
    kind: str  # the generator, e.g. "dates:reports"
    prompt: str
    options: tuple[tuple[str, str], ...]  # (key, label)
    multiple: bool = False
    quote: tuple[str, str] | None = None  # framework words shown with the prompt, and their anchor
    facts: tuple[tuple[str, str], ...] = ()  # what the answer is computed from

    @property
    def id(self) -> str:
        return f"{self.step}:{self.seed}:{self.number}"

    def fact(self, name: str) -> str:
        return dict(self.facts)[name]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "step": self.step,
            "seed": self.seed,
            "number": self.number,
            "kind": self.kind,
            "prompt": self.prompt,
            "quote": None
            if self.quote is None
            else {
                "text": self.quote[0],
                "source": self.quote[1],
                "source_path": cite(self.quote[1]).path,
            },
            "options": [{"key": k, "label": v} for k, v in self.options],
            "multiple": self.multiple,
        }


@dataclass(frozen=True, slots=True)
class Answer:
    correct: tuple[str, ...]
    explanation: str  # our words, short
    quotes: tuple[tuple[str, str], ...]  # (framework words, anchor): why
    notes: tuple[str, ...] = ()  # how it was worked out, caveats (our words)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(anchor for _, anchor in self.quotes))
