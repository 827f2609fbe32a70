// @ts-check
// Choices from a list: a group of radios, or a select. Each choice is {value, words, hint?}.
//
//   const role = radios({ name: "role", legend: "Whose qualification?", choices: [
//     { value: "manager", words: "Registered manager", hint: "Level 5, regulation 28" }, ...] });
//   form.append(role.element);  role.value();  role.setError("choose one.");
//
//   const kind = select({ name: "kind", label: "What happened?", groups: [{ label: "After a visit", choices }] });
//
// Both have the shape of ui.field: {element, input, setError, value}. `input` is what an error
// summary links to (the first radio, or the select). An error is named by the group's (or the
// select's) aria-describedby, after its hint. Every word is rendered as text.

import { errorLine, h, id } from "../ui.js";

/**
 * @typedef {object} Choice
 * @property {string} value
 * @property {string} words what the reader sees
 * @property {string} [hint] a line under the words
 */

/**
 * @typedef {object} ChoiceField
 * @property {HTMLElement} element
 * @property {HTMLInputElement | HTMLSelectElement} input where an error summary's link goes
 * @property {() => string} value the value chosen ("" when none is)
 * @property {(value: string) => void} choose
 * @property {(text: string | null) => void} setError
 */

/**
 * [value, words] pairs, as the core writes them, as choices.
 * @param {[string, string][]} pairs
 * @returns {Choice[]}
 */
export function fromPairs(pairs) {
  return pairs.map(([value, words]) => ({ value, words }));
}

/**
 * A group of radios under a legend (GOV.UK radios). The first choice is chosen unless `chosen` says otherwise
 * (null: none).
 * @param {{name: string, legend: string, hint?: string, choices: Choice[], chosen?: string | null, inline?: boolean}} spec
 * @returns {ChoiceField & {inputs: HTMLInputElement[]}}
 */
export function radios({ name, legend, hint = "", choices, chosen = choices[0]?.value ?? null, inline = false }) {
  const groupId = id(`sccif-${name}`);
  const legendId = `${groupId}-legend`;
  const hintId = hint ? `${groupId}-hint` : null;
  const group = id(name); // one name for the whole group, so choosing one unchooses the others
  const inputs = choices.map((choice) =>
    h("input", { type: "radio", class: "sccif-radio__input", id: id(`${groupId}-${choice.value || "none"}`), name: group, value: choice.value, checked: choice.value === chosen }),
  );
  const items = choices.map((choice, index) => {
    const input = inputs[index];
    const itemHint = choice.hint ? h("div", { class: "sccif-radio__hint", id: `${input.id}-hint` }, choice.hint) : null;
    if (itemHint) input.setAttribute("aria-describedby", itemHint.id);
    return h("div", { class: "sccif-radio" }, input, h("div", {}, h("label", { class: "sccif-radio__label", for: input.id }, choice.words), itemHint));
  });
  const element = h("fieldset", { class: "sccif-field sccif-fieldset", id: groupId, "aria-labelledby": legendId, "aria-describedby": hintId });
  const error = errorLine({ field: element, control: element, idPrefix: groupId, hintId, invalid: inputs });
  element.append(
    h("legend", { class: "sccif-label sccif-fieldset__legend", id: legendId }, legend),
    hint ? h("div", { class: "sccif-hint", id: hintId }, hint) : "",
    error.element,
    h("div", { class: `sccif-radios${inline ? " sccif-radios--inline" : ""}` }, items),
  );
  return {
    element,
    inputs,
    input: inputs[0],
    value: () => inputs.find((input) => input.checked)?.value ?? "",
    choose(value) {
      for (const input of inputs) input.checked = input.value === value;
    },
    setError: error.set,
  };
}

/**
 * A select with a label and hint: from `choices`, or from `groups` of them (each an optgroup).
 * @param {{name: string, label: string, hint?: string, choices?: Choice[], groups?: {label: string, choices: Choice[]}[], chosen?: string}} spec
 * @returns {ChoiceField}
 */
export function select({ name, label, hint = "", choices = [], groups = [], chosen }) {
  const selectId = id(`sccif-${name}`);
  const hintId = hint ? `${selectId}-hint` : null;
  /** @param {Choice} choice */
  const option = (choice) => h("option", { value: choice.value }, choice.words);
  const input = h(
    "select",
    { class: "sccif-select", id: selectId, name, "aria-describedby": hintId },
    choices.map(option),
    groups.map((group) => h("optgroup", { label: group.label }, group.choices.map(option))),
  );
  if (chosen !== undefined) input.value = chosen;
  const element = h("div", { class: "sccif-field" });
  const error = errorLine({ field: element, control: input, idPrefix: selectId, hintId });
  element.append(
    h("label", { class: "sccif-label", for: selectId }, label),
    hint ? h("div", { class: "sccif-hint", id: hintId }, hint) : "",
    error.element,
    input,
  );
  return {
    element,
    input,
    value: () => input.value,
    choose(value) {
      input.value = value;
    },
    setError: error.set,
  };
}
