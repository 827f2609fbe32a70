"""The learning path's functions for the browser worker: JSON-friendly in and out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..payload import whole_number
from .path import STEPS, links
from .questions import check, question
from .review import records_from_json, review_order


def _path(_payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "steps": [
            {
                "number": s.number,
                "key": s.key,
                "title": s.title,
                "aim": s.aim,
                "read": links(s),
                "checks": list(s.checks),
            }
            for s in STEPS
        ],
    }


def _question(payload: dict[str, Any]) -> dict[str, Any]:
    return question(
        whole_number(payload, "step"), whole_number(payload, "seed"), whole_number(payload, "number")
    ).as_dict()


def _check(payload: dict[str, Any]) -> dict[str, Any]:
    item = question(
        whole_number(payload, "step"), whole_number(payload, "seed"), whole_number(payload, "number")
    )
    return check(item, payload.get("answer"))


def _review(payload: dict[str, Any]) -> list[dict[str, Any]]:
    limit = payload.get("limit")
    order = review_order(records_from_json(payload.get("history", [])))
    if isinstance(limit, int) and not isinstance(limit, bool) and limit >= 0:
        order = order[:limit]
    return [due.as_dict() for due in order]


BROWSER_FUNCTIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "learn.path": _path,
    "learn.question": _question,
    "learn.check": _check,
    "learn.review": _review,
}
