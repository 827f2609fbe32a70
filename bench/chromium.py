"""How the tests and `make bench` start Chromium: one definition for both.

Debian's chromium (`make chromium` installs it), headless, with the flags this machine needs:
no sandbox (the tests may run as root), and no background networking, which would otherwise try
(and fail) to reach Google's hosts and put requests to other origins in the tests' records.

The tests add V8 flags, which `make bench` and `make screenshots` leave out so that they show what
readers get: V8's optimising compilers are off, for WebAssembly (Liftoff only) and for JavaScript
(no TurboFan, no Maglev). Each test opens a new tab, so a new worker and new scripts, and runs for a
few seconds. In every one of those tabs V8 optimised the same hot code again on background threads:
TurboFan on the Python interpreter alone took 1.1 s of the 2.9 s of processor time in a traced
self-evaluation test, and the suite, short of processor time on two cores, paid for it in wall
time. The answers are the same in every tier; only the speed differs.
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
TEST_ARGS = ("--js-flags=--liftoff-only --no-opt --no-maglev",)


def launch_options(*, for_tests: bool = False) -> dict[str, Any]:
    """Keyword arguments for Playwright's ``chromium.launch`` and ``launch_persistent_context``: as readers
    run Chromium, or, ``for_tests``, with the tests' flags added."""
    args = list(CHROMIUM_ARGS) + (list(TEST_ARGS) if for_tests else [])
    return {"executable_path": CHROMIUM, "headless": True, "args": args}
