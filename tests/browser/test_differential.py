"""CPython and Pyodide (Python 3.14 in the browser) give identical answers to the same random requests."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import Page

from sccif_core import browser_api
from sccif_core.workdays import FIRST_YEAR, LAST_YEAR
from tests.browser.runtime_helpers import TOOL_PAGE, calls_in_browser, wait_until_ready

SEED = 20240405  # the framework's date: any fixed seed gives the same inputs on every run
COUNT = 300


def _date_text(rng: random.Random, day: date) -> str:
    """A date as a reader might type it: ISO, or UK style with or without leading zeros."""
    style = rng.randrange(4)
    if style == 0:
        return day.isoformat()
    if style == 1:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if style == 2:
        return f"{day.day}/{day.month}/{day.year}"
    return f" {day.day}.{day.month}.{day.year} "


def _some_day(rng: random.Random) -> date:
    """Mostly ordinary days; some at the table's edges, at Christmas and at Easter."""
    kind = rng.randrange(10)
    if kind == 0:
        return date(rng.choice((FIRST_YEAR, LAST_YEAR)), rng.choice((1, 12)), rng.choice((1, 2, 30, 31)))
    if kind == 1:
        return date(rng.randrange(FIRST_YEAR, LAST_YEAR + 1), 12, rng.randrange(18, 32))
    if kind == 2:
        return date(rng.randrange(FIRST_YEAR, LAST_YEAR + 1), rng.choice((3, 4)), rng.randrange(1, 29))
    first = date(FIRST_YEAR - 1, 12, 1).toordinal()
    return date.fromordinal(rng.randrange(first, date(LAST_YEAR + 1, 1, 31).toordinal()))


def _bad_text(rng: random.Random) -> str:
    return rng.choice(
        (
            "",
            "   ",
            "31/02/2026",
            "29/02/2027",
            "2026-13-01",
            "tomorrow",
            "1/1/26",
            "00/00/0000",
            "<img src=x>",
        )
    )


def random_requests(count: int = COUNT, seed: int = SEED) -> list[tuple[str, dict[str, Any]]]:
    """Seeded requests to every browser function, good and bad, as the widgets would send them."""
    rng = random.Random(seed)
    requests: list[tuple[str, dict[str, Any]]] = []
    for _ in range(count):
        start = _some_day(rng)
        extra_days = [
            start + timedelta(days=rng.randrange(0, 60)) for _ in range(rng.choice((0, 0, 0, 1, 2, 4)))
        ]
        extra: Any = ", ".join(_date_text(rng, day) for day in extra_days)
        if extra_days and rng.random() < 0.3:
            extra = [day.isoformat() for day in extra_days]
        start_text = _bad_text(rng) if rng.random() < 0.08 else _date_text(rng, start)
        kind = rng.randrange(3)
        if kind == 0:
            days: Any = rng.choice((rng.randrange(0, 30), rng.randrange(0, 400), rng.randrange(0, 9000)))
            if rng.random() < 0.5:
                days = str(days)
            elif rng.random() < 0.1:
                days = rng.choice(("-1", "1.5", "eighteen", "", None, True, 10**7))
            requests.append(("workdays.add", {"start": start_text, "days": days, "extra": extra}))
        elif kind == 1:
            end = start + timedelta(days=rng.randrange(-5, 800))
            requests.append(
                ("workdays.count", {"start": start_text, "end": _date_text(rng, end), "extra": extra})
            )
        else:
            requests.append(("workdays.is", {"date": start_text, "extra": extra}))
    return requests


def test_random_requests_give_identical_answers_in_cpython_and_pyodide(page: Page, site_url: str) -> None:
    """300 seeded random requests (answers and errors) give the same JSON from the browser's Python as from CPython."""
    requests = random_requests()
    assert len({json.dumps(request, sort_keys=True) for request in requests}) >= 200
    expected = [json.loads(browser_api.call(name, json.dumps(payload))) for name, payload in requests]
    assert sum("result" in answer for answer in expected) >= 200, (
        "most requests should have answers, not errors"
    )
    assert any("error" in answer for answer in expected), "some requests should be errors"

    page.goto(site_url + TOOL_PAGE)
    wait_until_ready(page)
    answers: list[Any] = []
    for batch in range(0, len(requests), 100):
        answers += calls_in_browser(page, requests[batch : batch + 100])

    differences = [
        (request, want, got)
        for request, want, got in zip(requests, expected, answers, strict=True)
        if want != got
    ]
    assert differences == [], f"{len(differences)} answers differ, the first: {differences[:1]}"
    version = page.evaluate(
        """async () => {
          const loader = document.querySelector('script[type="module"][src$="/loader.js"]');
          const config = await import(new URL("config.mjs", loader.src).href);
          return config.PYODIDE_VERSION;
        }"""
    )
    assert version == "314.0.7"
