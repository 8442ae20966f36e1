"""Auditors' decisions as new labeled samples (`review eval import-decisions`).

Reads the review store the page writes (review.store.reviews: saved reviews and the append-only
decision log) and, for every saved review with at least one decision, writes the report's text
as a sample and a labels file: a finding confirmed (确认) becomes a gold finding with the
severity it was shown with, a finding dismissed (驳回) becomes a clean relation (flagging it again
is a false alarm); pending (待定) ones are left out. The latest decision per finding counts.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from review.evaluation.labels import CleanRelation, DocLabels, GoldFinding, LabelError, dump_labels
from review.store.reviews import Store, StoredReview

_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff-]+")


@dataclass(frozen=True)
class Exported:
    labels: Path | None  # None: a saved review this build cannot read (written by another version)
    sample: Path | None
    confirmed: int
    dismissed: int
    name: str = ""


def occurrence_at(text: str, quote: str, start: int) -> int:
    """Which occurrence (0-based) of `quote` starts at `start`."""
    n, at = 0, text.find(quote)
    while 0 <= at < start:
        n += 1
        at = text.find(quote, at + 1)
    if at != start:
        raise LabelError(f"发现项原文不在其位置 {start}：{quote!r}")
    return n


def import_decisions(db: Path, out_dir: Path, samples_dir: Path, *, force: bool = False) -> list[Exported]:
    if not db.is_file():
        raise LabelError(f"找不到复核数据库 {db}（页面保存的 SQLite 文件，默认在 $REVIEW_HOME 下）")
    store = Store(db)
    done = []
    for row in store.history():
        stored = store.get_review(row.id)
        if stored is None:
            done.append(Exported(None, None, 0, 0, f"{row.name}（{row.tool_version}）"))
            continue
        exported = _export(store, stored, out_dir, samples_dir, force)
        if exported:
            done.append(exported)
    return done


def _export(store: Store, stored: StoredReview, out_dir: Path, samples_dir: Path, force: bool) -> Exported | None:
    review = stored.review
    text = review.document.text
    latest = store.latest(stored.id)
    stem = f"{_UNSAFE.sub('_', Path(stored.name).stem).strip('_') or 'report'}_{stored.sha256[:8]}"
    findings, clean = [], []
    for f in review.findings:
        d = latest.get(f.id)
        if d is None or d.decision == "pending":
            continue
        occurrence = occurrence_at(text, f.quote, f.start)
        note = f"{d.reviewer} {d.at}：{d.comment or f.message}"
        if d.decision == "confirmed":
            findings.append(
                GoldFinding(
                    id=f"{stem}-{f.id}",
                    check=f.check,
                    severity=f.severity,
                    quote=f.quote,
                    occurrence=occurrence,
                    explain=f"确认（{note}）",
                )
            )
        else:
            clean.append(CleanRelation(check=f.check, quote=f.quote, occurrence=occurrence, explain=f"驳回（{note}）"))
    if not findings and not clean:
        return None
    sample = samples_dir / f"{stem}.txt"
    labels_path = out_dir / f"{stem}.json"
    if labels_path.exists() and not force:
        raise LabelError(f"{labels_path} 已存在：加 --force 覆盖，或用 --out 指定另一个目录")
    if sample.exists() and sample.read_text(encoding="utf-8") != text and not force:
        raise LabelError(f"{sample} 已存在且内容不同：加 --force 覆盖，或用 --samples 指定另一个目录")
    labels = DocLabels(
        sample=Path(os.path.relpath(sample, out_dir)).as_posix(),
        title=stored.name,
        period=str(review.period) if review.period else None,
        source=(
            f"review eval import-decisions from {stored.name} (sha256 {stored.sha256[:12]}, tool {stored.tool_version})"
        ),
        findings=tuple(findings),
        consistent=tuple(clean),
    )
    samples_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    sample.write_text(text, encoding="utf-8", newline="")
    labels_path.write_text(dump_labels(labels), encoding="utf-8")
    return Exported(labels_path, sample, len(findings), len(clean), stored.name)
