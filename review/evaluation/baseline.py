"""Baseline and gate (基线与门禁).

eval/baseline.json keeps, per extractor, the flat metrics of the last accepted run. The gate
fails when a metric falls more than `tolerance` (0.02 absolute) below its baseline value — or,
for false alarms, rises more than that above it — when a baseline metric is missing from the
run, or when any high-severity gold finding is missed (whatever the baseline says). Updating
the baseline is an explicit command that prints what changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from review.core.errors import ReviewError
from review.evaluation.results import LOWER_IS_BETTER, EvalResult

TOLERANCE = 0.02
_EPS = 1e-9
ABOUT = (
    "Accepted metrics of `review eval` per extractor. `review eval --gate` (run by `make test`) fails when a "
    "metric drops more than `tolerance` below its value here (false alarms: rises above), or when a "
    "high-severity labeled finding is missed. Change it only with `review eval --update-baseline`."
)


class BaselineError(ReviewError):
    """The baseline file is missing or unreadable."""


def run_key(result: EvalResult) -> str:
    replay = result.replay and result.extractor != "rules"
    return f"{result.extractor}{'+replay' if replay else ''}"


def read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"about": ABOUT, "tolerance": TOLERANCE, "runs": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BaselineError(f"基线文件 {path} 无法读取：{exc}（可用 review eval --update-baseline 重写）") from None
    if not isinstance(data, dict) or not isinstance(data.get("runs"), dict):
        raise BaselineError(f"基线文件 {path} 格式有误：缺少 runs（可用 review eval --update-baseline 重写）")
    return data


def gate(result: EvalResult, path: Path) -> list[str]:
    """One line per regression; empty when the run holds up against the baseline."""
    data = read(path)
    key = run_key(result)
    base = data["runs"].get(key)
    if base is None:
        raise BaselineError(
            f"{path} 中没有 {key} 的基线：请先运行 review eval --extractor {result.extractor} "
            f"{'--replay ' if '+replay' in key else ''}--update-baseline"
        )
    tol = float(data.get("tolerance", TOLERANCE))
    lines = compare(base["metrics"], result.metrics, tol)
    lines += [f"missed high-severity finding {m}" for m in result.findings.missed_high]
    return lines


def compare(base: dict[str, float], new: dict[str, float], tol: float) -> list[str]:
    out = []
    for name, old in sorted(base.items()):
        if name not in new:
            out.append(f"{name}: no longer measured (baseline {old:.4f})")
        elif name in LOWER_IS_BETTER and new[name] > old + tol + _EPS:
            out.append(f"{name}: {new[name]:.4f} > baseline {old:.4f} + {tol}")
        elif name not in LOWER_IS_BETTER and new[name] < old - tol - _EPS:
            out.append(f"{name}: {new[name]:.4f} < baseline {old:.4f} − {tol}")
    return out


def update(result: EvalResult, path: Path) -> list[str]:
    """Write this run as the baseline for its extractor; return the changes, one line each."""
    data = read(path)
    key = run_key(result)
    old = data["runs"].get(key, {}).get("metrics", {})
    new = result.metrics
    f = result.findings
    data["about"] = ABOUT
    data.setdefault("tolerance", TOLERANCE)
    data["runs"][key] = {
        "metrics": new,
        "counts": {
            "reports": len(result.reports),
            "gold_findings": f.overall.gold,
            "clean_relations": f.false_alarms.clean_relations,
            "seeded": result.seeded.overall.injected if result.seeded else 0,
        },
        "tool_version": result.tool.version,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return diff(old, new)


def diff(old: dict[str, float], new: dict[str, float]) -> list[str]:
    out = []
    for name in sorted(set(old) | set(new)):
        a, b = old.get(name), new.get(name)
        if a is None:
            out.append(f"+ {name}: {b:.4f}")
        elif b is None:
            out.append(f"- {name}: {a:.4f}")
        elif abs(a - b) > _EPS:
            out.append(f"  {name}: {a:.4f} → {b:.4f} ({b - a:+.4f})")
    return out
