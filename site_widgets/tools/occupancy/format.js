// Words, dates and small conversions for the occupancy checker: no page, no DOM.

export const FIELDS = ["id", "date_of_birth", "admission_date", "discharge_date"];
export const FIELD_NAMES = {
  id: "ID",
  date_of_birth: "Date of birth",
  admission_date: "Admission date",
  discharge_date: "Discharge date",
};
export const FIELD_HINTS = {
  id: "Initials or your own reference",
  date_of_birth: "For example, 14/03/2008",
  admission_date: "For example, 02/09/2025",
  discharge_date: "Leave blank if still resident",
};
export const MAX_BYTES = 50 * 1024 * 1024;
export const MAX_FORM_ROWS = 500;
export const PREVIEW_ROWS = 5;
export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-03-01" -> "1 March 2026" */
export function longDate(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.split("-").map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

export function percent(share) {
  return share === null || share === undefined ? "no share (nobody resident)" : `${(share * 100).toFixed(1)}%`;
}

export function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

/** Today's date on this computer, as the reader's calendar shows it. */
export function todayIso() {
  const now = new Date();
  const pad = (value) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Expand [[value, count], ...] into one value per day. */
export function expand(runs) {
  const values = [];
  for (const [value, count] of runs) for (let i = 0; i < count; i += 1) values.push(value);
  return values;
}

export function toBase64(bytes) {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function emptyRow() {
  return { id: "", date_of_birth: "", admission_date: "", discharge_date: "" };
}

export function isBlank(row) {
  return FIELDS.every((name) => !String(row[name] ?? "").trim());
}
