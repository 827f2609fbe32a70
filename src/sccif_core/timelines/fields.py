"""The inputs of a timeline, as the page's form and the command line show them.

Each kind of timeline (``kinds.KINDS``) lists its fields here-described; the page renders its
form from these (through ``sccif_core.page_facts``), so a label or a hint is written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldType = Literal["date", "dates", "visits", "periods", "choice"]

# The hint a field gets when it has none of its own.
DEFAULT_HINTS: dict[str, str] = {
    "date": "For example, 19/11/2026",
    "dates": "One date per line, for example 01/05/2026",
}
# Added to the label of every field that may be left empty (never to a choice, which has a default).
OPTIONAL = " (optional)"


@dataclass(frozen=True, slots=True)
class Field:
    """One input of a timeline: ``name`` as the core reads it, and the words the reader sees."""

    name: str
    label: str  # without "(optional)": ``shown_label`` adds it
    type: FieldType = "date"
    required: bool = False
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, words); the first is the default

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.choices)

    @property
    def shown_label(self) -> str:
        """The label as the form and ``--help`` show it: "(optional)" on a field that may be empty."""
        optional = not self.required and self.type != "choice"
        return self.label + (OPTIONAL if optional else "")

    @property
    def shown_hint(self) -> str:
        return self.hint or DEFAULT_HINTS.get(self.type, "")

    def describe(self) -> dict[str, object]:
        """The field as JSON: what the page needs to draw it."""
        return {
            "name": self.name,
            "label": self.shown_label,
            "type": self.type,
            "required": self.required,
            "hint": self.shown_hint,
            "choices": [list(pair) for pair in self.choices],
        }


COMPLAINT_CHOICES = (("no", "No"), ("yes", "Yes: the final report can come later"))
ROLE_CHOICES = (
    ("manager", "Registered manager (Level 5, regulation 28)"),
    ("care-worker", "Care worker (Level 3, regulation 32)"),
)
EMERGENCY_CHOICES = (
    ("no", "No: it is planned (notice a month before it starts)"),
    ("yes", "Yes (notice within a week of it starting)"),
)

FEEDBACK = Field(
    "feedback",
    "Day of feedback, if later than the last day on site",
    hint="The day of feedback is counted as the last day of the inspection: every deadline counts "
    "from it. For example, 23/11/2026",
)
DRAFT_SENT = Field(
    "draft_sent",
    "Draft report actually sent on",
    hint="If you know it, the provider's 5 working days count from this date. For example, 10/12/2026",
)
FINAL_SENT = Field(
    "final_sent",
    "Final report actually sent on",
    hint="If you know it, publication is counted from this date. For example, 06/01/2027",
)
COMPLAINT = Field(
    "complaint", "Has the provider made a formal complaint?", "choice", choices=COMPLAINT_CHOICES
)
