// The judgement explorer: which grades the framework allows, the rules in its own words, the
// "good" descriptors with the reader's own evidence notes, what happens after an inadequate
// judgement, and the assurance inspection's one outcome.
//
// Every answer comes from the Python core (sccif_core.judgements, "judge.*"): this file builds
// the forms, keeps the reader's choices and notes, and shows what the core says. So the page
// and `sccif judge` always agree.
//
// Privacy: grades and findings go into the query string (so a view can be shared); notes stay
// in memory unless the reader ticks "Save my notes on this device" (then localStorage), and are
// never put in the address. Everything is rendered with textContent (ui.h), never innerHTML.

// BEGIN SHARED DATA (tests/core/judgements/test_widget_data.py checks this against the core)
const DATA = {
  "grades": [
    ["outstanding", "outstanding"],
    ["good", "good"],
    ["requires-improvement", "requires improvement to be good"],
    ["inadequate", "inadequate"]
  ],
  "not_judged": ["not-judged", "not judged"],
  "judgements": [
    ["helped-and-protected", "How well children are helped and protected", false],
    ["leaders-and-managers", "The effectiveness of leaders and managers", false],
    ["education", "Children's education and learning experience", true],
    ["health", "Children's health", true],
    ["overall-experiences", "The overall experiences and progress of children", false]
  ],
  "conditions": [
    ["manager-vacancy-26-weeks", "No manager appointed after 26 weeks, with no or limited evidence of attempts to recruit or appoint", null],
    ["manager-not-registered-12-weeks", "The manager has been appointed for more than 12 weeks and has not applied to be registered", null],
    ["reg28-breach", "Inspectors raise a requirement under regulation 28 about the registered manager's qualification", null],
    ["staff-unqualified", "None, or very few, staff are qualified, with no prospect that the rest will qualify within 6 months or by the relevant date", null],
    ["exceptional-circumstances", "Exceptional circumstances apply to the staff qualifications finding", "staff-unqualified"],
    ["leaders-unaware-of-weaknesses", "Leaders and managers do not know the strengths and weaknesses of the home", null],
    ["no-children-first-inspection", "First inspection after registration, and no children are living in the home", null]
  ]
};
// END SHARED DATA

const GRADE_KEYS = DATA.grades.map(([key]) => key);
const GRADE_LABEL = Object.fromEntries([...DATA.grades, DATA.not_judged]);
const JUDGEMENT_KEYS = DATA.judgements.map(([key]) => key);
const JUDGEMENT_TITLE = Object.fromEntries(DATA.judgements.map(([key, title]) => [key, title]));
const CONDITION_KEYS = DATA.conditions.map(([key]) => key);
const CONDITION_NEEDS = Object.fromEntries(DATA.conditions.map(([key, , needs]) => [key, needs]));
const SHOWN = [
  ["overall-experiences", "The overall experiences and progress of children"],
  ["leaders-and-managers", "The effectiveness of leaders and managers"],
];
const NOTES_KEY = "sccif-judgement-notes-v1";
const MAX_URL_MESSAGES = 5;

/** The values a judgement can take in the form and the address. */
function valuesFor(key) {
  const canBeNotJudged = DATA.judgements.find(([k]) => k === key)?.[2];
  return canBeNotJudged ? [...GRADE_KEYS, DATA.not_judged[0]] : GRADE_KEYS;
}

function shown(value, limit = 40) {
  const text = String(value);
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/**
 * Read grades and findings from a query string. Anything unknown is left out, with a message
 * (our own keys only: other parameters, such as the search highlight, are not ours to judge).
 */
export function readState(search) {
  let params;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { grades: {}, conditions: [], ignored: ["The web address could not be read, so nothing was restored from it."] };
  }
  const grades = {};
  const conditions = [];
  const ignored = [];
  for (const key of JUDGEMENT_KEYS) {
    const values = params.getAll(key);
    if (!values.length) continue;
    const value = values[values.length - 1];
    if (value === "") continue;
    if (valuesFor(key).includes(value)) grades[key] = value;
    else ignored.push(`“${shown(value)}” is not a grade for “${JUDGEMENT_TITLE[key]}”, so it was left out.`);
  }
  for (const part of params.getAll("conditions").join(",").split(",")) {
    const value = part.trim();
    if (!value) continue;
    if (!CONDITION_KEYS.includes(value)) ignored.push(`“${shown(value)}” is not a finding this explorer knows, so it was left out.`);
    else if (!conditions.includes(value)) conditions.push(value);
  }
  for (const key of [...conditions]) {
    const needs = CONDITION_NEEDS[key];
    if (needs && !conditions.includes(needs)) {
      conditions.splice(conditions.indexOf(key), 1);
      ignored.push("“Exceptional circumstances” only applies with the staff qualifications finding, so it was left out.");
    }
  }
  if (ignored.length > MAX_URL_MESSAGES) {
    const more = ignored.length - MAX_URL_MESSAGES;
    ignored.splice(MAX_URL_MESSAGES, more, `${more} more values were left out.`);
  }
  return { grades, conditions, ignored };
}

