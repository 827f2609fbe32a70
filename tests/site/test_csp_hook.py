"""The build fails loudly on inline code the Content-Security-Policy would block (hooks/csp.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hooks import csp

ROOT = Path(__file__).resolve().parents[2]


class TestInlineCode:
    def test_an_inline_script_is_found(self) -> None:
        """A <script> with code and no src is reported with the start of its code."""
        problems = csp.inline_code("<p>a</p><script>var palette = 1;</script>")
        assert len(problems) == 1 and "var palette = 1;" in problems[0]

    def test_an_inline_module_script_is_found(self) -> None:
        """A <script type="module"> with code and no src is reported too."""
        assert len(csp.inline_code('<script type="module">import "./x.js";</script>')) == 1

    def test_an_inline_event_handler_is_found(self) -> None:
        """An onclick= (or any on...=) attribute is reported."""
        problems = csp.inline_code('<button onclick="go()">Go</button>')
        assert problems == ["<button onclick=...> (an inline event handler)"]

    def test_a_javascript_url_is_found(self) -> None:
        """A javascript: link is reported, whatever its case and spacing."""
        assert len(csp.inline_code('<a href=" JavaScript:alert(1)">x</a>')) == 1

    def test_scripts_from_files_and_json_data_are_allowed(self) -> None:
        """<script src>, module scripts from files and JSON data blocks are not inline code."""
        html = (
            '<script src="assets/javascripts/bundle.js"></script>'
            '<script type="module" src="runtime/widgets-1/loader.js"></script>'
            '<script id="__config" type="application/json">{"base": "."}</script>'
        )
        assert csp.inline_code(html) == []

    def test_text_that_mentions_scripts_is_allowed(self) -> None:
        """Words and code samples about scripts, escaped in the page, are not code."""
        html = "<p>Use onclick= never.</p><pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>"
        assert csp.inline_code(html) == []

    def test_materials_search_share_link_is_allowed(self) -> None:
        """Material's search share link keeps its javascript:void(0) placeholder: its bundle cancels every click."""
        html = '<a href="javascript:void(0)" class="md-search__icon md-icon" data-md-component="search-share">s</a>'
        assert csp.inline_code(html) == []


def _build(tmp_path: Path, markdown: str, *, overrides: bool = True) -> subprocess.CompletedProcess[str]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(markdown, encoding="utf-8")
    custom_dir = f"  custom_dir: {ROOT / 'overrides'}\n" if overrides else ""
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\n"
        f"theme:\n  name: material\n{custom_dir}  font: false\n"
        f"hooks:\n  - {ROOT / 'hooks' / 'csp.py'}\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )


class TestTheBuild:
    def test_a_page_with_an_inline_script_fails_the_build(self, tmp_path: Path) -> None:
        """A Markdown page with raw <script> code stops the build, naming the page."""
        result = _build(tmp_path, "# Home\n\n<script>alert(1)</script>\n")
        assert result.returncode != 0
        assert "index.md" in result.stderr and "inline script" in result.stderr

    def test_a_clean_page_builds(self, tmp_path: Path) -> None:
        """A page with no inline code builds, with Material and this site's template overrides."""
        result = _build(tmp_path, "# Home\n\nText.\n")
        assert result.returncode == 0, result.stderr

    def test_stock_material_fails_without_this_sites_overrides(self, tmp_path: Path) -> None:
        """Material's own templates write inline scripts (__md_scope ...): the overrides are what make the site pass."""
        result = _build(tmp_path, "# Home\n\nText.\n", overrides=False)
        assert result.returncode != 0
        assert "__md_scope" in result.stderr
