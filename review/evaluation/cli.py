"""`review eval`: measure the pipeline against eval/labels, print the table, write JSON, gate.

    review eval [--extractor rules|llm|hybrid] [--replay] [--cache PATH] [--repeat N]
                [--labels DIR] [--json PATH] [--baseline PATH] [--no-seeded]
                [--gate | --update-baseline]
    review eval import-decisions --db PATH [--out DIR] [--samples DIR] [--force]

Exit codes: 0 done (gate passed), 1 gate failed (one line per regression on stderr),
2 usage, configuration or labels error (one line on stderr), 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import NoReturn

from review import argparse_zh
from review.core.errors import ConfigError, ReviewError
from review.core.outcomes import ModelExtractor
from review.core.provenance import EXTRACTORS
from review.evaluation import baseline
from review.evaluation.decisions import import_decisions
from review.evaluation.report import table
from review.evaluation.runner import EvalOptions, run_eval

DEFAULT_LABELS = ("eval/labels", "eval/corpus/labels")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ConfigError(f"用法错误：{message}（见 review eval --help）")


def _positive(raw: str) -> int:
    if not raw.isdigit() or not 1 <= int(raw) <= 100:
        raise argparse.ArgumentTypeError(f"应为 1 到 100 的整数：{raw!r}")
    return int(raw)


def build_parser() -> argparse.ArgumentParser:
    argparse_zh.install()
    p = _Parser(prog="review eval", description="回归评测：在标注样本上度量发现项、抽取与注入错误的查全率和查准率")
    p.add_argument("--extractor", choices=EXTRACTORS, default="rules")
    p.add_argument("--replay", action="store_true", help="模型回复只取自缓存（不发送请求）")
    p.add_argument("--cache", help="模型请求缓存文件（默认按 REVIEW_LLM_CACHE / $REVIEW_HOME）")
    p.add_argument("--repeat", type=_positive, default=1, help="每个样本评测 N 次，报告逐例通过率")
    p.add_argument(
        "--labels",
        action="append",
        default=None,
        help="标注目录，可重复（默认 eval/labels 与 eval/corpus/labels：种子报告与真实语料的 dev/test 两部分）",
    )
    p.add_argument("--json", default="eval/last-run.json", help="结果 JSON（默认 eval/last-run.json）")
    p.add_argument("--baseline", default="eval/baseline.json")
    p.add_argument("--no-seeded", action="store_true", help="不评测注入错误")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--gate", action="store_true", help="与基线比较，退化则退出码 1")
    mode.add_argument("--update-baseline", action="store_true", help="把本次结果写为基线并显示变化")
    p.add_argument("--quiet", action="store_true", help="不打印表格")
    return p


def build_import_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="review eval import-decisions", description="把页面上保存的审核结论导出为新的标注样本")
    p.add_argument("--db", required=True, help="复核数据库（页面保存的 SQLite 文件）")
    p.add_argument("--out", default="eval/labels", help="标注文件目录（默认 eval/labels）")
    p.add_argument("--samples", default="eval/imported", help="样本文本目录（默认 eval/imported）")
    p.add_argument("--force", action="store_true", help="覆盖已有的同名标注和样本")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["import-decisions"]:
            return _import(build_import_parser().parse_args(argv[1:]))
        return _eval(build_parser().parse_args(argv))
    except ReviewError as exc:
        print(f"review eval: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("review eval: 已中断", file=sys.stderr)
        return 130  # the shell's code for Ctrl-C (128 + SIGINT)


def _model(args: argparse.Namespace) -> ModelExtractor | None:
    if args.extractor == "rules":
        return None
    try:
        from review.extract.llm import build_extractor, load_settings
    except ImportError:
        raise ConfigError(
            f"--extractor {args.extractor}：本版本没有模型抽取"
            "（review.extract.llm.build_extractor），请用 --extractor rules"
        ) from None
    settings = load_settings(os.environ, cache=args.cache)
    return build_extractor(settings, replay=args.replay)


def _eval(args: argparse.Namespace) -> int:
    opts = EvalOptions(
        labels_dir=tuple(Path(d) for d in (args.labels or DEFAULT_LABELS) if args.labels or Path(d).is_dir()),
        extractor=args.extractor,
        model=_model(args),
        replay=args.replay,
        repeat=args.repeat,
        seeded=not args.no_seeded,
    )
    result = run_eval(opts, say=(lambda m: print(m, file=sys.stderr)) if args.repeat > 1 or opts.model else None)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result.printed(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not args.quiet:
        sys.stdout.write(table(result))
        print(f"JSON: {out}")
    path = Path(args.baseline)
    if args.update_baseline:
        changes = baseline.update(result, path)
        print(
            f"基线已写入 {path}（{baseline.run_key(result)}）："
            + ("无变化" if not changes else f"{len(changes)} 项变化")
        )
        for line in changes:
            print(line)
        return 0
    if args.gate:
        regressions = baseline.gate(result, path)
        for line in regressions:
            print(f"review eval gate: {line}", file=sys.stderr)
        if regressions:
            return 1
        print(f"review eval gate: OK（{len(result.metrics)} 项指标均不低于 {path} 减容差）")
    return 0


def _import(args: argparse.Namespace) -> int:
    done = import_decisions(Path(args.db), Path(args.out), Path(args.samples), force=args.force)
    if not done:
        print("没有可导出的审核结论（只导出确认或驳回过的发现项）")
    for e in done:
        if e.labels is None:
            print(f"跳过 {e.name}：该复核记录由其他版本写入，本版本无法读取（请用该版本导出，或在页面上重新复核）")
        else:
            print(f"{e.labels}：确认 {e.confirmed}、驳回 {e.dismissed}；样本 {e.sample}")
    return 0
