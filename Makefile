# Two commands do all the set-up on a fresh machine:
#   make chat   installs everything and starts the chat
#   make test   installs everything (with test extras and Chromium) and runs the tests
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install chat test lint browser

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# CPU wheel first: a plain `torch` requirement would pull several GB of CUDA packages.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

chat: install
	$(VENV)/bin/thidua chat

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

lint: install
	$(VENV)/bin/ruff check .

test: install browser lint
	HF_HUB_OFFLINE=1 $(PY) -m pytest
