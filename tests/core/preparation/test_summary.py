"""The summary and the findings: needs work by judgement, and the engine's rules for what the provider says, never a grade."""

from __future__ import annotations

import dataclasses
import json

import pytest

from sccif_core import browser_api
from sccif_core.citations import cite
from sccif_core.judgements import engine
from sccif_core.judgements.conditions import CONDITION_KEYS
from sccif_core.judgements.rules import RULES, RULES_BY_ID
from sccif_core.preparation import findings as findings_module
from sccif_core.preparation import summary, workspace_from_json
from sccif_core.preparation.findings import FINDINGS, prompts, reminders
from sccif_core.preparation.items import items_by_id


class TestFindings:
    def test_every_finding_is_a_condition_of_the_rules_engine(self) -> None:
        """Each question maps to one of the engine's own conditions, so the engine decides what follows."""
        assert {f.key for f in FINDINGS} <= set(CONDITION_KEYS)

    def test_staff_unqualified_shows_the_leadership_cap_in_the_engines_wording(self) -> None:
        """'None or very few staff qualified' -> the hard limit and the tendency on leadership, quoted, with the exception."""
        [reminder] = reminders({"staff-unqualified": "yes"})
        ids = [r["id"] for r in reminder["rules"]]
        assert ids == [
            "staff-unqualified-leadership-at-most-requires-improvement",
            "staff-unqualified-leadership-likely-inadequate",
        ]
        cap = RULES_BY_ID[ids[0]]
        # staff-qualifications-8: "... likely to be inadequate, and certainly no more than requires improvement."
        assert reminder["rules"][0] == {
            "id": cap.id,
            "strength": "always",
            "kind": "Hard limit",
            "signal": "certainly",
            "text": cap.text,
            "summary": cap.summary,
            "source": "staff-qualifications-8",
            "source_path": cite("staff-qualifications-8").path,
        }
        assert cap.text in cite("staff-qualifications-8").text
        # staff-qualifications-8: "Only in exceptional circumstances can the home be judged good for the
        # effectiveness of leaders and managers and inspectors must clearly explain these circumstances in
        # the report.": it lifts the limit, a tendency note, not a hard limit at good.
        assert [(r["id"], r["kind"]) for r in reminder["exceptions"]] == [
            ("staff-unqualified-exceptional-leadership-can-be-good", "Tendency")
        ]

    def test_a_regulation_28_finding_shows_the_limit_and_that_a_requirement_is_not_automatically_ri(
        self,
    ) -> None:
        """reg28 -> 'cannot be outstanding' (registered-manager-qualifications-4), with regulations-guide-and-sccif-6."""
        [reminder] = reminders({"reg28-breach": "yes"})
        assert [r["source"] for r in reminder["rules"]] == ["registered-manager-qualifications-4"]
        assert "cannot be outstanding" in reminder["rules"][0]["text"]
        assert [p["source"] for p in reminder["considerations"]] == ["regulations-guide-and-sccif-6"]

    def test_no_answers_or_only_no_gives_no_reminders(self) -> None:
        """Nothing answered 'yes' means no rule is shown: a finding that does not apply limits nothing."""
        assert reminders({}) == []
        assert reminders(dict.fromkeys(findings_module.FINDING_KEYS, "no")) == []

    def test_the_reminders_come_from_the_engine_not_a_copy(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """If the engine's rule were worded differently, the reminder would quote the new words."""
        changed = tuple(
            dataclasses.replace(r, text="CHANGED WORDING")
            if r.id == "reg28-requirement-leadership-not-outstanding"
            else r
            for r in RULES
        )
        monkeypatch.setattr(findings_module, "evaluate", lambda known: engine.evaluate(known, changed))
        [reminder] = reminders({"reg28-breach": "yes"})
        assert reminder["rules"][0]["text"] == "CHANGED WORDING"

    def test_needs_work_on_a_related_item_points_at_an_unanswered_question(self) -> None:
        """'Needs work' on the Annex A qualifications line asks the staff-qualifications question; answering stops it."""
        line = "request-for-information-at-an-inspection-10"
        assert prompts({line: "needs-work"}, {}) == [
            {
                "finding": "staff-unqualified",
                "question": findings_module.finding("staff-unqualified").question,
                "items": [line],
            },
        ]
        assert prompts({line: "needs-work"}, {"staff-unqualified": "no"}) == []
        assert prompts({line: "strong"}, {}) == []

    def test_related_items_exist_and_are_about_the_same_subject(self) -> None:
        """Every related item is on the page, and mentions qualifications or the manager as its finding does."""
        subject = {
            "manager-vacancy-26-weeks": "manager",
            "manager-not-registered-12-weeks": "manager",
            "reg28-breach": "qualif",
            "staff-unqualified": "qualif",
        }
        for found in FINDINGS:
            for item_id in found.related:
                assert item_id in items_by_id()
                assert subject[found.key] in items_by_id()[item_id].text.lower()


class TestSummary:
    WORK = workspace_from_json(
        {
            "items": {
                "leaders-and-managers-good-2": {"assessment": "needs-work", "notes": "Level 3 plan"},
                "health-good-1": {"assessment": "needs-work"},
                "overall-experiences-evidence-3": {"assessment": "strong"},
                "case-tracking-and-sampling-11": {"assessment": "needs-work", "initials": "AB"},
            },
            "findings": {"staff-unqualified": "yes"},
        }
    )

    def test_needs_work_is_grouped_by_judgement_in_the_frameworks_order(self) -> None:
        """Items marked needs work are listed under their judgement (or list), judgements first, in order."""
        data = summary(self.WORK)
        listed = [(g["key"], [i["id"] for i in g["needs_work"]]) for g in data["groups"] if g["needs_work"]]
        assert listed == [
            ("health", ["health-good-1"]),
            ("leaders-and-managers", ["leaders-and-managers-good-2"]),
            ("cases", ["case-tracking-and-sampling-11"]),
        ]
        lm = next(g for g in data["groups"] if g["key"] == "leaders-and-managers")
        assert lm["needs_work"][0]["notes"] == "Level 3 plan"

    def test_the_counts_add_up(self) -> None:
        """Counts per self-assessment add up to the number of items."""
        counts = summary(self.WORK)["counts"]
        assert counts["needs-work"] == 3 and counts["strong"] == 1
        assert counts["total"] == len(items_by_id()) == sum(v for k, v in counts.items() if k != "total")

    def test_the_summary_carries_no_grade_and_says_so(self) -> None:
        """No field of the summary is a grade; it says it predicts none and quotes 'not derived from a checklist'."""
        data = summary(self.WORK)
        assert "does not predict a grade" in data["no_grade"]
        assert data["not_a_checklist"][0]["text"] == cite("how-inspectors-use-the-evaluation-criteria-1").text
        assert set(data) == {"groups", "counts", "reminders", "prompts", "not_a_checklist", "no_grade"}
        assert all(set(g) == {"key", "kind", "title", "counts", "needs_work"} for g in data["groups"])
        for reminder in data["reminders"]:
            assert set(reminder) == {
                "finding",
                "question",
                "source",
                "source_path",
                "rules",
                "exceptions",
                "considerations",
                "quotes",
            }

    def test_the_same_passage_is_quoted_once_with_both_its_rules(self) -> None:
        """staff-qualifications-8 holds a hard limit and a tendency: one quote, two rules listed under it."""
        [reminder] = summary(self.WORK)["reminders"]
        main = [q for q in reminder["quotes"] if not q["exception"]]
        assert len(main) == 1
        assert [r["kind"] for r in main[0]["rules"]] == ["Hard limit", "Tendency"]


class TestBrowserFunctions:
    def call(self, name: str, payload: object) -> dict:  # type: ignore[type-arg]
        return json.loads(browser_api.call(name, json.dumps(payload)))

    def test_the_structure_lists_every_item_with_its_path(self) -> None:
        """prepare.structure gives every group, part and item with the framework's text and a link path."""
        result = self.call("prepare.structure", {})["result"]
        shown = [i for g in result["groups"] for p in g["parts"] for i in p["items"]]
        assert [i["id"] for i in shown] == list(items_by_id())
        assert all(i["source_path"] == cite(i["id"]).path for i in shown)
        assert [a["key"] for a in result["assessments"]] == [
            "strong",
            "adequate",
            "needs-work",
            "not-relevant",
        ]

    def test_export_then_import_through_the_api_gives_the_same_work(self) -> None:
        """What prepare.export_markdown / export_csv write, prepare.import reads back to the same workspace."""
        work = TestSummary.WORK.as_dict()
        for name, filename in (("prepare.export_markdown", "mine.md"), ("prepare.export_csv", "mine.csv")):
            exported = self.call(
                name, {"workspace": work, "base_url": "https://x.test/", "today": "2026-11-19"}
            )["result"]
            back = self.call("prepare.import", {"text": exported["text"], "name": filename})["result"]
            assert back["workspace"] == work
            assert back["items"] == 4 and back["findings"] == 1

    def test_exports_are_files_in_the_one_shape_the_page_saves(self) -> None:
        """{filename, mime, text}, as lib/download.js saves every file: named with the day, when given."""
        work = TestSummary.WORK.as_dict()
        dated = {"workspace": work, "base_url": "https://x.test/", "today": "2026-11-19"}
        markdown = self.call("prepare.export_markdown", dated)["result"]
        assert markdown["filename"] == "sccif-self-evaluation-2026-11-19.md"
        assert markdown["mime"] == "text/markdown;charset=utf-8"
        csv = self.call("prepare.export_csv", {"workspace": work})["result"]
        assert (csv["filename"], csv["mime"]) == ("sccif-self-evaluation.csv", "text/csv;charset=utf-8")
        assert set(markdown) == set(csv) == {"filename", "mime", "text"}

    def test_a_bad_import_comes_back_as_an_error_not_a_traceback(self) -> None:
        """An unreadable file is an error with the problem in words."""
        answer = self.call(
            "prepare.import", {"text": "Item,Self-assessment\nhealth-good-1,Great\n", "name": "x.csv"}
        )
        assert answer["error"]["row"] == 2 and answer["error"]["field"] == "Self-assessment"
        answer = self.call("prepare.import", {"text": "", "name": "x.md"})
        assert answer["error"]["problem"] == "the file is empty."

    def test_the_format_is_told_by_the_name_or_the_content(self) -> None:
        """A file called .csv is CSV; one with no name is Markdown if it starts like the export."""
        from sccif_core.preparation.browser import sniff

        assert sniff("anything", "Self evaluation.CSV") == "csv"
        assert sniff("# Self-evaluation\n", "") == "markdown"
        assert sniff("Item,Notes\n", "") == "csv"
