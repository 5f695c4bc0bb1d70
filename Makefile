# Every target creates .venv from the pinned requirements when it is missing or stale.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check serve golden docs clean browser-deps

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/dossier build
	$(BIN)/dossier linkcheck

check: $(STAMP)
	$(BIN)/dossier check --strict

serve: $(STAMP)
	$(BIN)/dossier serve

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest -q
	$(BIN)/dossier check --strict
	$(BIN)/dossier build
	$(BIN)/dossier linkcheck

# Rewrite the golden files under tests/golden/ from the current templates.
golden: $(STAMP)
	$(BIN)/python -m tests.refresh_golden

# The browser tests drive Debian's Chromium (Playwright's own browser download does not work
# here) and inject axe-core from npm. Installed when missing; apt needs root (as in CI).
AXE := tests/browser/node_modules/axe-core/axe.min.js
browser-deps: $(AXE)
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif [ -n "$$CI" ]; then echo "chromium is missing and apt needs root" >&2; exit 1; \
	  else echo "note: /usr/bin/chromium is missing, browser tests will be skipped (sudo apt-get install chromium)" >&2; fi; \
	fi

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --silent

clean:
	rm -rf site .dossier $(VENV)

# Regenerate FORMAT.md from the JSON Schema.
docs: $(STAMP)
	$(BIN)/python -m generator.formatdoc > FORMAT.md

# The benchmark behind README's Performance section: synthetic dossiers of 1,000, 4,000 and
# 10,000 claims; check, generation, MkDocs and the whole build, timed (about 10 minutes).
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python bench/bench.py
