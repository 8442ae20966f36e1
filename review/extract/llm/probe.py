"""`review llm check` (连通性检查): one tiny request per structured-output mode to the configured endpoint,
saying which modes give JSON, how long each took and the tokens it counted — so that a hosted model is
one setting, tried before a batch is sent to it.

A fault of the endpoint itself (a wrong key, a host that does not answer, a model name it does not know)
ends the check with the client's one-line explanation; a mode the server rejects is reported and the
next one tried."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from review.extract.llm.client import MODES, Message, OpenAIChatClient, TransportFailure
from review.extract.llm.settings import LLMSettings

PROBE_MODES: tuple[str, ...] = (*MODES, "none")
PROBE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"ok": {"type": "boolean"}},
    "required": ["ok"],
    "additionalProperties": False,
}
PROBE_MESSAGES: list[Message] = [
    {"role": "system", "content": "只输出一个 JSON 对象，不要输出其他文字。"},
    {"role": "user", "content": '请回答 {"ok": true}'},
]


@dataclass(frozen=True)
class ModeResult:
    mode: str
    works: bool
    seconds: float = 0.0
    tokens_in: int = 0
    tokens_out: int = 0
    detail: str = ""


@dataclass(frozen=True)
class ProbeReport:
    base_url: str
    model: str
    results: tuple[ModeResult, ...]

    @property
    def best(self) -> str | None:
        """The first mode, in the order `auto` tries them, that gave JSON."""
        return next((r.mode for r in self.results if r.works), None)

    def lines(self) -> list[str]:
        out = [f"端点 {self.base_url}  模型 {self.model}"]
        for r in self.results:
            state = "可用" if r.works else "不可用"
            cost = f"{r.seconds:.2f} 秒，输入 {r.tokens_in} / 输出 {r.tokens_out} tokens" if r.works else r.detail
            out.append(f"  {r.mode:<20}{state}  {cost}")
        best = self.best
        out.append(
            f"建议：REVIEW_LLM_OUTPUT={best}（auto 会自动选用）"
            if best
            else "没有一种输出方式得到 JSON：请换用支持 JSON 输出的模型"
        )
        return out


def _gives_json(text: str) -> bool:
    try:
        value = json.loads(text.strip())
    except ValueError:
        return False
    return isinstance(value, dict) and value.get("ok") is True


def probe(settings: LLMSettings, *, base_url: str, model: str) -> ProbeReport:
    """Each mode once (no cache, transport retries as configured); TransportFailure when the endpoint
    itself fails, with the client's explanation."""
    client = OpenAIChatClient(settings, base_url=base_url, model=model)
    results: list[ModeResult] = []
    try:
        for mode in PROBE_MODES:
            try:
                reply = client.complete(PROBE_MESSAGES, PROBE_SCHEMA, mode)
            except TransportFailure as exc:
                if exc.original is not None and not any(r.works for r in results):
                    raise  # the endpoint, not the mode, and nothing answered yet: the one-line reason ends the check
                results.append(ModeResult(mode, False, detail=str(exc)))
                continue
            works = _gives_json(reply.text)
            detail = "" if works else f"回复不是所要的 JSON：{reply.text.strip()[:60]!r}"
            results.append(ModeResult(mode, works, reply.seconds, reply.tokens_in, reply.tokens_out, detail))
    finally:
        client.close()
    return ProbeReport(base_url, model, tuple(results))
