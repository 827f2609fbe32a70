"""Exporting a self-evaluation as Markdown or CSV and importing it back: lossless, readable, and strict about problems."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings

from sccif_core.citations import cite
from sccif_core.errors import InputError
from sccif_core.preparation import read_csv, read_markdown, workspace_from_json, write_csv, write_markdown
from sccif_core.preparation.csv_format import COLUMNS, protect, unprotect
from sccif_core.preparation.items import groups
from sccif_core.preparation.workspace import Workspace
from tests.strategies import self_evaluation_workspaces

ROUND_TRIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORK = workspace_from_json(
    {
        "items": {
            "request-for-information-at-an-inspection-10": {
                "assessment": "needs-work",
                "evidence": "Training matrix <shared drive>",
                "notes": "# Not a heading\n\\starts with a backslash\n=SUM(A1)\n\nTwo staff to enrol & start.",
            },
            "case-tracking-and-sampling-11": {"assessment": "strong", "initials": "ab, C.D."},
            "health-good-7": {"assessment": "not-relevant"},
        },
        "findings": {"staff-unqualified": "yes", "reg28-breach": "no"},
    }
)


class TestMarkdown:
    def test_the_document_quotes_every_item_and_links_it(self) -> None:
        """Every item's framework text and a link to its anchor are in the document, with the user's answers."""
        text = write_markdown(WORK, base_url="https://example.test/")
        for group in groups():
            assert f"## {group.title}" in text
            for item in group.items:
                assert f"> {item.text}" in text
                assert f"[{item.id}](https://example.test/{cite(item.id).path})" in text
        assert "**Self-assessment:** Needs work" in text
        assert "**Children (initials only):** AB, CD" in text
        assert "**Answer:** Yes" in text

    def test_the_document_says_it_is_not_a_checklist_and_predicts_no_grade(self) -> None:
        """The not-a-checklist passage and the no-grade sentence are at the top, before any item."""
        text = write_markdown(WORK)
        first_item = text.index("#### ")
        assert text.index(cite("how-inspectors-use-the-evaluation-criteria-1").text) < first_item
        assert text.index("does not predict a grade") < first_item

    def test_notes_that_look_like_markdown_structure_are_escaped_and_read_back(self) -> None:
        """A notes line starting with '#' or a backslash gets a backslash; < and & are escaped; all read back."""
        text = write_markdown(WORK)
        assert "\n\\# Not a heading\n" in text
        assert "\n\\\\starts with a backslash\n" in text
        assert "Training matrix &lt;shared drive>" in text
        assert "enrol &amp; start." in text
        assert read_markdown(text) == WORK

    @ROUND_TRIP
    @given(self_evaluation_workspaces())
    def test_any_workspace_survives_a_markdown_round_trip(self, work: Workspace) -> None:
        """Writing then reading gives back exactly the same workspace."""
        assert read_markdown(write_markdown(work, exported="2026-11-19")) == work

    def test_a_hand_edit_to_a_self_assessment_is_read(self) -> None:
        """Changing 'Needs work' to 'Strong' in the file changes it in the workspace."""
        text = write_markdown(WORK).replace(
            "**Self-assessment:** Needs work", "**Self-assessment:** strong", 1
        )
        assert read_markdown(text).entry("request-for-information-at-an-inspection-10").assessment == "strong"

    def test_a_bad_self_assessment_is_reported_with_its_line(self) -> None:
        """An unknown self-assessment names the line of the item's heading and the field."""
        text = write_markdown(WORK).replace(
            "**Self-assessment:** Needs work", "**Self-assessment:** Great", 1
        )
        line = next(
            n
            for n, text_line in enumerate(text.split("\n"), 1)
            if "[request-for-information-at-an-inspection-10](" in text_line and text_line.startswith("####")
        )
        with pytest.raises(InputError) as caught:
            read_markdown(text)
        assert caught.value.problem.startswith(
            f"line {line} (Self-assessment): 'Great' is not a self-assessment"
        )

    def test_a_document_from_elsewhere_is_refused(self) -> None:
        """Markdown without the format line is not read as a self-evaluation."""
        with pytest.raises(InputError, match="not a self-evaluation downloaded from this page"):
            read_markdown("# Notes\n\nSome notes of my own.\n")

    def test_a_later_format_version_is_refused_by_name(self) -> None:
        """A file of another version of the format says which version it is."""
        text = write_markdown(WORK).replace(
            "Format: sccif-self-evaluation 1", "Format: sccif-self-evaluation 2"
        )
        with pytest.raises(InputError, match="version 2"):
            read_markdown(text)

    def test_an_item_that_no_longer_exists_is_reported(self) -> None:
        """An item id the framework does not have is an error at its line, not silently dropped."""
        text = write_markdown(WORK).replace("[health-good-7](", "[health-good-99](", 1)
        with pytest.raises(InputError, match="'health-good-99' is not an item"):
            read_markdown(text)

    def test_an_item_twice_is_reported(self) -> None:
        """The same item twice is ambiguous, so it is refused."""
        text = write_markdown(WORK)
        block = text[text.index("#### Case type 3") : text.index("#### Case type 4")]
        with pytest.raises(InputError, match="appears twice"):
            read_markdown(text + "\n" + block)


