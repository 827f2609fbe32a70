"""Fail the build on any page the Content-Security-Policy would break: no inline script anywhere.

The policy (overrides/main.html, scripts/serve.py, docs/hosting.md) has no 'unsafe-inline', so a
browser silently refuses an inline ``<script>``, an ``onclick=`` attribute or a ``javascript:``
link. This hook finds them when the site is built, with the page and the offending code, instead
of leaving a reader with a tool that does nothing. Data blocks such as Material's
``<script id="__config" type="application/json">`` are not run, so they are allowed.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from mkdocs.exceptions import PluginError

# <script type="..."> values that are data, not code: the browser never runs them.
DATA_TYPES = frozenset({"application/json", "application/ld+json"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})


class InlineCodeFinder(HTMLParser):
    """Collects every piece of inline code in an HTML document, as one line each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: str | None = None  # the opening tag of an inline script being read
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name.lower(): (value or "") for name, value in attrs}
        for name, value in names.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> (an inline event handler)")
            elif name in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                if names.get("data-md-component") == "search-share":
                    # Material's search "share" link: its bundle replaces the href with the share
                    # URL and cancels every click, so the javascript: URL is never followed.
                    continue
                self.problems.append(f'<{tag} {name}="{value.strip()}"> (a javascript: URL)')
        if tag == "script" and "src" not in names:
            kind = names.get("type", "").strip().lower()
            if kind not in DATA_TYPES:
                self._script = f"<script{' type=' + kind if kind else ''}>"
                self._script_text = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            code = " ".join("".join(self._script_text).split())
            self.problems.append(
                f"{self._script}{code[:80]}{'…' if len(code) > 80 else ''}</script> (an inline script)"
            )
            self._script = None


def inline_code(html: str) -> list[str]:
    """Every inline script, inline event handler and javascript: URL in ``html``."""
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.problems


def _check(html: str, where: str) -> None:
    problems = inline_code(html)
    if problems:
        raise PluginError(
            f"{where} has code the Content-Security-Policy blocks (no inline script): "
            + "; ".join(problems)
            + ". Move it into a same-origin .js file (see overrides/partials/javascripts/)."
        )


def on_post_page(output: str, page: Any, config: Any) -> str:
    _check(output, page.file.src_uri)
    return output


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    if template_name.endswith(".html"):
        _check(output_content, template_name)
    return output_content
