# Everything a fresh machine needs: `make demo` and `make test` create .venv and install on first use, from the
# exact versions in requirements/*.lock (pyproject.toml holds the compatible ranges; `make lock` re-resolves).
# Packages come from whatever index pip is configured for (pip.conf, PIP_INDEX_URL); none is named here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
# uv resolves the locks; it reads UV_INDEX_URL itself, and pip's configured index is handed on when there is one.
UV_INDEX = $(shell $(PIP) config get global.index-url 2>/dev/null | sed 's/^/--index-url /')
LOCK   = $(BIN)/uv pip compile pyproject.toml --quiet --universal --python-version 3.11 $(UV_INDEX)

.PHONY: demo test lint check lock clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "wasp needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# .venv/.installed-demo (core + wasp[demo,serve]) or .venv/.installed-dev (every extra + the test tools).
$(VENV)/.installed-%: requirements/%.lock pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -r $<
	$(PIP) install --quiet --no-deps -e .
	@touch $@

demo: $(VENV)/.installed-demo
	$(BIN)/wasp demo --out wasp-demo --db wasp-demo/wasp.db
	@echo "Open the demo review in a browser (wasp serve, on 127.0.0.1 only):"
	@echo "  $(BIN)/wasp users add admin --role admin --db wasp-demo/wasp.db"
	@echo "  $(BIN)/wasp serve --db wasp-demo/wasp.db    # then http://127.0.0.1:8000/login"

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q -n 2

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests $(wildcard bench) $(wildcard scripts)
	$(BIN)/ruff format --check src tests $(wildcard bench) $(wildcard scripts)
	$(BIN)/mypy
	$(BIN)/lint-imports

check: lint test

# Re-resolve the exact versions after changing a range in pyproject.toml; commit the three files.
lock: $(VENV)/.installed-dev
	$(LOCK) -o requirements/core.lock
	$(LOCK) --extra demo --extra serve -o requirements/demo.lock
	$(LOCK) --extra dev -o requirements/dev.lock

clean:
	rm -rf $(VENV) wasp-out wasp-demo .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