class TestCsv:
    def test_the_header_and_one_row_per_item_and_finding(self) -> None:
        """The first row names the columns; then one row per item, then one per finding."""
        rows = list(csv.reader(io.StringIO(write_csv(WORK))))
        assert tuple(rows[0]) == COLUMNS
        items = [i for g in groups() for i in g.items]
        assert len(rows) == 1 + len(items) + 5
        row = next(r for r in rows if r[2] == "request-for-information-at-an-inspection-10")
        assert row[3] == cite("request-for-information-at-an-inspection-10").text
        notes = WORK.entry("request-for-information-at-an-inspection-10").notes
        assert row[5:10] == ["Needs work", "Training matrix <shared drive>", "", notes, ""]
        finding = next(r for r in rows if r[2] == "staff-unqualified")
        assert finding[9] == "Yes"

    def test_cells_a_spreadsheet_would_run_are_written_as_text(self) -> None:
        """Cells starting with = + - @ or an apostrophe get an apostrophe; reading takes exactly that off."""
        for cell in ("=SUM(A1)", "+44", "-1", "@x", "'quoted", "''", "'", "\tx"):
            assert protect(cell) == "'" + cell
            assert unprotect(protect(cell)) == cell
        for cell in ("Plain", "a=b", "", "'plain"):
            assert unprotect(protect(cell)) == cell

    @ROUND_TRIP
    @given(self_evaluation_workspaces())
    def test_any_workspace_survives_a_csv_round_trip(self, work: Workspace) -> None:
        """Writing then reading gives back exactly the same workspace."""
        assert read_csv(write_csv(work)) == work

    def test_columns_may_be_moved_and_blank_rows_left(self) -> None:
        """A spreadsheet that reorders the columns or leaves empty rows still reads."""
        text = (
            "\ufeffNotes,Self-assessment,Item\r\n"
            "Check files,Needs work,case-tracking-and-sampling-9\r\n"
            ",,\r\n"
            ",strong,health-good-1\r\n"
        )
        work = read_csv(text)
        assert work.entry("case-tracking-and-sampling-9").assessment == "needs-work"
        assert work.entry("case-tracking-and-sampling-9").notes == "Check files"
        assert work.entry("health-good-1").assessment == "strong"

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "Item,Self-assessment\nhealth-good-1,Brilliant\n",
                "Row 2, column 'Self-assessment': 'Brilliant' is not a self-assessment",
            ),
            (
                "Item,Self-assessment\nhealth-good-1,strong\nhealth-good-1,adequate\n",
                "Row 3, column 'Item': 'health-good-1' is also on row 2.",
            ),
            (
                "Item,Self-assessment\nnot-an-anchor,strong\n",
                "Row 2, column 'Item': 'not-an-anchor' is not an item",
            ),
            (
                "Item,Children (initials only)\ncase-tracking-and-sampling-9,Jonathan\n",
                "Row 2, column 'Children (initials only)': 'Jonathan' does not look like initials",
            ),
            (
                "Item,Children (initials only)\nhealth-good-1,AB\n",
                "Row 2, column 'Children (initials only)': children's initials only go with the cases",
            ),
            ("Item,Answer\nstaff-unqualified,Maybe\n", "Row 2, column 'Answer': 'Maybe' is not an answer"),
            ("Name,Date\nAB,2026-01-01\n", "Row 1: this is not a self-evaluation downloaded from this page"),
            (
                "Item,Notes,Notes\nhealth-good-1,a,b\n",
                "Row 1, column 'Notes': the column 'Notes' appears twice.",
            ),
        ],
    )
    def test_problems_are_reported_at_their_row_and_column(self, text: str, message: str) -> None:
        """Each problem names the spreadsheet row (header is row 1) and the column, in plain words."""
        with pytest.raises(InputError) as caught:
            read_csv(text)
        assert str(caught.value).startswith(message[:1].upper() + message[1:])


