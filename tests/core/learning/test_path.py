"""The learning path: the issue's ten steps, in order, each linking to framework sections, and the page agrees."""

from __future__ import annotations

import re
from pathlib import Path

from sccif_core.citations import cite, framework
from sccif_core.learning.path import STEPS
from sccif_core.learning.questions import FAMILIES

ROOT = Path(__file__).resolve().parents[3]
PAGE = ROOT / "docs" / "learn" / "index.md"


def test_the_ten_steps_are_the_issues_in_its_order() -> None:
    """Principles, judgement structure, criteria, types, on-site, requirements, inadequate, special,
    young adults, safeguarding."""
    assert [s.key for s in STEPS] == [
        "principles",
        "judgement-structure",
        "criteria",
        "types-of-inspection",
        "on-site-inspection",
        "requirements-and-recommendations",
        "inadequate-next-steps",
        "special-circumstances",
        "young-adults",
        "safeguarding",
    ]
    assert [s.number for s in STEPS] == list(range(1, 11))


def test_every_step_links_to_framework_headings_that_exist() -> None:
    """Each anchor a step names is a heading in framework.json, on a framework page."""
    for step in STEPS:
        assert step.read
        for anchor in step.read:
            entry = framework()["anchors"][anchor]
            assert entry["kind"] == "heading", anchor
            assert cite(anchor).page.startswith("framework/")


def test_every_step_has_self_checks_from_known_generators() -> None:
    """Each step names at least one generator, and each is one the question module knows."""
    for step in STEPS:
        assert step.checks
        assert all(kind.split(":", 1)[0] in FAMILIES for kind in step.checks)


def test_the_page_sets_out_the_same_steps_and_links_in_the_same_order() -> None:
    """docs/learn/index.md has each step's heading, aim and reading links in order, and a self-check container."""
    text = PAGE.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    assert "tool: learning-path" in front
    sections = re.split(r"^## ", body, flags=re.MULTILINE)[1:]
    assert len(sections) == len(STEPS)
    for step, section in zip(STEPS, sections, strict=True):
        assert section.startswith(f"Step {step.number}: {step.title} {{ #step-{step.number} }}")
        assert step.aim in section
        linked = re.findall(r"\]\(\.\./([^)#]+)\.md#([^)]+)\)", section)
        assert [anchor for _, anchor in linked] == list(step.read)
        for page, anchor in linked:
            assert cite(anchor).page == page + "/"
        assert f'data-sccif-tool="learning-path" data-sccif-step="{step.number}"' in section
