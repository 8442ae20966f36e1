# 绩效复核 — everything a fresh machine needs goes through these targets.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
DEBS   := libreoffice-writer fonts-noto-cjk chromium

.PHONY: install system-deps run test lint eval bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages used by the tests (LibreOffice turns .docx into .pdf with CJK fonts).
system-deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else echo "make: please install as root:$$missing"; exit 1; fi; \
	fi

run: install
	$(VENV)/bin/streamlit run app.py --server.address 127.0.0.1 --server.headless true

test: install system-deps
	$(PY) -m pytest -q
	$(VENV)/bin/ruff check review tests
	$(VENV)/bin/lint-imports

lint: install
	$(VENV)/bin/ruff check review tests
	$(VENV)/bin/ruff format --check review tests

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
