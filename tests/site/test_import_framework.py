"""Importing a new version of the framework (scripts/import_framework.py, issue 17).

A synthetic "next version" is made here from the current capture (tests/fixtures/sccif-source.txt):
a sentence a rule quotes is edited, a paragraph added, a bullet removed and a section moved.
The import must keep every other anchor, report exactly those changes and flag the rules
whose quoted words changed. The current capture itself must change nothing, byte for byte.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks import rule_quotes
from sccif_core.register import quotations
from scripts import change_report
from scripts.framework_blocks import read_capture, read_page, read_pages
from scripts.framework_text import SOURCE
from scripts.import_framework import (
    Ids,
    Result,
    anchor_texts,
    framework_names,
    import_capture,
    main,
    old_units,
)

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
FRAMEWORK = DOCS / "framework"

# Quoted by the timeline rules at #quality-assurance-and-publishing-3 (docs/framework/report.md).
DRAFT_REPORT = (
    "We will send the draft inspection report to the provider within 18 working days of the end of "
    "the inspection."
)
DRAFT_REPORT_EDITED = DRAFT_REPORT.replace("within 18 working days", "within 15 working days")
# Follows #quality-assurance-and-publishing-4: "The provider will have 5 working days to comment on
# the draft report, process and findings."
COMMENTS = "The provider will have 5 working days to comment on the draft report, process and findings."
NEW_PARAGRAPH = "We will publish a short summary of the findings for children within 10 working days."


def edit_capture(tmp_path: Path, name: str, change: Callable[[list[str]], None]) -> Path:
    """A copy of the current capture, as the next version: changed by ``change``, updated 4 October 2024."""
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    change(lines)
    lines[lines.index("Updated 5 April 2024")] = "Updated 4 October 2024"
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def next_version(lines: list[str]) -> None:
    """Edit a sentence, add a paragraph, remove a bullet, move a section to another page."""
    lines[lines.index(DRAFT_REPORT)] = DRAFT_REPORT_EDITED
    at = lines.index(COMMENTS)
    lines[at + 1 : at + 1] = ["", NEW_PARAGRAPH]
    del lines[lines.index("- notifications")]  # #scheduling-9
    start = lines.index("Deferrals")  # heading #deferrals and its paragraph, split at a page break
    end = lines.index("Timeframe", start)
    section = lines[start:end]
    del lines[start:end]
    to = lines.index("The social care common inspection framework (SCCIF) applies to inspections of:")
    lines[to:to] = section  # under "Introduction", on the first page


@pytest.fixture(scope="module")
def current() -> Result:
    return import_capture(SOURCE, DOCS)


@pytest.fixture(scope="module")
def synthetic_capture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return edit_capture(tmp_path_factory.mktemp("capture"), "next-version.txt", next_version)


@pytest.fixture(scope="module")
def synthetic(synthetic_capture: Path) -> Result:
    return import_capture(synthetic_capture, DOCS)


@pytest.fixture(scope="module")
def written(synthetic_capture: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    assert main([str(synthetic_capture), "--output", str(out)]) == 0
    return out


def entries(result: Result, what: str) -> list[tuple[str, str]]:
    return [(page["page"], item["anchor"]) for page in result.report["pages"] for item in page[what]]


class TestReadingPagesAndCaptures:
    @pytest.mark.parametrize("name", framework_names())
    def test_a_page_is_put_back_together_byte_for_byte(self, name: str) -> None:
        """Reading a framework page into pieces and writing it back gives the same bytes."""
        path = FRAMEWORK / name
        assert read_page(path, name).render() == path.read_text(encoding="utf-8")

    def test_the_current_capture_has_the_pages_blocks_in_order(self) -> None:
        """Each block of the current capture is one framework block of the pages, in nav order."""
        olds, _ = old_units(read_pages(FRAMEWORK, framework_names()))
        capture = read_capture(SOURCE, [u.text for u in olds])
        assert capture.version == "5 April 2024"
        assert [b.text for b in capture.blocks] == [u.text for u in olds]

    def test_a_file_that_is_not_a_capture_is_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file without the GOV.UK page's body gets a one-line message and exit status 2."""
        path = tmp_path / "notes.txt"
        path.write_text("Some notes\n", encoding="utf-8")
        assert main([str(path), "--report-only"]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1
        assert "not a capture of the GOV.UK page" in err

    def test_a_capture_not_newer_than_the_site_is_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Different text under the version the site already follows is not imported over it."""
        lines = SOURCE.read_text(encoding="utf-8").split("\n")
        lines[lines.index(DRAFT_REPORT)] = DRAFT_REPORT_EDITED
        capture = tmp_path / "same-version.txt"
        capture.write_text("\n".join(lines), encoding="utf-8")
        assert main([str(capture), "--output", str(tmp_path / "out")]) == 2
        assert "import only a newer version" in capsys.readouterr().err
        assert not (tmp_path / "out").exists()


class TestImportingTheCurrentCapture:
    def test_reports_no_changes(self, current: Result) -> None:
        """The capture the site was built from changes nothing and flags no rule."""
        assert current.report["pages"] == []
        assert current.report["rules"] == []
        assert not current.changed

    def test_leaves_the_pages_byte_for_byte_identical(self, tmp_path: Path) -> None:
        """Written elsewhere, each framework page is byte for byte the one in docs/; no report is stored."""
        assert main([str(SOURCE), "--output", str(tmp_path)]) == 0
        expected = sorted(p.relative_to(FRAMEWORK) for p in FRAMEWORK.rglob("*.md"))
        assert (
            sorted(p.relative_to(tmp_path / "framework") for p in (tmp_path / "framework").rglob("*.md"))
            == expected
        )
        for rel in expected:
            assert (tmp_path / "framework" / rel).read_bytes() == (FRAMEWORK / rel).read_bytes(), rel
        assert not (tmp_path / "changes").exists()

    def test_the_stored_what_changed_pages_are_made_from_their_reports(self) -> None:
        """docs/changes/ holds exactly what the stored JSON reports make: nobody edited the pages by hand."""
        reports = change_report.read_reports(DOCS / "changes")
        anchors = {a: v["page"] for a, v in anchor_texts(read_pages(FRAMEWORK, framework_names())).items()}
        made = change_report.pages(reports, anchors)
        assert sorted(made) == sorted(p.name for p in (DOCS / "changes").iterdir())
        for name, text in made.items():
            assert (DOCS / "changes" / name).read_text(encoding="utf-8") == text, name

    def test_the_site_says_which_version_it_follows(self) -> None:
        """The What changed page names the version the pages follow: 5 April 2024, nothing imported since."""
        index = (DOCS / "changes" / "index.md").read_text(encoding="utf-8")
        assert "updated **5 April 2024**" in index
        assert "No later version has been imported since 5 April 2024" in index


class TestImportingASyntheticNextVersion:
    def test_reports_the_edited_sentence_with_a_word_diff(self, synthetic: Result) -> None:
        """The edited sentence keeps its id and is the only changed block, with 18 -> 15 word by word."""
        assert entries(synthetic, "changed") == [("report.md", "quality-assurance-and-publishing-3")]
        item = synthetic.report["pages"][-1]["changed"][0]
        assert (item["old"], item["new"]) == (DRAFT_REPORT, DRAFT_REPORT_EDITED)
        assert ["-", "18"] in item["diff"]
        assert ["+", "15"] in item["diff"]

    def test_a_new_paragraph_gets_the_next_id_in_its_section(self, synthetic: Result) -> None:
        """The added paragraph sits after -4 but is -8: the section's highest was -7 (never renumber)."""
        assert entries(synthetic, "added") == [("report.md", "quality-assurance-and-publishing-8")]
        page = next(p for p in synthetic.pages if p.path == "report.md")
        order = [piece.anchor for piece in page.pieces]
        assert (
            order.index("quality-assurance-and-publishing-8")
            == order.index("quality-assurance-and-publishing-4") + 1
        )
        assert "We will publish a short summary" in page.render()

    def test_the_removed_bullet_is_reported(self, synthetic: Result) -> None:
        """The bullet 'notifications' (#scheduling-9) is reported removed and is gone from its page."""
        assert entries(synthetic, "removed") == [("inspections-notice-scheduling.md", "scheduling-9")]
        assert synthetic.report["pages"][1]["removed"][0]["text"] == "notifications"
        assert "scheduling-9" not in anchor_texts(synthetic.pages)

    def test_the_moved_section_keeps_its_ids(self, synthetic: Result) -> None:
        """The 'Deferrals' heading and its paragraph move to the introduction page with their ids and link."""
        assert entries(synthetic, "moved") == [
            ("introduction.md", "deferrals"),
            ("introduction.md", "deferrals-1"),
        ]
        assert {m["from_page"] for m in synthetic.report["pages"][0]["moved"]} == {
            "inspections-notice-scheduling.md"
        }
        intro = next(p for p in synthetic.pages if p.path == "introduction.md").render()
        assert "### Deferrals { #deferrals }" in intro
        assert (
            "[deferral policy](https://www.gov.uk/government/publications/deferring-ofsted-inspections)"
            in intro
        )

    def test_every_other_anchor_keeps_its_text(self, synthetic: Result) -> None:
        """Every anchor of the pages now, except the removed and changed one, has the same text afterwards."""
        before = anchor_texts(read_pages(FRAMEWORK, framework_names()))
        after = anchor_texts(synthetic.pages)
        for anchor, entry in before.items():
            if anchor == "scheduling-9":
                continue
            if anchor == "quality-assurance-and-publishing-3":
                assert after[anchor]["text"] == DRAFT_REPORT_EDITED
            else:
                assert after[anchor]["text"] == entry["text"], anchor
        assert set(after) - set(before) == {"quality-assurance-and-publishing-8"}

    def test_pages_without_a_change_keep_their_bytes(self, synthetic: Result) -> None:
        """Only the three pages the changes touch are rewritten; the moved section left its old page."""
        touched = {"introduction.md", "inspections-notice-scheduling.md", "report.md"}
        for page in synthetic.pages:
            same = page.render() == (FRAMEWORK / page.path).read_text(encoding="utf-8")
            assert same != (page.path in touched), page.path
        scheduling = next(p for p in synthetic.pages if p.path == "inspections-notice-scheduling.md")
        assert "{ #deferrals }" not in scheduling.render()

    def test_the_pages_carry_the_new_capture_in_order(
        self, synthetic: Result, synthetic_capture: Path
    ) -> None:
        """The framework blocks of the new pages, in nav order, are the blocks of the new capture."""
        olds, _ = old_units(synthetic.pages)
        capture = read_capture(synthetic_capture, [u.text for u in olds])
        assert [u.text for u in olds] == [b.text for b in capture.blocks]

    def test_flags_the_rules_that_quote_the_edited_sentence(self, synthetic: Result) -> None:
        """Exactly the rules quoting the edited sentence are listed, with the old and new text."""
        expected = {q.rule for q in quotations() if q.anchor == "quality-assurance-and-publishing-3"}
        assert expected  # the timeline rules quote it
        rules = synthetic.report["rules"]
        assert {r["rule"] for r in rules} == expected
        assert {(r["old_text"], r["new_text"]) for r in rules} == {(DRAFT_REPORT, DRAFT_REPORT_EDITED)}

    def test_the_what_changed_pages_link_every_change(self, written: Path) -> None:
        """The report is stored as JSON; the What changed page links each changed, added and moved block."""
        report = json.loads((written / "changes" / "2024-10-04.json").read_text(encoding="utf-8"))
        assert report["version"] == "4 October 2024"
        assert report["previous_version"] == "5 April 2024"
        index = (written / "changes" / "index.md").read_text(encoding="utf-8")
        assert "updated **4 October 2024**" in index
        for page, anchor in [
            ("report.md", "quality-assurance-and-publishing-3"),
            ("report.md", "quality-assurance-and-publishing-8"),
            ("introduction.md", "deferrals-1"),
        ]:
            assert f"](../framework/{page}#{anchor})" in index
        assert "(was #scheduling-9): notifications" in index
        assert "[no changes to show](2024-04-05.md)" in index  # the previous version's report stays
        assert (written / "changes" / "2024-04-05.md").read_text(encoding="utf-8") == (
            DOCS / "changes" / "2024-04-05.md"
        ).read_text(encoding="utf-8")

    def test_the_build_fails_until_the_rules_are_updated(self, written: Path) -> None:
        """The build hook stops on the imported pages, naming each rule and saying what to do."""
        config = {"docs_dir": str(written), "nav": [f"framework/{name}" for name in framework_names()]}
        with pytest.raises(PluginError) as failure:
            rule_quotes.on_pre_build(config)
        message = str(failure.value)
        for rule in {q.rule for q in quotations() if q.anchor == "quality-assurance-and-publishing-3"}:
            assert f"rule {rule} at #quality-assurance-and-publishing-3" in message
        assert "within 15 working days" in message
        assert "Re-read each paragraph" in message

    def test_the_build_passes_on_the_current_pages(self) -> None:
        """The same hook passes on docs/ as it is."""
        rule_quotes.on_pre_build(
            {"docs_dir": str(DOCS), "nav": [f"framework/{n}" for n in framework_names()]}
        )

    def test_the_build_fails_when_the_version_followed_is_not_stated_everywhere(self, written: Path) -> None:
        """After an import, the tools' and data's version must be updated to the version the pages follow."""
        with pytest.raises(PluginError, match="'Updated 4 October 2024'.*src/sccif_core/citations.py"):
            rule_quotes.check_version(written)


class TestTables:
    def test_an_edited_row_keeps_its_id_and_a_new_row_is_numbered_after_the_last(
        self, tmp_path: Path
    ) -> None:
        """The edited day-22 row stays #timeframe-1-8; a new row is #timeframe-1-12."""

        def change(lines: list[str]) -> None:
            row = next(i for i, line in enumerate(lines) if line.startswith("22\tDraft report sent"))
            lines[row] = lines[row].replace("within 18 working days", "within 15 working days")
            last = next(i for i, line in enumerate(lines) if line.startswith("39\tThe final report"))
            lines.insert(last + 1, "40\tThe provider is asked for feedback")

        result = import_capture(edit_capture(tmp_path, "tables.txt", change), DOCS)
        assert entries(result, "changed") == [("inspections-notice-scheduling.md", "timeframe-1-8")]
        assert entries(result, "added") == [("inspections-notice-scheduling.md", "timeframe-1-12")]
        assert entries(result, "removed") == entries(result, "moved") == []
        page = next(p for p in result.pages if p.path == "inspections-notice-scheduling.md").render()
        assert "| 40 { #timeframe-1-12 } | The provider is asked for feedback |" in page
        old = (FRAMEWORK / "inspections-notice-scheduling.md").read_text(encoding="utf-8")
        assert "| 27 { #timeframe-1-9 } |" in old
        assert page.count("{ #timeframe-1-9 }") == 1
        expected = {
            q.rule
            for q in quotations()
            if q.anchor == "timeframe-1-8" and "within 18 working days" in q.words
        }
        assert {r["rule"] for r in result.report["rules"]} == expected


class TestIds:
    def test_next_in_a_section_follows_the_highest_number(self) -> None:
        """A new block after -11 is -12, whatever sits between."""
        assert (
            Ids({"timeframe", "timeframe-1", "timeframe-11", "timeframe-1-8"}).next_in("timeframe")
            == "timeframe-12"
        )

    def test_an_id_removed_by_an_earlier_import_is_never_given_again(
        self, tmp_path: Path, synthetic_capture: Path
    ) -> None:
        """If a stored report removed #quality-assurance-and-publishing-8, the new paragraph is -9."""
        docs = tmp_path / "docs"
        shutil.copytree(FRAMEWORK, docs / "framework")
        shutil.copytree(DOCS / "changes", docs / "changes")
        earlier = {
            "version": "1 June 2024",
            "version_date": "2024-06-01",
            "previous_version": "5 April 2024",
            "baseline": False,
            "pages": [
                {
                    "page": "report.md",
                    "title": "The inspection report",
                    "added": [],
                    "changed": [],
                    "moved": [],
                    "notes": [],
                    "removed": [
                        {"anchor": "quality-assurance-and-publishing-8", "kind": "paragraph", "text": "x"}
                    ],
                }
            ],
            "rules": [],
        }
        (docs / "changes" / "2024-06-01.json").write_text(json.dumps(earlier), encoding="utf-8")
        result = import_capture(synthetic_capture, docs)
        assert entries(result, "added") == [("report.md", "quality-assurance-and-publishing-9")]
        assert result.report["previous_version"] == "1 June 2024"

    def test_a_new_heading_id_does_not_look_like_a_paragraph_id(self) -> None:
        """'Step 1' does not become step-1 when #step exists, nor any id ending in a number."""
        anchor = Ids({"step", "timeframe"}).heading("Step 1", "timeframe", "report")
        assert anchor.startswith("report-step-1")
        assert not anchor[-1].isdigit()
