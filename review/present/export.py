"""Export (导出) of one review with its decisions: .xlsx, .csv (UTF-8 BOM) and .json.

Also the rows of the findings table shown on the page, so the page and the files agree.

The page and the command line (`review check --format csv|xlsx`) use these same functions, so a
working paper is the same wherever it comes from: every column the page's table shows (编号, 问题
…) plus the location, quote, trace, the finding's fingerprint and the decision on it.

Every cell is text, numbers included (序号 and the summary counts too): a working paper is read,
not computed on, and a text cell never turns into a date or loses a leading zero.
Formula injection: in the workbook every cell is written as a string cell (`data_type
"s"`), so a report value such as "=1+1" or "=HYPERLINK(…)" stays text. A CSV file has no cell
types, so there a text cell starting with = + - @ or a tab/CR gets a leading apostrophe (the
OWASP advice); the .xlsx and .json keep the exact text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from review import __version__
from review.core.coverage import number_coverage
from review.core.outcomes import Review
from review.present.highlight import value_text
from review.present.render import CHECK_CN, SEVERITY_CN, LineIndex, coverage_sentence, to_json
from review.store.reviews import DECISION_CN, Decision, HistoryRow, local_time

COLUMNS = (
    "序号",
    "编号",
    "问题",
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
    "指纹",
)
# The columns of the page's findings table (app.py); the working paper has all of them.
PAGE_COLUMNS = ("编号", "严重程度", "问题类型", "问题", "报告值", "复核值", "审核结论")
UNDECIDED = "未审核"
_WIDTHS = (6, 7, 48, 24, 22, 40, 16, 16, 48, 14, 9, 9, 30, 10, 20, 18)
_CELL_LIMIT = 32_000  # Excel refuses cells over 32,767 characters
_CSV_RISKY = ("=", "+", "-", "@", "\t", "\r")
_FILLS = {"high": "FFC9C9", "medium": "FFE8A3", "low": "D0EBFF"}


def decision_cn(d: Decision | None) -> str:
    return DECISION_CN[d.decision] if d else UNDECIDED


def finding_rows(review: Review, name: str, decisions: Mapping[str, Decision]) -> list[dict[str, Any]]:
    """One row per finding with the export columns (plus `id` and `message` for the page)."""
    lines = LineIndex(review.document.text)
    rows = []
    for n, f in enumerate(review.findings, 1):
        d = decisions.get(f.id)
        rows.append(
            {
                "id": f.id,
                "序号": str(n),
                "编号": f.id,
                "问题": f.message,
                "报告": name,
                "位置": f"第{lines(f.start)}行（字符 {f.start}–{f.end}）",
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
                "指纹": f.fingerprint,
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
) -> list[tuple[str, str]]:
    """The summary sheet as (label, value) pairs."""
    fs = review.findings
    states = [decision_cn(decisions.get(f.id)) for f in fs]
    cover = number_coverage(review.document.text, review.claims)
    items: list[tuple[str, str]] = [
        ("报告", name),
        ("SHA-256", review.document.sha256),
        ("复核状态", "完整" if review.status == "complete" else "不完整"),
        ("未读取部分", "；".join(review.notes) or "无"),
        ("核对覆盖", coverage_sentence(cover).removeprefix("核对覆盖：")),
        ("评价年度", str(review.period or "未知")),
        ("抽取方式", review.extractor),
        ("模型", model or "无（离线规则）"),
        ("评分规则", rubric or review.rubric or "报告自带分值"),
        ("工具版本", __version__),
        ("问题总数", str(len(fs))),
    ]
    items += [(f"严重程度：{cn}", str(sum(1 for f in fs if f.severity == s))) for s, cn in SEVERITY_CN.items()]
    items += [(f"审核结论：{cn}", str(states.count(cn))) for cn in (*DECISION_CN.values(), UNDECIDED)]
    if exported_at is not None:
        items.append(("导出时间", exported_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")))
    return items


@dataclass(frozen=True)
class Paper:
    """One report of a working paper: its review, the name shown, the decisions on its findings."""

    review: Review
    name: str
    decisions: Mapping[str, Decision]
    model: str = ""
    rubric: str = ""


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
    return papers_to_xlsx([Paper(review, name, decisions, model, rubric)], exported_at=exported_at)


def papers_to_xlsx(papers: Sequence[Paper], *, exported_at: datetime | None = None) -> bytes:
    """One workbook for one or many reports: every finding in 问题清单 (the 报告 column tells them
    apart), and each report's summary in 汇总, one block per report."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "问题清单"
    _put_row(ws, 1, COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    r = 2
    for p in papers:
        severity = {f.id: f.severity for f in p.review.findings}
        for row in finding_rows(p.review, p.name, p.decisions):
            _put_row(ws, r, [row[c] for c in COLUMNS])
            ws.cell(r, COLUMNS.index("严重程度") + 1).fill = PatternFill("solid", fgColor=_FILLS[severity[row["id"]]])
            r += 1
    for i, w in enumerate(_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for row_cells in ws.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    sheet = wb.create_sheet("汇总")
    r = 1
    for p in papers:
        for label, value in summary(
            p.review, p.name, p.decisions, model=p.model, rubric=p.rubric, exported_at=exported_at
        ):
            _put_row(sheet, r, (label, value))
            sheet.cell(r, 1).font = Font(bold=True)
            r += 1
        r += 1  # a blank row between reports
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 70
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _put_row(ws: Any, r: int, values: Any) -> None:
    for c, value in enumerate(values, 1):
        cell = ws.cell(r, c)
        cell.value = _clean(str(value))[:_CELL_LIMIT]
        cell.data_type = "s"  # text, never a number or a formula, whatever the first character is


def _clean(text: str) -> str:
    """Drop control characters that an .xlsx file cannot hold (keeps tab and newline)."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)


def to_csv(review: Review, name: str, decisions: Mapping[str, Decision]) -> bytes:
    """The findings as CSV for Excel: UTF-8 with BOM, CRLF rows, risky leading characters quoted."""
    return papers_to_csv([Paper(review, name, decisions)])


def papers_to_csv(papers: Sequence[Paper]) -> bytes:
    """One CSV for one or many reports, one header row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for p in papers:
        for row in finding_rows(p.review, p.name, p.decisions):
            writer.writerow([_csv_cell(row[c]) for c in COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_CSV_RISKY):
        return "'" + value
    return value


def to_json_export(review: Review, decisions: Mapping[str, Decision]) -> bytes:
    """The CLI's JSON contract (review.present.render.to_json) with each finding's current decision added
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


_UNSAFE_NAME = str.maketrans({c: "_" for c in '"\\/:*?<>|\0'})


def export_name(name: str, ext: str) -> str:
    """The working paper's file name: the report's stem and its own extension (报告.pdf and 报告.txt
    give 报告-pdf-复核.xlsx and 报告-txt-复核.xlsx, never one name for two files), with characters a
    download or a file system would mangle (`"` became %22) replaced by _."""
    path = Path(name)
    stem = (path.stem or "report").translate(_UNSAFE_NAME).strip(" .") or "report"
    suffix = path.suffix.lstrip(".").lower().translate(_UNSAFE_NAME)
    return f"{stem}-{suffix}-复核.{ext}" if suffix else f"{stem}-复核.{ext}"


def orphan_rows(decisions: Sequence[Decision]) -> list[dict[str, str]]:
    """历史 decisions (their finding is no longer reported) for the page."""
    return [
        {
            "原编号": d.finding_id,
            "结论": DECISION_CN[d.decision],
            "审核人": d.reviewer,
            "意见": d.comment,
            "时间": local_time(d.at),
            "指纹": d.fingerprint,
        }
        for d in decisions
    ]


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
