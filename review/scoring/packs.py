"""Rubric packs: scoring criteria as versioned data files, validated on load.

A pack is a tree of categories and indicators with weights; each indicator may name its scoring
rule (see review.scoring.formulas). A rule names a kind a check evaluates, or one it only describes,
marked `"evaluated": false` (review.scoring.rule_kinds); anything else is refused on load. Packs ship
in review/data/rubrics/; a user's pack is any JSON file of the same shape passed with --rubric PATH."""

from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from review.core.errors import ConfigError
from review.scoring.formulas import grade_for
from review.scoring.rule_kinds import EVALUATED, NEEDS, RULE_KINDS, RuleKind


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RuleSpec(_Frozen):
    """How an indicator is scored (计分标准).

    `bands`: for deviation_bands, [limit_percent, share] pairs; for qualitative, optional
    [low_share, high_share] ranges of the weight a score must fall in. `evaluated`: false for a
    kind no check evaluates (the rule is then shown, not checked)."""

    kind: RuleKind
    description: str = ""
    evaluated: bool = True
    bands: tuple[tuple[Decimal, Decimal], ...] = ()
    over_percent: Decimal | None = None
    per_item: Decimal | None = None
    floor: Decimal = Decimal(0)

    @field_validator("kind", mode="before")
    @classmethod
    def _known_kind(cls, kind: Any) -> Any:
        if kind not in RULE_KINDS:
            raise ValueError(f"未知的计分规则 {kind!r}（可用：{'、'.join(RULE_KINDS)}）")
        return kind

    @model_validator(mode="after")
    def _check(self) -> RuleSpec:
        if self.evaluated and self.kind not in EVALUATED:
            needs = NEEDS[self.kind]
            raise ValueError(
                f'计分规则 {self.kind} 没有检查计算（需要{needs}，尚无抽取）；只作说明请写 "evaluated": false'
            )
        if not self.evaluated and self.kind in EVALUATED:
            raise ValueError(f'计分规则 {self.kind} 由检查计算，不能写 "evaluated": false')
        if self.kind == "deviation_bands" and not self.bands:
            raise ValueError("deviation_bands 需要 bands：[[偏差上限百分比, 得分比例], …]")
        if self.kind == "qualitative" and any(not 0 <= lo <= hi <= 1 for lo, hi in self.bands):
            raise ValueError("qualitative 的 bands 应为 [[下限比例, 上限比例], …]，0 ≤ 下限 ≤ 上限 ≤ 1")
        if self.per_item is not None and self.per_item <= 0:
            raise ValueError("per_item 应为正数")
        return self

    @property
    def checked(self) -> str:
        """How `review rubrics` shows the rule: checked, or only described and why."""
        return "已检查" if self.evaluated else f"仅说明（需要{NEEDS[self.kind]}）"


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

    def rules(self) -> list[tuple[RubricNode, RuleSpec]]:
        """Every node that names its rule, in the pack's order (depth first)."""
        out: list[tuple[RubricNode, RuleSpec]] = []
        stack = list(reversed(self.categories))
        while stack:
            node = stack.pop()
            if node.rule is not None:
                out.append((node, node.rule))
            stack.extend(reversed(node.children))
        return out

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
        why = err["ctx"]["error"] if err["type"] == "value_error" else err["msg"]  # our own message, unprefixed
        raise ConfigError(f"{path}: 评分标准字段 {where} 无效：{why}") from None


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
