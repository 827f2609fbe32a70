// @ts-check
// The explorer's state in the query string, so a view can be shared: grades and findings only,
// never notes. Anything unknown is left out, with a message.

import { CONDITION_KEYS, CONDITION_NEEDS, JUDGEMENT_KEYS, JUDGEMENT_TITLE, valuesFor } from "./data.js";

const MAX_URL_MESSAGES = 5;

/** @param {unknown} value */
function shown(value, limit = 40) {
  const text = String(value);
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** @typedef {{grades: Record<string, string>, conditions: string[]}} ExplorerState */

/**
 * Read grades and findings from a query string. Only our own keys are judged: other parameters,
 * such as the search highlight, are not ours.
 * @param {string} search
 * @returns {ExplorerState & {ignored: string[]}}
 */
export function readState(search) {
  let params;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { grades: {}, conditions: [], ignored: ["The web address could not be read, so nothing was restored from it."] };
  }
  /** @type {Record<string, string>} */
  const grades = {};
  /** @type {string[]} */
  const conditions = [];
  /** @type {string[]} */
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

/** The query string for a state, keeping any parameters that are not the explorer's. @param {string} search @param {ExplorerState} state */
export function writeState(search, state) {
  const params = new URLSearchParams(search);
  for (const key of [...JUDGEMENT_KEYS, "conditions"]) params.delete(key);
  for (const key of JUDGEMENT_KEYS) if (state.grades[key]) params.set(key, state.grades[key]);
  if (state.conditions.length) params.set("conditions", CONDITION_KEYS.filter((k) => state.conditions.includes(k)).join(","));
  const text = params.toString();
  return text ? `?${text}` : "";
}
