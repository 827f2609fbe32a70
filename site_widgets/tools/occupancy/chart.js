// @ts-check
// The occupancy chart: people each night, and the rolling 12-month share, with its table alternative.
//
// Drawn at the width of its box (at most 820 px), so its text is never smaller than 12 px: on a phone
// the plot is narrower, the direct labels shorter and the time axis sparser, never scaled down.

import { LIST_LIMIT, longDate, MONTHS, percent } from "./format.js";
import { svg } from "../../lib/svg.js";
import { firstRowsNote, stackedTable } from "./tables.js";

/** @typedef {import("./report.js").OccupancyResult} OccupancyResult */
/** @typedef {import("./report.js").Ui} Ui */
/** @typedef {import("./report.js").Download} Download */
/** @typedef {import("./report.js").MonthRow} MonthRow */
/** @typedef {[number, number]} Point [x, y] in the SVG's units */

const WIDE = 820;
const NARROW_BELOW = 600;

/**
 * An SVG path through points drawn left to right, with gaps, holding at most four points per pixel
 * column (the first, lowest, highest and last), so a long period does not make a path of every day.
 */
function polyline() {
  let d = "";
  let drawing = false;
  /** @type {{px: number, first: Point, low: Point, high: Point, last: Point} | null} */
  let column = null;
  const point = (/** @type {Point} */ [px, py]) => {
    d += `${drawing ? "L" : "M"}${px.toFixed(1)},${py.toFixed(1)}`;
    drawing = true;
  };
  const flush = () => {
    if (!column) return;
    const seen = new Set();
    for (const item of [column.first, column.low, column.high, column.last]) {
      if (seen.has(item)) continue;
      seen.add(item);
      point(item);
    }
    column = null;
  };
  return {
    /** @param {number} px @param {number} py */
    to(px, py) {
      /** @type {Point} */
      const item = [px, py];
      if (column && Math.round(px) === column.px) {
        if (py < column.low[1]) column.low = item;
        if (py > column.high[1]) column.high = item;
        column.last = item;
        return;
      }
      flush();
      column = { px: Math.round(px), first: item, low: item, high: item, last: item };
    },
    gap() {
      flush();
      drawing = false;
    },
    path() {
      flush();
      return d;
    },
  };
}

/**
 * The chart figure for a result, drawn for a box `width` px wide; null without a series.
 * download(kind, label): a button that downloads the month-by-month figures in full.
 * @param {OccupancyResult} result @param {Ui} ui @param {number} width @param {Download} download
 */
