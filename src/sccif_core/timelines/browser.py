"""The timeline functions the browser's worker calls: form fields in, plain JSON out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import InputError
from .export import CSV_MIME, ICS_MIME, filename, to_csv, to_ics
from .kinds import KINDS, compute
from .model import Timeline
from .results import timeline_dict


def _timeline(payload: dict[str, Any]) -> Timeline:
    kind = payload.get("kind")
    if not isinstance(kind, str) or not kind.strip():
        raise InputError("choose what happened.", field="kind")
    return compute(kind.strip(), payload)


def _compute(payload: dict[str, Any]) -> dict[str, Any]:
    return timeline_dict(_timeline(payload))


def _ics(payload: dict[str, Any]) -> dict[str, str]:
    timeline = _timeline(payload)
    base_url = payload.get("base_url")
    base = base_url if isinstance(base_url, str) else ""
    return {
        "filename": filename(timeline, "ics"),
        "mime": ICS_MIME,
        "content": to_ics(timeline, base_url=base),
    }


def _csv(payload: dict[str, Any]) -> dict[str, str]:
    timeline = _timeline(payload)
    return {"filename": filename(timeline, "csv"), "mime": CSV_MIME, "content": to_csv(timeline)}


def _kinds(payload: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "key": kind.key,
            "title": kind.title,
            "question": kind.question,
            "fields": [
                {
                    "name": field.name,
                    "label": field.label,
                    "type": field.type,
                    "required": field.required,
                    "hint": field.hint,
                    "choices": list(field.choices),
                }
                for field in kind.fields
            ],
        }
        for kind in KINDS.values()
    ]


BROWSER_FUNCTIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "timeline.compute": _compute,
    "timeline.ics": _ics,
    "timeline.csv": _csv,
    "timeline.kinds": _kinds,
}
"""The browser's timeline functions: ``{"kind": "full", "end": "19/11/2026", "today": ...}``."""
