# Two commands for everyone: `make book` and `make test`. Both create the
# virtual environment first (`make venv`), so a fresh clone needs nothing else.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The venv's bin first on PATH: nbgrader runs `alembic`, nbval starts kernels.
RUN := PATH="$(CURDIR)/$(BIN):$$PATH" PYTHONHASHSEED=0
# The test run is always offline and small; see book/using-the-course.md.
TEST_ENV := $(RUN) COURSE_QUICK=1 COURSE_OFFLINE=1 TF_CPP_MIN_LOG_LEVEL=3
PYTEST := $(BIN)/python -m pytest --durations=10
JOBS ?= 2
# Browser tests mostly wait for pages to settle, so more workers than cores pay off.
BROWSER_JOBS ?= 2

.PHONY: venv test test-unit test-jax test-notebooks test-browser browser-deps notebooks book bench assignments clean help

help:
	@echo "make book   build the HTML book into _build/html (from stored notebook outputs)"
	@echo "make test   run the whole test suite (unit tests on both backends, notebooks)"
	@echo "make notebooks  re-execute notebooks in place (NB=path for one)"
	@echo "make assignments  generate student versions of the nbgrader assignments"
	@echo "make bench  benchmark course models against keras.applications (CPU)"

venv: $(STAMP)

# Rebuilt when the requirements change; otherwise a no-op.
$(STAMP): requirements.txt constraints.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

test: venv
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory book test-notebooks test-unit test-jax test-browser || exit 1; \
	echo "make test: all passed in $$(( $$(date +%s) - start )) s"

# Unit tests and structure tests on the default (tensorflow) backend.
test-unit: venv book
	$(TEST_ENV) KERAS_BACKEND=tensorflow $(PYTEST) -n $(JOBS) --dist loadfile tests --ignore=tests/browser

# course_lib must run unchanged on jax: the same unit tests again.
# Everything that runs course_lib's code on the backend; pure counting tests ran under TensorFlow.
test-jax: venv
	$(TEST_ENV) KERAS_BACKEND=jax $(PYTEST) -n $(JOBS) --dist loadfile -m "not counting" tests/unit

# Every chapter and lab notebook, executed; output-checked cells compared.
test-notebooks: venv
	$(TEST_ENV) KERAS_BACKEND=tensorflow $(PYTEST) -n $(JOBS) --dist loadfile \
	  --nbval-lax --nbval-current-env --nbval-cell-timeout=600 \
	  --nbval-sanitize-with tests/nbval_sanitize.cfg $(wildcard notebooks labs)

book: venv
	@start=$$(date +%s); \
	$(RUN) $(BIN)/jupyter-book build . --builder html -W -n --keep-going || exit 1; \
	echo "make book: built _build/html in $$(( $$(date +%s) - start )) s"

# The rendered book in headless Chromium (Debian's package, never a downloaded browser).
browser-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Install Debian's chromium (sudo apt-get install chromium) for the browser tests"; exit 1; fi; }

test-browser: venv book browser-deps
	$(RUN) $(PYTEST) -n $(BROWSER_JOBS) --dist load tests/browser

# Re-run notebooks in place so their stored outputs come from a real run
# (offline data, full size). `make notebooks NB=notebooks/03_x.ipynb` for one.
NB ?= $(wildcard notebooks/*.ipynb labs/*.ipynb)
notebooks: venv
	$(RUN) COURSE_OFFLINE=1 TF_CPP_MIN_LOG_LEVEL=3 $(BIN)/jupyter nbconvert --to notebook \
	  --execute --inplace --ExecutePreprocessor.timeout=1200 $(NB)
	$(BIN)/python scripts/clean_notebooks.py $(NB)

# Student versions of every graded assignment into grading/release/ (nbgrader).
ASSIGNMENTS := $(notdir $(wildcard grading/source/*))
assignments: venv
	cd grading && for a in $(ASSIGNMENTS); do \
	  $(RUN) $(CURDIR)/$(BIN)/nbgrader generate_assignment "$$a" --force || exit 1; done

# Timings on this machine (see benchmarks/README.md for the GPU runs); not part of make test.
bench: venv
	$(RUN) TF_CPP_MIN_LOG_LEVEL=3 $(BIN)/python benchmarks/bench_models.py
	$(RUN) TF_CPP_MIN_LOG_LEVEL=3 $(BIN)/python benchmarks/bench_cifar.py --images 5000 --batch 256 --epochs 3

clean:
	rm -rf _build .pytest_cache
