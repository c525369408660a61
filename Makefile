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
# Chromium's rendering and axe-core keep both cores busy: more workers than cores ran slower.
BROWSER_JOBS ?= 2

.PHONY: test-colab colab-refresh venv test lint format test-unit test-course test-jax test-notebooks test-browser browser-deps sandbox-deps diagram-deps \
	notebooks book pdf bench assignments grade clean help

help:
	@echo "For everyone:"
	@echo "  make book                 build the HTML book into _build/html (from stored notebook outputs)"
	@echo "  make pdf                  the book as one PDF, _build/pdf/book.pdf (printed by Chromium)"
	@echo "  make test                 everything below marked *, in order (what CI runs)"
	@echo "Parts of make test:"
	@echo "  make lint               * ruff check (pyflakes, pycodestyle) and ruff format --check (pyproject.toml)"
	@echo "  make test-notebooks     * every chapter and lab notebook executed, checked outputs compared (nbval)"
	@echo "  make test-unit          * course_lib's unit tests on TensorFlow (no book build needed)"
	@echo "  make test-course        * book structure, leaks, grading end to end, Colab install, benchmarks (builds the book)"
	@echo "  make test-jax           * course_lib's unit tests again on JAX (pure counting tests skipped)"
	@echo "  make test-browser       * the built book in headless Chromium, and its PDF"
	@echo "  make test-colab         * every notebook and lab again, in a second venv with Colab's package versions"
	@echo "Authors:"
	@echo "  make notebooks [NB=path]  re-execute notebooks in place, offline and full size"
	@echo "  make format               apply ruff format to every Python file (make lint checks it)"
	@echo "  make bench                benchmark course models against keras.applications (this machine)"
	@echo "Instructors (see the instructor guide):"
	@echo "  make assignments          student versions: public default + one per student in grading/students.csv"
	@echo "  make grade A=ps1_counting grade every submission in grading/submitted/ (sandboxed), feedback, grades.csv, report"
	@echo "Set-up:"
	@echo "  make venv                 create or update .venv from requirements.txt (every target does this first)"
	@echo "  make colab-refresh FREEZE=pip-freeze.gpu.txt   re-read Colab's versions (tests/colab/colab-packages.txt)"
	@echo "  make browser-deps, make sandbox-deps   Debian's chromium / bubblewrap, installed when missing (as root)"
	@echo "  make diagram-deps         Debian's graphviz (dot, for course_lib.diagrams), installed when missing (as root)"
	@echo "  make clean                remove _build and pytest caches"

venv: $(STAMP)

# Rebuilt when the requirements change; otherwise a no-op.
$(STAMP): requirements.txt constraints.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

test: venv
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory book lint test-notebooks test-colab test-unit test-course test-jax test-browser || exit 1; \
	echo "make test: all passed in $$(( $$(date +%s) - start )) s"

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check --diff .

format: venv
	$(BIN)/ruff format .

# course_lib's unit tests on the default (tensorflow) backend; they need no book.
test-unit: venv diagram-deps
	$(TEST_ENV) KERAS_BACKEND=tensorflow $(PYTEST) -n $(JOBS) --dist loadfile tests/unit

# The course as a whole: book structure and leaks (need the built book), grading end to end
# (needs bubblewrap), the Colab-style install, the benchmarks' plumbing.
test-course: venv book sandbox-deps
	$(TEST_ENV) KERAS_BACKEND=tensorflow $(PYTEST) -n $(JOBS) --dist loadfile tests --ignore=tests/browser --ignore=tests/unit

# course_lib must run unchanged on jax: the same unit tests again.
# Everything that runs course_lib's code on the backend; pure counting tests ran under TensorFlow.
test-jax: venv diagram-deps
	$(TEST_ENV) KERAS_BACKEND=jax $(PYTEST) -n $(JOBS) --dist loadfile -m "not counting" tests/unit

# Every chapter and lab notebook, executed; output-checked cells compared.
test-notebooks: venv diagram-deps
	$(TEST_ENV) KERAS_BACKEND=tensorflow $(PYTEST) -n $(JOBS) --dist loadfile \
	  --nbval-lax --nbval-current-env --nbval-cell-timeout=600 \
	  --nbval-sanitize-with tests/nbval_sanitize.cfg $(wildcard notebooks labs)

# Colab's runtime as students meet it: a second venv with Colab's published package versions
# (tests/colab/colab-packages.txt, with its date and source), course_lib installed as the
# Colab first cell does (pip resolves against what is there and must replace nothing), then
# every notebook and lab under nbval. Python is this machine's: Colab's 3.13 is not packaged
# for Debian 12; the packages are Colab's exact versions.
COLAB_VENV := .venv-colab
COLAB_BIN := $(COLAB_VENV)/bin
COLAB_PACKAGES := tests/colab/colab-packages.txt
COLAB_STAMP := $(COLAB_VENV)/.installed
$(COLAB_STAMP): $(COLAB_PACKAGES) tests/colab/test-tools.txt
	@test -x $(COLAB_BIN)/python || $(PYTHON) -m venv $(COLAB_VENV)
	$(COLAB_BIN)/python -m pip install --quiet --upgrade pip
	$(COLAB_BIN)/python -m pip install --quiet -r $(COLAB_PACKAGES) -r tests/colab/test-tools.txt
	@touch $@

