"""The framework pages carry the GOV.UK text word for word, in order, and nothing else.

The rules of the comparison are in scripts/framework_text.py. The coverage figure is
printed by ``python scripts/fidelity_report.py`` (and by these tests with ``-s``).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts.framework_text import (
    LOST_BULLET_MARKERS,
    PAGE_BREAK_SPLITS,
    SOURCE,
    block_texts,
    built_html_path,
    check_site,
    compare,
    framework_pages,
    normalise_source_line,
    site_texts,
    source_lines,
)

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def result(site_dir: Path):  # type: ignore[no-untyped-def]
    outcome = check_site(site_dir)
    print(f"\nfidelity: {outcome.summary()}")
    return outcome


def test_every_source_line_is_present_in_order(result) -> None:  # type: ignore[no-untyped-def]
    """Every substantive line of the source body is on the framework pages, in the source's order."""
    problems = [p for p in result.problems if p.kind in ("missing", "out-of-order")]
    assert not problems, "\n".join(map(str, problems[:20]))
    assert result.in_order == result.total


def test_no_text_that_is_not_in_the_source(result) -> None:  # type: ignore[no-untyped-def]
    """The framework articles hold no text beyond the source, except marked site notes and headings."""
    problems = [p for p in result.problems if p.kind == "unexpected-text"]
    assert not problems, "\n".join(map(str, problems[:20]))


def test_coverage_is_complete(result) -> None:  # type: ignore[no-untyped-def]
    """The coverage ratio is 100% and counts the whole body (over 900 substantive lines)."""
    assert result.total > 900
    assert result.ratio == 1.0, result.summary()


def test_nav_lists_every_framework_page_once() -> None:
    """The nav holds every docs/framework page exactly once, so the order check sees all the text."""
    in_nav = framework_pages()
    on_disk = sorted(p.relative_to(DOCS).as_posix() for p in (DOCS / "framework").rglob("*.md"))
    assert sorted(in_nav) == on_disk
    assert len(set(in_nav)) == len(in_nav)


def test_page_break_splits_are_rejoined(site_dir: Path) -> None:
    """Each paragraph the source splits at a page break is a single block on the site."""
    raw = SOURCE.read_text(encoding="utf-8").split("\n")
    blocks = [
        b
        for page in framework_pages()
        for b in block_texts(built_html_path(site_dir, page).read_text("utf-8"))
    ]
    for first, rest in PAGE_BREAK_SPLITS:
        first_line = raw[first - 1].split("\t")[-1]  # a table row continues in its last cell
        a, b = normalise_source_line(first_line), normalise_source_line(raw[rest - 1])
        assert any(a in block and b in block for block in blocks), f"lines {first}+{rest} are not one block"


def test_page_break_list_covers_every_candidate() -> None:
    """Every line that ends mid-sentence before a lowercase line is a known split or a lost bullet."""
    known = {first for first, _ in PAGE_BREAK_SPLITS}
    lines = source_lines()
    for this, following in zip(lines, lines[1:], strict=False):
        ends_mid_sentence = this.raw.rstrip()[-1] not in ".:;?!\u201d"
        next_lowercase = re.sub(r"^\[", "", following.raw)[:1].islower()
        if ends_mid_sentence and next_lowercase:
            assert this.number in known or following.number in LOST_BULLET_MARKERS, this.number


