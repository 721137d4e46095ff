# Two commands for a new machine: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Local commands run with debug on unless told otherwise; production sets DJANGO_DEBUG=0.
export DJANGO_DEBUG ?= 1
MANAGE := $(BIN)/python manage.py

.PHONY: run serve test test-browser lint format messages compilemessages lock clean

$(BIN)/activate: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $(BIN)/activate

venv: $(BIN)/activate

# .po files are committed; .mo files are built here with Babel so GNU gettext is not required.
compilemessages: $(BIN)/activate
	@for dir in locale posts/locale comments/locale wordpress/locale; do \
		for domain in django djangojs; do \
			if ls $$dir/*/LC_MESSAGES/$$domain.po >/dev/null 2>&1; then \
				$(BIN)/pybabel -q compile -d $$dir -D $$domain || exit 1; \
			fi; \
		done; \
	done

# Links, feeds, share buttons and e-mails point at the server actually running.
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(BIN)/activate compilemessages
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin at http://127.0.0.1:$(PORT)/admin/), SITE_URL=$$SITE_URL"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# As production runs it: nginx (deploy/nginx.conf) in front of APP_SERVERS gunicorns, debug
# off, anonymous pages from nginx's cache. Needs nginx (apt-get install nginx).
APP_SERVERS ?= 1
serve: $(BIN)/activate compilemessages
	$(BIN)/python deploy/serve.py --port $(PORT) --app-servers $(APP_SERVERS)

test: $(BIN)/activate compilemessages
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(BIN)/activate
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(MANAGE) makemigrations --check --dry-run

format: $(BIN)/activate
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# Extract strings into the catalogues (needs GNU gettext, a developer tool only).
messages: $(BIN)/activate
	cd posts && ../$(BIN)/python ../manage.py makemessages -l it -l en --no-obsolete
	cd comments && ../$(BIN)/python ../manage.py makemessages -l it -l en --no-obsolete
	cd wordpress && ../$(BIN)/python ../manage.py makemessages -l it -l en --no-obsolete
	$(MANAGE) makemessages -l it -l en --no-obsolete --ignore='posts/[a-z_]*' --ignore='comments/[a-z_]*' --ignore='wordpress/[a-z_]*' --ignore=.venv --ignore=node_modules --ignore=staticfiles
	$(MANAGE) makemessages -d djangojs -l it -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=staticfiles

lock:
	rm -rf /tmp/blogsite-lock && $(PYTHON) -m venv /tmp/blogsite-lock
	/tmp/blogsite-lock/bin/pip install --quiet ".[dev]"
	{ echo '# Exact versions installed by `make`; regenerate with `make lock` after changing pyproject.toml.'; \
	  /tmp/blogsite-lock/bin/pip freeze --exclude-editable | grep -v '^blogsite'; } > requirements.lock

clean:
	rm -rf $(VENV) staticfiles
