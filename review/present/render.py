"""Output formats for reviews: JSON (the stable contract), terminal text, Markdown."""

from __future__ import annotations

import bisect
import json
import re
import sys

from review import __version__
from review.core.coverage import NumberCoverage, number_coverage
from review.core.outcomes import Outcome, Review
from review.present import contract

TOOL_NAME = "jixiao-fuhe"
SEVERITY_CN = {"high": "高", "medium": "中", "low": "低"}
CHECK_CN = {
    "sum": "合计",
    "ratio": "比率",
    "balance": "结转平衡",
    "score": "评分",
    "count": "个数",
    "unit": "单位",
    "date": "年度",
    "consistency": "前后矛盾",
}


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


class LineIndex:
    """Line numbers of many positions in one text: the newlines are found once, each lookup is a
    bisection (line_of per finding rescans the text: quadratic on a long report with many findings)."""

    def __init__(self, text: str) -> None:
        self._newlines = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, pos: int) -> int:
        return bisect.bisect_left(self._newlines, pos) + 1


def _tool() -> contract.Tool:
    return contract.Tool(name=TOOL_NAME, version=__version__)


def to_json(reviews: list[Review], errors: list[dict[str, str]] | None = None) -> str:
    """`--format json`: the contract's CheckOutput."""
    out = contract.CheckOutput(
        tool=_tool(),
        documents=tuple(_document(r) for r in reviews),
        errors=tuple(contract.FileError(**e) for e in errors or ()),
    )
    return json.dumps(out.printed(), ensure_ascii=False, indent=2)


def _document(r: Review) -> contract.DocumentOut:
    doc = r.document
    lines = LineIndex(doc.text)
    cover = number_coverage(doc.text, r.claims)
    return contract.DocumentOut(
        path=doc.path,
        sha256=doc.sha256,
        text=doc.text,
        status=r.status,
        format=doc.source_format,
        period=r.period,
        extractor=r.extractor,
        rubric=contract.Rubric(pack=r.rubric, why=r.rubric_note),
        notes=r.notes,
        reading=r.claims.reading,
        unread_pages=doc.unread_pages,
        unread=tuple(
            contract.UnreadOut(**u.model_dump(), quote=doc.text[u.start : u.end], line=lines(u.start))
            for u in r.claims.unread
        ),
        chunks=tuple(contract.ChunkOut(**c.model_dump()) for c in r.chunks),
        claims=(
            *(contract.QuantityOut(**q.model_dump()) for q in r.claims.quantities),
            *r.claims.relations,
        ),
        findings=tuple(contract.FindingOut(**f.model_dump(), line=lines(f.start)) for f in r.findings),
        figures=contract.Figures(found=cover.found, checked=cover.checked),
    )


def to_text(reviews: list[Review]) -> str:
    out = []
    for r in reviews:
        counts = {s: sum(1 for f in r.findings if f.severity == s) for s in ("high", "medium", "low")}
        state = "完整" if r.status == "complete" else "不完整"
        out.append(
            f"== {r.document.path}  （{state}；评价年度 {r.period or '未知'}；发现 {len(r.findings)} 项："
            f"高 {counts['high']}、中 {counts['medium']}、低 {counts['low']}）"
        )
        out.append(f"   提取方式：{r.extractor}；评分标准：{r.rubric or '报告自带分值'}（{r.rubric_note}）")
        out.append(f"   {coverage_sentence(number_coverage(r.document.text, r.claims))}")
        out.extend(f"   ! {n}" for n in r.notes)
        for f in r.findings:
            line = line_of(r.document.text, f.start)
            quote = f.quote.replace("\n", "⏎").replace("\t", " ")
            out.append(
                f"{f.id:>4}  第{line}行  [{SEVERITY_CN[f.severity]}] {CHECK_CN[f.check]}({f.check})  {f.message}"
            )
            out.append(f"        原文：{quote}")
            if f.trace:
                out.append(f"        计算：{f.trace}")
        if not r.findings:
            out.append(f"      {_nothing_found(r)}")
    return "\n".join(out) + "\n"


