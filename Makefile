# Commands for everyone (see README):
#   make serve   build and serve the site on http://127.0.0.1:8000
#   make test    run the whole test suite (what CI runs)
#   make test-fast  lint, types and the tests that build no site (while you work)
#   make mutation  mutation testing of the checks that decide what an editor is told
# The first run of any creates .venv and installs the pinned dependencies.

PYTHON ?= python3.11
# Material prints a banner about its end of life on every run; keep logs readable.
export NO_MKDOCS_2_WARNING := 1
# The site builder: mkdocs, or properdocs (README, "Longevity"). Switching the
# project to ProperDocs is this one line; CI runs the tests with both.
BUILDER ?= mkdocs
export HEALTHSITE_BUILDER := $(BUILDER)
ifeq ($(BUILDER),properdocs)
LOCK := requirements-properdocs.lock
VENV := .venv-properdocs
else
LOCK := requirements.lock
VENV := .venv
endif
BIN := $(VENV)/bin
# (Not STAMP: `make translations STAMP=page` is an editor's command.)
INSTALLED := $(VENV)/.installed-$(shell sha1sum $(LOCK) | cut -c1-12)

.PHONY: install serve serve-fast build test test-fast lint lock new-page linkcheck benchmark benchmark-quick \
	clean readability typecheck lighthouse translations mutation

# --require-hashes: every file pip installs must match a hash in the lock, so a
# file changed on the package index cannot enter a build. The lock pins pip
# itself, so there is no separate, unhashed upgrade of pip first.
# A venv whose Python runs is kept as it is: `python -m venv` has nothing to
# add to it, and refuses a .venv that is a symbolic link ("Unable to create
# directory"), as a git worktree's link to the main checkout's venv is.
$(INSTALLED): $(LOCK)
	$(BIN)/python -c '' 2>/dev/null || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	rm -f $(VENV)/.installed-*
	touch $(INSTALLED)

# Only create .venv from the lock (CI jobs that run one tool).
install: $(INSTALLED)

serve: $(INSTALLED)
	$(BIN)/$(BUILDER) serve -f mkdocs.yml --dev-addr 127.0.0.1:8000

# The editor's preview of a large library: on each save, only the saved page is
# rebuilt, with every check (CONTRIBUTING.md, "Previewing a large library").
serve-fast: $(INSTALLED)
	$(BIN)/$(BUILDER) serve --dirty -f mkdocs.yml --dev-addr 127.0.0.1:8000

build: $(INSTALLED)
	$(BIN)/$(BUILDER) build --strict -f mkdocs.yml --site-dir site

test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

# What to run while working (README, "Tests"): the same lint and types, then
# every test that builds no site, drives no browser and is not marked slow
# (tests/conftest.py chooses them). `make test` still runs everything.
test-fast: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest --fast

# Mutation testing (README, "Mutation testing"): mutmut makes one small change
# at a time ("mutant") to the modules pyproject.toml's [tool.mutmut] lists, runs
# the in-process tests that reach it, then prints each module's share of
# mutants a test caught. One mutant at a time per core, at most two: 12 to 40
# minutes on this shared 2-core machine. Results are kept in mutants/ (ignored
# by git); a second run only retries what changed. One module again:
#   make mutation MUTANTS="healthsite.content.findings*"
MUTMUT_ARGS ?= --max-children 2
mutation: $(INSTALLED)
	$(BIN)/mutmut run $(MUTMUT_ARGS) $(MUTANTS)
	$(BIN)/mutmut results --all true | $(BIN)/python -m scripts.mutation_scores

# mypy --strict over hooks.py, healthsite/, scripts/ and benchmarks/ (pyproject.toml).
typecheck: $(INSTALLED)
	$(BIN)/mypy

# Each page's Flesch-Kincaid grade and SMOG score; each Spanish page's INFLESZ and Fernández Huerta.
readability: $(INSTALLED)
	$(BIN)/python -m healthsite.checks.readability_report

lint: $(INSTALLED)
	$(BIN)/pre-commit run --all-files

