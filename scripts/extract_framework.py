#!/usr/bin/env python3
"""Extract the framework's anchors and judgement criteria from docs/ into JSON.

Reads docs/framework/**/*.md (the framework text, word for word, with an explicit
``{ #id }`` on every heading, paragraph, list item and table row; see CONTRIBUTING.md)
and writes src/sccif_core/data/framework.json, which the core uses to cite the framework.

    python scripts/extract_framework.py           # write the JSON
    python scripts/extract_framework.py --check   # exit 1 if the committed JSON is stale

Dev-time only: needs markdown-it-py. The output is deterministic (sorted keys,
indent 1, trailing newline) so that --check can compare bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FRAMEWORK = DOCS / "framework"
OUTPUT = ROOT / "src" / "sccif_core" / "data" / "framework.json"

SOURCE = {
    "title": "Social care common inspection framework (SCCIF): secure children's homes",
    "publisher": "Ofsted",
    "version": "Updated 5 April 2024",
    "version_date": "2024-04-05",
    "url": "https://www.gov.uk/government/publications/"
    "social-care-common-inspection-framework-sccif-secure-childrens-homes",
    "later_revisions": "GOV.UK revised the guidance after this version (October 2024, April 2025). "
    "This site follows the version updated 5 April 2024.",
    "licence": "Open Government Licence v3.0",
    "licence_url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    "attribution": "Contains public sector information licensed under the Open Government Licence v3.0.",
}

JUDGEMENTS = (
    "overall-experiences",
    "education",
    "health",
    "helped-and-protected",
    "leaders-and-managers",
)
GRADES = ("outstanding", "good", "requires-improvement", "inadequate")

# `{ #id }` or `{ #id .sccif-added }` (a heading this site adds, not framework text)
ATTR_RE = re.compile(r"\s*\{\s*#([A-Za-z0-9][A-Za-z0-9_-]*)(?:\s+\.[A-Za-z0-9_-]+)*\s*\}\s*$")
TABLE_DIV_RE = re.compile(r'<div markdown="1" id="([A-Za-z0-9_-]+)" class="sccif-table">')
ADMONITION_RE = re.compile(r"^!!! ")


class ExtractError(Exception):
    """The docs break the anchor rules (missing, malformed or duplicate id)."""


@dataclass(frozen=True)
class Anchor:
    anchor: str
    page: str
    kind: str
    section: str
    heading: str
    text: str

    def as_json(self) -> dict[str, str]:
        return {
            "page": self.page,
            "kind": self.kind,
            "section": self.section,
            "heading": self.heading,
            "text": self.text,
        }


def page_url(md_path: Path) -> str:
    """``docs/framework/judgements/health.md`` -> ``framework/judgements/health/``."""
    rel = md_path.relative_to(DOCS).with_suffix("")
    if rel.name == "index":
        rel = rel.parent
    return f"{rel.as_posix()}/"


def plain(inline: Token) -> str:
    """The reader-visible text of an inline token (links keep their text)."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def split_attr(text: str, where: str) -> tuple[str, str]:
    match = ATTR_RE.search(text)
    if not match:
        raise ExtractError(f"{where}: no {{ #id }} on {text[:70]!r}")
    return text[: match.start()].strip(), match.group(1)


