"""sccif_core.page_facts: what the pages need before Python loads, from the core itself."""

from __future__ import annotations

import json

from sccif_core.citations import SOURCE_VERSION
from sccif_core.judgements.conditions import CONDITIONS
from sccif_core.judgements.grades import GRADES, JUDGEMENTS, NOT_JUDGED, label
from sccif_core.page_facts import facts_module, page_facts
from sccif_core.timelines.kinds import KINDS


class TestPageFacts:
    def test_is_plain_json(self) -> None:
        """The facts survive a round trip through JSON unchanged (the module is JSON in a JS file)."""
        facts = page_facts()
        assert json.loads(json.dumps(facts)) == facts

    def test_version_is_the_frameworks(self) -> None:
        """The version is the framework version the core cites."""
        assert page_facts()["version"] == SOURCE_VERSION == "Updated 5 April 2024"

    def test_module_exports_the_facts(self) -> None:
        """facts.mjs is one `export const FACTS = <json>;` line after a comment."""
        text = facts_module()
        start = text.index("export const FACTS = ") + len("export const FACTS = ")
        assert json.loads(text[start : -len(";\n")]) == page_facts()


class TestJudgementFacts:
    def test_grades_best_to_worst(self) -> None:
        """Grades are the core's four, best to worst, with labels; "not judged" apart."""
        facts = page_facts()["judgements"]
        assert facts["grades"] == [[g, label(g)] for g in GRADES]  # type: ignore[index]
        assert facts["grades"][2] == ["requires-improvement", "requires improvement to be good"]  # type: ignore[index]
        assert facts["not_judged"] == [NOT_JUDGED, "not judged"]  # type: ignore[index]

    def test_every_judgement_once(self) -> None:
        """Each of the five judgements appears once, with its title and whether it can be "not judged"."""
        rows = page_facts()["judgements"]["judgements"]  # type: ignore[index]
        assert sorted(rows) == sorted([j.key, j.title, j.can_be_not_judged] for j in JUDGEMENTS)
        assert [key for key, _, can in rows if can] == ["education", "health"]

    def test_conditions_in_order(self) -> None:
        """Conditions keep the core's order, labels and dependencies."""
        rows = page_facts()["judgements"]["conditions"]  # type: ignore[index]
        assert rows == [[c.key, c.label, c.requires] for c in CONDITIONS]


class TestTimelineFacts:
    def test_every_kind_in_one_group(self) -> None:
        """Every kind of timeline sits in exactly one group of the page's list."""
        groups = page_facts()["timeline"]["groups"]  # type: ignore[index]
        listed = [key for _, keys in groups for key in keys]
        assert sorted(listed) == sorted(KINDS) and len(listed) == len(set(listed))

    def test_fields_are_the_kinds(self) -> None:
        """Each kind's fields are the ones the core reads, in order, each with a label and a hint."""
        kinds = page_facts()["timeline"]["kinds"]  # type: ignore[index]
        for key, kind in KINDS.items():
            described = kinds[key]["fields"]
            assert [f["name"] for f in described] == [f.name for f in kind.fields], key
            assert kinds[key]["option"], key
            for field in described:
                assert field["label"] and (field["hint"] or field["type"] == "choice"), (key, field)

    def test_optional_is_said_one_way(self) -> None:
        """A field that may be left empty says "(optional)", never "(if known)"; a required one says neither."""
        for kind in page_facts()["timeline"]["kinds"].values():  # type: ignore[index]
            for field in kind["fields"]:
                assert "(if known)" not in field["label"]
                optional = not field["required"] and field["type"] != "choice"
                assert field["label"].endswith(" (optional)") == optional, field

    def test_choices_have_words(self) -> None:
        """A choice offers (value, words) pairs; the first is the default the core uses."""
        full = page_facts()["timeline"]["kinds"]["full"]["fields"]  # type: ignore[index]
        complaint = next(f for f in full if f["name"] == "complaint")
        assert complaint["choices"] == [["no", "No"], ["yes", "Yes: the final report can come later"]]