test-colab: $(COLAB_STAMP) diagram-deps
	$(COLAB_BIN)/python -m pip install --quiet --no-input --force-reinstall --no-deps . && \
	  $(COLAB_BIN)/python -m pip install --quiet --no-input .
	$(COLAB_BIN)/python scripts/colab_packages.py --check
	PATH="$(CURDIR)/$(COLAB_BIN):$$PATH" PYTHONHASHSEED=0 COURSE_QUICK=1 COURSE_OFFLINE=1 \
	  TF_CPP_MIN_LOG_LEVEL=3 KERAS_BACKEND=tensorflow \
	  $(COLAB_BIN)/python -m pytest -p no:cacheprovider --durations=5 -n $(JOBS) --dist loadfile \
	  --nbval-lax --nbval-current-env --nbval-cell-timeout=600 \
	  --nbval-sanitize-with tests/nbval_sanitize.cfg $(wildcard notebooks labs)

colab-refresh:
	@test -n "$(FREEZE)" || { echo "usage: make colab-refresh FREEZE=<pip-freeze.gpu.txt path or https URL>"; exit 2; }
	$(PYTHON) scripts/colab_packages.py --refresh "$(FREEZE)"

book: venv diagram-deps
	@start=$$(date +%s); \
	$(RUN) $(BIN)/jupyter-book build . --builder html -W -n --keep-going || exit 1; \
	echo "make book: built _build/html in $$(( $$(date +%s) - start )) s"

# The rendered book in headless Chromium (Debian's package, never a downloaded browser).
browser-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Install Debian's chromium (sudo apt-get install chromium) for the browser tests"; exit 1; fi; }

# course_lib.diagrams lays its block diagrams out with Graphviz's dot (Debian's package; the
# Python package graphviz only calls it). Colab has both.
diagram-deps:
	@command -v dot >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz; \
	  else echo "Install Debian's graphviz (sudo apt-get install graphviz) for course_lib.diagrams"; exit 1; fi; }

# tests/browser/test_pdf.py prints the PDF once per run, whichever worker asks first (a lock).
test-browser: venv book browser-deps
	$(RUN) $(PYTEST) -n $(BROWSER_JOBS) --dist load tests/browser

# The whole book as one PDF: every HTML page printed by Chromium in _toc.yml's order, with a
# contents page and bookmarks (scripts/print_pdf.py; tests/browser/test_pdf.py checks it).
pdf: venv book browser-deps
	$(RUN) $(BIN)/python scripts/print_pdf.py --html _build/html --out _build/pdf/book.pdf

# Re-run notebooks in place so their stored outputs come from a real run
# (offline data, full size). `make notebooks NB=notebooks/03_x.ipynb` for one.
NB ?= $(wildcard notebooks/*.ipynb labs/*.ipynb)
notebooks: venv diagram-deps
	$(RUN) COURSE_OFFLINE=1 TF_CPP_MIN_LOG_LEVEL=3 $(BIN)/jupyter nbconvert --to notebook \
	  --execute --inplace --ExecutePreprocessor.timeout=1200 $(NB)
	$(BIN)/python scripts/clean_notebooks.py $(NB)

# The autograder runs each submission in a bubblewrap sandbox as its own unprivileged uid
# (setpriv, from util-linux); Debian's packages, installed when missing as chromium is.
sandbox-deps:
	@command -v bwrap >/dev/null && command -v setpriv >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap util-linux; \
	  else echo "Install Debian's bubblewrap (sudo apt-get install bubblewrap) to grade"; exit 1; fi; }

# Student versions of every problem set: grading/release/ (the public default variant) and,
# for each student of grading/students.csv, grading/variants/<student>/ (see the instructor guide).
COURSE ?= grading
GRADE_ENV := $(RUN) KERAS_BACKEND=jax TF_CPP_MIN_LOG_LEVEL=3 PYTHONPATH=
assignments: venv
	cd $(COURSE) && $(GRADE_ENV) $(CURDIR)/$(BIN)/python -m autograder assignments

# Grade a whole class: make grade A=ps1_counting [JOBS=2] [STEP_CPU=60]
grade: venv sandbox-deps
	@test -n "$(A)" || { echo "usage: make grade A=<assignment>  (one of: $(notdir $(wildcard $(COURSE)/source/*)))"; exit 2; }
	cd $(COURSE) && $(GRADE_ENV) $(CURDIR)/$(BIN)/python -m autograder grade "$(A)" --jobs $(JOBS) \
	  $(if $(STEP_CPU),--step-cpu $(STEP_CPU))

# Timings on this machine (see benchmarks/README.md for the GPU runs); not part of make test.
bench: venv
	$(RUN) TF_CPP_MIN_LOG_LEVEL=3 $(BIN)/python benchmarks/bench_models.py
	$(RUN) TF_CPP_MIN_LOG_LEVEL=3 $(BIN)/python benchmarks/bench_cifar.py --images 5000 --batch 256 --epochs 3

clean:
	rm -rf _build .pytest_cache $(COLAB_VENV)
