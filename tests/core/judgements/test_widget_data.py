"""The explorer's form is built before Python loads, from data that must match the core's."""

from __future__ import annotations

import json
from pathlib import Path

from sccif_core.judgements.conditions import CONDITIONS
from sccif_core.judgements.grades import GRADES, JUDGEMENTS, NOT_JUDGED, label

WIDGET = Path(__file__).resolve().parents[3] / "site_widgets" / "tools" / "judgements.js"


def widget_data() -> dict[str, object]:
    text = WIDGET.read_text(encoding="utf-8")
    start = text.index("const DATA = ") + len("const DATA = ")
    end = text.index(";\n// END SHARED DATA")
    data: dict[str, object] = json.loads(text[start:end])
    return data


def test_grades_match() -> None:
    """The widget lists the core's grades, best to worst, with the same labels."""
    assert widget_data()["grades"] == [[g, label(g)] for g in GRADES]
    assert widget_data()["not_judged"] == [NOT_JUDGED, label(NOT_JUDGED)]


def test_judgements_match() -> None:
    """The widget offers the core's five judgements, with titles, and 'not judged' only where allowed."""
    widget = {key: (title, flag) for key, title, flag in widget_data()["judgements"]}  # type: ignore[attr-defined]
    assert widget == {j.key: (j.title, j.can_be_not_judged) for j in JUDGEMENTS}


def test_conditions_match() -> None:
    """The widget offers the core's conditions, in order, with the same labels and dependencies."""
    assert widget_data()["conditions"] == [[c.key, c.label, c.requires] for c in CONDITIONS]
