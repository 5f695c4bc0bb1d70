# Every target creates .venv from the pinned requirements when it is missing or stale.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check serve golden docs clean

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

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/dossier check --strict
	$(BIN)/dossier build
	$(BIN)/dossier linkcheck

# Rewrite the golden files under tests/golden/ from the current templates.
golden: $(STAMP)
	$(BIN)/python -m tests.refresh_golden

clean:
	rm -rf site .dossier $(VENV)

# Regenerate FORMAT.md from the JSON Schema.
docs: $(STAMP)
	$(BIN)/python -m generator.formatdoc > FORMAT.md
