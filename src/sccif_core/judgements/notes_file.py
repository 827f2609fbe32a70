"""The judgement explorer's evidence notes as a Markdown file.

Each "good" descriptor with a note is quoted under its judgement, with the reader's note under
it; notes on descriptors the framework no longer has come last, under "Other notes". Every line
the reader typed goes through ``plain_line``, so nothing they wrote becomes markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..citations import SOURCE_VERSION
from ..markdown_text import plain_line

TITLE = "# Evidence notes against what “good” looks like"
NOT_A_GRADE = "These are notes, not a grade: judgements are best fit, not a checklist."
MIME = "text/markdown;charset=utf-8"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _note(text: str) -> str:
    """The note's lines, each kept as its own line (a Markdown hard break between them)."""
    return "  \n".join(plain_line(line) for line in _LINE_BREAK.split(text))


def notes_markdown(notes: Mapping[str, str], today: date, descriptors: list[dict[str, Any]]) -> str:
    """The Markdown text: ``descriptors`` as ``criteria.good_descriptors()`` gives them, in their order."""
    version = SOURCE_VERSION[:1].lower() + SOURCE_VERSION[1:]
    lines = [
        TITLE,
        "",
        "Written with the SCCIF guide (Social care common inspection framework: secure children's "
        f"homes, {version}), {today.isoformat()}.",
        NOT_A_GRADE,
        "",
    ]
    for judgement in descriptors:
        items = [d for d in judgement["descriptors"] if d["anchor"] in notes]
        if items:
            lines += [f"## {judgement['title']}", ""]
        for item in items:
            quoted = [item["text"], *(f"- {point['text']}" for point in item["points"])]
            lines += [f"### Descriptor {item['anchor']}", "", *(f"> {t}" for t in quoted), ""]
            lines += [_note(notes[item["anchor"]]), ""]
    known = {d["anchor"] for judgement in descriptors for d in judgement["descriptors"]}
    others = [anchor for anchor in notes if anchor not in known]
    if others:
        lines += ["## Other notes", ""]
    for anchor in others:
        lines += [f"### {plain_line(anchor)}", "", _note(notes[anchor]), ""]
    return "\n".join(lines) + "\n"


def notes_file(notes: Mapping[str, str], today: date, descriptors: list[dict[str, Any]]) -> dict[str, str]:
    """The file as lib/download.js saves it: ``{filename, mime, text}``. Blank notes are left out."""
    kept = {anchor: text for anchor, text in notes.items() if text.strip()}
    return {
        "filename": f"sccif-evidence-notes-{today.isoformat()}.md",
        "mime": MIME,
        "text": notes_markdown(kept, today, descriptors),
    }
