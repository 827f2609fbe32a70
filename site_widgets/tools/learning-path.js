// @ts-check
// Self-check questions on the learning path for new inspectors.
//
// docs/learn/index.md has one container for the reader's progress and review
// (data-sccif-part="progress") and one after each step's reading (data-sccif-step="N").
// Questions come from the Python core ("learn.question": seeded, made from the timeline,
// working-day and judgement engines and the framework's text). Answers are marked by the core
// ("learn.check"), which works the answer out again and explains it with the framework's words
// and links. "learn.review" orders questions for review, wrongly answered first.
//
// Progress (which questions were asked, and whether the answer was right) is held in this page.
// Once the reader ticks "Keep my progress on this device" (lib/keep.js, in the progress part) it is
// saved in this browser as they go, so it survives a reload; nothing is sent anywhere. "Forget my
// progress" removes it from the page and the device. Every value shown is set with textContent.

import { confirmation } from "../lib/confirm.js";
import { keep } from "../lib/keep.js";
import { checkAnswer, focusVerdict } from "../lib/answer-check.js";
import { paragraphLink } from "../lib/source-link.js";

// Version 1 (sccif-learning-v1, the progress itself) was always written; it is brought up to date.
const KEEP = { key: "sccif-learning", version: 2 };
const MAX_SEED = 2 ** 31 - 1;
const MAX_HISTORY = 5000;

function newSeed() {
  const value = new Uint32Array(1);
  crypto.getRandomValues(value);
  return value[0] % MAX_SEED;
}

/** @param {unknown} n @param {number} most @returns {n is number} */
function whole(n, most) {
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= most;
}

/** @typedef {{step: number, seed: number, number: number, correct: boolean, at: number}} Answered */
/** @typedef {{seed: number, at: number, history: Answered[], steps: Record<number, {next: number}>}} Progress */

/**
 * Progress read defensively from kept work: null when it is not a record of answers.
 * @param {any} data
 * @returns {Progress | null}
 */
function progressFrom(data) {
  try {
    if (data && whole(data.seed, MAX_SEED) && whole(data.at, 2 ** 53) && Array.isArray(data.history) && data.steps && typeof data.steps === "object") {
      const history = data.history.filter(
        (/** @type {any} */ r) => r && whole(r.step, 10) && r.step >= 1 && whole(r.seed, MAX_SEED) && whole(r.number, 9999) && typeof r.correct === "boolean" && whole(r.at, 2 ** 53),
      );
      /** @type {Progress["steps"]} */
      const steps = {};
      for (let n = 1; n <= 10; n += 1) {
        const next = data.steps[n]?.next;
        steps[n] = { next: whole(next, 9999) ? next : 0 };
      }
      return { seed: data.seed, at: data.at, history: history.slice(-MAX_HISTORY), steps };
    }
  } catch {
    // unreadable: not progress
  }
  return null;
}

/** @returns {Progress} */
function fresh() {
  /** @type {Progress["steps"]} */
  const steps = {};
  for (let n = 1; n <= 10; n += 1) steps[n] = { next: 0 };
  return { seed: newSeed(), at: 0, history: [], steps };
}

const store = fresh();
/** @type {Set<() => void>} */
const listeners = new Set();
/** Keeps the progress on this device once the reader opts in; made by the progress part. @type {import("../lib/keep.js").Keeper<Progress> | null} */
let keeper = null;

function notify() {
  for (const listener of [...listeners]) listener();
}

/** @param {any} question  as learn.question gives it @param {boolean} correct @param {{fresh: boolean}} options */
function record(question, correct, { fresh: isFresh }) {
  store.at += 1;
  store.history.push({ step: question.step, seed: question.seed, number: question.number, correct, at: store.at });
  if (store.history.length > MAX_HISTORY) store.history.splice(0, store.history.length - MAX_HISTORY);
  if (isFresh) store.steps[question.step].next = Math.min(question.number + 1, 9999);
  keeper?.changed();
  notify();
}

/** @param {number} step */
function counts(step) {
  const mine = store.history.filter((r) => r.step === step);
  return { answered: mine.length, right: mine.filter((r) => r.correct).length };
}

// A question on screen, with its answer form and feedback. onAnswered(result) after marking.
// which: "step 3" or "review", ending the names of the block's buttons (each step has its own block).
/**
 * @param {typeof import("../ui.js")} ui @param {(name: string, payload?: any) => Promise<any>} call
 * @param {{headingLevel?: "h3" | "h4", onAnswered: (question: any, result: any) => void, onNext: () => void, nextLabel?: string, which: string}} options
 */
