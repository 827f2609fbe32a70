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

.PHONY: help serve site test test-fast bench deps chromium clean

help:
	@echo "make serve   install what is needed, build the site and serve it at http://$(HOST):$(PORT)"
	@echo "make test    install what is needed and run every test"
	@echo "make site    build the site into $(SITE)/"
	@echo "make bench   measure load times and tool speed (prints the figures)"

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json $(wildcard package-lock.json)
	if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	touch $@

deps: $(VENV)/.installed node_modules/.installed

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	fi

site: deps
	$(VENV)/bin/mkdocs build --strict --site-dir $(SITE)

serve: site
	@echo "Serving http://$(HOST):$(PORT)/  (Ctrl+C stops)"
	$(PY) scripts/serve.py --directory $(SITE) --bind $(HOST) --port $(PORT)

test: deps chromium site
	$(VENV)/bin/mypy
	SCCIF_SITE_DIR=$(SITE) $(VENV)/bin/pytest -q

test-fast: deps
	$(VENV)/bin/pytest -q -m "not browser" --ignore=tests/site

bench: deps chromium site
	SCCIF_SITE_DIR=$(SITE) $(PY) bench/run.py

clean:
	rm -rf $(SITE) build dist .pytest_cache .mypy_cache
