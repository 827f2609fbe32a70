#!/usr/bin/env python3
"""Import a new version of the framework from a capture of the GOV.UK page.

    python scripts/import_framework.py CAPTURE                  # update docs/framework/ and docs/changes/
    python scripts/import_framework.py CAPTURE --report-only    # print what would change; write nothing
    python scripts/import_framework.py CAPTURE --output DIR     # write the pages and reports under DIR

CAPTURE is the page saved as text, in the format of tests/fixtures/sccif-source.txt. Its
blocks are mapped onto the pages' anchors (CONTRIBUTING.md, "How anchors are formed"):
unchanged blocks keep their ids; changed blocks keep their id and are reported with a
word-level diff; new blocks get new ids (never renumbering); removed blocks are reported;
moved blocks keep their ids. The change report is written as JSON and as the "What changed"
pages (docs/changes/). Then every tool rule whose quoted words are no longer at their anchor is
listed: re-read each paragraph and update the rule (the site build fails until you do).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import change_report  # noqa: E402
from scripts.framework_align import Unit, align, similarity  # noqa: E402
from scripts.framework_blocks import (  # noqa: E402
    MD_LINK,
    Block,
    BlockError,
    Capture,
    Page,
    Piece,
    Row,
    link_targets,
    read_capture,
    read_pages,
    reader_text,
    render_piece,
    render_row,
    with_markdown,
)
from scripts.framework_text import framework_pages, normalise  # noqa: E402

DOCS = ROOT / "docs"
Report = dict[str, Any]
Key = tuple[int, int]  # (page, piece) on the pages before the import


@dataclass
class Slot:
    """A piece of a page after the import, and where it came from."""

    piece: Piece
    page: int
    key: Key | None = None  # the piece it was, if any
    status: str = "same"  # same | changed | moved | added
    old: Piece | None = None
    row_status: dict[int, tuple[str, Row | None]] = field(default_factory=dict)  # tables: per row
    notes: list[str] = field(default_factory=list)


@dataclass
class Result:
    pages: list[Page]
    report: Report

    @property
    def changed(self) -> bool:
        return any(
            change_report.count(self.report, what) for what in ("changed", "added", "removed", "moved")
        )


# ------------------------------------------------------------------ text to Markdown


def to_markdown(captured: str, old_markdown: str, notes: list[str]) -> str:
    """The capture's words as page Markdown: links keep the address the page gave them."""
    targets = link_targets(old_markdown)

    def link(match: re.Match[str]) -> str:
        text = match.group(1).replace("\\(", "(").replace("\\)", ")")
        url = targets.get(normalise(text))
        if url and url != "#":
            return f"[{text}]({url})"
        notes.append(f"the capture links '{text}' but gives no address: add the link by hand if it is needed")
        return text

    return MD_LINK.sub(link, captured).replace("\\(", "(").replace("\\)", ")")


def looks_like_heading(markdown: str) -> bool:
    text = reader_text(markdown)
    return (
        bool(re.match(r"^[A-Z0-9]", text))
        and len(text.split()) <= 12
        and not re.search(r"[.:;?!,]['\u2019\"]?$", text)
        and "](" not in markdown
    )


def slug(text: str, words: int = 6) -> str:
    bare = re.sub(r"['\u2019]", "", normalise(text).lower())
    parts = [p for p in re.split(r"[^a-z0-9]+", bare) if p]
    return "-".join(parts[:words]) or "section"


# ------------------------------------------------------------------ ids


class Ids:
    """Ids in use (and retired: removed in an earlier import); hands out new ones by the rules."""

    def __init__(self, used: set[str]) -> None:
        self.used = set(used)

    def taken(self, anchor: str) -> bool:
        numbered = re.match(r"^(.+)-(\d+)$", anchor)
        return anchor in self.used or bool(numbered and numbered.group(1) in self.used)

    def next_in(self, section: str) -> str:
        pattern = re.compile(rf"^{re.escape(section)}-(\d+)$")
        highest = max((int(m.group(1)) for a in self.used if (m := pattern.match(a))), default=0)
        anchor = f"{section}-{highest + 1}"
        self.used.add(anchor)
        return anchor

    def heading(self, text: str, section: str, page_stem: str) -> str:
        base = slug(text)
        for candidate in (base, f"{section}-{base}", f"{page_stem}-{base}"):
            if not self.taken(candidate) and not re.search(r"-\d+$", candidate):
                self.used.add(candidate)
                return candidate
        letter = ord("a")
        while self.taken(f"{page_stem}-{base}-{chr(letter)}"):
            letter += 1
        anchor = f"{page_stem}-{base}-{chr(letter)}"
        self.used.add(anchor)
        return anchor


