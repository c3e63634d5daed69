# The project's vocabulary: make run, make test, make check, make messages, make vendor, make fonts, make css.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes (pytest-xdist): one per CPU core.
TEST_WORKERS ?= auto

.PHONY: help install run serve test check messages compilemessages vendor fonts css clean

help:
	@echo "make run       install, set up the local SQLite database, serve http://$(HOST):$(PORT)/ and run the mail worker"
	@echo "make test      install and run the whole test suite (DATABASE_URL picks the database)"
	@echo "make check     ruff, import contracts, Django's checks, missing migrations, German catalogue"
	@echo "make messages  update locale/de/LC_MESSAGES/django.po after changing strings"
	@echo "make vendor    refresh static/vendor/ from the npm packages pinned in package.json"
	@echo "make css       build static/css/bundle.css (run it after changing a stylesheet or a KERN class)"
	@echo "make fonts     subset KERN's Fira Sans by script into static/vendor/kern-ux/fonts/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

install: $(VENV)/.installed

compilemessages: install
	DJANGO_DEBUG=1 $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

run: install compilemessages
	# The cache table first: migrate marks the cached pages stale.
	DJANGO_DEBUG=1 $(MANAGE) createcachetable
	DJANGO_DEBUG=1 $(MANAGE) migrate --no-input -v 0
	DJANGO_DEBUG=1 $(MANAGE) load_initial_content
	DJANGO_DEBUG=1 $(MANAGE) create_local_admin
	@echo "Serving the Welcome-Center site at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "The mail worker runs beside it (e-mails appear in this console); Ctrl+C stops both."
	DJANGO_DEBUG=1 $(MANAGE) run_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  DJANGO_DEBUG=1 $(MANAGE) runserver $(HOST):$(PORT)

# Browser tests need Node's axe-core (node_modules/) and Debian's Chromium (/usr/bin/chromium).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

test: install compilemessages node_modules/.package-lock.json
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

check: install compilemessages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DJANGO_DEBUG=1 $(MANAGE) check
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	$(BIN)/python -m core.catalogue locale/de/LC_MESSAGES/django.po

messages: install
	DJANGO_DEBUG=1 $(MANAGE) makemessages -l de --no-obsolete --ignore=.venv --ignore=node_modules --ignore=static --ignore=var --ignore=tests

KERN := node_modules/@kern-ux/native
vendor: node_modules/.package-lock.json
	rm -rf static/vendor/kern-ux static/vendor/jquery-ui
	mkdir -p static/vendor/kern-ux/fonts
	cp $(KERN)/LICENSE.md static/vendor/kern-ux/LICENSE.md
	cp $(KERN)/dist/fonts/fira-sans/LICENSE* static/vendor/kern-ux/fonts/ 2>/dev/null || true
	$(MAKE) fonts css
	node -p "require('./$(KERN)/package.json').version" > static/vendor/kern-ux/VERSION

	# jQuery UI for modeltranslation's tabbed admin (JQUERY_UI_URL), instead of a CDN.
	mkdir -p static/vendor/jquery-ui
	cp node_modules/jquery-ui/dist/jquery-ui.min.js node_modules/jquery-ui/LICENSE.txt static/vendor/jquery-ui/

# One file per face and script, loaded only where a page shows that script (unicode-range);
# writes static/css/fonts.css too. fonttools comes with the test extras.
fonts: install node_modules/.package-lock.json
	$(BIN)/python tools/subset_fonts.py $(KERN)/dist/fonts/fira-sans

# KERN trimmed to the selectors that templates and code use (purgecss.config.cjs), then the one
# stylesheet the pages load (tools/build_css.py).
css: install node_modules/.package-lock.json
	node_modules/.bin/purgecss --config purgecss.config.cjs --output static/vendor/kern-ux/
	$(BIN)/python tools/build_css.py

clean:
	rm -rf $(VENV) node_modules staticfiles
