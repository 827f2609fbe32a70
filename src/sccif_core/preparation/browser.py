"""The self-evaluation's functions for the browser worker: JSON-friendly in and out.

The page holds the workspace; these functions only describe the items, summarise, and turn
a workspace into a file and a file back into a workspace. Nothing is stored here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..citations import cite
from ..dates import parse_date
from ..errors import InputError
from .csv_format import read_csv, write_csv
from .findings import ANSWERS, FINDINGS
from .items import NOT_A_CHECKLIST, WHY_PREPARE, Group, Item, groups, item_label
from .markdown import FORMAT_LINE, read_markdown, write_markdown
from .summary import quoted, summary
from .workspace import ASSESSMENTS, MAX_EVIDENCE, MAX_INITIALS, MAX_NOTES, Workspace, workspace_from_json

MAX_FILE_CHARS = 2_000_000


def _item(item: Item) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "label": item_label(item),
        "number": item.number,
        "text": item.text,
        "source_path": cite(item.id).path,
        "points": [{"anchor": p.anchor, "text": p.text} for p in item.points],
        "asks_initials": item.asks_initials,
    }


def _group(group: Group) -> dict[str, Any]:
    return {
        "key": group.key,
        "kind": group.kind,
        "title": group.title,
        "source": group.source,
        "source_path": cite(group.source).path,
        "site_note": group.site_note,
        "notes": [quoted(anchor) for anchor in group.notes],
        "parts": [
            {
                "key": part.key,
                "title": part.title,
                "lead": quoted(part.lead) if part.lead else None,
                "source_path": cite(part.source).path,
                "items": [_item(item) for item in part.items],
            }
            for part in group.parts
        ],
    }


def structure(_payload: dict[str, Any]) -> dict[str, Any]:
    """Everything the page needs to draw the workspace, from the framework's own text."""
    return {
        "groups": [_group(group) for group in groups()],
        "assessments": [{"key": key, "label": label} for key, label in ASSESSMENTS],
        "findings": [
            {
                "key": f.key,
                "question": f.question,
                "source": f.source,
                "source_path": cite(f.source).path,
                "related": list(f.related),
            }
            for f in FINDINGS
        ],
        "answers": [{"key": key, "label": label} for key, label in ANSWERS],
        "not_a_checklist": [quoted(anchor) for anchor in NOT_A_CHECKLIST],
        "why_prepare": quoted(WHY_PREPARE),
        "limits": {
            "notes": MAX_NOTES,
            "evidence": MAX_EVIDENCE,
            "initials": MAX_INITIALS,
            "file": MAX_FILE_CHARS,
        },
    }


def _workspace(payload: dict[str, Any]) -> Workspace:
    return workspace_from_json(payload.get("workspace") or {})


def _text(payload: dict[str, Any], field: str, default: str = "") -> str:
    value = payload.get(field, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise InputError(f"{field} must be text.", field=field)
    return value


def check(payload: dict[str, Any]) -> dict[str, Any]:
    """The workspace checked and tidied (as the page keeps and saves it)."""
    return _workspace(payload).as_dict()


def summarise(payload: dict[str, Any]) -> dict[str, Any]:
    return summary(_workspace(payload))


def _today(payload: dict[str, Any]) -> str | None:
    today = _text(payload, "today")
    return parse_date(today, field="today").isoformat() if today.strip() else None


def _file(today: str | None, extension: str, mime: str, text: str) -> dict[str, str]:
    """The one shape of every file the core makes for the page: {filename, mime, text}."""
    name = f"sccif-self-evaluation-{today}" if today else "sccif-self-evaluation"
    return {"filename": f"{name}.{extension}", "mime": mime, "text": text}


def export_markdown(payload: dict[str, Any]) -> dict[str, str]:
    today = _today(payload)
    text = write_markdown(_workspace(payload), base_url=_text(payload, "base_url"), exported=today)
    return _file(today, "md", "text/markdown;charset=utf-8", text)


def export_csv(payload: dict[str, Any]) -> dict[str, str]:
    today = _today(payload)
    return _file(
        today,
        "csv",
        "text/csv;charset=utf-8",
        write_csv(_workspace(payload), base_url=_text(payload, "base_url")),
    )


def sniff(text: str, name: str = "") -> str:
    """'markdown' or 'csv': by the file's name, else by what it starts with."""
    lowered = name.lower()
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith((".md", ".markdown", ".txt")):
        return "markdown"
    head = text.lstrip("\ufeff")[:4000]
    if FORMAT_LINE in head or head.startswith("#"):
        return "markdown"
    return "csv"


def import_file(payload: dict[str, Any]) -> dict[str, Any]:
    """A file's text (Markdown or CSV, as exported) read back into a checked workspace."""
    text = _text(payload, "text")
    name = _text(payload, "name")
    if len(text) > MAX_FILE_CHARS:
        raise InputError("the file is too big to be a self-evaluation.", field="file")
    if not text.strip():
        raise InputError("the file is empty.", field="file")
    kind = sniff(text, name)
    workspace = read_markdown(text) if kind == "markdown" else read_csv(text)
    return {
        "format": kind,
        "workspace": workspace.as_dict(),
        "items": len(workspace.entries),
        "findings": len(workspace.findings),
    }


BROWSER_FUNCTIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "prepare.structure": structure,
    "prepare.check": check,
    "prepare.summary": summarise,
    "prepare.export_markdown": export_markdown,
    "prepare.export_csv": export_csv,
    "prepare.import": import_file,
}
