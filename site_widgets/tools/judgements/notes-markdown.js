// @ts-check
// The evidence notes as a Markdown file: each "good" descriptor quoted, the reader's note under it,
// escaped so that nothing the reader typed becomes markup.

import { VERSION } from "./data.js";

/** @typedef {{anchor: string, text: string, points: {text: string}[]}} Descriptor */
/** @typedef {{judgement: string, title: string, descriptors: Descriptor[]}} JudgementDescriptors */

// Markdown and HTML in what the reader typed must stay text in the file: every character
// Markdown gives a meaning to is escaped with a backslash, and <, > and & become entities, so
// "<img onerror=…>", "[x](javascript:…)" or "# Heading" in a note are shown, never run or obeyed.
// A line's leading spaces would make code, and a leading "=" a heading: both are removed or escaped.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!~]/g;
/** @type {Record<string, string>} */
const HTML_SPECIAL = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** One line of the reader's text, safe to put in a Markdown file as plain text. @param {string} text */
export function escapeMarkdown(text) {
  return String(text)
    .replace(/^\s+/, "")
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_SPECIAL[c])
    .replace(/^=/, "\\=");
}

/** A note as Markdown: each line escaped, kept as its own line. @param {string | undefined} text */
function noteBlock(text) {
  return String(text)
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line))
    .join("  \n");
}

/**
 * The notes as a Markdown file: each descriptor quoted, the reader's note (escaped) under it.
 * @param {JudgementDescriptors[] | null} descriptors @param {Map<string, string>} notes @param {string} today
 */
export function notesMarkdown(descriptors, notes, today) {
  const lines = [
    "# Evidence notes against what “good” looks like",
    "",
    `Written with the SCCIF guide (Social care common inspection framework: secure children's homes, ${VERSION.replace(/^U/, "u")}), ${today}.`,
    "These are notes, not a grade: judgements are best fit, not a checklist.",
    "",
  ];
  for (const judgement of descriptors ?? []) {
    const items = judgement.descriptors.filter((d) => notes.has(d.anchor));
    if (!items.length) continue;
    lines.push(`## ${judgement.title}`, "");
    for (const item of items) {
      lines.push(`### Descriptor ${item.anchor}`, "", ...[item.text, ...item.points.map((p) => `- ${p.text}`)].map((t) => `> ${t}`), "", noteBlock(notes.get(item.anchor)), "");
    }
  }
  const known = new Set((descriptors ?? []).flatMap((j) => j.descriptors.map((d) => d.anchor)));
  const orphans = [...notes.keys()].filter((a) => !known.has(a));
  if (orphans.length) {
    lines.push("## Other notes", "");
    for (const anchor of orphans) lines.push(`### ${escapeMarkdown(anchor)}`, "", noteBlock(notes.get(anchor)), "");
  }
  return `${lines.join("\n")}\n`;
}

