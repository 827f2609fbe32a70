// @ts-check
// A text box's limit, enforced while typing (GOV.UK character count): `maxlength` on the box, a count
// under it that the box describes, and a polite announcement near the limit once typing pauses.
// A value longer than the limit (kept before the limit existed, or opened from elsewhere) is shown
// whole, never cut: the count then says how many characters are too many.

import { h } from "../../ui.js";

const ANNOUNCE_AFTER_MS = 1000;
/** Below this many characters left, the count is also announced (and further from it, only shown). */
const ANNOUNCE_WITHIN = 1000;

/** "20,000" @param {number} n */
export function thousands(n) {
  return n.toLocaleString("en-GB");
}

/** "You have 19,950 characters remaining" / "You have 1 character too many" @param {number} used @param {number} limit */
export function countWords(used, limit) {
  const left = limit - used;
  const n = Math.abs(left);
  const noun = n === 1 ? "character" : "characters";
  return left >= 0 ? `You have ${thousands(n)} ${noun} remaining` : `You have ${thousands(n)} ${noun} too many`;
}

/**
 * @param {HTMLTextAreaElement} box  it must have an id
 * @param {number} limit
 * @param {{say: (text: string) => void}} announcer  shared by every box of the tool
 * @returns {{element: HTMLElement, update: () => void}}  update() after the value is set by the tool
 */
export function characterCount(box, limit, announcer) {
  box.maxLength = limit;
  const element = h("p", { class: "sccif-hint sccif-character-count", id: `${box.id}-count` });
  box.setAttribute("aria-describedby", [box.getAttribute("aria-describedby"), element.id].filter(Boolean).join(" "));
  let timer = 0;

  function update() {
    const over = box.value.length > limit;
    element.textContent = countWords(box.value.length, limit);
    element.classList.toggle("sccif-character-count--over", over);
    if (over) box.setAttribute("aria-invalid", "true");
    else box.removeAttribute("aria-invalid");
  }

  box.addEventListener("input", () => {
    update();
    clearTimeout(timer);
    if (limit - box.value.length > ANNOUNCE_WITHIN) return;
    timer = window.setTimeout(() => announcer.say(countWords(box.value.length, limit)), ANNOUNCE_AFTER_MS);
  });
  update();
  return { element, update };
}
