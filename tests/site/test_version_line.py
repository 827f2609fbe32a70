"""Every framework page and every tool says, in one short line under its title, which version it follows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GOV_UK = "https://www.gov.uk/government/publications/social-care-common-inspection-framework-sccif-secure-childrens-homes"


def _is_tool(md: Path) -> bool:
    return md.read_text(encoding="utf-8").startswith("---\ntool:")


FRAMEWORK_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in (DOCS / "framework").rglob("*.md"))
TOOL_PAGES = sorted(
    p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if p.parts[-2] == "tools" or _is_tool(p)
)
OTHER_PAGES = ("index.md", "about.md", "glossary.md", "public/grades.md", "routes/public.md")

_LINE = re.compile(
    r'<aside class="sccif-version" aria-label="Version of the framework">(?P<body>.*?)</aside>', re.S
)
_HREF = re.compile(r'href="([^"]+)"')


def built_page(site_dir: Path, md_path: str) -> Path:
    stem = md_path.removesuffix(".md")
    stem = "" if stem == "index" else stem.removesuffix("/index")
    return site_dir / stem / "index.html" if stem else site_dir / "index.html"


def version_lines(html: str) -> list[re.Match[str]]:
    return list(_LINE.finditer(html))


def _text(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def test_the_pages_are_found() -> None:
    """The framework's 23 pages and the tool pages are found, so the checks below are not empty."""
    assert len(FRAMEWORK_PAGES) == 23
    assert {"tools/timeline.md", "tools/judgements.md", "prepare/self-evaluation.md"} <= set(TOOL_PAGES)


@pytest.mark.parametrize("page", FRAMEWORK_PAGES + TOOL_PAGES)
def test_framework_and_tool_pages_carry_one_version_line_under_the_title(site_dir: Path, page: str) -> None:
    """One line after the <h1>: the 5 April 2024 version, the current GOV.UK page, what has changed."""
    path = built_page(site_dir, page)
    html = path.read_text(encoding="utf-8")
    lines = version_lines(html)
    assert len(lines) == 1, f"{page}: {len(lines)} version lines"
    between = html[html.index("</h1>") + len("</h1>") : lines[0].start()]
    assert not between.strip(), f"{page}: the version line is not straight after the title"
    text = _text(lines[0]["body"])
    assert "Follows the framework as updated on 5 April 2024." in text
    assert len(text) <= 120, f"{page}: the version line is {len(text)} characters, not one short line"
    hrefs = _HREF.findall(lines[0]["body"])
    assert GOV_UK in hrefs
    about = [h for h in hrefs if h.endswith("about/#about-version")]
    assert len(about) == 1
    target = (path.parent / about[0].split("#")[0] / "index.html").resolve()
    assert target == (site_dir / "about" / "index.html").resolve()
    assert 'id="about-version"' in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", OTHER_PAGES)
def test_pages_this_site_writes_have_no_version_line(site_dir: Path, page: str) -> None:
    """The line is for the framework and the tools: the home page, guides and glossary do not carry it."""
    assert not version_lines(built_page(site_dir, page).read_text(encoding="utf-8"))


def test_about_this_version_lists_the_later_changes_and_tells_providers_to_check(site_dir: Path) -> None:
    """The section names each later GOV.UK update with its date, and says to check the current guidance."""
    html = (site_dir / "about" / "index.html").read_text(encoding="utf-8")
    start = html.index('id="about-version"')
    section = _text(html[start : html.index("<h2", start)])
    for fact in (
        "5 April 2024",
        "4 October 2024",
        "the complaints process",
        "reasonable adjustments",
        "children who do not speak",
        "Children's Commissioner",
        "Inadequate judgements: next steps",
        "4 April 2025",
        "complaints about a CQC inspector",
        "Annex A",
        "placement stability",
        "Big Listen",
    ):
        assert fact in section.replace("&#39;", "'"), fact
    assert "check the current guidance on GOV.UK before you rely on a date or a rule" in section
    assert f'href="{GOV_UK}"' in html[start : html.index("<h2", start)]
