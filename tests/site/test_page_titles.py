"""The build fails loudly on pages a reader could not tell apart."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build(tmp_path: Path, pages: dict[str, str]) -> subprocess.CompletedProcess[str]:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\nhooks:\n  - {ROOT / 'hooks' / 'page_titles.py'}\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )


def test_distinct_titles_build(tmp_path: Path) -> None:
    """Pages with their own headings build."""
    result = _build(tmp_path, {"index.md": "# Home\n", "b.md": "# Other\n"})
    assert result.returncode == 0, result.stderr


def test_duplicate_title_fails(tmp_path: Path) -> None:
    """Two pages with the same title fail the build, naming both."""
    result = _build(tmp_path, {"index.md": "# Same\n", "b.md": "# Same\n"})
    assert result.returncode != 0
    assert "same title" in result.stderr and "'Same'" in result.stderr


def test_missing_title_fails(tmp_path: Path) -> None:
    """A page with no heading and no title fails the build, naming the page."""
    result = _build(tmp_path, {"index.md": "# Home\n", "b.md": "Just text.\n"})
    assert result.returncode != 0
    assert "b.md has no title" in result.stderr
