"""The framework's sentences, read from the repo copy of the source text (test helper)."""

from __future__ import annotations

import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "fixtures" / "sccif-source.txt"

# A time limit or period: units of time, frequencies, "within", "every", "until", named dates.
# "day-to-day" (everyday) is the one phrase left out: it never names a period.
TIME = re.compile(
    r"\b(working days?|(?<!-)days?(?!-to-)|weeks?|weekly|months?|monthly|years?|year-long|annual(ly)?|every|"
    r"within|until|timescales?|timeframe|\d{1,2} (January|February|March|April|May|June|July|"
    r"August|September|October|November|December))\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"\[([^\]]*)\]\((#|[^)]*)\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'(\[])")


def normalise(text: str) -> str:
    """Lower case, quotes straightened, every run of other characters one space."""
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def body_lines() -> list[str]:
    """The body of the guidance: after "Print this page", up to the annex's "See Figure 1"."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "[Print this page](#)") + 1
    end = next(i for i, line in enumerate(lines) if line.strip().startswith("[See Figure 1.]"))
    return lines[start:end]


def paragraphs() -> list[str]:
    """Paragraphs, list items and table cells, with paragraphs split by page breaks re-joined."""
    units: list[str] = []
    for raw in body_lines():
        line = _LINK.sub(r"\1", raw.strip()).replace("\\(", "(").replace("\\)", ")")
        if not line:
            continue
        bullet = line.startswith("- ")
        if bullet:
            line = line[2:]
        cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
        continues = (
            units
            and not re.search(r"[.:;!?\"”)]$", units[-1])
            and (cells[0][:1].islower() or cells[0][:1] == "(")
            and "\t" not in raw
            and not bullet
        )
        if continues:
            units[-1] = f"{units[-1]} {cells[0]}"
            continue
        units.extend(cells)
    return units


def sentences() -> list[str]:
    """Every sentence of the body (a table cell or list item counts as one sentence at least)."""
    found: list[str] = []
    for unit in paragraphs():
        found.extend(part.strip() for part in _SENTENCE_END.split(unit) if part.strip())
    return found


def time_sentences() -> list[str]:
    """The sentences that mention a period of time or a time limit."""
    return list(dict.fromkeys(sentence for sentence in sentences() if TIME.search(sentence)))
