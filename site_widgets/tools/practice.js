// @ts-check
// Practice questions on the judgement rules, for new inspectors.
//
// Questions come from the Python core ("judge.scenario"), made up from the rules engine with a
// seed, and answers are marked by it ("judge.check"), which works the answer out again from the
// rules and cites them. This file shows the question, collects the answer and keeps the score
// in this browser tab only (sessionStorage): nothing is sent anywhere.

import { decidingWords, ruleCard } from "./judgements/rule-card.js";
import { checkAnswer, focusVerdict } from "../lib/answer-check.js";
import { paragraphLink, sourceNote } from "../lib/source-link.js";

const STORE_KEY = "sccif-practice-v1";
const MAX_SEED = 2 ** 31 - 1;

function newSeed() {
  const value = new Uint32Array(1);
  crypto.getRandomValues(value);
  return value[0] % MAX_SEED;
}

/** The session's practice state, read defensively. */
function loadState() {
  try {
    const data = JSON.parse(window.sessionStorage.getItem(STORE_KEY) ?? "null");
    const whole = (/** @type {unknown} */ n, /** @type {number} */ most) => typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= most;
    if (data && whole(data.seed, MAX_SEED) && whole(data.number, 10000) && whole(data.answered, 1e6) && whole(data.correct, data.answered)) {
      return { seed: data.seed, number: data.number, answered: data.answered, correct: data.correct };
    }
  } catch {
    // unreadable: start afresh
  }
  return { seed: newSeed(), number: 0, answered: 0, correct: 0 };
}

/**
 * @param {HTMLElement} root
 * @param {{call: (name: string, payload?: any) => Promise<any>, runtime: import("../ui.js").Runtime, ui: typeof import("../ui.js")}} context
 */
