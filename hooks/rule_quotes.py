"""Fail the build while a tool rule quotes framework words that are no longer at their anchor.

After a new version of the framework is imported (scripts/import_framework.py), a paragraph a
rule quotes may read differently. Every quotation is listed in ``sccif_core.register``; each is
checked against the framework pages being built, and the build stops with what to do for each
one. It also stops if the version the pages follow (the newest report in docs/changes/) is not
the version the tools and the data say they follow.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.change_report import read_reports  # noqa: E402
from scripts.framework_blocks import read_pages  # noqa: E402
from scripts.import_framework import anchor_texts  # noqa: E402

WHAT_TO_DO = (
    "Re-read each paragraph on its page. Then update the rule where it is defined (sccif_core.register "
    "lists where each kind of rule lives): its quoted words, and its limit or date if that changed too. "
    "Rebuild when every quote is at its anchor. See CONTRIBUTING.md, "
    "'Updating to a new version of the framework'."
)
VERSION_PLACES = (
    "SOURCE in scripts/extract_framework.py (then run it), SOURCE_VERSION in src/sccif_core/citations.py, "
    "overrides/main.html, site_description in mkdocs.yml, docs/index.md, docs/about.md and README.md"
)


def stale_quotes(anchors: dict[str, dict[str, str]]) -> list[str]:
    """One line per quotation whose words are not at its anchor in ``anchors``."""
    from sccif_core.register import is_at_anchor, quotations

    lines = []
    for quote in quotations():
        if is_at_anchor(quote, {"anchors": anchors}):
            continue
        entry = anchors.get(quote.anchor)
        now = entry["text"] if entry else "(no such anchor: the paragraph was removed)"
        lines.append(
            f"- rule {quote.rule} at #{quote.anchor}\n    quotes: {quote.words}\n    the paragraph now: {now}"
        )
    return lines


def check(anchors: dict[str, dict[str, str]]) -> None:
    lines = stale_quotes(anchors)
    if lines:
        raise PluginError(
            f"{len(lines)} tool rule(s) quote framework words that are no longer at their anchor:\n"
            + "\n".join(lines)
            + f"\n{WHAT_TO_DO}"
        )


def check_version(docs: Path) -> None:
    from sccif_core.citations import SOURCE_VERSION, framework

    reports = read_reports(docs / "changes")
    if not reports:
        return
    followed = f"Updated {reports[-1]['version']}"
    data_version = str(framework()["source"]["version"])
    if followed not in (SOURCE_VERSION, data_version) or data_version != SOURCE_VERSION:
        raise PluginError(
            f"The framework pages follow the version '{followed}' (docs/changes/), but the tools say "
            f"'{SOURCE_VERSION}' and src/sccif_core/data/framework.json says '{data_version}'. "
            f"Update the version in {VERSION_PLACES}."
        )


def framework_names(nav: Any) -> list[str]:
    """The framework pages in the nav, in order, relative to docs/framework/."""
    found: list[str] = []
    if isinstance(nav, str):
        found += [nav[len("framework/") :]] if nav.startswith("framework/") else []
    elif isinstance(nav, list):
        for item in nav:
            found += framework_names(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found += framework_names(value)
    return found


def on_pre_build(config: Any) -> None:
    docs = Path(config["docs_dir"])
    pages = read_pages(docs / "framework", framework_names(config["nav"]))
    check(anchor_texts(pages))
    check_version(docs)
