"""`make screenshots`: a picture of every tool page, empty, answered and in error, at two sizes.

Writes screenshots/<page>-<state>-<width>x<height>.png (not committed), for people to review what
readers see without scrolling: a 390x844 phone and a 1280x800 laptop. Forms are driven by their
labels and button names, never by layout, so the script keeps working as the tools change. When a
state cannot be reached the picture is taken anyway and a warning is printed; the script never stops
part-way.

    python scripts/screenshots.py [--site-dir site] [--out screenshots] [--only timeline,home] [--full-page]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import FilePayload, Locator, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.chromium import launch_options  # noqa: E402
from scripts import serve  # noqa: E402

VIEWPORTS = ((390, 844), (1280, 800))
# The runtime's first start on a busy 2-core machine; every later page reuses the browser's cache.
READY_MS = 120_000
ANSWER_MS = 30_000
ERROR_SHOWN = ".sccif-error-summary:visible, .sccif-error-message:visible, .sccif-status--problem:visible"

Step = Callable[[Page], None]


@dataclass(frozen=True)
class Shot:
    """One state of a page: how to reach it from the freshly loaded page, and what shows it was reached."""

    state: str
    steps: Step | None = None
    shown: str = ""


@dataclass(frozen=True)
class Tool:
    name: str
    path: str
    shots: tuple[Shot, ...] = field(default_factory=tuple)


# --- the forms, driven as a reader would -----------------------------------------------------------


def timeline_full(end: str) -> Step:
    def fill(page: Page) -> None:
        page.get_by_label("What happened?").select_option("full")
        page.get_by_label("Last day on site", exact=True).fill(end)
        page.get_by_role("button", name="Show the dates").click()

    return fill


OCCUPANCY_ROWS = (
    "ID\tDate of birth\tAdmitted\tLeft\n"
    "AB\t01/04/2006\t01/01/2024\t\n"
    "CD\t01/01/2009\t01/01/2024\t\n"
    "EF\t15/06/2008\t01/03/2024\t30/09/2024\n"
)


def occupancy_rows(rows: str) -> Step:
    def fill(page: Page) -> None:
        page.get_by_text("Paste rows from a spreadsheet", exact=True).click()
        page.get_by_label("Rows copied from a spreadsheet, with the heading row").fill(rows)
        page.get_by_label("To (optional)").fill("31/12/2024")
        page.get_by_role("button", name="Check the pasted rows").click()

    return fill


def judgement(label: str, grade: str) -> Step:
    def choose(page: Page) -> None:
        page.get_by_label(label, exact=True).select_option(grade)

    return choose


def next_steps_from(end: str) -> Step:
    def fill(page: Page) -> None:
        page.get_by_label("The day the inspection ended").fill(end)
        page.get_by_role("button", name="Show what happens next").click()

    return fill


def working_days(start: str, days: str) -> Step:
    def fill(page: Page) -> None:
        page.get_by_label("Start date").fill(start)
        page.get_by_label("Number of working days").fill(days)
        page.get_by_role("button", name="Work out the date").click()

    return fill


def question_form(scope: Page | Locator) -> Locator:
    """The first question's form in scope, once its answers are there to choose from."""
    form = scope.locator("form:has(button:text-is('Check my answer'))").first
    form.locator("input[type=radio], input[type=checkbox]").first.wait_for(timeout=ANSWER_MS)
    return form


def first_answer_checked(scope: Page | Locator) -> None:
    """Choose the first offered answer and check it."""
    form = question_form(scope)
    form.locator("input[type=radio], input[type=checkbox]").first.check()
    form.get_by_role("button", name="Check my answer").click()


def nothing_checked(scope: Page | Locator) -> None:
    question_form(scope).get_by_role("button", name="Check my answer").click()


def learning_step_one(then: Callable[[Locator], None]) -> Step:
    def run(page: Page) -> None:
        page.get_by_role("button", name="Start the questions for step 1", exact=True).click()
        then(page.locator("[data-sccif-learn-question]:visible").first)

    return run


def self_assessed(page: Page) -> None:
    """Open the first group of items, mark the first item 'Needs work' and say where the evidence is."""
    page.locator(".sccif-prep__toggle").first.click()
    item = page.locator(".sccif-prep-item").first
    item.get_by_label("Needs work").check()
    item.get_by_label("Where the evidence is kept").fill("Training matrix, shared drive")


def self_evaluation_bad_file(page: Page) -> None:
    edited: FilePayload = {
        "name": "edited.csv",
        "mimeType": "text/csv",
        "buffer": b"Item,Self-assessment,Where the evidence is kept,Notes\nx,Brilliant,,\n",
    }
    page.get_by_label("Open a file you downloaded from this page before").set_input_files(files=[edited])
    page.get_by_role("button", name="Open the file").click()


