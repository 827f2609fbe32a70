"""How the tests and `make bench` start Chromium: one definition for both.

Debian's chromium (`make chromium` installs it), headless, with the flags this machine needs:
no sandbox (the tests may run as root), and no background networking, which would otherwise try
(and fail) to reach Google's hosts and put requests to other origins in the tests' records.

The tests add one flag, which `make bench` and `make screenshots` leave out so that they show what
readers get: WebAssembly runs in V8's baseline tier only (Liftoff). Each test opens a new tab, so a
new worker, and runs Python in it for a second or two. In every one of those workers V8 compiled
the interpreter's busiest functions again with its optimising compiler (TurboFan) on background
threads: 1.1 s of the 2.9 s of processor time in a traced self-evaluation test, which the suite,
short of processor time on two cores, paid for in wall time. The answers are the same in either
tier; only the speed differs.
"""

from __future__ import annotations

from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
TEST_ARGS = ("--js-flags=--liftoff-only",)


def launch_options(*, for_tests: bool = False) -> dict[str, Any]:
    """Keyword arguments for Playwright's ``chromium.launch`` and ``launch_persistent_context``: as readers
    run Chromium, or, ``for_tests``, with the tests' flag added."""
    args = list(CHROMIUM_ARGS) + (list(TEST_ARGS) if for_tests else [])
    return {"executable_path": CHROMIUM, "headless": True, "args": args}
