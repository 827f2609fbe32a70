"""The explorer's form is built before Python loads, from the core's facts (never a hand-copied list).

The facts themselves are checked against the core in tests/core/test_page_facts.py; here, that
the explorer reads them from the generated facts.mjs and keeps no copy of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

WIDGETS = Path(__file__).resolve().parents[3] / "site_widgets" / "tools"
EXPLORER = [WIDGETS / "judgements.js", *sorted((WIDGETS / "judgements").glob("*.js"))]


def test_the_explorer_reads_the_generated_facts() -> None:
    """One module of the explorer imports FACTS from facts.mjs and takes the judgement data from it."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in EXPLORER if path.is_file()}
    importing = [
        name for name, text in texts.items() if re.search(r'import \{ FACTS \} from "[./]+/facts\.mjs"', text)
    ]
    assert importing, "no module of the judgement explorer imports FACTS from facts.mjs"
    assert any("FACTS.judgements" in texts[name] for name in importing)


def test_no_hand_copied_grades() -> None:
    """No explorer module spells out the grade list or a condition's words itself."""
    for path in EXPLORER:
        text = path.read_text(encoding="utf-8")
        assert "BEGIN SHARED DATA" not in text, path.name
        assert '["requires-improvement", "requires improvement to be good"]' not in text, path.name
