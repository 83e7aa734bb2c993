# Two commands on a fresh machine with Python 3.11 and make:
#   make book   -> .venv, install, build the HTML into _build/html (every notebook executed)
#   make test   -> .venv, install (with test tools), run the whole test suite
#   make lab    -> JupyterLab on the chapters (the live panels), as in Binder
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# the numbered figures, exported as Run All exports them (python -m lib.chapter), for make lab
FIGURES := $(VENV)/.figures-exported

.PHONY: book test setup clean lint bench release lab notebook readme

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt requirements-model.txt \
          requirements-front.txt pyproject.toml
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build --all -W -n --keep-going .

test: $(STAMP)
	$(BIN)/python -m pytest

# The chapters' numbered figures (_static/figures), so that a chapter opened in JupyterLab shows
# them before it runs, as in Binder (binder/postBuild); again when lib changes.
$(FIGURES): $(STAMP) $(wildcard lib/*.py lib/*/*.py)
	$(BIN)/python -m lib.chapter
	touch $(FIGURES)

# JupyterLab (or Notebook 7) in the project's virtualenv, as Binder serves it (local only:
# 127.0.0.1), with Binder's setting overrides (binder/jupyter/labconfig: slider arrow keys).
lab: $(STAMP) $(FIGURES)
	JUPYTER_CONFIG_PATH=$(CURDIR)/binder/jupyter $(BIN)/jupyter-lab --ServerApp.ip=127.0.0.1 \
	    chapters/baldwin_okubo.ipynb

notebook: $(STAMP) $(FIGURES)
	JUPYTER_CONFIG_PATH=$(CURDIR)/binder/jupyter $(BIN)/jupyter-notebook --ServerApp.ip=127.0.0.1 \
	    chapters/baldwin_okubo.ipynb

# README.md's table of chapters, generated from the papers' declarations (lib/readme.py)
readme: $(STAMP)
	$(BIN)/python -m lib.readme

lint: $(STAMP)
	$(BIN)/ruff check lib tests benchmarks _ext

bench: $(STAMP)
	for f in benchmarks/*.py; do $(BIN)/python $$f || exit 1; done

# make release VERSION=x.y.z [DRY_RUN=1]: changelog, version files, commit, tag (lib/release.py)
release: $(STAMP)
	@test -n "$(VERSION)" || { echo "usage: make release VERSION=x.y.z [DRY_RUN=1]"; exit 2; }
	$(BIN)/python -m lib.release $(VERSION) $(if $(DRY_RUN),--dry-run)

clean:
	rm -rf _build _static/figures $(FIGURES)
