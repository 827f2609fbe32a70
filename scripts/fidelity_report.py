#!/usr/bin/env python3
"""Print how much of the GOV.UK source text the built site carries, word for word.

    python scripts/fidelity_report.py [SITE_DIR]     # default: $SCCIF_SITE_DIR or site/

Prints "N of M substantive source lines present in order (x%)" and any problem found
(a missing, reworded or moved line, or text that is not in the source). Exit status 1
if anything is wrong. The rules are in scripts/framework_text.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.framework_text import check_site  # noqa: E402


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else os.environ.get("SCCIF_SITE_DIR", ROOT / "site"))
    if not (site / "index.html").exists() and not (site / "framework").is_dir():
        print(f"fidelity_report: no built site at {site} (run make site first)", file=sys.stderr)
        return 2
    result = check_site(site)
    for problem in result.problems:
        print(problem)
    print(result.summary())
    return 0 if not result.problems and result.in_order == result.total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
