"""The learning path as a new inspector uses it: self-checks marked by the engines, progress kept, review, axe, keyboard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect

from sccif_core.citations import cite
from sccif_core.learning import STEPS, answer, question
from tests.browser.page_checks import assert_aria_snapshot, assert_focus_not_on_body, duplicate_control_names
from tests.browser.runtime_helpers import LOAD_TIMEOUT_MS, wait_until_offline_ready, wait_until_tools_offline

PAGE = "learn/"
# site_widgets/lib/keep.js keeps {version, saved_at, state} under "<key>-v<version>"; v1 was the progress itself.
STORE_KEY = "sccif-learning-v2"
OLD_STORE_KEY = "sccif-learning-v1"
KEEP = "Keep my progress on this device"
SEED = 20261119
# Fix the reader's question set, once per browser profile, so the expected answers are known: kept
# progress with no answers yet (so the reader has opted in to keeping it).
FIXED_SEED = f"""
if (!localStorage.getItem('{STORE_KEY}')) {{
  const steps = {{}};
  for (let n = 1; n <= 10; n += 1) steps[n] = {{ next: 0 }};
  const state = {{ seed: {SEED}, at: 0, history: [], steps }};
  localStorage.setItem('{STORE_KEY}', JSON.stringify({{ version: 2, saved_at: null, state }}));
}}
"""


@pytest.fixture
def learner(page: Page) -> Page:
    """The checked page, with the question set fixed to SEED (on this page only: the profile is the file's)."""
    page.add_init_script(FIXED_SEED)
    return page


def step_box(page: Page, step: int):  # type: ignore[no-untyped-def]
    return page.locator(f"[data-sccif-learn-step='{step}']")


def start_step(page: Page, step: int):  # type: ignore[no-untyped-def]
    box = step_box(page, step)
    # A CSS locator, which (unlike a role locator) still finds the button once it is hidden.
    start = box.locator("button", has_text=f"Start the questions for step {step}")
    start.click()
    expect(box.locator("[data-sccif-learn-question]")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(start).to_have_count(1)
    expect(start).to_be_hidden()
    return box


def choose(box, keys: tuple[str, ...], labels: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        box.locator("[data-sccif-learn-question]").get_by_label(labels[key], exact=True).check()
    box.get_by_role("button", name="Check my answer").click()


def wrong_keys(step: int, number: int) -> tuple[str, ...]:
    item = question(step, SEED, number)
    right = set(answer(item).correct)
    return (next(k for k, _ in item.options if k not in right),)


class TestSelfChecks:
    @pytest.mark.parametrize("step", [s.number for s in STEPS])
    def test_each_steps_question_is_the_cores_and_a_right_answer_is_marked_right(
        self, learner: Page, site_url: str, step: int
    ) -> None:
        """Every step asks the CPython core's question for the seed; the engine's answer is marked right, with a citation."""
        learner.goto(site_url + PAGE)
        box = start_step(learner, step)
        expected = question(step, SEED, 0)
        expect(box.locator(".sccif-learn__prompt")).to_have_text(expected.prompt)
        if expected.quote:
            expect(box.locator(".sccif-learn__quote")).to_have_text(expected.quote[0])
        labels = dict(expected.options)
        for key, label in expected.options:
            expect(box.locator("[data-sccif-learn-question]").get_by_label(label, exact=True)).to_have_value(
                key
            )
        truth = answer(expected)
        choose(box, truth.correct, labels)
        feedback = box.locator("[data-sccif-learn-feedback]")
        expect(feedback.locator("[data-sccif-verdict]")).to_have_attribute(
            "data-sccif-verdict", "right", timeout=LOAD_TIMEOUT_MS
        )
        expect(feedback.locator("[data-sccif-learn-answer]")).to_have_attribute(
            "data-sccif-learn-answer", " ".join(truth.correct)
        )
        href = feedback.locator("a.sccif-citation").first.get_attribute("href") or ""
        assert href.endswith(cite(truth.quotes[0][1]).path), href
        expect(feedback).to_contain_text(truth.quotes[0][0])

    def test_a_wrong_answer_shows_the_engines_answer_and_the_next_question_follows(
        self, learner: Page, site_url: str
    ) -> None:
        """A wrong date for the draft report is marked wrong; the feedback gives the computed date; Next asks question 2."""
        learner.goto(site_url + PAGE)
        box = start_step(learner, 4)
        first = question(4, SEED, 0)
        choose(box, wrong_keys(4, 0), dict(first.options))
        feedback = box.locator("[data-sccif-learn-feedback]")
        expect(feedback.locator("[data-sccif-verdict]")).to_have_attribute(
            "data-sccif-verdict", "wrong", timeout=LOAD_TIMEOUT_MS
        )
        labels = [dict(first.options)[k] for k in answer(first).correct]
        expect(feedback).to_contain_text(f"The answer: {'; '.join(labels)}.")
        # Focus on the verdict (short, and heard once): not on the whole feedback.
        expect(feedback.locator("[data-sccif-verdict]")).to_be_focused()
        box.get_by_role("button", name="Next question").click()
        expect(box.locator(".sccif-learn__prompt")).to_have_text(
            question(4, SEED, 1).prompt, timeout=LOAD_TIMEOUT_MS
        )
        expect(box.locator(".sccif-learn__title")).to_be_focused()


@pytest.mark.parametrize(
    "viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 800}], ids=lambda v: f"{v['width']}"
)
def test_the_verdict_and_day_count_are_in_view_after_answering(
    learner: Page, site_url: str, viewport: dict[str, int]
) -> None:
    """Answering a date question wrongly: the verdict, the answer and the day count are in view, with no scrolling by
    the test, below the page header, and no words left over from the timeline tool."""
    learner.set_viewport_size(viewport)
    learner.goto(site_url + PAGE)
    box = start_step(learner, 4)
    first = question(4, SEED, 0)
    assert first.kind.startswith("dates"), "SEED's first step-4 question is a date question"
    choose(box, wrong_keys(4, 0), dict(first.options))
    feedback = box.locator("[data-sccif-learn-feedback]")
    verdict = feedback.locator("[data-sccif-verdict]")
    expect(verdict).to_have_attribute("data-sccif-verdict", "wrong", timeout=LOAD_TIMEOUT_MS)
    truth = answer(first)
    # The explanation counts the days itself, e.g. "That is Tuesday 15 December 2026, 18 working days and
    # 26 calendar days later." (the count is worked out by the core, checked in tests/core/learning).
    expect(feedback).to_contain_text(truth.explanation)
    expect(feedback).to_contain_text("calendar days later")
    expect(feedback).not_to_contain_text("if you gave it")
    header = learner.locator(".md-header").bounding_box()
    shown = verdict.bounding_box()
    assert header is not None and shown is not None
    assert shown["y"] >= header["y"] + header["height"] - 1, (shown, header)
    assert shown["y"] + shown["height"] <= viewport["height"], (shown, viewport)


class TestProgressAndReview:
    def test_progress_is_kept_on_this_device_and_survives_a_reload(
        self, learner: Page, site_url: str
    ) -> None:
        """After one right answer the step and the progress table say so, and still do after a reload."""
        learner.goto(site_url + PAGE)
        box = start_step(learner, 1)
        first = question(1, SEED, 0)
        choose(box, answer(first).correct, dict(first.options))
        expect(box.locator("[data-sccif-learn-score]")).to_have_text(
            "You have answered 1 question in this step, 1 right.", timeout=LOAD_TIMEOUT_MS
        )
        learner.wait_for_function(f"() => localStorage.getItem('{STORE_KEY}')?.includes('correct')")
        stored = json.loads(learner.evaluate(f"localStorage.getItem('{STORE_KEY}')"))
        assert stored["state"]["history"] == [
            {"step": 1, "seed": SEED, "number": 0, "correct": True, "at": 1}
        ]
        learner.reload()
        expect(step_box(learner, 1).locator("[data-sccif-learn-score]")).to_have_text(
            "You have answered 1 question in this step, 1 right."
        )
        row = learner.locator("[data-sccif-learn-progress] tr[data-step='1']")
        expect(row.locator("td")).to_have_text(["1", "1"], timeout=LOAD_TIMEOUT_MS)  # answered, right
        # The next question is the second of the set, not the one already answered.
        box = start_step(learner, 1)
        expect(box.locator(".sccif-learn__prompt")).to_have_text(question(1, SEED, 1).prompt)

    def test_review_asks_the_wrongly_answered_question_first(self, learner: Page, site_url: str) -> None:
        """Answer a step-3 question right, then a step-6 question wrong: review starts with the step-6 question."""
        learner.goto(site_url + PAGE)
        right = question(3, SEED, 0)
        box = start_step(learner, 3)
        choose(box, answer(right).correct, dict(right.options))
        expect(box.locator("[data-sccif-verdict]")).to_have_attribute(
            "data-sccif-verdict", "right", timeout=LOAD_TIMEOUT_MS
        )
        wrong = question(6, SEED, 0)
        box = start_step(learner, 6)
        choose(box, wrong_keys(6, 0), dict(wrong.options))
        expect(box.locator("[data-sccif-verdict]")).to_have_attribute(
            "data-sccif-verdict", "wrong", timeout=LOAD_TIMEOUT_MS
        )

        progress = learner.locator("[data-sccif-learn-part='progress']")
        progress.get_by_role("button", name="Review: questions you got wrong first").click()
        review = progress.locator("[data-sccif-learn-question]")
        expect(review).to_have_attribute("data-sccif-learn-question", wrong.id, timeout=LOAD_TIMEOUT_MS)
        expect(review.locator(".sccif-learn__title")).to_have_text(
            "Review: step 6 (you got this wrong last time)"
        )
        choose(progress, answer(wrong).correct, dict(wrong.options))
        expect(review.locator("[data-sccif-verdict]")).to_have_attribute(
            "data-sccif-verdict", "right", timeout=LOAD_TIMEOUT_MS
        )
        progress.get_by_role("button", name="Next review question").click()
        expect(review).to_have_attribute("data-sccif-learn-question", right.id, timeout=LOAD_TIMEOUT_MS)

    def test_forget_my_progress_removes_it_after_asking(self, learner: Page, site_url: str) -> None:
        """Forget my progress asks first, then empties the record on this device."""
        learner.goto(site_url + PAGE)
        first = question(2, SEED, 0)
        box = start_step(learner, 2)
        choose(box, answer(first).correct, dict(first.options))
        expect(box.locator("[data-sccif-learn-score]")).to_contain_text("1 question", timeout=LOAD_TIMEOUT_MS)
        progress = learner.locator("[data-sccif-learn-part='progress']")
        progress.get_by_role("button", name="Forget my progress").click()
        progress.get_by_role("button", name="Yes, forget my progress").click()
        expect(box.locator("[data-sccif-learn-score]")).to_have_text(
            "Answer a few questions to check your reading of this step."
        )
        assert learner.evaluate(f"localStorage.getItem('{STORE_KEY}')") is None
        expect(progress.get_by_label(KEEP)).not_to_be_checked()

    def test_escape_closes_the_confirmation_and_returns_focus(self, learner: Page, site_url: str) -> None:
        """Issue 18: "Forget your progress?" closes on Escape, focus back on the button, the progress kept."""
        learner.goto(site_url + PAGE)
        progress = learner.locator("[data-sccif-learn-part='progress']")
        forget = progress.get_by_role("button", name="Forget my progress")
        forget.click()
        question_box = progress.get_by_role("group", name="Forget your progress?")
        expect(question_box).to_be_visible()
        learner.keyboard.press("Escape")
        expect(question_box).to_be_hidden()
        expect(forget).to_be_focused()
        assert learner.evaluate(f"localStorage.getItem('{STORE_KEY}')") is not None

    def test_progress_is_not_stored_until_the_reader_opts_in_and_leaving_asks(
        self, page: Page, site_url: str
    ) -> None:
        """A new reader: an answer is held on the page, nothing is stored, and closing the tab asks first."""
        page.goto(site_url + PAGE)
        box = start_step(page, 1)
        box.locator("[data-sccif-learn-question] input").first.check()
        box.get_by_role("button", name="Check my answer").click()
        expect(box.locator("[data-sccif-learn-score]")).to_contain_text("1 question", timeout=LOAD_TIMEOUT_MS)
        assert page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('sccif-learning'))") == []
        shown: list[str] = []
        page.on("dialog", lambda dialog: (shown.append(dialog.type), dialog.dismiss()))
        with page.expect_event("dialog"):
            page.close(run_before_unload=True)
        assert shown == ["beforeunload"]

    def test_progress_kept_by_the_first_version_is_brought_up_to_date(
        self, page: Page, site_url: str
    ) -> None:
        """A reader's progress under the old key (always written, before keep.js) comes back and stays kept."""
        steps = {str(n): {"next": 1 if n == 2 else 0} for n in range(1, 11)}
        old = {
            "seed": SEED,
            "at": 1,
            "history": [{"step": 2, "seed": SEED, "number": 0, "correct": True, "at": 1}],
            "steps": steps,
        }
        page.goto(site_url + PAGE)
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [OLD_STORE_KEY, json.dumps(old)])
        page.reload()
        expect(step_box(page, 2).locator("[data-sccif-learn-score]")).to_have_text(
            "You have answered 1 question in this step, 1 right."
        )
        expect(page.get_by_label(KEEP)).to_be_checked()
        page.wait_for_function(f"() => localStorage.getItem('{STORE_KEY}')?.includes('correct')")
        assert page.evaluate(f"localStorage.getItem('{OLD_STORE_KEY}')") is None
        assert json.loads(page.evaluate(f"localStorage.getItem('{STORE_KEY}')"))["state"]["seed"] == SEED


class TestPrivacyAndAccess:
    def test_answering_sends_nothing_anywhere(self, learner: Page, site_url: str) -> None:
        """Answering questions makes only GET requests for the site's own files."""
        sent: list[Request] = []
        learner.on("request", lambda request: sent.append(request))
        learner.goto(site_url + PAGE)
        box = start_step(learner, 7)
        item = question(7, SEED, 0)
        choose(box, answer(item).correct, dict(item.options))
        expect(box.locator("[data-sccif-verdict]")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        assert sent and all(r.method == "GET" and not r.post_data for r in sent)

    def test_axe_finds_nothing_before_and_after_answering(
        self, learner: Page, site_url: str, axe_check
    ) -> None:  # type: ignore[no-untyped-def]
        """No WCAG 2.2 AA violations on the path, with a question, with feedback and during review."""
        learner.goto(site_url + PAGE)
        axe_check(learner)
        box = start_step(learner, 5)
        axe_check(learner)
        item = question(5, SEED, 0)
        choose(box, wrong_keys(5, 0), dict(item.options))
        expect(box.locator("[data-sccif-verdict]")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        axe_check(learner)
        learner.get_by_role("button", name="Review: questions you got wrong first").click()
        expect(
            learner.locator("[data-sccif-learn-part='progress'] [data-sccif-learn-question]")
        ).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        axe_check(learner)

    def test_two_steps_open_share_no_control_names_and_focus_is_never_lost(
        self, learner: Page, site_url: str
    ) -> None:
        """Issue 18: each step's "Check my answer" and "Next question" name their step; focus stays on the page."""
        learner.goto(site_url + PAGE)
        first = question(1, SEED, 0)
        box = start_step(learner, 1)
        start_step(learner, 2)
        choose(box, answer(first).correct, dict(first.options))
        expect(box.locator("[data-sccif-verdict]")).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert duplicate_control_names(learner) == {}
        box.get_by_role("button", name="Next question").click()
        expect(box.locator(".sccif-learn__title")).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert_focus_not_on_body(learner, "the next question")

    def test_the_feedback_and_progress_in_the_accessibility_tree(self, learner: Page, site_url: str) -> None:
        """The reviewed trees: a wrong answer's feedback (step 4, question 1 of SEED), and the progress part."""
        learner.goto(site_url + PAGE)
        box = start_step(learner, 4)
        first = question(4, SEED, 0)
        choose(box, wrong_keys(4, 0), dict(first.options))
        feedback = box.locator("[data-sccif-learn-feedback]")
        expect(feedback.locator("[data-sccif-verdict]")).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert_aria_snapshot(feedback.locator("[data-sccif-verdict]"), "learning-feedback-verdict")
        assert_aria_snapshot(box.locator("[data-sccif-learn-question] form"), "learning-answered-form")
        progress = learner.locator("[data-sccif-learn-part='progress']")
        expect(progress.locator("tr[data-step='4']")).to_contain_text("1", timeout=LOAD_TIMEOUT_MS)
        assert_aria_snapshot(progress.locator("[data-sccif-learn-progress]"), "learning-progress-table")

    def test_a_question_can_be_answered_with_the_keyboard_alone(self, learner: Page, site_url: str) -> None:
        """Start, choose with the arrow keys, check with Enter, and move on, without a mouse."""
        learner.goto(site_url + PAGE)
        box = step_box(learner, 8)
        start = box.get_by_role("button", name="Start the questions for step 8")
        start.focus()
        learner.keyboard.press("Enter")
        title = box.locator(".sccif-learn__title")
        expect(title).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        item = question(8, SEED, 0)
        truth = answer(item)
        keys = [k for k, _ in item.options]
        assert not item.multiple, "the key sequence below is for one choice (radios)"
        learner.keyboard.press("Tab")  # first option (radio group)
        first_radio = box.locator("[data-sccif-learn-question] input").first
        expect(first_radio).to_be_focused()
        # Space selects the focused radio; arrows move (and select) within the group.
        learner.keyboard.press("Space")
        for _ in range(keys.index(truth.correct[0])):
            learner.keyboard.press("ArrowDown")
        learner.keyboard.press("Tab")
        expect(box.get_by_role("button", name="Check my answer")).to_be_focused()
        learner.keyboard.press("Enter")
        feedback = box.locator("[data-sccif-learn-feedback]")
        expect(feedback.locator("[data-sccif-verdict]")).to_have_attribute(
            "data-sccif-verdict", "right", timeout=LOAD_TIMEOUT_MS
        )
        # Focus on the verdict (short, and heard once): not on the whole feedback.
        expect(feedback.locator("[data-sccif-verdict]")).to_be_focused()

    def test_without_javascript_the_path_still_reads_in_order(self, browser: Browser, site_url: str) -> None:
        """With JavaScript off the ten steps and their links to the framework are all there."""
        context = browser.new_context(java_script_enabled=False)
        try:
            page = context.new_page()
            page.goto(site_url + PAGE)
            for step in STEPS:
                section = page.locator(f"[id='step-{step.number}']")
                expect(section).to_contain_text(f"Step {step.number}: {step.title}")
            expect(page.locator("article a[href*='framework/']")).to_have_count(
                sum(len(s.read) for s in STEPS)
            )
        finally:
            context.close()


@pytest.mark.fresh_context
class TestOffline:
    def test_the_self_checks_work_offline_after_visiting_the_home_page(
        self, learner: Page, context: BrowserContext, site_url: str, site_dir: Path
    ) -> None:
        """With the network gone after one visit to the home page, a step's question is asked and marked."""
        learner.goto(site_url)
        wait_until_offline_ready(learner)
        wait_until_tools_offline(learner, site_url, site_dir)
        context.set_offline(True)
        learner.goto(site_url + PAGE)
        box = start_step(learner, 4)
        item = question(4, SEED, 0)
        choose(box, answer(item).correct, dict(item.options))
        expect(box.locator("[data-sccif-verdict]")).to_have_attribute(
            "data-sccif-verdict", "right", timeout=LOAD_TIMEOUT_MS
        )
