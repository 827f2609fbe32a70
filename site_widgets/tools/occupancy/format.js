// @ts-check
// Words, dates and small conversions for the occupancy checker: no page, no DOM.

/** @typedef {"id" | "date_of_birth" | "admission_date" | "discharge_date"} FieldName */
/** A resident's stay as typed into the form: each field's text, as the reader wrote it. @typedef {Record<FieldName, string>} Row */

/** @type {FieldName[]} */
export const FIELDS = ["id", "date_of_birth", "admission_date", "discharge_date"];
/** @type {Record<FieldName, string>} */
export const FIELD_NAMES = {
  id: "ID",
  date_of_birth: "Date of birth",
  admission_date: "Admission date",
  discharge_date: "Discharge date",
};
/** @type {Record<FieldName, string>} */
export const FIELD_HINTS = {
  id: "Initials or your own reference",
  date_of_birth: "For example, 14/03/2008",
  admission_date: "For example, 02/09/2025",
  discharge_date: "Leave blank if still resident",
};
export const MAX_BYTES = 50 * 1024 * 1024;
export const MAX_FORM_ROWS = 500;
export const PREVIEW_ROWS = 5;
/** The most rows of a list or table the page draws; the whole list is in its CSV download. */
export const LIST_LIMIT = 200;
/** The most planned-discharge fields the what-if draws, one per resident without a discharge date. */
export const PLAN_FIELDS = 20;
export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * "2026-03-01" -> "1 March 2026"
 * @param {string | null | undefined} iso
 */
export function longDate(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.split("-").map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** @param {number | null | undefined} share */
export function percent(share) {
  return share === null || share === undefined ? "no share (nobody resident)" : `${(share * 100).toFixed(1)}%`;
}

/** @param {number} count @param {string} one @param {string} [many] */
export function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

/** Today's date on this computer, as the reader's calendar shows it. */
export function todayIso() {
  const now = new Date();
  const pad = (/** @type {number} */ value) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** @param {Uint8Array} bytes */
export function toBase64(bytes) {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** @param {unknown} name @returns {name is FieldName} */
export function isField(name) {
  return FIELDS.some((field) => field === name);
}

/** @returns {Row} */
export function emptyRow() {
  return { id: "", date_of_birth: "", admission_date: "", discharge_date: "" };
}

/** @param {Partial<Record<string, unknown>>} row */
export function isBlank(row) {
  return FIELDS.every((name) => !String(row[name] ?? "").trim());
}
