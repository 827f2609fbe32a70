"""The register: every quotation a tool relies on is, word for word, at its anchor."""

from __future__ import annotations

from pathlib import Path

import pytest

from sccif_core.register import Quotation, is_at_anchor, moved, quotations, text_at

QUOTATIONS = quotations()


class TestQuotations:
    def test_covers_every_tool(self) -> None:
        """The register gathers the timelines, judgements, next steps, assurance and occupancy quotes."""
        families = {item.rule.split(".", 1)[0] for item in QUOTATIONS}
        assert {"timeline", "judgement", "next_step", "assurance", "occupancy"} <= families

    def test_each_quotation_once(self) -> None:
        """No quotation is listed twice."""
        assert len(set(QUOTATIONS)) == len(QUOTATIONS)

    @pytest.mark.parametrize("item", QUOTATIONS, ids=lambda item: f"{item.rule}@{item.anchor}")
    def test_words_are_at_their_anchor(self, item: Quotation) -> None:
        """Each rule's quoted words are at its anchor in data/framework.json."""
        assert is_at_anchor(item), (
            f"rule {item.rule!r}: the words it quotes are no longer at anchor {item.anchor!r}.\n"
            f"expected words: {item.words!r}\n"
            f"text now at the anchor: {text_at(item.anchor)!r}\n"
            "Re-read the paragraph and update the rule in the module that defines it "
            f"(see sccif_core.register for where {item.rule.split('.', 1)[0]} rules live)."
        )

    def test_a_changed_paragraph_is_found(self) -> None:
        """A quotation whose words are not at the anchor is reported by moved()."""
        data = {"anchors": {"report-1": {"text": "We will send the report within 20 working days."}}}
        kept = Quotation("t.kept", "report-1", "within 20 working days")
        changed = Quotation("t.changed", "report-1", "within 18 working days")
        gone = Quotation("t.gone", "report-9", "within 20 working days")
        assert moved((kept, changed, gone), data) == (changed, gone)


class TestOneRuleOneAnswer:
    """Every rule used by more than one tool gives the same date or constraint for the same inputs."""

    @pytest.mark.parametrize("end", ["2026-03-27", "2026-12-18", "2027-08-27", "2026-05-01"])
    @pytest.mark.parametrize("kind", ["full", "assurance"])
    def test_next_steps_and_timelines_give_the_same_dates(self, kind: str, end: str) -> None:
        """`judge --end` next steps and `timeline inadequate|serious-concerns` date each shared rule alike."""
        from datetime import date

        from sccif_core.judgements.next_steps import TIMELINE_KINDS, next_steps, steps_for
        from sccif_core.timelines import compute

        result = {s["key"]: s["when"] for s in next_steps(kind, date.fromisoformat(end))["steps"]}
        for step in steps_for(kind):
            if step.timing is None:
                continue
            timeline, field = TIMELINE_KINDS[step.timing.timeline]
            milestone = next(
                m for m in compute(timeline, {field: end}).milestones if m.key == step.timing.rule
            )
            assert result[step.key].get("date", result[step.key].get("date_to")) == milestone.date, step.key

    def test_manager_thresholds_quote_the_same_sentence_in_both_tools(self) -> None:
        """The timeline's 26- and 12-week dates and the judge's findings rest on the same framework words."""
        from sccif_core.judgements.conditions import condition
        from sccif_core.judgements.rules import RULES
        from sccif_core.timelines.rules import NO_MANAGER, NOT_APPLIED

        for timeline_rule, key in (
            (NO_MANAGER, "manager-vacancy-26-weeks"),
            (NOT_APPLIED, "manager-not-registered-12-weeks"),
        ):
            assert condition(key).anchor == timeline_rule.anchor
            judged = [r for r in RULES if key in r.when_conditions]
            assert judged and all(timeline_rule.wording in r.text for r in judged)

    def test_after_and_more_than_share_one_boundary(self) -> None:
        """Both "after 26 weeks" and "more than 12 weeks" start the day after the weeks end."""
        from sccif_core.timelines import compute

        # "The failure to appoint a manager after 26 weeks" (#leaders-and-managers-inadequate-3) and
        # "once appointed for more than 12 weeks" (#leaders-and-managers-inadequate-4), from Friday 1 May 2026:
        # 26 weeks end on Friday 30 October 2026, 12 weeks on Friday 24 July 2026.
        got = {
            m.key: m
            for m in compute("manager", {"vacancy": "2026-05-01", "appointed": "2026-05-01"}).milestones
        }
        assert (got["no_manager_26_weeks"].type, got["no_manager_26_weeks"].date) == ("from", "2026-10-31")
        assert (got["not_applied_12_weeks"].type, got["not_applied_12_weeks"].date) == ("from", "2026-07-25")

    def test_staff_qualifications_reading_is_what_the_engine_does(self) -> None:
        """With exceptional circumstances the engine sets no hard limit on leadership, as the reading says."""
        from sccif_core.judgements.engine import evaluate, facts
        from sccif_core.register import READINGS_BY_KEY

        # staff-qualifications-8: "Only in exceptional circumstances can the home be judged good for the
        # effectiveness of leaders and managers and inspectors must clearly explain these circumstances in
        # the report."
        reading = READINGS_BY_KEY["staff-exceptional-circumstances"]
        assert "is not a new hard limit at good" in reading.reading
        with_them = evaluate(facts({}, ["staff-unqualified", "exceptional-circumstances"])).leadership
        without = evaluate(facts({}, ["staff-unqualified"])).leadership
        assert with_them.limits == () and with_them.allowed == (
            "outstanding",
            "good",
            "requires-improvement",
            "inadequate",
        )
        assert [r.anchor for r in with_them.tendencies] == [
            "staff-qualifications-8",
            "staff-qualifications-8",
        ]
        assert without.allowed == ("requires-improvement", "inadequate")

    def test_shared_anchors_quote_agreeing_words(self) -> None:
        """Where two tools quote one paragraph, one's words contain the other's: they quote the same text."""
        from sccif_core.register import normalise

        by_anchor: dict[str, dict[str, set[str]]] = {}
        for item in QUOTATIONS:
            by_anchor.setdefault(item.anchor, {}).setdefault(item.rule.split(".", 1)[0], set()).add(
                item.words
            )
        checked = 0
        for families in by_anchor.values():
            if len(families) < 2:
                continue
            words = [normalise(w) for ws in families.values() for w in ws]
            for one in words:
                for other in words:
                    checked += 1
                    # Different sentences of one paragraph may be quoted; both must be in it, which
                    # test_words_are_at_their_anchor checks. Same-sentence quotes must agree exactly.
                    if one[:40] == other[:40]:
                        assert one in other or other in one
        assert checked > 0

    def test_every_reading_a_milestone_uses_is_in_the_register(self) -> None:
        """Milestones name their reading by key; each key is a reading on the interpretations page."""
        from sccif_core.register import READINGS_BY_KEY
        from sccif_core.timelines.kinds import KIND_RULES

        used = {rule.reading for rules in KIND_RULES.values() for rule in rules if rule.reading}
        assert used and used <= set(READINGS_BY_KEY)