class TestWorkspace:
    def test_self_assessments_are_read_by_key_or_label_in_any_case(self) -> None:
        """'Needs work', 'needs-work' and 'NEEDS WORK' are the same; 'not relevant' means not relevant here."""
        for value, key in (
            ("Needs work", "needs-work"),
            ("needs-work", "needs-work"),
            ("NEEDS  WORK", "needs-work"),
            ("Not relevant here", "not-relevant"),
            ("not relevant", "not-relevant"),
            ("", ""),
            ("Not assessed yet", ""),
        ):
            work = workspace_from_json({"items": {"health-good-1": {"assessment": value}}})
            assert work.entry("health-good-1").assessment == key

    def test_initials_are_written_in_capitals_and_names_are_refused(self) -> None:
        """'a.b., cd' is 'AB, CD'; a capitalised word or more than three letters is not initials."""
        work = workspace_from_json({"items": {"case-tracking-and-sampling-9": {"initials": "a.b., cd; J-R"}}})
        assert work.entry("case-tracking-and-sampling-9").initials == "AB, CD, JR"
        for name in ("Amy", "John", "ABCD", "A1"):
            with pytest.raises(InputError, match="does not look like initials"):
                workspace_from_json({"items": {"case-tracking-and-sampling-9": {"initials": name}}})

    def test_empty_entries_and_unanswered_findings_are_left_out(self) -> None:
        """An item with nothing recorded is not kept, so a saved workspace holds only the user's work."""
        work = workspace_from_json(
            {
                "items": {"health-good-1": {"assessment": "", "notes": "  \n "}},
                "findings": {"reg28-breach": ""},
            }
        )
        assert work.as_dict()["items"] == {} and work.as_dict()["findings"] == {}

    def test_line_endings_are_made_plain_and_evidence_is_one_line(self) -> None:
        """Windows line endings in notes become plain; a line break in 'where the evidence is kept' a space."""
        work = workspace_from_json(
            {"items": {"health-good-1": {"notes": "a\r\nb\r", "evidence": "shelf\n 3"}}}
        )
        assert work.entry("health-good-1").notes == "a\nb"
        assert work.entry("health-good-1").evidence == "shelf 3"

    def test_over_long_notes_are_refused_with_the_limit(self) -> None:
        """Notes longer than the limit say how long they are and what the limit is."""
        with pytest.raises(InputError, match="10,000"):
            workspace_from_json({"items": {"health-good-1": {"notes": "x" * 10_001}}})

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ([], "workspace"),
            ({"format": "other"}, "format"),
            ({"version": 9}, "version"),
            ({"items": ["health-good-1"]}, "items"),
            ({"items": {"nope": {}}}, "items"),
            ({"items": {"health-good-1": "strong"}}, "health-good-1"),
            ({"findings": {"nope": "yes"}}, "findings"),
            ({"findings": {"reg28-breach": "perhaps"}}, "reg28-breach"),
        ],
    )
    def test_a_bad_workspace_is_refused_naming_the_field(self, data: object, field: str) -> None:
        """Each kind of bad workspace gives an InputError naming where it is."""
        with pytest.raises(InputError) as caught:
            workspace_from_json(data)
        assert caught.value.field == field
