"""Assurance inspections: one outcome, serious or widespread concerns or none, over three areas.

The descriptors of the three areas are not retyped here: they come from the site's own
pages through ``data/framework.json`` (see ``criteria.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .criteria import assurance_areas

SERIOUS_OR_WIDESPREAD = "serious-or-widespread-concerns"
NO_SERIOUS_OR_WIDESPREAD = "no-serious-or-widespread-concerns"


@dataclass(frozen=True, slots=True)
class Outcome:
    key: str
    text: str  # the framework's words
    anchor: str


# "We will make a single judgement based on the findings of the inspection. This will be either:"
OUTCOMES: tuple[Outcome, ...] = (
    Outcome(
        SERIOUS_OR_WIDESPREAD,
        "the setting has serious or widespread concerns",
        "types-assurance-inspections-3",
    ),
    Outcome(
        NO_SERIOUS_OR_WIDESPREAD,
        "the setting does not have serious or widespread concerns",
        "types-assurance-inspections-4",
    ),
)
OUTCOME_KEYS: tuple[str, ...] = tuple(o.key for o in OUTCOMES)

SINGLE_JUDGEMENT = (
    "We will make a single judgement based on the findings of the inspection. This will be either:",
    "types-assurance-inspections-2",
)
NOT_A_CHECKLIST = (
    "Inspectors will use the following descriptors as the benchmarks against which to evaluate practice. "
    "Our findings, however, are not derived from a checklist.",
    "assurance-inspection-findings-2",
)
PROFESSIONAL_JUDGEMENT = (
    "They will also use their professional judgement to determine whether or not the home has any serious "
    "or widespread concerns.",
    "assurance-inspection-findings-2",
)
# What the report states: whether there are serious or widespread concerns "as a result of practice that:"
CONCERNS_ABOUT_PRACTICE_THAT: tuple[tuple[str, str], ...] = (
    (
        "places children at risk of inadequate protection or significant harm",
        "reporting-findings-at-assurance-inspections-3",
    ),
    (
        "leads to children's welfare not being safeguarded and promoted",
        "reporting-findings-at-assurance-inspections-4",
    ),
)


def explorer() -> dict[str, Any]:
    """Everything the assurance explorer shows: outcomes, the three areas with descriptors, the caveats."""
    return {
        "single_judgement": {"text": SINGLE_JUDGEMENT[0], "source": SINGLE_JUDGEMENT[1]},
        "outcomes": [{"key": o.key, "text": o.text, "source": o.anchor} for o in OUTCOMES],
        "not_a_checklist": [
            {"text": NOT_A_CHECKLIST[0], "source": NOT_A_CHECKLIST[1]},
            {"text": PROFESSIONAL_JUDGEMENT[0], "source": PROFESSIONAL_JUDGEMENT[1]},
        ],
        "concerns_about_practice_that": [{"text": t, "source": a} for t, a in CONCERNS_ABOUT_PRACTICE_THAT],
        "areas": assurance_areas(),
    }