# ------------------------------------------------------------------ the import


@dataclass(frozen=True)
class OldRef:
    page: int
    piece: int
    row: int = -1  # a table's body row, or -1


def old_units(pages: Sequence[Page]) -> tuple[list[Unit], list[OldRef]]:
    units, refs = [], []
    for p, page in enumerate(pages):
        for i, piece in enumerate(page.pieces):
            if not piece.framework:
                continue
            units.append(Unit(piece.kind, piece.text))
            refs.append(OldRef(p, i))
            for r, row in enumerate(piece.rows):
                units.append(Unit("table-row", row.text))
                refs.append(OldRef(p, i, r))
    return units, refs


def guess_kind(block: Block, previous: Piece | None) -> str:
    if block.kind == "bullet":
        return "list-item"
    if looks_like_heading(block.markdown):
        return "heading"
    text = reader_text(block.markdown)
    after_lead_in = previous is not None and (
        previous.kind == "list-item" or reader_text(previous.markdown).endswith(":")
    )
    if re.match(r"^[a-z]", text) and after_lead_in:
        return "list-item"
    return "paragraph"


def plan(pages: list[Page], capture: Capture) -> tuple[list[list[Slot]], list[tuple[OldRef, Unit]]]:
    """Where every block of the capture goes, and what became of every block of the pages."""
    olds, refs = old_units(pages)
    blocks = capture.blocks
    alignment = align(olds, [Unit(b.kind, b.text) for b in blocks])
    removed = set(alignment.removed)

    slots: list[Slot] = []
    current = 0
    n = 0
    while n < len(blocks):
        block = blocks[n]
        previous = slots[-1].piece if slots else None
        if block.kind in ("line", "bullet"):
            slot = _text_slot(pages, refs, alignment.pairs.get(n), block, previous, current)
            n += 1
        else:
            end = n + 1
            while end < len(blocks) and blocks[end].kind == "row" and blocks[end].table == block.table:
                end += 1
            slot = _table_slot(pages, refs, alignment.pairs, removed, blocks, range(n, end), current)
            n = end
        slots.append(slot)
        current = slot.page

    by_page: list[list[Slot]] = [[] for _ in pages]
    for slot in slots:
        by_page[slot.page].append(slot)
    gone = [(refs[k], olds[k]) for k in sorted(removed)]
    return by_page, gone


def _text_slot(
    pages: list[Page],
    refs: list[OldRef],
    pair: tuple[int, str] | None,
    block: Block,
    previous: Piece | None,
    current: int,
) -> Slot:
    if pair is None:
        kind = guess_kind(block, previous)
        notes: list[str] = []
        markdown = to_markdown(block.markdown, "", notes)
        if kind == "heading":
            notes.append("new heading: check its level")
        return Slot(Piece(kind, "", markdown=markdown), current, status="added", notes=notes)
    old_index, status = pair
    ref = refs[old_index]
    old = pages[ref.page].pieces[ref.piece]
    page = ref.page if status != "moved" else current
    if status == "changed":
        notes = []
        piece = with_markdown(old, to_markdown(block.markdown, old.markdown, notes))
        return Slot(piece, page, (ref.page, ref.piece), status, old, notes=notes)
    return Slot(old, page, (ref.page, ref.piece), status, old)


