# Two commands on a fresh machine:  make demo  |  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: install install-dev compile demo test lint bench system-deps clean

# The package with its pinned runtime dependencies (SQLite, PostgreSQL driver, web, Parquet).
install: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -c constraints.txt -e ".[all]"
	@touch $@

# Plus the test and lint tools.
install-dev: $(VENV)/.installed-dev
$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install -q -c constraints.txt -e ".[dev]"
	@touch $@

# The claim grammar compiled to C with mypyc (same output, faster); rebuilt when a grammar source
# changes. Without a C compiler it says so and the Python sources are used.
EXTRACT_SOURCES := $(wildcard attrition/extract/*.py)
compile: attrition/extract/compiled.json
attrition/extract/compiled.json: $(EXTRACT_SOURCES) scripts/compile_extract.py $(VENV)/.installed-dev
	$(BIN)/python scripts/compile_extract.py

demo: install
	$(BIN)/attrition demo

# System packages the tests use (PostgreSQL server, Debian's chromium): installed when missing and
# running as root; otherwise those tests skip and say what to install.
system-deps:
	@bash scripts/system-deps.sh

lint: install-dev
	$(BIN)/ruff check attrition tests bench
	$(BIN)/mypy

test: install-dev system-deps lint compile
	$(BIN)/python -m pytest

bench: install-dev compile
	$(BIN)/python bench/run.py

clean:
	rm -rf build attrition/extract/*.so attrition/extract/compiled.json $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts demo.db* attrition.db*
