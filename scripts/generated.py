"""Write a generated file, or with --check say whether the committed copy is stale."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(target: Path, text: str, *, check: bool, script: str, up_to_date: str) -> int:
    """Exit status: 1 when checking a stale file, otherwise 0 (writing only when the text changed)."""
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    if check:
        if current != text:
            print(f"{target} is stale: run {script}", file=sys.stderr)
            return 1
        print(f"{target.name} is up to date ({up_to_date}).")
        return 0
    if current != text:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    else:
        print(f"{target.name} already up to date")
    return 0
