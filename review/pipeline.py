"""Orchestration: document → claims → findings, with the review's status.

The types it returns live in review.core.outcomes (re-exported here for callers of review_document)."""

from __future__ import annotations

from typing import Literal

from review.checks import run_checks
from review.checks.base import Context
from review.checks.count import settle_counts
from review.core.claims import Claims, Reading, ScoreTree
from review.core.document import Document
from review.core.errors import ConfigError
from review.core.findings import Finding, dedupe, with_fingerprints
from review.core.outcomes import ChunkOutcome, ModelExtractor, ModelResult, Progress, Review
from review.core.provenance import Extractor
from review.extract.merge import merge_claims
from review.extract.rules import extract_rules
from review.extract.view import view_of
from review.scoring.packs import RubricPack, choose_pack

__all__ = ["ChunkOutcome", "ModelExtractor", "ModelResult", "Progress", "Review", "review_document"]

FIT_SHARE = 0.6


def review_document(
    doc: Document,
    *,
    period: int | None = None,
    extractor: Extractor = "rules",
    model: ModelExtractor | None = None,
    progress: Progress | None = None,
    rubric: RubricPack | None = None,
) -> Review:
    """Rules always run; with extractor llm/hybrid the model's grounded claims are merged in.

    A failed model chunk makes the review incomplete; the rules findings are still all there.
    """
    claims = extract_rules(doc, period)
    chunks: tuple[ChunkOutcome, ...] = ()
    notes = _reading_notes(claims.reading) + [f"第{p.page}页未读取：{p.reason}" for p in doc.unread_pages]
    notes += [f"未核对（第{doc.text.count(chr(10), 0, u.start) + 1}行）：{u.reason}" for u in claims.unread]
    if extractor != "rules":
        if model is None:
            raise ConfigError(f"--extractor {extractor} 需要配置语言模型（REVIEW_LLM_BASE_URL、REVIEW_LLM_MODEL）")
        result = model(doc, progress)
        claims = merge_claims(claims, result.claims)
        chunks = result.chunks
        notes += [f"模型未读取 {c.start}–{c.end}：{c.reason}" for c in chunks if c.status == "failed"]
    claims = settle_counts(claims)
    pack, why = (rubric, "命令行指定") if rubric else _auto_pack(view_of(doc.text).text, claims)
    findings = _number(with_fingerprints(dedupe(run_checks(Context(claims, doc.text, claims.period, pack))), doc.text))
    incomplete = (
        bool(doc.unread_pages) or any(c.status == "failed" for c in chunks) or any(u.failed for u in claims.unread)
    )
    status: Literal["complete", "incomplete"] = "incomplete" if incomplete else "complete"
    return Review(
        document=doc,
        claims=claims,
        findings=findings,
        status=status,
        extractor=extractor,
        period=claims.period,
        chunks=chunks,
        notes=tuple(notes),
        rubric=pack.label if pack else "",
        rubric_note=why,
    )


def _reading_notes(reading: Reading) -> list[str]:
    """Say how the text was read when it was not read as it is (the quotes are the source's own)."""
    done = [f"繁体已转换为简体读取（{reading.traditional}字）"] if reading.traditional else []
    done += [f"拼音注音已略过（{reading.pinyin}处）"] if reading.pinyin else []
    done += [f"全角数字与“萬/億”已按半角与“万/亿”读取（{reading.widths}字）"] if reading.widths else []
    return ["；".join(done) + "，引文仍为原文"] if done else []


def _auto_pack(text: str, claims: Claims) -> tuple[RubricPack | None, str]:
    """The pack for the report type (judged from the text as the rules read it), used only when
    the report's own score structure fits it (most named categories and indicators carry the
    pack's weights); a pack chosen by --rubric is always used."""
    pack, why = choose_pack(text)
    if pack is None:
        return None, why
    q = claims.by_id()
    weighted = [
        (n.name, q[n.weight].value)
        for rel in claims.relations
        if isinstance(rel, ScoreTree)
        for n in rel.nodes
        if n.weight
    ]
    if weighted:
        fitting = sum(1 for name, w in weighted if (node := pack.find(name)) is not None and node.weight == w)
        if fitting < FIT_SHARE * len(weighted):
            return None, f"报告评分结构与 {pack.label} 不符（{fitting}/{len(weighted)} 项分值一致），按报告自带分值检查"
    return pack, f"自动选择：{why}"


def _number(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(f.model_copy(update={"id": f"F{i}"}) for i, f in enumerate(findings, 1))
