"""The timeline functions the browser's worker calls: form fields in, plain JSON out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import InputError
from .export import CSV_MIME, ICS_MIME, filename, to_csv, to_ics
from .kinds import KINDS, compute
from .model import Timeline
from .results import export_milestones, timeline_dict


def _timeline(payload: dict[str, Any]) -> Timeline:
    kind = payload.get("kind")
    if not isinstance(kind, str) or not kind.strip():
        raise InputError("choose what happened.", field="kind")
    return compute(kind.strip(), payload)


def _compute(payload: dict[str, Any]) -> dict[str, Any]:
    return timeline_dict(_timeline(payload))


def _everything(payload: dict[str, Any]) -> bool:
    """The page's "every date" box: ticked is ``true`` (or "yes"); otherwise the provider's own dates."""
    value = payload.get("everything")
    return value is True or value == "yes"


def _download(payload: dict[str, Any], extension: str) -> dict[str, Any]:
    """One shape for every file the core makes ({filename, mime, text}), and how many dates it holds."""
    timeline = _timeline(payload)
    everything = _everything(payload)
    base_url = payload.get("base_url")
    base = base_url if isinstance(base_url, str) else ""
    text = (
        to_ics(timeline, base_url=base, everything=everything)
        if extension == "ics"
        else to_csv(timeline, everything=everything)
    )
    return {
        "filename": filename(timeline, extension),
        "mime": ICS_MIME if extension == "ics" else CSV_MIME,
        "text": text,
        "count": len(export_milestones(timeline, everything=everything)),
        "everything": everything,
    }


def _ics(payload: dict[str, Any]) -> dict[str, Any]:
    return _download(payload, "ics")


def _csv(payload: dict[str, Any]) -> dict[str, Any]:
    return _download(payload, "csv")


def _kinds(payload: dict[str, Any]) -> list[dict[str, object]]:
    return [kind.describe() for kind in KINDS.values()]


BROWSER_FUNCTIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "timeline.compute": _compute,
    "timeline.ics": _ics,
    "timeline.csv": _csv,
    "timeline.kinds": _kinds,
}
"""The browser's timeline functions: ``{"kind": "full", "end": "19/11/2026", "today": ...}``."""