def test_lost_bullet_markers_are_list_items(site_dir: Path) -> None:
    """The two bullets that lost their marker in the flattened copy are list items on the site."""
    raw = SOURCE.read_text(encoding="utf-8").split("\n")
    items: list[str] = []
    for page in framework_pages():
        html = built_html_path(site_dir, page).read_text("utf-8")
        items += [re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<li[^>]*>(.*?)</li>", html, re.S)]
    for number in LOST_BULLET_MARKERS:
        assert normalise_source_line(raw[number - 1]) in [" ".join(i.split()) for i in items]


# ---------------------------------------------------------------- the checker can fail


@pytest.fixture
def site_copy(site_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    for page in framework_pages():
        src = built_html_path(site_dir, page)
        dest = built_html_path(copy, page)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    return copy


def _edit(site: Path, page: str, old: str, new: str) -> None:
    path = built_html_path(site, page)
    html = path.read_text(encoding="utf-8")
    assert html.count(old) == 1, f"{old!r} is not unique on {page}"
    path.write_text(html.replace(old, new), encoding="utf-8")


def test_checker_passes_an_unchanged_copy(site_copy: Path) -> None:
    """The copy used by the mutation tests passes, so their failures come from the mutation."""
    outcome = check_site(site_copy)
    assert not outcome.problems and outcome.ratio == 1.0


def test_checker_fails_when_a_sentence_is_dropped(site_copy: Path) -> None:
    """Deleting one sentence from a paragraph is reported as a missing source line."""
    _edit(
        site_copy,
        "framework/judgements/helped-and-protected.md",
        " Staff look for children when they have absconded.",
        "",
    )
    outcome = check_site(site_copy)
    assert [p.line.number for p in outcome.problems if p.kind == "missing" and p.line] == [422]


def test_checker_fails_when_a_word_is_changed(site_copy: Path) -> None:
    """Rewording one number ("18" to "15" working days) is reported as a missing source line."""
    _edit(
        site_copy,
        "framework/report.md",
        "We will send the draft inspection report to the provider within 18 working days",
        "We will send the draft inspection report to the provider within 15 working days",
    )
    outcome = check_site(site_copy)
    assert [p.line.number for p in outcome.problems if p.kind == "missing" and p.line] == [1328]


def test_checker_fails_when_paragraphs_change_order(site_copy: Path) -> None:
    """Swapping two paragraphs is reported as a line out of order."""
    page = "framework/qualifications.md"
    path = built_html_path(site_copy, page)
    html = path.read_text(encoding="utf-8")
    first = re.search(r'<p id="registered-manager-qualifications-2">.*?</p>', html, re.S)
    second = re.search(r'<p id="registered-manager-qualifications-3">.*?</p>', html, re.S)
    assert first and second
    swapped = (
        html[: first.start()]
        + second.group(0)
        + html[first.end() : second.start()]
        + first.group(0)
        + html[second.end() :]
    )
    path.write_text(swapped, encoding="utf-8")
    outcome = check_site(site_copy)
    assert any(p.kind == "out-of-order" for p in outcome.problems)
    assert outcome.ratio < 1.0


def test_checker_fails_when_text_is_added(site_copy: Path) -> None:
    """A sentence that is not in the source, added to a page, is reported as unexpected text."""
    _edit(
        site_copy,
        "framework/personal-data.md",
        "necessary to help us evaluate children's social care services.",
        "necessary to help us evaluate children's social care services. We never keep any data.",
    )
    outcome = check_site(site_copy)
    assert any(
        p.kind == "unexpected-text" and "We never keep any data." in p.detail for p in outcome.problems
    )


def test_checker_fails_when_a_page_is_missing_from_the_text() -> None:
    """Leaving a page's text out makes every one of its source lines missing."""
    lines = source_lines()
    texts = {"only": " ".join(line.text for line in lines if line.number < 1787)}
    outcome = compare(lines, texts)
    missing = {p.line.number for p in outcome.problems if p.line}
    assert missing == {line.number for line in lines if line.number >= 1787}


def test_source_body_excludes_govuk_furniture() -> None:
    """The body starts at the Introduction and stops before 'Back to top', skipping menus and contents."""
    lines = source_lines()
    assert lines[0].text == "Introduction" and lines[0].number == 109
    assert lines[-1].text == "See Figure 1."
    texts = {line.text for line in lines}
    assert not texts & {
        "Print this page",
        "Back to top",
        "Is this page useful?",
        "Cookies on GOV.UK",
        "Contents",
    }


def test_site_texts_read_the_article_only(site_dir: Path) -> None:
    """The text compared is the article: no navigation, search box or provenance footer."""
    text = site_texts(site_dir, ["framework/annex.md"])["framework/annex.md"]
    assert text.startswith("Annex for figures Ofsted's post-inspection and complaints procedure Steps")
    assert "Open Government Licence" not in text and "Search" not in text


def test_no_framework_link_goes_nowhere(site_dir: Path) -> None:
    """No link in the framework text points at a bare "#": flattened links became real links or plain text."""
    for page in framework_pages():
        html = built_html_path(site_dir, page).read_text("utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        assert not re.findall(r'href="#"', article), page
        assert "](#)" not in article, page
