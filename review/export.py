"""Export (导出) of one review with its decisions: .xlsx, .csv (UTF-8 BOM) and .json.

Also the rows of the findings table shown on the page, so the page and the files agree.

Formula injection: in the workbook every text cell is written as a string cell (`data_type
"s"`), so a report value such as "=1+1" or "=HYPERLINK(…)" stays text. A CSV file has no cell
types, so there a text cell starting with = + - @ or a tab/CR gets a leading apostrophe (the
OWASP advice); the .xlsx and .json keep the exact text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from review import __version__
from review.highlight import value_text
from review.pipeline import Review
from review.render import CHECK_CN, SEVERITY_CN, line_of, to_json
from review.store import DECISION_CN, Decision, HistoryRow, local_time

COLUMNS = (
    "序号",
    "报告",
    "位置",
    "原文摘录",
    "报告值",
    "复核值",
    "计算过程",
    "问题类型",
    "严重程度",
    "审核结论",
    "审核意见",
    "审核人",
    "审核时间",
)
UNDECIDED = "未审核"
_WIDTHS = (6, 24, 22, 40, 16, 16, 48, 14, 9, 9, 30, 10, 20)
_CELL_LIMIT = 32_000  # Excel refuses cells over 32,767 characters
_CSV_RISKY = ("=", "+", "-", "@", "\t", "\r")
_FILLS = {"high": "FFC9C9", "medium": "FFE8A3", "low": "D0EBFF"}


def decision_cn(d: Decision | None) -> str:
    return DECISION_CN[d.decision] if d else UNDECIDED


def finding_rows(review: Review, name: str, decisions: Mapping[str, Decision]) -> list[dict[str, Any]]:
    """One row per finding with the export columns (plus `id` and `message` for the page)."""
    text = review.document.text
    rows = []
    for n, f in enumerate(review.findings, 1):
        d = decisions.get(f.id)
        rows.append(
            {
                "id": f.id,
                "序号": n,
                "报告": name,
                "位置": f"第{line_of(text, f.start)}行（字符 {f.start}–{f.end}）",
                "原文摘录": f.quote,
                "报告值": value_text(f.stated),
                "复核值": value_text(f.computed),
                "计算过程": f.trace,
                "问题类型": f"{CHECK_CN[f.check]}（{f.check}）",
                "严重程度": SEVERITY_CN[f.severity],
                "审核结论": decision_cn(d),
                "审核意见": d.comment if d else "",
                "审核人": d.reviewer if d else "",
                "审核时间": local_time(d.at) if d else "",
                "message": f.message,
            }
        )
    return rows


def summary(
    review: Review,
    name: str,
    decisions: Mapping[str, Decision],
    *,
    model: str = "",
    rubric: str = "",
    exported_at: datetime | None = None,
) -> list[tuple[str, str | int]]:
    """The summary sheet as (label, value) pairs."""
    fs = review.findings
    states = [decision_cn(decisions.get(f.id)) for f in fs]
    items: list[tuple[str, str | int]] = [
        ("报告", name),
        ("SHA-256", review.document.sha256),
        ("复核状态", "完整" if review.status == "complete" else "不完整"),
        ("未读取部分", "；".join(review.notes) or "无"),
        ("评价年度", str(review.period or "未知")),
        ("抽取方式", review.extractor),
        ("模型", model or "无（离线规则）"),
        ("评分规则", rubric or review.rubric or "报告自带分值"),
        ("工具版本", __version__),
        ("问题总数", len(fs)),
    ]
    items += [(f"严重程度：{cn}", sum(1 for f in fs if f.severity == s)) for s, cn in SEVERITY_CN.items()]
    items += [(f"审核结论：{cn}", states.count(cn)) for cn in (*DECISION_CN.values(), UNDECIDED)]
    if exported_at is not None:
        items.append(("导出时间", exported_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")))
    return items


def to_xlsx(
    review: Review,
    name: str,
    decisions: Mapping[str, Decision],
    *,
    model: str = "",
    rubric: str = "",
    exported_at: datetime | None = None,
) -> bytes:
    """A workbook with sheet 问题清单 (one row per finding) and sheet 汇总."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "问题清单"
    _put_row(ws, 1, COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    severity = {f.id: f.severity for f in review.findings}
    for r, row in enumerate(finding_rows(review, name, decisions), 2):
        _put_row(ws, r, [row[c] for c in COLUMNS])
        ws.cell(r, COLUMNS.index("严重程度") + 1).fill = PatternFill("solid", fgColor=_FILLS[severity[row["id"]]])
    for i, w in enumerate(_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for row_cells in ws.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    sheet = wb.create_sheet("汇总")
    for r, (label, value) in enumerate(
        summary(review, name, decisions, model=model, rubric=rubric, exported_at=exported_at), 1
    ):
        _put_row(sheet, r, (label, value))
        sheet.cell(r, 1).font = Font(bold=True)
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 70
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _put_row(ws: Any, r: int, values: Any) -> None:
    for c, value in enumerate(values, 1):
        cell = ws.cell(r, c)
        if isinstance(value, int):
            cell.value = value
        else:
            cell.value = _clean(str(value))[:_CELL_LIMIT]
            cell.data_type = "s"  # text, never a formula, whatever the first character is


def _clean(text: str) -> str:
    """Drop control characters that an .xlsx file cannot hold (keeps tab and newline)."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)


def to_csv(review: Review, name: str, decisions: Mapping[str, Decision]) -> bytes:
    """The findings as CSV for Excel: UTF-8 with BOM, CRLF rows, risky leading characters quoted."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in finding_rows(review, name, decisions):
        writer.writerow([_csv_cell(row[c]) for c in COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_CSV_RISKY):
        return "'" + value
    return value


def to_json_export(review: Review, decisions: Mapping[str, Decision]) -> bytes:
    """The CLI's JSON contract (review.render.to_json) with each finding's current decision added
    as `decision` (null when undecided); the contract only ever gains fields."""
    payload = json.loads(to_json([review]))
    for f in payload["documents"][0]["findings"]:
        d = decisions.get(f["id"])
        f["decision"] = (
            {
                "decision": d.decision,
                "label": DECISION_CN[d.decision],
                "reviewer": d.reviewer,
                "comment": d.comment,
                "at": d.at,
            }
            if d
            else None
        )
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


def filter_rows(
    rows: list[dict[str, Any]],
    severities: Sequence[str] = (),
    kinds: Sequence[str] = (),
    states: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """The page's filters: an empty selection means all."""
    return [
        r
        for r in rows
        if (not severities or r["严重程度"] in severities)
        and (not kinds or r["问题类型"] in kinds)
        and (not states or r["审核结论"] in states)
    ]


def decision_log(decisions: Sequence[Decision]) -> list[dict[str, str]]:
    """A finding's decision log for the page, newest first."""
    return [
        {"时间": local_time(d.at), "审核人": d.reviewer, "结论": DECISION_CN[d.decision], "意见": d.comment}
        for d in reversed(decisions)
    ]


def history_table(rows: Sequence[HistoryRow]) -> list[dict[str, Any]]:
    """Reviewed reports with the state of their findings, for the history tab."""
    return [
        {
            "报告": r.name,
            "复核时间": local_time(r.created_at),
            "状态": "完整" if r.status == "complete" else "不完整",
            "抽取方式": r.extractor,
            "问题": r.findings,
            "未结（含待定）": r.open,
            "已确认": r.confirmed,
            "已驳回": r.dismissed,
            "待定": r.pending,
        }
        for r in rows
    ]
