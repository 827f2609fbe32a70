"""The change report of an import: word-level diffs, and the "What changed" pages made from it.

A report is a JSON document (``docs/changes/<version date>.json``), one per version this site
has followed. The first, for the version the site was written from by hand, is a baseline with
no changes. Each import adds one; the pages are made again from all of them.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

Report = dict[str, Any]

KIND_NAMES = {
    "heading": "heading",
    "paragraph": "paragraph",
    "list-item": "list item",
    "quote": "quoted text",
    "table": "table",
    "table-row": "table row",
}


def version_date(version: str) -> date:
    """``"5 April 2024"`` -> 5 April 2024."""
    return datetime.strptime(version, "%d %B %Y").date()


def word_diff(old: str, new: str) -> list[list[str]]:
    """``[["=", words], ["-", words], ["+", words], ...]``: how ``old`` became ``new``, word by word."""
    a, b = old.split(), new.split()
    ops: list[list[str]] = []
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(["=", " ".join(a[a1:a2])])
            continue
        if a2 > a1:
            ops.append(["-", " ".join(a[a1:a2])])
        if b2 > b1:
            ops.append(["+", " ".join(b[b1:b2])])
    return ops


def read_reports(folder: Path) -> list[Report]:
    """The stored reports, oldest version first."""
    reports = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    return sorted(reports, key=lambda r: str(r["version_date"]))


def render_json(report: Report) -> str:
    return json.dumps(report, indent=1, ensure_ascii=False) + "\n"


def count(report: Report, what: str) -> int:
    return sum(len(page[what]) for page in report["pages"])


def summary(report: Report) -> str:
    parts = [
        f"{count(report, 'changed')} changed",
        f"{count(report, 'added')} added",
        f"{count(report, 'removed')} removed",
        f"{count(report, 'moved')} moved",
    ]
    return ", ".join(parts)


# ------------------------------------------------------------------ Markdown

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]{}#|"})


def text_md(text: str) -> str:
    """Framework words shown as they are, whatever Markdown or HTML characters they hold."""
    return html.escape(text, quote=False).translate(_MD_SPECIAL)


def diff_md(ops: Sequence[Sequence[str]]) -> str:
    parts = []
    for op, words in ops:
        if op == "=":
            parts.append(text_md(words))
        elif op == "-":
            parts.append(f"<del>{text_md(words)}</del>")
        else:
            parts.append(f"<ins>{text_md(words)}</ins>")
    return " ".join(parts)


def _link(anchor: str, page: str, anchors_now: Mapping[str, str], prefix: str) -> str:
    """A link to the anchor on its page now, or the bare anchor if the site no longer has it."""
    if anchors_now.get(anchor) == page:
        return f"[#{anchor}]({prefix}framework/{page}#{anchor})"
    return f"#{text_md(anchor)}"


def changes_md(report: Report, anchors_now: Mapping[str, str], prefix: str, id_prefix: str) -> str:
    """The list of changes, page by page. Links point at ``{prefix}framework/<page>#<anchor>``."""
    if not report["pages"]:
        return "There are no changes to show.\n"
    out: list[str] = []
    for number, page in enumerate(report["pages"], start=1):
        title = page["title"] or page["page"]
        out.append(f"## {text_md(title)} {{ #{id_prefix}-{number} }}\n")
        out.append(f"On the page [{text_md(title)}]({prefix}framework/{page['page']}).\n")
        for item in page["changed"]:
            kind = KIND_NAMES.get(item["kind"], item["kind"])
            link = _link(item["anchor"], page["page"], anchors_now, prefix)
            out.append(
                f"- **Changed** {kind} {link}\n\n"
                f"    Before: {text_md(item['old'])}\n\n"
                f"    Now: {text_md(item['new'])}\n\n"
                f"    Word by word: {diff_md(item['diff'])}\n"
            )
        for item in page["added"]:
            kind = KIND_NAMES.get(item["kind"], item["kind"])
            link = _link(item["anchor"], page["page"], anchors_now, prefix)
            out.append(f"- **Added** {kind} {link}: {text_md(item['text'])}\n")
        for item in page["moved"]:
            kind = KIND_NAMES.get(item["kind"], item["kind"])
            link = _link(item["anchor"], page["page"], anchors_now, prefix)
            where = (
                "on this page" if item["from_page"] == page["page"] else f"from {text_md(item['from_title'])}"
            )
            out.append(f"- **Moved** {kind} {link} ({where}): {text_md(item['text'])}\n")
        for item in page["removed"]:
            kind = KIND_NAMES.get(item["kind"], item["kind"])
            out.append(f"- **Removed** {kind} (was #{text_md(item['anchor'])}): {text_md(item['text'])}\n")
    return "\n".join(out)