# A new condition, treatment or guide page with its front matter (the build lists it; no nav edit):
#   make new-page TYPE=condition SLUG=fibromyalgia TITLE="Fibromyalgia" NAMES="FMS, fibromyalgia syndrome"
# Or the Spanish translation of a page, with its fingerprint filled in (CONTRIBUTING.md):
#   make new-page TRANSLATE=conditions/crps.md
new-page: $(INSTALLED)
ifdef TRANSLATE
	$(BIN)/python -m healthsite.translations start "$(TRANSLATE)"
else
	$(BIN)/python -m scripts.new_page --type "$(TYPE)" --slug "$(SLUG)" --title "$(TITLE)" \
		--names "$(NAMES)"
endif

# Every page's Spanish translation: current, out of date since a date, or missing.
# STAMP=docs/PATH.es.md marks that translation up to date with its English page.
translations: $(INSTALLED)
ifdef STAMP
	$(BIN)/python -m healthsite.translations stamp "$(STAMP)"
else
	$(BIN)/python -m healthsite.translations report
endif

# Every link of a fresh strict build, external ones included, checked by lychee
# (README, "Link checks and CI"). Recent good answers are reused from
# .cache/lychee/.lycheecache.
linkcheck: build
	$(BIN)/python -m healthsite.links --site-dir site --cache-dir .cache/lychee $(LINKCHECK_ARGS)

# Regenerate the locks after changing requirements.in (the ProperDocs lock
# keeps every pin of requirements.lock and adds ProperDocs). Each pin carries
# the hashes of its files on PyPI (--generate-hashes); PIP_CONFIG_FILE=/dev/null
# keeps a machine's own pip settings (a local wheel folder or index) out of them.
PIP_COMPILE = env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null \
		$(BIN)/pip-compile --quiet --strip-extras --no-header --allow-unsafe --generate-hashes \
		--no-emit-index-url --no-emit-find-links
# It needs pip-compile only, not an install of the lock it is about to replace:
# a linked venv's stamp is older than a worktree's lock, and an install would
# then change the venv every worktree shares (and fetch from the index).
lock: | $(BIN)/pip-compile
	$(PIP_COMPILE) -o requirements.lock requirements.in
	$(PIP_COMPILE) -o requirements-properdocs.lock requirements-properdocs.in

$(BIN)/pip-compile:
	$(MAKE) install

# Every figure of issue 12 at 10, 100 and 1,000 pages (benchmarks/README.md):
# full builds against Material's (3 runs each, alternating), the editor's wait
# under mkdocs serve, page sizes and a profile (benchmarks/build.py), then what
# a reader downloads and how fast search answers (benchmarks/reader.py).
# About 90 minutes on 2 cores; `make benchmark-quick` gives the same figures
# from one run of each build, two saves and two visits (about 40 minutes).
BENCHMARK_PAGES ?= 10 100 1000
BENCHMARK_ARGS ?= --pages $(BENCHMARK_PAGES) --runs 3 --profile
READER_ARGS ?= --pages $(BENCHMARK_PAGES)
benchmark: $(INSTALLED)
	$(BIN)/python benchmarks/build.py $(BENCHMARK_ARGS)
	$(BIN)/python -m benchmarks.reader $(READER_ARGS)

benchmark-quick: $(INSTALLED)
	$(MAKE) benchmark BENCHMARK_ARGS="--pages $(BENCHMARK_PAGES) --runs 1 --edits 2" \
		READER_ARGS="--pages $(BENCHMARK_PAGES) --visits 2"

# Lighthouse (mobile) on the home and CRPS pages of a mike-published copy, median
# of 3 (README, "Benchmarks"). npm installs lighthouse 12.2.3 into .cache/
# (ignored by git); reports go to .cache/lighthouse/reports/.
LIGHTHOUSE_DIR := .cache/lighthouse
LIGHTHOUSE := $(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse
LIGHTHOUSE_ARGS ?= --runs 3

$(LIGHTHOUSE):
	npm install --prefix $(LIGHTHOUSE_DIR) --no-audit --no-fund --loglevel=error lighthouse@12.2.3

lighthouse: $(INSTALLED) $(LIGHTHOUSE)
	$(BIN)/python -m benchmarks.lighthouse --lighthouse $(LIGHTHOUSE) \
		--out $(LIGHTHOUSE_DIR)/reports $(LIGHTHOUSE_ARGS)

clean:
	rm -rf site .pytest_cache
