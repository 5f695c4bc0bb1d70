# Every target creates .venv from the pinned requirements when it is missing or stale.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site pdf test test-fast lint check serve golden validators docs clean distclean browser-deps pdf-deps lock bench

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# The editable install and the wheel test build without isolation: pyproject's build backend
	# (setuptools>=68) must be in the venv; Python 3.11's venv seeds setuptools 65, which cannot.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "setuptools>=68"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

site: $(STAMP) pdf-deps
	$(BIN)/dossier build --pdf
	$(BIN)/dossier linkcheck

# The briefing PDF alone, into site/briefing.pdf (`dossier pdf --proposal ID --out FILE` for one proposal).
pdf: $(STAMP) pdf-deps
	$(BIN)/dossier pdf

check: $(STAMP)
	$(BIN)/dossier check --strict

serve: $(STAMP)
	$(BIN)/dossier serve

# The whole suite, then what the suite cannot do: the real dossier's strict check against today's
# date (the tests take a day after any date), its site with the PDF into site/ (tests never write
# into the repository), and that site's links. pytest runs on TEST_WORKERS processes (pytest-xdist;
# `make test TEST_WORKERS=0` for one), a test file at a time each: a module's shared PDF or site is
# made once. About 3 minutes of CPU, half that in wall time on two free cores (README, "Development").
TEST_WORKERS ?= auto
test: $(STAMP) browser-deps pdf-deps lint
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile
	$(BIN)/dossier check --strict
	$(BIN)/dossier build --pdf
	$(BIN)/dossier linkcheck

# The unit and golden tests (under a minute here): no browser, no PDF, no whole-site build but
# the one the tests that read a built site share, no process of the command line on large input
# (pyproject.toml's markers). `make test` runs everything.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser and not pdf and not slow"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check --quiet .
	$(BIN)/mypy

# Write the schema's item validators compiled ahead (generator/data/validators/gen_*.py) again, after the
# schema or fastjsonschema changed: tests/test_validators.py fails until they are.
validators: $(STAMP)
	$(BIN)/python -m generator.data.validators

# Rewrite the golden files under tests/golden/ (pages and exports) from the current templates.
golden: $(STAMP)
	$(BIN)/python -m tests.refresh_golden

# The browser tests drive Debian's Chromium (Playwright's own browser download does not work
# here) and inject axe-core from npm; the markup test runs the W3C Nu HTML checker (npm's vnu-jar)
# on Debian's headless Java. Installed when missing; apt needs root (as in CI).
AXE := tests/browser/node_modules/axe-core/axe.min.js
browser-deps: $(AXE)
	@if ! command -v java >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  elif [ -n "$$CI" ]; then echo "java is missing and apt needs root" >&2; exit 1; \
	  else echo "note: java is missing, the markup test (vnu) will be skipped (sudo apt-get install default-jre-headless)" >&2; fi; \
	fi
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif [ -n "$$CI" ]; then echo "chromium is missing and apt needs root" >&2; exit 1; \
	  else echo "note: /usr/bin/chromium is missing, browser tests will be skipped (sudo apt-get install chromium)" >&2; fi; \
	fi

# WeasyPrint (the PDF) needs Pango and fonts with Cyrillic from the system; apt installs them when
# missing (as root, as in CI).
pdf-deps:
	@if ! ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || [ ! -d /usr/share/fonts/truetype/dejavu ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; \
	  else echo "note: Pango or the DejaVu fonts are missing, the PDF needs them (sudo apt-get install libpangoft2-1.0-0 fonts-dejavu-core)" >&2; fi; \
	fi

# --ignore-scripts: vnu-jar's install script would fetch a Java runtime; Debian's is used instead.
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --silent --ignore-scripts

# Generated folders only; `make distclean` removes the virtual environment too.
clean:
	rm -rf site .dossier .site-*

distclean: clean
	rm -rf $(VENV)

# Regenerate FORMAT.md from the JSON Schema (written through a temporary file and a rename).
docs: $(STAMP)
	$(BIN)/python -m generator.formatdoc FORMAT.md

# Re-pin the requirements: the runtime set (what `pip install .` needs) in requirements.txt, the
# development tools on top of it in requirements-dev.txt, each from a fresh virtual environment.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check .
	.lock-venv/bin/pip freeze --exclude dossier --exclude pip > requirements.txt
	.lock-venv/bin/pip install --quiet --disable-pip-version-check ".[dev]"
	.lock-venv/bin/pip freeze --all --exclude dossier --exclude pip | grep -vxFf requirements.txt > requirements-dev.txt.new
	(echo "-r requirements.txt"; cat requirements-dev.txt.new) > requirements-dev.txt && rm requirements-dev.txt.new
	rm -rf .lock-venv

# The benchmark behind README's Performance section: first the check's and the preview's targets
# (issue 23), printed beside them; synthetic dossiers of 1,000, 4,000 and 10,000 claims; check,
# generation, MkDocs and the whole build, timed (5 minutes on 5 December, README "Performance");
# then the large inputs of the unit tests. One section alone: make bench BENCH_ARGS="--only
# targets". Headless Chromium measures what a reader fetches, and the PDF needs Pango: both
# installed as for the tests when missing.
bench: $(STAMP) browser-deps pdf-deps
	$(BIN)/python bench/bench.py $(BENCH_ARGS)
