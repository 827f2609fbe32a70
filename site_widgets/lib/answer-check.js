// @ts-check
// "Check my answer" for a question with radios or checkboxes (the learning path's self-checks and
// the judgement practice): read the reader's choice, ask the core to mark it, and show the verdict
// where focus goes.

/**
 * Ask the core to mark the ticked answer(s). Says in the error summary what is missing or wrong, or in
 * the feedback area that the marking is not working; then resolves to null. On an answer the inputs are
 * locked and the core's result is returned.
 * @param {{
 *   inputs: HTMLInputElement[],
 *   multiple: boolean,
 *   summary: {show: (items: {text: string, input: HTMLElement | null}[]) => void, hide: () => void},
 *   feedback: HTMLElement,
 *   notWorking: string,
 *   mark: (answer: string | string[]) => Promise<any>,
 *   ui: typeof import("../ui.js"),
 * }} question
 * @returns {Promise<any | null>}
 */
export async function checkAnswer({ inputs, multiple, summary, feedback, notWorking, mark, ui }) {
  const chosen = inputs.filter((input) => input.checked).map((input) => input.value);
  if (!chosen.length) {
    summary.show([{ text: multiple ? "choose at least one answer." : "choose an answer.", input: inputs[0] }]);
    return null;
  }
  summary.hide();
  let reply;
  try {
    reply = await mark(multiple ? chosen : chosen[0]);
  } catch {
    ui.replace(feedback, ui.h("p", {}, notWorking));
    feedback.hidden = false;
    return null;
  }
  if (reply.error) {
    summary.show([{ text: reply.error.problem, input: inputs[0] }]);
    return null;
  }
  for (const input of inputs) input.disabled = true;
  return reply.result;
}

/**
 * Focus the verdict, which is how it is heard (no live region says it again), with the feedback shown
 * from its top: the answer and the framework's words follow the verdict.
 * @param {HTMLElement} feedback
 */
export function focusVerdict(feedback) {
  const verdict = /** @type {HTMLElement} */ (feedback.querySelector("[data-sccif-verdict]"));
  verdict.focus({ preventScroll: true });
  verdict.scrollIntoView({ block: "start" });
}
