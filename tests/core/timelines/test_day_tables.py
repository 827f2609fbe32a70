"""The framework's two day tables, reproduced exactly from the source text."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings

from sccif_core.timelines import compute, rules
from sccif_core.timelines.model import Rule
from sccif_core.workdays import ENGLAND
from tests.core.timelines.framework_sentences import SOURCE, normalise
from tests.strategies import timeline_anchor_dates

ROW = re.compile(r"^(\d+)(?: to (\d+))?\t(.+)$")


def table_rows(heading: str) -> list[tuple[int, int | None, str]]:
    """Rows (day, last day of a range, activity) of the table under ``heading`` in the source."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    start = lines.index(heading) + 1
    rows = []
    for line in lines[start:]:
        if line.startswith("Figure 1"):
            break
        match = ROW.match(line.strip())
        if match:
            day, day_to, text = match.groups()
            rows.append((int(day), int(day_to) if day_to else None, text))
    return rows


FULL_TABLE = table_rows("Day\tFull inspection activity")
ASSURANCE_TABLE = table_rows("Day\tAssurance inspection activity")


def tabled(rules_: tuple[Rule, ...]) -> list[Rule]:
    return sorted((rule for rule in rules_ if rule.day is not None), key=lambda rule: rule.day or 0)


class TestTablesAreTheFrameworks:
    def test_full_table_has_its_rows(self) -> None:
        """The source's full inspection table has the 11 rows from day 1 to day 39."""
        assert [(day, day_to) for day, day_to, _ in FULL_TABLE] == [
            (1, None),
            (2, None),
            (3, None),
            (4, None),
            (5, None),
            (6, None),
            (7, 10),
            (22, None),
            (27, None),
            (34, None),
            (39, None),
        ]

    def test_assurance_table_has_its_rows(self) -> None:
        """The source's assurance table has the 8 rows from day 1 to day 37."""
        assert [(day, day_to) for day, day_to, _ in ASSURANCE_TABLE] == [
            (1, None),
            (2, None),
            (3, None),
            (4, 7),
            (20, None),
            (25, None),
            (32, None),
            (37, None),
        ]

    @pytest.mark.parametrize(
        ("table", "rules_"),
        [(FULL_TABLE, rules.FULL), (ASSURANCE_TABLE, rules.ASSURANCE)],
        ids=["full", "assurance"],
    )
    def test_one_rule_per_row_with_its_words(
        self, table: list[tuple[int, int | None, str]], rules_: tuple[Rule, ...]
    ) -> None:
        """Each table row is one rule with the same day numbers, quoting the row's own words."""
        rows = tabled(rules_)
        assert [(rule.day, rule.day_to) for rule in rows] == [(day, day_to) for day, day_to, _ in table]
        for rule, (_, _, text) in zip(rows, table, strict=True):
            assert normalise(rule.wording) in normalise(text)

    @pytest.mark.parametrize(
        ("rules_", "anchor_day"), [(rules.FULL, 4), (rules.ASSURANCE, 2)], ids=["full", "assurance"]
    )
    def test_offsets_are_day_minus_anchor_day(self, rules_: tuple[Rule, ...], anchor_day: int) -> None:
        """Day D of the table is D minus the last site day, in working days, counting back or forward."""
        for rule in tabled(rules_):
            if rule.after not in ("end", "visit"):
                continue  # counted from the draft or final report: checked below
            assert rule.offset.unit == "working_days"
            assert rule.offset.amount == rule.day - anchor_day
            if rule.day_to is not None:
                assert rule.until is not None and rule.until.amount == rule.day_to - anchor_day

    def test_keys_of_the_report_milestones(self) -> None:
        """The four report milestones have exactly the keys the issue names, in both tables."""
        for rules_ in (rules.FULL, rules.ASSURANCE):
            keys = [rule.key for rule in rules_ if rule.day and rule.day > 10]
            assert keys == ["draft_report", "provider_comments", "final_report", "publication"]


class TestDatedTablesMatchTheDayNumbers:
    @settings(deadline=None)
    @given(timeline_anchor_dates())
    def test_full_table_days(self, end: date) -> None:
        """For any last day on site, each dated row is (day - 4) working days after it, as numbered in the table."""
        for milestone in compute("full", {"end": end.isoformat()}).milestones:
            if milestone.day is None:
                continue
            day = date.fromisoformat(milestone.date_from or milestone.date)
            if milestone.day >= 4:
                assert ENGLAND.count(end, day) == milestone.day - 4
            else:
                # counted back from the end; an end on a non-working day is not itself counted
                on_working_day = 1 if ENGLAND.is_working_day(end) else 0
                assert ENGLAND.count(day, end) - on_working_day == 3 - milestone.day
                assert ENGLAND.is_working_day(day)
            if milestone.day_to is not None:
                assert ENGLAND.count(end, date.fromisoformat(milestone.date)) == milestone.day_to - 4

    @settings(deadline=None)
    @given(timeline_anchor_dates())
    def test_assurance_table_days(self, visit: date) -> None:
        """For any site visit, each dated row is (day - 2) working days after it, as numbered in the table."""
        for milestone in compute("assurance", {"visit": visit.isoformat()}).milestones:
            if milestone.day is None:
                continue
            day = date.fromisoformat(milestone.date_from or milestone.date)
            if milestone.day >= 2:
                assert ENGLAND.count(visit, day) == milestone.day - 2
            else:
                on_working_day = 1 if ENGLAND.is_working_day(visit) else 0
                assert ENGLAND.count(day, visit) - on_working_day == 1 - milestone.day
                assert ENGLAND.is_working_day(day)
            if milestone.day_to is not None:
                assert ENGLAND.count(visit, date.fromisoformat(milestone.date)) == milestone.day_to - 2

    def test_framework_example_exactly(self) -> None:
        """A Thursday 19 November 2026 end gives the table's days 1 to 39 on these dates."""
        got = {
            m.day: (m.date_from or m.date, m.date)
            for m in compute("full", {"end": "2026-11-19"}).milestones
            if m.day
        }
        assert got == {
            1: ("2026-11-16", "2026-11-16"),
            2: ("2026-11-17", "2026-11-17"),
            3: ("2026-11-18", "2026-11-18"),
            4: ("2026-11-19", "2026-11-19"),
            5: ("2026-11-20", "2026-11-20"),
            6: ("2026-11-23", "2026-11-23"),
            7: ("2026-11-24", "2026-11-27"),  # days 7 to 10
            22: ("2026-12-15", "2026-12-15"),
            27: ("2026-12-22", "2026-12-22"),
            34: (
                "2027-01-05",
                "2027-01-05",
            ),  # Christmas Day, Boxing Day (substitute), New Year's Day skipped
            39: ("2027-01-12", "2027-01-12"),
        }
