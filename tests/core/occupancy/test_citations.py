"""Every framework anchor the occupancy check and its page cite exists on the site.

The anchors come from src/sccif_core/data/framework.json, extracted from docs/framework/.
"""

from __future__ import annotations

import re
from pathlib import Path

from sccif_core.citations import cite, exists
from sccif_core.occupancy import CITATIONS, FRAMEWORK_WORDING, SOURCE

ROOT = Path(__file__).resolve().parents[3]
PAGE = ROOT / "docs" / "tools" / "occupancy.md"
WIDGET = ROOT / "site_widgets" / "tools" / "occupancy.js"


class TestCitations:
    """The core's citations."""

    def test_anchors_exist(self) -> None:
        """The source and every citation name an anchor in framework.json."""
        missing = [anchor for anchor in (SOURCE, *CITATIONS) if not exists(anchor)]
        assert missing == []

    def test_wording_is_the_framework_paragraph(self) -> None:
        """The wording the result quotes is the text of the source paragraph, word for word."""
        assert " ".join(cite(SOURCE).text.split()) == " ".join(FRAMEWORK_WORDING.split())

    def test_source_is_on_the_young_adults_page(self) -> None:
        """The source links to the young adults page."""
        assert cite(SOURCE).path == "framework/young-adults/#wholly-or-mainly-guidelines-2"


class TestPageAnchors:
    """The page and the widget only link to anchors that exist."""

    def anchors_in(self, text: str) -> set[str]:
        return set(re.findall(r"young-adults(?:\.md|/)?#([a-z0-9-]+)", text))

    def test_page_links(self) -> None:
        """Every link from docs/tools/occupancy.md into the young adults page names an existing anchor."""
        cited = self.anchors_in(PAGE.read_text(encoding="utf-8"))
        assert SOURCE in cited
        assert sorted(anchor for anchor in cited if not exists(anchor)) == []

    def test_widget_links(self) -> None:
        """Every anchor the widget links to exists."""
        text = WIDGET.read_text(encoding="utf-8")
        cited = self.anchors_in(text)
        assert sorted(anchor for anchor in cited if not exists(anchor)) == []
