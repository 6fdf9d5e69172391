# gongkit: the two promises are `make demo` and `make test`; both install what they need.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-fast lint format generate bench coverage-table clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Start the server on the embedded SQLite store with the demo company, tour it with the SDK, keep serving.
## `make demo PORT=9000 HOST=0.0.0.0`; any other `gongkit demo` option through ARGS, e.g. ARGS="--calls 1000".
demo: $(STAMP)
	$(BIN)/gongkit demo $(if $(PORT),--port $(PORT)) $(if $(HOST),--host $(HOST)) $(ARGS)

## Every test, on SQLite and on a private PostgreSQL server and a private Redis (shared rate-limit counts for the
## scale-out tests) that this target starts itself, and Debian's chromium for the browser test of the pages
## (installed if missing).
test: $(STAMP)
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
	GONGKIT_TEST_PG_URL=$$(scripts/pg.sh start) GONGKIT_TEST_REDIS_URL=$$(scripts/redis.sh start) \
	$(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS); \
	status=$$?; scripts/redis.sh stop; scripts/pg.sh stop; exit $$status

## The suite on SQLite only (no PostgreSQL server).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -x $(PYTEST_ARGS)

## ruff, ruff format, mypy (strict) and the import rules (import-linter contracts in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

## Regenerate what is generated from code: the SDK's sync twins, the coverage table, the CLI reference.
generate: $(STAMP)
	$(BIN)/python scripts/unasync.py
	$(BIN)/python -m gongkit.coverage --write README.md
	$(BIN)/python -m gongkit.cli._docs --write docs/CLI.md

coverage-table: $(STAMP)
	$(BIN)/python -m gongkit.coverage --write README.md

bench: $(STAMP)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	$(BIN)/python bench/bench_calls.py
	$(BIN)/python bench/bench_inprocess.py
	url=$$(scripts/pg.sh start); \
	GONGKIT_BENCH_PG_URL=$$url $(BIN)/python bench/bench_calls.py --only get && \
	GONGKIT_BENCH_PG_URL=$$url $(BIN)/python bench/bench_privacy.py; \
	status=$$?; scripts/pg.sh stop; exit $$status

clean:
	rm -rf $(VENV) .gongkit .pg .redis
