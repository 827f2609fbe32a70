"""The framework text as blocks: read from the site's pages and from a GOV.UK capture.

A *page* (docs/framework/**/*.md) is read into pieces that put it back together byte for byte:
each framework heading, paragraph, list item, quote and table is a piece with its anchor and
the text a reader sees; headings and notes this site adds are pieces without one. A *capture*
(the GOV.UK page saved as text, like tests/fixtures/sccif-source.txt) is read into blocks: one
per paragraph, bullet or table row. CONTRIBUTING.md ("How anchors are formed") has the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from scripts.framework_text import BODY_END, BODY_START, normalise, normalise_source_line

ATTR_LINE = re.compile(r"^(?P<indent>(?:> |  )?)\{ #(?P<id>[A-Za-z0-9][A-Za-z0-9_-]*) \}$")
HEADING = re.compile(
    r"^(?P<marks>#{1,6}) (?P<text>.*?) \{ #(?P<id>[A-Za-z0-9_-]+)(?P<added> \.sccif-added)? \}$"
)
TABLE_OPEN = re.compile(r'^<div markdown="1" id="(?P<id>[A-Za-z0-9_-]+)" class="sccif-table">$')
ROW_ID = re.compile(r"\s*\{ #(?P<id>[A-Za-z0-9_-]+) \}\s*$")
MD_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(([^)]*)\)")
VERSION_LINE = re.compile(r"^Updated (\d{1,2} [A-Z][a-z]+ \d{4})$")

FRAMEWORK_KINDS = ("heading", "paragraph", "list-item", "quote", "table")


class BlockError(Exception):
    """A page or a capture this module cannot read; the message names the file and line."""


def reader_text(markdown: str) -> str:
    """What a reader sees of a line of Markdown (or of the capture): links as their text."""
    return normalise_source_line(markdown)


def link_targets(markdown: str) -> dict[str, str]:
    """The links in some Markdown, by their text."""
    return {normalise(m.group(1)): m.group(2) for m in MD_LINK.finditer(markdown)}


# ------------------------------------------------------------------ pages


@dataclass(frozen=True)
class Row:
    """A body row of a table: its anchor (on the first cell), cells and Markdown line."""

    anchor: str
    cells: tuple[str, ...]
    line: str  # with its newline

    @property
    def text(self) -> str:
        return normalise(" ".join(reader_text(c) for c in self.cells))


@dataclass(frozen=True)
class Piece:
    """One part of a page. ``lead`` is the blank lines before it; ``raw`` its own lines."""

    kind: str  # heading | paragraph | list-item | quote | table | added-heading | note
    raw: str
    lead: str = ""
    anchor: str = ""  # framework anchor; the id of an added heading
    markdown: str = ""  # the text's Markdown (no marker, no attribute)
    level: int = 0  # headings
    head: tuple[str, ...] = ()  # tables: the header cells
    rows: tuple[Row, ...] = ()  # tables: the body rows

    @property
    def framework(self) -> bool:
        return self.kind in FRAMEWORK_KINDS

    @property
    def text(self) -> str:
        if self.kind == "table":
            return normalise(" ".join(reader_text(c) for c in self.head))
        return reader_text(self.markdown)


@dataclass
class Page:
    path: str  # relative to the framework folder, e.g. "judgements/health.md"
    pieces: list[Piece]
    tail: str = ""  # blank lines at the end of the file

    def render(self) -> str:
        return "".join(p.lead + p.raw for p in self.pieces) + self.tail

    def anchors(self) -> Iterable[str]:
        for piece in self.pieces:
            if piece.anchor:
                yield piece.anchor
            for row in piece.rows:
                yield row.anchor


def split_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split(" | ")]


def read_page(path: Path, name: str) -> Page:
    """A framework page as pieces; raises BlockError on anything the anchor rules do not allow."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    pieces: list[Piece] = []
    lead = ""
    i = 0

    def fail(message: str) -> BlockError:
        return BlockError(f"{name} line {i + 1}: {message}")

    while i < len(lines):
        line = lines[i]
        bare = line.rstrip("\n")
        if not bare.strip():
            lead += line
            i += 1
            continue
        heading = HEADING.match(bare)
        table = TABLE_OPEN.match(bare)
        if heading:
            kind = "added-heading" if heading["added"] else "heading"
            piece = Piece(kind, line, lead, heading["id"], heading["text"], len(heading["marks"]))
            i += 1
        elif table:
            end = next((j for j in range(i, len(lines)) if lines[j].rstrip("\n") == "</div>"), None)
            if end is None:
                raise fail("table without its closing </div>")
            body = [ln for ln in lines[i + 1 : end] if ln.strip()]
            if len(body) < 3 or not body[1].startswith("| ---"):
                raise fail("table without a header row")
            rows = []
            for row_line in body[2:]:
                cells = split_cells(row_line)
                match = ROW_ID.search(cells[0])
                if not match:
                    raise fail(f"table row without {{ #id }}: {row_line.strip()[:60]!r}")
                cells[0] = cells[0][: match.start()]
                rows.append(Row(match["id"], tuple(cells), row_line))
            raw = "".join(lines[i : end + 1])
            piece = Piece("table", raw, lead, table["id"], "", 0, tuple(split_cells(body[0])), tuple(rows))
            i = end + 1
        elif bare.startswith("!!! "):
            end = i + 1
            while end < len(lines) and (lines[end].startswith("    ") or not lines[end].strip()):
                end += 1
            while end > i + 1 and not lines[end - 1].strip():  # blank lines after a note lead the next piece
                end -= 1
            piece = Piece("note", "".join(lines[i:end]), lead)
            i = end
        else:
            if i + 1 >= len(lines):
                raise fail("text without { #id } on the next line")
            attr = ATTR_LINE.match(lines[i + 1].rstrip("\n"))
            if not attr:
                raise fail(f"text without {{ #id }} on the next line: {bare[:60]!r}")
            indent = attr["indent"]
            if indent == "  " and bare.startswith("- "):
                kind, markdown = "list-item", bare[2:]
            elif indent == "> " and bare.startswith("> "):
                kind, markdown = "quote", bare[2:]
            elif not indent:
                kind, markdown = "paragraph", bare
            else:
                raise fail(f"the {{ #id }} line does not fit its text: {bare[:60]!r}")
            piece = Piece(kind, line + lines[i + 1], lead, attr["id"], markdown)
            i += 2
        pieces.append(piece)
        lead = ""
    return Page(name, pieces, lead)


