"""The site's tool pages, read from docs/tools/*.md front matter (`tool: <name>`), for parametrised tests."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_TOOL = re.compile(r"^tool:\s*['\"]?([a-z][a-z0-9-]*)['\"]?\s*$", re.M)


def tool_pages() -> list[tuple[str, str]]:
    """(tool name, page path such as "tools/working-days/") for every page with `tool:` in its front matter."""
    found = []
    for source in sorted(DOCS.rglob("*.md")):
        front = _FRONT_MATTER.match(source.read_text(encoding="utf-8"))
        tool = _TOOL.search(front.group(1)) if front else None
        if tool:
            relative = source.relative_to(DOCS).with_suffix("")
            path = "" if relative.name == "index" else relative.as_posix() + "/"
            if relative.name == "index" and relative.parent != Path("."):
                path = relative.parent.as_posix() + "/"
            found.append((tool.group(1), path))
    return found
