# Pelican's usual targets (html, serve, devserver, publish, clean) plus the archive's own
# (import, check, eval, bench, test). Every target sets up .venv on first use.

PY ?= python3
VENV ?= .venv
PYTHON := $(VENV)/bin/python
PELICAN := $(VENV)/bin/pelican
PELICANOPTS ?=

BASEDIR := $(CURDIR)
INPUTDIR := $(BASEDIR)/content
OUTPUTDIR := $(BASEDIR)/output
CONFFILE := $(BASEDIR)/pelicanconf.py
PUBLISHCONF := $(BASEDIR)/publishconf.py
SEEDSDIR := $(BASEDIR)/seeds

HOST ?= 127.0.0.1
PORT ?= 8000
N ?= 1000
# `make html` reuses what the Markdown reader produced for unchanged articles (keyed on mtime)
# and, with the cache on, renders only the pages an edit can change (incremental builds:
# docs/architecture.md); `make clean html` forces a full build. Only this target (and
# devserver) uses the cache, so test builds never share or race on the cache file.
# (Pelican keeps only the last -e group: a PELICANOPTS with -e turns the cache off.)
CACHEDIR := $(BASEDIR)/cache
CACHEOPTS ?= --cache-path $(CACHEDIR) -e CACHE_CONTENT=true LOAD_CONTENT_CACHE=true

RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: help html import check eval serve devserver publish siteurl clean test lint chromium bench screenshots

help:
	@echo 'make html        set up .venv, import new seeds, build output/ with its search index'
	@echo 'make serve       serve output/ on http://$(HOST):$(PORT)/'
	@echo 'make devserver   rebuild on every change and serve on http://$(HOST):$(PORT)/'
	@echo 'make publish SITEURL=https://...  build the published site into output/, with'
	@echo '                 SITEURL the public address of the site (required; publishconf.py)'
	@echo 'make import      import every raw seed that has no article yet'
	@echo 'make check       validate articles and data files'
	@echo 'make eval        score the importer on ../shared/corpus and ../shared/devcorpus (leave-site-out)'
	@echo 'make test        the whole test suite (installs Chromium when missing)'
	@echo 'make bench N=..  benchmarks against bare Pelican'
	@echo 'make screenshots home, article and tag pages of output/ (desktop and phone) into screenshots/'
	@echo 'make clean       remove output/'

$(RUNTIME_STAMP): pyproject.toml constraints.txt
	test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $@

$(DEV_STAMP): $(RUNTIME_STAMP)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $@

import: $(RUNTIME_STAMP)
	$(PYTHON) -m tools import --new-only $(SEEDSDIR)

html: import check
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) --fatal warnings $(CACHEOPTS) $(PELICANOPTS)

check: $(RUNTIME_STAMP)
	$(PYTHON) -m tools check

eval: $(RUNTIME_STAMP)
	$(PYTHON) -m tools eval

# tools/serve.py: the site's 404 page for unknown addresses, UTF-8 text (raw seeds), Pagefind's
# types; what docs/search.md asks of a web server.
serve: $(RUNTIME_STAMP)
	$(PYTHON) -m tools.serve --host $(HOST) --port $(PORT) --output $(OUTPUTDIR)

# tools/devserver.py: like `pelican --autoreload --listen`, but also rebuilds when tools/data
# (vocabulary, site profiles) or the plugin change, and runs `check` before each build.
devserver: import
	$(PYTHON) -m tools.devserver --host $(HOST) --port $(PORT) --content $(INPUTDIR) --output $(OUTPUTDIR) --settings $(CONFFILE)

# SITEURL (the public address, no default) reaches publishconf.py through the environment;
# siteurl refuses before anything is imported or built when it is missing.
export SITEURL
publish: siteurl import check
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) --fatal warnings $(PELICANOPTS)

siteurl: $(RUNTIME_STAMP)
	@$(PYTHON) -c 'import runpy; runpy.run_path("$(PUBLISHCONF)")' >/dev/null

clean:
	rm -rf $(OUTPUTDIR) $(CACHEDIR)

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "make test needs Debian's chromium: run 'sudo apt-get install chromium' and try again" >&2; \
	    exit 1; \
	  fi; }

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .

test: $(DEV_STAMP) chromium lint
	$(PYTHON) -m pytest

bench: $(DEV_STAMP) chromium
	$(PYTHON) -m bench --n $(N)

screenshots: html $(DEV_STAMP) chromium
	$(PYTHON) tests/screenshots.py $(OUTPUTDIR) $(BASEDIR)/screenshots
