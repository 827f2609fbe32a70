"""What a provider prepares against, as items that each point at one passage of the framework.

Nothing here is retyped. The items are built from ``data/framework.json`` (extracted from the
site's own pages by scripts/extract_framework.py):

* for each judgement, its areas of required evidence and its "good" descriptors, through the
  judgement engine's criteria (``sccif_core.judgements.criteria``);
* for inspection day, the three lists the framework sets out. Each is named here only by the
  anchor of the sentence that introduces it ("Specifically, inspectors want to assure
  themselves that:"); its items are the list items that follow that sentence in the text.

An item's id is the anchor of its passage, so it is stable across text corrections
(CONTRIBUTING.md: an id never changes once published).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from ..citations import cite, framework
from ..judgements.criteria import criteria, grouped
from ..judgements.grades import GOOD, JUDGEMENT_KEYS

GroupKind = Literal["judgement", "inspection-day"]
ItemKind = Literal["evidence", "good", "annex-a", "manager-interview", "case"]

_NUMBERED = re.compile(r"(?P<section>.+)-(?P<n>[0-9]+)")


@dataclass(frozen=True, slots=True)
class Point:
    """A bullet point that belongs to an item's paragraph (e.g. health-good-8 under health-good-7)."""

    anchor: str
    text: str


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to self-assess: a passage of the framework, by its anchor."""

    id: str  # the anchor of the passage; also the key in a workspace
    kind: ItemKind
    group: str  # the group's key
    part: str  # the part's key
    number: int  # 1-based position in its part, for people ("Area 3")
    text: str  # the framework's words at the anchor
    points: tuple[Point, ...] = ()
    asks_initials: bool = False  # cases: the user may list children's initials (initials only)

    @property
    def anchor(self) -> str:
        return self.id


@dataclass(frozen=True, slots=True)
class Part:
    """A list within a group: e.g. the areas of required evidence of one judgement."""

    key: str
    title: str  # our plain words, for a heading
    lead: str | None  # anchor of the framework's sentence that introduces the list
    source: str  # anchor to link to for the whole list
    items: tuple[Item, ...]

    @property
    def lead_text(self) -> str:
        return cite(self.lead).text if self.lead else ""


@dataclass(frozen=True, slots=True)
class Group:
    """A judgement, or one of the lists for inspection day."""

    key: str
    kind: GroupKind
    title: str  # the framework's title for a judgement; our plain words for a list
    source: str  # anchor of the heading this group comes from
    parts: tuple[Part, ...]
    notes: tuple[str, ...] = ()  # anchors of framework passages shown with the group
    site_note: str = ""  # our words, shown as such (e.g. "no separate list")

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for part in self.parts for item in part.items)


@dataclass(frozen=True, slots=True)
class DayList:
    """One of the inspection-day lists, named by the sentence that introduces it."""

    key: str
    kind: ItemKind
    title: str  # our plain words
    part_title: str  # our plain words
    source: str  # heading anchor
    lead: str  # anchor of the introducing sentence
    also: tuple[str, ...] = ()  # further passages that are items too (not in the list itself)
    notes: tuple[str, ...] = ()
    asks_initials: bool = False


# The lists the framework sets out for inspection day, by the sentence that introduces each.
DAY_LISTS: tuple[DayList, ...] = (
    DayList(
        key="annex-a",
        kind="annex-a",
        title="Annex A: what inspectors want to be assured of",
        part_title="Lines of enquiry from Annex A",
        source="request-for-information-at-an-inspection",
        # "Inspectors use Annex A data to generate lines of enquiry ... inspectors want to assure
        # themselves that:"
        lead="request-for-information-at-an-inspection-4",
        notes=("request-for-information-at-an-inspection-3",),
    ),
    DayList(
        key="manager-interview",
        kind="manager-interview",
        title="The interview with the registered manager",
        part_title="What the interview usually covers",
        source="discussions-with-managers-and-staff",
        lead="discussions-with-managers-and-staff-8",  # "The interview with the registered manager usually covers:"
    ),
    DayList(
        key="cases",
        kind="case",
        title="Cases inspectors may track or sample",
        part_title="Cases that may be tracked or sampled",
        source="case-tracking-and-sampling",
        lead="case-tracking-and-sampling-8",  # "Tracked and sampled cases ... may include, where relevant:"
        # "Inspectors also usually assess the management of a recent serious incident (where relevant)."
        also=("case-tracking-and-sampling-15",),
        # "Inspectors must record the initials of children ... tracked, sampled and/or interviewed"
        notes=("case-tracking-and-sampling-20",),
        asks_initials=True,
    ),
)

# Shown with every self-evaluation: the judgement is not a checklist, some criteria matter
# less in some settings, and it is professional judgement ("best fit").
NOT_A_CHECKLIST: tuple[str, ...] = (
    "how-inspectors-use-the-evaluation-criteria-1",
    "how-inspectors-use-the-evaluation-criteria-2",
    "how-inspectors-use-the-evaluation-criteria-3",
    "how-inspectors-use-the-evaluation-criteria-4",
)
# Why preparing is worth it, in the framework's words.
WHY_PREPARE = "the-focus-of-inspections-4"

NO_EVIDENCE_LIST = (
    "The framework gives no separate list of areas of required evidence for this judgement, "
    "so only its \u2018good\u2019 descriptors are listed here."
)


def list_after(lead: str) -> tuple[str, ...]:
    """The anchors of the list items that follow the sentence ``lead`` in its section."""
    anchors: dict[str, Any] = framework()["anchors"]
    match = _NUMBERED.fullmatch(lead)
    if match is None or lead not in anchors:
        raise KeyError(f"'{lead}' is not a numbered framework passage")
    section, n = match["section"], int(match["n"])
    found: list[str] = []
    while True:
        n += 1
        anchor = f"{section}-{n}"
        entry = anchors.get(anchor)
        if entry is None or entry.get("kind") != "list-item":
            break
        found.append(anchor)
    if not found:
        raise KeyError(f"no list follows '{lead}' in the framework")
    return tuple(found)


def _judgement_group(key: str) -> Group:
    data = criteria(key)
    parts: list[Part] = []
    evidence = data["evidence"]
    if evidence:
        evidence_heading = f"{key}-evidence"
        parts.append(
            Part(
                key=evidence_heading,
                title="Areas of required evidence",
                lead=f"{evidence_heading}-intro"
                if f"{evidence_heading}-intro" in framework()["anchors"]
                else None,
                source=evidence_heading,
                items=tuple(
                    Item(
                        id=e["anchor"],
                        kind="evidence",
                        group=key,
                        part=evidence_heading,
                        number=i,
                        text=e["text"],
                    )
                    for i, e in enumerate(evidence, start=1)
                ),
            )
        )
    good = data["descriptors"][GOOD]
    good_items = grouped(good["items"])
    parts.append(
        Part(
            key=good["source"],
            title="What \u2018good\u2019 looks like",
            lead=good["intro"]["anchor"] if good.get("intro") else None,
            source=good["source"],
            items=tuple(
                Item(
                    id=d["anchor"],
                    kind="good",
                    group=key,
                    part=good["source"],
                    number=i,
                    text=d["text"],
                    points=tuple(Point(p["anchor"], p["text"]) for p in d["points"]),
                )
                for i, d in enumerate(good_items, start=1)
            ),
        )
    )
    return Group(
        key=key,
        kind="judgement",
        title=data["title"],
        source=data["source"],
        parts=tuple(parts),
        site_note="" if evidence else NO_EVIDENCE_LIST,
    )


def _day_group(spec: DayList) -> Group:
    anchors = (*list_after(spec.lead), *spec.also)
    items = tuple(
        Item(
            id=anchor,
            kind=spec.kind,
            group=spec.key,
            part=spec.key,
            number=i,
            text=cite(anchor).text,
            asks_initials=spec.asks_initials,
        )
        for i, anchor in enumerate(anchors, start=1)
    )
    part = Part(key=spec.key, title=spec.part_title, lead=spec.lead, source=spec.source, items=items)
    return Group(
        key=spec.key,
        kind="inspection-day",
        title=spec.title,
        source=spec.source,
        parts=(part,),
        notes=spec.notes,
    )


@cache
def groups() -> tuple[Group, ...]:
    """Every group, judgements first (in the framework's order), then the inspection-day lists."""
    return tuple(_judgement_group(key) for key in JUDGEMENT_KEYS) + tuple(_day_group(s) for s in DAY_LISTS)


@cache
def items_by_id() -> dict[str, Item]:
    return {item.id: item for group in groups() for item in group.items}


@cache
def group_by_key() -> dict[str, Group]:
    return {group.key: group for group in groups()}


def item_label(item: Item) -> str:
    """Short words for an item, for headings and tables: "Area of required evidence 3"."""
    words = {
        "evidence": "Area of required evidence",
        "good": "\u2018Good\u2019 descriptor",
        "annex-a": "Annex A line of enquiry",
        "manager-interview": "Interview topic",
        "case": "Case type",
    }[item.kind]
    return f"{words} {item.number}"
