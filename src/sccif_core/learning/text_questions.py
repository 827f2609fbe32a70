"""Questions from the framework's text and criteria data: "Which part of the framework says this?"

* ``section``: a passage is quoted; which of a step's sections is it from? The answer is the
  section ``data/framework.json`` records for the passage's anchor.
* ``criteria``: an area of required evidence or a "good" descriptor is quoted; which
  judgement's criteria hold it? The answer is looked up in the criteria data by anchor.

Only passages whose words appear once among the choices are asked about, so every question
has exactly one right answer.
"""

from __future__ import annotations

import random
from functools import cache
from typing import Any

from ..citations import cite, framework
from ..judgements.criteria import criteria, grouped
from ..judgements.grades import GOOD, JUDGEMENT_KEYS
from .model import Answer, Question

# The sections a step asks about, by heading anchor, in the framework's order.
SECTION_SETS: dict[str, tuple[str, ...]] = {
    "principles": (
        "focus-on-what-matters-most",
        "consistent-expectations",
        "prioritise-where-improvement-is-needed",
        "the-focus-of-inspections",
    ),
    # Not the three types of inspection: their passages name their own section ("a full
    # inspection is carried out ..."), which would give the answer away.
    "types": (
        "notice-of-inspection",
        "request-for-information-at-an-inspection",
        "frequency-of-inspections",
        "length-of-inspection",
    ),
    "on-site": (
        "case-tracking-and-sampling",
        "listening-and-talking-to-children",
        "discussions-with-managers-and-staff",
        "examining-records-policies-and-procedures",
        "end-of-the-inspection-and-feedback",
    ),
    "requirements": ("requirements", "recommendations", "compliance-notices-and-enforcement-action"),
    "special": (
        "checks-on-responsible-individuals",
        "no-children-living-in-the-home",
        "homes-with-no-registered-manager",
        "homes-for-disabled-children",
        "approval-of-secure-childrens-homes",
    ),
    "young-adults": (
        "inspecting-homes-where-young-adults-live",
        "wholly-or-mainly-guidelines",
        "enforcing-wholly-or-mainly",
    ),
    # Not "Closed cultures": each of its opening passages says "closed culture", giving it away.
    "safeguarding": ("the-prevent-duty", "female-genital-mutilation", "controlled-drugs"),
}
MIN_LENGTH = 60  # shorter passages (list fragments) are too bare to place
# Only a section's opening passages: they say what the section is about. Later ones are often
# general ("Inspectors can contact the RIM ...") and could sit in any of the sections.
OPENING = 4
_KIND_WORDS = {
    "evidence": "an area of required evidence",
    "good": "a \u2018good\u2019 descriptor",
}  # shorter passages (list fragments) are too bare to place


@cache
def section_passages(choices: tuple[str, ...]) -> tuple[str, ...]:
    """Anchors of the passages in ``choices`` that can be asked about: long enough, and unique."""
    anchors: dict[str, Any] = framework()["anchors"]
    found = [
        anchor
        for anchor, entry in anchors.items()
        if entry.get("section") in choices
        and entry.get("kind") in ("paragraph", "list-item")
        and len(str(entry.get("text", ""))) >= MIN_LENGTH
        and _position(anchor, str(entry["section"])) <= OPENING
    ]
    texts = [anchors[a]["text"] for a in found]
    return tuple(
        sorted(
            a
            for a in found
            if texts.count(anchors[a]["text"]) == 1
            and not _ends_mid_list(anchors[a]["text"])
            and not _gives_away(anchors[a]["text"], str(anchors[a]["section"]), choices)
        )
    )


def _ends_mid_list(text: str) -> bool:
    """ "This will be either:": the words lead into a list the quote leaves out."""
    return text.rstrip().endswith(":")


def _title_words(section: str) -> str:
    return str(framework()["anchors"][section]["text"]).lower().rstrip("s")


