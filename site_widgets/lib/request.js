// @ts-check
// The request lifecycle every tool shares: ask the core, show what came back.
//
//   const requests = lifecycle({
//     runtime,                                           // the bridge's runtime (mount's argument)
//     read: () => ({ start: startInput.value }),         // the inputs as they are now
//     send: (payload) => call("workdays.add", payload),  // one call, or several in Promise.all
//     waiting() { ... },                   // submitted while the runtime loads: say the answer will come
//     answered(result, run) { ... },       // {result}: show it
//     problems(list, run) { ... },         // {error} or {errors}: every problem, each with its field
//     failed(reason, run) { ... },         // the runtime could not answer (its status line says why)
//   });
//   // with `form` given, submitting it runs the request: form: formElement
//   return () => requests.destroy();       // in unmount
//
// - The newest request wins: an answer to an older one is dropped (run.current() says whether a
//   handler's own follow-up work is still wanted).
// - A request the runtime failed on is run again when the runtime is ready after a restart, with
//   the inputs as they are then (read() is called again), and options {...options, again: true}.
// - resultArea(element) draws one state at a time in the tool's result area, focusing its heading.
// - takeFocus(target, run) moves focus to the heading of the new state only if the reader has not
//   moved on since they submitted; never to the body.

import { h, replace } from "../ui.js";

/**
 * A problem with one field, as the core words it (sccif_core.errors.InputError.as_dict).
 * @typedef {object} Problem
 * @property {string} problem the sentence, starting in lower case ("enter a date, like 25/11/2026.")
 * @property {string | null} [field] the input it is about, as the core names it
 * @property {number | null} [row] the line of a list or file, from 1
 * @property {string} [message] the same with its row and field, for where no field can be shown
 */

/**
 * What the core answers: {result}, or {error} (which may carry every problem as error.errors), or {errors}.
 * @typedef {{result?: any, error?: Problem & {errors?: Problem[]}, errors?: Problem[]}} Answer
 */

/**
 * One run of a request, as the handlers see it.
 * @typedef {object} Run
 * @property {any} payload what read() gave
 * @property {Record<string, any>} options what run() was given ({again: true} on a rerun after a restart)
 * @property {() => boolean} current whether this is still the newest request
 * @property {Element | null} from where focus was when it was submitted
 */

/** @typedef {import("../ui.js").Runtime} Runtime */

/**
 * Every problem in an answer, in the order the core found them: [] when it has a result.
 * @param {Answer} answer
 * @returns {Problem[]}
 */
export function problemsOf(answer) {
  if (answer.errors?.length) return answer.errors;
  if (!answer.error) return [];
  return answer.error.errors?.length ? answer.error.errors : [answer.error];
}

/**
 * @param {unknown} failure
 * @returns {string}
 */
function reasonOf(failure) {
  return failure instanceof Error ? failure.message : String(failure ?? "");
}

/**
 * @param {object} spec
 * @param {Runtime} spec.runtime
 * @param {(options: Record<string, any>) => any} spec.read the payload, from the inputs as they are now
 * @param {(payload: any, options: Record<string, any>) => Promise<Answer>} spec.send ask the core (a tool
 *   that needs several calls combines them into one answer)
 * @param {(run: Run) => void} [spec.waiting] submitted while the runtime loads
 * @param {(result: any, run: Run) => void} spec.answered
 * @param {(problems: Problem[], run: Run) => void} spec.problems
 * @param {(reason: string, run: Run) => void} spec.failed
 * @param {HTMLFormElement} [spec.form] a form whose submit runs the request
 * @returns {{run(options?: Record<string, any>): Promise<void>, destroy(): void}}
 */
export function lifecycle({ runtime, read, send, waiting, answered, problems, failed, form }) {
  let latest = 0;
  /** @type {Record<string, any> | null} the options of a run the runtime failed on */
  let interrupted = null;

  /** @param {Record<string, any>} [options] */
  async function run(options = {}) {
    const seq = ++latest;
    interrupted = null;
    const payload = read(options);
    /** @type {Run} */
    const current = { payload, options, current: () => seq === latest, from: document.activeElement };
    if (runtime.state !== "ready") waiting?.(current);
    let answer;
    try {
      answer = await send(payload, options);
    } catch (failure) {
      if (seq !== latest) return;
      interrupted = options;
      failed(reasonOf(failure), current);
      return;
    }
    if (seq !== latest) return;
    const found = problemsOf(answer);
    if (found.length) problems(found, current);
    else answered(answer.result, current);
  }

  const stop = runtime.onChange(() => {
    if (runtime.state === "ready" && interrupted) {
      const options = interrupted;
      interrupted = null;
      run({ ...options, again: true });
    }
  });

  form?.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });

  return { run, destroy: stop };
}

/**
 * Move focus to the heading of a new state (it gets tabindex="-1"), unless the reader has moved on
 * since they submitted: focus is then left where they put it. Focus that fell to the body, or that
 * sat inside the region just redrawn, always moves. The heading (or `show`) is scrolled into view.
 * @param {HTMLElement} target a short heading naming the new state
 * @param {object} [where]
 * @param {Run | null} [where.run] the request it answers
 * @param {Element | null} [where.region] the area that was redrawn
 * @param {HTMLElement} [where.show] what must be in view, from its top (default: the heading, nearest)
 */
export function takeFocus(target, { run = null, region = null, show } = {}) {
  const now = document.activeElement;
  const lost = !now || now === document.body || now === document.documentElement || !now.isConnected;
  const inRegion = Boolean(region && now && region.contains(now));
  if (run && !lost && !inRegion && now !== run.from) return;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  if (show) show.scrollIntoView({ block: "start" });
  else target.scrollIntoView({ block: "nearest" });
}

/**
 * The area under a form where a tool shows one state at a time (its answer, waiting, no answer),
 * each led by a short heading that takes focus (takeFocus), so each state is announced once.
 * @param {HTMLElement} area
 */
export function resultArea(area) {
  /**
   * Draw a state. content includes the heading, wherever it sits.
   * @param {Run} run the request it answers
   * @param {HTMLElement} heading
   * @param {import("../ui.js").Child[]} content
   * @param {HTMLElement} [show] what must be in view, from its top (default: the whole area)
   */
  function show(run, heading, content, show = area) {
    replace(area, content);
    area.hidden = false;
    takeFocus(heading, { run, region: area, show });
  }
  /**
   * A heading and a sentence: "Waiting for the calculator", "No answer yet".
   * @param {Run} run @param {string} title @param {string} text
   */
  function notice(run, title, text) {
    const heading = h("h2", { class: "sccif-result__title" }, title);
    show(run, heading, [heading, h("p", { class: "sccif-result__waiting" }, text)]);
  }
  function clear() {
    area.hidden = true;
    area.replaceChildren();
  }
  return { show, notice, clear };
}
