# Health Careers: the commands a developer needs. `make help` lists them.
# A new machine needs only `make run` (serve the site) and `make test` (run every test).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Development defaults; production sets DEBUG=False and the rest in its environment.
export DEBUG ?= True

.DEFAULT_GOAL := help
.PHONY: help install install-test run samples test test-fast lint format migrate content messages compilemessages gettext-deps bench bench-scale bench-explain bench-inprocess bench-deps scale-check lighthouse browser-deps clean

help: ## List the commands
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-13s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

# The apps whose public strings have their own catalogue (<app>/locale/es/LC_MESSAGES/django.po);
# the project catalogue locale/ holds templates/ and config/. staff is the admin: English only.
I18N_APPS := careers trainings employers consent content wages places
# Everything at the top level but templates/ and config/ stays out of the project catalogue.
NOT_PROJECT_STRINGS := $(filter-out templates config locale,$(patsubst %/,%,$(wildcard */)))

$(VENV)/.installed-test: requirements-test.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.lock
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed compilemessages ## Create .venv, install the locked runtime dependencies, compile the catalogues (quick when nothing changed)

gettext-deps: ## Install Debian's gettext (msgfmt, xgettext) when it is missing and we can
	@if command -v msgfmt >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's gettext for the translation catalogues"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	else echo "error: the catalogues need GNU gettext (apt-get install gettext)" >&2; exit 1; fi

compilemessages: $(VENV)/.installed gettext-deps ## Compile the Spanish catalogues (.po -> .mo; the .mo files are not committed)
	$(BIN)/python manage.py compilemessages -v0 -i .venv -i node_modules -i staticfiles

messages: $(VENV)/.installed gettext-deps ## Update every Spanish catalogue from the code (then translate what is new: no entry may stay empty or fuzzy)
	@for app in $(I18N_APPS); do \
		mkdir -p $$app/locale && (cd $$app && $(abspath $(BIN))/python ../manage.py makemessages -l es --no-obsolete -v0) || exit 1; \
	done
	$(BIN)/python manage.py makemessages -l es --no-obsolete -v0 $(addprefix -i ,$(NOT_PROJECT_STRINGS))

install-test: $(VENV)/.installed-test compilemessages browser-deps ## Install the locked test dependencies and Chromium

browser-deps: ## Install Debian's chromium for browser tests when it is missing and we can
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "warning: /usr/bin/chromium is missing; browser tests will be skipped" >&2; fi

migrate: install ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

content: migrate ## Load the starting content (idempotent; keeps staff edits)
	$(BIN)/python manage.py load_content

# A database of its own, so the samples hold the starting content and nothing else.
SAMPLES_DB := $(CURDIR)/.samples.sqlite3

samples: export DATABASE_URL := sqlite:///$(SAMPLES_DB)
samples: install ## Write samples/*.csv (the admin import's examples) again from the starting content
	rm -f $(SAMPLES_DB)
	$(BIN)/python manage.py migrate -v0
	$(BIN)/python manage.py load_content
	$(BIN)/python manage.py export_samples
	rm -f $(SAMPLES_DB)

run: content ## Install, migrate, load content and serve the site at http://127.0.0.1:8000
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# In parallel, one worker (with its own test database and Chromium) per CPU, at most 4: on
# 2 cores the PostgreSQL run took 5m16 instead of 8m12. PYTEST_WORKERS=0 runs in one process.
# Not --dist=worksteal: with it, two every-page tests that had moved to the other worker
# failed in load_content (a FOREIGN KEY error at commit), on a clean clone, on SQLite; the
# order tests/db.py relies on is not kept when tests move between workers.
PYTEST_WORKERS ?= auto

test: install-test ## Install test dependencies and run the whole suite (DATABASE_URL picks the database)
	$(BIN)/python -m pytest --numprocesses=$(PYTEST_WORKERS) --maxprocesses=4

test-fast: install-test ## Run the suite without the browser tests
	$(BIN)/python -m pytest -m "not browser"

lint: install-test ## ruff check, format check and the import contracts (lint-imports)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-test ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install-test bench-deps ## gunicorn (production settings) + wrk over every page type: bench/results/latest.md (< 10 min)
	$(BIN)/python bench/http_bench.py

bench-scale: install-test ## The searches at 1x, 10x, 100x data (in-process): bench/results/scale.md
	$(BIN)/python bench/scale.py

bench-explain: install-test ## PostgreSQL plans of every search (DATABASE_URL, after make bench): bench/results/explain.txt
	$(BIN)/python bench/explain.py

bench-inprocess: install-test ## The older in-process benchmarks (bench/bench_*.py): bench/results/*.txt
	$(BIN)/python bench/run.py

bench-deps: ## Install Debian's wrk (the load generator of make bench) when it is missing and we can
	@if command -v wrk >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's wrk for make bench"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	else echo "error: make bench needs wrk (apt-get install wrk)" >&2; exit 1; fi

lighthouse: install-test ## Lighthouse scores (npm lighthouse via npx, Debian chromium) of five pages: bench/results/lighthouse.md
	$(BIN)/python bench/lighthouse.py

scale-check: install ## Two instances behind nginx, one PostgreSQL, one Redis: consent, cache and failover over real HTTP
	$(BIN)/python scripts/scale_check.py

clean: ## Remove the virtual environment, collected static files and the SQLite database
	rm -rf $(VENV) staticfiles db.sqlite3
