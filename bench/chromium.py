"""How the tests and `make bench` start Chromium: one definition for both.

Debian's chromium (`make chromium` installs it), headless, with the flags this machine needs:
no sandbox (the tests may run as root), and no background networking, which would otherwise try
(and fail) to reach Google's hosts and put requests to other origins in the tests' records.
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


def launch_options() -> dict[str, Any]:
    """Keyword arguments for Playwright's ``chromium.launch`` and ``launch_persistent_context``."""
    return {"executable_path": CHROMIUM, "headless": True, "args": list(CHROMIUM_ARGS)}
