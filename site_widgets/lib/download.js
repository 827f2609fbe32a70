// @ts-check
// Save a file the core made, from the page itself: a same-origin Blob, nothing fetched or sent.
//
//   const made = await downloadFile(call, "timeline.csv", payload);
//   if (made.file) announcer.say(`Downloading ${made.file.filename}.`);
//   else announcer.say(made.problem);
//
// Every file comes from Python in one shape, {filename, mime, text} (more fields may ride along,
// such as a count): the core names the file, types it and writes every byte of its text, so the
// page, the `sccif` command and the tests get the same file. A CSV gets a byte-order mark so that
// spreadsheet programs read it as UTF-8.

import { sentence } from "../ui.js";
import { problemsOf } from "./request.js";

/**
 * A file as the core returns it.
 * @typedef {{filename: string, mime: string, text: string}} CoreFile
 */

/** @param {CoreFile} file */
function isCsv(file) {
  return file.mime.startsWith("text/csv") || file.filename.toLowerCase().endsWith(".csv");
}

/**
 * Save the file in the reader's downloads.
 * @param {CoreFile} file
 */
export function saveFile(file) {
  const blob = new Blob(isCsv(file) ? ["\ufeff", file.text] : [file.text], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the Blob by the time a click's download starts; a delay covers slow ones.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Ask the core for a file and save it. Returns {file} (what was saved, with any other fields the
 * core sent), or {problem}: a sentence saying why there is no file.
 * @param {(name: string, payload?: any) => Promise<any>} call
 * @param {string} name the core function, e.g. "timeline.csv"
 * @param {any} payload
 * @returns {Promise<{file: CoreFile & Record<string, any>, problem?: undefined} | {problem: string, file?: undefined}>}
 */
export async function downloadFile(call, name, payload) {
  let answer;
  try {
    answer = await call(name, payload);
  } catch (failure) {
    return { problem: `The file could not be made. ${sentence(failure instanceof Error ? failure.message : failure)}` };
  }
  const [first] = problemsOf(answer);
  if (first) return { problem: sentence(first.message ?? first.problem) };
  saveFile(answer.result);
  return { file: answer.result };
}
