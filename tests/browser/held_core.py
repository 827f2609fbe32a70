"""Hold the core's wheel back while a test submits a form, so it sees the tool's "waiting" state; then let it through."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, Route

from tests.browser.runtime_helpers import LOAD_TIMEOUT_MS


def hold_the_core(page: Page) -> Callable[[], None]:
    """Route the core's wheel into a queue (call before page.goto); returns release(), which lets it through."""
    held: list[Route] = []
    page.route("**/*.whl", lambda route: held.append(route))

    def release() -> None:
        # The worker asks for the wheel once Python has started; the route handler runs on Playwright's
        # thread, so this polls the queue it fills.
        for _ in range(LOAD_TIMEOUT_MS // 100):
            if held:
                break
            page.wait_for_timeout(100)
        assert held, "the worker never asked for the core's wheel"
        held[0].continue_()

    return release
