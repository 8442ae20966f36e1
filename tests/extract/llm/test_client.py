"""The real openai client over HTTP against a scripted server on 127.0.0.1: structured-output modes
and the fallback between them, transport faults and retries, request and token counts."""

from __future__ import annotations

import socket

import pytest

from review.extract.llm.client import OpenAIChatClient, TransportFailure
from review.extract.llm.settings import load_settings
from tests.llm_server import Scripted, ScriptedServer, chat, error

SCHEMA = {"type": "object", "properties": {"relations": {"type": "array"}}, "required": ["relations"]}
MESSAGES = [{"role": "user", "content": "<text>\n收入合计100万元\n</text>"}]
LLAMA_CPP_REJECTS_JSON_SCHEMA = (
    "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
    "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}"
)


def client_for(srv: ScriptedServer, waits: list[float] | None = None, **env: str) -> OpenAIChatClient:
    settings = load_settings({"REVIEW_HOME": "/nonexistent", **env})
    sleeps = waits if waits is not None else []
    return OpenAIChatClient(settings, base_url=srv.base_url, model="scripted", sleep=sleeps.append)


@pytest.fixture
def srv():
    with ScriptedServer() as server:
        yield server


def test_json_schema_mode_sends_the_schema(srv):
    srv.enqueue(chat('{"relations": []}', tokens_in=120, tokens_out=7))
    reply = client_for(srv).complete(MESSAGES, SCHEMA, "json_schema")
    assert (reply.text, reply.tokens_in, reply.tokens_out, reply.requests, reply.mode) == (
        '{"relations": []}',
        120,
        7,
        1,
        "json_schema",
    )
    sent = srv.requests[0]
    assert sent["response_format"]["json_schema"]["schema"] == SCHEMA
    assert sent["temperature"] == 0 and sent["max_tokens"] == 1500 and sent["model"] == "scripted"


def test_json_object_schema_mode_is_llama_cpp_style(srv):
    srv.enqueue(chat("{}"))
    client_for(srv).complete(MESSAGES, SCHEMA, "json_object_schema")
    assert srv.requests[0]["response_format"] == {"type": "json_object", "schema": SCHEMA}


def test_plain_json_object_mode(srv):
    srv.enqueue(chat("{}"))
    client_for(srv).complete(MESSAGES, SCHEMA, "json_object")
    assert srv.requests[0]["response_format"] == {"type": "json_object"}


def test_auto_falls_back_from_json_schema_and_remembers(srv):
    """llama-cpp-python's server answers json_schema with HTTP 500 naming response_format."""
    srv.enqueue(error(500, LLAMA_CPP_REJECTS_JSON_SCHEMA), chat("{}", tokens_in=50, tokens_out=2), chat("{}"))
    client = client_for(srv)
    first = client.complete(MESSAGES, SCHEMA, "auto")
    assert (first.mode, first.requests, first.tokens_in) == ("json_object_schema", 2, 50)
    second = client.complete(MESSAGES, SCHEMA, "auto")
    assert (second.mode, second.requests) == ("json_object_schema", 1)
    assert srv.modes() == ["json_schema", "json_object_schema", "json_object_schema"]
    assert client.learned_mode == "json_object_schema"


def test_auto_falls_back_to_plain_json_object(srv):
    srv.enqueue(
        error(400, "response_format type json_schema is not supported"),
        error(400, "unknown field 'schema' in response_format"),
        chat("{}"),
    )
    reply = client_for(srv).complete(MESSAGES, SCHEMA, "auto")
    assert (reply.mode, reply.requests) == ("json_object", 3)
    assert srv.modes() == ["json_schema", "json_object_schema", "json_object"]


def test_explicit_mode_rejected_says_how_to_fix(srv):
    srv.enqueue(error(500, LLAMA_CPP_REJECTS_JSON_SCHEMA))
    with pytest.raises(TransportFailure) as info:
        client_for(srv).complete(MESSAGES, SCHEMA, "json_schema")
    assert "REVIEW_LLM_OUTPUT=auto" in str(info.value)
    assert info.value.requests == 1 and len(srv.requests) == 1