def extract_page(md_path: Path, parser: MarkdownIt) -> list[Anchor]:
    url = page_url(md_path)
    name = md_path.relative_to(ROOT).as_posix()
    tokens = parser.parse(md_path.read_text(encoding="utf-8"))
    anchors: list[Anchor] = []
    section, heading = "", ""
    table_id: str | None = None
    table_rows: list[str] = []
    row_cells: list[str] = []
    row_id: str | None = None
    in_thead = False
    skip_admonition = False
    stack: list[str] = []  # open containers: bullet_list, list_item, blockquote, table

    for i, tok in enumerate(tokens):
        if tok.type.endswith("_open") and tok.nesting == 1 and tok.type != "paragraph_open":
            stack.append(tok.type[: -len("_open")])
        elif tok.type.endswith("_close") and tok.nesting == -1 and tok.type != "paragraph_close":
            stack.pop()

        if tok.type == "html_block":
            match = TABLE_DIV_RE.search(tok.content)
            if match:
                table_id = match.group(1)
            continue
        if tok.type == "code_block":  # the indented body of a site note (admonition)
            if not skip_admonition:
                raise ExtractError(f"{name}: indented code block outside a site note")
            skip_admonition = False
            continue
        if tok.type == "heading_open":
            text, hid = split_attr(plain(tokens[i + 1]), name)
            section, heading = hid, text
            anchors.append(Anchor(hid, url, "heading", hid, text, text))
            continue
        if tok.type == "paragraph_open":
            inline = tokens[i + 1]
            if ADMONITION_RE.match(inline.content):
                skip_admonition = True
                continue
            text, pid = split_attr(plain(inline), name)
            kind = "list-item" if "list_item" in stack else "paragraph"
            anchors.append(Anchor(pid, url, kind, section, heading, text))
            continue
        if tok.type == "table_open":
            if table_id is None:
                raise ExtractError(f"{name}: table without a wrapping <div ... id> (see CONTRIBUTING.md)")
            table_rows = []
            continue
        if tok.type == "thead_open":
            in_thead = True
        elif tok.type == "thead_close":
            in_thead = False
        elif tok.type == "tr_open":
            row_cells, row_id = [], None
        elif tok.type in ("th_open", "td_open"):
            cell = plain(tokens[i + 1])
            if tok.type == "td_open" and not row_cells:
                cell, row_id = split_attr(cell, f"{name} table {table_id}")
            row_cells.append(cell)
        elif tok.type == "tr_close":
            row_text = ": ".join(row_cells)
            table_rows.append(row_text)
            if not in_thead:
                assert row_id is not None and table_id is not None
                anchors.append(Anchor(row_id, url, "table-row", section, heading, row_text))
        elif tok.type == "table_close":
            assert table_id is not None
            anchors.append(Anchor(table_id, url, "table", section, heading, "\n".join(table_rows)))
            table_id = None
    if skip_admonition:
        raise ExtractError(f"{name}: site note without an indented body")
    return anchors


def framework_pages() -> list[Path]:
    return sorted(FRAMEWORK.rglob("*.md"))


def criteria(anchors: dict[str, Anchor]) -> dict[str, Any]:
    """The judgement criteria: required evidence and each grade's descriptors."""

    def numbered(prefix: str) -> list[dict[str, str]]:
        items = []
        n = 1
        while f"{prefix}-{n}" in anchors:
            items.append({"anchor": f"{prefix}-{n}", "text": anchors[f"{prefix}-{n}"].text})
            n += 1
        return items

    result: dict[str, Any] = {}
    for key in JUDGEMENTS:
        if key not in anchors:
            raise ExtractError(f"judgement heading #{key} is missing")
        descriptors: dict[str, Any] = {}
        for grade in GRADES:
            gid = f"{key}-{grade}"
            intro = anchors.get(f"{gid}-intro")
            if gid not in anchors or intro is None:
                raise ExtractError(f"#{gid} or #{gid}-intro is missing")
            descriptors[grade] = {
                "anchor": gid,
                "intro": {"anchor": intro.anchor, "text": intro.text},
                "items": numbered(gid),
            }
        result[key] = {
            "title": anchors[key].text,
            "anchor": key,
            "page": anchors[key].page,
            "evidence": numbered(f"{key}-evidence"),
            "descriptors": descriptors,
        }
    return result


def build() -> dict[str, Any]:
    parser = MarkdownIt("commonmark").enable("table")
    found: dict[str, Anchor] = {}
    for md_path in framework_pages():
        for anchor in extract_page(md_path, parser):
            if anchor.anchor in found:
                raise ExtractError(
                    f"duplicate anchor #{anchor.anchor} on {anchor.page} and {found[anchor.anchor].page}"
                )
            found[anchor.anchor] = anchor
    return {
        "source": SOURCE,
        "anchors": {a: found[a].as_json() for a in sorted(found)},
        "criteria": criteria(found),
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed JSON is out of date")
    args = ap.parse_args(argv)
    try:
        text = render(build())
    except ExtractError as err:
        print(f"extract_framework: {err}", file=sys.stderr)
        return 2
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(
                f"{OUTPUT.relative_to(ROOT)} is out of date: run python scripts/extract_framework.py",
                file=sys.stderr,
            )
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is up to date")
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(data['anchors'])} anchors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
