"""Prompts (提示词) are versioned package data in `review/prompts/` (the repository's top-level
`prompts/` is a link to it), read through importlib.resources so an installed wheel finds them:
`<version>.md` is the system message and `<version>.examples.json` holds worked examples taken
from real reports, sent as earlier turns of the conversation, and the prompt's `formulation`
(review.extract.llm.formulations: quotes, the default, or ids). The version is recorded with every
result; the files' hash goes into the cache key so an edited prompt never reuses old replies.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from review.core.errors import ConfigError

PROMPTS_DIR: Traversable = resources.files("review") / "prompts"
DEFAULT_VERSION = "extract_v1"
FORMULATION_NAMES = ("quotes", "ids")
Message = dict[str, str]


@dataclass(frozen=True)
class Example:
    name: str
    source: str
    text: str
    output: dict[str, Any]


@dataclass(frozen=True)
class Prompt:
    version: str
    system: str
    examples: tuple[Example, ...]
    sha: str
    formulation: str = "quotes"  # review.extract.llm.formulations: how the chunk is shown and the reply read

    def messages(self, text: str) -> list[Message]:
        out: list[Message] = [{"role": "system", "content": self.system}]
        for ex in self.examples:
            out.append({"role": "user", "content": wrap(ex.text)})
            out.append(
                {"role": "assistant", "content": json.dumps(ex.output, ensure_ascii=False, separators=(",", ":"))}
            )
        out.append({"role": "user", "content": wrap(text)})
        return out


def wrap(text: str) -> str:
    return f"<text>\n{text}\n</text>"


def load_prompt(version: str = DEFAULT_VERSION, directory: Traversable = PROMPTS_DIR) -> Prompt:
    system_path = directory / f"{version}.md"
    examples_path = directory / f"{version}.examples.json"
    try:
        system = system_path.read_text(encoding="utf-8").strip()
        raw = examples_path.read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"提示词 {version} 无法读取（{exc}）：应有 {system_path} 和 {examples_path}") from None
    examples = tuple(Example(e["name"], e["source"], e["text"], e["output"]) for e in data["examples"])
    sha = hashlib.sha256((system + "\0" + raw).encode("utf-8")).hexdigest()[:16]
    formulation = data.get("formulation", "quotes")
    if formulation not in FORMULATION_NAMES:
        allowed = " 或 ".join(FORMULATION_NAMES)
        raise ConfigError(f"提示词 {version} 的 formulation 应为 {allowed}，而不是 {formulation!r}")
    return Prompt(version=version, system=system, examples=examples, sha=sha, formulation=formulation)


def reask_invalid(messages: list[Message], reply: str, problem: str, truncated: bool) -> list[Message]:
    """The conversation again, with the bad reply and what was wrong with its form."""
    ask = f"上面的回复无法使用：{problem}。"
    if truncated:
        ask += "回复太长被截断了：只列出最主要的关系，输出更短的 JSON。"
    ask += '请重新只输出一个 JSON 对象 {"relations": [...]}，不要输出其他文字。'
    return [*messages, {"role": "assistant", "content": reply[:4000]}, {"role": "user", "content": ask}]


def reask_ungrounded(messages: list[Message], reply: str, problems: list[str]) -> list[Message]:
    """The conversation again, naming the quotes that are not verbatim in the text. It never says
    anything about whether numbers add up: that is for the checks to find, not for the model to fix."""
    listed = "；".join(problems[:10])
    ask = (
        f"上面的回复中有引文在原文中找不到或数值与引文不符：{listed}。"
        "请重新输出完整的 JSON：每个 quote 必须从 <text> 原文逐字复制，value 必须是该 quote 中的数字；"
        "找不到原文依据的关系不要输出。"
    )
    return [*messages, {"role": "assistant", "content": reply[:4000]}, {"role": "user", "content": ask}]
