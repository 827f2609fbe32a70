"""The sentences the CLI and the site both show, kept apart from the logic.

Our own words only frame the result; every rule is still shown in the framework's words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .engine import Evaluation, Outlook, triggers
from .grades import GRADES, NOT_JUDGED, OVERALL, judgement, label
from .rules import RULES, Rule

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


def _name(key: str) -> str:
    return "the overall grade" if key == OVERALL else f"the {judgement(key).short.lower()} grade"


def can_be(outlook: Outlook) -> str:
    """The answer first: "The overall grade can be: requires improvement to be good or inadequate."."""
    name = _name(outlook.judgement)
    if outlook.no_judgement:
        return f"{name[0].upper()}{name[1:]}: no judgement is made."
    line = f"{name[0].upper()}{name[1:]} can be: {'any grade' if outlook.allowed == GRADES else grade_list(outlook.allowed)}."
    if outlook.usual != outlook.allowed:
        line += f" Usually {grade_list(outlook.usual)}."
    return line


def consequence(rule: Rule) -> str:
    """What a rule does to the judgement it limits, in a few plain words, e.g. beside the choice that set it off."""
    name = " and ".join(_name(key) for key in rule.constrains)
    grade = label(rule.grade) if rule.grade else ""
    if rule.effect == "exact":
        if rule.strength == "always":
            return f"So {name} can only be {grade}."
        usually = "usually" if rule.signal == "usually" else "likely to be"
        return f"So {name} is {usually} {grade}. A tendency: it rules no grade out."
    if rule.effect == "cap":
        if rule.strength == "always":
            return f"So {name} can be at most {grade}."
        return f"So {name} is unlikely to be better than {grade}. A tendency: it rules no grade out."
    if rule.effect == "no-judgement":
        return "So no judgement is made."
    if rule.effect == "not-judged":
        return "So the report section shows as 'not judged'."
    return f"So {name} can be judged {grade}, in exceptional circumstances: no hard limit applies."


def control_effects(result: Evaluation) -> dict[str, dict[str, Any]]:
    """For each grade given and finding ticked: what it does, to show beside that control.

    ``rules``: the ids of the binding rules it set off (each shown with its ``consequence``);
    ``given``: for a judgement, whether its own grade is within the limits; ``idle``: why it
    sets no limit, when it sets none.
    """
    known = result.facts
    effects: dict[str, dict[str, Any]] = {}
    for key in [*known.grades, *sorted(known.conditions)]:
        caused = [rule.id for rule in result.rules if key in triggers(rule, known)]
        outlook = result.outlooks.get(key)
        given = (
            outlook_sentences(outlook)[-1]
            if outlook and outlook.given and (outlook.limits or outlook.tendencies)
            else None
        )
        idle = None if caused or given else _idle(key, known.grades.get(key))
        effects[key] = {"rules": caused, "given": given, "idle": idle}
    return effects


def _idle(key: str, grade: str | None) -> str:
    """Why a choice limits nothing: the rules about it need something else."""
    about = [
        rule for rule in RULES if any(j == key for j, _ in rule.when_any_grade) or key in rule.when_conditions
    ]
    if not about:
        return "No rule ties this to another judgement: it is taken into account, by best fit."
    if grade is not None:
        grades = [g for rule in about for j, g in rule.when_any_grade if j == key and g in GRADES]
        if not grades:
            return "No rule ties this grade to another judgement: it is taken into account, by best fit."
        if grade not in grades:
            return f"No limit: this limits another judgement only when it is {grade_list(tuple(dict.fromkeys(grades)))}."
        return "No limit on its own: it sets one only together with a finding below."
    needs = [(j, g) for rule in about for j, g in rule.when_any_grade]
    if needs:
        either = " or ".join(f"{judgement(j).short.lower()} is {label(g)}" for j, g in dict.fromkeys(needs))
        return f"No limit on its own: it sets one when {either}."
    return "No limit on its own."
