"""The sentences the CLI and the site both show, kept apart from the logic.

Our own words only frame the result; every rule is still shown in the framework's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from .engine import Evaluation, Outlook
from .grades import GRADES, NOT_JUDGED, judgement, label

BEST_FIT = (
    "This shows the limits the framework sets, not a predicted grade. Inspectors reach each judgement "
    "by 'best fit': it is a professional evaluation, not a checklist."
)
HARD = "a hard limit (always)"
TENDENCY = "a tendency (usually), not a limit"


def grade_list(grades: Sequence[str], joiner: str = "or") -> str:
    names = [label(g) for g in grades]
    if not names:
        return "none"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {joiner} {names[-1]}"


def outlook_sentences(outlook: Outlook) -> list[str]:
    """Plain sentences for one judgement: what is allowed, what is usual, and the given grade."""
    name = judgement(outlook.judgement).short
    if outlook.no_judgement:
        lines = [f"{name}: no judgement is made (hard limit)."]
    elif outlook.allowed == GRADES and not outlook.tendencies:
        lines = [f"{name}: no rule limits this judgement; any grade is possible by best fit."]
    else:
        if outlook.allowed == GRADES:
            lines = [f"{name}: no hard limit; any grade is possible."]
        else:
            lines = [f"{name} can only be {grade_list(outlook.allowed)}: {HARD}."]
        if outlook.usual != outlook.allowed:
            lines.append(f"Usually {grade_list(outlook.usual)}: {TENDENCY}.")
    given = outlook.given
    if given is not None and given != NOT_JUDGED:
        if not outlook.allowed:
            lines.append(f"You gave '{label(given)}', but no judgement is made in this case.")
        elif given not in outlook.allowed:
            lines.append(f"You gave '{label(given)}': a hard limit rules this out.")
        elif given not in outlook.usual:
            lines.append(
                f"You gave '{label(given)}': possible, though the framework says it is not the usual "
                "grade here."
            )
        else:
            lines.append(f"You gave '{label(given)}': within the limits.")
    elif given == NOT_JUDGED:
        lines.append("You gave 'not judged'.")
    return lines


def summary_lines(result: Evaluation) -> list[str]:
    return outlook_sentences(result.overall) + outlook_sentences(result.leadership)
