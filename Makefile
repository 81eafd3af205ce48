# Set-up, serving and testing. `make run` and `make test` are all a newcomer needs.
SHELL := /bin/bash
PYTHON_VERSION ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
# The outbox's worker (outbox/): its backend and queue.
WORKER_ARGS := --backend outbox --queue-name outbox --no-reload

.PHONY: setup run worker test test-fast lint check messages clean bench
# The tests run in parallel (pytest-xdist): one worker per core, at most 2 unless TEST_WORKERS
# says otherwise. Tests that share a slow fixture form an xdist group (--dist loadgroup), run
# by one worker, which builds the fixture once. They are handed out in the order
# tests/conftest.py sorts them (longest first), not by the size of each group.
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 2 ] && n=2; echo $$n)
PYTEST_PARALLEL := $(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder

$(PY):
	@command -v $(PYTHON_VERSION) >/dev/null || { echo "Python 3.11 is required ($(PYTHON_VERSION) not found)."; exit 1; }
	$(PYTHON_VERSION) -m venv $(VENV)

$(STAMP): $(PY) requirements.txt requirements-dev.txt requirements-demo.txt
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

## setup: create .venv, install, migrate, compile messages, collect static, load the demo into an empty database
setup: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compile_translations -v0
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py load_demo --if-empty

## run: setup, then serve on http://127.0.0.1:$(PORT), with the e-mail worker in the background (mail goes to the console)
run: setup
	@echo ""
	@echo "  STEPS is served on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "  Create an admin user with:  $(PY) manage.py createsuperuser"
	@echo ""
	@$(PY) manage.py db_worker $(WORKER_ARGS) & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
		$(PY) manage.py runserver 127.0.0.1:$(PORT)

## worker: send the e-mail waiting in the outbox, as it is written (`make run` starts one itself)
worker: $(STAMP)
	$(PY) manage.py db_worker $(WORKER_ARGS)

## lint: ruff (rules and formatting), and the import contracts between the apps (pyproject.toml, [tool.importlinter])
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

## check: Django system checks and missing migrations
check: $(STAMP)
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

## test: setup if needed, then lint, checks and the whole test suite (browser tests included), in parallel
##       (the tests' demo database is built meanwhile, unless the code is unchanged since the last build;
##       the test workers start and collect while it is built, and wait for it)
# Lint, checks and tests run at a lower priority (nice) than the demo build they wait for.
test: $(STAMP)
	$(PY) manage.py compile_translations -v0
	@$(PY) -m tests.demo_database & build=$$!; \
		nice -n 10 $(MAKE) --no-print-directory lint check || { kill $$build; wait $$build; exit 1; }; \
		echo "$(PYTEST_PARALLEL)"; nice -n 10 $(PYTEST_PARALLEL); status=$$?; \
		wait $$build || echo "The demo database was not built in the background: the tests built it (see above)."; \
		exit $$status

## test-fast: the tests without a browser, in parallel; no lint, no checks (e.g. make test-fast ARGS="tests/events -x")
test-fast: $(STAMP)
	$(PY) manage.py compile_translations -v0
	$(PYTEST_PARALLEL) --ignore=tests/browser $(ARGS)

## messages: refresh every catalogue in locale/ after changing interface text (a new language: mkdir -p locale/<code>/LC_MESSAGES first)
messages: $(STAMP)
	$(PY) manage.py makemessages $$(ls locale | sed 's/^/-l /') --ignore=.venv --ignore=staticfiles --no-obsolete

## bench: throughput of every page type against a static file of the same size (needs wrk; see bench/throughput.py)
##        e.g. make bench BENCH_ARGS="--database postgres://postgres@127.0.0.1:5432/steps_bench --connections 64"
bench: $(STAMP)
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y wrk >/dev/null; } || \
		{ echo "wrk is needed: sudo apt-get install -y wrk"; exit 1; }
	$(PY) bench/throughput.py $(BENCH_ARGS)

clean:
	rm -rf .bench $(VENV) staticfiles .pytest_cache .ruff_cache
