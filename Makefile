# newsgraph — two commands do all set-up on a fresh machine:
#   make demo   set up, ingest the demo corpus, serve the UI on http://127.0.0.1:8000
#   make test   set up (Chromium included) and run every test, browser tests too

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= newsgraph.db
PORT   ?= 8000
SEEDS  := ../shared/corpus/seeds
CORPUS ?= $(if $(wildcard $(SEEDS)/*),$(SEEDS),examples)
CHROMIUM := /usr/bin/chromium

DEBIAN_PACKAGES := wordnet-base

.PHONY: demo test install lint chromium debian bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# Browser-side packages from npm, served by the app (never a CDN), in one install (npm's
# --no-save prunes what a later install does not name): the offline basemap for /map,
# Natural Earth country shapes (public domain; package ISC), and the network page's graph
# drawing, cytoscape.js (MIT). Rerun when this list changes.
NPM_PACKAGES := world-atlas@2.0.2 cytoscape@3.34.4
NPM_STAMP := $(VENV)/npm/.installed

$(NPM_STAMP): Makefile $(STAMP)
	@if command -v npm >/dev/null 2>&1; then \
		npm install --no-save --no-audit --no-fund --prefix $(VENV)/npm $(NPM_PACKAGES) >/dev/null && touch $(NPM_STAMP); \
	else \
		echo "npm not found: the map will draw points on a plain graticule (no country shapes), the network page its server-side SVG"; \
	fi

install: $(STAMP) $(NPM_STAMP) debian

# WordNet's data (Debian's wordnet-base, read from /usr/share/wordnet) gives spin links
# their synonym evidence; without it spins are still found, with weaker evidence.
debian:
	@if ! dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1; then \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		($$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEBIAN_PACKAGES) >/dev/null) \
		|| echo "could not install $(DEBIAN_PACKAGES): spin links will lack WordNet synonym evidence"; \
	fi

demo: install
	$(BIN)/newsgraph ingest $(CORPUS) --db $(DB)
	$(BIN)/newsgraph serve --db $(DB) --port $(PORT)

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "installing Debian's chromium for the browser tests"; \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

lint: install
	$(BIN)/ruff check newsgraph tests

test: install chromium lint
	$(BIN)/python -m pytest -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

bench: install
	$(BIN)/newsgraph bench throughput
	$(BIN)/newsgraph bench extract

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm tests/artifacts
