"""The criteria come from the site's pages, and every descriptor and evidence item of the source is there."""

from __future__ import annotations

import pytest

from sccif_core.citations import framework
from sccif_core.judgements.criteria import assurance_areas, criteria, good_descriptors, grouped
from sccif_core.judgements.grades import GRADES, JUDGEMENT_KEYS
from tests.core.judgements import judgement_source as source

SOURCE_CRITERIA = source.criteria()


def extracted_texts(key: str, part: str) -> list[str]:
    data = criteria(key)
    items = data["evidence"] if part == "evidence" else data["descriptors"][part]["items"]
    return [source.normalise(item["text"]) for item in items]


@pytest.mark.parametrize("key", JUDGEMENT_KEYS)
@pytest.mark.parametrize("part", ["evidence", *GRADES])
def test_every_source_item_is_extracted_in_order(key: str, part: str) -> None:
    """Every evidence bullet and grade descriptor of the GOV.UK source is in framework.json, in order."""
    expected = SOURCE_CRITERIA[key].get(part, [])
    assert extracted_texts(key, part) == expected


def test_the_source_parse_finds_the_criteria() -> None:
    """The check above is able to fail: the source yields the criteria it should (counts from the text)."""
    assert len(SOURCE_CRITERIA["helped-and-protected"]["good"]) == 22
    assert len(SOURCE_CRITERIA["leaders-and-managers"]["evidence"]) == 11
    assert len(SOURCE_CRITERIA["leaders-and-managers"]["inadequate"]) == 4


@pytest.mark.parametrize("key", JUDGEMENT_KEYS)
def test_every_criterion_has_an_anchor_on_the_site(key: str) -> None:
    """Each extracted item carries an anchor that framework.json knows."""
    data = criteria(key)
    anchors = framework()["anchors"]
    items = data["evidence"] + [i for g in GRADES for i in data["descriptors"][g]["items"]]
    for item in items:
        assert item["anchor"] in anchors


def test_good_descriptors_keep_lists_with_their_paragraph() -> None:
    """The health strategy descriptor (health-good-7) carries its 8 bullet points with it."""
    health = next(j for j in good_descriptors() if j["judgement"] == "health")
    seventh = next(d for d in health["descriptors"] if d["anchor"] == "health-good-7")
    assert len(seventh["points"]) == 8
    assert seventh["points"][0]["text"] == "physical health, substance misuse, emotional and mental health"
    assert len(health["descriptors"]) == 16 - 8


def test_grouping_leaves_a_list_with_nothing_before_it_alone() -> None:
    """A list item with no paragraph before it stays an item of its own."""
    items = [{"anchor": "a-1", "text": "x", "kind": "list-item"}]
    assert grouped(items) == [{"anchor": "a-1", "text": "x", "kind": "list-item", "points": []}]


def test_assurance_areas_match_the_source() -> None:
    """The three assurance areas and their descriptors are the source's, word for word."""
    expected = source.assurance_areas()
    areas = assurance_areas()
    assert [a["title"] for a in areas] == list(expected)
    for area in areas:
        assert [source.normalise(d["text"]) for d in area["descriptors"]] == expected[area["title"]]
