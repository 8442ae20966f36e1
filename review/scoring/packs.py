"""Rubric packs: scoring criteria as versioned data files, validated on load.

A pack is a tree of categories and indicators with weights; each indicator may name its scoring
rule (see review.scoring.formulas). Packs ship in review/data/rubrics/; a user's pack is any JSON file of
the same shape passed with --rubric PATH."""

from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from review.core.errors import ConfigError
from review.scoring.formulas import grade_for

RuleKind = Literal[
    "proportional",
    "inverse_proportional",
    "budget_execution",
    "deviation_bands",
    "target_or_zero",
    "share_met",
    "per_item_deduction",
    "qualitative",
    "all_or_nothing",
    "not_applicable",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RuleSpec(_Frozen):
    """How an indicator is scored (计分标准)."""

    kind: RuleKind
    description: str = ""
    bands: tuple[tuple[Decimal, Decimal], ...] = ()
    over_percent: Decimal | None = None
    per_item: Decimal | None = None
    floor: Decimal = Decimal(0)

    @model_validator(mode="after")
    def _check(self) -> RuleSpec:
        if self.kind == "deviation_bands" and not self.bands:
            raise ValueError("deviation_bands needs bands: [[limit_percent, share], …]")
        return self


class RubricNode(_Frozen):
    """A category (一级/二级指标) or an indicator (三级指标) with its weight (分值)."""

    name: str
    aliases: tuple[str, ...] = ()
    weight: Decimal
    rule: RuleSpec | None = None
    deduction: bool = False
    children: tuple[RubricNode, ...] = ()

    @model_validator(mode="after")
    def _weights_add_up(self) -> RubricNode:
        parts = [c.weight for c in self.children if not c.deduction]
        if parts and sum(parts, Decimal(0)) != self.weight:
            raise ValueError(f"children of {self.name!r} weigh {sum(parts, Decimal(0))}, not {self.weight}")
        return self

    def names(self) -> set[str]:
        return {_norm(n) for n in (self.name, *self.aliases)}


class GradeBand(_Frozen):
    name: str
    min: Decimal


class RubricPack(_Frozen):
    id: str
    version: str
    title: str
    source: str = ""
    report_types: tuple[Literal["项目支出", "部门整体"], ...] = ()
    match: tuple[str, ...] = ()
    jurisdiction: tuple[str, ...] = ()
    weights_fixed: bool = False
    total: Decimal = Decimal(100)
    grades: tuple[GradeBand, ...]
    categories: tuple[RubricNode, ...]

    @model_validator(mode="after")
    def _check(self) -> RubricPack:
        parts = sum((c.weight for c in self.categories if not c.deduction), Decimal(0))
        if parts != self.total:
            raise ValueError(f"categories weigh {parts}, not the total {self.total}")
        mins = [g.min for g in self.grades]
        if mins != sorted(mins, reverse=True):
            raise ValueError("grades must be listed from the highest band down")
        return self

    @property
    def label(self) -> str:
        return f"{self.id}@{self.version}"

    def find(self, name: str) -> RubricNode | None:
        """The node whose name or alias matches (whitespace and 指标 suffix ignored)."""
        key = _norm(name)
        stack = list(self.categories)
        while stack:
            node = stack.pop(0)
            if key in node.names():
                return node
            stack.extend(node.children)
        return None

    def grade(self, score: Decimal) -> str:
        return grade_for(score, self.bands)

    @property
    def bands(self) -> tuple[tuple[str, Decimal], ...]:
        return tuple((g.name, g.min) for g in self.grades)


def _norm(name: str) -> str:
    key = "".join(name.split())
    return key[:-2] if key.endswith("指标") and len(key) > 2 else key


def _bundled() -> dict[str, Path]:
    root = resources.files("review") / "data" / "rubrics"
    return {Path(str(p)).stem: Path(str(p)) for p in root.iterdir() if str(p).endswith(".json")}


def load_pack(path: Path) -> RubricPack:
    """Load and validate one pack; errors name the file and the field, on one line."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: 评分标准文件不存在") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: 评分标准文件不是有效的 JSON（{exc}）") from None
    try:
        return RubricPack.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "（顶层）"
        raise ConfigError(f"{path}: 评分标准字段 {where} 无效：{err['msg']}") from None


def bundled_packs() -> list[RubricPack]:
    return [load_pack(p) for _, p in sorted(_bundled().items())]


def resolve_pack(name_or_path: str) -> RubricPack:
    bundled = _bundled()
    if name_or_path in bundled:
        return load_pack(bundled[name_or_path])
    for pack in bundled_packs():
        if name_or_path in (pack.label, pack.id):
            return pack
    path = Path(name_or_path)
    if path.suffix == ".json" or path.exists():
        return load_pack(path)
    raise ConfigError(f"未知的评分标准 {name_or_path!r}：用 review rubrics 查看可用的评分标准，或给出 JSON 文件路径")


def choose_pack(text: str) -> tuple[RubricPack | None, str]:
    """Pick a bundled pack by the report's title; a local pack also needs its jurisdiction named
    somewhere in the report. Returns the pack and why it was chosen."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:3]
    head = "".join("".join(lines).split())
    usable = [p for p in bundled_packs() if not p.jurisdiction or any(j in text for j in p.jurisdiction)]
    for pack in usable:
        for word in pack.match:
            if word in head:
                return pack, f"标题含“{word}”" + (f"，地区：{pack.jurisdiction[0]}" if pack.jurisdiction else "")
    kind = "项目支出" if "项目" in head and "部门整体" not in head else "部门整体" if "部门" in head else None
    for pack in usable:
        if kind and kind in pack.report_types:
            return pack, f"报告类型：{kind}"
    return None, f"没有适用于此报告（{kind or '类型未知'}）的内置评分标准，按报告自带分值检查"
