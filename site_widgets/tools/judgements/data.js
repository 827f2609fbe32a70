// @ts-check
// The explorer's grades, judgements and findings: written by the build from the Python core
// (sccif_core.page_facts), so the form is drawn before Python loads, in the core's own words.

import { FACTS } from "../../facts.mjs";

export const DATA = FACTS.judgements;
export const VERSION = FACTS.version;

export const GRADE_KEYS = DATA.grades.map(([key]) => key);
export const GRADE_LABEL = Object.fromEntries([...DATA.grades, DATA.not_judged]);
export const JUDGEMENT_KEYS = DATA.judgements.map(([key]) => key);
export const JUDGEMENT_TITLE = Object.fromEntries(DATA.judgements.map(([key, title]) => [key, title]));
export const CONDITION_KEYS = DATA.conditions.map(([key]) => key);
export const CONDITION_NEEDS = Object.fromEntries(DATA.conditions.map(([key, , needs]) => [key, needs]));

/** The values a judgement can take in the form and the address. @param {string} key */
export function valuesFor(key) {
  const canBeNotJudged = DATA.judgements.find(([k]) => k === key)?.[2];
  return canBeNotJudged ? [...GRADE_KEYS, DATA.not_judged[0]] : GRADE_KEYS;
}
