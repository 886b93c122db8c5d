# briefbook: `make book` builds the report, `make test` runs every test. Both set up
# what they need first (a virtual environment with the locked packages, and for the
# browser tests Debian's chromium), so they work on a fresh clone.

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
.DEFAULT_GOAL := book

SEEDS ?= seeds
OUT ?= _build
PORT ?= 8000
# More options for `briefbook build` (e.g. ARGS="--scheduler tcp://HOST:8786").
ARGS ?=
VENV ?= .venv
# The first Python 3.11+ on PATH (override with PYTHON=/path/to/python3.x).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: book test unit pdf serve bench bench-pages evaluate extract clean distclean lock setup chromium

setup: $(READY)

$(READY): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "make: error: Python 3.11 or newer is needed (set PYTHON=...)" >&2; exit 1; }
	@echo "Setting up $(VENV) with $(PYTHON) ($$($(PYTHON) --version)) and the pinned packages of requirements.lock"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock 2>&1 | { grep -v "^WARNING: Location .* is ignored" || true; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e . 2>&1 | { grep -v "^WARNING: Location .* is ignored" || true; }
	@touch $@

book: $(READY)  ## Build the report on SEEDS into OUT/html
	$(BIN)/briefbook build --seeds "$(SEEDS)" --out "$(OUT)" $(ARGS)

chromium:  ## Install Debian's chromium (browser tests, PDF) and poppler-utils (PDF checks), when missing
	@{ command -v chromium && command -v pdftotext; } >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium and poppler-utils for the browser and PDF tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium poppler-utils >/dev/null; }

test: $(READY) chromium  ## Unit tests, every notebook on the seeds, the full book build and the browser tests
	$(BIN)/python -m pytest

unit: $(READY)  ## Only the fast tests
	$(BIN)/python -m pytest -m "not book and not browser"

evaluate: $(READY)  ## Print precision, recall and F1 against the hand annotations
	$(BIN)/briefbook evaluate

extract: $(READY)  ## Write the data tables of SEEDS into OUT/data
	$(BIN)/briefbook extract "$(SEEDS)" --out "$(OUT)/data"

bench: $(READY)  ## Time every stage on corpora of 5, 50 and 500 articles
	$(BIN)/python -m briefbook.bench

bench-pages: $(READY)  ## Score the web-page reader on trafilatura's evaluation set: make bench-pages EVAL=path/to/trafilatura/tests
	@test -n "$(EVAL)" || { echo "make: error: give the evaluation set: make bench-pages EVAL=path/to/evaldata.json" >&2; exit 1; }
	$(BIN)/briefbook bench-pages "$(EVAL)"

pdf: $(READY) chromium  ## Build the report and print it as one PDF (OUT/briefbook-report.pdf)
	$(BIN)/briefbook pdf --seeds "$(SEEDS)" --out "$(OUT)"

serve:  ## Serve the built site on http://127.0.0.1:PORT
	@test -f "$(OUT)/html/index.html" || { echo "make: error: no site in $(OUT)/html; run 'make book' first" >&2; exit 1; }
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory "$(OUT)/html"

lock: $(READY)  ## Re-resolve requirements.lock from pyproject.toml, and environment.yml from it
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes --no-header -q -o requirements.lock.new
	{ head -3 requirements.lock; cat requirements.lock.new; } > requirements.lock.tmp && rm requirements.lock.new && mv requirements.lock.tmp requirements.lock
	$(BIN)/python tools/lock_to_environment.py

clean:  ## Remove the build, its staged pages and caches (keeps the virtual environment)
	rm -rf "$(OUT)"

distclean: clean
	rm -rf $(VENV)
