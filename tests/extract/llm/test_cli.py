"""The command line on the model path: hybrid by default once a model is configured, a progress bar
and a ledger line on stderr, --replay from the cache, and errors that say how to fix them."""

from __future__ import annotations

import json

import pytest

from review.cli import main
from tests.llm_server import ScriptedServer, chat, num, relations

TEXT = (
    "2022年预算收入 3167.20万元，其中：一般公共预算收入1794.96万元，政府性基金收入1372.23 万元。\n"
    "项目总投资500万元，已完成投资320万元，投资完成进度为70%。\n"
)
REPLY = relations(
    {
        "kind": "ratio",
        "rate": num("投资完成进度为70%", 70),
        "numerator": num("已完成投资320万元", 320),
        "denominator": num("项目总投资500万元", 500),
    }
)


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def srv(monkeypatch):
    with ScriptedServer() as server:
        monkeypatch.setenv("REVIEW_LLM_BASE_URL", server.base_url)
        monkeypatch.setenv("REVIEW_LLM_MODEL", "scripted")
        monkeypatch.setenv("REVIEW_LLM_OUTPUT", "json_object")
        yield server


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_llm_without_configuration_says_how_to_fix(capsys, report):
    code, out, err = run(capsys, "check", str(report), "--extractor", "llm")
    assert code == 2 and out == ""
    assert "REVIEW_LLM_BASE_URL" in err and "REVIEW_LLM=local" in err and err.count("\n") == 1


def test_bad_setting_is_a_usage_error(capsys, report, monkeypatch):
    monkeypatch.setenv("REVIEW_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("REVIEW_LLM_CONCURRENCY", "many")
    code, _, err = run(capsys, "check", str(report))
    assert code == 2 and "REVIEW_LLM_CONCURRENCY" in err


def test_default_is_rules_without_a_model(capsys, report):
    code, out, _ = run(capsys, "check", str(report), "--format", "json")
    assert code == 0 and json.loads(out)["documents"][0]["extractor"] == "rules"


def test_hybrid_is_the_default_with_a_model(capsys, report, srv):
    srv.enqueue(chat(REPLY, tokens_in=700, tokens_out=90))
    code, out, err = run(capsys, "check", str(report), "--format", "json")
    doc = json.loads(out)["documents"][0]
    assert code == 0 and doc["extractor"] == "hybrid" and doc["status"] == "complete"
    assert any(f["check"] == "ratio" and f["quote"].endswith("70%") for f in doc["findings"])
    assert "模型抽取 report.txt" in err and "1/1" in err
    assert "请求 1 次" in err and "tokens 输入 700、输出 90" in err
    assert len(srv.requests) == 1


def test_repeat_and_replay_send_nothing(capsys, report, srv):
    srv.enqueue(chat(REPLY))
    first = run(capsys, "check", str(report), "--format", "json")
    second = run(capsys, "check", str(report), "--format", "json")
    third = run(capsys, "check", str(report), "--format", "json", "--replay")
    assert len(srv.requests) == 1
    assert first[1] == second[1] == third[1]
    assert "请求 0 次，缓存命中 1 次" in second[2] and "请求 0 次，缓存命中 1 次" in third[2]


def test_replay_miss_fails_clearly(capsys, report, srv, tmp_path):
    srv.enqueue(chat(REPLY))
    run(capsys, "check", str(report))
    other = tmp_path / "other.txt"
    other.write_text(TEXT + "新增一句。\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(other), "--replay")
    assert code == 2 and "--replay" in err and "缓存" in err
    assert len(srv.requests) == 1


def test_replay_with_rules_is_a_usage_error(capsys, report):
    code, _, err = run(capsys, "check", str(report), "--replay")
    assert code == 2 and "--replay" in err
