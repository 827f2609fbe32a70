// The types of site_widgets/config.mjs, which hooks/pyodide_runtime.py (config_module) writes at build time.
export const PYODIDE_VERSION: string;
export const RUNTIME_URL: string;
export const LOCKFILE_URL: string;
export const STDLIB_URL: string;
export const CORE_PACKAGE: string;
export const CORE_MODULE: string;
export const SITE_ROOT: string;