class TestInterpretationsPage:
    """ "How this site reads the framework" lists every reading with the words it rests on."""

    PAGE = Path(__file__).resolve().parents[2] / "docs" / "interpretations.md"

    def test_page_is_generated_from_the_register(self) -> None:
        """`generate_interpretations.py --check` finds the committed page up to date with READINGS."""
        import subprocess
        import sys

        script = self.PAGE.parents[1] / "scripts" / "generate_interpretations.py"
        done = subprocess.run(
            [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert "GENERATED by scripts/generate_interpretations.py" in self.PAGE.read_text(encoding="utf-8")

    def test_check_fails_on_a_stale_page(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """`--check` exits 1 when the page differs from what READINGS would give, and 0 once rewritten."""
        from scripts import generate_interpretations as generator

        stale = tmp_path / "interpretations.md"
        stale.write_text(generator.render().replace("starts the day after the 26 weeks", "is 26 weeks"))
        monkeypatch.setattr(generator, "TARGET", stale)
        assert generator.main(["--check"]) == 1
        assert generator.main([]) == 0
        assert generator.main(["--check"]) == 0
        assert "starts the day after the 26 weeks" in stale.read_text(encoding="utf-8")

    def test_every_reading_is_on_the_page_with_its_words(self) -> None:
        """Each reading has its own heading anchor, its quotes word for word, and what the tools do."""
        from sccif_core.register import READINGS

        text = self.PAGE.read_text(encoding="utf-8")
        for item in READINGS:
            assert f"{{ #{item.key} }}" in text, item.key
            assert item.reading in text, item.key
            for anchor, words in item.quotes:
                assert f'"{words}"' in text and f"#{anchor})" in text, (item.key, anchor)

    def test_each_tool_page_links_to_the_readings_it_uses(self) -> None:
        """Every tool page a reading names links to the interpretations page."""
        from sccif_core.register import READINGS

        tools = {tool for item in READINGS for tool in item.tools}
        for tool in tools:
            page = self.PAGE.parent / "tools" / f"{tool}.md"
            assert "../interpretations.md" in page.read_text(encoding="utf-8"), tool