def _gives_away(text: str, section: str, choices: tuple[str, ...]) -> bool:
    """The passage says its own section's title ("monitoring inspection") and no other choice's."""
    lower = text.lower()
    others = [c for c in choices if c != section and _title_words(c) in lower]
    return _title_words(section) in lower and not others


def _position(anchor: str, section: str) -> int:
    tail = anchor[len(section) + 1 :]
    return int(tail) if tail.isdigit() else 10**6


def make_section(kind: str, rng: random.Random, step: int, seed: int, number: int) -> Question:
    choices = SECTION_SETS[kind.split(":", 1)[1]]
    section = rng.choice(
        [
            c
            for c in choices
            if any(framework()["anchors"][a]["section"] == c for a in section_passages(choices))
        ]
    )
    anchor = rng.choice(
        [a for a in section_passages(choices) if framework()["anchors"][a]["section"] == section]
    )
    options = tuple((c, cite(c).text) for c in choices)
    return Question(
        step,
        seed,
        number,
        kind,
        "Which part of the framework says this?",
        options,
        quote=(cite(anchor).text, anchor),
        facts=(("anchor", anchor), ("choices", ",".join(choices))),
    )


def answer_section(question: Question) -> Answer:
    anchor = question.fact("anchor")
    section = str(framework()["anchors"][anchor]["section"])
    title = cite(section).text
    return Answer(
        (section,),
        f"It is from \u201c{title}\u201d.",
        ((cite(anchor).text, anchor),),
        (f"Read the whole section: \u201c{title}\u201d.",),
    )


@cache
def criteria_passages() -> tuple[tuple[str, str, str], ...]:
    """(anchor, judgement, "evidence" or "good") for every criterion that can be asked about."""
    found: list[tuple[str, str, str]] = []
    for key in JUDGEMENT_KEYS:
        data = criteria(key)
        found += [(e["anchor"], key, "evidence") for e in data["evidence"]]
        found += [(d["anchor"], key, "good") for d in grouped(data["descriptors"][GOOD]["items"])]
    texts = [cite(anchor).text for anchor, _, _ in found]
    return tuple(
        item
        for item, text in zip(found, texts, strict=True)
        if texts.count(text) == 1 and len(text) >= MIN_LENGTH and not _about_another(text, item[1])
    )


# Words that name what another judgement is about. A criterion of one judgement that uses them
# (the overall judgement's bullets on education and health) could be right for that other
# judgement too, and only the page's layout would say otherwise: such criteria are not asked.
SUBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "education": ("education", "learn", "teaching"),
    "health": ("health",),
}


def _about_another(text: str, judgement_key: str) -> bool:
    lower = text.lower()
    return any(
        word in lower for key, words in SUBJECT_WORDS.items() if key != judgement_key for word in words
    )


def make_criteria(kind: str, rng: random.Random, step: int, seed: int, number: int) -> Question:
    judgement = rng.choice(JUDGEMENT_KEYS)
    anchor, _, what = rng.choice([p for p in criteria_passages() if p[1] == judgement])
    words = (
        "area of required evidence"
        if what == "evidence"
        else "description of what \u2018good\u2019 looks like"
    )
    options = tuple((key, criteria(key)["title"]) for key in JUDGEMENT_KEYS)
    return Question(
        step,
        seed,
        number,
        kind,
        f"Which judgement's criteria include this {words}?",
        options,
        quote=(cite(anchor).text, anchor),
        facts=(("anchor", anchor),),
    )


def answer_criteria(question: Question) -> Answer:
    anchor = question.fact("anchor")
    owners = []
    for key in JUDGEMENT_KEYS:
        data = criteria(key)
        for what, items in (("evidence", data["evidence"]), ("good", data["descriptors"][GOOD]["items"])):
            if any(i["anchor"] == anchor for i in items):
                owners.append((key, what, data["title"]))
    keys = tuple(dict.fromkeys(key for key, _, _ in owners))
    described = "; ".join(f"{_KIND_WORDS[what]} for \u201c{title}\u201d" for _, what, title in owners)
    return Answer(keys, f"It is {described}.", ((cite(anchor).text, anchor),))