function questionBlock(ui, call, { headingLevel = "h3", onAnswered, onNext, nextLabel = "Next question", which }) {
  const { h } = ui;
  const whichWords = () => h("span", { class: "sccif-visually-hidden" }, ` (${which})`);
  const title = h(headingLevel, { class: "sccif-learn__title", tabindex: "-1" }, "Question");
  const prompt = h("p", { class: "sccif-learn__prompt" });
  const quote = h("blockquote", { class: "sccif-learn__quote", hidden: true });
  const summary = ui.errorSummary();
  const options = h("div", { class: "sccif-learn__options" });
  const legend = h("legend", { class: "sccif-fieldset__legend" }, "Your answer");
  const check = h("button", { type: "submit", class: "md-button md-button--primary sccif-button" }, "Check my answer", whichWords());
  const feedback = h("div", { class: "sccif-learn__feedback", hidden: true, "data-sccif-learn-feedback": "" });
  const next = h("button", { type: "button", class: "md-button sccif-button", hidden: true }, nextLabel, whichWords());
  const form = h("form", { class: "sccif-form", novalidate: true }, summary.element, h("fieldset", { class: "sccif-fieldset" }, legend, options), check);
  const element = h("div", { class: "sccif-learn__question", "data-sccif-learn-question": "" }, title, prompt, quote, form, feedback, next);
  /** @type {any} the question on screen, as learn.question gives it */
  let current = null;
  /** @type {HTMLInputElement[]} */
  let inputs = [];
  let done = false;

  /** @param {any} question @param {string} heading */
  function show(question, heading) {
    current = question;
    done = false;
    element.dataset.sccifLearnQuestion = question.id;
    title.textContent = heading;
    prompt.textContent = question.prompt;
    quote.hidden = !question.quote;
    ui.replace(quote, question.quote ? h("p", {}, question.quote.text) : null);
    legend.textContent = question.multiple ? "Your answer: choose every one that applies" : "Your answer: choose one";
    const name = ui.id("sccif-learn-option");
    inputs = question.options.map((/** @type {any} */ option, /** @type {number} */ i) =>
      /** @type {HTMLInputElement} */ (h("input", { type: question.multiple ? "checkbox" : "radio", class: question.multiple ? "sccif-checkbox__input" : "sccif-radio__input", id: `${name}-${i}`, name, value: option.key })),
    );
    ui.replace(
      options,
      question.options.map((/** @type {any} */ option, /** @type {number} */ i) =>
        h("div", { class: question.multiple ? "sccif-checkbox" : "sccif-radio" }, inputs[i], h("label", { class: question.multiple ? "sccif-checkbox__label" : "sccif-radio__label", for: inputs[i].id }, option.label)),
      ),
    );
    check.disabled = false;
    feedback.hidden = true;
    next.hidden = true;
    summary.hide();
  }

  /** @param {any} result  learn.check */
  function showFeedback(result) {
    const right = result.correct;
    ui.replace(
      feedback,
      h(
        "p",
        { class: `sccif-learn__verdict sccif-learn__verdict--${right ? "right" : "wrong"}`, "data-sccif-verdict": right ? "right" : "wrong", tabindex: "-1" },
        right ? "\u2713 Right." : "\u2715 Not quite.",
        " ",
        h("span", { class: "sccif-learn__answer", "data-sccif-learn-answer": result.answer.join(" ") }, `The answer: ${result.answer_labels.join("; ")}.`),
      ),
      result.explanation && !result.explanation.startsWith("The answer:") ? h("p", {}, result.explanation) : null,
      result.quotes.length ? h("p", { class: "sccif-learn__why" }, "What the framework says:") : null,
      result.quotes.map((/** @type {any} */ q) => h("div", { class: "sccif-learn__source" }, h("blockquote", {}, h("p", {}, q.text)), h("p", {}, paragraphLink(ui, q.source_path)))),
      result.notes.length ? h("ul", { class: "sccif-learn__notes" }, result.notes.map((/** @type {string} */ n) => h("li", {}, n))) : null,
    );
    feedback.hidden = false;
    next.hidden = false;
    focusVerdict(feedback);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!current || done) return;
    const asked = current;
    const result = await checkAnswer({
      inputs,
      multiple: asked.multiple,
      summary,
      feedback,
      notWorking: "Your answer could not be checked: the self-checks are not working. See the message at the top of the page.",
      mark: (answer) => call("learn.check", { step: asked.step, seed: asked.seed, number: asked.number, answer }),
      ui,
    });
    if (!result) return;
    done = true;
    check.disabled = true;
    showFeedback(result);
    onAnswered(asked, result);
  });
  next.addEventListener("click", () => onNext());

  return { element, show, focus: () => title.focus() };
}