/** The query string for a state, keeping any parameters that are not the explorer's. */
export function writeState(search, state) {
  const params = new URLSearchParams(search);
  for (const key of [...JUDGEMENT_KEYS, "conditions"]) params.delete(key);
  for (const key of JUDGEMENT_KEYS) if (state.grades[key]) params.set(key, state.grades[key]);
  if (state.conditions.length) params.set("conditions", CONDITION_KEYS.filter((k) => state.conditions.includes(k)).join(","));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Notes kept on this device, read defensively: only text notes under anchor-like keys survive. */
function loadSavedNotes() {
  let raw;
  try {
    raw = window.localStorage.getItem(NOTES_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const data = JSON.parse(raw);
    const notes = new Map();
    if (data && typeof data.notes === "object") {
      for (const [anchor, text] of Object.entries(data.notes)) {
        if (/^[a-z0-9-]{1,80}$/.test(anchor) && typeof text === "string" && text.trim()) notes.set(anchor, text.slice(0, 20000));
      }
    }
    return notes;
  } catch {
    return new Map();
  }
}

export function mount(root, { call, runtime, ui }) {
  const { h } = ui;
  ui.replaceFallback(root);

  const status = ui.runtimeStatus(runtime, { what: "explorer" });
  const announcer = ui.announcer();
  const initial = readState(window.location.search);

  // ------------------------------------------------------------------ choose what you know
  const selects = {};
  const gradeFields = DATA.judgements.map(([key, title]) => {
    const selectId = ui.id(`sccif-judge-${key}`);
    const select = h(
      "select",
      { class: "sccif-select", id: selectId, name: key },
      h("option", { value: "" }, "Not known"),
      valuesFor(key).map((value) => h("option", { value }, GRADE_LABEL[value])),
    );
    select.value = initial.grades[key] ?? "";
    selects[key] = select;
    const hint = key === "education" || key === "health"
      ? h("div", { class: "sccif-hint", id: `${selectId}-hint` }, "“Not judged” is only for a full reinspection after an overall inadequate judgement.")
      : null;
    if (hint) select.setAttribute("aria-describedby", hint.id);
    return h("div", { class: "sccif-field" }, h("label", { class: "sccif-label", for: selectId }, title), hint, select);
  });

  const boxes = {};
  const conditionFields = DATA.conditions.map(([key, label, needs]) => {
    const boxId = ui.id(`sccif-judge-${key}`);
    const box = h("input", { type: "checkbox", class: "sccif-checkbox__input", id: boxId, name: "conditions", value: key });
    box.checked = initial.conditions.includes(key);
    boxes[key] = box;
    return h(
      "div",
      { class: `sccif-checkbox${needs ? " sccif-checkbox--nested" : ""}` },
      box,
      h("label", { class: "sccif-checkbox__label", for: boxId }, label),
    );
  });

  const urlNotice = h("div", { class: "sccif-warning sccif-judge__url-notice", role: "status", hidden: true });
  if (initial.ignored.length) {
    ui.replace(
      urlNotice,
      h("p", {}, h("strong", {}, "Some of the web address was not used. ")),
      h("ul", {}, initial.ignored.map((text) => h("li", {}, text))),
    );
    urlNotice.hidden = false;
  }

  const shareId = ui.id("sccif-judge-share");
  const share = h("input", { class: "sccif-input", id: shareId, type: "text", readonly: true, "aria-describedby": `${shareId}-hint` });
  const copyButton = h("button", { type: "button", class: "md-button sccif-button" }, "Copy link");
  const copied = h("span", { class: "sccif-judge__copied", role: "status" });
  const clearButton = h("button", { type: "button", class: "md-button sccif-button" }, "Clear all choices");

  const chooser = h(
    "form",
    { class: "sccif-form sccif-judge__chooser", novalidate: true, "aria-labelledby": "sccif-judge-choose-title" },
    h("h2", { id: "sccif-judge-choose-title" }, "Choose what you know"),
    h("p", {}, "Leave a grade as “Not known” if you do not know it. The answer changes as you choose."),
    h("fieldset", { class: "sccif-fieldset" }, h("legend", { class: "sccif-fieldset__legend" }, "Grades"), gradeFields),
    h(
      "fieldset",
      { class: "sccif-fieldset" },
      h("legend", { class: "sccif-fieldset__legend" }, "Findings about the manager and staff, and special cases"),
      conditionFields,
    ),
    h(
      "div",
      { class: "sccif-field" },
      h("label", { class: "sccif-label", for: shareId }, "Link to these choices"),
      h("div", { class: "sccif-hint", id: `${shareId}-hint` }, "The link holds your grades and findings only, never your notes."),
      share,
      copyButton,
      copied,
    ),
    clearButton,
  );

  // ------------------------------------------------------------------ the answer
  const answer = h("section", { class: "sccif-judge__answer", "aria-labelledby": "sccif-judge-answer-title" });
  ui.replace(answer, h("h2", { id: "sccif-judge-answer-title" }, "What the framework allows"), h("p", { class: "sccif-result__waiting" }, "The answer will appear here as soon as the explorer has loaded."));

  // ------------------------------------------------------------------ "good" and notes
  const notes = loadSavedNotes() ?? new Map();
  let saving = loadSavedNotes() !== null;
  const saveId = ui.id("sccif-judge-save");
  const saveBox = h("input", { type: "checkbox", class: "sccif-checkbox__input", id: saveId, "aria-describedby": `${saveId}-hint` });
  saveBox.checked = saving;
  const notesStatus = h("p", { class: "sccif-judge__notes-status", role: "status" });
  const downloadButton = h("button", { type: "button", class: "md-button sccif-button" }, "Download my notes (Markdown)");
  const deleteButton = h("button", { type: "button", class: "md-button sccif-button" }, "Delete all my notes");
  const goodList = h("div", { class: "sccif-judge__good-list" }, h("p", { class: "sccif-result__waiting" }, "The descriptors will appear here as soon as the explorer has loaded."));
  const good = h(
    "section",
    { class: "sccif-judge__good", "aria-labelledby": "sccif-judge-good-title" },
    h("h2", { id: "sccif-judge-good-title" }, "What “good” looks like, with your evidence notes"),
    h("p", {}, "Inspectors use the descriptions of what “good” looks like as benchmarks. Add your own notes of evidence against any of them. This is not a checklist and gives no grade."),
    h(
      "div",
      { class: "sccif-checkbox" },
      saveBox,
      h("label", { class: "sccif-checkbox__label", for: saveId }, "Save my notes on this device"),
      h(
        "div",
        { class: "sccif-hint", id: `${saveId}-hint` },
        "Without this, your notes stay in this page only and are gone when you leave it. With it, they are kept in this browser on this device until you delete them. They are never put in the web address or sent anywhere.",
      ),
    ),
    h("div", { class: "sccif-judge__actions" }, downloadButton, deleteButton),
    notesStatus,
    goodList,
  );
  let descriptorData = null; // judge.criteria, once loaded

  // ------------------------------------------------------------------ what happens next
  const kindName = ui.id("sccif-judge-kind");
  const kindFull = h("input", { type: "radio", class: "sccif-radio__input", id: `${kindName}-full`, name: kindName, value: "full", checked: true });
  const kindAssurance = h("input", { type: "radio", class: "sccif-radio__input", id: `${kindName}-assurance`, name: kindName, value: "assurance" });
  const endField = ui.field({
    name: "end",
    label: "The day the inspection ended",
    hint: "For a full inspection, the last day (the day of feedback counts as the last day). For an assurance inspection, the day of the visit. For example, 18/12/2026",
    width: "date",
  });
  const nextSummary = ui.errorSummary();
  const nextResult = h("div", { class: "sccif-result", hidden: true });
  const nextForm = h(
    "form",
    { class: "sccif-form", novalidate: true, "aria-labelledby": "sccif-judge-next-title" },
    nextSummary.element,
    h(
      "fieldset",
      { class: "sccif-fieldset" },
      h("legend", { class: "sccif-fieldset__legend" }, "What happened"),
      h("div", { class: "sccif-radio" }, kindFull, h("label", { class: "sccif-radio__label", for: kindFull.id }, "The overall experiences and progress of children was judged inadequate at a full inspection")),
      h("div", { class: "sccif-radio" }, kindAssurance, h("label", { class: "sccif-radio__label", for: kindAssurance.id }, "An assurance inspection found serious or widespread concerns")),
    ),
    endField.element,
    h("button", { type: "submit", class: "md-button md-button--primary sccif-button" }, "Show what happens next"),
  );
  const next = h(
    "section",
    { class: "sccif-judge__next", id: "sccif-judge-next", "aria-labelledby": "sccif-judge-next-title", tabindex: "-1" },
    h("h2", { id: "sccif-judge-next-title" }, "What happens next"),
    h("p", {}, "The steps the framework sets out after an overall inadequate judgement, or after serious or widespread concerns at an assurance inspection. Give the day the inspection ended to see dates."),
    nextForm,
    nextResult,
  );

  // ------------------------------------------------------------------ assurance explorer
  const assuranceBody = h("div", {}, h("p", { class: "sccif-result__waiting" }, "The assurance areas will appear here as soon as the explorer has loaded."));
  const assurance = h(
    "section",
    { class: "sccif-judge__assurance", "aria-labelledby": "sccif-judge-assurance-title" },
    h("h2", { id: "sccif-judge-assurance-title" }, "Assurance inspections: one outcome"),
    assuranceBody,
  );

  const widget = h(
    "div",
    { class: "sccif-widget sccif-judge", "data-sccif-widget": true },
    status.element,
    urlNotice,
    chooser,
    answer,
    good,
    next,
    assurance,
    announcer.element,
  );
  root.append(widget);

  // ------------------------------------------------------------------ behaviour
  function currentState() {
    const grades = {};
    for (const key of JUDGEMENT_KEYS) if (selects[key].value) grades[key] = selects[key].value;
    const conditions = CONDITION_KEYS.filter((key) => boxes[key].checked && !boxes[key].disabled);
    return { grades, conditions };
  }

  function syncNested() {
    for (const [key, , needs] of DATA.conditions) {
      if (!needs) continue;
      const on = boxes[needs].checked;
      boxes[key].disabled = !on;
      if (!on) boxes[key].checked = false;
    }
  }

  function updateAddress(state) {
    const query = writeState(window.location.search, state);
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    try {
      window.history.replaceState(window.history.state, "", url);
    } catch {
      // A sandboxed page may refuse; the explorer still works without a shareable address.
    }
    share.value = new URL(url, window.location.href).href;
  }

  let latest = 0;
  let interrupted = false;
  async function evaluate() {
    syncNested();
    const state = currentState();
    updateAddress(state);
    const seq = ++latest;
    let reply;
    try {
      reply = await call("judge.evaluate", state);
    } catch (failure) {
      if (seq !== latest) return;
      interrupted = true;
      ui.replace(answer, h("h2", { id: "sccif-judge-answer-title" }, "What the framework allows"), h("p", {}, "No answer yet: the explorer is not working. See the message above."));
      return;
    }
    if (seq !== latest) return;
    interrupted = false;
    if (reply.error) {
      ui.replace(
        answer,
        h("h2", { id: "sccif-judge-answer-title" }, "What the framework allows"),
        h("div", { class: "sccif-warning", role: "alert" }, h("p", {}, ui.sentence(reply.error.message ?? reply.error.problem))),
      );
      return;
    }
    showAnswer(reply.result);
  }

  function gradeScale(key, outlook) {
    const given = outlook.given;
    return h(
      "ul",
      { class: "sccif-scale", "aria-label": `Grades for ${JUDGEMENT_TITLE[key].toLowerCase()}, best to worst` },
      GRADE_KEYS.map((grade) => {
        const allowed = outlook.allowed.includes(grade);
        const usual = allowed && outlook.usual.includes(grade) && outlook.usual.length < outlook.allowed.length;
        const state = !allowed ? "ruled-out" : usual ? "usual" : "allowed";
        const tag = !allowed
          ? "Ruled out: a hard limit"
          : usual
            ? "Allowed, and usual here: a tendency"
            : "Allowed";
        return h(
          "li",
          { class: `sccif-scale__grade sccif-scale__grade--${state}`, "data-grade": grade, "data-state": state },
          h("span", { class: "sccif-scale__icon", "aria-hidden": "true" }, !allowed ? "✕" : usual ? "★" : "✓"),
          h("span", { class: "sccif-scale__name" }, GRADE_LABEL[grade]),
          h("span", { class: "sccif-scale__tag" }, tag),
          given === grade ? h("span", { class: "sccif-scale__given" }, "Your grade") : null,
        );
      }),
    );
  }

  function ruleItem(rule) {
    const kind = rule.effect === "not-judged" || rule.effect === "no-judgement" ? "special" : rule.strength === "always" ? "limit" : "tendency";
    return h(
      "li",
      { class: `sccif-rule-card sccif-rule-card--${kind}`, "data-rule": rule.id },
      h("p", { class: "sccif-rule-card__kind" }, kind === "limit" ? "Hard limit (always)" : kind === "tendency" ? "Tendency (usually)" : "Special case"),
      h("p", { class: "sccif-rule-card__summary" }, rule.summary),
      h("blockquote", { class: "sccif-rule-card__quote" }, rule.lead ? h("p", {}, rule.lead.text) : null, h("p", {}, rule.text)),
      h(
        "p",
        { class: "sccif-rule-card__source" },
        `The framework's word: “${rule.signal}”. `,
        ui.citation(rule.source_path, "Read this paragraph in the framework"),
        rule.see_also.length
          ? [" (also ", rule.see_also.map((item, i) => [i ? ", " : "", ui.citation(item.source_path, `paragraph ${i + 2}`)]), ")"]
          : null,
      ),
    );
  }

  function passageItem(passage) {
    return h(
      "li",
      {},
      h("blockquote", {}, h("p", {}, passage.text)),
      h("p", { class: "sccif-rule-card__source" }, ui.citation(passage.source_path, "Read this paragraph in the framework")),
    );
  }

  function showAnswer(result) {
    const limits = result.rule_details.filter((r) => r.strength === "always" && r.effect !== "not-judged" && r.effect !== "no-judgement");
    const tendencies = result.rule_details.filter((r) => r.strength === "usually");
    const special = result.rule_details.filter((r) => r.effect === "not-judged" || r.effect === "no-judgement");
    const conflicts = result.conflicts;
    const byId = Object.fromEntries(result.rule_details.map((r) => [r.id, r]));
    ui.replace(
      answer,
      h("h2", { id: "sccif-judge-answer-title" }, "What the framework allows"),
      h("p", { class: "sccif-judge__best-fit" }, result.best_fit),
      conflicts.length
        ? h(
            "div",
            { class: "sccif-warning sccif-judge__conflicts", "data-sccif-conflicts": String(conflicts.length) },
            h("p", {}, h("strong", {}, conflicts.length === 1 ? "A conflict with a hard limit" : `${conflicts.length} conflicts with hard limits`)),
            h(
              "ul",
              {},
              conflicts.map((conflict) =>
                h("li", {}, conflict.message, " ", conflict.rules.map((id, i) => [i ? ", " : "", ui.citation(byId[id]?.source_path, "see the rule")])),
              ),
            ),
          )
        : null,
      h(
        "div",
        { class: "sccif-judge__outlooks" },
        SHOWN.map(([key, title]) => {
          const outlook = result.judgements[key];
          return h(
            "div",
            { class: "sccif-outlook", "data-judgement": key },
            h("h3", {}, title),
            outlook.allowed.length ? gradeScale(key, outlook) : h("p", { class: "sccif-outlook__none" }, "No judgement is made."),
            outlook.sentences.map((line) => h("p", { class: "sccif-outlook__sentence" }, line)),
          );
        }),
      ),
      h("h3", {}, "Rules that apply"),
      result.rule_details.length === 0
        ? h("p", { "data-sccif-no-rules": true }, "None. No rule limits these judgements for what you have chosen: any grade is possible, by best fit.")
        : null,
      limits.length ? [h("h4", {}, "Hard limits: the framework says always, never, cannot or certainly"), h("ul", { class: "sccif-rule-list" }, limits.map(ruleItem))] : null,
      tendencies.length ? [h("h4", {}, "Tendencies: the framework says likely, usually or unlikely"), h("ul", { class: "sccif-rule-list" }, tendencies.map(ruleItem))] : null,
      special.length ? [h("h4", {}, "Special cases"), h("ul", { class: "sccif-rule-list" }, special.map(ruleItem))] : null,
      result.considerations.length
        ? [h("h3", {}, "Taken into account, with no limit"), h("ul", { class: "sccif-passages" }, result.considerations.map(passageItem))]
        : null,
      h(
        "details",
        { class: "sccif-details" },
        h("summary", {}, "Why this is best fit, not a checklist"),
        h("ul", { class: "sccif-passages" }, result.principles.map(passageItem)),
      ),
      result.next_steps_apply
        ? h(
            "p",
            {},
            h("a", { href: "#sccif-judge-next", class: "sccif-judge__next-link", on: { click: goToNext("full") } }, "See what happens after an overall inadequate judgement"),
          )
        : null,
    );
    const overall = result.judgements["overall-experiences"];
    const leadership = result.judgements["leaders-and-managers"];
    announcer.say(
      `${overall.sentences.join(" ")} ${leadership.sentences.join(" ")} ${conflicts.length ? `${conflicts.length} conflict${conflicts.length === 1 ? "" : "s"} with hard limits.` : ""}`,
    );
  }

  function goToNext(kind) {
    return (event) => {
      event.preventDefault();
      event.stopPropagation();
      (kind === "assurance" ? kindAssurance : kindFull).checked = true;
      next.scrollIntoView({ block: "start" });
      endField.input.focus();
    };
  }

  // ---- notes
  function persist() {
    if (!saving) return;
    try {
      window.localStorage.setItem(NOTES_KEY, JSON.stringify({ version: 1, notes: Object.fromEntries(notes) }));
      notesStatus.textContent = "";
    } catch {
      notesStatus.textContent = "Your notes could not be saved on this device (the browser refused). They are still on this page: download them to keep them.";
    }
  }

  let persistTimer = 0;
  function noteChanged(anchor, text, counter) {
    if (text.trim()) notes.set(anchor, text);
    else notes.delete(anchor);
    counter?.();
    clearTimeout(persistTimer);
    persistTimer = setTimeout(persist, 300);
  }

  saveBox.addEventListener("change", () => {
    saving = saveBox.checked;
    if (saving) {
      persist();
      if (!notesStatus.textContent) notesStatus.textContent = "Your notes are now saved on this device.";
    } else {
      try {
        window.localStorage.removeItem(NOTES_KEY);
      } catch {
        // nothing stored, nothing to remove
      }
      notesStatus.textContent = "Your notes are no longer saved on this device, and the saved copy has been deleted. They stay on this page until you leave it.";
    }
  });

  deleteButton.addEventListener("click", () => {
    if (notes.size && !window.confirm("Delete all your notes? This cannot be undone.")) return;
    notes.clear();
    for (const area of goodList.querySelectorAll("textarea")) area.value = "";
    for (const counter of goodList.querySelectorAll("[data-sccif-count]")) counter.textContent = "";
    try {
      window.localStorage.removeItem(NOTES_KEY);
    } catch {
      // nothing stored
    }
    notesStatus.textContent = "All your notes have been deleted.";
  });

  downloadButton.addEventListener("click", () => {
    if (!notes.size) {
      notesStatus.textContent = "You have no notes to download yet.";
      return;
    }
    const blob = new Blob([notesMarkdown()], { type: "text/markdown;charset=utf-8" });
    const link = h("a", { href: URL.createObjectURL(blob), download: `sccif-evidence-notes-${new Date().toISOString().slice(0, 10)}.md`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    notesStatus.textContent = "Your notes have been downloaded as a Markdown file.";
  });

  function notesMarkdown() {
    const lines = [
      "# Evidence notes against what “good” looks like",
      "",
      `Written with the SCCIF guide (Social care common inspection framework: secure children's homes, updated 5 April 2024), ${new Date().toISOString().slice(0, 10)}.`,
      "These are notes, not a grade: judgements are best fit, not a checklist.",
      "",
    ];
    for (const judgement of descriptorData ?? []) {
      const items = judgement.descriptors.filter((d) => notes.has(d.anchor));
      if (!items.length) continue;
      lines.push(`## ${judgement.title}`, "");
      for (const item of items) {
        lines.push(`### Descriptor ${item.anchor}`, "", ...[item.text, ...item.points.map((p) => `- ${p.text}`)].map((t) => `> ${t}`), "", notes.get(item.anchor), "");
      }
    }
    const known = new Set((descriptorData ?? []).flatMap((j) => j.descriptors.map((d) => d.anchor)));
    const orphans = [...notes.keys()].filter((a) => !known.has(a));
    if (orphans.length) {
      lines.push("## Other notes", "");
      for (const anchor of orphans) lines.push(`### ${anchor}`, "", notes.get(anchor), "");
    }
    return `${lines.join("\n")}\n`;
  }

  function descriptorItem(item) {
    const areaId = ui.id(`sccif-note-${item.anchor}`);
    const area = h("textarea", { class: "sccif-textarea", id: areaId, rows: "3", "data-anchor": item.anchor });
    area.value = notes.get(item.anchor) ?? "";
    area.addEventListener("input", () => noteChanged(item.anchor, area.value, updateCounts));
    return h(
      "li",
      { class: "sccif-descriptor", "data-anchor": item.anchor },
      h("p", {}, item.text),
      item.points.length ? h("ul", {}, item.points.map((p) => h("li", {}, p.text))) : null,
      h("p", { class: "sccif-descriptor__source" }, ui.citation(item.source_path, "Read this paragraph in the framework")),
      h("label", { class: "sccif-label sccif-descriptor__label", for: areaId }, "Your evidence notes"),
      area,
    );
  }

  const counters = [];
  function updateCounts() {
    for (const { element, anchors } of counters) {
      const count = anchors.filter((a) => notes.has(a)).length;
      element.textContent = count ? ` (${count} with notes)` : "";
    }
  }

  function showDescriptors(data) {
    descriptorData = data;
    counters.length = 0;
    ui.replace(
      goodList,
      data.map((judgement) => {
        const count = h("span", { class: "sccif-judge__count", "data-sccif-count": true });
        counters.push({ element: count, anchors: judgement.descriptors.map((d) => d.anchor) });
        const body = h("div", {});
        const details = h("details", { class: "sccif-details sccif-judge__judgement", "data-judgement": judgement.judgement }, h("summary", {}, judgement.title, count), body);
        let built = false;
        details.addEventListener("toggle", () => {
          if (!details.open || built) return;
          built = true;
          ui.replace(
            body,
            h("p", {}, judgement.intro.text, " ", ui.citation(judgement.source_path, "Read the “good” descriptors in the framework")),
            h("ol", { class: "sccif-descriptors" }, judgement.descriptors.map(descriptorItem)),
            judgement.evidence.length
              ? h(
                  "details",
                  { class: "sccif-details" },
                  h("summary", {}, "Areas of required evidence"),
                  h("ul", {}, judgement.evidence.map((e) => h("li", {}, e.text, " ", ui.citation(e.source_path, "(source)")))),
                )
              : null,
          );
        });
        return details;
      }),
    );
    updateCounts();
  }

  // ---- what happens next
  nextForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    nextSummary.hide();
    endField.setError(null);
    const kind = kindAssurance.checked ? "assurance" : "full";
    const end = endField.input.value;
    if (!end.trim()) {
      endField.setError("enter the day the inspection ended, like 18/12/2026.");
      nextSummary.show([{ text: "enter the day the inspection ended, like 18/12/2026.", input: endField.input }]);
      return;
    }
    let reply;
    try {
      reply = await call("judge.next_steps", { kind, end });
    } catch {
      ui.replace(nextResult, h("p", {}, "No answer yet: the explorer is not working. See the message above."));
      nextResult.hidden = false;
      return;
    }
    if (reply.error) {
      endField.setError(reply.error.problem);
      nextSummary.show([{ text: reply.error.problem, input: endField.input }]);
      nextResult.hidden = true;
      return;
    }
    showNext(reply.result);
  });

  const CERTAINTY = {
    always: "Always: the framework says this happens",
    usually: "Usually: the framework says this is likely",
    possible: "Possible: one outcome the framework says may follow",
  };

  function whenText(when) {
    if (when.kind === "by") return `By ${when.date_long} (${when.words})`;
    if (when.kind === "window") return `${when.words[0].toUpperCase()}${when.words.slice(1)}: ${when.offset} after is ${when.date_from_long}; ${when.until} after is ${when.date_to_long}`;
    return "The framework gives no time limit.";
  }

  function showNext(result) {
    const provisional = result.steps.filter((s) => s.when.provisional);
    ui.replace(
      nextResult,
      h("h3", {}, `After ${result.end_long}`),
      h("p", {}, result.trigger, `. Counted from ${result.end_means}.`),
      provisional.length
        ? h("div", { class: "sccif-warning" }, h("p", {}, h("strong", {}, "Provisional. "), "Some dates rely on bank holidays GOV.UK has not published yet, so they could still change."))
        : null,
      h(
        "ol",
        { class: "sccif-steps" },
        result.steps.map((step) =>
          h(
            "li",
            { class: `sccif-step sccif-step--${step.certainty}`, "data-step": step.key },
            h("p", { class: "sccif-step__label" }, step.label),
            h("p", { class: "sccif-step__certainty" }, CERTAINTY[step.certainty]),
            h("p", { class: "sccif-step__when", "data-date": step.when.date ?? step.when.date_to ?? "" }, whenText(step.when)),
            h("blockquote", {}, h("p", {}, step.text)),
            step.note ? h("p", { class: "sccif-step__note" }, `Note: ${step.note}`) : null,
            step.conditions?.length
              ? h("div", { class: "sccif-step__conditions" }, h("p", {}, "Only if every one of these holds:"), h("ul", {}, step.conditions.map((c) => h("li", {}, h("q", {}, c.text), " ", ui.citation(c.source_path, "source")))))
              : null,
            step.otherwise ? h("p", { class: "sccif-step__otherwise" }, "Otherwise: ", h("q", {}, step.otherwise.text), " ", ui.citation(step.otherwise.source_path, "source")) : null,
            h("p", { class: "sccif-rule-card__source" }, ui.citation(step.source_path, "Read this paragraph in the framework")),
          ),
        ),
      ),
      h("p", { class: "sccif-hint" }, "Working days skip weekends and bank holidays in England and Wales; the day the inspection ended is not counted, as in the framework's day tables. Weeks are calendar weeks."),
    );
    nextResult.hidden = false;
    const review = result.steps.find((s) => s.key === "case-review");
    announcer.say(review?.when?.date_long ? `Case review by ${review.when.date_long}. ${result.steps.length} steps listed.` : `${result.steps.length} steps listed.`);
  }

  // ---- assurance
  function showAssurance(data) {
    ui.replace(
      assuranceBody,
      h("p", {}, "An assurance inspection gives no grades. ", h("q", {}, data.single_judgement.text), " ", ui.citation(data.single_judgement.source_path, "(source)")),
      h("ul", { class: "sccif-outcomes" }, data.outcomes.map((o) => h("li", { "data-outcome": o.key }, o.text, " ", ui.citation(o.source_path, "(source)")))),
      h("ul", { class: "sccif-passages" }, data.not_a_checklist.map((p) => h("li", {}, h("blockquote", {}, h("p", {}, p.text)), h("p", { class: "sccif-rule-card__source" }, ui.citation(p.source_path, "Read this paragraph in the framework"))))),
      h("h3", {}, "The three areas inspectors look at"),
      data.areas.map((area) =>
        h(
          "div",
          { class: "sccif-assurance-area", "data-area": area.key },
          h("h4", {}, area.title, " ", ui.citation(area.source_path, "(source)")),
          h("ul", {}, area.descriptors.map((d) => h("li", {}, d.text, " ", ui.citation(d.source_path, "(source)")))),
        ),
      ),
      h("h3", {}, "What the report states"),
      h("p", {}, "Whether inspectors identified any serious or widespread concerns as a result of practice that:"),
      h("ul", {}, data.concerns_about_practice_that.map((c) => h("li", {}, c.text, " ", ui.citation(c.source_path, "(source)")))),
      h("p", {}, h("a", { href: "#sccif-judge-next", on: { click: goToNext("assurance") } }, "See what happens after serious or widespread concerns")),
      h("p", {}, "At the first inspection after registration with no children living in the home, inspectors carry out an assurance inspection and do not make a judgement: tick that finding above to see it."),
    );
  }

  async function loadStatic() {
    try {
      const [criteria, assuranceData] = await Promise.all([call("judge.criteria", {}), call("judge.assurance", {})]);
      if (criteria.result) showDescriptors(criteria.result);
      if (assuranceData.result) showAssurance(assuranceData.result);
    } catch {
      staticInterrupted = true;
      goodList.replaceChildren(h("p", {}, "The descriptors could not be loaded: the explorer is not working. See the message above."));
    }
  }
  let staticInterrupted = false;

  // ---- wiring
  chooser.addEventListener("change", () => evaluate());
  chooser.addEventListener("submit", (event) => event.preventDefault());
  clearButton.addEventListener("click", () => {
    for (const select of Object.values(selects)) select.value = "";
    for (const box of Object.values(boxes)) box.checked = false;
    evaluate();
    announcer.say("All choices cleared.");
  });
  copyButton.addEventListener("click", async () => {
    share.select();
    try {
      await navigator.clipboard.writeText(share.value);
      copied.textContent = "Link copied.";
    } catch {
      copied.textContent = "Select the link and copy it (Ctrl+C, or Cmd+C on a Mac).";
    }
  });

  const stopListening = runtime.onChange(() => {
    if (runtime.state !== "ready") return;
    if (interrupted) evaluate();
    if (staticInterrupted) {
      staticInterrupted = false;
      loadStatic();
    }
  });

  syncNested();
  evaluate();
  loadStatic();

  return () => {
    stopListening();
    status.destroy();
    clearTimeout(persistTimer);
  };
}
