"""Compare the framework text on the built site with the GOV.UK source, line by line.

Used by tests/site/test_fidelity.py and scripts/fidelity_report.py.

The source (tests/fixtures/sccif-source.txt) is a flattened copy of the GOV.UK page:
links became ``[text](#)``, and some paragraphs are split across lines at old page
breaks. So the check works on normalised text streams, not on lines:

1. The source BODY is every line after "[Print this page](#)" and before
   "[Back to top](#)"; each non-blank line of it is a *substantive line*.
2. The site text is the article text of every framework page, in nav order, with
   site additions left out: permalink symbols, site notes (admonitions) and headings
   marked ``.sccif-added``, and the page furniture of the theme (the provenance <aside>).
3. Both are normalised (link syntax removed, curly quotes made straight, whitespace
   collapsed). Each substantive line must then be found in the site text, in order,
   and the site text between two consecutive lines must be empty (only whitespace).

So a dropped or reworded sentence fails (its line is not found), a moved block fails
(its line is found out of order) and an inserted sentence fails (unexpected text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests" / "fixtures" / "sccif-source.txt"
MKDOCS_YML = ROOT / "mkdocs.yml"

# Paragraphs the flattened source splits across two lines at old page breaks
# (source line numbers: first part, continuation). Each pair is one block on the site.
PAGE_BREAK_SPLITS = (
    (173, 175),
    (245, 247),
    (259, 261),
    (359, 361),
    (412, 414),
    (442, 444),
    (507, 509),
    (608, 610),
    (746, 748),
    (856, 858),
    (882, 884),
    (903, 905),
    (1121, 1123),
    (1267, 1269),
    (1290, 1292),
    (1346, 1348),
    (1429, 1431),
    (1459, 1461),
    (1489, 1491),
    (1514, 1516),
    (1569, 1571),
    (1617, 1619),
    (1663, 1665),
)
# Bullets whose "- " marker was lost in the flattened copy: separate list items on the site.
LOST_BULLET_MARKERS = (799, 1032)

BODY_START = "[Print this page](#)"
BODY_END = "[Back to top](#)"

_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\([^)]*\)")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalise(text: str) -> str:
    """Straight quotes, single spaces, no surrounding space."""
    return " ".join(text.translate(_QUOTES).split())


def normalise_source_line(line: str) -> str:
    """A source line as a reader sees it: link text only, no list marker, cells spaced."""
    text = _LINK.sub(lambda m: m.group(1), line)
    text = text.replace("\\(", "(").replace("\\)", ")")
    if text.startswith("- "):
        text = text[2:]
    return normalise(text.replace("\t", " "))


@dataclass(frozen=True)
class SourceLine:
    number: int  # 1-based line number in the fixture
    raw: str
    text: str  # normalised


def source_lines(path: Path = SOURCE) -> list[SourceLine]:
    """The substantive lines of the source body, in order."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(BODY_START) + 1
    end = lines.index(BODY_END)
    result = []
    for i in range(start, end):
        if lines[i].strip():
            result.append(SourceLine(i + 1, lines[i], normalise_source_line(lines[i])))
    return result


# ------------------------------------------------------------------ site text

_BLOCK_TAGS = {
    "p",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "div",
    "blockquote",
    "dt",
    "dd",
    "dl",
    "figure",
    "figcaption",
    "br",
}
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr", "source"}
_SKIP_CLASSES = {"headerlink", "admonition", "sccif-added", "sccif-provenance", "md-source-file"}
_SKIP_TAGS = {"script", "style", "aside", "nav", "form", "button", "template"}


class _ArticleText(HTMLParser):
    """Text of the first <article> element, leaving out site additions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0  # depth inside the article (0 = outside)
        self.skip_depth = 0  # depth at which a skipped subtree started (0 = not skipping)
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done or tag in _VOID_TAGS:
            if self.depth and not self.skip_depth and tag == "br":
                self.parts.append(" ")
            return
        if self.depth == 0:
            if tag == "article":
                self.depth = 1
            return
        self.depth += 1
        classes = set((dict(attrs).get("class") or "").split())
        if not self.skip_depth and (classes & _SKIP_CLASSES or tag in _SKIP_TAGS):
            self.skip_depth = self.depth
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.done or self.depth == 0 or tag in _VOID_TAGS:
            return
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")
        if self.skip_depth == self.depth:
            self.skip_depth = 0
        self.depth -= 1
        if self.depth == 0:
            self.done = True

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip_depth and not self.done:
            self.parts.append(data)


def article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    if not parser.depth and not parser.done:
        raise ValueError("no <article> element in the page")
    return normalise("".join(parser.parts))


class _IgnoreTags(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML ships no type information
    """mkdocs.yml may carry !!python/name tags; they do not matter for the nav."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def _nav_files(nav: Any) -> Iterable[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_files(value)


