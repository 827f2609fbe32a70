"""Citations: every rule the core applies points at a paragraph of the framework.

Anchors are the site's stable, globally unique element ids (see CONTRIBUTING.md).
``data/framework.json`` is generated from docs/ by scripts/extract_framework.py and
maps each anchor to its page and text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

SOURCE_TITLE = "Social care common inspection framework (SCCIF): secure children's homes"
SOURCE_VERSION = "Updated 5 April 2024"
SOURCE_URL = (
    "https://www.gov.uk/government/publications/"
    "social-care-common-inspection-framework-sccif-secure-childrens-homes"
)


@dataclass(frozen=True, slots=True)
class Citation:
    """A paragraph of the framework, by its anchor on this site."""

    anchor: str

    @property
    def page(self) -> str:
        """The page's path relative to the site root, e.g. ``framework/report/``."""
        return str(_entry(self.anchor)["page"])

    @property
    def path(self) -> str:
        """``framework/report/#report-3``: relative to the site root."""
        return f"{self.page}#{self.anchor}"

    @property
    def heading(self) -> str:
        return str(_entry(self.anchor).get("heading", ""))

    @property
    def text(self) -> str:
        """The framework's own words at this anchor."""
        return str(_entry(self.anchor).get("text", ""))

    def as_dict(self) -> dict[str, str]:
        return {"anchor": self.anchor, "path": self.path, "heading": self.heading}


def cite(anchor: str) -> Citation:
    """A citation of an anchor that must exist on the site."""
    _entry(anchor)
    return Citation(anchor)


def exists(anchor: str) -> bool:
    return anchor in framework()["anchors"]


@cache
def framework() -> dict[str, Any]:
    """The extracted framework: anchors, and judgement criteria."""
    raw = resources.files("sccif_core").joinpath("data/framework.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def _entry(anchor: str) -> dict[str, Any]:
    try:
        entry: dict[str, Any] = framework()["anchors"][anchor]
    except KeyError:
        raise KeyError(f"no framework anchor '{anchor}' (see data/framework.json)") from None
    return entry
