"""Hard inputs through the whole tool (CLI in a subprocess): a clear one-line error with exit 2
or a correct review; never a traceback, never unbounded memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
MEMORY_CEILING_MB = 1500

# VmHWM is this process image's own peak; ru_maxrss would include the forking parent's size.
MEASURE = """
import re, runpy, sys
sys.argv = ["review"] + sys.argv[1:]
try:
    runpy.run_module("review", run_name="__main__")
except SystemExit as exc:
    status = open("/proc/self/status", encoding="ascii").read()
    peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) // 1024
    print(f"PEAK_MB={peak}", file=sys.stderr)
    raise
"""


def review_cli(*args: str, timeout: int = 600) -> tuple[int, str, str, int]:
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )
    lines = [ln for ln in proc.stderr.splitlines() if not ln.startswith("PEAK_MB=")]
    peak = next(int(ln.split("=")[1]) for ln in proc.stderr.splitlines() if ln.startswith("PEAK_MB="))
    return proc.returncode, proc.stdout, "\n".join(lines), peak


def assert_clean_error(code: int, err: str, name: str) -> None:
    assert code == 2
    assert "Traceback" not in err and err.count("\n") == 0 and name in err


def test_fifty_megabyte_text_is_refused_quickly_and_cheaply(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        chunk = (SAMPLES / "003_f5c4fd1a932a52c1.txt").read_bytes()
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    code, _, err, peak = review_cli("check", str(big))
    assert_clean_error(code, err, "big.txt")
    assert peak < 300


@pytest.mark.slow  # ~10 s of CPU
def test_single_five_megabyte_line_is_reviewed_with_bounded_memory(tmp_path):
    line = (SAMPLES / "000_695a98b4701d5873.txt").read_text(encoding="utf-8").replace("\n", "")
    path = tmp_path / "oneline.txt"
    path.write_text((line * (5_000_000 // len(line) + 1))[:5_000_000], encoding="utf-8")
    code, out, err, peak = review_cli("check", str(path), "--format", "json")
    assert code == 0, err
    doc = json.loads(out)["documents"][0]
    assert doc["findings"] and all(doc["text"][f["start"] : f["end"]] == f["quote"] for f in doc["findings"])
    assert peak < MEMORY_CEILING_MB


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("surrogates.txt", "预算执行率56%".encode() + b"\xed\xa0\x80" + "本年无结转结余。".encode()),
        (
            "html.txt",
            (
                "<script>alert(1)</script><img src=x onerror=alert(2)>\n收入合计100万元，其中：甲50万元，乙40万元。\n"
            ).encode(),
        ),
        ("utf16.txt", "\ufeff收入合计100万元，其中：甲60万元，乙40万元。".encode("utf-16-le")),
        ("gbk.txt", "收入合计100万元，其中：甲60万元，乙40万元。".encode("gbk")),
    ],
)
def test_odd_text_is_reviewed_or_refused_cleanly(tmp_path, name, payload):
    path = tmp_path / name
    path.write_bytes(payload)
    code, out, err, _ = review_cli("check", str(path), "--format", "json")
    assert "Traceback" not in err
    if code == 2:
        assert_clean_error(code, err, name)
        return
    doc = json.loads(out)["documents"][0]
    assert all(doc["text"][f["start"] : f["end"]] == f["quote"] for f in doc["findings"])
    if name == "html.txt":
        assert "<script>" in doc["text"] and [f["check"] for f in doc["findings"]] == ["sum"]


def test_deeply_nested_word_tables(tmp_path):
    from docx import Document as Word

    word = Word()
    cell = word.add_table(rows=1, cols=1).cell(0, 0)
    for depth in range(12):
        cell.paragraphs[0].text = f"第{depth}层 收入合计100万元，其中：甲60万元，乙40万元。"
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    path = tmp_path / "nested.docx"
    word.save(str(path))
    code, out, err, peak = review_cli("check", str(path), "--format", "json")
    assert code == 0, err
    assert peak < MEMORY_CEILING_MB
    assert json.loads(out)["documents"][0]["status"] == "complete"