def _table_slot(
    pages: list[Page],
    refs: list[OldRef],
    pairs: dict[int, tuple[int, str]],
    removed: set[int],
    blocks: Sequence[Block],
    span: range,
    current: int,
) -> Slot:
    """A table of the capture: its header (``span[0]``) and rows."""
    head = span[0]
    tables = [refs[pairs[k][0]] for k in span if k in pairs]
    owner = next(((r.page, r.piece) for r in tables if r.row < 0), None)
    if owner is None and tables:
        owner = max(
            ((r.page, r.piece) for r in tables), key=lambda key: sum((r.page, r.piece) == key for r in tables)
        )
    notes: list[str] = []
    old = pages[owner[0]].pieces[owner[1]] if owner else None
    head_cells = tuple(to_markdown(c, "", notes) for c in blocks[head].cells)
    if old is None:
        status = "added"
    elif head in pairs and pairs[head][1] == "same":
        status, head_cells = "same", old.head
    elif head in pairs and pairs[head][1] == "moved":
        status, head_cells = "moved", old.head
    else:
        status = "changed"
        header_index = next(k for k, r in enumerate(refs) if (r.page, r.piece) == owner and r.row < 0)
        removed.discard(header_index)  # its rows carry on: the table is the same, its header changed
    rows: list[Row] = []
    row_status: dict[int, tuple[str, Row | None]] = {}
    for k in span[1:]:
        block = blocks[k]
        if k in pairs and refs[pairs[k][0]].row >= 0:
            ref = refs[pairs[k][0]]
            old_row = pages[ref.page].pieces[ref.piece].rows[ref.row]
            kind = pairs[k][1]
            if kind == "changed":
                old_md = " ".join(old_row.cells)
                cells = tuple(to_markdown(c, old_md, notes) for c in block.cells)
                row = Row(old_row.anchor, cells, render_row(old_row.anchor, cells))
            else:
                row = old_row
            row_status[len(rows)] = (kind, old_row)
        else:
            cells = tuple(to_markdown(c, "", notes) for c in block.cells)
            row = Row("", cells, "")
            row_status[len(rows)] = ("added", None)
        rows.append(row)
    if old is not None and owner is not None:
        piece = replace(old, head=head_cells, rows=tuple(rows))
        untouched = status == "same" and piece.rows == old.rows
        piece = old if untouched else replace(piece, raw=render_piece(piece))
        page = owner[0] if status != "moved" else current
        return Slot(piece, page, owner, status, old, row_status, notes)
    piece = Piece("table", "", head=head_cells, rows=tuple(rows))
    return Slot(piece, current, None, "added", None, row_status, notes)


# ------------------------------------------------------------------ pages after the import


def assemble(
    pages: list[Page], by_page: list[list[Slot]], kept: set[Key]
) -> list[list[tuple[Piece, Key | None, Slot | None]]]:
    """Each page's pieces in order: the framework's, with this site's headings and notes kept beside them."""
    before: dict[Key, list[Key]] = {}
    after: dict[Key, list[Key]] = {}
    start: dict[int, list[Key]] = {p: [] for p in range(len(pages))}
    end: dict[int, list[Key]] = {p: [] for p in range(len(pages))}
    for p, page in enumerate(pages):
        framework = [i for i, piece in enumerate(page.pieces) if piece.framework and (p, i) in kept]
        for i, piece in enumerate(page.pieces):
            if piece.framework:
                continue
            if piece.kind == "added-heading" and piece.level == 1:
                start[p].append((p, i))
            elif piece.kind == "added-heading":
                target = next((j for j in framework if j > i), None)
                (before.setdefault((p, target), []) if target is not None else end[p]).append((p, i))
            else:
                target = next((j for j in reversed(framework) if j < i), None)
                if target is not None:
                    after.setdefault((p, target), []).append((p, i))
                else:
                    nxt = next((j for j in framework if j > i), None)
                    (before.setdefault((p, nxt), []) if nxt is not None else start[p]).append((p, i))
    result = []
    for p, slots in enumerate(by_page):
        items: list[tuple[Piece, Key | None, Slot | None]] = [
            (pages[k[0]].pieces[k[1]], k, None) for k in start[p]
        ]
        for slot in slots:
            if slot.key is not None:
                items += [(pages[k[0]].pieces[k[1]], k, None) for k in before.get(slot.key, [])]
            items.append((slot.piece, slot.key, slot))
            if slot.key is not None:
                items += [(pages[k[0]].pieces[k[1]], k, None) for k in after.get(slot.key, [])]
        items += [(pages[k[0]].pieces[k[1]], k, None) for k in end[p]]
        result.append(items)
    return result


