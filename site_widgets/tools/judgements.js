// @ts-check
// The judgement explorer: which grades the framework allows, the rules in its own words, the
// "good" descriptors with the reader's own evidence notes, what happens after an inadequate
// judgement, and the assurance inspection's one outcome. One module per section, in judgements/.
//
// Every answer comes from the Python core (sccif_core.judgements, "judge.*"): these modules build
// the forms, keep the reader's choices and notes, and show what the core says, so the page and
// `sccif judge` always agree. The form's grades, judgements and findings come from the core too,
// written by the build into facts.mjs.
//
// Privacy: grades and findings go into the query string (so a view can be shared); notes stay
// in memory unless the reader ticks "Save my notes on this device" (then localStorage), and are
// never put in the address. Everything is rendered with textContent (ui.h), never innerHTML.

import { readState, writeState } from "./judgements/address.js";
import { answerSection } from "./judgements/answer.js";
import { assuranceSection } from "./judgements/assurance.js";
import { chooser } from "./judgements/chooser.js";
import { nextStepsSection } from "./judgements/next-steps.js";
import { notesSection } from "./judgements/notes.js";

export { readState, writeState };

/**
 * @param {HTMLElement} root
 * @param {{call: (name: string, payload?: any) => Promise<any>, runtime: import("../ui.js").Runtime, ui: typeof import("../ui.js")}} context
 */
export function mount(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);

  const status = ui.runtimeStatus(runtime, { what: "explorer" });
  const announcer = ui.announcer();
  const initial = readState(window.location.search);

  const urlNotice = h("div", { class: "sccif-warning sccif-judge__url-notice", role: "status", hidden: true });
  if (initial.ignored.length) {
    ui.replace(urlNotice, h("p", {}, h("strong", {}, "Some of the web address was not used. ")), h("ul", {}, initial.ignored.map((text) => h("li", {}, text))));
    urlNotice.hidden = false;
  }

  const choose = chooser(ui, initial);
  const answer = answerSection(ui);
  const good = notesSection(ui, { call, runtime });
  const next = nextStepsSection(ui, { call });
  const assurance = assuranceSection(ui, { goToNext: next.goTo });

  root.append(
    h("div", { class: "sccif-widget sccif-judge", "data-sccif-widget": true }, status.element, urlNotice, choose.element, answer.element, good.element, next.element, assurance.element, announcer.element),
  );

  /** @param {import("./judgements/address.js").ExplorerState} state */
  function updateAddress(state) {
    const query = writeState(window.location.search, state);
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    try {
      window.history.replaceState(window.history.state, "", url);
    } catch {
      // A sandboxed page may refuse; the explorer still works without a shareable address.
    }
    choose.share.value = new URL(url, window.location.href).href;
  }

  // Latest wins: an answer that arrives after a newer choice is dropped.
  let latest = 0;
  let interrupted = false;
  let said = "";
  /** @param {string | null} [changed]  the control the reader changed */
  async function evaluate(changed = null) {
    choose.syncNested();
    const state = choose.state();
    updateAddress(state);
    const seq = ++latest;
    let reply;
    try {
      reply = await call("judge.evaluate", state);
    } catch {
      if (seq !== latest) return;
      interrupted = true;
      choose.showWaiting("No answer yet: the explorer is not working. See the message at the top of the explorer.");
      answer.showProblem("No answer yet: the explorer is not working. See the message above.");
      return;
    }
    if (seq !== latest) return;
    interrupted = false;
    if (reply.error) {
      const text = ui.sentence(reply.error.message ?? reply.error.problem);
      choose.showWaiting(text);
      answer.showProblem(text, { alert: true });
      return;
    }
    const result = reply.result;
    choose.showEffects(result);
    const words = choose.showSummary(result, result.conflicts.length);
    if (changed) choose.reveal(changed);
    answer.show(result, next.goTo("full"));
    // Said politely, and only when it changed: the reader's focus stays on the control they used.
    if (words !== said) announcer.say(words);
    said = words;
  }

  let staticInterrupted = false;
  async function loadStatic() {
    try {
      const [criteria, assuranceData] = await Promise.all([call("judge.criteria", {}), call("judge.assurance", {})]);
      if (criteria.result) good.show(criteria.result);
      if (assuranceData.result) assurance.show(assuranceData.result);
    } catch {
      staticInterrupted = true;
      good.showProblem("The descriptors could not be loaded: the explorer is not working. See the message above.");
    }
  }

  choose.element.addEventListener("change", (event) => {
    if (event.target === choose.share) return;
    const control = event.target instanceof Element ? event.target.closest("[data-control]") : null;
    evaluate(control instanceof HTMLElement ? (control.dataset.control ?? null) : null);
  });
  choose.element.addEventListener("submit", (event) => event.preventDefault());
  choose.clearButton.addEventListener("click", () => {
    choose.clear();
    evaluate();
    announcer.say("All choices cleared.");
  });

  const stopListening = runtime.onChange(() => {
    if (runtime.state !== "ready") return;
    if (interrupted) evaluate();
    if (staticInterrupted) {
      staticInterrupted = false;
      loadStatic();
    }
  });

  choose.syncNested();
  evaluate();
  loadStatic();

  return () => {
    stopListening();
    status.destroy();
    good.destroy();
  };
}
