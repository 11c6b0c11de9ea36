# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

# --no-cache-dir: a CI machine may have little disk, and a wheel cache doubles what the install writes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --no-cache-dir --upgrade "pip==26.3"
	$(BIN)/pip install --quiet --no-cache-dir -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/fanzha demo

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

# scripts/test-services.sh installs (if missing) and starts PostgreSQL and Debian chromium.
test: $(STAMP) lint
	url="$$(scripts/test-services.sh)" && FANZHA_TEST_POSTGRES_URL="$$url" $(BIN)/pytest -q

# The big benchmarks (minutes each); figures in docs/ come from these commands.
bench: $(STAMP)
	$(BIN)/fanzha bench io
	$(BIN)/fanzha bench sim
	$(BIN)/fanzha bench detect
	$(BIN)/fanzha bench trace
	$(BIN)/fanzha bench service
	$(BIN)/fanzha bench serve
	$(BIN)/fanzha bench stream
	$(BIN)/fanzha bench cases

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
