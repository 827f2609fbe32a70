// @ts-check
// The 'wholly or mainly' occupancy checker. One module per section, in tools/occupancy/:
//   mount.js    the tool: state, the core's answers, errors linked to their fields, keeping records
//   records.js  1. residents' records: file, paste, typed rows, the preview and column choices
//   report.js   the result, answer first, then the reasons and the detail
//   chart.js    the chart, drawn at its box's width, and its month-by-month table
//   tables.js   tables that stack into label–value pairs on a phone
//   format.js   dates, numbers and field names
export { mount } from "./occupancy/mount.js";
