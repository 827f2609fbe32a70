"""Findings about the manager and staff that the framework ties to the grades.

Each condition is described in plain words for forms; the framework's own wording
lives in the rules that the condition triggers (see ``rules.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import InputError

MANAGER_VACANCY_26_WEEKS = "manager-vacancy-26-weeks"
MANAGER_NOT_REGISTERED_12_WEEKS = "manager-not-registered-12-weeks"
REG28_BREACH = "reg28-breach"
STAFF_UNQUALIFIED = "staff-unqualified"
EXCEPTIONAL_CIRCUMSTANCES = "exceptional-circumstances"
NO_CHILDREN_FIRST_INSPECTION = "no-children-first-inspection"
LEADERS_UNAWARE = "leaders-unaware-of-weaknesses"


@dataclass(frozen=True, slots=True)
class Condition:
    """A finding someone can tick. ``requires``: it only means something with that one."""

    key: str
    label: str  # our plain words, for a checkbox
    anchor: str  # where the framework describes it
    requires: str | None = None
    special: bool = False


CONDITIONS: tuple[Condition, ...] = (
    Condition(
        MANAGER_VACANCY_26_WEEKS,
        "No manager appointed after 26 weeks, with no or limited evidence of attempts to recruit or appoint",
        "leaders-and-managers-inadequate-3",
    ),
    Condition(
        MANAGER_NOT_REGISTERED_12_WEEKS,
        "The manager has been appointed for more than 12 weeks and has not applied to be registered",
        "leaders-and-managers-inadequate-4",
    ),
    Condition(
        REG28_BREACH,
        "Inspectors raise a requirement under regulation 28 about the registered manager's qualification",
        "registered-manager-qualifications-4",
    ),
    Condition(
        STAFF_UNQUALIFIED,
        "None, or very few, staff are qualified, with no prospect that the rest will qualify "
        "within 6 months or by the relevant date",
        "staff-qualifications-8",
    ),
    Condition(
        EXCEPTIONAL_CIRCUMSTANCES,
        "Exceptional circumstances apply to the staff qualifications finding",
        "staff-qualifications-8",
        requires=STAFF_UNQUALIFIED,
    ),
    Condition(
        LEADERS_UNAWARE,
        "Leaders and managers do not know the strengths and weaknesses of the home",
        "leaders-and-managers-inadequate-1",
    ),
    Condition(
        NO_CHILDREN_FIRST_INSPECTION,
        "First inspection after registration, and no children are living in the home",
        "no-children-living-in-the-home-1",
        special=True,
    ),
)

CONDITION_KEYS: tuple[str, ...] = tuple(c.key for c in CONDITIONS)
_BY_KEY = {c.key: c for c in CONDITIONS}


def condition(key: str) -> Condition:
    return _BY_KEY[key]


def parse_conditions(values: Iterable[object]) -> frozenset[str]:
    """Known condition keys, checked: unknown names and orphaned modifiers are errors."""
    chosen: set[str] = set()
    for value in values:
        if not isinstance(value, str) or value.strip() not in _BY_KEY:
            shown = str(value)[:40]
            raise InputError(
                f"'{shown}' is not a condition. Use one of: {', '.join(CONDITION_KEYS)}.",
                field="conditions",
                value=str(value),
            )
        chosen.add(value.strip())
    for key in chosen:
        needs = _BY_KEY[key].requires
        if needs is not None and needs not in chosen:
            raise InputError(f"'{key}' only applies together with '{needs}'.", field="conditions", value=key)
    return frozenset(chosen)