def give_ids(pages: list[Page], items: list[list[tuple[Piece, Key | None, Slot | None]]], ids: Ids) -> None:
    """New pieces and rows get their ids in place: by the section they sit in, after the highest used."""
    for p, page_items in enumerate(items):
        stem = Path(pages[p].path).stem
        section, level = stem, 1
        previous: Piece | None = None
        for index, (piece, key, slot) in enumerate(page_items):
            if slot is not None and slot.status == "added" and piece.kind == "heading":
                new_level = (
                    min(6, previous.level + 1) if previous and previous.kind == "heading" else max(2, level)
                )
                anchor = ids.heading(reader_text(piece.markdown), section, stem)
                piece = replace(piece, anchor=anchor, level=new_level)
                piece = replace(piece, raw=render_piece(piece))
            elif slot is not None and slot.status == "added" and piece.kind != "table":
                piece = replace(piece, anchor=ids.next_in(section))
                piece = replace(piece, raw=render_piece(piece))
            if piece.kind == "table" and (not piece.anchor or any(not r.anchor for r in piece.rows)):
                anchor = piece.anchor or ids.next_in(section)
                rows = []
                for row in piece.rows:
                    if not row.anchor:
                        row_id = ids.next_in(anchor)
                        row = Row(row_id, row.cells, render_row(row_id, row.cells))
                    rows.append(row)
                piece = replace(piece, anchor=anchor, rows=tuple(rows))
                piece = replace(piece, raw=render_piece(piece))
            if slot is not None:
                slot.piece = piece
            page_items[index] = (piece, key, slot)
            if piece.kind in ("heading", "added-heading"):
                section, level = piece.anchor, piece.level
            if piece.framework or piece.kind == "added-heading":
                previous = piece


def lay_out(pages: list[Page], items: list[list[tuple[Piece, Key | None, Slot | None]]]) -> list[Page]:
    """The pages as Markdown: a piece keeps the blank lines before it unless what precedes it changed."""
    start = (-1, -1)  # what precedes the first piece of a page
    result = []
    for p, page_items in enumerate(items):
        pieces: list[Piece] = []
        previous_key: Key | None = start
        previous_piece: Piece | None = None
        for piece, key, _ in page_items:
            if key is not None and key[0] == p and previous_key == ((p, key[1] - 1) if key[1] else start):
                lead = pages[key[0]].pieces[key[1]].lead
            elif previous_piece is None or previous_piece.kind == piece.kind == "list-item":
                lead = ""
            else:
                lead = "\n"
            pieces.append(replace(piece, lead=lead))
            previous_key, previous_piece = key, piece
        result.append(Page(pages[p].path, pieces, pages[p].tail))
    return result


# ------------------------------------------------------------------ the report


def page_title(page: Page) -> str:
    first = next((p for p in page.pieces if p.kind in ("heading", "added-heading")), None)
    return reader_text(first.markdown) if first else page.path


def anchor_texts(pages: Sequence[Page]) -> dict[str, dict[str, str]]:
    """Every anchor's text and page, as framework.json has them (enough to check a quotation)."""
    anchors: dict[str, dict[str, str]] = {}
    for page in pages:
        for piece in page.pieces:
            if not piece.framework:
                continue
            if piece.kind == "table":
                rows = [normalise(" ".join(piece.head)), *(r.text for r in piece.rows)]
                anchors[piece.anchor] = {"page": page.path, "text": "\n".join(rows)}
                for row in piece.rows:
                    anchors[row.anchor] = {"page": page.path, "text": row.text}
            else:
                anchors[piece.anchor] = {"page": page.path, "text": piece.text}
    return anchors


