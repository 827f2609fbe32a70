"""The home page leads with the questions people bring, and the loading words state a true download size."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# The questions, in order, and where each one leads: the tool, with the question chosen in the URL.
TASKS = [
    ("When will our report arrive?", "tools/timeline/?kind=full#sccif-tool"),
    ("Do we still meet 'wholly or mainly'?", "tools/occupancy/#sccif-tool"),
    ("What can the overall grade be?", "tools/judgements/#sccif-tool"),
    ("How many working days until…?", "tools/working-days/#sccif-tool"),
]


class ArticleLinks(HTMLParser):
    """The links of the page's <article>, in document order, as ("a", text, href)."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str, str]] = []
        self.depth = 0
        self.current: list[str] | None = None
        self.href = ""
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if self.depth and tag == "a":
            self.current = [tag]
            self.href = dict(attrs).get("href") or ""
            self.text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if self.current and tag == self.current[0]:
            self.items.append((tag, " ".join("".join(self.text).split()), self.href))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current:
            self.text.append(data)


def article(site_dir: Path) -> tuple[list[tuple[str, str, str]], str]:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    parser = ArticleLinks()
    parser.feed(html)
    body = html[html.index("<article") : html.index("</article>")]
    return parser.items, re.sub(r"<[^>]+>", "", body)


def test_the_four_questions_come_first_and_lead_into_their_tools(site_dir: Path) -> None:
    """The first links on the page are the four questions, before the routes, each to its tool with the question chosen."""
    items, _ = article(site_dir)
    links = [(text, href) for tag, text, href in items if tag == "a" and not href.startswith("#")]
    assert links[:4] == TASKS
    headings = re.findall(r'<h2 id="([^"]+)"', (site_dir / "index.html").read_text(encoding="utf-8"))
    assert headings[:2] == ["tasks", "start-here"], headings
    first_route = next(i for i, (_, href) in enumerate(links) if href.startswith("routes/"))
    assert first_route == len(TASKS), "the routes must follow the questions"
    for _, href in TASKS:
        assert (site_dir / href.split("?")[0].split("#")[0] / "index.html").is_file(), f"{href}: no such page"


def test_the_home_page_names_its_source_and_licence_in_its_own_words(site_dir: Path) -> None:
    """Beside the footer, the page itself says which version it follows, that it is not official, and the OGL."""
    _, text = article(site_dir)
    text = " ".join(text.split())
    assert "updated 5 April 2024" in text
    assert "This is not an official Ofsted or GOV.UK site." in text
    assert "Open Government Licence v3.0" in text


def runtime_download_bytes(site_dir: Path) -> int:
    """What a first visit downloads for the runtime: each file the worker fetches, as sent (its .br twin if any)."""
    patterns = [
        "runtime/pyodide-*/pyodide.mjs",
        "runtime/pyodide-*/pyodide.asm.mjs",
        "runtime/pyodide-*/pyodide.asm.wasm",
        "runtime/pyodide-*/python_stdlib-*.zip",
        "runtime/sccif-core-*/pyodide-lock.json",
        "runtime/sccif-core-*/*.whl",
        "runtime/widgets-*/worker.mjs",
        "runtime/widgets-*/config.mjs",
        "runtime/widgets-*/snapshot-store.mjs",
    ]
    total = 0
    for pattern in patterns:
        found = list(site_dir.glob(pattern))
        assert len(found) == 1, f"{pattern}: expected one file, found {found}"
        brotli = found[0].with_name(found[0].name + ".br")
        total += (brotli if brotli.is_file() else found[0]).stat().st_size
    return total


def test_the_first_visit_download_size_in_the_loading_words_is_the_built_runtimes(site_dir: Path) -> None:
    """ui.js says "about N MB": N is the runtime's size as sent, to the nearest half megabyte."""
    (ui,) = site_dir.glob("runtime/widgets-*/ui.js")
    match = re.search(r'FIRST_VISIT_DOWNLOAD = "about ([0-9.]+) MB"', ui.read_text(encoding="utf-8"))
    assert match, "ui.js no longer states the first-visit download size"
    measured = runtime_download_bytes(site_dir) / 1_000_000
    assert float(match.group(1)) == round(measured * 2) / 2, f"the runtime is {measured:.2f} MB as sent"
