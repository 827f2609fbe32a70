"""The four-point scale and the five judgements of a secure children's home inspection.

Source: "How inspectors make judgements under the SCCIF", judgement structure:
"All SCCIF inspections follow the 4-point scale (outstanding, good, requires
improvement to be good and inadequate) ..." and the evaluation criteria, one set per
judgement. Grades are plain strings so they travel as JSON unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import InputError

OUTSTANDING = "outstanding"
GOOD = "good"
REQUIRES_IMPROVEMENT = "requires-improvement"
INADEQUATE = "inadequate"

# Best to worst: the order every list of grades in a result keeps.
GRADES: tuple[str, ...] = (OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE)

GRADE_LABELS: dict[str, str] = {
    OUTSTANDING: "outstanding",
    GOOD: "good",
    REQUIRES_IMPROVEMENT: "requires improvement to be good",
    INADEQUATE: "inadequate",
}

# Special case: at a full reinspection after an overall inadequate judgement, a case
# review may decide that health and/or education is not reinspected; the report
# sections then "show as 'not judged'". It is not a grade and sits outside the scale.
NOT_JUDGED = "not-judged"
NOT_JUDGED_LABEL = "not judged"

SCALE_ANCHOR = "judgement-structure-2"
SCALE_TEXT = (
    "All SCCIF inspections follow the 4-point scale (outstanding, good, requires "
    "improvement to be good and inadequate) to make judgements on the overall "
    "experiences and progress of children, taking into account:"
)

OVERALL = "overall-experiences"
EDUCATION = "education"
HEALTH = "health"
HELPED_AND_PROTECTED = "helped-and-protected"
LEADERS_AND_MANAGERS = "leaders-and-managers"


@dataclass(frozen=True, slots=True)
class Judgement:
    """One of the five judgements, with the framework's own name for it."""

    key: str
    title: str  # the framework's heading for its evaluation criteria
    short: str  # a short name for forms and tables
    kind: str  # "overall", "limiting", "graded" or "taken into account"
    can_be_not_judged: bool = False


JUDGEMENTS: tuple[Judgement, ...] = (
    Judgement(
        OVERALL,
        "The overall experiences and progress of children",
        "Overall experiences and progress",
        "overall",
    ),
    Judgement(
        EDUCATION,
        "Children's education and learning experience",
        "Education and learning",
        "taken into account",
        can_be_not_judged=True,
    ),
    Judgement(HEALTH, "Children's health", "Health", "taken into account", can_be_not_judged=True),
    Judgement(
        HELPED_AND_PROTECTED, "How well children are helped and protected", "Helped and protected", "limiting"
    ),
    Judgement(
        LEADERS_AND_MANAGERS, "The effectiveness of leaders and managers", "Leaders and managers", "graded"
    ),
)

JUDGEMENT_KEYS: tuple[str, ...] = tuple(j.key for j in JUDGEMENTS)
_BY_KEY = {j.key: j for j in JUDGEMENTS}


def judgement(key: str) -> Judgement:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise InputError(
            f"'{_shown(key)}' is not a judgement. Use one of: {', '.join(JUDGEMENT_KEYS)}.",
            field="judgement",
            value=key,
        ) from None


def rank(grade: str) -> int:
    """0 for outstanding .. 3 for inadequate."""
    return GRADES.index(grade)


def no_better_than(grade: str) -> tuple[str, ...]:
    """The grades at or below ``grade``, best first."""
    return GRADES[rank(grade) :]


def no_worse_than(grade: str) -> tuple[str, ...]:
    """The grades at or above ``grade``, best first."""
    return GRADES[: rank(grade) + 1]


def in_order(grades: Iterable[str]) -> tuple[str, ...]:
    """The given grades best to worst, without repeats."""
    chosen = set(grades)
    return tuple(g for g in GRADES if g in chosen)


def label(grade: str) -> str:
    return NOT_JUDGED_LABEL if grade == NOT_JUDGED else GRADE_LABELS[grade]


def parse_grade(value: object, *, field: str) -> str | None:
    """A grade as people write it, or None for "not known". 'not-judged' only where allowed."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"expected a grade as text, got {type(value).__name__}.", field=field)
    cleaned = value.strip().lower().replace("_", "-").replace(" ", "-")
    if cleaned in ("", "unknown", "not-known"):
        return None
    if cleaned in ("requires-improvement-to-be-good", "ri"):
        cleaned = REQUIRES_IMPROVEMENT
    if cleaned in GRADES:
        return cleaned
    if cleaned == NOT_JUDGED:
        if field in _BY_KEY and _BY_KEY[field].can_be_not_judged:
            return NOT_JUDGED
        raise InputError(
            "only education and health can be 'not judged' (at a full reinspection after an "
            "overall inadequate judgement).",
            field=field,
            value=value,
        )
    raise InputError(
        f"'{_shown(value)}' is not a grade. Use outstanding, good, requires-improvement or inadequate.",
        field=field,
        value=value,
    )


def _shown(text: str, limit: int = 40) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
