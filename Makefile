# The README's two commands are `make run` and `make test`; .ci/run calls `make test`.
VENV   ?= .venv
PY     := $(VENV)/bin/python
# reinstall when the dependencies change (the install is editable: source edits need none).
# `make run` installs what serving needs (`.`); test, lint and bench also install the `dev` extra.
HASH      := $(shell sha1sum pyproject.toml | cut -c1-12)
RUN_STAMP := $(VENV)/.installed-run-$(HASH)
DEV_STAMP := $(VENV)/.installed-dev-$(HASH)
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: setup setup-run run test test-fast bench lint browser java clean

$(RUN_STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	rm -f $(VENV)/.installed-run-* && touch $@

# the dev install holds the serving one, so it stamps both
$(DEV_STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-dev-* $(VENV)/.installed-run-* && touch $@ $(RUN_STAMP)

setup-run: $(RUN_STAMP)

setup: $(DEV_STAMP)

## Start the service on SQLite with demo data: pages at http://$(HOST):$(PORT)/logg-inn (how to sign in
## is printed each time; the password stays in data/demo-password), API docs at /docs; `make run PORT=8080`.
run: setup-run
	$(VENV)/bin/tilbake demo --if-empty
	$(VENV)/bin/tilbake serve --host $(HOST) --port $(PORT)

## Debian's chromium, for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

## A Java runtime, for the Spark tests (pyspark in local mode); Debian's, when none is on the PATH.
java:
	@command -v java >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null)

## The whole test suite, PostgreSQL included: a PostgreSQL suite that cannot run is a failure, not a skip.
test: setup browser java
	TILBAKE_REQUIRE_POSTGRES=1 $(PY) -m pytest -n 2 -q

test-fast: setup
	$(PY) -m pytest -q -x -m "not postgres and not browser and not slow"

bench: setup
	for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

lint: setup
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy src/tilbake/deid src/tilbake/export src/tilbake/store

clean:
	rm -rf $(VENV) .pytest_cache build src/*.egg-info
