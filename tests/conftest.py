"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Timing is for `make bench`, not the tests: on a busy 2-core machine Hypothesis' default
# 200 ms deadline fails correct code. A test that guards against hangs sets its own deadline.
settings.register_profile("sccif", deadline=None, print_blob=True)
settings.load_profile("sccif")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: SCCIF_SITE_DIR if set (make test builds it first), else a fresh strict build."""
    given = os.environ.get("SCCIF_SITE_DIR")
    if given:
        path = Path(given)
        if not path.is_absolute():
            path = ROOT / path
        if not (path / "index.html").is_file():
            pytest.fail(f"SCCIF_SITE_DIR={given} has no built site (run make site)")
        return path
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        check=True,
    )
    return out


# The longest-running files go first, so that neither of `make test`'s two workers is left with a long file
# at the end while the other sits idle: the site sweep and the fuzz tests (about a minute each), then the
# browser files with the most tests, then the rest (a few seconds each, which fill the gaps). The Makefile's
# --no-loadscope-reorder keeps this order.
_FIRST = ("tests/browser/test_site.py", "tests/core/test_fuzz.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def file_of(item: pytest.Item) -> str:
        return item.nodeid.split("::", 1)[0]

    counts: dict[str, int] = {}
    for item in items:
        counts[file_of(item)] = counts.get(file_of(item), 0) + 1

    def rank(item: pytest.Item) -> tuple[int, int]:
        path = file_of(item)
        if path in _FIRST:
            return (0, _FIRST.index(path))
        if path.startswith("tests/browser/"):
            return (1, -counts[path])
        return (2, 0)

    items.sort(key=rank)
