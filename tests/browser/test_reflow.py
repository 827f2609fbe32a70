"""At 320 px and with WCAG's text spacing, every tool's answer is readable: nothing clipped, nothing overlapping.

WCAG 2.2 1.4.10 (reflow: 320 CSS pixels, no scrolling sideways) and 1.4.12 (text spacing: line height
1.5, paragraphs 2 em apart, letters 0.12 em and words 0.16 em apart, with nothing lost). Each tool is
driven to its answered state the way `make screenshots` drives it (scripts/screenshots.py), with the
spacing applied as a reader's style sheet would apply it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from scripts.screenshots import TOOLS, Shot, Tool

from .runtime_helpers import LOAD_TIMEOUT_MS, wait_for_widget

# Where a shot's own selector is met before the answer is drawn, what shows once it is: the
# self-evaluation's "Not assessed yet" radio is checked from the start, and its summary lists the
# item marked "Needs work" only after a pause and the core's reply.
ANSWER_DRAWN = {"self-evaluation": "[data-sccif-prep-summary] [data-sccif-prep-needs-work] [data-item]"}

NARROW = {"width": 320, "height": 640}
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# What a reader could not read: text cut off by its own box, elements outside the tool's column (unless
# they sit in a box that scrolls), chart labels outside their chart or on top of each other.
_PROBLEMS = """
() => {
  const problems = [];
  const name = (el) => `${el.tagName.toLowerCase()} "${(el.textContent || "").trim().slice(0, 40)}"`;
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const inScroller = (el, tool) => {
    for (let a = el.parentElement; a && a !== tool; a = a.parentElement) if (scrolls(a)) return true;
    return false;
  };
  // Text kept for screen readers only (in a 1 px box) is not text a reader can see cut off.
  const forScreenReaders = (el) => {
    for (let a = el; a; a = a.parentElement) {
      const b = a.getBoundingClientRect();
      if (b.width <= 1 || b.height <= 1) return true;
    }
    return false;
  };
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide`);
  }
  for (const tool of document.querySelectorAll("[data-sccif-tool]")) {
    const column = tool.getBoundingClientRect();
    for (const el of tool.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (!box.width || !box.height || forScreenReaders(el) || el.closest("svg")) continue;
      const style = getComputedStyle(el);
      if (["hidden", "clip"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim()) {
        problems.push(`${name(el)} cuts off its text (${el.scrollWidth} px in ${el.clientWidth} px)`);
      }
      if ((box.right > column.right + 1 || box.left < column.left - 1) && !inScroller(el, tool)) {
        problems.push(`${name(el)} sticks out of the tool (${Math.round(box.left)} to ${Math.round(box.right)} px)`);
      }
    }
    for (const svg of tool.querySelectorAll("svg")) {
      const frame = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll("text")].map((t) => [t, t.getBoundingClientRect()]).filter(([, b]) => b.width);
      for (const [text, b] of labels) {
        if (b.left < frame.left - 1 || b.right > frame.right + 1 || b.top < frame.top - 1 || b.bottom > frame.bottom + 1) {
          problems.push(`chart label ${name(text)} is outside its chart`);
        }
      }
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const [a, p] = labels[i];
          const [c, q] = labels[j];
          const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
          const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
          if (w > 1 && h > 1) problems.push(`chart labels ${name(a)} and ${name(c)} overlap`);
        }
      }
    }
  }
  return problems;
}
"""


def answered_shots() -> list[tuple[Tool, Shot]]:
    return [(tool, shot) for tool in TOOLS if tool.path for shot in tool.shots if shot.state == "answered"]


@pytest.mark.parametrize(("tool", "shot"), answered_shots(), ids=[tool.name for tool, _ in answered_shots()])
def test_the_answer_reflows_at_320px_with_wcag_text_spacing(
    page: Page, site_url: str, tool: Tool, shot: Shot
) -> None:
    """At 320 px, and again with WCAG's text spacing, the answered tool has no clipped text, nothing outside
    its column, and no chart label outside its chart or on another."""
    page.set_viewport_size(NARROW)
    page.goto(site_url + tool.path)
    name = page.locator("[data-sccif-tool]").first.get_attribute("data-sccif-tool") or ""
    widget = wait_for_widget(page, name)
    assert shot.steps is not None
    shot.steps(page)
    page.locator(shot.shown).first.wait_for(state="visible", timeout=LOAD_TIMEOUT_MS)
    if tool.name in ANSWER_DRAWN:
        page.locator(ANSWER_DRAWN[tool.name]).first.wait_for(state="visible", timeout=LOAD_TIMEOUT_MS)
    for summary in widget.locator("details:not([open]) > summary").all():
        if summary.is_visible():
            summary.click()
    assert page.evaluate(_PROBLEMS) == []
    # A reader's style sheet, served from the site's origin so that its Content-Security-Policy allows it.
    spacing = site_url + "__reader__/text-spacing.css"
    page.route(spacing, lambda route: route.fulfill(body=TEXT_SPACING, content_type="text/css"))
    page.add_style_tag(url=spacing)
    assert page.evaluate(_PROBLEMS) == []