def coverage_sentence(cover: NumberCoverage) -> str:
    """核对覆盖 in one sentence: how many of the report's figures a recomputed relation names."""
    if not cover.found:
        return "核对覆盖：文中未读出数字。"
    said = f"核对覆盖：文中 {cover.found} 个数字，{cover.checked} 个参与了核对（{cover.share:.0%}）"
    return said + ("；其余数字未核对。" if cover.checked < cover.found else "。")


def _nothing_found(r: Review) -> str:
    """An empty result says how much was checked, and that what was not read was not checked."""
    checked = f"未发现数字或评分问题（已核对 {len(r.claims.relations)} 组数字关系"
    if r.claims.unread or r.status != "complete":
        return checked + "；上列“!”各处未能核对，不能视为无误）。"
    return checked + "）。"


def to_markdown(reviews: list[Review]) -> str:
    out = []
    for r in reviews:
        out.append(f"## {r.document.path}\n")
        out.append(
            f"状态：{'完整' if r.status == 'complete' else '不完整'}；"
            f"评价年度：{r.period or '未知'}；发现 {len(r.findings)} 项\n"
        )
        out.append(coverage_sentence(number_coverage(r.document.text, r.claims)) + "\n")
        if not r.findings:
            continue
        out.append("| # | 行 | 严重程度 | 类别 | 问题 | 原文 |")
        out.append("|---|---|---|---|---|---|")
        for f in r.findings:
            cells = [
                f.id,
                str(line_of(r.document.text, f.start)),
                SEVERITY_CN[f.severity],
                CHECK_CN[f.check],
                f.message,
                f.quote,
            ]
            out.append("| " + " | ".join(_md(c) for c in cells) + " |")
        out.append("")
    return "\n".join(out) + "\n"


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ").replace("\t", " ")


def to_jsonl_line(outcome: Outcome) -> str:
    """One line of `--format jsonl`: the document object of the JSON contract, or the error."""
    line: contract.JsonlDocument | contract.JsonlError
    if outcome.review is None:
        line = contract.JsonlError(tool=_tool(), path=outcome.path, error=outcome.error or "")
    else:
        line = contract.JsonlDocument(tool=_tool(), **dict(_document(outcome.review)), cached=outcome.cached)
    return json.dumps(line.model_dump(mode="json"), ensure_ascii=False)


def summary_table(outcomes: list[Outcome]) -> str:
    """The batch summary: one row per file, then the totals."""
    rows = ["", "== 汇总", f"{'文件':<40} {'状态':<6} {'高':>3} {'中':>3} {'低':>3}  说明"]
    done = failed = 0
    for o in outcomes:
        name = o.path[-40:]
        if o.review is None:
            failed += 1
            rows.append(f"{name:<40} {'出错':<6} {'':>3} {'':>3} {'':>3}  {o.error}")
            continue
        done += 1
        n = {s: sum(1 for f in o.review.findings if f.severity == s) for s in ("high", "medium", "low")}
        state = "完整" if o.review.status == "complete" else "不完整"
        note = "已复核（缓存）" if o.cached else ""
        rows.append(f"{name:<40} {state:<6} {n['high']:>3} {n['medium']:>3} {n['low']:>3}  {note}")
    rows.append(f"共 {len(outcomes)} 份：完成 {done}，出错 {failed}")
    return "\n".join(rows) + "\n"


class BatchProgress:
    """A one-line progress bar on stderr for batches."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def advance(self, outcome: Outcome) -> None:
        self.done += 1
        width = 30
        filled = width * self.done // max(self.total, 1)
        mark = "!" if outcome.error else "·"
        sys.stderr.write(f"\r复核 [{'#' * filled}{'-' * (width - filled)}] {self.done}/{self.total} {mark}")
        if self.done == self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()
