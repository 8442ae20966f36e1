"""`review llm check`: one tiny request per structured-output mode to a scripted OpenAI-compatible server —
which modes give JSON, the time and tokens of each — and one line, exit 2, for a wrong key, an unreachable
host or a model the endpoint does not know."""

from __future__ import annotations

import socket

import pytest

from review.cli import main
from tests.llm_server import ScriptedServer, chat, error

OK = '{"ok": true}'


@pytest.fixture
def srv(monkeypatch):
    with ScriptedServer() as server:
        monkeypatch.setenv("REVIEW_LLM_BASE_URL", server.base_url)
        monkeypatch.setenv("REVIEW_LLM_MODEL", "scripted")
        monkeypatch.setenv("REVIEW_LLM_RETRIES", "0")
        yield server


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_mode_is_tried_and_the_first_that_gives_json_is_advised(srv, capsys):
    srv.enqueue(chat(OK, tokens_in=31, tokens_out=5), chat(OK), chat(OK), chat(OK))
    code, out, err = run(capsys, "llm", "check")
    assert code == 0 and err == ""
    assert srv.modes() == ["json_schema", "json_object_schema", "json_object", "none"]
    assert "json_schema" in out and "输入 31 / 输出 5 tokens" in out
    assert "建议：REVIEW_LLM_OUTPUT=json_schema" in out


def test_a_json_mode_only_endpoint_is_advised_json_object(srv, capsys):
    """A hosted endpoint that rejects json_schema and schema-in-json_object (400 naming response_format)."""
    rejected = error(400, "response_format json_schema is not supported")
    srv.enqueue(rejected, rejected, chat(OK), chat("好的：" + OK))
    code, out, _ = run(capsys, "llm", "check")
    assert code == 0
    lines = {ln.split()[0]: ln for ln in out.splitlines()[1:-1]}
    assert "不可用" in lines["json_schema"] and "不可用" in lines["json_object_schema"]
    assert "可用" in lines["json_object"] and "不可用" in lines["none"]  # prose around the JSON is not JSON
    assert "建议：REVIEW_LLM_OUTPUT=json_object" in out


def test_no_mode_giving_json_exits_1(srv, capsys):
    srv.enqueue(chat("ok"), chat("ok"), chat("ok"), chat("ok"))
    code, out, _ = run(capsys, "llm", "check")
    assert code == 1 and "没有一种输出方式得到 JSON" in out


@pytest.mark.parametrize(
    ("scripted", "says"),
    [
        (error(401, "invalid api key"), "REVIEW_LLM_API_KEY"),
        (error(404, "model 'scripted' does not exist"), "REVIEW_LLM_MODEL=scripted"),
    ],
)
def test_a_wrong_key_or_an_unknown_model_is_one_line_and_exit_2(srv, capsys, scripted, says):
    srv.enqueue(scripted)
    code, out, err = run(capsys, "llm", "check")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and says in err
    assert "Traceback" not in err and len(srv.requests) == 1  # the endpoint's fault ends the check


def test_an_unreachable_host_is_one_line_and_exit_2(monkeypatch, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    monkeypatch.setenv("REVIEW_LLM_BASE_URL", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setenv("REVIEW_LLM_MODEL", "m")
    monkeypatch.setenv("REVIEW_LLM_RETRIES", "0")
    code, out, err = run(capsys, "llm", "check")
    assert code == 2 and out == "" and "无法连接模型端点" in err and len(err.strip().splitlines()) == 1


def test_no_model_configured_says_how_to_set_one(monkeypatch, capsys):
    for name in ("REVIEW_LLM_BASE_URL", "REVIEW_LLM_MODEL", "REVIEW_LLM"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = run(capsys, "llm", "check")
    assert code == 2 and "语言模型未配置" in err


def test_a_server_error_after_a_mode_worked_is_reported_for_that_mode(srv, capsys):
    srv.enqueue(chat(OK), error(500, "internal error"), chat(OK), chat(OK))
    code, out, _ = run(capsys, "llm", "check")
    lines = {ln.split()[0]: ln for ln in out.splitlines()[1:-1]}
    assert code == 0 and "HTTP 500" in lines["json_object_schema"] and "建议：REVIEW_LLM_OUTPUT=json_schema" in out
