# Media analysis notebooks: every target sets up what it needs in .venv (plain Python 3.11 + pip).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?=
LEXICON ?=

.DEFAULT_GOAL := help
.PHONY: help install report test lint lab bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'
	@echo "  make report CORPUS=path/or/glob   run on another corpus (writes to reports/<name>/, never over figures/)"
	@echo "  make report CORPUS=... OUTPUT=dir  write the reports of that corpus into dir"

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or: make PYTHON=python3 ...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Reinstall when the dependency list or the pins change; pins are the versions the tests ran with.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (analysis)" >/dev/null
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install the package (editable) with pinned versions

# The corpus is checked before any notebook runs: a missing, empty or unloadable one stops with one
# line on stderr (exit 2). The command line (analysis.cli) is not imported by analysis/__init__, so
# running it as a module raises no runpy warning (as -m analysis.reports would).
report: $(STAMP) ## build the outputs from data/ (or CORPUS=...): figures, HTML reports, tables (CSV, Excel)
	@$(BIN)/python -m analysis.cli report $(if $(CORPUS),--corpus "$(CORPUS)") $(if $(LEXICON),--lexicon "$(LEXICON)") $(if $(OUTPUT),--output "$(OUTPUT)")

test: $(STAMP) ## run the test suite (unit tests, doctests, notebooks)
	$(BIN)/python -m pytest

lint: $(STAMP) ## ruff: lint and format check (line length 100)
	$(BIN)/ruff check src tests evaluation benchmarks tools
	$(BIN)/ruff format --check src tests evaluation benchmarks tools

lab: $(STAMP) ## open JupyterLab in the project's environment
	$(BIN)/jupyter lab --notebook-dir=notebooks

bench: $(STAMP) ## run the benchmarks on ../shared/devsets/polnear (prints the tables the README shows)
	$(BIN)/python benchmarks/run.py

clean: ## remove the virtual environment and generated reports
	rm -rf $(VENV) reports .pytest_cache .hypothesis
