# The two commands of the README: `make run` and `make test`. Both create .venv and install what they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install bench clean-store help w3c-deps lock

help:
	@echo "make run    ingest the example documents (and ../shared/corpus if present), then serve http://$(HOST):$(PORT)/"
	@echo "make test   type-check (mypy) and run the whole test suite"
	@echo "make bench  run the benchmarks (writes benchmarks/results/)"
	@echo "make lock   resolve the newest versions pyproject.toml allows into requirements.lock (then run make test)"

LOCK := requirements.lock

# the locked versions of every dependency (requirements.lock), so a fresh clone installs what was tested
$(BIN)/stancegraph: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[dev,pandas]'
	@touch $@

install: $(BIN)/stancegraph

run: install
	$(BIN)/stancegraph demo --serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/mypy graph loaders api package
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python benchmarks/run_all.py

clean-store:
	rm -rf .stancegraph

# What the W3C SPARQL Protocol test runner needs (Node's n3 package), at the versions pinned in .ci/w3c-protocol
W3C_DEPS := .cache/w3c-protocol
w3c-deps: $(W3C_DEPS)/node_modules/n3/package.json

$(W3C_DEPS)/node_modules/n3/package.json: .ci/w3c-protocol/package.json .ci/w3c-protocol/package-lock.json
	mkdir -p $(W3C_DEPS)
	cp .ci/w3c-protocol/package.json .ci/w3c-protocol/package-lock.json $(W3C_DEPS)/
	cd $(W3C_DEPS) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# requirements.lock from a fresh install of the newest versions pyproject.toml allows
lock:
	rm -rf .cache/lock-venv
	$(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/python -m pip install --quiet -e '.[dev,pandas]'
	{ sed -n '1,2p' $(LOCK); .cache/lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^stancegraph'; } > $(LOCK).new
	mv $(LOCK).new $(LOCK)
	rm -rf .cache/lock-venv