export function chartFigure(result, ui, width, download) {
  const { h } = ui;
  const series = result.series;
  if (!series || !series.days) return null;
  const days = series.days;
  const narrow = width < NARROW_BELOW;
  const W = Math.max(280, Math.min(WIDE, Math.floor(width)));
  const H = narrow ? 380 : 450;
  // On a phone the titles and the key are HTML above the chart (see chartKey), which wraps with the
  // reader's own text spacing; the chart keeps only its short tick labels, with room to grow.
  const left = narrow ? 52 : 48;
  const right = narrow ? 16 : 180;
  const plotW = W - left - right;
  const top = narrow ? { y0: 16, y1: 166 } : { y0: 54, y1: 204 };
  const bottom = narrow ? { y0: 196, y1: 346 } : { y0: 250, y1: 400 };
  const x = (/** @type {number} */ offset) => left + (offset * plotW) / days;
  // The core sends the maxima: spreading a long period's days into Math.max overflows the stack.
  const maxCount = Math.max(1, series.most_children, series.most_young_adults);
  const yCount = (/** @type {number} */ value) => top.y1 - (value * (top.y1 - top.y0)) / maxCount;
  const yShare = (/** @type {number} */ share) => bottom.y1 - share * (bottom.y1 - bottom.y0);
  const titleId = ui.id("sccif-occupancy-chart-title");
  const descId = `${titleId}-desc`;

  const stepPath = (/** @type {[number, number][]} */ runs) => {
    let d = `M${x(0).toFixed(1)},${yCount(runs[0]?.[0] ?? 0).toFixed(1)}`;
    let offset = 0;
    for (const [value, count] of runs) {
      if (offset > 0) d += `H${x(offset).toFixed(1)}V${yCount(value).toFixed(1)}`;
      offset += count;
    }
    return `${d}H${x(days).toFixed(1)}`;
  };
  const windows = series.windows;
  /**
   * The share of window k (null when nobody was resident under reading A).
   * @param {number} k @param {number} length @param {boolean} allDays
   */
  const shareOf = (k, length, allDays) => {
    const cm = windows.children_majority_days[k];
    if (allDays) return cm / length;
    return windows.occupied_days[k] ? cm / windows.occupied_days[k] : null;
  };
  const sharePath = (/** @type {boolean} */ allDays) => {
    const line = polyline();
    let k = 0;
    for (const [length, count] of windows.days) {
      for (let i = 0; i < count; i += 1, k += 1) {
        const share = shareOf(k, length, allDays);
        if (share === null) line.gap();
        else line.to(x(k + length), yShare(share));
      }
    }
    return line.path();
  };
  const lastShare = (/** @type {boolean} */ allDays) => {
    const k = windows.children_majority_days.length - 1;
    const runs = windows.days;
    return k < 0 ? null : shareOf(k, runs[runs.length - 1][0], allDays);
  };

  // Ticks: 1 January of each year (every other year past 8 years), or every quarter when short.
  /** @type {[number, string][]} */
  const ticks = [];
  const startMs = Date.parse(series.start);
  const [startYear, startMonth] = series.start.split("-").map(Number);
  const offsetOf = (/** @type {number} */ year, /** @type {number} */ month) => Math.round((Date.UTC(year, month - 1, 1) - startMs) / 86400000);
  const years = days / 365;
  const room = Math.max(1, Math.floor(plotW / 56)); // tick labels that fit side by side
  if (years > 1.5) {
    const step = Math.max(years > 8 ? 2 : 1, Math.ceil(years / room));
    for (let year = startYear; offsetOf(year, 1) <= days; year += 1) {
      if (offsetOf(year, 1) >= 0 && year % step === 0) ticks.push([offsetOf(year, 1), String(year)]);
    }
  } else {
    for (let m = 0; ; m += 1) {
      const year = startYear + Math.floor((startMonth - 1 + m) / 12);
      const month = ((startMonth - 1 + m) % 12) + 1;
      const offset = offsetOf(year, month);
      if (offset > days) break;
      if (offset >= 0 && (month - 1) % 3 === 0) ticks.push([offset, `${MONTHS[month - 1].slice(0, 3)} ${year}`]);
    }
  }
  const countStep = maxCount <= 6 ? 1 : Math.ceil(maxCount / 5);
  const countTicks = [];
  for (let value = 0; value <= maxCount; value += countStep) countTicks.push(value);

  const periodEnd = series.period_days;
  const projected = periodEnd < days
    ? [
      svg("rect", { x: x(periodEnd).toFixed(1), y: top.y0 - 8, width: (x(days) - x(periodEnd)).toFixed(1), height: bottom.y1 - top.y0 + 8, fill: `url(#${titleId}-hatch)` }),
      svg("line", { x1: x(periodEnd).toFixed(1), x2: x(periodEnd).toFixed(1), y1: top.y0 - 16, y2: bottom.y1, class: "sccif-chart__divider" }),
      narrow ? null : svg("text", { x: Math.min(x(periodEnd) + 4, left + plotW - 70).toFixed(1), y: top.y0 - 4, class: "sccif-chart__note" }, "Projected →"),
    ]
    : [];
  const lastChild = series.children[series.children.length - 1][0];
  const lastAdult = series.young_adults[series.young_adults.length - 1][0];
  const shareA = lastShare(false);
  const shareB = lastShare(true);
  // Direct labels beside the lines' right ends, kept apart and inside their panel.
  /** @param {number} first @param {number} second @param {number} gap @param {number} low @param {number} high */
  const spread = (first, second, gap, low, high) => {
    const clamp = (/** @type {number} */ value) => Math.min(Math.max(value, low), high);
    let [a, b] = [clamp(first), clamp(second)];
    if (Math.abs(a - b) < gap) {
      const upperIsA = a <= b;
      const lower = Math.min(Math.max(a, b), high);
      const upper = Math.max(lower - gap, low);
      [a, b] = upperIsA ? [upper, upper + gap] : [upper + gap, upper];
    }
    return [a, b];
  };
  const [aLabelY, bLabelY] = spread(
    shareA === null ? yShare(0.75) : yShare(shareA),
    shareB === null ? yShare(0.25) : yShare(shareB),
    32, bottom.y0 + 4, bottom.y1 - 30,
  );
  const [childLabelY, adultLabelY] = lastChild >= lastAdult
    ? spread(yCount(lastChild), yCount(lastAdult), 18, top.y0, top.y1)
    : spread(yCount(lastAdult), yCount(lastChild), 18, top.y0, top.y1).reverse();
  const labelX = W - right + (narrow ? 6 : 10);
  const swatch = narrow ? 14 : 26;
  const legendLine = (/** @type {number} */ y, /** @type {string} */ cls) => svg("line", { x1: labelX, x2: labelX + swatch, y1: y, y2: y, class: cls });
  /** @param {number} y @param {string} cls @param {string} text @param {string} [more] */
  const label = (y, cls, text, more = "") => narrow ? [] : [
    legendLine(y, cls),
    svg("text", { x: labelX + swatch + 6, y: y + 4, class: "sccif-chart__label" }, text),
    more && !narrow ? svg("text", { x: labelX + swatch + 6, y: y + 18, class: "sccif-chart__note" }, more) : null,
  ];

  const chart = svg("svg", {
    class: "sccif-chart",
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    "data-sccif-width": W,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`,
    focusable: "false",
  },
  svg("title", { id: titleId }, "Children and young adults accommodated each night, and the rolling 12-month share of children-majority days"),
  svg("desc", { id: descId }, chartDescription(series, result.latest_window)),
  svg("defs", {},
    svg("pattern", { id: `${titleId}-hatch`, width: 8, height: 8, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      svg("line", { x1: 0, y1: 0, x2: 0, y2: 8, class: "sccif-chart__hatch" }))),
  projected,
  // top panel: counts
  narrow ? null : svg("text", { x: left, y: 18, class: "sccif-chart__heading" }, "People accommodated each night"),
  countTicks.map((value) => [
    svg("line", { x1: left, x2: left + plotW, y1: yCount(value).toFixed(1), y2: yCount(value).toFixed(1), class: "sccif-chart__grid" }),
    svg("text", { x: left - 6, y: (yCount(value) + 4).toFixed(1), class: "sccif-chart__tick", "text-anchor": "end" }, String(value)),
  ]),
  svg("path", { d: stepPath(series.children), class: "sccif-chart__children" }),
  svg("path", { d: stepPath(series.young_adults), class: "sccif-chart__adults" }),
  label(childLabelY, "sccif-chart__children", "Children"),
  label(adultLabelY, "sccif-chart__adults", "Young adults"),
  // bottom panel: shares
  narrow ? null : svg("text", { x: left, y: bottom.y0 - 14, class: "sccif-chart__heading" }, "Share of children-majority days in the 12 months to each day"),
  [0, 0.25, 0.5, 0.75, 1].map((share) => [
    svg("line", { x1: left, x2: left + plotW, y1: yShare(share).toFixed(1), y2: yShare(share).toFixed(1), class: share === 0.5 ? "sccif-chart__half" : "sccif-chart__grid" }),
    svg("text", { x: left - 6, y: (yShare(share) + 4).toFixed(1), class: "sccif-chart__tick", "text-anchor": "end" }, `${share * 100}%`),
  ]),
  svg("path", { d: sharePath(false), class: "sccif-chart__share-a" }),
  svg("path", { d: sharePath(true), class: "sccif-chart__share-b" }),
  label(aLabelY, "sccif-chart__share-a", "Reading A", "empty days set aside"),
  label(bLabelY, "sccif-chart__share-b", "Reading B", "every day counts"),
  narrow ? null : svg("text", { x: left + plotW - 4, y: (yShare(0.5) - 5).toFixed(1), class: "sccif-chart__note", "text-anchor": "end" }, "50%: above this line meets"),
  // time axis
  ticks.map(([offset, text]) => [
    svg("line", { x1: x(offset).toFixed(1), x2: x(offset).toFixed(1), y1: bottom.y1, y2: bottom.y1 + 5, class: "sccif-chart__axis" }),
    svg("line", { x1: x(offset).toFixed(1), x2: x(offset).toFixed(1), y1: top.y1, y2: top.y1 + 5, class: "sccif-chart__axis" }),
    // A label near the right edge ends at the edge instead of being centred past it.
    x(offset) > W - 30
      ? svg("text", { x: W - 2, y: bottom.y1 + 18, class: "sccif-chart__tick", "text-anchor": "end" }, text)
      : svg("text", { x: x(offset).toFixed(1), y: bottom.y1 + 18, class: "sccif-chart__tick", "text-anchor": "middle" }, text),
  ]),
  svg("line", { x1: left, x2: left + plotW, y1: top.y1, y2: top.y1, class: "sccif-chart__axis" }),
  svg("line", { x1: left, x2: left + plotW, y1: bottom.y1, y2: bottom.y1, class: "sccif-chart__axis" }));

  return h("figure", { class: "sccif-occupancy__chart" },
    h("h3", {}, "Chart"),
    narrow ? chartKey(ui, periodEnd < days) : null,
    chart,
    h("figcaption", {},
      "Top: children (solid line) and young adults (dashed line) accommodated each night. ",
      "Bottom: for each day, the share of children-majority days in the 12-month window ending that day, under reading A (solid) and reading B (dotted); the long-dashed line is 50%. ",
      periodEnd < days ? "The hatched part is the projection. " : "",
      "The same figures, month by month, are in the table below."),
    monthlyTable(series.monthly, ui, download));
}

/**
 * The chart's titles and key as HTML, for a phone: each line's pattern beside its name.
 * @param {Ui} ui @param {boolean} projected
 */
function chartKey(ui, projected) {
  const { h } = ui;
  const swatch = (/** @type {string} */ cls) =>
    svg("svg", { class: "sccif-chart sccif-chart-key__swatch", viewBox: "0 0 26 10", width: 26, height: 10, "aria-hidden": "true", focusable: "false" },
      svg("line", { x1: 0, x2: 26, y1: 5, y2: 5, class: cls }));
  const item = (/** @type {string} */ cls, /** @type {string} */ words) => h("li", {}, swatch(cls), " ", words);
  return h("div", { class: "sccif-chart-key" },
    h("p", { class: "sccif-chart-key__title" }, "Top: people accommodated each night"),
    h("ul", {}, item("sccif-chart__children", "Children"), item("sccif-chart__adults", "Young adults")),
    h("p", { class: "sccif-chart-key__title" }, "Bottom: children-majority share, 12 months"),
    h("ul", {},
      item("sccif-chart__share-a", "Reading A, empty days set aside"),
      item("sccif-chart__share-b", "Reading B, every day counts"),
      item("sccif-chart__half", "50%: above this line meets the policy")),
    projected ? h("p", {}, "The hatched part is the projection.") : null);
}

/** @param {import("./report.js").Series} series @param {import("./report.js").Window | null} latest */
function chartDescription(series, latest) {
  const most = series.most_children;
  const mostAdults = series.most_young_adults;
  return `From ${longDate(series.start)}, up to ${most} children and up to ${mostAdults} young adults a night. `
    + (latest
      ? `In the latest 12 months, ${percent(latest.share)} of occupied days and ${percent(latest.share_all_days)} of all days had more children than young adults.`
      : "There is not yet a whole 12-month window.");
}

/** @param {MonthRow[]} months @param {Ui} ui @param {Download} download */
function monthlyTable(months, { h }, download) {
  /** @param {MonthRow["window"]} window @param {"share" | "share_all_days"} key */
  const share = (window, key) => (window ? percent(window[key]) : "–");
  return h("details", { class: "sccif-details" },
    h("summary", {}, "The chart's figures as a table, month by month"),
    stackedTable(h, {
      label: "The chart's figures month by month",
      caption: "Nights and days each month, and the 12-month shares at the end of the month",
      headers: [
        "Month", "Child nights", "Young adult nights", "Days with anyone resident", "Children-majority days",
        "12-month share, reading A", "12-month share, reading B",
      ],
      rows: months.slice(0, LIST_LIMIT).map((row) => ({
        head: `${MONTHS[Number(row.month.slice(5)) - 1]} ${row.month.slice(0, 4)}${row.projected ? " (projected)" : ""}`,
        cells: [
          row.child_nights.toLocaleString("en-GB"),
          row.young_adult_nights.toLocaleString("en-GB"),
          String(row.occupied_days),
          String(row.children_majority_days),
          share(row.window, "share"),
          share(row.window, "share_all_days"),
        ],
      })),
    }),
    firstRowsNote(h, {
      shown: Math.min(LIST_LIMIT, months.length),
      total: months.length,
      what: "months",
      download: download("months", "Download every month (CSV)"),
    }));
}