def stale_rules(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    """The tool rules whose quoted words are not at their anchor on the pages after the import."""
    from sccif_core.register import is_at_anchor, quotations

    found = []
    for quote in quotations():
        if is_at_anchor(quote, {"anchors": after}):
            continue
        old = before.get(quote.anchor)
        new = after.get(quote.anchor)
        found.append(
            {
                "rule": quote.rule,
                "anchor": quote.anchor,
                "words": quote.words,
                "old_text": old["text"] if old else None,
                "new_text": new["text"] if new else None,
            }
        )
    return found


def build_report(
    pages: list[Page],
    new_pages: list[Page],
    by_page: list[list[Slot]],
    gone: list[tuple[OldRef, Unit]],
    capture: Capture,
    previous_version: str,
    capture_name: str,
) -> Report:
    titles = [page_title(p) for p in pages]
    entries: list[dict[str, Any]] = [
        {
            "page": p.path,
            "title": titles[i],
            "added": [],
            "removed": [],
            "changed": [],
            "moved": [],
            "notes": [],
        }
        for i, p in enumerate(pages)
    ]
    for p, slots in enumerate(by_page):
        entry = entries[p]
        for slot in slots:
            piece = slot.piece
            entry["notes"] += [f"#{piece.anchor}: {note}" for note in dict.fromkeys(slot.notes)]
            if slot.status == "added":
                entry["added"].append({"anchor": piece.anchor, "kind": piece.kind, "text": piece.text})
            elif slot.status == "changed" and slot.old is not None and slot.old.text != piece.text:
                entry["changed"].append(_changed(piece.anchor, piece.kind, slot.old.text, piece.text))
            elif slot.status == "moved" and slot.key is not None and slot.old is not None:
                entry["moved"].append(
                    _moved(piece.anchor, piece.kind, piece.text, pages, titles, slot.key[0])
                )
            for r, row in enumerate(piece.rows):
                status, old_row = slot.row_status.get(r, ("same", None))
                if status == "added" or (slot.status == "added" and old_row is None):
                    entry["added"].append({"anchor": row.anchor, "kind": "table-row", "text": row.text})
                elif status == "changed" and old_row is not None:
                    entry["changed"].append(_changed(row.anchor, "table-row", old_row.text, row.text))
                elif status == "moved" and old_row is not None:
                    origin = _row_page(pages, old_row.anchor)
                    entry["moved"].append(_moved(row.anchor, "table-row", row.text, pages, titles, origin))
    for ref, unit in gone:
        piece = pages[ref.page].pieces[ref.piece]
        anchor = piece.rows[ref.row].anchor if ref.row >= 0 else piece.anchor
        entries[ref.page]["removed"].append({"anchor": anchor, "kind": unit.kind, "text": unit.text})
    changed_pages = [e for e in entries if any(e[k] for k in ("added", "removed", "changed", "moved"))]
    return {
        "version": capture.version,
        "version_date": change_report.version_date(capture.version).isoformat(),
        "previous_version": previous_version,
        "imported": date.today().isoformat(),
        "capture": capture_name,
        "baseline": False,
        "pages": changed_pages,
        "rules": stale_rules(anchor_texts(pages), anchor_texts(new_pages)),
    }


def _changed(anchor: str, kind: str, old: str, new: str) -> dict[str, Any]:
    ratio = round(similarity(old, new), 3)
    return {
        "anchor": anchor,
        "kind": kind,
        "old": old,
        "new": new,
        "similarity": ratio,
        "diff": change_report.word_diff(old, new),
    }


def _moved(
    anchor: str, kind: str, text: str, pages: list[Page], titles: list[str], origin: int
) -> dict[str, Any]:
    return {
        "anchor": anchor,
        "kind": kind,
        "text": text,
        "from_page": pages[origin].path,
        "from_title": titles[origin],
    }


def _row_page(pages: list[Page], anchor: str) -> int:
    return next(p for p, page in enumerate(pages) if anchor in set(page.anchors()))


# ------------------------------------------------------------------ the whole import


def framework_names() -> list[str]:
    return [p[len("framework/") :] for p in framework_pages()]


def import_capture(capture_path: Path, docs: Path = DOCS, names: Sequence[str] | None = None) -> Result:
    """The pages after importing ``capture_path`` into ``docs``, and the change report. Writes nothing."""
    pages = read_pages(docs / "framework", names or framework_names())
    known = [u.text for u in old_units(pages)[0]]
    capture = read_capture(capture_path, known)
    stored = change_report.read_reports(docs / "changes")
    retired = {item["anchor"] for report in stored for page in report["pages"] for item in page["removed"]}
    used = {a for page in pages for a in page.anchors()} | retired
    by_page, gone = plan(pages, capture)
    kept = {slot.key for slots in by_page for slot in slots if slot.key is not None}
    items = assemble(pages, by_page, kept)
    give_ids(pages, items, Ids(used))
    new_pages = lay_out(pages, items)
    previous = stored[-1]["version"] if stored else ""
    report = build_report(pages, new_pages, by_page, gone, capture, previous, capture_path.name)
    return Result(new_pages, report)


def write(result: Result, docs: Path, out: Path) -> list[Path]:
    """Write the pages (always) and, when this is a new version or anything changed, the reports."""
    stored = change_report.read_reports(docs / "changes")
    followed = stored[-1] if stored else None
    if followed and followed["version_date"] == result.report["version_date"] and not result.changed:
        return _write_pages(result, out)
    if followed and followed["version_date"] >= result.report["version_date"]:
        raise BlockError(
            f"the capture is the version updated {result.report['version']}, not newer than the version the "
            f"site follows (updated {followed['version']}), and it is not the same text: import only a newer "
            "version (check the capture's 'Updated' line)"
        )
    written = _write_pages(result, out)
    reports = [r for r in stored if r["version_date"] != result.report["version_date"]] + [result.report]
    reports.sort(key=lambda r: str(r["version_date"]))
    anchors_now = {a: v["page"] for a, v in anchor_texts(result.pages).items()}
    for name, text in change_report.pages(reports, anchors_now).items():
        target = out / "changes" / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written


def _write_pages(result: Result, out: Path) -> list[Path]:
    written = []
    for page in result.pages:
        target = out / "framework" / page.path
        text = page.render()
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written


def describe(report: Report) -> str:
    lines = [f"Version updated {report['version']} (the site followed: updated {report['previous_version']})"]
    lines.append(f"Blocks: {change_report.summary(report)}")
    for page in report["pages"]:
        lines.append(f"\n{page['page']}:")
        lines += [f"  changed  #{c['anchor']}" for c in page["changed"]]
        lines += [f"  added    #{c['anchor']}: {c['text'][:70]}" for c in page["added"]]
        lines += [f"  moved    #{c['anchor']} (from {c['from_page']})" for c in page["moved"]]
        lines += [f"  removed  #{c['anchor']}: {c['text'][:70]}" for c in page["removed"]]
        lines += [f"  check    {note}" for note in page["notes"]]
    if report["rules"]:
        lines.append(f"\n{len(report['rules'])} tool rule(s) quote words that are no longer at their anchor:")
        for rule in report["rules"]:
            lines.append(f"  {rule['rule']} at #{rule['anchor']}")
            lines.append(f"    quotes: {rule['words']}")
            lines.append(f"    was:    {rule['old_text']}")
            lines.append(f"    now:    {rule['new_text'] if rule['new_text'] is not None else '(removed)'}")
        lines.append(
            "Re-read each paragraph and update the rule where it is defined (sccif_core.register lists them);"
            " the site build fails until every quote is at its anchor."
        )
    else:
        lines.append("\nEvery tool rule's quoted words are still at their anchor.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[1])
    ap.add_argument("capture", type=Path, help="the GOV.UK page saved as text")
    ap.add_argument("--docs", type=Path, default=DOCS, help="the docs folder to read (default: docs/)")
    ap.add_argument("--output", type=Path, help="write under this folder instead of the docs folder")
    ap.add_argument("--report-only", "--dry-run", action="store_true", help="print the report; write nothing")
    ap.add_argument("--json", action="store_true", help="print the change report as JSON")
    args = ap.parse_args(argv)
    try:
        result = import_capture(args.capture, args.docs)
        print(change_report.render_json(result.report) if args.json else describe(result.report))
        if args.report_only:
            return 0
        out = args.output or args.docs
        written = write(result, args.docs, out)
    except (BlockError, OSError, ValueError) as err:
        print(f"import_framework: {err}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    if args.output is None and args.docs.resolve() == DOCS.resolve() and written:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "extract_framework.py")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