def read_pages(framework_dir: Path, names: Sequence[str]) -> list[Page]:
    """The pages, in the order given (the site's nav order)."""
    return [read_page(framework_dir / name, name) for name in names]


# ------------------------------------------------------------------ rendering


def _escape_start(markdown: str) -> str:
    """Keep text that begins like Markdown syntax as text."""
    if re.match(r"^(\d+)\. ", markdown):
        return re.sub(r"^(\d+)\. ", r"\1\\. ", markdown)
    if re.match(r"^([-+*>#|]) ", markdown):
        return "\\" + markdown
    return markdown


def render_piece(piece: Piece) -> str:
    """The Markdown lines of a framework piece (without its lead)."""
    if piece.kind == "heading":
        return f"{'#' * piece.level} {piece.markdown} {{ #{piece.anchor} }}\n"
    if piece.kind == "paragraph":
        return f"{_escape_start(piece.markdown)}\n{{ #{piece.anchor} }}\n"
    if piece.kind == "list-item":
        return f"- {piece.markdown}\n  {{ #{piece.anchor} }}\n"
    if piece.kind == "quote":
        return f"> {piece.markdown}\n> {{ #{piece.anchor} }}\n"
    if piece.kind == "table":
        head = "| " + " | ".join(piece.head) + " |\n"
        rule = "| " + " | ".join("---" for _ in piece.head) + " |\n"
        rows = "".join(row.line for row in piece.rows)
        return f'<div markdown="1" id="{piece.anchor}" class="sccif-table">\n\n{head}{rule}{rows}\n</div>\n'
    raise ValueError(f"no Markdown for a {piece.kind} piece")


def render_row(anchor: str, cells: Sequence[str]) -> str:
    first, *rest = [c.replace("|", "\\|") for c in cells]
    return "| " + " | ".join([f"{first} {{ #{anchor} }}", *rest]) + " |\n"