/** @param {HTMLElement} root @param {{call: (name: string, payload?: any) => Promise<any>, runtime: import("../ui.js").Runtime, ui: typeof import("../ui.js")}} context @param {number} step */
function mountStep(root, { call, runtime, ui }, step) {
  const { h } = ui;
  const heading = h("h3", {}, `Check yourself: step ${step}`);
  const score = h("p", { class: "sccif-learn__score", "data-sccif-learn-score": String(step) });
  const start = h("button", { type: "button", class: "md-button md-button--primary sccif-button" }, `Start the questions for step ${step}`);
  const problem = h("p", { class: "sccif-error-message", hidden: true });
  const waiting = h("p", { class: "sccif-learn__waiting", role: "status" });
  const block = questionBlock(ui, call, {
    headingLevel: "h4",
    onAnswered(question, result) {
      record(question, result.correct, { fresh: true });
    },
    onNext: () => ask(true),
    which: `step ${step}`,
  });
  block.element.hidden = true;
  const widget = h("div", { class: "sccif-widget sccif-learn", "data-sccif-widget": true, "data-sccif-learn-step": String(step) }, heading, score, start, waiting, problem, block.element);
  ui.replaceFallback(root);
  root.append(widget);

  function showScore() {
    const { answered, right } = counts(step);
    score.textContent = answered
      ? `You have answered ${answered} question${answered === 1 ? "" : "s"} in this step, ${right} right.`
      : "Answer a few questions to check your reading of this step.";
  }

  /** @param {boolean} focus */
  async function ask(focus) {
    const number = store.steps[step].next;
    if (runtime.state === "loading") {
      waiting.textContent = "The questions are still loading (see the top of the page). The first one will appear here as soon as it is ready.";
    }
    let reply;
    try {
      reply = await call("learn.question", { step, seed: store.seed, number });
    } catch {
      waiting.textContent = "";
      problem.hidden = false;
      problem.textContent = "The self-checks are not working. See the message at the top of the page.";
      return;
    }
    problem.hidden = true;
    waiting.textContent = "";
    if (reply.error) {
      problem.hidden = false;
      problem.textContent = ui.sentence(reply.error.message ?? reply.error.problem);
      return;
    }
    start.hidden = true;
    block.element.hidden = false;
    block.show(reply.result, `Question ${number + 1}`);
    if (focus) block.focus();
  }

  start.addEventListener("click", () => ask(true));
  listeners.add(showScore);
  showScore();
  return () => listeners.delete(showScore);
}

