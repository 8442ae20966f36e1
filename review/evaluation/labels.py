"""Gold labels (标注): what a reviewer must be shown in each sample report, which relations hold,
and, for some reports, every quantity and relation a perfect extractor would claim.

One labels file per sample, `eval/labels/<name>.json`, optionally `eval/labels/<name>.claims.json`
next to it; the format is documented in eval/labels/README.md. A quote locates its span: its
first occurrence in the sample's text, or the one `occurrence` names (0-based).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from review.core.errors import ReviewError
from review.core.findings import Check, Severity

Span = tuple[int, int]
_M = TypeVar("_M", bound=BaseModel)


class LabelError(ReviewError):
    """A labels file is missing, malformed, or quotes text that is not in its sample."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldFinding(_Frozen):
    """A discrepancy the tool must report (check + span), with the severity it deserves."""

    id: str = ""
    check: Check
    severity: Severity
    quote: str
    occurrence: int = 0
    explain: str = ""


class CleanRelation(_Frozen):
    """A numeric relation that holds (一致): reporting it under `check` is a false alarm.

    `values` and `items` only steer the seeded-error generator: `values` are parts of the quote
    whose last number is the relation's own stated value (default: the quote's last number);
    `items` are quotes of its direct components, searched from the end of the quote on (default:
    the numbers after the quote up to 。 or the end of the line; `[]` means none).
    """

    check: Check
    quote: str
    occurrence: int = 0
    explain: str = ""
    values: tuple[str, ...] | None = None
    items: tuple[str, ...] | None = None


class DocLabels(_Frozen):
    sample: str  # path of the sample, relative to the labels file's folder
    title: str = ""
    period: str | None = None
    source: str = ""
    # Provenance of a real-corpus sample (eval/corpus): where it was published and how it is used.
    url: str = ""
    site: str = ""  # the publishing site's host; the dev/test split is made by site
    province: str = ""
    level: str = ""  # 省 / 市 / 县 / 乡镇 / 学校 …
    kind: str = ""  # 部门整体 / 项目支出 / 自评表 …
    split: Literal["seed", "dev", "test"] = "seed"
    findings: tuple[GoldFinding, ...] = ()
    consistent: tuple[CleanRelation, ...] = ()


class Anchor(_Frozen):
    quote: str
    occurrence: int = 0


class GoldQuantity(_Frozen):
    """A stated number: verbatim quote (qualifier + number + measure word), value in `unit`."""

    quote: str
    occurrence: int = 0
    value: Decimal
    unit: str = ""


class GoldRelation(_Frozen):
    """A relation a perfect extractor would claim, by the check that recomputes it; it is found
    when a claimed relation of that kind has its anchor (total, rate, count, root…) on one of
    `anchors` (a relation stated twice may list both statements)."""

    kind: Check
    anchors: tuple[Anchor, ...]
    parts: tuple[str, ...] = ()
    explain: str = ""

    @field_validator("anchors", mode="before")
    @classmethod
    def _plain_quotes(cls, raw: Any) -> Any:
        return [{"quote": a} if isinstance(a, str) else a for a in raw]


class GoldClaims(_Frozen):
    sample: str
    conventions: str = ""
    quantities: tuple[GoldQuantity, ...] = ()
    relations: tuple[GoldRelation, ...] = ()


@dataclass(frozen=True)
class LabeledSample:
    name: str
    labels_path: Path
    sample_path: Path
    labels: DocLabels
    claims: GoldClaims | None = None


def locate(text: str, quote: str, occurrence: int = 0) -> Span | None:
    """Span of the `occurrence`-th (0-based) occurrence of `quote` in `text`, or None."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.find(quote, at + 1)
        if at < 0 or not quote:
            return None
    return at, at + len(quote)


def require(text: str, quote: str, occurrence: int, where: str) -> Span:
    span = locate(text, quote, occurrence)
    if span is None:
        nth = f"（第 {occurrence + 1} 处）" if occurrence else ""
        raise LabelError(f"{where}: 标注原文在样本中找不到{nth}：{quote!r}（请改正 quote 或 occurrence）")
    return span


def load_labels(labels_dir: Path) -> list[LabeledSample]:
    """Every labels file in the folder (sorted by name), with its gold claims when present."""
    if not labels_dir.is_dir():
        raise LabelError(f"找不到标注目录 {labels_dir}（见 eval/labels/README.md）")
    out = []
    for path in sorted(labels_dir.glob("*.json")):
        if path.name.endswith(".claims.json"):
            continue
        labels = _parse(DocLabels, path)
        claims_path = path.with_name(path.stem + ".claims.json")
        claims = _parse(GoldClaims, claims_path) if claims_path.exists() else None
        sample = (path.parent / labels.sample).resolve()
        if not sample.is_file():
            raise LabelError(f"{path}: 样本文件不存在 {labels.sample}（sample 相对于标注文件所在目录）")
        out.append(LabeledSample(path.stem, path, sample, labels, claims))
    if not out:
        raise LabelError(f"{labels_dir} 中没有标注文件（*.json，格式见 eval/labels/README.md）")
    return out


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LabelError(f"{path}: 无法读取标注文件：{exc}") from None
    if not isinstance(data, dict):
        raise LabelError(f"{path}: 标注文件应为 JSON 对象")
    return data


def _parse(model: type[_M], path: Path) -> _M:
    try:
        return model.model_validate(_read(path))
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise LabelError(f"{path}: 标注文件格式有误（{where}）：{err['msg']}（格式见 eval/labels/README.md）") from None


def validate(sample: LabeledSample, text: str) -> None:
    """Every quote of the labels (and gold claims) is in the text; raises LabelError otherwise."""
    where = str(sample.labels_path)
    for f in sample.labels.findings:
        require(text, f.quote, f.occurrence, where)
    for c in sample.labels.consistent:
        require(text, c.quote, c.occurrence, where)
    if sample.claims:
        cwhere = str(sample.labels_path.with_name(sample.name + ".claims.json"))
        for q in sample.claims.quantities:
            require(text, q.quote, q.occurrence, cwhere)
        for r in sample.claims.relations:
            for a in r.anchors:
                require(text, a.quote, a.occurrence, cwhere)


def dump_labels(labels: DocLabels) -> str:
    """A labels file as written by tools (import-decisions): readable Chinese, defaults left out."""
    return (
        json.dumps(
            labels.model_dump(mode="json", exclude_none=True, exclude_defaults=True) | {"sample": labels.sample},
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
