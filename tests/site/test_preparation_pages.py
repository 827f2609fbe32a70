"""The public pages, the self-evaluation page and the learning path quote the framework exactly, with working links.

The public pages (issue 16) explain in plain words and link each statement to its paragraph; they
quote only where the exact words matter, so they are checked for links, not for a number of quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sccif_core.citations import cite, framework

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PUBLIC = tuple(sorted(p.relative_to(DOCS).as_posix() for p in (DOCS / "public").glob("*.md")))
PAGES = (*PUBLIC, "routes/public.md", "prepare/self-evaluation.md", "learn/index.md")
# "framework words" ([label](path#anchor)): a quotation followed straight away by its source link.
QUOTED = re.compile(r'"(?P<quote>[^"]+)"\s*\(\[[^\]]+\]\((?P<path>[^)#\s]*)#(?P<anchor>[^)\s]+)\)\)')
LINK = re.compile(r"\]\((?P<path>[^)#\s]+\.md)(?:#(?P<anchor>[^)\s]+))?\)")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _page_path(page: str, link: str) -> str:
    """A link relative to ``page`` as a site path: ../framework/report.md -> framework/report/."""
    target = (Path(page).parent / link).as_posix()
    parts: list[str] = []
    for part in target.split("/"):
        if part == "..":
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    path = "/".join(parts)
    return path[: -len(".md")] + "/" if path.endswith(".md") else path


def linked_anchors(page: str) -> set[str]:
    """The framework anchors a page links to."""
    text = (DOCS / page).read_text(encoding="utf-8")
    return {m["anchor"] for m in LINK.finditer(text) if m["anchor"]}


def quotes(page: str) -> list[tuple[str, str, str]]:
    text = _flat((DOCS / page).read_text(encoding="utf-8"))
    return [(m["quote"], m["path"], m["anchor"]) for m in QUOTED.finditer(text)]


@pytest.mark.parametrize("page", PAGES)
def test_every_quotation_is_the_frameworks_own_words_at_its_link(page: str) -> None:
    """Each "quoted" passage followed by a source link is, word for word, in the framework at that anchor."""
    found = quotes(page)
    for quote, path, anchor in found:
        assert anchor in framework()["anchors"], anchor
        assert _page_path(page, path) == cite(anchor).page, (path, anchor)
        assert _flat(quote) in _flat(cite(anchor).text), (anchor, quote)


@pytest.mark.parametrize("page", PAGES)
def test_every_link_into_the_framework_lands_on_an_anchor_of_that_page(page: str) -> None:
    """Every linked page exists, and an anchor on a framework page exists on the page linked to."""
    text = (DOCS / page).read_text(encoding="utf-8")
    for match in LINK.finditer(text):
        target = _page_path(page, match["path"])
        assert (DOCS / (target.rstrip("/") + ".md")).is_file(), target
        if target.startswith("framework/") and match["anchor"]:
            assert cite(match["anchor"]).page == target, match["anchor"]


def test_reading_a_report_links_every_row_of_the_report_contents_table() -> None:
    """Every section of the report in the framework's table is explained, with a link to its row."""
    anchors = linked_anchors("public/reading-a-report.md")
    rows = [a for a in framework()["anchors"] if re.fullmatch(r"content-of-the-sccif-report-1-\d+", a)]
    assert len(rows) == 9
    assert set(rows) <= anchors


def test_the_grades_page_links_each_grade_to_the_frameworks_words() -> None:
    """Outstanding, good, requires improvement and inadequate each link to the overall judgement's words."""
    anchors = linked_anchors("public/grades.md")
    for anchor in ("overall-experiences-outstanding-1", "overall-experiences-good-1",
                   "overall-experiences-requires-improvement-1", "overall-experiences-inadequate-1",
                   "how-inspectors-use-the-evaluation-criteria-4", "judgement-structure-2"):
        assert anchor in anchors


def test_after_an_inspection_covers_the_path_and_complaints_and_links_the_timeline() -> None:
    """Feedback, draft, comments, final report, publication, concerns and complaints, and the timeline calculator."""
    text = (DOCS / "public/after-an-inspection.md").read_text(encoding="utf-8")
    anchors = linked_anchors("public/after-an-inspection.md")
    for anchor in ("end-of-the-inspection-and-feedback-2", "quality-assurance-and-publishing-3",
                   "quality-assurance-and-publishing-4", "quality-assurance-and-publishing-5",
                   "post-inspection-and-complaints-procedure-1",
                   *(f"post-inspection-and-complaints-procedure-1-{n}" for n in (4, 6, 7)),
                   "concerns-1", "concerns-2", "concerns-3", "complaints-1"):
        assert anchor in anchors, anchor
    assert "](../tools/timeline.md)" in text


def test_the_self_evaluation_page_is_a_tool_page_that_says_it_is_not_a_checklist() -> None:
    """Front matter names the tool; the page quotes 'not derived from a checklist' and promises no grade."""
    text = (DOCS / "prepare/self-evaluation.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntool: self-evaluation\n")
    assert 'data-sccif-tool="self-evaluation"' in text
    assert "how-inspectors-use-the-evaluation-criteria-1" in {a for _, _, a in quotes("prepare/self-evaluation.md")}
    assert "never works out a grade" in _flat(text)
