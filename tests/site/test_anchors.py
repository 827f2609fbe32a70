"""Every heading, paragraph, list item and table of the framework has a stable anchor on the site.

The scheme is described in CONTRIBUTING.md ("How anchors are formed"). The authoritative list is
src/sccif_core/data/framework.json, generated from docs/ by scripts/extract_framework.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.framework_text import (
    PAGE_BREAK_SPLITS,
    SOURCE,
    built_html_path,
    framework_pages,
    normalise,
    normalise_source_line,
)

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORK_JSON = ROOT / "src" / "sccif_core" / "data" / "framework.json"

JUDGEMENTS = {
    # judgement key: its heading in the source
    "overall-experiences": "The overall experiences and progress of children",
    "education": "Children's education and learning experience",
    "health": "Children's health",
    "helped-and-protected": "How well children are helped and protected",
    "leaders-and-managers": "The effectiveness of leaders and managers",
}
GRADES = {
    "Good": "good",
    "Requires improvement to be good": "requires-improvement",
    "Inadequate": "inadequate",
    "Outstanding": "outstanding",
}


class _Elements(HTMLParser):
    """Every element inside <article>: (tag, id, classes, text, parent tag), in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict[str, object]] = []
        self.stack: list[dict[str, object]] = []
        self.in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article = True
            return
        if not self.in_article or tag in ("br", "img", "hr", "input", "wbr"):
            return
        a = dict(attrs)
        el: dict[str, object] = {
            "tag": tag,
            "id": a.get("id"),
            "classes": set((a.get("class") or "").split()),
            "parts": [],
            "parent": self.stack[-1]["tag"] if self.stack else "article",
            "ancestors": [str(e["tag"]) for e in self.stack]
            + [
                c
                for e in self.stack
                for c in e["classes"]  # type: ignore[union-attr]
            ],
            "parent_id": self.stack[-1]["id"] if self.stack else None,
            "ancestor_ids": [e["id"] for e in self.stack if e["id"]],
        }
        self.stack.append(el)
        self.elements.append(el)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False
            return
        if not self.in_article or not self.stack:
            return
        while self.stack:
            el = self.stack.pop()
            el["text"] = normalise("".join(el["parts"]))  # type: ignore[arg-type]
            if el["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        for el in self.stack:
            el["parts"].append(data)  # type: ignore[union-attr]


def elements(html: str) -> list[dict[str, object]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    for el in parser.elements:
        el.setdefault("text", normalise("".join(el["parts"])))  # type: ignore[arg-type]
    return parser.elements


def _framework_text(el: dict[str, object]) -> bool:
    """Framework text, not a site note (admonition) or the theme's furniture."""
    ancestors = el["ancestors"]
    assert isinstance(ancestors, list)
    return (
        not ({"admonition", "aside", "nav", "sccif-provenance"} & set(ancestors))
        and "headerlink" not in el["classes"]
    )  # type: ignore[operator]


@pytest.fixture(scope="module")
def pages(site_dir: Path) -> dict[str, list[dict[str, object]]]:
    return {p: elements(built_html_path(site_dir, p).read_text("utf-8")) for p in framework_pages()}


@pytest.fixture(scope="module")
def data() -> dict[str, object]:
    result: dict[str, object] = json.loads(FRAMEWORK_JSON.read_text("utf-8"))
    return result


def _ids(els: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(el["id"]): el for el in els if el["id"]}


# ---------------------------------------------------------------- the source's criteria


def source_criteria() -> dict[str, dict[str, object]]:
    """From the source text: per judgement, its evidence bullets and each grade's descriptor blocks."""
    raw = SOURCE.read_text(encoding="utf-8").split("\n")
    continuation = {rest for _, rest in PAGE_BREAK_SPLITS}
    joined = dict(PAGE_BREAK_SPLITS)
    start = raw.index("Evaluation criteria", raw.index("[Print this page](#)")) + 1
    end = raw.index("Legal context", start)
    result: dict[str, dict[str, object]] = {}
    key, grade = "", ""
    for n in range(start + 1, end + 1):
        line = raw[n - 1]
        if not line.strip() or n in continuation:
            continue
        text = normalise_source_line(line)
        if n in joined:
            text = f"{text} {normalise_source_line(raw[joined[n] - 1])}"
        keys = [k for k, title in JUDGEMENTS.items() if title == line]
        if keys:
            key, grade = keys[0], ""
            result[key] = {"evidence": [], "grades": {}}
        elif line in GRADES:
            grade = GRADES[line]
            result[key]["grades"].setdefault(grade, [])  # type: ignore[union-attr]
        elif line == "Areas of required evidence are:" or re.search(
            r"(likely to|will) be judged .*evidence of the following:$", line
        ):
            continue  # a lead-in sentence: the section's -intro anchor
        elif grade:
            result[key]["grades"][grade].append(text)  # type: ignore[index]
        elif line.startswith("- "):
            result[key]["evidence"].append(text)  # type: ignore[union-attr]
    return result


def test_source_criteria_parse_sanity() -> None:
    """The source parser finds 5 judgements with 4 grades each and the expected evidence counts."""
    crit = source_criteria()
    assert list(crit) == list(JUDGEMENTS)
    assert [len(c["evidence"]) for c in crit.values()] == [14, 0, 0, 5, 11]  # type: ignore[arg-type]
    assert all(len(c["grades"]) == 4 for c in crit.values())  # type: ignore[arg-type]


@pytest.mark.parametrize("key", list(JUDGEMENTS))
def test_every_required_evidence_item_has_its_anchor(key: str, pages, site_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Each area of required evidence is a list item with id <judgement>-evidence-<n>, in source order."""
    expected = source_criteria()[key]["evidence"]
    ids = _ids(pages[f"framework/judgements/{key}.md"])
    for n, text in enumerate(expected, start=1):  # type: ignore[arg-type]
        el = ids.get(f"{key}-evidence-{n}")
        assert el is not None, f"#{key}-evidence-{n} missing"
        assert el["tag"] == "li" and el["text"] == text
    assert f"{key}-evidence-{len(expected) + 1}" not in ids  # type: ignore[arg-type]
    if expected:
        assert ids[f"{key}-evidence"]["tag"] == "h2"
        assert ids[f"{key}-evidence-intro"]["text"] == "Areas of required evidence are:"


@pytest.mark.parametrize("key", list(JUDGEMENTS))
def test_every_grade_descriptor_has_its_anchor(key: str, pages) -> None:  # type: ignore[no-untyped-def]
    """Each grade descriptor paragraph (and bullet) has id <judgement>-<grade>-<n>, in source order."""
    grades = source_criteria()[key]["grades"]
    ids = _ids(pages[f"framework/judgements/{key}.md"])
    for grade, blocks in grades.items():  # type: ignore[union-attr]
        assert ids[f"{key}-{grade}"]["tag"] == "h2"
        assert "likely to be judged" in str(ids[f"{key}-{grade}-intro"]["text"]) or "will be judged" in str(
            ids[f"{key}-{grade}-intro"]["text"]
        )
        for n, text in enumerate(blocks, start=1):
            el = ids.get(f"{key}-{grade}-{n}")
            assert el is not None, f"#{key}-{grade}-{n} missing"
            assert el["tag"] in ("p", "li") and el["text"] == text, f"#{key}-{grade}-{n}"
        assert f"{key}-{grade}-{len(blocks) + 1}" not in ids


def test_anchors_that_tools_cite_exist(pages) -> None:  # type: ignore[no-untyped-def]
    """The anchors named in the conventions exist and hold the expected text."""
    by_page = {p: _ids(els) for p, els in pages.items()}
    h = by_page["framework/judgements/helped-and-protected.md"]
    assert str(h["helped-and-protected-good-4"]["text"]).startswith("Children who abscond experience")
    o = by_page["framework/judgements/overall-experiences.md"]
    assert o["overall-experiences-evidence-3"]["text"] == (
        "the extent to which staff are sensitive to the impact of living in a secure environment for children"
    )
    t = by_page["framework/inspections-notice-scheduling.md"]
    assert t["timeframe-1"]["tag"] == "div" and "Draft report sent" in str(t["timeframe-1"]["text"])
    assert str(t["timeframe-1-8"]["text"]) == "22"


def test_every_framework_block_has_an_id(pages) -> None:  # type: ignore[no-untyped-def]
    """Every heading, paragraph and list item of the framework text carries an id; every table is in an anchored div."""
    missing = []
    for page, els in pages.items():
        for el in els:
            if not _framework_text(el):
                continue
            tag = el["tag"]
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li") and not el["id"]:
                missing.append(f"{page}: <{tag}> {str(el['text'])[:60]!r}")
            if tag == "table":
                parent = next(e for e in els if e["id"] == el["parent_id"]) if el["parent_id"] else None
                if parent is None or "sccif-table" not in parent["classes"]:  # type: ignore[operator]
                    missing.append(f"{page}: table not inside an anchored div.sccif-table")
    assert not missing, "\n".join(missing[:20])


def test_table_rows_have_anchors(pages) -> None:  # type: ignore[no-untyped-def]
    """The first cell of every body row carries <table-anchor>-<row>, numbered from 1."""
    for page, els in pages.items():
        for el in els:
            if el["tag"] == "div" and "sccif-table" in el["classes"]:  # type: ignore[operator]
                table_id = str(el["id"])
                cells = [e for e in els if e["tag"] == "td" and str(e["id"] or "").startswith(table_id + "-")]
                body_rows = [
                    e
                    for e in els
                    if e["tag"] == "tr" and e["parent"] == "tbody" and table_id in e["ancestor_ids"]  # type: ignore[operator]
                ]
                numbers = [int(str(c["id"]).rsplit("-", 1)[1]) for c in cells]
                assert body_rows and numbers == list(range(1, len(body_rows) + 1)), (
                    f"{page}: {table_id} rows {numbers}"
                )


def test_list_item_ids_are_on_the_li(pages) -> None:  # type: ignore[no-untyped-def]
    """The `{ #id }` written after a list item lands on the <li> itself, not as visible text."""
    for page, els in pages.items():
        for el in els:
            assert "{ #" not in str(el.get("text", "")), f"{page}: attribute list shown as text"


def test_ids_are_unique_on_framework_pages_and_across_the_site(site_dir: Path) -> None:
    """No id repeats within a framework page, and no framework anchor is reused by a content page.

    Content pages are the home page, routes, glossary, regulations and about pages; tool pages
    (tools/) are left out: their headings' automatic ids are local to the tool.
    """
    framework_html = {built_html_path(site_dir, p) for p in framework_pages()}
    owner: dict[str, Path] = {}
    for path in framework_html:
        html = path.read_text("utf-8")
        dupes = [i for i, c in Counter(re.findall(r'\sid="([^"]+)"', html)).items() if c > 1]
        assert not dupes, f"{path}: duplicate ids {dupes[:5]}"
        for el in elements(html):
            if el["id"]:
                assert str(el["id"]) not in owner, f"#{el['id']} on {owner.get(str(el['id']))} and {path}"
                owner[str(el["id"])] = path
    clashes = []
    for path in sorted(site_dir.rglob("index.html")):
        if path in framework_html or path.relative_to(site_dir).parts[0] in ("tools", "runtime", "assets"):
            continue
        for el in elements(path.read_text("utf-8")):
            if el["id"] and str(el["id"]) in owner:
                clashes.append(f"#{el['id']}: {owner[str(el['id'])]} and {path}")
    assert not clashes, "\n".join(clashes[:20])


def test_framework_json_is_up_to_date() -> None:
    """src/sccif_core/data/framework.json matches what scripts/extract_framework.py makes from docs/."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "extract_framework.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr


def test_every_json_anchor_is_on_its_page(data, site_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Each anchor in framework.json is an element id in the built HTML of the page it names."""
    ids_by_page: dict[str, set[str]] = {}
    missing = []
    for anchor, entry in data["anchors"].items():  # type: ignore[index]
        page = entry["page"]
        if page not in ids_by_page:
            html = (site_dir / page / "index.html").read_text("utf-8")
            ids_by_page[page] = set(re.findall(r'\sid="([^"]+)"', html))
        if anchor not in ids_by_page[page]:
            missing.append(f"#{anchor} on {page}")
    assert not missing, "\n".join(missing[:20])


def test_every_framework_id_is_in_framework_json(data, pages) -> None:  # type: ignore[no-untyped-def]
    """No anchored framework element is missing from framework.json (so tools can cite all of them)."""
    known = set(data["anchors"])  # type: ignore[index]
    extra = [
        f"{page}: #{el['id']}"
        for page, els in pages.items()
        for el in els
        if el["id"]
        and _framework_text(el)
        and el["tag"] in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "div")
        and el["id"] not in known
    ]
    assert not extra, "\n".join(extra[:20])


def test_criteria_in_json_match_the_pages(data) -> None:  # type: ignore[no-untyped-def]
    """framework.json's criteria list the same evidence and descriptors as the source, with their anchors."""
    crit = source_criteria()
    for key, expected in crit.items():
        got = data["criteria"][key]  # type: ignore[index]
        assert [e["text"] for e in got["evidence"]] == [normalise(t) for t in expected["evidence"]]  # type: ignore[union-attr]
        for grade, blocks in expected["grades"].items():  # type: ignore[union-attr]
            assert [i["text"] for i in got["descriptors"][grade]["items"]] == blocks
            assert got["descriptors"][grade]["anchor"] == f"{key}-{grade}"
