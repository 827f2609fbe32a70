"""The summary of a self-evaluation: what needs work, by judgement, and the rules it touches.

It counts and lists; it never turns the self-assessments into a grade. The framework says
the judgement "is not derived from a checklist" (how-inspectors-use-the-evaluation-criteria-1),
and every summary carries that passage.
"""

from __future__ import annotations

from typing import Any

from ..citations import cite
from .findings import prompts, reminders
from .items import NOT_A_CHECKLIST, Group, groups, item_label
from .workspace import ASSESSMENTS, NOT_ASSESSED, Workspace

NO_GRADE = (
    "This summary does not predict a grade, and nothing here adds up to one. It lists what you "
    "marked as needing work and reminds you of rules the framework ties to your answers."
)


def counts(group: Group, workspace: Workspace) -> dict[str, int]:
    """How many items of a group have each self-assessment ("" for not assessed yet)."""
    result = {key: 0 for key, _ in ASSESSMENTS}
    result[NOT_ASSESSED] = 0
    for item in group.items:
        result[workspace.entry(item.id).assessment] += 1
    result["total"] = len(group.items)
    return result


def quoted(anchor: str) -> dict[str, str]:
    citation = cite(anchor)
    return {"text": citation.text, "source": anchor, "source_path": citation.path}


def summary(workspace: Workspace) -> dict[str, Any]:
    """Needs-work items grouped by judgement (then the inspection-day lists), counts, and reminders."""
    out_groups: list[dict[str, Any]] = []
    for group in groups():
        needs_work = []
        for item in group.items:
            entry = workspace.entry(item.id)
            if entry.assessment == "needs-work":
                needs_work.append(
                    {
                        "id": item.id,
                        "label": item_label(item),
                        "text": item.text,
                        "notes": entry.notes,
                        "evidence": entry.evidence,
                        "initials": entry.initials,
                        "source_path": cite(item.id).path,
                    }
                )
        out_groups.append(
            {
                "key": group.key,
                "kind": group.kind,
                "title": group.title,
                "counts": counts(group, workspace),
                "needs_work": needs_work,
            }
        )
    per_group = [counts(group, workspace) for group in groups()]
    total = {key: sum(c[key] for c in per_group) for key in per_group[0]}
    return {
        "groups": out_groups,
        "counts": total,
        "reminders": [_with_quotes(r) for r in reminders(dict(workspace.findings))],
        "prompts": prompts(workspace.assessments(), dict(workspace.findings)),
        "not_a_checklist": [quoted(anchor) for anchor in NOT_A_CHECKLIST],
        "no_grade": NO_GRADE,
    }


def _with_quotes(reminder: dict[str, Any]) -> dict[str, Any]:
    """The same passage often holds a hard limit and a tendency: quote it once, list both."""
    quotes: list[dict[str, Any]] = []
    for rule in [*reminder["rules"], *reminder["exceptions"]]:
        exception = rule in reminder["exceptions"]
        found = next(
            (
                q
                for q in quotes
                if q["text"] == rule["text"] and q["source"] == rule["source"] and q["exception"] == exception
            ),
            None,
        )
        if found is None:
            found = {
                "text": rule["text"],
                "source": rule["source"],
                "source_path": rule["source_path"],
                "exception": exception,
                "rules": [],
            }
            quotes.append(found)
        found["rules"].append(
            {"id": rule["id"], "kind": rule["kind"], "strength": rule["strength"], "summary": rule["summary"]}
        )
    return {**reminder, "quotes": quotes}
