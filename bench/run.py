"""`make bench`: run each benchmark in bench/ and print its figures.

Each module listed in BENCHES has ``main() -> int`` (0 when it ran) and prints its own
figures. Budgets are printed beside the figures, never asserted: timings depend on what else
the machine is doing, so read them with the load average each benchmark prints.

    .venv/bin/python bench/run.py               # every benchmark
    .venv/bin/python bench/run.py runtime       # only some
"""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Add a line for each new benchmark module in bench/ (a module with main() -> int).
BENCHES: tuple[str, ...] = (
    "runtime",  # the working-day calculator page: load times, bytes, call latency, the load's parts
    "occupancy",  # 10 years, 250 residents: core on CPython, and file chosen to result shown in the page
)


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or list(BENCHES)
    sys.path.insert(0, str(ROOT))
    failed = []
    for name in names:
        print(f"\n=== bench/{name}.py ===", flush=True)
        started = time.monotonic()
        try:
            status = importlib.import_module(f"bench.{name}").main()
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            status = 1
        print(f"--- bench/{name}.py took {time.monotonic() - started:.0f} s", flush=True)
        if status:
            failed.append(name)
    if failed:
        print(f"\nbench: these did not finish: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
