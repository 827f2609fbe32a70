// ESLint (flat config): the recommended rules over the browser code and the Node scripts.
// `make jscheck` runs it after `tsc --noEmit` (tsconfig.json), which checks the types of every
// file that starts with `// @ts-check`. CommonJS, because package.json does not say "type": "module".
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    ignores: ["node_modules/", "site/", "build/", "dist/", ".venv/", "screenshots/"],
  },
  js.configs.recommended,
  {
    // The widgets run in pages and in the runtime's Web Worker, as ES modules.
    files: ["site_widgets/**/*.js", "site_widgets/**/*.mjs"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.worker },
    },
  },
  {
    // The service worker's template: a classic worker script (importScripts), Workbox as a global.
    files: ["scripts/service-worker.js"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "script",
      globals: { ...globals.serviceworker },
    },
  },
  {
    // Build scripts run in Node, as ES modules.
    files: ["scripts/*.mjs", "hooks/*.mjs"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node },
    },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    rules: {
      // `_`-prefixed arguments are deliberately unused; a caught error need not be used.
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
];
