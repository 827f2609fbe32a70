"""Reading the GOV.UK source fixture for the judgement tests: blocks, sentences and criteria.

The fixture is a flattened copy of the page: links became ``[text](#)`` and some paragraphs
are split at old page breaks. A paragraph line that ends without punctuation, followed by a
paragraph line that starts in lower case, is one paragraph split in two, and is re-joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT / "tests" / "fixtures" / "sccif-source.txt"

_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\([^)]*\)")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_INTRO = re.compile(
    r"(is|are) (likely to be|will be) judged .* if\b.*evidence of the following:$|"
    r"will be judged inadequate if there is evidence of the following:$"
)

TITLES = {
    "The overall experiences and progress of children": "overall-experiences",
    "Children's education and learning experience": "education",
    "Children's health": "health",
    "How well children are helped and protected": "helped-and-protected",
    "The effectiveness of leaders and managers": "leaders-and-managers",
}
GRADE_HEADINGS = {
    "Good": "good",
    "Requires improvement to be good": "requires-improvement",
    "Inadequate": "inadequate",
    "Outstanding": "outstanding",
}


def normalise(text: str) -> str:
    """Link text only, straight quotes, single spaces."""
    text = _LINK.sub(lambda m: m.group(1), text).replace("\\(", "(").replace("\\)", ")")
    return " ".join(text.translate(_QUOTES).split())


@dataclass(frozen=True)
class Block:
    text: str
    list_item: bool


def blocks() -> list[Block]:
    """The body's paragraphs, headings and list items, split paragraphs re-joined."""
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    body = lines[lines.index("[Print this page](#)") + 1 : lines.index("[Back to top](#)")]
    out: list[Block] = []
    for line in body:
        if not line.strip():
            continue
        item = line.startswith("- ")
        text = normalise(line[2:] if item else line)
        previous = out[-1] if out else None
        if (
            previous is not None
            and not previous.list_item
            and not item
            and not previous.text.endswith((".", ":", ";", "?", "!", '"', ")"))
            and text[:1].islower()
        ):
            out[-1] = Block(f"{previous.text} {text}", False)
        else:
            out.append(Block(text, item))
    return out


def sentences() -> list[str]:
    """Every sentence of the body (a list item counts as one)."""
    found: list[str] = []
    for block in blocks():
        found += [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z'\"])", block.text) if s]
    return found


def criteria() -> dict[str, dict[str, list[str]]]:
    """For each judgement: 'evidence' bullets and each grade's descriptor blocks, in order."""
    body = blocks()
    texts = [b.text for b in body]
    start = texts.index("Evaluation criteria")
    end = texts.index("Legal context")
    result: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    part: str | None = None
    in_evidence = False
    for block in body[start + 1 : end]:
        if block.text in TITLES and not block.list_item:
            current = result.setdefault(TITLES[block.text], {"evidence": []})
            part, in_evidence = None, False
            continue
        if current is None:
            continue
        if block.text in GRADE_HEADINGS and not block.list_item:
            part, in_evidence = GRADE_HEADINGS[block.text], False
            current.setdefault(part, [])
            continue
        if part is None:
            if block.text == "Areas of required evidence are:":
                in_evidence = True
            elif block.list_item and in_evidence:
                current["evidence"].append(block.text)
            continue
        if _INTRO.search(block.text):
            continue
        current[part].append(block.text)
    return result


def assurance_areas() -> dict[str, list[str]]:
    """The three assurance areas' bullet points, by heading."""
    body = blocks()
    texts = [b.text for b in body]
    start = texts.index("Assurance inspection findings")
    end = texts.index("Reporting findings at assurance inspections")
    areas: dict[str, list[str]] = {}
    heading: str | None = None
    for block in body[start + 1 : end]:
        if not block.list_item:
            heading = (
                block.text
                if block.text
                in (
                    "The care of children",
                    "The safety of children",
                    "The effectiveness of leaders and managers",
                )
                else heading
            )
            continue
        if heading is not None:
            areas.setdefault(heading, []).append(block.text)
    return areas