export function mount(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);

  const state = loadState();
  function save() {
    try {
      window.sessionStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch {
      // the score is still shown; it is just not kept across reloads
    }
  }

  const status = ui.runtimeStatus(runtime, { what: "practice questions" });
  const announcer = ui.announcer();
  const score = h("p", { class: "sccif-practice__score", "data-sccif-score": true });
  const title = h("h2", { class: "sccif-practice__title", tabindex: "-1" }, "Question");
  const prompt = h("p", { class: "sccif-practice__prompt" }, "The question will appear here as soon as it has loaded.");
  const summary = ui.errorSummary();
  const optionsBox = h("div", { class: "sccif-practice__options" });
  const legend = h("legend", { class: "sccif-fieldset__legend" }, "Your answer");
  const checkButton = h("button", { type: "submit", class: "md-button md-button--primary sccif-button" }, "Check my answer");
  const nextButton = h("button", { type: "button", class: "md-button sccif-button", hidden: true }, "Next question");
  const resetButton = h("button", { type: "button", class: "md-button sccif-button" }, "Reset my score");
  const feedback = h("div", { class: "sccif-practice__feedback", hidden: true });
  const form = h(
    "form",
    { class: "sccif-form", novalidate: true, "aria-labelledby": "sccif-practice-question" },
    summary.element,
    h("fieldset", { class: "sccif-fieldset" }, legend, optionsBox),
    checkButton,
  );
  title.id = "sccif-practice-question";
  const widget = h(
    "div",
    { class: "sccif-widget sccif-practice", "data-sccif-widget": true },
    status.element,
    score,
    h("section", { class: "sccif-practice__question", "aria-labelledby": title.id }, title, prompt, form, feedback, nextButton),
    resetButton,
    announcer.element,
  );
  root.append(widget);

  /** @type {any} the question on screen, as judge.scenario gives it */
  let current = null;
  let shownNumber = state.number; // the question on screen (state.number moves on once it is answered)
  /** @type {HTMLInputElement[]} */
  let inputs = [];
  let answered = false;
  let interrupted = false;

  function showScore() {
    score.textContent = state.answered
      ? `Your score: ${state.correct} right out of ${state.answered} answered in this tab.`
      : "Your score will show here. It is kept in this browser tab only.";
  }

  async function load() {
    answered = false;
    feedback.hidden = true;
    nextButton.hidden = true;
    summary.hide();
    let reply;
    try {
      shownNumber = state.number;
      reply = await call("judge.scenario", { seed: state.seed, number: shownNumber });
    } catch {
      interrupted = true;
      prompt.textContent = "No question yet: the practice questions are not working. See the message above.";
      return;
    }
    interrupted = false;
    if (reply.error) {
      prompt.textContent = ui.sentence(reply.error.message ?? reply.error.problem);
      return;
    }
    current = reply.result;
    title.textContent = `Question ${shownNumber + 1}`;
    prompt.textContent = current.prompt;
    legend.textContent = current.multiple ? "Your answer: choose every one that applies" : "Your answer: choose one";
    const name = ui.id("sccif-practice-option");
    inputs = current.options.map((/** @type {any} */ option, /** @type {number} */ i) =>
      /** @type {HTMLInputElement} */ (h("input", {
        type: current.multiple ? "checkbox" : "radio",
        class: current.multiple ? "sccif-checkbox__input" : "sccif-radio__input",
        id: `${name}-${i}`,
        name,
        value: option.key,
      })),
    );
    ui.replace(
      optionsBox,
      current.options.map((/** @type {any} */ option, /** @type {number} */ i) =>
        h(
          "div",
          { class: current.multiple ? "sccif-checkbox" : "sccif-radio" },
          inputs[i],
          h("label", { class: current.multiple ? "sccif-checkbox__label" : "sccif-radio__label", for: inputs[i].id }, option.label),
        ),
      ),
    );
    checkButton.disabled = false;
    showScore();
  }

  /** @param {any} result  judge.check */
  function showFeedback(result) {
    const paths = Object.fromEntries(result.sources.map((/** @type {string} */ anchor, /** @type {number} */ i) => [anchor, result.source_paths[i]]));
    const pathOf = (/** @type {any} */ rule) => rule.source_path ?? paths[rule.source];
    const card = (/** @type {any} */ rule) => ruleCard(ui, rule, { path: pathOf(rule), summary: null });
    const right = result.correct;
    const deciding = result.rules.length ? result.rules : [];
    ui.replace(
      feedback,
      h(
        "p",
        { class: `sccif-practice__verdict sccif-practice__verdict--${right ? "right" : "wrong"}`, "data-sccif-verdict": right ? "right" : "wrong", tabindex: "-1" },
        right ? "✓ Right." : "✕ Not quite.",
        " ",
        h("span", { class: "sccif-practice__answer" }, `The answer: ${result.answer_labels.join(", ")}.`),
      ),
      // The framework's words that decide it, first: quoted, each with a link to its paragraph.
      h(
        "div",
        { class: "sccif-practice__why", "data-sccif-why": "" },
        deciding.length
          ? deciding.map((/** @type {any} */ rule) => decidingWords(h, rule, paragraphLink(ui, pathOf(rule))))
          : h("p", {}, "No rule limits this here. ", h("q", {}, result.best_fit.text), " ", paragraphLink(ui, result.best_fit.source_path)),
      ),
      h("p", {}, result.explanation),
      deciding.length ? [h("h3", {}, "The rules that decide it"), h("ul", { class: "sccif-rule-list" }, deciding.map(card))] : null,
      result.tendencies.length ? [h("h3", {}, "Tendencies here, which rule nothing out"), h("ul", { class: "sccif-rule-list" }, result.tendencies.map(card))] : null,
      !deciding.length && result.not_applying.length ? [h("h3", {}, "Rules that do not apply here"), h("ul", { class: "sccif-rule-list" }, result.not_applying.map(card))] : null,
      deciding.length ? h("p", { class: "sccif-hint" }, result.best_fit.text, " ", sourceNote(ui, result.best_fit.source_path, "best fit")) : null,
    );
    feedback.hidden = false;
    nextButton.hidden = false;
    focusVerdict(feedback);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!current || answered) return;
    const result = await checkAnswer({
      inputs,
      multiple: current.multiple,
      summary,
      feedback,
      notWorking: "Your answer could not be checked: the practice questions are not working. See the message above.",
      mark: (answer) => call("judge.check", { seed: state.seed, number: shownNumber, answer }),
      ui,
    });
    if (!result) return;
    answered = true;
    checkButton.disabled = true;
    state.answered += 1;
    if (result.correct) state.correct += 1;
    // Move on now, so a reload shows a new question rather than counting this one twice.
    state.number = (shownNumber + 1) % 10000;
    save();
    showScore();
    showFeedback(result);
  });

  nextButton.addEventListener("click", async () => {
    await load();
    title.focus();
  });

  resetButton.addEventListener("click", async () => {
    Object.assign(state, { seed: newSeed(), number: 0, answered: 0, correct: 0 });
    save();
    await load();
    announcer.say("Score reset. A new set of questions has started.");
  });

  const stopListening = runtime.onChange(() => {
    if (runtime.state === "ready" && interrupted) load();
  });

  showScore();
  load();

  return () => {
    stopListening();
    status.destroy();
  };
}
