"""A self-evaluation as a Markdown document that people can read, print, and bring back.

The document quotes each item in the framework's words with a link to its paragraph, then
the user's self-assessment, where the evidence is kept and notes. ``read_markdown`` reads
such a document back. It relies only on what the document shows:

* an item starts with a level-4 heading ending in a link whose text is the item's id:
  ``#### Area of required evidence 3 · [overall-experiences-evidence-3](…)``;
* its fields are paragraphs ``**Self-assessment:** Needs work`` and so on;
* ``**Notes:**`` comes last, and the notes run to the next heading. A notes line that would
  read as a heading (or starts with a backslash) is written with a backslash in front, which
  Markdown shows as the line itself; reading removes it again.

Text the user typed is written with ``<``, ``&`` and ``[`` escaped, so no Markdown viewer turns it
into HTML, a link or an image (which would load from another site); reading undoes that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from ..citations import SOURCE_TITLE, SOURCE_VERSION, cite
from ..errors import InputError
from ..markdown_text import escape, unescape
from ..urls import check_base_url
from .findings import FINDINGS
from .items import NOT_A_CHECKLIST, groups, item_label
from .summary import NO_GRADE, summary
from .workspace import (
    ANSWER_LABELS,
    ASSESSMENT_LABELS,
    FORMAT,
    VERSION,
    Entry,
    Workspace,
    check_item_id,
    entry_from_fields,
    parse_answer,
)

TITLE = "Self-evaluation against the SCCIF for secure children's homes"
FORMAT_LINE = f"Format: {FORMAT} {VERSION}"
MAX_CHARS = 2_000_000

FIELDS: dict[str, str] = {
    "Self-assessment": "assessment",
    "Where the evidence is kept": "evidence",
    "Children (initials only)": "initials",
    "Answer": "answer",
}
_HEADING = re.compile(r"#{1,6}(\s|$)")
_ITEM = re.compile(r"####\s+.*\[(?P<key>[A-Za-z0-9-]+)\]\([^)]*\)\s*")
_FIELD = re.compile(r"\*\*(?P<name>[^*]+):\*\*\s*(?P<value>.*)")
_NOTES = re.compile(r"\*\*Notes:\*\*\s*")
_FORMAT = re.compile(r"Format:\s*(?P<format>\S+)\s+(?P<version>\S+)\s*")


def _note_line(line: str) -> str:
    line = escape(line)
    return "\\" + line if _HEADING.match(line) or line.startswith("\\") else line


def _read_note_line(line: str) -> str:
    return unescape(line[1:] if line.startswith("\\") else line)


def _link(anchor: str, base_url: str) -> str:
    return f"{base_url}{cite(anchor).path}"


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.split("\n")]


def write_markdown(workspace: Workspace, *, base_url: str = "", exported: str | None = None) -> str:
    """The whole self-evaluation, with its summary first, as Markdown.

    ``base_url`` is checked first (``urls.check_base_url``): links are written with it as given.
    """
    base_url = check_base_url(base_url)
    lines: list[str] = [f"# {TITLE}", ""]
    lines += [
        FORMAT_LINE,
        "",
        f"Framework: {SOURCE_TITLE} ({SOURCE_VERSION[:1].lower()}{SOURCE_VERSION[1:]}).",
        "",
    ]
    if exported:
        lines += [f"Exported: {exported}", ""]
    lines += [
        "This document was made on your own device by the self-evaluation page of the SCCIF guide. "
        "It is not an Ofsted document.",
        "",
    ]
    first = NOT_A_CHECKLIST[0]
    lines += [
        *_quote(cite(first).text),
        "",
        f"([How inspectors use the evaluation criteria]({_link(first, base_url)}))",
        "",
    ]
    lines += [NO_GRADE, ""]
    lines += _summary_lines(workspace, base_url)
    for group in groups():
        lines += [f"## {group.title}", ""]
        if group.site_note:
            lines += [f"*Note from this site: {group.site_note}*", ""]
        for anchor in group.notes:
            lines += [*_quote(cite(anchor).text), "", f"([source]({_link(anchor, base_url)}))", ""]
        for part in group.parts:
            lines += [f"### {part.title}", ""]
            if part.lead:
                lines += [*_quote(part.lead_text), "", f"([source]({_link(part.lead, base_url)}))", ""]
            for item in part.items:
                lines += [f"#### {item_label(item)} \u00b7 [{item.id}]({_link(item.id, base_url)})", ""]
                lines += _quote(item.text)
                for point in item.points:
                    lines += [f"> - {point.text}"]
                lines += [""]
                lines += _entry_lines(workspace.entry(item.id), item.asks_initials)
    lines += ["## Findings the framework's rules refer to", ""]
    lines += [
        "Your answers to these questions are matched to the framework's rules about managers and "
        "staff qualifications. A \u201cYes\u201d shows the rules that apply, in the framework's words.",
        "",
    ]
    for index, found in enumerate(FINDINGS, start=1):
        lines += [f"#### Finding {index} \u00b7 [{found.key}]({_link(found.source, base_url)})", ""]
        lines += [found.question, ""]
        lines += [f"**Answer:** {ANSWER_LABELS[workspace.answer(found.key)]}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _entry_lines(entry: Entry, asks_initials: bool) -> list[str]:
    lines = [f"**Self-assessment:** {ASSESSMENT_LABELS[entry.assessment]}", ""]
    if entry.evidence:
        lines += [f"**Where the evidence is kept:** {escape(entry.evidence)}", ""]
    if asks_initials and entry.initials:
        lines += [f"**Children (initials only):** {entry.initials}", ""]
    if entry.notes:
        lines += ["**Notes:**", "", *(_note_line(line) for line in entry.notes.split("\n")), ""]
    return lines


def _summary_lines(workspace: Workspace, base_url: str) -> list[str]:
    data = summary(workspace)
    lines = ["## Summary", ""]
    c = data["counts"]
    lines += [
        f"- Items: {c['total']}. Strong: {c['strong']}. Adequate: {c['adequate']}. Needs work: "
        f"{c['needs-work']}. Not relevant here: {c['not-relevant']}. Not assessed yet: {c['']}.",
        "",
    ]
    lines += ["### Marked \u201cneeds work\u201d", ""]
    any_needs_work = False
    for group in data["groups"]:
        if not group["needs_work"]:
            continue
        any_needs_work = True
        lines += [f"**{group['title']}**", ""]
        for item in group["needs_work"]:
            lines.append(f"- [{item['label']}]({base_url}{item['source_path']}): {item['text']}")
        lines.append("")
    if not any_needs_work:
        lines += ["Nothing is marked \u201cneeds work\u201d.", ""]
    lines += ["### Rules the framework ties to your findings", ""]
    if not data["reminders"]:
        lines += ["None: no finding is answered \u201cYes\u201d.", ""]
    for reminder in data["reminders"]:
        lines += [f"**{reminder['question']}** Yes.", ""]
        for quote in reminder["quotes"]:
            heading = "The framework's exception:" if quote["exception"] else "The framework says:"
            lines += [
                heading,
                "",
                *_quote(quote["text"]),
                "",
                f"([source]({base_url}{quote['source_path']}))",
                "",
            ]
            lines += [f"- {r['kind']}: {r['summary']}" for r in quote["rules"]]
            lines += [""]
        for passage in reminder["considerations"]:
            lines += [
                "Also:",
                "",
                *_quote(passage["text"]),
                "",
                f"([source]({base_url}{passage['source_path']}))",
                "",
            ]
    return lines


# --- reading it back ---

_FINDING_KEYS = frozenset(f.key for f in FINDINGS)
_NAMES = {value: key for key, value in FIELDS.items()} | {"notes": "Notes"}


@dataclass
class _Block:
    """One item or finding as found in the document: its heading's line and its raw fields."""

    key: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)
    notes: list[str] | None = None


