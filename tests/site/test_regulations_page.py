"""The "Regulations referenced" page covers every regulation the framework cites, and every place it does."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from scripts.framework_text import source_lines

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORK_JSON = ROOT / "src" / "sccif_core" / "data" / "framework.json"
LEGISLATION = "https://www.legislation.gov.uk/uksi/2015/541/regulation/"
QUALITY_STANDARDS = range(6, 15)

# "regulation 40", "regulations 44 and 45", "Regulation 28 of the ...", "regulation 47(1)"
_CITE = re.compile(
    r"\b[Rr]egulations? (\d+(?:\(\d+\))?(?:(?:, | and | or )\d+(?:\(\d+\))?)*)(?=([^.;]{0,60}))"
)
_OTHER_INSTRUMENT = re.compile(r"^ of the (?!Children's Homes \(England\) Regulations 2015)")
# The Guide's title mentions the quality standards without citing them
_GUIDE_TITLE = re.compile(
    r"Guide to the (children's homes )?regulations,? (including the|and) quality standards"
)


def cited_regulations(text: str) -> set[int]:
    """Numbers of the Children's Homes (England) Regulations 2015 that a piece of text cites."""
    found: set[int] = set()
    for match in _CITE.finditer(text):
        if _OTHER_INSTRUMENT.match(match.group(2)):
            continue  # e.g. regulation 3(1) of the Children (Secure Accommodation) Regulations 1991
        found |= {int(n) for n in re.findall(r"(\d+)(?:\(\d+\))?", match.group(1)) if int(n) < 100}
    if "quality standards" in _GUIDE_TITLE.sub("", text):
        found |= set(QUALITY_STANDARDS)
    return found


def test_citation_finder() -> None:
    """The citation finder reads the framework's ways of citing, and skips other instruments and years."""
    assert cited_regulations("reports made under regulations 44 and 45") == {44, 45}
    assert cited_regulations("(regulation 47(1) of the Children's Homes (England) Regulations 2015)") == {47}
    assert cited_regulations("Regulations 48 and 49 require the responsible individual") == {48, 49}
    assert (
        cited_regulations("under regulation 3(1) of the Children (Secure Accommodation) Regulations 1991")
        == set()
    )
    assert (
        cited_regulations("the Guide to the children's homes regulations, including the quality standards")
        == set()
    )
    assert cited_regulations("In addition to the quality standards, there are") == set(QUALITY_STANDARDS)


class _Sections(HTMLParser):
    """Links on the page, grouped by the id of the <h2> they follow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.section = ""
        self.links: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "h2" and a.get("id"):
            self.section = str(a["id"])
            self.links.setdefault(self.section, [])
        elif tag == "a" and self.section and a.get("href") and "headerlink" not in (a.get("class") or ""):
            self.links[self.section].append(str(a["href"]))


@pytest.fixture(scope="module")
def sections(site_dir: Path) -> dict[str, list[str]]:
    parser = _Sections()
    parser.feed((site_dir / "regulations" / "index.html").read_text("utf-8"))
    return parser.links


def _section_for(number: int) -> str:
    return "regulations-6-to-14" if number in QUALITY_STANDARDS else f"regulation-{number}"


def test_every_cited_regulation_has_a_section_with_its_legislation_link(sections) -> None:  # type: ignore[no-untyped-def]
    """Each regulation number the source cites has a section linking to it on legislation.gov.uk."""
    cited = set().union(*(cited_regulations(line.text) for line in source_lines()))
    assert {2, 27, 28, 32, 33, 40, 44, 45, 47, 48, 49} <= cited
    for number in sorted(cited):
        links = sections.get(_section_for(number))
        assert links is not None, f"no section for regulation {number}"
        assert f"{LEGISLATION}{number}" in links, f"regulation {number}: no legislation.gov.uk link"


def _place_links(links: list[str]) -> set[str]:
    """Links in a section that point into the framework: {anchor}."""
    return {urlparse(h).fragment for h in links if "framework/" in h and "#" in h}


def test_every_place_link_resolves(sections, site_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Each link from the page into the framework goes to an existing page and anchor."""
    base = "http://site.invalid/regulations/"
    checked = 0
    for links in sections.values():
        for href in links:
            if href.startswith("http") or "#" not in href:
                continue
            url = urlparse(urljoin(base, href))
            page = site_dir / url.path.lstrip("/") / "index.html"
            assert page.exists(), f"{href}: no page"
            assert f'id="{url.fragment}"' in page.read_text("utf-8"), f"{href}: no such anchor"
            checked += 1
    assert checked >= 30


def test_every_citing_place_is_listed(sections) -> None:  # type: ignore[no-untyped-def]
    """Every heading, paragraph, list item or table row that cites a regulation is linked from its section."""
    anchors = json.loads(FRAMEWORK_JSON.read_text("utf-8"))["anchors"]
    expected: dict[str, set[str]] = {}
    for anchor, entry in anchors.items():
        if entry["kind"] == "table":
            continue  # its rows are checked one by one
        for number in cited_regulations(entry["text"]):
            expected.setdefault(_section_for(number), set()).add(anchor)
    assert expected, "no citations found at all"
    for section, places in expected.items():
        listed = _place_links(sections.get(section, []))
        assert places == listed, (
            f"{section}: missing {sorted(places - listed)}, extra {sorted(listed - places)}"
        )
