"""The judgement criteria and assurance descriptors, read from the site's own pages.

The text lives once, in docs/framework/; scripts/extract_framework.py (markdown-it-py)
writes it, with its anchors, into data/framework.json. Nothing here is retyped.
"""

from __future__ import annotations

from typing import Any

from ..citations import framework
from .grades import GOOD, GRADES, JUDGEMENT_KEYS, judgement

# The three areas an assurance inspection looks at, by their headings' anchors.
ASSURANCE_AREAS: tuple[str, ...] = (
    "assurance-care-of-children",
    "assurance-safety-of-children",
    "assurance-leaders-and-managers",
)


def _anchors() -> dict[str, Any]:
    anchors: dict[str, Any] = framework()["anchors"]
    return anchors


def _item(anchor: str, text: str) -> dict[str, Any]:
    kind = str(_anchors().get(anchor, {}).get("kind", "paragraph"))
    return {"anchor": anchor, "text": text, "kind": kind}


def criteria(key: str) -> dict[str, Any]:
    """One judgement's areas of required evidence and its descriptors for each grade."""
    judgement(key)
    raw: dict[str, Any] = framework()["criteria"][key]
    return {
        "key": key,
        "title": raw["title"],
        "source": raw["anchor"],
        "page": raw["page"],
        "evidence": [_item(e["anchor"], e["text"]) for e in raw["evidence"]],
        "descriptors": {
            grade: {
                "source": raw["descriptors"][grade]["anchor"],
                "intro": raw["descriptors"][grade]["intro"],
                "items": [_item(i["anchor"], i["text"]) for i in raw["descriptors"][grade]["items"]],
            }
            for grade in GRADES
        },
    }


def grouped(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Paragraphs with the bullet points that follow them nested under ``points``.

    A descriptor such as health-good-7 ("These promote improved practice and cover:")
    is followed by its list; notes belong to the paragraph, the list is part of it.
    """
    result: list[dict[str, Any]] = []
    for item in items:
        if item["kind"] == "list-item" and result and result[-1]["kind"] == "paragraph":
            result[-1]["points"].append(item)
        else:
            result.append({**item, "points": []})
    return result


def good_descriptors() -> list[dict[str, Any]]:
    """For each judgement, what 'good' looks like: the benchmark inspectors use."""
    out = []
    for key in JUDGEMENT_KEYS:
        data = criteria(key)
        good = data["descriptors"][GOOD]
        out.append(
            {
                "judgement": key,
                "title": data["title"],
                "source": good["source"],
                "intro": good["intro"],
                "descriptors": grouped(good["items"]),
                "evidence": data["evidence"],
            }
        )
    return out


def assurance_areas() -> list[dict[str, Any]]:
    """The three assurance areas with their descriptors, in the framework's order."""
    anchors = _anchors()
    areas = []
    for area in ASSURANCE_AREAS:
        items = []
        n = 1
        while f"{area}-{n}" in anchors:
            items.append({"anchor": f"{area}-{n}", "text": anchors[f"{area}-{n}"]["text"]})
            n += 1
        areas.append({"key": area, "title": anchors[area]["text"], "source": area, "descriptors": items})
    return areas