def rules_md(report: Report) -> str:
    rules = report.get("rules", [])
    if not rules:
        return ""
    lines = [
        f"## Tool rules re-read for this version {{ #changes-{report['version_date']}-rules }}\n",
        "When this version was imported, these tool rules quoted words that were no longer at their "
        "paragraph. The site is not published until each one has been re-read and updated.\n",
    ]
    for rule in rules:
        now = (
            f"The paragraph now reads: \u201c{text_md(rule['new_text'])}\u201d"
            if rule["new_text"] is not None
            else "The paragraph was removed."
        )
        words, anchor = text_md(rule["words"]), text_md(rule["anchor"])
        lines.append(f"- `{rule['rule']}` quoted \u201c{words}\u201d at #{anchor}. {now}\n")
    return "\n".join(lines)


def version_page(report: Report, previous: Report | None, anchors_now: Mapping[str, str]) -> str:
    """``docs/changes/<version date>.md``: what changed in one version."""
    version = report["version"]
    lines = [f"# Changes in the version updated {version}\n"]
    if report.get("baseline"):
        lines.append(
            f"This site was written by hand from the version of the framework updated {version}. "
            "It is the first version this site followed, so there is nothing to compare it with.\n"
        )
        if report.get("note"):
            lines.append(f"{text_md(report['note'])}\n")
        return "\n".join(lines)
    before = previous["version"] if previous else report.get("previous_version", "")
    lines.append(
        f"What changed from the version updated {before} to the version updated {version}: "
        f"{summary(report)}. Imported on {report['imported']}.\n"
    )
    lines.append(changes_md(report, anchors_now, "../", f"changes-{report['version_date']}"))
    rules = rules_md(report)
    if rules:
        lines.append(rules)
    return "\n".join(lines)


def index_page(reports: Sequence[Report], anchors_now: Mapping[str, str]) -> str:
    """``docs/changes/index.md``: the version followed, what changed in it, and every earlier version."""
    current = reports[-1]
    lines = [
        "# What changed\n",
        f"This site follows the version of the framework updated **{current['version']}**, "
        "published on GOV.UK. One version is followed at a time.\n",
    ]
    if current.get("baseline"):
        lines.append(
            f"The site was written by hand from that version. No later version has been imported since "
            f"{current['version']}, so there are no changes to show.\n"
        )
        if current.get("note"):
            lines.append(f"{text_md(current['note'])}\n")
    else:
        previous = reports[-2]["version"] if len(reports) > 1 else current.get("previous_version", "")
        lines.append(
            f"What changed from the version updated {previous}: {summary(current)}. "
            "Each link goes to the paragraph as it reads now.\n"
        )
        lines.append(changes_md(current, anchors_now, "../", "changes-current"))
    lines.append("## Every version this site has followed { #changes-versions }\n")
    lines.append("| Version | Changes |\n| --- | --- |")
    for report in reversed(reports):
        label = "no changes to show" if report.get("baseline") else summary(report)
        mark = " (followed now)" if report is current else ""
        lines.append(f"| Updated {report['version']}{mark} | [{label}]({report['version_date']}.md) |")
    return "\n".join(lines) + "\n"


def pages(reports: Sequence[Report], anchors_now: Mapping[str, str]) -> dict[str, str]:
    """Every page of docs/changes/, by file name, made from the stored reports."""
    result = {"index.md": index_page(reports, anchors_now)}
    for number, report in enumerate(reports):
        previous = reports[number - 1] if number else None
        result[f"{report['version_date']}.md"] = version_page(report, previous, anchors_now)
        result[f"{report['version_date']}.json"] = render_json(report)
    return result