def read_markdown(text: str) -> Workspace:
    """A workspace from a document ``write_markdown`` wrote (and a person may have edited)."""
    if len(text) > MAX_CHARS:
        raise InputError(
            f"the file is too big to be a self-evaluation (over {MAX_CHARS:,} characters).", field="file"
        )
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    _check_format(lines)
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, line in enumerate(lines, start=1):
        if _HEADING.match(line):
            heading = _ITEM.fullmatch(line)
            current = _Block(heading["key"], number) if heading else None
            if current is not None:
                if any(block.key == current.key for block in blocks):
                    raise InputError(
                        f"line {number}: '{current.key}' appears twice in the file.", field="file"
                    )
                blocks.append(current)
            continue
        if current is None:
            continue
        if current.notes is not None:
            current.notes.append(line)
        elif _NOTES.fullmatch(line):
            current.notes = []
        else:
            found = _FIELD.fullmatch(line)
            if found and found["name"] in FIELDS:
                current.fields[FIELDS[found["name"]]] = unescape(found["value"].strip())
    entries: dict[str, Entry] = {}
    findings: dict[str, str] = {}
    for block in blocks:
        if block.notes is not None:
            block.fields["notes"] = "\n".join(_read_note_line(line) for line in block.notes).strip()
        if block.key in _FINDING_KEYS:
            # _at_line calls each lambda at once, inside this iteration: no late binding.
            answer = _at_line(block.line, lambda: parse_answer(block.fields.get("answer"), field="Answer"))  # noqa: B023
            if answer:
                findings[block.key] = answer
            continue
        item_id = _at_line(block.line, lambda: check_item_id(block.key))  # noqa: B023
        entry = _at_line(block.line, lambda: entry_from_fields(item_id, block.fields, names=_NAMES))  # noqa: B023
        if not entry.empty:
            entries[item_id] = entry
    return Workspace(entries, findings)


T = TypeVar("T")


def _at_line(line: int, make: Callable[[], T]) -> T:
    """Run a check; a problem it finds is reported at the item's line in the file."""
    try:
        return make()
    except InputError as error:
        where = f" ({error.field})" if error.field else ""
        raise InputError(f"line {line}{where}: {error.problem}", field="file", value=error.value) from None


def _check_format(lines: list[str]) -> None:
    for line in lines[:40]:
        match = _FORMAT.fullmatch(line.strip())
        if match:
            if match["format"] != FORMAT:
                break
            if match["version"] != str(VERSION):
                raise InputError(
                    f"this file is a self-evaluation of version {match['version']}; this page reads version {VERSION}.",
                    field="file",
                )
            return
    raise InputError(
        f"this is not a self-evaluation downloaded from this page: it has no line \u201c{FORMAT_LINE}\u201d near the top.",
        field="file",
    )