def test_429_honours_retry_after(srv):
    waits: list[float] = []
    srv.enqueue(
        error(429, "slow down", {"Retry-After": "7"}), error(429, "slow down", {"retry-after-ms": "250"}), chat("{}")
    )
    reply = client_for(srv, waits).complete(MESSAGES, SCHEMA, "json_object")
    assert waits == [7.0, 0.25]
    assert reply.requests == 3 and len(srv.requests) == 3


def test_retry_after_is_capped(srv):
    waits: list[float] = []
    srv.enqueue(error(429, "later", {"Retry-After": "3600"}), chat("{}"))
    client_for(srv, waits).complete(MESSAGES, SCHEMA, "json_object")
    assert waits == [60.0]


def test_500_is_retried_with_backoff(srv):
    waits: list[float] = []
    srv.enqueue(error(500, "boom"), error(503, "busy"), chat("{}", tokens_in=9, tokens_out=1))
    reply = client_for(srv, waits, REVIEW_LLM_BACKOFF="0.5").complete(MESSAGES, SCHEMA, "json_object")
    assert waits == [0.5, 1.0]
    assert (reply.requests, reply.tokens_in, reply.tokens_out) == (3, 9, 1)


def test_500_forever_gives_up_after_bounded_attempts(srv):
    srv.enqueue(*[error(500, "boom")] * 10)
    with pytest.raises(TransportFailure) as info:
        client_for(srv, REVIEW_LLM_RETRIES="2").complete(MESSAGES, SCHEMA, "json_object")
    assert info.value.requests == 3 and len(srv.requests) == 3
    assert "HTTP 500" in str(info.value) and "3 次" in str(info.value)


def test_timeout_is_retried_then_reported(srv):
    srv.enqueue(Scripted(body={}, delay=1.5), chat("{}"))
    reply = client_for(srv, REVIEW_LLM_TIMEOUT="0.4").complete(MESSAGES, SCHEMA, "json_object")
    assert reply.requests == 2 and reply.text == "{}"
    srv.enqueue(Scripted(body={}, delay=1.5), Scripted(body={}, delay=1.5))
    with pytest.raises(TransportFailure) as info:
        client_for(srv, REVIEW_LLM_TIMEOUT="0.4", REVIEW_LLM_RETRIES="1").complete(MESSAGES, SCHEMA, "json_object")
    assert "超时" in str(info.value) and "REVIEW_LLM_TIMEOUT" in str(info.value)
    assert info.value.requests == 2


def test_connection_refused_says_check_the_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = load_settings({"REVIEW_HOME": "/nonexistent", "REVIEW_LLM_RETRIES": "1"})
    client = OpenAIChatClient(settings, base_url=f"http://127.0.0.1:{port}/v1", model="m", sleep=lambda _: None)
    with pytest.raises(TransportFailure) as info:
        client.complete(MESSAGES, SCHEMA, "json_object")
    assert "REVIEW_LLM_BASE_URL" in str(info.value) and info.value.requests == 2


def test_401_is_not_retried_and_names_the_key(srv):
    srv.enqueue(error(401, "invalid api key"), chat("{}"))
    with pytest.raises(TransportFailure) as info:
        client_for(srv).complete(MESSAGES, SCHEMA, "json_object")
    assert "REVIEW_LLM_API_KEY" in str(info.value) and len(srv.requests) == 1


def test_api_key_is_sent(srv):
    srv.enqueue(chat("{}"))
    settings = load_settings({"REVIEW_HOME": "/nonexistent", "REVIEW_LLM_API_KEY": "sk-test-123"})
    OpenAIChatClient(settings, base_url=srv.base_url, model="m").complete(MESSAGES, SCHEMA, "json_object")
    assert len(srv.requests) == 1  # the header is checked by servers; here the request went through


def test_none_mode_sends_no_response_format(srv):
    """No response_format at all: JSON asked for by the prompt only, validated client-side."""
    srv.enqueue(chat("{}"))
    client_for(srv).complete(MESSAGES, SCHEMA, "none")
    assert "response_format" not in srv.requests[0] and srv.modes() == ["none"]