EMPTY = Shot("empty")
TOOLS = (
    Tool("home", ""),
    Tool(
        "timeline",
        "tools/timeline/",
        (
            EMPTY,
            Shot("answered", timeline_full("19/11/2026"), ".sccif-result__title"),
            Shot("error", timeline_full("31/02/2026"), ERROR_SHOWN),
        ),
    ),
    Tool(
        "occupancy",
        "tools/occupancy/",
        (
            EMPTY,
            Shot("answered", occupancy_rows(OCCUPANCY_ROWS), "[data-sccif-answer]"),
            Shot("error", occupancy_rows(OCCUPANCY_ROWS.replace("01/01/2009", "31/02/2009")), ERROR_SHOWN),
        ),
    ),
    Tool(
        "judgements",
        "tools/judgements/",
        (
            EMPTY,
            Shot(
                "answered",
                judgement("How well children are helped and protected", "inadequate"),
                "[data-rule]",
            ),
            Shot("error", next_steps_from("31/02/2026"), ERROR_SHOWN),
        ),
    ),
    Tool(
        "working-days",
        "tools/working-days/",
        (
            EMPTY,
            Shot("answered", working_days("19/11/2026", "18"), "[data-sccif-answer]"),
            Shot("error", working_days("31/02/2026", "18"), ERROR_SHOWN),
        ),
    ),
    Tool(
        "practice",
        "tools/practice/",
        (
            EMPTY,
            Shot("answered", first_answer_checked, ".sccif-practice__feedback:visible"),
            Shot("error", nothing_checked, ERROR_SHOWN),
        ),
    ),
    Tool(
        "self-evaluation",
        "prepare/self-evaluation/",
        (
            EMPTY,
            Shot("answered", self_assessed, ".sccif-prep-item input:checked"),
            Shot("error", self_evaluation_bad_file, ERROR_SHOWN),
        ),
    ),
    Tool(
        "learning-path",
        "learn/",
        (
            EMPTY,
            Shot("answered", learning_step_one(first_answer_checked), "[data-sccif-learn-feedback]:visible"),
            Shot("error", learning_step_one(nothing_checked), ERROR_SHOWN),
        ),
    ),
)


# --- taking the pictures ---------------------------------------------------------------------------


def warn(text: str) -> None:
    print(f"warning: {text}", file=sys.stderr)


def wait_until_ready(page: Page, where: str) -> None:
    """Wait for every runtime status on the page to say ready (pages without a tool have none)."""
    statuses = page.locator("[data-sccif-status]")
    try:
        if statuses.count() == 0:
            page.locator("[data-sccif-widget]").first.wait_for(state="attached", timeout=10_000)
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-sccif-status]')]"
            ".every((s) => s.dataset.sccifStatus === 'ready')",
            timeout=READY_MS,
        )
    except PlaywrightError as error:
        warn(f"{where}: the tool did not say it was ready ({first_line(error)})")


def first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def take(page: Page, base: str, tool: Tool, shot: Shot, size: tuple[int, int], out: Path, full: bool) -> Path:
    where = f"{tool.name} {shot.state} at {size[0]}x{size[1]}"
    page.goto(base + tool.path)
    page.wait_for_load_state("load")
    if tool.path:
        wait_until_ready(page, where)
    if shot.steps:
        try:
            shot.steps(page)
            if shot.shown:
                page.locator(shot.shown).first.wait_for(state="visible", timeout=ANSWER_MS)
        except PlaywrightError as error:
            warn(
                f"{where}: this state was not reached, the picture shows what was on screen ({first_line(error)})"
            )
    page.wait_for_timeout(400)  # let smooth scrolling into view settle before the picture
    path = out / f"{tool.name}-{shot.state}-{size[0]}x{size[1]}.png"
    try:
        page.screenshot(path=str(path), full_page=full)
    except PlaywrightError as error:
        warn(f"{where}: no picture ({first_line(error)})")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (make site)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="where the PNGs go")
    parser.add_argument("--only", default="", help="comma-separated page names, e.g. home,timeline")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not just what is in view")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"No built site in {args.site_dir}: run `make site` first.", file=sys.stderr)
        return 2
    wanted = {name for name in args.only.split(",") if name}
    unknown = wanted - {tool.name for tool in TOOLS}
    if unknown:
        print(f"Unknown page names: {', '.join(sorted(unknown))}.", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    with serve.running(args.site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            for width, height in VIEWPORTS:
                # One profile per size, as a returning reader: the runtime downloads once.
                context = browser.new_context(
                    viewport={"width": width, "height": height}, service_workers="block"
                )
                page = context.new_page()
                for tool in TOOLS:
                    if wanted and tool.name not in wanted:
                        continue
                    for shot in tool.shots or (EMPTY,):
                        take(page, base, tool, shot, (width, height), args.out, args.full_page)
                        written += 1
                context.close()
        finally:
            browser.close()
    print(f"Wrote {written} screenshots to {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