def with_markdown(piece: Piece, markdown: str) -> Piece:
    changed = replace(piece, markdown=markdown)
    return replace(changed, raw=render_piece(changed))


# ------------------------------------------------------------------ the capture


@dataclass(frozen=True)
class Block:
    """A block of the capture: a line (heading or paragraph), a bullet, or a table row."""

    kind: str  # line | bullet | head | row
    markdown: str  # as captured, without the bullet marker; a row's cells joined by tabs
    table: int = -1  # rows: which table of the capture (counted from 0)
    line: int = 0  # 1-based line number in the capture

    @property
    def text(self) -> str:
        return reader_text(self.markdown)

    @property
    def cells(self) -> tuple[str, ...]:
        return tuple(self.markdown.split("\t"))


@dataclass(frozen=True)
class Capture:
    version: str  # e.g. "5 April 2024", from the "Updated ..." line above the text
    blocks: tuple[Block, ...] = field(default=())


_END_OF_SENTENCE = re.compile(r"[.:;?!]['\u2019\u201d\"]?$")


def _ends_sentence(markdown: str) -> bool:
    return bool(_END_OF_SENTENCE.search(reader_text(markdown)))


def _joins(first: str, second: str, known: frozenset[str], prefixes: frozenset[str]) -> bool:
    """Whether two consecutive capture lines are one paragraph split at an old page break."""
    if "\t" in first or "\t" in second or second.startswith("- "):
        return False
    joined = reader_text(f"{first} {second}")
    if joined in known:
        return True
    if reader_text(first) in known or reader_text(second) in known:
        return False
    if _ends_sentence(first):
        return False
    lead = reader_text(first)
    if len(lead.split()) >= 6 and lead in prefixes:
        return True  # the start of a paragraph the pages have whole: its end was edited
    starts_lower = bool(re.match(r"^(?:\[)?[a-z]", second))
    return starts_lower and len(lead.split()) >= 6


def read_capture(path: Path, known: Iterable[str] = ()) -> Capture:
    """The blocks of a capture's body, between "[Print this page](#)" and "[Back to top](#)".

    ``known`` is the text of every block on the pages now: a paragraph the capture splits
    across two lines at an old page break is one block if the pages have it whole.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    try:
        start = lines.index(BODY_START) + 1
        end = lines.index(BODY_END, start)
    except ValueError:
        raise BlockError(
            f"{path}: not a capture of the GOV.UK page: no {BODY_START!r} line before a {BODY_END!r} line"
        ) from None
    versions = [m.group(1) for line in lines[:start] if (m := VERSION_LINE.match(line.strip()))]
    if not versions:
        raise BlockError(f"{path}: no 'Updated <date>' line above the text (the version of the page)")
    known_set = frozenset(known)
    prefixes = frozenset(
        " ".join(words[:n]) for words in (t.split() for t in known_set) for n in range(6, len(words))
    )
    body = [(n + 1, lines[n].rstrip()) for n in range(start, end) if lines[n].strip()]
    blocks: list[Block] = []
    table = -1
    in_table = False
    k = 0
    while k < len(body):
        number, line = body[k]
        if "\t" in line:
            if not in_table:
                table += 1
                in_table = True
                blocks.append(Block("head", line.strip(), table, number))
            else:
                blocks.append(Block("row", line.strip(), table, number))
            k += 1
            continue
        if in_table and re.match(r"^[a-z]", line) and k + 1 < len(body) and "\t" in body[k + 1][1]:
            last = blocks[-1]  # a cell the capture split at a page break
            blocks[-1] = replace(last, markdown=f"{last.markdown} {line.strip()}")
            k += 1
            continue
        in_table = False
        text = line.strip()
        while k + 1 < len(body) and _joins(text, body[k + 1][1].strip(), known_set, prefixes):
            k += 1
            text = f"{text} {body[k][1].strip()}"
        if text.startswith("- "):
            blocks.append(Block("bullet", text[2:], -1, number))
        else:
            blocks.append(Block("line", text, -1, number))
        k += 1
    return Capture(versions[0], tuple(blocks))
