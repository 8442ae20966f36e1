"""The wire schema the model fills (模型输出格式): relations between numbers, each number given as a
verbatim quote from the chunk plus the value the model reads in it. Python locates every quote,
re-parses the number and builds the claims itself (review.extract.llm.grounding); nothing here is
trusted until then.

`WIRE_SCHEMA` is the JSON Schema sent to servers that take one; `parse_reply` validates any reply
client-side, whatever the server promised.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from review.core.errors import LLMOutputError

_THINK = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL)
_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.DOTALL)

Quote = Annotated[str, Field(min_length=1, max_length=200)]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Num(_Wire):
    """One number: `quote` is copied verbatim from the text and contains exactly that one number;
    `value` is the number as written in the quote (3167.20 for "3167.20万元", 98.3 for "98.3%")."""

    quote: Quote
    value: float


class SumWire(_Wire):
    """合计/总额 and its 其中 items. `exhaustive` is false for 主要是/包括…等 lists."""

    kind: Literal["sum"]
    total: Num
    items: list[Num] = Field(min_length=1, max_length=60)
    exhaustive: bool


class RatioWire(_Wire):
    """A stated rate (执行率/完成率/占比) with the two amounts it is computed from."""

    kind: Literal["ratio"]
    rate: Num
    numerator: Num
    denominator: Num


class BalanceWire(_Wire):
    """上年结转 + 收入 − 支出 = 年末结转."""

    kind: Literal["balance"]
    opening: Num
    inflows: list[Num] = Field(min_length=1, max_length=20)
    outflows: list[Num] = Field(min_length=1, max_length=20)
    closing: Num


class CountWire(_Wire):
    """A stated count (共N个) and the names of the things listed, each quoted verbatim."""

    kind: Literal["count"]
    count: Num
    items: list[Quote] = Field(min_length=1, max_length=60)


class ScoreWire(_Wire):
    """One row of a score statement: indicator or category name, its weight (分值/应得) and score
    (得分/实际得分); `parent` is the verbatim name of the category it belongs to, if any."""

    kind: Literal["score"]
    name: Quote
    weight: Num | None
    score: Num | None
    parent: Quote | None


WireRelation = Annotated[SumWire | RatioWire | BalanceWire | CountWire | ScoreWire, Field(discriminator="kind")]


class Extraction(_Wire):
    relations: list[WireRelation] = Field(max_length=80)


_RELATION: TypeAdapter[Any] = TypeAdapter(WireRelation)


def _strip_titles(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _strip_titles(v) for k, v in node.items() if k not in ("title", "discriminator")}
    if isinstance(node, list):
        return [_strip_titles(v) for v in node]
    return node


def wire_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of a reply model, as every server's grammar converter understands it."""
    schema = model.model_json_schema()
    # oneOf + discriminator is not understood by every grammar converter; anyOf with a const
    # `kind` in each branch means the same thing.
    rel = schema["properties"]["relations"]["items"]
    if "oneOf" in rel:
        rel["anyOf"] = rel.pop("oneOf")
    return _strip_titles(schema)


WIRE_SCHEMA: dict[str, Any] = wire_schema(Extraction)
SCHEMA_SHA = hashlib.sha256(json.dumps(WIRE_SCHEMA, sort_keys=True).encode()).hexdigest()[:16]


def clean_reply(text: str) -> str:
    """Drop <think>…</think> blocks (reasoning models) and a ```json fence around the object."""
    text = _THINK.sub("", text).strip()
    fenced = _FENCE.match(text)
    return fenced.group(1) if fenced else text


def _loads(text: str) -> Any:
    """json.loads, forgiving only stray closing brackets (`…}]]}`) and words after the object,
    which small models emit without a grammar. Nothing is added: a truncated reply stays invalid."""
    first: json.JSONDecodeError | None = None
    for _ in range(4):
        try:
            value, end = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError as exc:
            first = first or exc
            if exc.pos < len(text) and text[exc.pos] in "]}" and exc.msg.startswith("Expecting"):
                text = text[: exc.pos] + text[exc.pos + 1 :]
                continue
            break
        if isinstance(value, dict) or not text[end:].strip():
            return value
        raise LLMOutputError("模型回复在 JSON 之后还有其他内容")
    assert first is not None
    raise LLMOutputError(f"模型回复不是有效 JSON（{first.msg}，位置 {first.pos}）")


def parse_reply(text: str) -> Extraction:
    """Validate a whole reply against the wire schema; LLMOutputError says what is wrong."""
    extraction, malformed = parse_relations(text)
    if malformed:
        raise LLMOutputError(f"模型回复不符合格式（{len(malformed)} 处错误，首处 {malformed[0]}）")
    return extraction


def parse_relations(text: str) -> tuple[Extraction, list[str]]:
    """Validate a reply relation by relation: the well-formed ones, and what was wrong with each
    of the others. The reply itself is invalid (LLMOutputError) when it is not JSON, not
    {"relations": [...]}, or has relations of which none is well-formed."""
    good, malformed = parse_with(text, _RELATION)
    return Extraction(relations=good), malformed


def parse_with(text: str, relation: TypeAdapter[Any]) -> tuple[list[Any], list[str]]:
    """The relations of a reply `relation` validates, and what was wrong with each of the others."""
    cleaned = clean_reply(text)
    if not cleaned:
        raise LLMOutputError("模型回复为空")
    data = _loads(cleaned)
    if isinstance(data, list):
        data = {"relations": data}
    if not isinstance(data, dict) or set(data) != {"relations"} or not isinstance(data["relations"], list):
        raise LLMOutputError('模型回复不符合格式：应为 {"relations": [...]}')
    good: list[Any] = []
    malformed: list[str] = []
    for i, item in enumerate(data["relations"]):
        try:
            good.append(relation.validate_python(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            malformed.append(f"relations.{i}.{where}：{first['msg']}")
    if data["relations"] and not good:
        raise LLMOutputError(f"模型回复不符合格式（{len(malformed)} 处错误，首处 {malformed[0]}）")
    return good, malformed
