# Everything installs itself: `make serve` and `make test` are all a fresh Debian machine needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
PYTHON  ?= python3
SITE    := site
HOST    ?= 127.0.0.1
PORT    ?= 8000
CHROMIUM := /usr/bin/chromium
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# pytest-xdist: two workers, each taking whole test files (--dist loadfile), so a browser test file's
# tests share one browser profile; the longest files first (tests/conftest.py orders them, and
# --no-loadscope-reorder keeps that order). (--dist loadgroup ignores its groups with pytest 9.2:
# pytest-dev/pytest-xdist#1386.) `make test PARALLEL=` runs everything in one process.
PARALLEL ?= -n 2 --dist loadfile --no-loadscope-reorder

# Material for MkDocs prints a box about its end of life with every build: CONTRIBUTING.md has our plan.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve site test test-fast lint typecheck jscheck bench screenshots deps chromium clean

help:
	@echo "make serve      install what is needed, build the site and serve it at http://$(HOST):$(PORT)"
	@echo "make test       install what is needed (Chromium too) and run every check and test"
	@echo "make test-fast  the unit, property and command-line tests only (no site build, no browser)"
	@echo "make lint       ruff: lint, import order and formatting"
	@echo "make typecheck  mypy --strict over src/sccif_core, hooks/, scripts/ and bench/"
	@echo "make jscheck    the JavaScript: tsc --noEmit (JSDoc types of files with // @ts-check), then eslint"
	@echo "make site       build the site into $(SITE)/"
	@echo "make bench      measure load times and tool speed (prints the figures)"
	@echo "make screenshots  pictures of every tool (empty, answered, error) at phone and laptop sizes, in screenshots/"
	@echo "make deps       install the Python packages into $(VENV)/ and the npm packages into node_modules/"
	@echo "make chromium   install Debian's chromium with apt, if it is missing"
	@echo "make clean      remove the built site and the caches"

$(VENV)/.installed: pyproject.toml
	@echo "Installing Python packages into $(VENV)/ (pip; a few minutes the first time)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

node_modules/.installed: package.json $(wildcard package-lock.json)
	@echo "Installing npm packages into node_modules/ (Pyodide, Workbox, TypeScript and ESLint, pinned by package-lock.json)"
	@if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; \
		else npm install --no-audit --no-fund --loglevel=error; fi
	@touch $@

deps: $(VENV)/.installed node_modules/.installed

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Installing Debian's chromium for the browser tests (apt)"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends chromium; \
	fi

site: deps
	@echo "Building the site into $(SITE)/ (mkdocs build --strict)"
	@$(VENV)/bin/mkdocs build --strict --site-dir $(SITE)

serve: site
	@$(PY) scripts/serve.py --directory $(SITE) --bind $(HOST) --port $(PORT)

lint: deps
	@echo "Checking style with ruff (lint, import order, formatting)"
	@$(VENV)/bin/ruff check --quiet .
	@$(VENV)/bin/ruff format --check --quiet .

typecheck: deps
	@echo "Checking types with mypy --strict (src/sccif_core, hooks/, scripts/, bench/)"
	@$(VENV)/bin/mypy

jscheck: deps
	@echo "Checking the JavaScript: tsc --noEmit (tsconfig.json), then eslint (eslint.config.js)"
	@node_modules/.bin/tsc --noEmit -p tsconfig.json
	@node_modules/.bin/eslint site_widgets scripts/*.js scripts/*.mjs hooks/*.mjs eslint.config.js

# The checks and the site build run side by side (as do the pip and npm installs before them), then the tests.
test: chromium
	@$(MAKE) --no-print-directory --jobs=2 lint typecheck jscheck site
	@echo "Running the tests: unit, property, doctests, command line, built site and browser (Chromium)"
	@SCCIF_SITE_DIR=$(SITE) $(VENV)/bin/pytest -q $(PARALLEL)

test-fast: deps
	$(VENV)/bin/pytest -q -m "not browser" --ignore=tests/site

bench: deps chromium site
	@echo "Measuring the site and the tools (bench/)"
	@SCCIF_SITE_DIR=$(SITE) $(PY) bench/run.py

screenshots: deps chromium site
	@echo "Taking screenshots of every tool into screenshots/ (scripts/screenshots.py)"
	@$(PY) scripts/screenshots.py --site-dir $(SITE) --out screenshots

clean:
	rm -rf $(SITE) build dist .pytest_cache .mypy_cache .ruff_cache
