"""The timeline's page states the counting rules in text and links every rule's paragraph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sccif_core.citations import framework
from sccif_core.timelines.kinds import KIND_RULES

PAGE = Path(__file__).resolve().parents[3] / "docs" / "tools" / "timeline.md"


def linked_anchors() -> set[str]:
    return set(re.findall(r"\]\(\.\./framework/[^)#]*#([A-Za-z0-9_-]+)\)", PAGE.read_text(encoding="utf-8")))


def table_of(anchor: str) -> str:
    """A table row's anchor (timeframe-1-8) belongs to its table (timeframe-1)."""
    entry = framework()["anchors"][anchor]
    return anchor.rsplit("-", 1)[0] if entry.get("kind") == "table-row" else anchor


class TestPage:
    def test_front_matter_and_container(self) -> None:
        """The page declares the timeline tool and has its container for the widget."""
        text = PAGE.read_text(encoding="utf-8")
        assert text.startswith("---\ntool: timeline\n")
        assert '<div class="sccif-tool" data-sccif-tool="timeline" markdown>' in text

    @pytest.mark.parametrize(
        "statement",
        [
            '**"Within N working days of X" is the Nth working day after X. X itself is not counted.**',
            "31 January + 1 month is 28 February",
            "marked **provisional**",
            "The timeline marks each of these with the framework's\nword.",
            "The day of feedback is counted as the last day of the inspection.",
        ],
    )
    def test_states_the_semantics(self, statement: str) -> None:
        """Without JavaScript the page still states each counting rule the timeline uses."""
        assert statement in PAGE.read_text(encoding="utf-8")

    @pytest.mark.parametrize("kind", sorted(KIND_RULES))
    def test_links_each_rule(self, kind: str) -> None:
        """Every rule of every timeline is linked from the page, by its paragraph or its table."""
        linked = linked_anchors()
        missing = [
            rule.anchor
            for rule in KIND_RULES[kind]
            if rule.anchor not in linked and table_of(rule.anchor) not in linked
        ]
        assert missing == []

    def test_links_exist(self) -> None:
        """Every framework anchor the page links to exists."""
        assert linked_anchors() - set(framework()["anchors"]) == set()
