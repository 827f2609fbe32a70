"""Timelines as plain JSON-friendly dicts: what ``--format json`` prints and the browser gets."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..citations import cite
from ..dates import format_long
from .model import TYPE_WORDS, Milestone, Timeline, Undated


def source_path(anchor: str) -> str | None:
    """``framework/report/#anchor`` relative to the site root; None if the anchor is unknown."""
    try:
        return cite(anchor).path
    except (KeyError, FileNotFoundError):
        return None


def milestone_dict(milestone: Milestone) -> dict[str, Any]:
    day = date.fromisoformat(milestone.date)
    result: dict[str, Any] = {
        "key": milestone.key,
        "label": milestone.label,
        "type": milestone.type,
        "type_words": TYPE_WORDS[milestone.type],
        "date": milestone.date,
        "date_long": format_long(day),
        "weekday": format_long(day).split(" ")[0],
        "date_from": milestone.date_from,
        "date_to": milestone.date_to,
        "date_from_long": format_long(date.fromisoformat(milestone.date_from))
        if milestone.date_from
        else None,
        "date_to_long": format_long(date.fromisoformat(milestone.date_to)) if milestone.date_to else None,
        "when": when_words(milestone),
        "offset": milestone.offset,
        "after": milestone.after,
        "rule": milestone.rule,
        "source": milestone.source,
        "source_path": source_path(milestone.source),
        "also": [{"anchor": anchor, "path": source_path(anchor)} for anchor in milestone.also],
        "provisional": milestone.provisional,
        "provisional_years": list(milestone.provisional_years),
        "usually": milestone.usually,
        "qualifier": milestone.qualifier,
        "moved_by_holidays": milestone.moved_by_holidays,
        "bank_holidays": [
            {"date": item.day, "date_long": format_long(date.fromisoformat(item.day)), "name": item.name}
            for item in milestone.bank_holidays
        ],
        "falls_on": milestone.falls_on,
        "day": milestone.day,
        "day_to": milestone.day_to,
        "note": milestone.note,
        "status": milestone.status,
        "status_text": milestone.status_text,
        "actor": milestone.actor,
        "reading": milestone.reading,
        "laws": [{"title": law.title, "url": law.url, "words": law.words} for law in milestone.laws],
        "yours": milestone.yours,
    }
    return result


def answer_milestones(timeline: Timeline) -> tuple[Milestone, ...]:
    """The dates the page leads with: the provider's own, or every date when none is the provider's."""
    own = tuple(item for item in timeline.milestones if item.yours)
    return own or timeline.milestones


def export_milestones(timeline: Timeline, *, everything: bool = False) -> tuple[Milestone, ...]:
    """What a calendar or spreadsheet file holds: by default the provider's own dates still to come.

    "Still to come" is on or after the timeline's today (a window: its last day); with no today,
    every one of the provider's dates.
    """
    if everything:
        return timeline.milestones
    today = timeline.today
    return tuple(item for item in answer_milestones(timeline) if today is None or item.date >= today)


def when_words(milestone: Milestone) -> str:
    """ "By Tuesday 15 December 2026", "Between ... and ...", "From ...", "On ..."."""
    if milestone.type == "window" and milestone.date_from and milestone.date_to:
        start, end = date.fromisoformat(milestone.date_from), date.fromisoformat(milestone.date_to)
        return f"Between {format_long(start)} and {format_long(end)}"
    prefix = {"by": "By", "from": "From", "on": "On"}.get(milestone.type, "On")
    return f"{prefix} {format_long(date.fromisoformat(milestone.date))}"


def undated_dict(item: Undated) -> dict[str, Any]:
    return {
        "label": item.label,
        "rule": item.source.words,
        "source": item.source.anchor,
        "source_path": source_path(item.source.anchor),
    }


def timeline_dict(timeline: Timeline) -> dict[str, Any]:
    """The whole timeline: ``kind``, the anchor date, ``milestones`` and the notes used."""
    return {
        "kind": timeline.kind,
        "title": timeline.title,
        "anchor_event": timeline.anchor_event,
        "anchor_label": timeline.anchor_label,
        "anchor_date": timeline.anchor_date,
        "anchor_date_long": format_long(date.fromisoformat(timeline.anchor_date)),
        timeline.anchor_event: timeline.anchor_date,
        "inputs": timeline.inputs,
        "today": timeline.today,
        "today_long": format_long(date.fromisoformat(timeline.today)) if timeline.today else None,
        "extra_non_working": list(timeline.extra),
        "milestones": [milestone_dict(item) for item in timeline.milestones],
        "answer": [item.key for item in answer_milestones(timeline)],
        "undated": [undated_dict(item) for item in timeline.undated],
        "summary": list(timeline.summary),
        "notes": list(timeline.notes),
        "provisional": any(item.provisional for item in timeline.milestones),
    }