/** @param {HTMLElement} root @param {{call: (name: string, payload?: any) => Promise<any>, runtime: import("../ui.js").Runtime, ui: typeof import("../ui.js")}} context */
function mountProgress(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);
  const status = ui.runtimeStatus(runtime, { what: "self-check questions" });
  const announcer = ui.announcer();
  const table = h("table", { class: "sccif-learn__progress", "data-sccif-learn-progress": "" });
  const reviewButton = h("button", { type: "button", class: "md-button md-button--primary sccif-button" }, "Review: questions you got wrong first");
  const reviewNote = h("p", { "data-sccif-learn-review-note": "" });
  const forgetButton = h("button", { type: "button", class: "md-button sccif-button sccif-button--warning" }, "Forget my progress");
  const confirmForget = confirmation({
    title: "Forget your progress?",
    text: "This removes the record of your answers from this page and this device, and starts a new set of questions.",
    yes: "Yes, forget my progress",
    onConfirm: forgetProgress,
  });
  /** @type {any[]} questions to review, as learn.review orders them */
  let queue = [];
  const block = questionBlock(ui, call, {
    headingLevel: "h3",
    onAnswered(question, result) {
      record(question, result.correct, { fresh: false });
    },
    onNext: () => nextReview(true),
    nextLabel: "Next review question",
    which: "review",
  });
  block.element.hidden = true;
  keeper = keep({
    ...KEEP,
    what: "my progress",
    hint: "Your answers are then saved in this browser as you go, until you forget them, so your progress and the review survive a reload. Without this, they last only until you leave this page. Nothing is sent anywhere.",
    read: () => store,
    write: (state) => {
      const progress = progressFrom(state);
      if (!progress) throw new Error("it is not a record of answers");
      Object.assign(store, progress);
      notify();
    },
    migrate: (old, from) => (from === 1 ? progressFrom(old) : null),
    empty: (state) => !state.history.length,
  });
  const mine = keeper;
  const widget = h(
    "div",
    { class: "sccif-widget sccif-learn", "data-sccif-widget": true, "data-sccif-learn-part": "progress" },
    status.element,
    h("h2", { id: "sccif-learn-progress-title" }, "Your progress"),
    h("div", { class: "sccif-learn__keep", id: "sccif-learn-keep" }, keeper.parts.choice, keeper.parts.hint, keeper.parts.status, keeper.parts.message),
    table,
    reviewNote,
    h("div", { class: "sccif-prep__actions" }, reviewButton, forgetButton),
    confirmForget.element,
    block.element,
    announcer.element,
  );
  root.append(widget);
  table.setAttribute("aria-labelledby", "sccif-learn-progress-title");

  /** @type {{number: number, title: string}[]} */
  let steps = [];
  function showTable() {
    const rows = steps.map((s) => {
      const { answered, right } = counts(s.number);
      return h("tr", { "data-step": String(s.number) }, h("th", { scope: "row" }, h("a", { href: `#step-${s.number}` }, `Step ${s.number}: ${s.title}`)), h("td", {}, String(answered)), h("td", {}, String(right)));
    });
    ui.replace(table, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Step"), h("th", { scope: "col" }, "Answered"), h("th", { scope: "col" }, "Right"))), h("tbody", {}, rows));
    const total = store.history.length;
    reviewButton.disabled = total === 0;
    reviewNote.textContent = total ? `You have answered ${total} question${total === 1 ? "" : "s"}.` : "You have not answered any questions yet.";
  }

  /** @param {boolean} focus */
  async function nextReview(focus) {
    if (!queue.length) {
      block.element.hidden = true;
      reviewNote.textContent = "You have reviewed every question you have answered. Start the review again to go round once more.";
      reviewButton.focus();
      return;
    }
    const due = queue.shift();
    let reply;
    try {
      reply = await call("learn.question", { step: due.step, seed: due.seed, number: due.number });
    } catch {
      return;
    }
    if (reply.error) {
      reviewNote.textContent = ui.sentence(reply.error.message ?? reply.error.problem);
      return;
    }
    block.element.hidden = false;
    block.show(reply.result, `Review: step ${due.step}${due.last_correct ? "" : " (you got this wrong last time)"}`);
    if (focus) block.focus();
  }

  reviewButton.addEventListener("click", async () => {
    let reply;
    try {
      reply = await call("learn.review", { history: store.history });
    } catch {
      return;
    }
    if (reply.error) {
      reviewNote.textContent = ui.sentence(reply.error.message ?? reply.error.problem);
      return;
    }
    queue = reply.result;
    const wrong = queue.filter((d) => !d.last_correct).length;
    announcer.say(`${queue.length} questions to review, ${wrong} of them answered wrongly last time.`);
    await nextReview(true);
  });
  forgetButton.addEventListener("click", () => confirmForget.open(forgetButton));
  function forgetProgress() {
    mine.forget();
    Object.assign(store, fresh());
    mine.settled();
    queue = [];
    block.element.hidden = true;
    notify();
    announcer.say("Your progress has been forgotten. A new set of questions has started.");
    forgetButton.focus();
  }

  let loading = false;
  function loadSteps() {
    if (loading || steps.length) return;
    loading = true;
    call("learn.path", {})
      .then((reply) => {
        if (reply.result) {
          steps = reply.result.steps;
          showTable();
        }
      })
      .catch(() => {}) // the status line says why; loaded again when the runtime restarts
      .finally(() => {
        loading = false;
      });
  }
  // After a failed load the reader can restart the runtime: load the steps when it is ready.
  const stopListening = runtime.onChange(() => {
    if (runtime.state === "ready") loadSteps();
  });
  listeners.add(showTable);
  loadSteps();
  showTable();
  mine.restore();
  return () => {
    listeners.delete(showTable);
    stopListening();
    status.destroy();
    mine.destroy();
    if (keeper === mine) keeper = null;
  };
}

/** @param {HTMLElement} root @param {{call: (name: string, payload?: any) => Promise<any>, runtime: import("../ui.js").Runtime, ui: typeof import("../ui.js")}} context */
export function mount(root, context) {
  if (root.dataset.sccifPart === "progress") return mountProgress(root, context);
  const step = Number.parseInt(root.dataset.sccifStep ?? "", 10);
  if (!Number.isInteger(step) || step < 1 || step > 10) throw new Error(`"${root.dataset.sccifStep}" is not a step of the learning path`);
  return mountStep(root, context, step);
}
