# Two commands do all the set-up: `make play` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: play test lint format bench build messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

play: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# A standalone build (folder and zip in dist/) that runs without Python; PACK=folder brands it.
build: $(STAMP)
	$(PY) main.py build $(if $(PACK),--pack $(PACK))

bench: $(STAMP)
	$(PY) bench/bench_sim.py
	$(PY) bench/bench_load.py

# UI strings: extract from game/ui into the template, then merge into the Dutch catalogue;
# the same for the messages trainers read (scenario checks and the trainer commands, said(...)).
messages: $(STAMP)
	$(VENV)/bin/pybabel extract --no-default-keywords -k t --no-location --omit-header \
		--sort-output --width=100 -o game/ui/locales/messages.pot game/ui
	$(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-obsolete --width=100 -l nl -i game/ui/locales/messages.pot \
		-o game/ui/locales/nl.po
	$(VENV)/bin/pybabel extract --no-default-keywords -k said --no-location --omit-header \
		--sort-output --width=100 -o game/locales/messages.pot game/said.py game/scenario game/cli
	$(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-obsolete --width=100 -l nl -i game/locales/messages.pot \
		-o game/locales/nl.po
	$(PY) -m game.compile_catalogues

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
