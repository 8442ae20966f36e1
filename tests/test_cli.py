"""The command line: formats, exit codes, one-line errors and no tracebacks."""

import json
import subprocess
import sys

import pytest

from review.cli import main
from tests.conftest import SAMPLES

SEED_003 = str(SAMPLES / "003_f5c4fd1a932a52c1.txt")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_shows_line_severity_message_and_quote(capsys):
    code, out, err = run(capsys, "check", SEED_003)
    assert code == 0 and err == ""
    assert "第77行" in out and "[高]" in out and "原文：2021年实际完成值90%，应得3分，实际得6分" in out


def test_json_contract(capsys):
    code, out, _ = run(capsys, "check", str(SAMPLES), "--format", "json")
    assert code == 0
    payload = json.loads(out)
    assert payload["tool"]["name"] and payload["tool"]["version"]
    assert len(payload["documents"]) == 5
    for doc in payload["documents"]:
        assert {"path", "sha256", "text", "status", "claims", "findings"} <= set(doc)
        assert doc["status"] in ("complete", "incomplete")
        for f in doc["findings"]:
            assert {
                "id",
                "check",
                "severity",
                "message",
                "start",
                "end",
                "quote",
                "stated",
                "computed",
                "trace",
            } <= set(f)
            assert f["check"] in {"sum", "ratio", "balance", "score", "count", "unit", "date", "consistency"}
            assert f["severity"] in {"high", "medium", "low"}
            assert doc["text"][f["start"] : f["end"]] == f["quote"]


def test_markdown_output(capsys):
    code, out, _ = run(capsys, "check", SEED_003, "--format", "markdown")
    assert code == 0 and out.startswith("## ") and "| # | 行 |" in out


@pytest.mark.parametrize(("level", "code"), [("high", 1), ("medium", 1), ("low", 1)])
def test_fail_on(capsys, level, code):
    assert run(capsys, "check", SEED_003, "--fail-on", level)[0] == code


def test_fail_on_not_met_on_a_clean_report(capsys):
    assert run(capsys, "check", str(SAMPLES / "001_4dbd7acae204347a.txt"), "--fail-on", "low")[0] == 0


def test_period_option_changes_date_findings(capsys):
    _, out, _ = run(capsys, "check", SEED_003, "--period", "2020", "--format", "json")
    dates = [f for f in json.loads(out)["documents"][0]["findings"] if f["check"] == "date"]
    assert dates and all("2021" in f["quote"] for f in dates)


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["check", "/no/such/report.txt"], "report.txt"),
        (["check", SEED_003, "--format", "xml"], "用法错误"),
        (["check", SEED_003, "--period", "twenty"], "用法错误"),
        (["check", SEED_003, "--extractor", "llm"], "REVIEW_LLM_BASE_URL"),
        (["check", SEED_003, "--rubric", "nope"], "未知的评分标准"),
        (["frobnicate"], "用法错误"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(capsys, argv, needle):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_bad_file_in_a_batch_is_listed_and_others_still_reviewed(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(
        (SAMPLES / "003_f5c4fd1a932a52c1.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 2 and "empty.txt" in err
    payload = json.loads(out)
    assert [d["path"].endswith("good.txt") for d in payload["documents"]] == [True]
    assert payload["errors"][0]["path"].endswith("empty.txt")


def test_python_dash_m_and_console_script_agree(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "review", "check", "/no/such.pdf"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "such.pdf" in proc.stderr


def test_the_working_paper_from_the_command_line_is_the_pages(tmp_path, capsys):
    """--format xlsx/csv give the exporter's columns (编号, 问题 …), every cell text."""
    from openpyxl import load_workbook

    from review.present.export import COLUMNS

    out = tmp_path / "复核.xlsx"
    seed = str(SAMPLES / "003_f5c4fd1a932a52c1.txt")
    assert main(["check", seed, str(SAMPLES / "000_695a98b4701d5873.txt"), "--format", "xlsx", "-o", str(out)]) == 0
    rows = list(load_workbook(out)["问题清单"].iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    reports = {r[COLUMNS.index("报告")] for r in rows[1:]}
    assert reports == {"003_f5c4fd1a932a52c1.txt", "000_695a98b4701d5873.txt"}
    messages = [r[COLUMNS.index("问题")] for r in rows[1:]]
    assert all(messages) and all(isinstance(r[0], str) for r in rows[1:])
    capsys.readouterr()
    assert main(["check", seed, "--format", "csv"]) == 0
    csv_text = capsys.readouterr().out
    assert csv_text.startswith("\ufeff序号,编号,问题,") and "F1," in csv_text
    assert main(["check", seed, "--format", "xlsx"]) == 2
    assert "--format xlsx 需要 --output" in capsys.readouterr().err


def test_resume_reviews_again_when_the_options_differ(tmp_path, capsys):
    db = str(tmp_path / "r.db")
    seed = str(SAMPLES / "002_5363f3001aea7dc8.txt")
    assert main(["check", seed, "--db", db, "--period", "2020", "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)["documents"][0]
    assert first["period"] == 2020
    assert main(["check", seed, "--resume", "--db", db, "--period", "2023", "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)["documents"][0]
    assert again["period"] == 2023 and again["findings"] != first["findings"]  # not the 2020 review
    assert main(["check", seed, "--resume", "--db", db, "--period", "2020", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"][0]["findings"] == first["findings"]


def test_help_and_refusals_are_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "用法：" in out and "eval" in out and "显示本帮助并退出" in out and "usage:" not in out
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "--fail-on" in out and "退出码为 1" in out and "--output" in out
    assert main(["check", "x.txt", "--bogus"]) == 2
    assert "无法识别的参数：--bogus" in capsys.readouterr().err
    assert main(["check", "x.txt", "--format", "pdf"]) == 2
    assert "无效的选项值" in capsys.readouterr().err
