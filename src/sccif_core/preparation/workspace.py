"""A provider's self-evaluation: per item a self-assessment, notes, where the evidence is kept.

The workspace is plain data. The browser keeps it in memory, and on the device (localStorage)
only once the user ticks "Keep my work on this device", checked by ``check`` before each save;
it is exported and imported as Markdown or CSV by
``markdown.py`` and ``csv_format.py``. Every way in goes through ``workspace_from_json`` or the
parsers, which check it and say which item and field is wrong (``InputError``).

Cases are recorded by children's initials only, as inspectors record them
("Inspectors must record the initials of children ...", case-tracking-and-sampling-20).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from .findings import FINDING_KEYS
from .items import items_by_id

FORMAT = "sccif-self-evaluation"
VERSION = 1

NOT_ASSESSED = ""
ASSESSMENTS: tuple[tuple[str, str], ...] = (
    ("strong", "Strong"),
    ("adequate", "Adequate"),
    ("needs-work", "Needs work"),
    ("not-relevant", "Not relevant here"),
)
ASSESSMENT_LABELS: dict[str, str] = {**dict(ASSESSMENTS), NOT_ASSESSED: "Not assessed yet"}
ANSWER_LABELS: dict[str, str] = {"yes": "Yes", "no": "No", "": "Not answered"}

MAX_NOTES = 10_000
MAX_EVIDENCE = 500
MAX_INITIALS = 200
MAX_INITIALS_LETTERS = 3

_SPACES = re.compile(r"\s+")
_INITIALS_SPLIT = re.compile(r"[,;\s]+")
_INITIALS_DROP = re.compile(r"[.\-'\u2019]")


@dataclass(frozen=True, slots=True)
class Entry:
    """What the user recorded for one item."""

    assessment: str = NOT_ASSESSED
    notes: str = ""
    evidence: str = ""  # where the evidence is kept
    initials: str = ""  # cases only: "AB, CD"

    @property
    def empty(self) -> bool:
        return not (self.assessment or self.notes or self.evidence or self.initials)

    def as_dict(self) -> dict[str, str]:
        return {
            "assessment": self.assessment,
            "notes": self.notes,
            "evidence": self.evidence,
            "initials": self.initials,
        }


@dataclass(frozen=True, slots=True)
class Workspace:
    entries: Mapping[str, Entry] = field(default_factory=dict)
    findings: Mapping[str, str] = field(default_factory=dict)  # finding key -> "yes" | "no"

    def entry(self, item_id: str) -> Entry:
        return self.entries.get(item_id, Entry())

    def answer(self, key: str) -> str:
        return self.findings.get(key, "")

    def assessments(self) -> dict[str, str]:
        return {key: entry.assessment for key, entry in self.entries.items() if entry.assessment}

    def as_dict(self) -> dict[str, Any]:
        """The JSON the browser keeps: empty entries and unanswered findings left out."""
        order = list(items_by_id())
        return {
            "format": FORMAT,
            "version": VERSION,
            "items": {
                key: self.entries[key].as_dict()
                for key in sorted(self.entries, key=order.index)
                if not self.entries[key].empty
            },
            "findings": {key: self.findings[key] for key in FINDING_KEYS if self.findings.get(key)},
        }


# --- reading values, as typed or as found in a file ---


def parse_assessment(value: object, *, row: int | None = None, field: str = "assessment") -> str:
    """A self-assessment by key ("needs-work") or label ("Needs work"), any case; "" if none."""
    if value is None:
        return NOT_ASSESSED
    if not isinstance(value, str):
        raise InputError("a self-assessment must be text.", row=row, field=field)
    cleaned = _SPACES.sub(" ", value).strip().lower()
    if cleaned in ("", "not assessed", "not assessed yet"):
        return NOT_ASSESSED
    for key, label in ASSESSMENTS:
        if cleaned in (key, label.lower(), key.replace("-", " ")):
            return key
    if cleaned == "not relevant":
        return "not-relevant"
    raise InputError(
        f"'{_shown(value)}' is not a self-assessment. Use Strong, Adequate, Needs work or Not relevant here, "
        "or leave it empty.",
        row=row,
        field=field,
        value=value,
    )


def parse_answer(value: object, *, row: int | None = None, field: str = "answer") -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError("an answer must be text.", row=row, field=field)
    cleaned = value.strip().lower()
    if cleaned in ("", "not answered"):
        return ""
    if cleaned in ("yes", "y"):
        return "yes"
    if cleaned in ("no", "n"):
        return "no"
    raise InputError(
        f"'{_shown(value)}' is not an answer. Use Yes or No, or leave it empty.",
        row=row,
        field=field,
        value=value,
    )


def clean_text(value: object, *, limit: int, row: int | None, field: str, one_line: bool = False) -> str:
    """Text as the user wrote it, with line endings made plain and outer blank space removed."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError("expected text here.", row=row, field=field)
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if one_line:
        text = _SPACES.sub(" ", text).strip()
    else:
        text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    if len(text) > limit:
        raise InputError(
            f"this is {len(text):,} characters long; the most it can hold is {limit:,}.", row=row, field=field
        )
    return text


