# The two commands a newcomer needs:
#   make demo   install quotegraph into .venv and run it on the example articles
#   make test   install it with the test and training extras and run the test suite
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-test clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	# torch==2.13.0: the CPU wheel these machines keep locally (an unpinned torch pulls CUDA)
	$(BIN)/pip install -q -e ".[test,train]"

demo: install
	$(BIN)/quotegraph extract examples/articles -o examples/attributions.jsonl
	$(BIN)/python examples/show.py examples/attributions.jsonl examples/articles

test: install-test
	# Debian's Chromium for the browser tests (installed only if missing; never a download)
	sh scripts/install-browser.sh
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build dist src/*.egg-info
