"""Fail the build on a page a reader could not tell apart: no title, or another page's title."""

from __future__ import annotations

import re
from typing import Any

from mkdocs.exceptions import PluginError

_H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)
_titles: dict[str, str] = {}


def on_pre_build(config: Any) -> None:
    _titles.clear()


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    path = page.file.src_uri
    if not (page.meta.get("title") or _H1.search(html)):
        raise PluginError(f"{path} has no title: give it a '# Heading' or a 'title:' in its front matter")
    title = str(page.title).strip()
    if not title:
        raise PluginError(f"{path} has an empty title")
    if title in _titles:
        raise PluginError(f"{path} has the same title as {_titles[title]}: '{title}'")
    _titles[title] = path
    return html
