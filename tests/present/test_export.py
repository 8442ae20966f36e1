"""Exports: .xlsx rows and summary with text cells forced, .csv with BOM, .json in the contract."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from review.core.claims import Claims
from review.core.document import Document
from review.core.findings import Finding, Value
from review.load.loader import load
from review.pipeline import Review, review_document
from review.present.export import COLUMNS, PAGE_COLUMNS, export_name, finding_rows, to_csv, to_json_export, to_xlsx
from review.review_key import ReviewOptions
from review.store.reviews import Decision, Store
from tests.conftest import SAMPLES

NAME = "000_695a98b4701d5873.txt"


@pytest.fixture(scope="module")
def review() -> Review:
    return review_document(load(SAMPLES / NAME))


def decided(review: Review, tmp_path: Path) -> dict[str, Decision]:
    store = Store(tmp_path / "r.db")
    rid = store.save_review(review, name=NAME, options=ReviewOptions(tool_version="test"))
    store.add_decision(rid, "F1", "confirmed", "张三", "执行率应为62.91%")
    store.add_decision(rid, "F2", "dismissed", "李四", "分档只列了部分项目")
    return store.latest(rid)


def test_xlsx_has_one_row_per_finding_and_a_summary(review: Review, tmp_path: Path) -> None:
    latest = decided(review, tmp_path)
    data = to_xlsx(review, NAME, latest, rubric="报告自带分值（测试）", exported_at=datetime(2024, 1, 2, tzinfo=UTC))
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["问题清单", "汇总"]
    ws = wb["问题清单"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert len(rows) == 1 + len(review.findings)
    by_id = {f.id: f for f in review.findings}
    for n, row in enumerate(rows[1:], 1):
        cells = dict(zip(COLUMNS, row, strict=True))
        f = by_id[f"F{n}"]
        assert cells["序号"] == str(n) and cells["报告"] == NAME and cells["原文摘录"] == f.quote
        assert cells["编号"] == f.id and cells["问题"] == f.message and cells["指纹"] == f.fingerprint
        assert cells["计算过程"] == f.trace and cells["位置"].startswith("第")
        assert cells["严重程度"] in {"高", "中", "低"}
    first, second, third = (dict(zip(COLUMNS, r, strict=True)) for r in rows[1:4])
    assert (first["审核结论"], first["审核人"], first["审核意见"]) == ("确认", "张三", "执行率应为62.91%")
    assert first["报告值"].startswith("56%") and first["复核值"] == "62.9082%"
    assert first["审核时间"] and first["问题类型"] == "比率（ratio）"
    assert (second["审核结论"], second["审核人"]) == ("驳回", "李四")
    assert (third["审核结论"], third["审核人"], third["审核时间"]) == ("未审核", None, None)
    summary = {r[0]: r[1] for r in wb["汇总"].iter_rows(values_only=True)}
    assert summary["报告"] == NAME and summary["问题总数"] == str(len(review.findings))
    assert summary["审核结论：确认"] == "1" and summary["审核结论：驳回"] == "1"
    assert summary["审核结论：未审核"] == str(len(review.findings) - 2)
    assert summary["核对覆盖"].startswith("文中 ") and "个参与了核对" in summary["核对覆盖"]
    for sheet in wb.worksheets:  # every cell is text: nothing is a number, a date or a formula
        for row_cells in sheet.iter_rows():
            for cell in row_cells:
                assert cell.value is None or (cell.data_type == "s" and isinstance(cell.value, str)), cell
    assert summary["抽取方式"] == "rules" and summary["评分规则"] == "报告自带分值（测试）"
    assert summary["SHA-256"] == review.document.sha256


def formula_review() -> Review:
    text = '=HYPERLINK("http://evil.example","点我")\n合计=1+1万元\n'
    doc = Document(path="=cmd.txt", sha256="f" * 64, source_format="txt", text=text)
    f = Finding(
        id="F1",
        check="sum",
        severity="high",
        message="=SUM(A1:A9) 不符",
        start=0,
        end=text.index("\n"),
        quote=text[: text.index("\n")],
        stated=Value(display="=1+1"),
        computed=Value(display="+2"),
        trace="@SUM(1,1) = 2",
        rule="-cmd",
    )
    return Review(document=doc, claims=Claims(), findings=(f,), status="complete")


def test_text_starting_with_equals_stays_text_in_xlsx(tmp_path: Path) -> None:
    review = formula_review()
    store = Store(tmp_path / "r.db")
    rid = store.save_review(review, name="=cmd.txt", options=ReviewOptions(tool_version="test"))
    store.add_decision(rid, "F1", "confirmed", "=张三", "=1+1")
    data = to_xlsx(review, "=cmd.txt", store.latest(rid))
    ws = load_workbook(io.BytesIO(data))["问题清单"]
    cells = dict(zip(COLUMNS, ws[2], strict=True))
    for col, expected in [
        ("报告", "=cmd.txt"),
        ("原文摘录", '=HYPERLINK("http://evil.example","点我")'),
        ("报告值", "=1+1"),
        ("复核值", "+2"),
        ("计算过程", "@SUM(1,1) = 2"),
        ("审核人", "=张三"),
        ("审核意见", "=1+1"),
    ]:
        assert cells[col].value == expected and cells[col].data_type == "s", col
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for sheet in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"):
            assert b"<f>" not in z.read(sheet)  # no formula anywhere in the workbook


def test_csv_has_a_bom_and_defuses_formulas(review: Review, tmp_path: Path) -> None:
    data = to_csv(review, NAME, decided(review, tmp_path))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 1 + len(review.findings)
    assert rows[1][COLUMNS.index("审核结论")] == "确认"
    risky = formula_review()
    out = list(csv.reader(io.StringIO(to_csv(risky, "=cmd.txt", {}).decode("utf-8-sig"))))[1]
    cells = dict(zip(COLUMNS, out, strict=True))
    assert cells["报告"] == "'=cmd.txt" and cells["报告值"] == "'=1+1" and cells["复核值"] == "'+2"
    assert cells["计算过程"] == "'@SUM(1,1) = 2" and cells["审核结论"] == "未审核"


def test_json_is_the_cli_contract_with_decisions_added(review: Review, tmp_path: Path) -> None:
    payload = json.loads(to_json_export(review, decided(review, tmp_path)))
    assert payload["tool"]["name"] == "jixiao-fuhe"
    (doc,) = payload["documents"]
    assert doc["sha256"] == review.document.sha256 and doc["status"] == "complete"
    for f in doc["findings"]:
        assert doc["text"][f["start"] : f["end"]] == f["quote"]
        assert {"id", "check", "severity", "message", "stated", "computed", "trace"} <= f.keys()
    decisions = {f["id"]: f["decision"] for f in doc["findings"]}
    assert decisions["F1"]["decision"] == "confirmed" and decisions["F1"]["label"] == "确认"
    assert decisions["F1"]["reviewer"] == "张三" and decisions["F3"] is None


def test_the_working_paper_carries_everything_the_page_table_shows(review: Review) -> None:
    assert set(PAGE_COLUMNS) <= set(COLUMNS)
    row = finding_rows(review, NAME, {})[0]
    assert all(row[c] for c in ("编号", "问题", "严重程度", "问题类型", "报告值", "复核值", "审核结论"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("报告.pdf", "报告-pdf-复核.xlsx"),
        ("报告.txt", "报告-txt-复核.xlsx"),
        ('某镇"2023"报告.docx', "某镇_2023_报告-docx-复核.xlsx"),
        ("a/b\\c:d*.txt", "b_c_d_-txt-复核.xlsx"),
        ("无扩展名", "无扩展名-复核.xlsx"),
        ("", "report-复核.xlsx"),
    ],
)
def test_export_names_keep_the_format_and_survive_a_download(name: str, expected: str) -> None:
    assert export_name(name, "xlsx") == expected
