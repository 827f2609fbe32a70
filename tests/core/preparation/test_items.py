"""Self-evaluation items: every one is a passage of the framework, by an anchor that exists, in its own words."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from sccif_core import citations
from sccif_core.citations import cite, framework
from sccif_core.judgements import criteria as criteria_module
from sccif_core.judgements.grades import JUDGEMENT_KEYS
from sccif_core.preparation import items as items_module
from sccif_core.preparation.findings import FINDINGS
from sccif_core.preparation.items import (
    DAY_LISTS,
    NOT_A_CHECKLIST,
    WHY_PREPARE,
    groups,
    items_by_id,
    list_after,
)

ALL_ITEMS = [item for group in groups() for item in group.items]


class TestAnchors:
    @pytest.mark.parametrize("item", ALL_ITEMS, ids=lambda i: i.id)
    def test_every_item_maps_to_an_anchor_that_exists_with_its_text(self, item: items_module.Item) -> None:
        """Each item's id is an anchor in framework.json, and its text is the framework's text there."""
        assert item.id in framework()["anchors"]
        assert item.text == cite(item.id).text
        assert cite(item.id).path.endswith(f"#{item.id}")
        for point in item.points:
            assert point.text == cite(point.anchor).text

    def test_every_group_part_and_note_cites_an_anchor_that_exists(self) -> None:
        """Group headings, list lead-ins and notes, and the passages shown with every summary, all exist."""
        anchors = framework()["anchors"]
        for group in groups():
            assert group.source in anchors
            assert all(note in anchors for note in group.notes)
            for part in group.parts:
                assert part.source in anchors
                assert part.lead is None or part.lead in anchors
        assert all(a in anchors for a in (*NOT_A_CHECKLIST, WHY_PREPARE))
        assert all(f.source in anchors for f in FINDINGS)

    def test_item_ids_are_unique(self) -> None:
        """No anchor is asked about twice, so a workspace keyed by anchor is unambiguous."""
        assert len(items_by_id()) == len(ALL_ITEMS)


class TestCoverage:
    @pytest.mark.parametrize("key", JUDGEMENT_KEYS)
    def test_every_evidence_area_and_good_descriptor_of_each_judgement_is_an_item(self, key: str) -> None:
        """All of a judgement's areas of required evidence and 'good' descriptors (or their points) are on the page."""
        raw = framework()["criteria"][key]
        shown = {i.id for i in ALL_ITEMS if i.group == key} | {
            p.anchor for i in ALL_ITEMS if i.group == key for p in i.points
        }
        expected = {e["anchor"] for e in raw["evidence"]} | {
            d["anchor"] for d in raw["descriptors"]["good"]["items"]
        }
        assert expected == shown

    def test_the_judgements_come_first_in_the_frameworks_order_then_inspection_day(self) -> None:
        """Groups: the five judgements in the framework's order, then Annex A, the interview and the cases."""
        assert [g.key for g in groups()] == [*JUDGEMENT_KEYS, "annex-a", "manager-interview", "cases"]

    def test_education_and_health_say_the_framework_gives_no_evidence_list(self) -> None:
        """Where the framework has no separate evidence list, the group says so in words marked as the site's."""
        by_key = {g.key: g for g in groups()}
        for key in ("education", "health"):
            assert [p.title for p in by_key[key].parts] == ["What \u2018good\u2019 looks like"]
            assert "no separate list" in by_key[key].site_note
        assert by_key["overall-experiences"].site_note == ""


class TestInspectionDayLists:
    def test_annex_a_has_the_six_lines_of_enquiry_the_issue_names(self) -> None:
        """Exploitation, separation and locking in, return home interviews, education, healthcare, qualifications."""
        annex = next(g for g in groups() if g.key == "annex-a")
        assert [i.id for i in annex.items] == [
            f"request-for-information-at-an-inspection-{n}" for n in range(5, 11)
        ]
        words = [
            "exploitation",
            "locked into their bedrooms",
            "return home interviews",
            "educational provision",
            "healthcare",
            "qualification",
        ]
        for item, word in zip(annex.items, words, strict=True):
            assert word in item.text

    def test_the_manager_interview_is_the_list_after_its_lead_in(self) -> None:
        """'The interview with the registered manager usually covers:' is followed by 14 topics, all items."""
        interview = next(g for g in groups() if g.key == "manager-interview")
        assert (
            cite("discussions-with-managers-and-staff-8").text
            == "The interview with the registered manager usually covers:"
        )
        assert [i.id for i in interview.items] == [
            f"discussions-with-managers-and-staff-{n}" for n in range(9, 23)
        ]

    def test_the_cases_are_the_listed_kinds_and_the_serious_incident_with_initials_only(self) -> None:
        """The six kinds of case the framework lists, and 'a recent serious incident'; only these ask for initials."""
        cases = next(g for g in groups() if g.key == "cases")
        assert [i.id for i in cases.items] == [f"case-tracking-and-sampling-{n}" for n in range(9, 16)]
        assert "serious incident" in cases.items[-1].text
        assert all(i.asks_initials for i in cases.items)
        assert not any(i.asks_initials for i in ALL_ITEMS if i.group != "cases")
        assert cases.notes == ("case-tracking-and-sampling-20",)
        assert "initials" in cite("case-tracking-and-sampling-20").text

    def test_list_after_refuses_a_passage_with_no_list_after_it(self) -> None:
        """A lead-in that is not followed by list items is a mistake in the data, reported by name."""
        with pytest.raises(KeyError, match="no list follows"):
            list_after("request-for-information-at-an-inspection-1")
        with pytest.raises(KeyError, match="not a numbered"):
            list_after("no-such-anchor-1")

    def test_every_day_list_is_named_by_a_lead_in_ending_with_a_colon(self) -> None:
        """Each inspection-day list is introduced by a sentence of the framework ending with ':'."""
        for spec in DAY_LISTS:
            assert cite(spec.lead).text.endswith(":")


@pytest.fixture
def reworded_framework(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """framework.json with one Annex A line reworded, as if the docs had been corrected and extracted again."""
    data = copy.deepcopy(framework())
    data["anchors"]["request-for-information-at-an-inspection-9"]["text"] = (
        "children are receiving corrected healthcare"
    )
    for module in (citations, items_module, criteria_module):
        monkeypatch.setattr(module, "framework", lambda: data)
    groups.cache_clear()
    items_by_id.cache_clear()
    yield data
    groups.cache_clear()
    items_by_id.cache_clear()


def test_items_are_read_from_the_extracted_framework_not_retyped(reworded_framework: dict[str, Any]) -> None:
    """Change the extracted text and the item changes with it: nothing is kept as a copy."""
    assert (
        items_by_id()["request-for-information-at-an-inspection-9"].text
        == "children are receiving corrected healthcare"
    )