def framework_pages(mkdocs_yml: Path = MKDOCS_YML) -> list[str]:
    """The framework pages (docs-relative .md paths) in nav order."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_IgnoreTags)
    return [f for f in _nav_files(config["nav"]) if f.startswith("framework/")]


def built_html_path(site_dir: Path, md_path: str) -> Path:
    """``framework/report.md`` -> ``<site>/framework/report/index.html``."""
    stem = md_path[: -len(".md")]
    if stem.endswith("/index") or stem == "index":
        stem = stem[: -len("index")].rstrip("/")
    return site_dir / stem / "index.html" if stem else site_dir / "index.html"


def site_texts(site_dir: Path, pages: Iterable[str]) -> dict[str, str]:
    return {p: article_text(built_html_path(site_dir, p).read_text(encoding="utf-8")) for p in pages}


# ------------------------------------------------------------------ comparison


@dataclass
class Problem:
    kind: str  # missing | out-of-order | unexpected-text
    line: SourceLine | None
    detail: str

    def __str__(self) -> str:
        where = f"source line {self.line.number}: " if self.line else ""
        return f"{self.kind}: {where}{self.detail}"


@dataclass
class Result:
    total: int
    present: int  # found anywhere in the site text
    in_order: int  # found in order (the checker's pass count)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.in_order / self.total if self.total else 0.0

    def summary(self) -> str:
        return (
            f"{self.in_order} of {self.total} substantive source lines present in order "
            f"({100 * self.ratio:.1f}%); {self.present} present anywhere; "
            f"{len(self.problems)} problem(s)"
        )


def _excerpt(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def compare(lines: list[SourceLine], texts: Mapping[str, str]) -> Result:
    """Check every source line is in the pages' text, in order, with nothing between."""
    stream_parts: list[str] = []
    starts: list[tuple[int, str]] = []
    pos = 0
    for page, text in texts.items():
        starts.append((pos, page))
        stream_parts.append(text)
        pos += len(text) + 1
    stream = " ".join(stream_parts)

    def page_at(offset: int) -> str:
        current = starts[0][1] if starts else "?"
        for start, page in starts:
            if start <= offset:
                current = page
        return current

    result = Result(total=len(lines), present=0, in_order=0)
    cursor = 0
    for line in lines:
        if line.text in stream:
            result.present += 1
        at = stream.find(line.text, cursor)
        if at < 0:
            kind = "out-of-order" if line.text in stream else "missing"
            result.problems.append(Problem(kind, line, _excerpt(line.text)))
            continue
        gap = stream[cursor:at].strip()
        if gap:
            result.problems.append(
                Problem("unexpected-text", line, f"before this line on {page_at(at)}: {_excerpt(gap)!r}")
            )
        result.in_order += 1
        cursor = at + len(line.text)
    tail = stream[cursor:].strip()
    if tail:
        result.problems.append(Problem("unexpected-text", None, f"after the last line: {_excerpt(tail)!r}"))
    return result


def check_site(site_dir: Path) -> Result:
    return compare(source_lines(), site_texts(site_dir, framework_pages()))


# ------------------------------------------------------------------ blocks

_TEXT_BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}


class _Blocks(HTMLParser):
    """The text of each paragraph, list item, table cell and heading in the <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.open: list[list[str]] = []
        self.in_article = False
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article = True
        if not self.in_article or tag in _VOID_TAGS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self.skip or classes & _SKIP_CLASSES or tag in _SKIP_TAGS:
            self.skip += 1
            return
        if tag in _TEXT_BLOCKS:
            self.open.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False
        if not self.in_article or tag in _VOID_TAGS:
            return
        if self.skip:
            self.skip -= 1
            return
        if tag in _TEXT_BLOCKS and self.open:
            self.blocks.append(normalise("".join(self.open.pop())))

    def handle_data(self, data: str) -> None:
        if self.in_article and not self.skip:
            for parts in self.open:
                parts.append(data)


def block_texts(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return parser.blocks