def parse_initials(value: object, *, row: int | None = None, field: str = "initials") -> str:
    """Children's initials only, like "AB, CD": never names. Written back in capitals."""
    text = clean_text(value, limit=MAX_INITIALS, row=row, field=field, one_line=True)
    if not text:
        return ""
    tokens = [t for t in _INITIALS_SPLIT.split(text) if t]
    cleaned = []
    for token in tokens:
        letters = _INITIALS_DROP.sub("", token)
        looks_like_a_name = len(letters) >= 3 and letters[0].isupper() and letters[1:].islower()
        if not letters.isalpha() or len(letters) > MAX_INITIALS_LETTERS or looks_like_a_name:
            raise InputError(
                f"'{_shown(token)}' does not look like initials. Write initials only, like AB or JRS, "
                "never a child's name.",
                row=row,
                field=field,
                value=token,
            )
        cleaned.append(letters.upper())
    return ", ".join(cleaned)


def entry_from_fields(
    item_id: str,
    fields: Mapping[str, object],
    *,
    row: int | None = None,
    names: Mapping[str, str] | None = None,
) -> Entry:
    """An entry for a known item, from loosely typed fields; ``names`` maps our names to a file's columns."""
    names = names or {}
    item = items_by_id()[item_id]
    initials = parse_initials(fields.get("initials"), row=row, field=names.get("initials", "initials"))
    if initials and not item.asks_initials:
        raise InputError(
            f"children's initials only go with the cases inspectors may track or sample, not '{item_id}'.",
            row=row,
            field=names.get("initials", "initials"),
        )
    return Entry(
        assessment=parse_assessment(
            fields.get("assessment"), row=row, field=names.get("assessment", "assessment")
        ),
        notes=clean_text(fields.get("notes"), limit=MAX_NOTES, row=row, field=names.get("notes", "notes")),
        evidence=clean_text(
            fields.get("evidence"),
            limit=MAX_EVIDENCE,
            row=row,
            field=names.get("evidence", "evidence"),
            one_line=True,
        ),
        initials=initials,
    )


def check_item_id(value: object, *, row: int | None = None, field: str = "item") -> str:
    if not isinstance(value, str) or value.strip() not in items_by_id():
        raise InputError(
            f"'{_shown(str(value))}' is not an item of this self-evaluation. Was the file changed, or made "
            "by something else?",
            row=row,
            field=field,
            value=str(value),
        )
    return value.strip()


def check_finding_key(value: object, *, row: int | None = None, field: str = "finding") -> str:
    if not isinstance(value, str) or value.strip() not in FINDING_KEYS:
        raise InputError(
            f"'{_shown(str(value))}' is not one of the findings.", row=row, field=field, value=str(value)
        )
    return value.strip()


def workspace_from_json(data: object) -> Workspace:
    """A checked workspace from the JSON the browser keeps (see ``Workspace.as_dict``)."""
    if not isinstance(data, dict):
        raise InputError("the self-evaluation must be a JSON object.", field="workspace")
    if data.get("format", FORMAT) != FORMAT:
        raise InputError("this is not a self-evaluation from this site.", field="format")
    if data.get("version", VERSION) != VERSION:
        raise InputError(
            f"this self-evaluation is version {data.get('version')!r}; this page reads version {VERSION}.",
            field="version",
        )
    raw_items = data.get("items") or {}
    raw_findings = data.get("findings") or {}
    if not isinstance(raw_items, dict):
        raise InputError("items must be an object of item id: entry.", field="items")
    if not isinstance(raw_findings, dict):
        raise InputError("findings must be an object of finding: answer.", field="findings")
    entries: dict[str, Entry] = {}
    for key, fields in raw_items.items():
        item_id = check_item_id(key, field="items")
        if not isinstance(fields, dict):
            raise InputError(f"the entry for '{item_id}' must be an object.", field=item_id)
        entry = entry_from_fields(
            item_id,
            fields,
            names={k: f"{item_id} {k}" for k in ("assessment", "notes", "evidence", "initials")},
        )
        if not entry.empty:
            entries[item_id] = entry
    findings: dict[str, str] = {}
    for key, value in raw_findings.items():
        finding = check_finding_key(key, field="findings")
        answer = parse_answer(value, field=finding)
        if answer:
            findings[finding] = answer
    return Workspace(entries, findings)


def _shown(text: str, limit: int = 40) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
