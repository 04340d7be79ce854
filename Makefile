# The two commands of the README: `make demo` (set up, build the example graph on the local server)
# and `make test` (set up with the test tools, run the whole suite). Both work as root or via sudo.
PYTHON ?= python3
VENV ?= .venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PIP := $(VENV)/bin/pip

.PHONY: demo test system-deps lint clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(VENV)/bin/kg build examples/ -o out/

# Headless Chromium and a CJK font for the viewer's browser tests, a Java runtime for the
# HermiT reasoner the ontology test runs, Node.js for graphology, xmllint for the GEXF and GraphML
# schemas (Debian/Ubuntu packages).
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	ls /usr/share/fonts/truetype/wqy >/dev/null 2>&1 || missing="$$missing fonts-wqy-microhei"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v xmllint >/dev/null 2>&1 || missing="$$missing libxml2-utils"; \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# graphology's GEXF and GraphML readers: the second reader of the network exports' test.
tests/js/node_modules/.installed: tests/js/package.json tests/js/package-lock.json
	cd tests/js && npm ci --silent --no-audit --no-fund
	touch $@

test: system-deps $(VENV)/.installed-test tests/js/node_modules/.installed
	$(VENV)/bin/python -m pytest

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check kg tests bench
	$(VENV)/bin/ruff format --check kg tests bench
	$(VENV)/bin/mypy

clean:
	rm -rf out/ .pytest_cache .mypy_cache .ruff_cache
